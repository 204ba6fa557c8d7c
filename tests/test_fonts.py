"""Fonts: every one embedded, every letter of Latin, Greek and Cyrillic printed, anything else refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import STARTER_WORKSHEETS, fonts_of, read_pages

import generator
from generator.base.errors import InputError

MANY_SCRIPTS = """\
title: Zoë Ñúñez-Example — Übungen für Łódź
subtitle: Ασκήσεις για τον αυχένα · Упражнения для шеи
exercises:
  - exercise:
      name: Étirement du trapèze supérieur
      position: sitting
      steps:
        - Ṣit tall; ĳ ŉ ǅ ſ — Ελληνικά, русский, українська, ß, æ, ø, å, ğ, ș, ț.
"""


@pytest.mark.parametrize("worksheet", STARTER_WORKSHEETS, ids=lambda p: p.stem)
def test_every_font_in_a_handout_is_embedded(worksheet: Path):
    fonts = fonts_of(generator.build_bytes(worksheet))
    assert fonts and all(embedded for _, embedded in fonts), fonts
    assert not any("Helvetica" in name for name, _ in fonts)


def test_accented_greek_and_cyrillic_letters_print_as_written(project: Path):
    path = project / "worksheets/scripts.yaml"
    path.write_text(MANY_SCRIPTS, encoding="utf-8")
    data = generator.build_bytes(path)
    text = " ".join(" ".join(page.text.split()) for page in read_pages(data))
    for written in ("Zoë Ñúñez-Example — Übungen für Łódź", "Ασκήσεις για τον αυχένα · Упражнения для шеи",
                    "Étirement du trapèze supérieur", "Ελληνικά, русский, українська, ß, æ, ø, å, ğ, ș, ț"):
        assert written in text
    assert all(embedded for _, embedded in fonts_of(data))


def test_a_character_the_font_cannot_draw_is_an_error_naming_file_field_and_character(project: Path):
    path = project / "worksheets/scripts.yaml"
    path.write_text(MANY_SCRIPTS.replace("Ṣit tall", "Sit tall 坐") + '    note: "Smile \\u263a\\U0001F642 \\x07"\n',
                    encoding="utf-8")
    with pytest.raises(InputError) as caught:
        generator.build_bytes(path)
    assert caught.value.message.splitlines() == [
        "worksheets/scripts.yaml:8:11: exercises[0].exercise.steps[0]: the font 'DejaVuSans' cannot draw '坐' "
        "(U+5750); use a layout whose fonts have them, or remove them",
        "worksheets/scripts.yaml:9:11: exercises[0].note: the font 'DejaVuSans' cannot draw the invisible "
        "character U+0007, '🙂' (U+1F642); use a layout whose fonts have them, or remove them",
    ]


def test_a_layout_may_name_its_own_truetype_files(project: Path):
    bold = Path(generator.__file__).parent / "fonts/DejaVuSans-Bold.ttf"
    (project / "layouts/fonts").mkdir()
    (project / "layouts/fonts/HeavySans.ttf").write_bytes(bold.read_bytes())
    (project / "layouts/own-fonts.yaml").write_text(
        "extends: standard\nname: Own fonts\nfonts:\n  regular: fonts/HeavySans.ttf\n")
    data = generator.build_bytes(project / "worksheets/upper-back-trigger-points.yaml", layout="own-fonts")
    names = [name.split("+")[-1] for name, _ in fonts_of(data)]
    assert "DejaVuSans" not in names and "DejaVuSans-Bold" in names  # body text now set in the file named


BAD = "坐"  # no face of the shipped layouts draws it
EVERY_FIELD = {
    "worksheets/every.yaml": f"""\
title: Title {BAD}
subtitle: Subtitle {BAD}
intro: Intro {BAD}
closing: Closing {BAD}
layout: every
stop_if:
  - Stop {BAD}
sections:
  - heading: Heading {BAD}
    intro: Section intro {BAD}
    exercises:
      - exercise: every
        note: Note {BAD}
        variations:
          - level: easier
            text: Easier {BAD}
      - exercise:
          name: Written here {BAD}
          summary: Summary here {BAD}
          position: standing
          equipment: [Equipment here {BAD}]
          targets: [Target here {BAD}]
          steps: [Step here {BAD}]
          cautions: [Caution here {BAD}]
          tips: [Tip here {BAD}]
""",
    "worksheets/exercises/every.yaml": f"""\
name: Name {BAD}
summary: Summary {BAD}
position: sitting
equipment: [Equipment {BAD}]
targets: [Target {BAD}]
steps: [Step {BAD}]
cautions: [Caution {BAD}]
tips: [Tip {BAD}]
variations:
  - level: harder
    text: Harder {BAD}
""",
    "worksheets/exercises/es/every.yaml": f"""\
name: Nombre {BAD}
summary: Resumen {BAD}
equipment: [Material {BAD}]
targets: [Objetivo {BAD}]
steps: [Paso {BAD}]
cautions: [Precaución {BAD}]
tips: [Consejo {BAD}]
variations:
  - text: Más difícil {BAD}
""",
    "layouts/every.yaml": f"""\
extends: standard
name: Every field
show: {{summary: true, targets: true}}
footer:
  disclaimer: Disclaimer {BAD}
""",
    "clinic.yaml": f"""\
name: Clinic {BAD}
lines: [Line {BAD}]
""",
}


def expected_fields(files: dict[str, str]) -> set[str]:
    """'file:line:column: field' for every value holding the bad character, found by reading each file: the
    fields are not listed by hand but taken from where the character was written."""
    import yaml

    found = set()
    for name, text in files.items():
        def walk(node, path: str) -> None:
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    walk(value, f"{path}.{key.value}" if path else key.value)
            elif isinstance(node, yaml.SequenceNode):
                for index, value in enumerate(node.value):
                    walk(value, f"{path}[{index}]")
            elif BAD in node.value:
                found.add(f"{name}:{node.start_mark.line + 1}:{node.start_mark.column + 1}: {path}")

        walk(yaml.compose(text), "")
    return found


@pytest.mark.parametrize("languages", [(), ("--language", "es"), ("--second-language", "es")])
def test_a_character_no_font_draws_is_reported_in_every_printed_field_at_its_line(project: Path, run,
                                                                                  languages: tuple[str, ...]):
    for name, text in EVERY_FIELD.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")
    result = run("build", "worksheets/every.yaml", "--clinic", "clinic.yaml", *languages, "--client", f"Client {BAD}",
                 "--clinician", f"Clinician {BAD}", "--note", f"Note {BAD}", "-o", "every.pdf")
    assert result.exit_code == 1
    assert not (project / "every.pdf").exists()
    said = f": the font 'DejaVuSans' cannot draw '{BAD}' (U+5750); use a layout whose fonts have them, or remove them"
    assert all(line.endswith(said) for line in result.stderr.splitlines()), result.stderr
    printed = {name: text for name, text in EVERY_FIELD.items()  # the words of the languages the copy is in
               if (languages != ()) or "/es/" not in name}
    if languages[:1] == ("--language",):
        printed.pop("worksheets/exercises/every.yaml")
    expected = expected_fields(printed) | {"--client", "--clinician", "--note"}
    if languages[:1] == ("--second-language",):  # a bilingual copy says again only the name, steps and cautions
        expected = {field for field in expected if "/es/" not in field
                    or field.split(": ")[1].split("[")[0] in ("name", "steps", "cautions")}
    assert {line.removesuffix(said) for line in result.stderr.splitlines()} == expected


def test_a_worksheet_s_own_disclaimer_is_checked_in_place_of_the_layout_s(project: Path, run):
    (project / "worksheets/own.yaml").write_text(f"title: Own\ndisclaimer: Mine {BAD}\nexercises: [chin-tuck]\n",
                                                 encoding="utf-8")
    result = run("build", "worksheets/own.yaml", "-o", "own.pdf")
    assert result.stderr == (f"worksheets/own.yaml:2:13: disclaimer: the font 'DejaVuSans' cannot draw '{BAD}' "
                             "(U+5750); use a layout whose fonts have them, or remove them\n")


@pytest.mark.parametrize("layout", ["standard", "compact"])
@pytest.mark.parametrize("options", [{}, {"language": "es"}, {"second_language": "es"}], ids=["en", "es", "en+es"])
def test_every_text_the_glyph_check_reads_is_printed(project: Path, options: dict, layout: str):
    """The check reads no text the handout does not print (the test above: it misses none the files hold)."""
    from generator.check.glyphs import printed_texts
    from generator.resolve.options import Options
    from generator.resolve.resolve import resolve

    worksheet = project / "worksheets/neck-and-upper-back-knots.yaml"
    options = {**options, "layout": layout}  # compact shows each exercise's summary, standard does not
    words = set(" ".join(page.text for page in read_pages(generator.build_bytes(worksheet, **options))).split())
    for text, _origin, field in printed_texts(resolve(worksheet, Options(**options))):
        unprinted = [word for word in text.split() if word not in words and not word.endswith(("-", "–"))]
        assert len(unprinted) <= len(text.split()) // 4, (field, unprinted)  # a word split at a line end aside
