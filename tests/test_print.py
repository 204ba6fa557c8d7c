"""Pages a clinic hands out without apology, read back from the PDFs: every shipped worksheet in every layout,
on Letter and A4, in all six languages. Whole words only, boxes never split from their heading, pages at least
half used, type no smaller than each layout promises, wrapped lines under the first line's text."""

from __future__ import annotations

import io
import re
from functools import lru_cache
from pathlib import Path

import pdfplumber
import pytest

from conftest import ROOT, SHIPPED_LAYOUTS, SHIPPED_WORKSHEETS, TRANSLATED_WORKSHEETS
from generator.app.caches import Caches
from generator.app.pipeline import build_handout
from generator.model.choices import LANGUAGES
from generator.resolve.options import Options

LAYOUTS = [path.stem for path in SHIPPED_LAYOUTS]
PAPERS = ["letter", "a4"]
# Each worksheet in its own language on both papers; the English ones again in every other language, on A4.
BUILDS = [(path, layout, paper, None) for path in [*SHIPPED_WORKSHEETS, *TRANSLATED_WORKSHEETS]
          for layout in LAYOUTS for paper in PAPERS]
BUILDS += [(path, layout, "a4", language) for path in SHIPPED_WORKSHEETS for layout in LAYOUTS
           for language in LANGUAGES if language not in ("en", "es")]
CAUTION_LABELS = ("Take care", "Cuidado", "Attention", "Vorsicht", "Cuidado", "Attenzione")


def build_id(build) -> str:
    path, layout, paper, language = build
    return "-".join(part for part in (path.parent.name if path.parent.name != "worksheets" else "", path.stem,
                                      layout, paper, language or "") if part)


@lru_cache(maxsize=None)
def caches() -> Caches:
    return Caches()


@lru_cache(maxsize=None)
def built(build) -> bytes:
    path, layout, paper, language = build
    return build_handout(path, Options(layout=layout, paper=paper, language=language), caches()).pdf


@lru_cache(maxsize=None)
def vocabulary() -> frozenset[str]:
    """Every word the handouts can print: the worksheets', the library's, the layouts' and the catalogues'."""
    sources = [*ROOT.glob("worksheets/**/*.yaml"), *ROOT.glob("layouts/*.yaml"),
               *ROOT.glob("generator/locales/**/*.po"), ROOT / "generator/locales/worksheet.pot"]
    return frozenset(word.casefold() for source in sources for word in re.findall(r"\w+", source.read_text("utf-8")))


def pages_of(data: bytes):
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            yield page


@pytest.mark.parametrize("build", BUILDS, ids=build_id)
def test_every_printed_word_is_whole(build):
    """A word broken inside a table cell or a dose line ('Repetici/ones', 'altern/ate') is in no source."""
    known = vocabulary()
    broken = {(number, word) for number, page in enumerate(pages_of(built(build)), start=1)
              for word in re.findall(r"\w+", page.extract_text()) if not word.isdigit() and word.casefold() not in known}
    assert not broken


def box_labels() -> tuple[str, ...]:
    """The caution and stop boxes' headings, in every language."""
    from generator.compose.i18n import catalogue

    return tuple(catalogue(language).gettext(text).rstrip(":")
                 for language in LANGUAGES for text in ("Take care", "Stop and call your clinician if:"))


def body_lines(page) -> list[dict]:
    """pdfplumber's text lines between the running header's rule and the footer's."""
    rules = sorted(line["top"] for line in page.lines if abs(line["top"] - line["bottom"]) < 0.5
                   and line["x1"] - line["x0"] > page.width * 0.6)
    top = rules[0] if rules and rules[0] < page.height * 0.12 else 0
    bottom = rules[-1] if rules and rules[-1] > page.height * 0.8 else page.height
    return [line for line in page.extract_text_lines() if top < line["top"] < bottom]


@pytest.mark.parametrize("build", BUILDS, ids=build_id)
def test_a_caution_box_is_never_split_from_its_heading(build):
    """A bullet of a caution or stop box has its box's heading above it on its page."""
    labels = box_labels()
    for number, page in enumerate(pages_of(built(build)), start=1):
        headed = False
        for line in body_lines(page):
            headed = headed or line["text"].startswith(labels)
            assert headed or not line["text"].startswith("•"), (number, line["text"])
