"""Long texts: a worksheet whose intro, step or closing runs to many pages builds in time linear in it, prints
as ReportLab's Paragraph would, and a build stops soon after its Deadline passes or is cancelled."""

from __future__ import annotations

import io
import json
import threading
import time
from pathlib import Path

import pytest
import yaml
from conftest import SHIPPED_LAYOUTS, STARTER_TRANSLATIONS, STARTER_WORKSHEETS
from pypdf import PdfReader

from generator.app.pipeline import build_bundle, build_handout
from generator.base.deadline import Deadline, TimeLimit
from generator.compose import reportlab_internals
from generator.resolve.options import Options

SHEET = "worksheets/between-shoulder-blades.yaml"
LAST = "And this is the last sentence of the long text."


def prose(kilobytes: float, marks: str = "") -> str:
    """Sentences, one paragraph, about ``kilobytes`` long, ending with LAST; ``marks`` now and then."""
    sentences, length, number = [], 0, 0
    while length < kilobytes * 1000:
        number += 1
        sentences.append(f"Hold the stretch {number} for a slow count of {number % 9 + 2}{marks if number % 7 else ''}"
                         f" and breathe out{' gently' * (number % 3)}, then let your shoulders drop.")
        length += len(sentences[-1]) + 1
    return " ".join([*sentences, LAST])


def long_sheet(project: Path, kilobytes: float, field: str = "intro", marks: str = "") -> Path:
    """A copy of the shipped worksheet with one text made long: its intro, closing, or a step of its first
    exercise (then written in place)."""
    sheet = yaml.safe_load((project / SHEET).read_text(encoding="utf-8"))
    mark = "THE-LONG-TEXT"
    if field == "step":
        first = sheet["sections"][0]["exercises"][0]
        exercise = yaml.safe_load((project / "worksheets/exercises" / f"{first['exercise']}.yaml").read_text("utf-8"))
        exercise["steps"][1] = mark
        first["exercise"] = exercise
    else:
        sheet[field] = mark
    path = project / "worksheets" / f"long-{field}.yaml"
    written = yaml.safe_dump(sheet, allow_unicode=True, sort_keys=False)
    path.write_text(written.replace(mark, json.dumps(prose(kilobytes, marks))), encoding="utf-8")  # JSON is YAML
    return path


def words_of(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_a_build_past_its_deadline_stops_with_the_deadlines_own_message(project: Path):
    now = [0.0]
    deadline = Deadline(5, clock=lambda: now[0])
    now[0] = 6.0
    with pytest.raises(TimeLimit) as stopped:
        build_handout(SHEET, deadline=deadline)
    assert stopped.value.format_message() == ("the build took longer than the limit of 5 s; shorten the longest "
                                              "texts, or build it with the worksheet command")
    with pytest.raises(TimeLimit, match="the build took longer than the limit of 5 s"):
        build_bundle([Path(SHEET)], deadline=deadline)


def test_a_cancelled_build_says_why(project: Path):
    deadline = Deadline(60)
    deadline.cancel("the server is stopping")
    with pytest.raises(TimeLimit) as stopped:
        build_handout(SHEET, deadline=deadline)
    assert stopped.value.format_message() == "stopped: the server is stopping"


@pytest.mark.parametrize("after", [0.1, 1.0])  # while it is read and checked; while it is laid out
def test_a_long_build_cancelled_from_another_thread_stops_within_a_second(project: Path, after: float):
    sheet = long_sheet(project, 1500)  # some 350 pages: seconds of work
    deadline = Deadline(600)
    timer = threading.Timer(after, deadline.cancel, args=("asked to stop",))
    started = time.perf_counter()
    timer.start()
    try:
        with pytest.raises(TimeLimit, match="stopped: asked to stop"):
            build_handout(sheet, deadline=deadline)
    finally:
        timer.cancel()
    assert time.perf_counter() - started < after + 1


def test_a_long_intro_prints_to_its_last_sentence(project: Path):
    result = build_handout(long_sheet(project, 200))
    words = words_of(result.pdf)
    assert result.pages > 40
    assert words.count("Hold the stretch 1 for a slow count of 3 and breathe out gently,") == 1
    assert LAST in words and "Hold the stretch 1234 for" in words
    assert words.index(LAST) < words.index("Standing warm-up")  # the exercises follow the intro


@pytest.mark.parametrize("field, marks, layout", [
    ("intro", "", None), ("intro", " & <more>", "large-print"), ("step", "", None), ("step", " & more", "compact"),
    ("closing", "", "one-per-page"), ("closing", " & <more>", None),
])
def test_a_long_paragraph_prints_as_reportlabs_paragraph_would(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                                field: str, marks: str, layout: str | None):
    """A LongParagraph breaks its lines a window of words at a time and reuses them over pages; the PDF is the
    one a Paragraph of the same text makes, taking time quadratic in it. (Tiny windows: many of them.)"""
    sheet = long_sheet(project, 20, field, marks)
    monkeypatch.setattr(reportlab_internals, "WINDOW", 37)
    monkeypatch.setattr(reportlab_internals, "GROUP", 500)
    ours = build_handout(sheet, Options(layout=layout)).pdf
    monkeypatch.setattr(reportlab_internals, "LONG", 10**9)
    assert ours == build_handout(sheet, Options(layout=layout)).pdf


def test_shipped_worksheets_build_to_the_same_bytes_with_a_deadline_as_without():
    builds = [(sheet, None) for sheet in [*STARTER_WORKSHEETS, *STARTER_TRANSLATIONS]]
    builds += [(STARTER_WORKSHEETS[0], layout.stem) for layout in SHIPPED_LAYOUTS]
    for sheet, layout in builds:
        options = Options(layout=layout)
        assert build_handout(sheet, options, deadline=Deadline(60)).pdf == build_handout(sheet, options).pdf, sheet
