"""How big the exercise figures print, measured in the built PDF: every shipped worksheet, layout and paper."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pypdf
import pytest
from conftest import ROOT

import generator
from generator.load.layouts import load_layout
from generator.model.layout import Layout
from generator.model.limits import Limits
from generator.resolve.resolve import resolve

MM = 72 / 25.4
WORKSHEETS = sorted((ROOT / "worksheets").glob("*.yaml")) + sorted((ROOT / "worksheets" / "es").glob("*.yaml"))
PAPERS = ("letter", "a4")
EPSILON = 0.01  # points: rounding in the content stream


class Placed(NamedTuple):
    """A figure's box as the page places it, in points from the page's lower left corner."""

    page: int
    x: float
    y: float
    width: float
    height: float


class Printed(NamedTuple):
    boxes: list[Placed]
    frames: list[int]  # each figure's frame count, in the handout's order
    page: tuple[float, float]
    layout: Layout


def placed_figures(data: bytes) -> list[Placed]:
    """Every figure form the pages draw (named figure-..., see compose/figures.py), with where it lands."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    found = []
    for number, page in enumerate(reader.pages, start=1):
        xobjects = page["/Resources"].get("/XObject", {})
        matrix, saved = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), []
        for operands, operator in pypdf.generic.ContentStream(page.get_contents(), reader).operations:
            if operator == b"q":
                saved.append(matrix)
            elif operator == b"Q":
                matrix = saved.pop()
            elif operator == b"cm":
                matrix = _times(tuple(float(value) for value in operands), matrix)
            elif operator == b"Do" and str(operands[0]).startswith("/FormXob.figure-"):
                left, bottom, right, top = (float(v) for v in xobjects[operands[0]].get_object()["/BBox"])
                a, b, c, d, e, f = matrix
                assert b == c == 0, "a figure is placed upright, never turned"
                found.append(Placed(number, e + left * a, f + bottom * d, (right - left) * a, (top - bottom) * d))
    return found


def _times(first: tuple[float, ...], then: tuple[float, ...]) -> tuple[float, float, float, float, float, float]:
    a, b, c, d, e, f = first
    p, q, r, s, t, u = then
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


@cache
def printed(worksheet: Path, layout_name: str, paper: str) -> Printed:
    handout = resolve(worksheet)
    frames = [len(item.picture.panels) for item in handout.exercises
              if item.picture is not None and item.illustration is None]
    data = generator.build_bytes(worksheet, layout=layout_name, paper=paper)
    page = pypdf.PdfReader(io.BytesIO(data)).pages[0].mediabox
    layout = load_layout(ROOT / "layouts" / f"{layout_name}.yaml", Limits(), paper)[0]
    assert layout is not None
    boxes = placed_figures(data)
    assert len(boxes) == len(frames), "each figure is drawn once, on its card"
    return Printed(boxes, frames, (float(page.width), float(page.height)), layout)


def card_width(layout: Layout, page_width: float) -> float:
    """The width of a card: the page inside its margins, or one of its columns."""
    columns = layout.page.columns
    inside = page_width - layout.page.margins.left - layout.page.margins.right
    return (inside - (columns - 1) * layout.page.column_gap) / columns


def frame_share(box: Placed, frames: int, gap: float) -> float:
    """The shorter side of the space each frame is given, side by side or stacked, whichever gives more."""
    across = min((box.width - (frames - 1) * gap) / frames, box.height)
    stacked = min(box.width, (box.height - (frames - 1) * gap) / frames)
    return max(across, stacked)


def shares(result: Printed, least_frames: int = 1) -> list[float]:
    gap = result.layout.figure.gap
    return [frame_share(box, frames, gap) for box, frames in zip(result.boxes, result.frames) if frames >= least_frames]


CASES = [(worksheet, paper) for worksheet in WORKSHEETS for paper in PAPERS]
IDS = [f"{worksheet.parent.name}/{worksheet.stem}-{paper}" for worksheet, paper in CASES]


@pytest.mark.parametrize("worksheet, paper", CASES, ids=IDS)
def test_standard_gives_a_picture_a_third_of_the_card_and_each_of_two_frames_30mm(worksheet: Path, paper: str):
    result = printed(worksheet, "standard", paper)
    card = card_width(result.layout, result.page[0])
    assert result.boxes and min(box.width for box in result.boxes) >= card / 3
    assert all(share >= 30 * MM for share in shares(result, 2))


def test_the_shipped_worksheets_have_figures_in_two_frames_to_measure():
    assert any(2 in printed(worksheet, "standard", "letter").frames for worksheet in WORKSHEETS)


@pytest.mark.parametrize("worksheet, paper", CASES, ids=IDS)
def test_compact_gives_every_frame_at_least_20mm(worksheet: Path, paper: str):
    result = printed(worksheet, "compact", paper)
    assert result.boxes and min(shares(result)) >= 20 * MM


# A one-frame picture in large print is only some 1.24 times standard's at full size, so one made shorter to
# fit its page falls under 1.2 times: these programs have such a card. Strict: fixing it fails them here.
SHRUNK_ONE_FRAME = {"worksheets/after-an-ankle-sprain-letter", "worksheets/balance-for-older-adults-letter",
                    "es/after-an-ankle-sprain-a4"}
LARGE_PRINT_CASES = [pytest.param(*case, marks=pytest.mark.xfail(strict=True, reason="a one-frame picture shrunk"))
                     if name in SHRUNK_ONE_FRAME else case for case, name in zip(CASES, IDS)]


@pytest.mark.parametrize("worksheet, paper", LARGE_PRINT_CASES, ids=IDS)
def test_large_print_pictures_are_larger_than_standard_ones(worksheet: Path, paper: str):
    large, standard = printed(worksheet, "large-print", paper), printed(worksheet, "standard", paper)
    assert large.frames == standard.frames
    for big, small in zip(large.boxes, standard.boxes):
        assert big.width >= small.width and big.height > small.height
    for big, small in zip(shares(large), shares(standard)):
        assert big > small * 1.2  # the type is half as big again; the frames grow too, less, to keep pages


@pytest.mark.parametrize("worksheet, paper", CASES, ids=IDS)
def test_one_per_page_gives_every_frame_60mm(worksheet: Path, paper: str):
    assert min(shares(printed(worksheet, "one-per-page", paper))) >= 60 * MM


@pytest.mark.parametrize("layout_name", ["standard", "compact", "large-print", "one-per-page"])
@pytest.mark.parametrize("worksheet, paper", CASES, ids=IDS)
def test_every_picture_lies_inside_the_margins(worksheet: Path, paper: str, layout_name: str):
    result = printed(worksheet, layout_name, paper)
    margins, (width, height) = result.layout.page.margins, result.page
    for box in result.boxes:
        assert box.x >= margins.left - EPSILON and box.x + box.width <= width - margins.right + EPSILON
        assert box.y >= margins.bottom - EPSILON and box.y + box.height <= height - margins.top + EPSILON
