"""Handouts in the client's language: fixed words from the catalogues, exercises from translation files."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pdfplumber
import pytest
from conftest import ROOT, STARTER_TRANSLATIONS, STARTER_WORKSHEETS, read_pages

import generator
import generator.load.layouts
from generator.base.errors import InputError
from generator.compose.i18n import catalogue
from generator.model.choices import LANGUAGES
from generator.model.limits import Limits
from generator.resolve.resolve import Options, resolve

# Fixed English that must never print in another language (where that language says it differently).
ENGLISH_PHRASES = ("Take care", "Tracking log", "How often", "Stop and call your clinician if:", "Client:",
                   "Clinician:", "Works on:", "You need:", "Scan the code", "each side", "× a day",
                   "This handout is general education", "Tick a box each day", "Lying on your back")
ENGLISH_HEADINGS = ("Sets", "Reps", "Hold", "Rest", "Side", "Week", "Day", "Position", "Notes")


def english_only(language: str) -> set[str]:
    """Words of the tool's English that the language's catalogue never uses."""
    from babel.messages.pofile import read_po

    with (Path(generator.__file__).parent / "locales/worksheet.pot").open("rb") as file:
        english = {word for message in read_po(file) for text in _texts(message.id) for word in re.findall(r"[A-Za-z]{2,}", text)}
    used = set()
    with (Path(generator.__file__).parent / f"locales/{language}/LC_MESSAGES/worksheet.po").open("rb") as file:
        for message in read_po(file):
            for text in _texts(message.string):
                used |= set(re.findall(r"\w{2,}", text))
    placeholders = {"count", "number", "total", "seconds", "minutes", "week", "time"}
    return english - used - placeholders


def _texts(value) -> list[str]:
    return [value] if isinstance(value, str) else [v for v in value if v]


def text_of(data: bytes) -> str:
    return " ".join(" ".join(page.text.split()) for page in read_pages(data))


def leaked(text: str, language: str, candidates) -> list[str]:
    translations = catalogue(language)
    return [phrase for phrase in candidates
            if translations.gettext(phrase.rstrip(":")) != phrase.rstrip(":") and re.search(rf"\b{re.escape(phrase)}", text)]


# Every fixed word a handout can print, around user text that is all Greek: any English left is the tool's.
NEUTRAL = """\
title: Ασκήσεις
subtitle: Αυχένας
intro: Κείμενο.
stop_if: [Πόνος]
log: {weeks: 2}
notes: {lines_per_exercise: 1, lines_at_end: 2}
exercises:
  - exercise:
      name: Άσκηση
      summary: Περίληψη.
      position: lying
      equipment: [Πετσέτα]
      targets: [Τραπέζιος]
      steps: [Βήμα ένα., Βήμα δύο.]
      dosage: {sets: 3, reps: 10, hold_seconds: 90, duration_seconds: 60, rest_seconds: 20, per_day: 2, per_week: 5, side: each}
      cautions: [Προσοχή.]
      tips: [Συμβουλή.]
      video: https://example.org/v
      variations: [{level: easier, text: Ευκολότερο.}, {level: harder, text: Δυσκολότερο.}]
      progression: [{weeks: 1-2, dosage: {sets: 2}}, {weeks: 3+, dosage: {sets: 3}}]
    note: Σημείωση.
closing: Τέλος.
"""


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_no_fixed_english_word_leaks_into_another_language(project: Path, run, language: str):
    (project / "worksheets/neutral.yaml").write_text(NEUTRAL, encoding="utf-8")
    result = run("build", "worksheets/neutral.yaml", "--language", language, "--client", "Ζωή", "--date", "2026-11-20",
                 "--clinician", "Γιώργος", "--note", "Σημείωση.", "--exercise-note", "inline-1=Σημείωση.", "-o", "n.pdf")
    assert result.exit_code == 0, result.stderr
    pages = read_pages((project / "n.pdf").read_bytes())
    text = " ".join(" ".join(page.text.split()) for page in pages)
    words = set(re.findall(r"\w{2,}", text.replace("https://example.org/v", "")))
    assert sorted(words & english_only(language)) == []
    with_number = catalogue(language).gettext("Page {number} of {total}").format(number=1, total=len(pages))
    assert with_number in " ".join(pages[0].text.split())


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_no_fixed_english_word_leaks_into_a_set_in_another_language(project: Path, run, language: str):
    """The cover, contents, checklist and the log pages that name their program, around Greek user text."""
    (project / "worksheets/neutral.yaml").write_text(NEUTRAL, encoding="utf-8")
    (project / "worksheets/neutral-2.yaml").write_text(NEUTRAL.replace("Ασκήσεις", "Τέντωμα"), encoding="utf-8")
    result = run("bundle", "worksheets/neutral.yaml", "worksheets/neutral-2.yaml", "--language", language,
                 "--client", "Ζωή", "--date", "2026-11-20", "--clinician", "Γιώργος", "--note", "Σημείωση.",
                 "--log-weeks", "3", "-o", "set.pdf")
    assert result.exit_code == 0, result.stderr
    text = text_of((project / "set.pdf").read_bytes())
    words = set(re.findall(r"\w{2,}", text.replace("https://example.org/v", "")))
    assert sorted(words & english_only(language)) == []
    assert leaked(text, language, ENGLISH_PHRASES) == []
    heading = catalogue(language).gettext("Tracking log: {title}")
    assert heading != "Tracking log: {title}"
    assert heading.format(title="Τέντωμα") in text


@pytest.mark.parametrize("worksheet", STARTER_TRANSLATIONS, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_the_spanish_worksheets_are_spanish_throughout(worksheet: Path):
    handout = resolve(worksheet)
    assert handout.language == "es" and handout.warnings == ()
    text = text_of(generator.build_bytes(worksheet))
    assert leaked(text, "es", ENGLISH_PHRASES + ENGLISH_HEADINGS) == []
    for item in handout.exercises:
        assert f"{item.number}. {item.exercise.name}" in text
    assert "Precaución" in text and "Registro de seguimiento" in text


def test_dates_print_the_way_each_language_writes_them(project: Path, run):
    expected = {"en": "20 November 2026", "es": "20 de noviembre de 2026", "fr": "20 novembre 2026",
                "de": "20. November 2026", "pt": "20 de novembro de 2026", "it": "20 novembre 2026"}
    for language, written in expected.items():
        result = run("build", "worksheets/upper-back-trigger-points.yaml", "--language", language,
                     "--date", "2026-11-20", "-o", f"{language}.pdf")
        assert result.exit_code == 0, result.stderr
        assert written in text_of((project / f"{language}.pdf").read_bytes())


def test_a_missing_translation_warns_and_prints_english_or_fails_with_strict(project: Path, run):
    (project / "worksheets/exercises/es/chin-tuck.yaml").unlink()
    result = run("build", "worksheets/es/neck-and-upper-back-knots.yaml", "-o", "es.pdf")
    assert result.exit_code == 0
    warning = ("worksheets/es/neck-and-upper-back-knots.yaml:14:5: exercises[1]: exercise 'chin-tuck' has no "
               "Spanish translation (looked for worksheets/exercises/es/chin-tuck.yaml)")
    assert result.stderr == f"{warning.replace(': exercises[1]', ': warning: exercises[1]')}; it prints in English\n"
    assert "Chin tuck" in text_of((project / "es.pdf").read_bytes())
    strict = run("build", "worksheets/es/neck-and-upper-back-knots.yaml", "--strict", "-o", "strict.pdf")
    assert (strict.exit_code, strict.stderr) == (1, warning + "\n")
    assert not (project / "strict.pdf").exists()


def test_a_translation_with_a_step_missing_is_an_error(project: Path):
    path = project / "worksheets/exercises/es/chin-tuck.yaml"
    path.write_text(path.read_text().replace("  - Mira al frente y mantén el mentón horizontal.\n", ""), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        resolve(project / "worksheets/es/neck-and-upper-back-knots.yaml")
    assert caught.value.message == ("worksheets/exercises/es/chin-tuck.yaml:8:3: steps: 4 items here but 5 in "
                                    "worksheets/exercises/chin-tuck.yaml; translate each one, in the same order")


def test_the_language_column_of_the_clients_csv(project: Path, run):
    (project / "clients.csv").write_text("client,worksheet,language\nAna,upper-back-trigger-points,es\n"
                                         "Bea,upper-back-trigger-points,de\nCai,upper-back-trigger-points,esp\n")
    result = run("batch", "--clients", "clients.csv", "-o", "out", "-j", "1")
    lines = result.stderr.splitlines()
    assert lines[-1] == "clients.csv:4:3: language: expected one of en, es, fr, de, pt, it; got 'esp' (did you mean 'es'?)"
    assert ("worksheets/upper-back-trigger-points.yaml:12:5: warning: exercises[0]: exercise "
            "'rhomboid-stretch-long-sitting' has no German translation (looked for "
            "worksheets/exercises/de/rhomboid-stretch-long-sitting.yaml); it prints in English") in lines
    assert set(lines) >= {f"worksheets/upper-back-trigger-points.yaml: warning: written in English (it names no "
                          f"language) but built in {name} by clients.csv:{row}:3; its own text stays English: leave "
                          f"that language cell empty, or write a {name} copy of the worksheet"
                          for row, name in ((2, "Spanish"), (3, "German"))}
    assert len(lines) == len(set(lines)) == 9  # each warning once: two worksheets, six German exercises, the error
    assert "Precaución" in text_of((project / "out/Ana-upper-back-trigger-points.pdf").read_bytes())
    assert "Vorsicht" in text_of((project / "out/Bea-upper-back-trigger-points.pdf").read_bytes())


def test_the_language_option_overrides_the_worksheet(project: Path):
    handout = resolve(ROOT / "worksheets/es/upper-back-trigger-points.yaml", Options(language="en"))
    assert handout.language == "en" and handout.exercises[0].exercise.name == "Rhomboid stretch, long sitting"


def test_arabic_and_hebrew_are_refused_rather_than_printed_garbled(project: Path, run):
    (project / "worksheets/rtl.yaml").write_text(
        "title: تمارين الرقبة\nexercises:\n  - exercise:\n      name: מתיחה\n      position: sitting\n"
        "      steps: [Sit tall\u200f.]\n", encoding="utf-8")
    result = run("build", "worksheets/rtl.yaml")
    message = ("Arabic and Hebrew text cannot be printed yet: its letters would come out unjoined and in the wrong "
               "order; write this field in a left-to-right script")
    assert (result.exit_code, result.stderr) == (1, f"worksheets/rtl.yaml:1:8: title: {message}\n"
                                                    f"worksheets/rtl.yaml:4:13: exercises[0].exercise.name: {message}\n")


def test_a_bilingual_handout_prints_each_step_in_both_languages_the_second_lighter(project: Path, run):
    result = run("build", "worksheets/es/neck-and-upper-back-knots.yaml", "--second-language", "en", "-o", "bi.pdf")
    assert result.exit_code == 0, result.stderr
    handout = resolve(project / "worksheets/es/neck-and-upper-back-knots.yaml", Options(second_language="en"))
    english = resolve(project / "worksheets/neck-and-upper-back-knots.yaml")
    item, source = handout.exercises[2], english.exercises[2]
    assert item.second_steps == tuple(source.exercise.steps)
    with pdfplumber.open(project / "bi.pdf") as pdf:
        words = [w for page in pdf.pages for w in page.extract_words(extra_attrs=["non_stroking_color", "size"])]
        text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    for spanish, second in zip(item.exercise.steps, item.second_steps):
        assert text.index(spanish[:30]) < text.index(second[:30])  # each English line follows its Spanish step
    style = {w["text"]: (w["non_stroking_color"], round(w["size"], 1)) for w in words}
    spanish_colour, spanish_size = style[item.exercise.steps[0].split()[0]]
    english_colour, english_size = style[item.second_steps[0].split()[0]]
    assert english_colour != spanish_colour and english_size < spanish_size


CJK_FONT = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")  # Debian's fonts-droid-fallback


@pytest.mark.skipif(not CJK_FONT.is_file() and not os.environ.get("CI"), reason="needs fonts-droid-fallback")
def test_chinese_wraps_between_characters_when_the_layout_names_a_cjk_font(project: Path):
    fonts = "".join(f"  {face}: {CJK_FONT}\n" for face in ("regular", "bold", "italic", "bold_italic"))
    (project / "layouts/cjk.yaml").write_text(f"extends: standard\nname: CJK\nfonts:\n{fonts}")
    step = "请坐直，双脚平放在地板上，肩膀放松。慢慢地把头向后移动，就像做双下巴一样，保持下巴水平，不要向上或向下倾斜。" * 2
    (project / "worksheets/zh.yaml").write_text(
        f"title: 颈部练习\nlayout: cjk\nexercises:\n  - exercise:\n      name: 收下巴\n      position: sitting\n"
        f"      steps: ['{step}']\n", encoding="utf-8")
    data = generator.build_bytes(project / "worksheets/zh.yaml", allow_outside=True)
    margins = generator.load.layouts.load_layout(project / "layouts/cjk.yaml", Limits())[0].page.margins
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        chars = [c for c in page.chars if "\u4e00" <= c["text"] <= "\u9fff"]
        # The step's characters in reading order: the picture's label beside it shares its lines.
        printed = [c for c in page.chars if c["size"] < 12 and c["text"].strip("\x00 ")]
        text = "".join(c["text"] for c in sorted(printed, key=lambda c: (round(c["top"]), c["x0"])))
    assert step[:40] in text
    assert chars and all(margins.left - 0.5 <= c["x0"] and c["x1"] <= page.width - margins.right + 0.5 for c in chars)
    step_lines = {round(c["top"]) for c in chars if c["size"] < 12}
    assert len(step_lines) >= 3  # the 100-character step wraps over several lines, between characters


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("worksheet", STARTER_WORKSHEETS + STARTER_TRANSLATIONS,
                         ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_every_shipped_worksheet_builds_in_every_shipped_language(worksheet: Path, language: str):
    pages = read_pages(generator.build_bytes(worksheet, language=language))
    label = catalogue(language).gettext("Page {number} of {total}")
    for number, page in enumerate(pages, start=1):
        assert label.format(number=number, total=len(pages)) in " ".join(page.text.split())
        assert "\ufffd" not in page.text
    if language != "en":
        assert not re.search(r"\bPage \d+ of \d+", " ".join(page.text for page in pages))


COUNTS = """\
title: Τρεις
exercises:
  - exercise: {{name: Ένα, position: sitting, steps: [Βήμα.], dosage: {{sets: 1, reps: 1, per_day: 1, per_week: 1}}}}
  - exercise: {{name: Δύο, position: sitting, steps: [Βήμα.], dosage: {{sets: 2, reps: 2, per_day: 2, per_week: 2}}}}
  - exercise: {{name: Τρία, position: sitting, steps: [Βήμα.], dosage: {{per_week: {weekly}}}}}
"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_handout_prints_every_count_in_the_plural_form_its_language_gives_it(project: Path, language: str):
    from test_wording import COUNTED

    one, two, once_a_week, twice_a_week = COUNTED[language]
    for weekly, a_week in ((1, once_a_week), (2, twice_a_week)):
        (project / "worksheets/counts.yaml").write_text(COUNTS.format(weekly=weekly), encoding="utf-8")
        text = text_of(generator.build_bytes(project / "worksheets/counts.yaml", language=language))
        assert one in text and two in text and a_week in text


def test_a_worksheet_built_in_another_language_warns_that_its_own_text_stays_or_fails_with_strict(project: Path,
                                                                                                  run):
    warning = ("worksheets/es/neck-and-upper-back-knots.yaml:2:11: warning: language: written in Spanish (language: "
               "es) but built with --language fr; its own text stays Spanish: leave out --language, or write a French "
               "copy of the worksheet")
    result = run("build", "worksheets/es/neck-and-upper-back-knots.yaml", "--language", "fr", "-o", "fr.pdf")
    assert result.exit_code == 0 and result.stderr.splitlines()[0] == warning
    assert "Nudos musculares" in text_of((project / "fr.pdf").read_bytes())
    strict = run("build", "worksheets/es/neck-and-upper-back-knots.yaml", "--language", "fr", "--strict", "-o", "s.pdf")
    assert strict.exit_code == 1 and strict.stderr.splitlines()[0] == warning.replace("warning: ", "")
    assert not (project / "s.pdf").exists()
    english = run("build", "worksheets/upper-back-trigger-points.yaml", "--language", "de", "--strict")
    assert (english.exit_code, english.stderr.splitlines()[0]) == (
        1, "worksheets/upper-back-trigger-points.yaml: written in English (it names no language) but built with "
           "--language de; its own text stays English: leave out --language, or write a German copy of the worksheet")


def test_a_worksheet_built_in_its_own_language_says_nothing(project: Path, run):
    for worksheet, language in (("es/neck-and-upper-back-knots", "es"), ("upper-back-trigger-points", "en")):
        result = run("build", f"worksheets/{worksheet}.yaml", "--language", language, "--strict", "-o", "x.pdf")
        assert (result.exit_code, result.stderr) == (0, "")


def test_a_bilingual_handout_prints_title_names_cautions_stop_signs_and_doses_in_both_languages(project: Path, run):
    result = run("build", "worksheets/es/neck-and-upper-back-knots.yaml", "--second-language", "en", "-o", "bi.pdf")
    assert (result.exit_code, result.stderr) == (0, "")
    text = text_of((project / "bi.pdf").read_bytes())
    english = resolve(project / "worksheets/neck-and-upper-back-knots.yaml")
    spanish = resolve(project / "worksheets/es/neck-and-upper-back-knots.yaml")
    pairs = [(spanish.worksheet.title, english.worksheet.title),
             ("Detente y llama a tu profesional de la salud si:", "Stop and call your clinician if:"),
             (spanish.worksheet.stop_if[0], english.worksheet.stop_if[0]),
             ("Precaución", "Take care"),
             ("10 repeticiones · mantener 5 s · 2 veces al día", "10 reps · hold 5 s · 2× a day")]
    pairs += [(ours.exercise.name, theirs.exercise.name) for ours, theirs in zip(spanish.exercises, english.exercises)]
    pairs += [(ours.exercise.cautions[0], theirs.exercise.cautions[0])
              for ours, theirs in zip(spanish.exercises, english.exercises) if ours.exercise.cautions]
    for first, second in pairs:
        first, second = " ".join(first.split()), " ".join(second.split())
        assert first in text and second in text
        assert text.index(first) < text.index(second)  # the second language under the first


def test_without_its_own_words_in_the_second_language_a_handout_still_gives_its_fixed_words_in_both(project: Path,
                                                                                                    run):
    result = run("build", "worksheets/upper-back-trigger-points.yaml", "--second-language", "fr", "-o", "bi.pdf")
    assert result.exit_code == 0 and "; its steps print in one language only" in result.stderr
    text = text_of((project / "bi.pdf").read_bytes())
    for english, french in (("Stop and call your clinician if:", "Arrêtez et appelez votre praticien si :"),
                            ("Take care", "Attention"), ("× a day", "fois par jour")):
        assert english in text and french in text
    handout = resolve(project / "worksheets/upper-back-trigger-points.yaml", Options(second_language="fr"))
    assert handout.second_language == "fr" and handout.second_title is None and handout.second_stop_if == ()
