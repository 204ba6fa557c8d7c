"""What the renderer does with illustrations, markup-like text and layouts that cannot fit."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from conftest import read_pages
from PIL import Image

import generator
from generator.base.errors import BuildError, InputError

WALL_SLIDE = """\
title: {title}
intro: {intro}
exercises:
  - exercise:
      name: {name}
      position: standing
      steps:
        - {step}
        - Slide your arms up the wall.
      cautions: [Stop if it pinches.]
      illustration: {illustration}
    note: {note}
"""


def write_worksheet(project: Path, filename: str = "wall.yaml", **fields: str) -> Path:
    values = dict(title="Wall slide", intro="Intro.", name="Wall slide", step="Stand tall.",
                  illustration="wall.png", note="Start slowly.")
    values.update(fields)
    path = project / "worksheets" / filename
    path.write_text(WALL_SLIDE.format(**values), encoding="utf-8")
    return path


def test_an_illustration_is_scaled_to_fit_its_box_with_its_aspect_kept(project: Path):
    Image.new("RGB", (800, 200), "navy").save(project / "worksheets" / "wall.png")
    data = generator.build_bytes(write_worksheet(project))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        (image,) = pdf.pages[0].images
    card_width = 612 - 34 * 72 / 25.4  # Letter inside layouts/standard.yaml's margins
    box_width, box_height = max(60 * 72 / 25.4, 0.34 * card_width), 50 * 72 / 25.4  # its illustration box
    assert image["width"] == pytest.approx(box_width, abs=0.1)
    assert image["width"] / image["height"] == pytest.approx(4.0, rel=0.01)
    assert image["height"] < box_height
    assert image["x1"] <= 612 - 17 * 72 / 25.4 + 0.1


def test_a_damaged_illustration_is_one_clear_error(project: Path):
    (project / "worksheets" / "wall.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    with pytest.raises(InputError) as caught:
        generator.build_bytes(write_worksheet(project))
    assert caught.value.message == (
        "worksheets/wall.yaml:11:21: exercises[0].exercise.illustration: 'wall.png' is damaged or cut short; "
        "save it again as PNG, JPEG or GIF"
    )


def test_without_an_illustration_or_figure_the_box_is_a_space_to_draw_in(project: Path):
    path = write_worksheet(project)
    path.write_text(path.read_text().replace("      illustration: wall.png\n", ""))
    pages = read_pages(generator.build_bytes(path))
    assert " ".join(pages[0].text.split()).count("Draw or paste a picture of this exercise here") == 1


def test_user_text_is_printed_as_written_never_as_markup(project: Path):
    Image.new("RGB", (10, 10)).save(project / "worksheets" / "wall.png")
    path = write_worksheet(
        project, title="'Sit & Reach <b>not bold</b>'", intro="'I <3 stretching & <i>this</i>'",
        name="'Wall & <font size=40>slide</font>'", step="'Press <br/> gently &amp; slowly'", note="'<u>x</u>'",
    )
    text = " ".join(page.text for page in read_pages(generator.build_bytes(path)))
    for written in ("Sit & Reach <b>not bold</b>", "I <3 stretching & <i>this</i>",
                    "Wall & <font size=40>slide</font>", "Press <br/> gently &amp; slowly", "<u>x</u>"):
        assert written in text


def test_an_exercise_that_cannot_fit_on_a_page_names_the_worksheet_and_exercise(project: Path):
    Image.new("RGB", (10, 10)).save(project / "worksheets" / "wall.png")
    layout = (project / "layouts" / "standard.yaml").read_text().replace("height: 50mm", "height: 400mm")
    (project / "layouts" / "tall.yaml").write_text(layout)
    with pytest.raises(BuildError) as caught:
        generator.build_bytes(write_worksheet(project), layout="tall")
    assert caught.value.message == (
        "worksheets/wall.yaml: exercise 1 'Wall slide': does not fit on one page with layout 'Standard'; "
        "make its illustration smaller or the page margins narrower"
    )


def test_an_exercise_taller_than_a_page_flows_on_to_the_next(project: Path):
    path = write_worksheet(project)
    steps = "\n".join(f"        - Step number {n} of a long routine, done slowly and with care." for n in range(1, 90))
    path.write_text(path.read_text().replace("      illustration: wall.png\n", "").replace(
        "        - Slide your arms up the wall.", steps))
    pages = read_pages(generator.build_bytes(path))
    assert len(pages) >= 3
    assert "2. Step number 1 of" in pages[0].text, "a block taller than a page starts on the page it reaches"
    text = " ".join(page.text for page in pages)
    assert "90. Step number 89 of a long routine" in text
