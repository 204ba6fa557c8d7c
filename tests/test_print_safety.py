"""Every shipped layout × every shipped worksheet × Letter and A4 prints cleanly, read back from the PDF."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pytest
from conftest import SHIPPED_LAYOUTS, STARTER_WORKSHEETS

import generator
from generator.compose.i18n import Catalogues
from generator.compose.wording import Words
from generator.load.layouts import load_layout
from generator.model.limits import Limits

DEFAULT_DISCLAIMER = Words(Catalogues().language("en")).DEFAULT_DISCLAIMER

SAFE_EDGE = 18.0  # 0.25 in: what every printer can print
FUZZ = 0.5


def squash(text: str) -> str:
    return " ".join(text.split())


def page_geometry(data: bytes):
    """Per page: size, words, horizontal rules (tops) and rectangles / images as boxes."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            words = page.extract_words()
            rules = sorted(line["top"] for line in page.lines if abs(line["top"] - line["bottom"]) < FUZZ)
            boxes = [(r["x0"], r["top"], r["x1"], r["bottom"]) for r in page.rects + page.images]
            yield float(page.width), float(page.height), words, rules, boxes


def assert_inside_margins(data: bytes, margins) -> None:
    for width, height, words, _rules, boxes in page_geometry(data):
        left, top = max(margins.left, SAFE_EDGE), max(margins.top, SAFE_EDGE)
        right, bottom = width - max(margins.right, SAFE_EDGE), height - max(margins.bottom, SAFE_EDGE)
        for w in words:
            assert left - FUZZ <= w["x0"] and w["x1"] <= right + FUZZ, w
            assert top - FUZZ <= w["top"] and w["bottom"] <= bottom + FUZZ, w
        for x0, y0, x1, y1 in boxes:
            assert left - FUZZ <= x0 and x1 <= right + FUZZ and top - FUZZ <= y0 and y1 <= bottom + FUZZ


def assert_no_overlaps(words: list[dict]) -> None:
    ordered = sorted(words, key=lambda w: (w["top"], w["x0"]))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b["top"] >= a["bottom"] - FUZZ:
                break
            across = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
            down = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            assert across <= FUZZ or down <= FUZZ, (a["text"], b["text"])


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("layout", SHIPPED_LAYOUTS, ids=lambda p: p.stem)
@pytest.mark.parametrize("worksheet", STARTER_WORKSHEETS, ids=lambda p: p.stem)
def test_every_layout_prints_every_worksheet_cleanly(worksheet: Path, layout: Path, paper: str):
    data = generator.build_bytes(worksheet, layout=str(layout), paper=paper)
    margins = load_layout(layout, Limits())[0].page.margins
    assert_inside_margins(data, margins)
    for number, (_w, _h, words, rules, _boxes) in enumerate(page_geometry(data), start=1):
        assert_no_overlaps(words)
        footer_rule = rules[-1]
        footer = squash(" ".join(w["text"] for w in words if w["top"] > footer_rule))
        assert re.search(rf"Page {number} of \d+", footer)
        assert re.sub(r" ?Page \d+ of \d+", "", footer) == squash(DEFAULT_DISCLAIMER)
        header_rule = rules[0] if number > 1 else None  # later pages carry the running header
        for w in words:
            assert w["bottom"] < footer_rule or w["top"] > footer_rule, f"{w['text']!r} straddles the footer rule"
            if header_rule is not None:
                assert w["bottom"] < header_rule or w["top"] > header_rule, f"{w['text']!r} straddles the header"


LONG_WORDS = """\
title: {long}
clinic:
  name: {long}
  lines: [{long}, 'https://example.org/a-very-long-address/with/many-parts/and-more-and-more?x=1']
exercises:
  - exercise:
      name: {long}
      position: standing
      steps:
        - Look up https://example.org/a-very-long-address/with/many-parts/and-more-and-more?x=1 first.
        - {long}
      cautions: [{long}]
      video: https://example.org/a-very-long-address/with/many-parts/and-more-and-more?x=1
    note: {long}
"""


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("layout", SHIPPED_LAYOUTS, ids=lambda p: p.stem)
def test_long_unbroken_words_wrap_instead_of_running_off_the_page(project: Path, layout: Path, paper: str):
    path = project / "worksheets/long.yaml"
    path.write_text(LONG_WORDS.format(long="Stretch" + "x" * 293), encoding="utf-8")
    data = generator.build_bytes(path, layout=str(layout), paper=paper)
    assert_inside_margins(data, load_layout(layout, Limits())[0].page.margins)
    for _w, _h, words, _rules, _boxes in page_geometry(data):
        assert_no_overlaps(words)
