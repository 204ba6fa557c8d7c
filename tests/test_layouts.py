"""What each shipped layout promises, and how layouts cascade."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from conftest import ROOT, STARTER_WORKSHEETS, read_pages

import generator
from generator.base.errors import InputError
from generator.compose.i18n import Catalogues
from generator.compose.wording import Words
from generator.load.layouts import load_layout
from generator.model.limits import Limits
from generator.resolve.resolve import resolve

LAYOUTS = ROOT / "layouts"


def headings_per_page(worksheet: Path, layout: str) -> list[list[str]]:
    handout = resolve(worksheet)
    names = {item.number: item.exercise.name for item in handout.exercises}
    pages = read_pages(generator.build_bytes(worksheet, layout=layout, log_weeks=0))
    def cards_begun(page) -> list[str]:  # the name over a card's part that goes on over a page begins none,
        text = " ".join(page.text.split())  # nor does a line of page one's list, the name and then its dose
        return [f"{n}. {name}" for n, name in names.items()
                if f"{n}. {name}" in text.replace(f"{n}. {name} (continued)", "").replace(f"{n}. {name} ·", "")]

    return [cards_begun(page) for page in pages]


def test_compact_fits_the_six_exercise_worksheet_on_two_letter_pages():
    worksheet = ROOT / "worksheets/upper-back-trigger-points.yaml"
    data = generator.build_bytes(worksheet, layout="compact", paper="letter", log_weeks=0)
    assert len(read_pages(data)) <= 2
    with_log = read_pages(generator.build_bytes(worksheet, layout="compact", paper="letter"))
    assert len(with_log) <= 3 and "Tracking log" in with_log[-1].text


@pytest.mark.parametrize("worksheet", STARTER_WORKSHEETS, ids=lambda p: p.stem)
def test_large_print_body_text_is_at_least_16_points(worksheet: Path):
    data = generator.build_bytes(worksheet, layout="large-print")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            rules = sorted(line["top"] for line in page.lines if abs(line["top"] - line["bottom"]) < 0.5)
            body_top = rules[0] if page.page_number > 1 else 0  # below the running header
            body = [c for c in page.chars if body_top < c["top"] < rules[-1] and c["text"].strip()]
            assert body and min(round(c["size"], 1) for c in body) >= 16


def contrast(foreground: str, background: str = "#ffffff") -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_large_print_is_high_contrast_with_no_text_in_colour_on_colour():
    colours = load_layout(LAYOUTS / "large-print.yaml", Limits())[0].colours
    for ground in ("table_header_background", "caution_background", "note_background", "placeholder_background"):
        assert getattr(colours, ground) == "#ffffff", ground
    for ink in ("text", "muted", "accent", "caution_text"):
        assert contrast(getattr(colours, ink)) >= 7.0, ink


@pytest.mark.parametrize("worksheet", STARTER_WORKSHEETS, ids=lambda p: p.stem)
def test_large_print_puts_at_most_two_exercises_on_a_page(worksheet: Path):
    assert max(len(headings) for headings in headings_per_page(worksheet, "large-print")) <= 2


@pytest.mark.parametrize("worksheet", STARTER_WORKSHEETS, ids=lambda p: p.stem)
def test_one_per_page_lists_every_exercise_with_its_dose_on_page_one(worksheet: Path):
    first = " ".join(read_pages(generator.build_bytes(worksheet, layout="one-per-page"))[0].text.split())
    assert "Your exercises" in first
    words = Words(Catalogues().language("en"))
    for item in resolve(worksheet).exercises:
        dose = " · ".join(words.dose_line_parts(item.dosage))
        assert f"{item.number}. {item.exercise.name} · {dose}" in first, item.exercise.name


@pytest.mark.parametrize("worksheet", STARTER_WORKSHEETS, ids=lambda p: p.stem)
def test_one_per_page_gives_each_exercise_its_own_page(worksheet: Path):
    pages = headings_per_page(worksheet, "one-per-page")
    assert all(len(headings) <= 1 for headings in pages)
    assert sum(len(headings) for headings in pages) == len(resolve(worksheet).exercises)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_layout_extends_another_and_overrides_only_what_differs(project: Path):
    write(project / "layouts/a4-big.yaml", "extends: standard\nname: A4 big\npage:\n  size: a4\nsizes:\n  body: 12\n")
    layout, _doc, problems = load_layout(project / "layouts/a4-big.yaml", Limits())
    standard = load_layout(project / "layouts/standard.yaml", Limits())[0]
    assert problems == []
    assert (layout.page.size, layout.sizes.body, layout.name) == ("a4", 12, "A4 big")
    assert layout.page.margins == standard.page.margins and layout.colours == standard.colours


def test_an_error_points_at_the_layout_file_and_line_that_set_the_bad_value(project: Path):
    write(project / "layouts/base.yaml",
          (project / "layouts/standard.yaml").read_text().replace("name: Standard", "name: Base")
          .replace("  body: 11", "  body: huge"))
    write(project / "layouts/child.yaml", "extends: base\nname: Child\ncolours:\n  accent: '#12345'\n")
    _layout, _doc, problems = load_layout(project / "layouts/child.yaml", Limits())
    base_line = next(i for i, line in enumerate((project / "layouts/base.yaml").read_text().splitlines(), 1)
                     if "body: huge" in line)
    assert [str(p) for p in problems] == [
        f"layouts/base.yaml:{base_line}:9: sizes.body: expected a number, got 'huge'",
        "layouts/child.yaml:4:11: colours.accent: expected a colour like '#1d5c87', got '#12345'",
    ]


def test_layouts_that_extend_each_other_in_a_loop_or_something_unknown_are_errors(project: Path):
    write(project / "layouts/ping.yaml", "extends: pong\nname: Ping\n")
    write(project / "layouts/pong.yaml", "extends: ping\nname: Pong\n")
    write(project / "layouts/orphan.yaml", "extends: standrad\nname: Orphan\n")
    assert [str(p) for p in load_layout(project / "layouts/ping.yaml", Limits())[2]] == [
        "layouts/pong.yaml:1:10: extends: layouts extend each other in a loop through 'ping'"]
    (problem,) = load_layout(project / "layouts/orphan.yaml", Limits())[2]
    assert str(problem).startswith("layouts/orphan.yaml:1:10: extends: unknown layout 'standrad' (did you mean 'standard'?)")


def test_a_project_layout_may_extend_the_shipped_one_of_the_same_name(project: Path):
    write(project / "layouts/standard.yaml", "extends: standard\nname: Our standard\nsizes:\n  body: 11\n")
    handout = resolve(project / "worksheets/upper-back-trigger-points.yaml")
    assert (handout.layout.name, handout.layout.sizes.body) == ("Our standard", 11)


def test_the_worksheet_names_its_layout_and_the_option_overrides_it(project: Path):
    worksheet = project / "worksheets/upper-back-trigger-points.yaml"
    write(worksheet, worksheet.read_text().replace("layout: standard", "layout: compact"))
    assert resolve(worksheet).layout.name == "Compact"
    assert resolve(worksheet, generator.Options(layout="large-print")).layout.name == "Large print"
    with pytest.raises(InputError):
        resolve(worksheet, generator.Options(layout="no-such-layout"))
