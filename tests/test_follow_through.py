"""The tracking log, notes lines, stop signs, video codes, variations, progressions and ordering, read from the PDF."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest
import zxingcpp
from conftest import ROOT, SHIPPED_LAYOUTS, read_pages
from pypdf import PdfReader

import generator
import generator.load.layouts
from generator.compose.i18n import Catalogues
from generator.compose.log import log_rows
from generator.compose.wording import Words
from generator.model import POSITIONS
from generator.model.limits import Limits
from generator.resolve.resolve import Options, resolve

ENGLISH = Words(Catalogues().language("en"))

NECK = ROOT / "worksheets/neck-and-upper-back-knots.yaml"
BETWEEN = ROOT / "worksheets/between-shoulder-blades.yaml"
BOX = 7 * 72 / 25.4  # layouts/standard.yaml: log.box


def tick_boxes(data: bytes, size: float = BOX) -> list[int]:
    """Per page, the squares drawn at the log's box size."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [sum(1 for r in page.rects if abs(r["width"] - size) < 0.2 and abs(r["height"] - size) < 0.2)
                for page in pdf.pages]


def squash(text: str) -> str:
    return " ".join(text.split())


def test_the_log_has_a_box_per_exercise_side_and_day_and_a_pain_row(project: Path):
    handout = resolve(NECK)
    rows = log_rows(handout, ENGLISH)
    each_side = [item for item in handout.exercises if item.dosage.side == "each"]
    assert each_side and len(rows) == len(handout.exercises) + len(each_side)
    data = generator.build_bytes(NECK)
    assert sum(tick_boxes(data)) == handout.log_weeks * 7 * (len(rows) + 1)
    text = squash(" ".join(page.text for page in read_pages(data)))
    assert f"{each_side[0].number}. {each_side[0].exercise.name} (L)" in text
    assert f"{each_side[0].number}. {each_side[0].exercise.name} (R)" in text
    assert text.count("Pain (0–10)") == handout.log_weeks


def test_log_weeks_from_the_command_line_and_zero_turns_it_off(project: Path, run):
    assert run("build", "worksheets/between-shoulder-blades.yaml", "--log-weeks", "4", "-o", "four.pdf").exit_code == 0
    rows = len(log_rows(resolve(BETWEEN), ENGLISH))
    assert sum(tick_boxes((project / "four.pdf").read_bytes())) == 4 * 7 * (rows + 1)
    assert run("build", "worksheets/between-shoulder-blades.yaml", "--log-weeks", "0", "-o", "none.pdf").exit_code == 0
    assert sum(tick_boxes((project / "none.pdf").read_bytes())) == 0


@pytest.mark.parametrize("layout", SHIPPED_LAYOUTS, ids=lambda p: p.stem)
def test_a_long_log_runs_on_with_its_header_repeated(project: Path, layout: Path):
    many = "\n".join(f"  - exercise: {{name: Exercise number {n}, position: standing, steps: [Move.], dosage: {{side: each}}}}"
                     for n in range(1, 31))
    path = project / "worksheets/many.yaml"
    path.write_text(f"title: Many\nlog: {{weeks: 1}}\nexercises:\n{many}\n")
    data = generator.build_bytes(path, layout=str(layout), log_weeks=1)
    log_pages = [page for page in read_pages(data) if "Exercise number 1 (L)" in page.text or "Week 1" in page.text]
    assert len(log_pages) >= 2
    assert all("Week 1" in page.text and "Day" in page.text for page in log_pages)
    size = generator.load.layouts.load_layout(layout, Limits())[0].log.box
    assert sum(tick_boxes(data, size)) == 7 * (60 + 1)


def full_width_lines(data: bytes) -> int:
    """Long horizontal lines in the body: the footer's rule, and the running header's after page one, left out."""
    count = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            tops = sorted(line["top"] for line in page.lines
                          if abs(line["top"] - line["bottom"]) < 0.5 and line["x1"] - line["x0"] > 400)
            count += len(tops) - 1 - (page.page_number > 1)
    return count


def test_notes_lines_under_each_exercise_and_at_the_end(project: Path):
    path = project / "worksheets/upper-back-trigger-points.yaml"
    base = full_width_lines(generator.build_bytes(path, log_weeks=0))
    path.write_text(path.read_text() + "notes:\n  lines_per_exercise: 3\n  lines_at_end: 9\n")
    with_notes = generator.build_bytes(path, log_weeks=0)
    # the layout's own 5 lines at the end become 9, and each of 6 exercises gains 3
    assert full_width_lines(with_notes) - base == 6 * 3 + (9 - 5)
    assert "Notes" in read_pages(with_notes)[-1].text


def test_the_stop_signs_are_boxed_on_page_one(project: Path):
    first = squash(read_pages(generator.build_bytes(BETWEEN))[0].text)
    assert "Stop and call your clinician if:" in first
    for reason in resolve(BETWEEN).worksheet.stop_if:
        assert reason in first


def test_a_video_prints_a_qr_code_phones_can_read_and_a_link(project: Path):
    url = "https://example.org/videos/chin-tuck?part=1&lang=en"
    path = project / "worksheets/video.yaml"
    path.write_text(f"title: Video\nexercises:\n  - exercise:\n      name: Chin tuck\n      position: sitting\n"
                    f"      steps: [Tuck.]\n      video: '{url}'\n")
    data = generator.build_bytes(path)
    image = pypdfium2.PdfDocument(data)[0].render(scale=150 / 72).to_pil()  # a phone's view of the printed page
    decoded = [result.text for result in zxingcpp.read_barcodes(image)]
    assert decoded == [url]
    annotations = [a.get_object() for a in PdfReader(io.BytesIO(data)).pages[0].get("/Annots", [])]
    assert any(a["/A"]["/URI"] == url for a in annotations if "/A" in a)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert "Scan for the video" in pdf.pages[0].extract_text()  # a short label, not the address


def test_variations_print_as_a_short_list(project: Path):
    text = squash(" ".join(page.text for page in read_pages(generator.build_bytes(BETWEEN))))
    assert "Easier: Sit on a sturdy chair with your arms crossed" in text
    assert "Harder: Medicine ball rotational throw (3 sets · 12 reps · rest 20 s · 3× a week · alternate sides). A more" in text
    assert " — " not in text


def test_a_progression_captions_the_dose_line_with_its_first_weeks_and_goes_on_under_it(project: Path):
    text = squash(" ".join(page.text for page in read_pages(generator.build_bytes(
        ROOT / "worksheets/upper-back-trigger-points.yaml"))))
    assert ("5. Slowly let your shoulder blades slide back to a relaxed position. Weeks 1–2: 2 sets · 10 reps · hold 5 s"
            " · 2× a day Weeks 3–4: 3 sets · 12 reps · hold 5 s · 2× a day") in text
    assert text.count("2 sets · 10 reps · hold 5 s · 2× a day") == 1


def test_order_by_position_moves_from_standing_to_the_floor_once(project: Path):
    handout = resolve(NECK)
    assert handout.worksheet.order == "by-position"
    positions = [POSITIONS.index(item.exercise.position) for item in handout.exercises]
    assert positions == sorted(positions) and len(set(positions)) > 2
    assert [item.number for item in handout.exercises] == list(range(1, len(positions) + 1))
    written = resolve(NECK, Options()).worksheet.exercises
    assert [e.exercise for e in written][0] == "shoulder-squeeze-standing"
