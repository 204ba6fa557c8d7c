"""Every shipped worksheet, built and read back as a reader (and a printer) would."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pypdfium2
import pytest
from conftest import ROOT, STARTER_WORKSHEETS, read_pages
from pypdf import PdfReader

import generator
from generator.compose.i18n import Catalogues
from generator.compose.wording import Words
from generator.resolve.resolve import resolve

DEFAULT_DISCLAIMER = Words(Catalogues().language("en")).DEFAULT_DISCLAIMER

LETTER = (612.0, 792.0)


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module", params=STARTER_WORKSHEETS, ids=lambda p: p.stem)
def built(request):
    handout = resolve(request.param)
    data = generator.build_bytes(request.param)
    return handout, data, read_pages(data)


def test_every_page_has_the_disclaimer_and_its_page_number(built):
    _, _, pages = built
    for number, page in enumerate(pages, start=1):
        text = squash(page.text)
        assert squash(DEFAULT_DISCLAIMER) in text
        assert f"Page {number} of {len(pages)}" in text
        assert len(re.findall(r"Page \d+ of \d+", text)) == 1


def test_first_page_opens_with_title_and_lines_for_client_and_date(built):
    handout, _, pages = built
    title_words = handout.worksheet.title.split()
    reading_order = sorted(pages[0].words, key=lambda w: (round(w.top), w.x0))
    assert [w.text for w in reading_order[: len(title_words)]] == title_words
    first = squash(pages[0].text)
    assert handout.worksheet.subtitle in first
    assert "Client:" in first and "Date:" in first


def test_every_exercise_appears_in_order_with_its_steps_numbered(built):
    handout, _, pages = built
    lines = [squash(line) for page in pages for line in page.text.splitlines()]
    lines = lines[: next((i for i, line in enumerate(lines) if line == "Tracking log"), len(lines))]  # may share a page
    headings = [
        next(i for i, line in enumerate(lines) if line.startswith(f"{item.number}. {item.exercise.name[:20]}"))
        for item in handout.exercises
    ]
    assert headings == sorted(headings), "exercises out of order"
    for item, start, end in zip(handout.exercises, headings, headings[1:] + [len(lines)]):
        numbered = [line for line in lines[start + 1 : end]  # not the name again over a part on a new page
                    if re.match(r"^\d+\. ", line) and not line.endswith("(continued)")]
        numbers = [int(line.split(".")[0]) for line in numbered]
        assert numbers == list(range(1, len(item.exercise.steps) + 1)), item.exercise.name
        for line, step in zip(numbered, item.exercise.steps):
            assert squash(step)[:25] in line.replace("  ", " ")


def test_every_word_lies_inside_the_margins_and_the_footer_is_clear_of_the_body(built):
    handout, _, pages = built
    margins = handout.layout.page.margins
    for page in pages:
        assert (page.width, page.height) == LETTER
        for word in page.words:
            assert word.x0 >= margins.left - 0.5, word
            assert word.x1 <= page.width - margins.right + 0.5, word
            assert word.top >= margins.top - 0.5, word
            assert word.bottom <= page.height - margins.bottom + 0.5, word
        footer_rule = max(page.rules)
        footer = [w.text for w in page.words if w.top > footer_rule]
        body = [w for w in page.words if w.top <= footer_rule]
        assert squash(" ".join(footer)).startswith(squash(DEFAULT_DISCLAIMER)[:40])
        assert all(w.bottom < footer_rule - 4 for w in body)


def test_no_two_words_overlap(built):
    _, _, pages = built
    for page in pages:
        words = sorted(page.words, key=lambda w: (w.top, w.x0))
        for i, a in enumerate(words):
            for b in words[i + 1 :]:
                if b.top >= a.bottom:
                    break
                overlap_x = min(a.x1, b.x1) - max(a.x0, b.x0)
                overlap_y = min(a.bottom, b.bottom) - max(a.top, b.top)
                assert overlap_x <= 0.5 or overlap_y <= 0.5, (a, b)


def test_a_real_engine_renders_every_page_with_ink_in_body_and_footer(built):
    _, data, pages = built
    pdf = pypdfium2.PdfDocument(data)
    assert len(pdf) == len(pages)
    for index in range(len(pdf)):
        image = pdf[index].render(scale=0.5).to_pil().convert("L")
        assert image.size == (306, 396)
        top, bottom = image.crop((0, 0, 306, 330)), image.crop((0, 360, 306, 396))
        assert top.getextrema()[0] < 128, "body is blank"
        assert bottom.getextrema()[0] < 200, "footer is blank"


def test_metadata_carries_title_subject_and_keywords(built):
    handout, data, _ = built
    info = PdfReader(__import__("io").BytesIO(data)).metadata
    assert info.title == handout.worksheet.title
    assert info.subject == handout.worksheet.subtitle
    tags = {tag for item in handout.exercises for tag in item.exercise.tags}
    assert set(info["/Keywords"].split(", ")) >= tags


def test_the_same_input_gives_the_same_bytes(built, tmp_path):
    handout, data, _ = built
    assert generator.build_bytes(handout.path) == data
    out = tmp_path / "again.pdf"
    subprocess.run(
        [sys.executable, "-m", "generator", "build", str(handout.path), "-o", str(out)],
        check=True, cwd=ROOT, capture_output=True, env={**os.environ, "PYTHONHASHSEED": "12345"},
    )
    assert out.read_bytes() == data
