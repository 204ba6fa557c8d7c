"""Fonts: every one embedded, every letter of Latin, Greek and Cyrillic printed, anything else refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHIPPED_WORKSHEETS, fonts_of, read_pages

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


@pytest.mark.parametrize("worksheet", SHIPPED_WORKSHEETS, ids=lambda p: p.stem)
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
