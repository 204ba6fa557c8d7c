"""One front door: every caller builds, checks and warns alike; a batch rebuilds whatever an option changes."""

from __future__ import annotations

import base64
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
import reportlab
from conftest import ROOT, read_pages
from pypdf import PdfReader

from generator.app.batch import Job
from generator.app.batch import run as run_batch
from generator.app.fingerprint import NOT_OUTPUT
from generator.app.output import TEMP_SUFFIX, write_atomically
from generator.check.coverage import drawable
from generator.compose.i18n import catalogue
from generator.load.changes import client_options
from generator.model.limits import Limits
from generator.resolve.options import Options, Where

TRIGGER_POINTS = "worksheets/upper-back-trigger-points.yaml"
CANNOT_DRAW = "the font 'DejaVuSans' cannot draw '坐' (U+5750); use a layout whose fonts have them, or remove them"


def text_of(path: Path) -> str:
    return " ".join(" ".join(page.text.split()) for page in read_pages(path.read_bytes()))


def test_a_batch_asked_for_another_language_rebuilds_instead_of_keeping_the_english_handout(project: Path, run):
    assert run("batch", TRIGGER_POINTS, "-o", "o", "-j", "1").stdout.startswith("built 1, unchanged 0")
    german = run("batch", TRIGGER_POINTS, "-o", "o", "-j", "1", "--language", "de")
    assert german.stdout.startswith("built 1, unchanged 0"), german.stdout
    assert "Vorsicht" in text_of(project / "o/upper-back-trigger-points.pdf")
    bilingual = run("batch", TRIGGER_POINTS, "-o", "o", "-j", "1", "--language", "de", "--second-language", "es")
    assert bilingual.stdout.startswith("built 1, unchanged 0")
    assert run("batch", TRIGGER_POINTS, "-o", "o", "-j", "1", "--language", "de", "--second-language", "es"
               ).stdout.startswith("built 0, unchanged 1")


def test_every_option_that_can_change_a_handout_is_in_its_fingerprint(project: Path):
    changes, problems = client_options({"client": "Ana"}, (), (), ())
    (project / "clinic.yaml").write_text("name: Riverside Physio\n")
    flipped = {
        "layout": "compact", "paper": "a4", "library": project / "worksheets/exercises",
        "clinic": project / "clinic.yaml", "personal": changes, "log_weeks": 1, "allow_outside": True,
        "language": "de", "strict": True, "second_language": "es", "limits": Limits(steps=99),
    }
    assert not problems and set(flipped) == set(Options.field_names) - NOT_OUTPUT  # a new option needs a line here
    output = project / "o/handout.pdf"

    def outcome(options: Options) -> str:
        job = Job(label="sheet", worksheet=project / TRIGGER_POINTS, output=output, options=options)
        return run_batch([job], workers=1).outcomes[0].status

    assert outcome(Options()) == "built"
    assert outcome(Options()) == "unchanged"
    for name, value in flipped.items():
        assert outcome(Options(**{name: value})) == "built", name
        assert outcome(Options()) == "built", name
    assert outcome(Options(layout_given_at=Where(file="clients.csv", line=3))) == "unchanged"  # where, not what


def test_a_bundle_title_the_font_cannot_draw_is_an_error_not_a_blank_box(project: Path, run):
    result = run("bundle", TRIGGER_POINTS, "--title", "Home 坐 care", "-o", "set.pdf")
    assert (result.exit_code, result.stderr) == (1, f"--title: {CANNOT_DRAW}\n")
    assert not (project / "set.pdf").exists()


def test_validate_refuses_what_build_refuses(project: Path, run):
    path = project / "worksheets/upper-back-trigger-points.yaml"
    path.write_text(path.read_text().replace("title: ", "title: 坐 ", 1), encoding="utf-8")
    built = run("build", TRIGGER_POINTS)
    checked = run("validate", TRIGGER_POINTS)
    assert built.exit_code == checked.exit_code == 1
    assert built.stderr.splitlines()[0] == checked.stderr.splitlines()[0]
    assert checked.stderr.splitlines()[0].endswith(f": title: {CANNOT_DRAW}")


def test_a_second_language_step_the_font_cannot_draw_is_caught_at_its_own_file(project: Path, run):
    path = project / "worksheets/exercises/es/chin-tuck.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Mira al frente", "Mira 坐 al frente"), encoding="utf-8")
    result = run("validate", "worksheets/neck-and-upper-back-knots.yaml", "--second-language", "es")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"worksheets/exercises/es/chin-tuck.yaml:9:5: steps[1]: {CANNOT_DRAW}"


def test_batch_bundle_and_validate_print_the_warnings_build_prints(project: Path, run):
    (project / "worksheets/exercises/es/chin-tuck.yaml").unlink()
    sheet = "worksheets/es/neck-and-upper-back-knots.yaml"
    warning = run("build", sheet, "-o", "es.pdf").stderr
    assert warning.startswith("worksheets/es/neck-and-upper-back-knots.yaml:14:5: warning: exercises[1]: ")
    assert run("batch", sheet, "-o", "o", "-j", "1").stderr == warning
    assert run("bundle", sheet, TRIGGER_POINTS, "-o", "set.pdf").stderr == warning
    checked = run("validate", sheet)
    assert checked.exit_code == 0 and checked.stderr == warning and checked.stdout.endswith(", 1 warning\n")


def test_a_bundle_prints_each_worksheet_in_its_own_layout_and_language(project: Path, run):
    (project / "layouts/no-cautions.yaml").write_text("extends: standard\nname: No cautions\nshow:\n  cautions: false\n")
    quiet = project / "worksheets/quiet.yaml"
    quiet.write_text((project / "worksheets/between-shoulder-blades.yaml").read_text().replace(
        "layout: standard", "layout: no-cautions"))
    assert "layout: no-cautions" in quiet.read_text()
    result = run("bundle", "worksheets/quiet.yaml", "worksheets/es/upper-back-trigger-points.yaml", "-o", "set.pdf")
    assert result.exit_code == 0, result.stderr
    pages = read_pages((project / "set.pdf").read_bytes())
    starts = [n for n, page in enumerate(pages) if "Ejercicios para" in page.text or "Estiramiento" in page.text]
    quiet_text = " ".join(page.text for page in pages[2:starts[0]])
    spanish_text = " ".join(page.text for page in pages[starts[0]:])
    assert "Take care" not in quiet_text and "Precaución" in spanish_text


def test_the_checklist_lists_the_equipment_of_variation_exercises(project: Path, run):
    assert run("bundle", "worksheets/between-shoulder-blades.yaml", "-o", "set.pdf").exit_code == 0
    checklist = " ".join(page.text for page in read_pages((project / "set.pdf").read_bytes())[:2])
    assert "light medicine ball" in checklist and "solid wall" in checklist


def test_a_temporary_file_left_by_a_killed_build_is_removed_by_the_next_write(tmp_path: Path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(gone.stdout)
    stale = tmp_path / f".handout.pdf.{dead}.abc123{TEMP_SUFFIX}"
    live = tmp_path / f".other.pdf.{os.getppid()}.def456{TEMP_SUFFIX}"  # a writer that is still running
    stale.write_bytes(b"%PDF-1.4 half")
    live.write_bytes(b"%PDF-1.4 half")
    write_atomically(tmp_path / "new.pdf", b"%PDF-1.4 whole")
    assert not stale.exists() and live.exists() and (tmp_path / "new.pdf").read_bytes() == b"%PDF-1.4 whole"


REPORTLAB_FONTS = Path(reportlab.__file__).parent / "fonts"  # Vera: character maps in format 4, not 12


@pytest.mark.parametrize("font", [*sorted((ROOT / "generator/fonts").glob("*.ttf")),
                                  *sorted(REPORTLAB_FONTS.glob("*.ttf")),
                                  Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")],
                         ids=lambda path: path.name)
def test_the_character_map_reader_agrees_with_reportlab(font: Path):
    if not font.is_file():
        pytest.skip(f"{font} is not installed")
    from reportlab.pdfbase.ttfonts import TTFontFile

    drawn = {code for code, glyph in TTFontFile(str(font)).charToGlyph.items() if glyph}
    assert drawable(font.read_bytes()).codes() == drawn


def test_paper_legal_reaches_the_page(project: Path, run):
    assert run("build", TRIGGER_POINTS, "--paper", "legal", "-o", "legal.pdf").exit_code == 0
    box = PdfReader(project / "legal.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 1008)


def test_pictures_are_decoded_once_and_a_jpeg_is_embedded_as_its_own_bytes(project: Path):
    import pikepdf
    from PIL import Image

    from generator.app.caches import Caches
    from generator.app.pipeline import build_handout

    Image.new("RGB", (120, 80), (200, 30, 30)).save(project / "worksheets/flat.png")
    Image.effect_noise((160, 120), 60).convert("RGB").save(project / "worksheets/photo.jpg", quality=80)
    sheet = project / "worksheets/pictures.yaml"
    sheet.write_text("title: Pictures\nexercises:\n"
                     "  - exercise: {name: Flat, steps: [Look.], illustration: flat.png}\n"
                     "  - exercise: {name: Photo, steps: [Look.], illustration: photo.jpg}\n")
    caches = Caches()
    first = build_handout(sheet, Options(), caches).pdf
    assert len(caches.checker.images) == 2
    assert build_handout(sheet, Options(), caches).pdf == first and len(caches.checker.images) == 2
    pdf = pikepdf.open(io.BytesIO(first))
    streams = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"]
    assert len(streams) == 2
    jpeg = [s for s in streams if "/DCTDecode" in [str(f) for f in s.get("/Filter")]]
    embedded = base64.a85decode(jpeg[0].read_raw_bytes().strip().removesuffix(b"~>"))  # ReportLab's ASCII85
    assert len(jpeg) == 1 and embedded == (project / "worksheets/photo.jpg").read_bytes()


@pytest.mark.parametrize("language", ["en", "es", "fr", "de", "pt", "it"])
def test_a_printed_date_and_the_page_label_fit_on_one_line_in_every_language(project: Path, run, language: str):
    """Both are measured in the language printed, not in English."""
    out = project / f"{language}.pdf"
    result = run("build", TRIGGER_POINTS, "--layout", "compact", "--language", language, "--date", "2026-09-28",
                 "-o", str(out))
    assert result.exit_code == 0, result.stderr
    pages = read_pages(out.read_bytes())
    words = pages[0].words
    year = next(word for word in words if word.text == "2026")
    day = next(word for word in words if word.text.startswith("28"))
    assert abs(year.top - day.top) < 1 and year.x0 > day.x0  # one line, left to right
    label = catalogue(language).gettext("Page {number} of {total}").split()[0]  # "Page", "Página", "Seite"...
    last = pages[-1].words
    total = max((word for word in last if word.text == str(len(pages))), key=lambda word: word.x0)
    assert any(word.text == label and abs(word.top - total.top) < 1 for word in last)  # the whole label on one line


def test_a_batch_rebuilds_when_a_variation_exercise_changes(project: Path, run):
    sheet = "worksheets/between-shoulder-blades.yaml"  # its harder twist is another library exercise
    assert run("batch", sheet, "-o", "o", "-j", "1").stdout.startswith("built 1, unchanged 0")
    variation = project / "worksheets/exercises/medicine-ball-rotational-throw.yaml"
    variation.write_text(variation.read_text().replace("A more demanding version", "A harder version"))
    assert run("batch", sheet, "-o", "o", "-j", "1").stdout.startswith("built 1, unchanged 0")
    assert "A harder version of the standing twist" in text_of(project / "o/between-shoulder-blades.pdf")


def test_a_variation_exercise_s_equipment_the_font_cannot_draw_stops_the_bundle(project: Path, run):
    variation = project / "worksheets/exercises/medicine-ball-rotational-throw.yaml"
    variation.write_text(variation.read_text().replace("light medicine ball", "light 坐 ball"), encoding="utf-8")
    result = run("bundle", "worksheets/between-shoulder-blades.yaml", "-o", "set.pdf")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (f"worksheets/between-shoulder-blades.yaml:27:23: sections[0]."
                                              f"exercises[1].variations[1].exercise: {CANNOT_DRAW}")


def test_a_second_language_or_variation_without_its_translation_warns_or_fails_with_strict(project: Path, run):
    (project / "worksheets/exercises/es/chin-tuck.yaml").unlink()
    (project / "worksheets/exercises/es/medicine-ball-rotational-throw.yaml").unlink()
    bilingual = run("build", "worksheets/neck-and-upper-back-knots.yaml", "--second-language", "es", "-o", "a.pdf")
    assert bilingual.exit_code == 0 and "; its steps print in one language only\n" in bilingual.stderr
    strict = run("build", "worksheets/neck-and-upper-back-knots.yaml", "--second-language", "es", "--strict")
    assert strict.exit_code == 1 and strict.stderr.splitlines()[0].endswith(
        "exercise 'chin-tuck' has no Spanish translation (looked for worksheets/exercises/es/chin-tuck.yaml)")
    spanish = run("build", "worksheets/es/between-shoulder-blades.yaml", "-o", "b.pdf")
    assert spanish.exit_code == 0 and spanish.stderr == (
        "worksheets/es/between-shoulder-blades.yaml:28:23: warning: sections[0].exercises[1].variations[1].exercise: "
        "exercise 'medicine-ball-rotational-throw' has no Spanish translation (looked for "
        "worksheets/exercises/es/medicine-ball-rotational-throw.yaml); it prints in English\n")
    assert run("build", "worksheets/es/between-shoulder-blades.yaml", "--strict").exit_code == 1


def test_a_broken_second_language_translation_is_an_error_not_a_missing_one(project: Path, run):
    path = project / "worksheets/exercises/es/chin-tuck.yaml"
    path.write_text(path.read_text().replace("  - Mira al frente y mantén el mentón horizontal.\n", ""), encoding="utf-8")
    result = run("build", "worksheets/neck-and-upper-back-knots.yaml", "--second-language", "es")
    assert (result.exit_code, result.stderr) == (1, "worksheets/exercises/es/chin-tuck.yaml:8:3: steps: 4 items here "
                                                    "but 5 in worksheets/exercises/chin-tuck.yaml; translate each one, "
                                                    "in the same order\n")


def test_a_booklet_of_several_layouts_keeps_one_page_frame(project: Path, run):
    for name, layout in (("upper-back-trigger-points", "compact"), ("neck-and-upper-back-knots", "large-print")):
        path = project / f"worksheets/{name}.yaml"
        path.write_text(path.read_text().replace("layout: standard", f"layout: {layout}"))
    sheets = ["worksheets/between-shoulder-blades.yaml", "worksheets/upper-back-trigger-points.yaml",
              "worksheets/neck-and-upper-back-knots.yaml"]
    assert run("bundle", *sheets, "-o", "set.pdf").exit_code == 0
    pages = read_pages((project / "set.pdf").read_bytes())
    lefts = {round(min(word.x0 for word in page.words)) for page in pages}
    rights = {round(max(word.x1 for word in page.words)) for page in pages}
    assert len(lefts) == 1 and max(rights) - min(rights) < 2  # every page within the same margins
    for page in pages[1:]:
        header_rule = min(page.rules)  # the running header's rule, nearest the top
        body = [word for word in page.words if header_rule < word.top < page.height - 100]
        assert min(word.top for word in body) - header_rule >= 5  # clear of the header, as on every page


def test_validate_points_at_a_layout_font_that_is_not_a_font(project: Path, run):
    (project / "layouts/broken.yaml").write_text("extends: standard\nname: Broken\nfonts:\n  regular: broken.ttf\n")
    (project / "layouts/broken.ttf").write_bytes(b"\0\1\0\0not a font at all")
    message = ("layouts/broken.yaml:4:12: fonts.regular: cannot use this font: the file is damaged or is not a "
               "TrueType font; give a TrueType (.ttf) file")
    assert run("validate", "layouts/broken.yaml").stderr.splitlines() == [
        message, "checked 0 worksheets, 0 exercises, 1 layout: 1 problem"]
    checked = run("validate", TRIGGER_POINTS, "--layout", "broken")
    assert checked.exit_code == 1 and checked.stderr.splitlines()[0] == message


def test_a_set_file_keeps_its_own_title(project: Path, run):
    (project / "worksheets/set.yaml").write_text("title: Back care\nworksheets: [between-shoulder-blades]\n")
    result = run("bundle", "worksheets/set.yaml", "--title", "Other")
    assert result.exit_code == 2 and "--title and --subtitle are for worksheets given one by one" in result.stderr
