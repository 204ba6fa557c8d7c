"""Whatever text, numbers and shapes a worksheet holds, the tool gives a valid PDF or a clear located error.

The PDFs these tests make are also checked by every independent reader in test_pdf_consumers.py.
"""

from __future__ import annotations

import io
import re
import shutil
import tempfile
from pathlib import Path

import pypdfium2
import yaml
from conftest import ROOT, fonts_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

import generator
from generator.base.errors import WorksheetError

# Arbitrary text: letters and digits, combining marks, every kind of space (no-break, zero-width), format
# characters (right-to-left marks, joiners), symbols and emoji, punctuation, and control characters.
WILD_TEXT = st.text(st.characters(codec="utf-8", categories=["L", "N", "M", "Zs", "Cf", "So", "Sm", "P", "Cc"]),
                    max_size=120)
# Text the shipped fonts can draw, with the awkward characters they do have: combining accents, no-break,
# zero-width and soft hyphen, left-to-right and right-to-left marks, Greek, Cyrillic, and markup-like text.
DRAWABLE = "abcxyzABZ019 .,;:!?&<>/'\"()-éüßøÆŁŒ Ωλψ ЖжЯя\u0301\u0308\u00a0\u200b\u00ad\u200e\u200f\u2011❤"
PRINTABLE_TEXT = st.text(st.sampled_from(DRAWABLE), min_size=1, max_size=120).filter(lambda t: t.strip())
LONG_WORD = st.text(st.sampled_from("xyzéЖ"), min_size=150, max_size=400)
GOOD_NUMBER = st.integers(1, 60)
WILD_NUMBER = st.one_of(st.integers(-10**15, 10**15), st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
                        st.none(), WILD_TEXT)
LOCATED = re.compile(r"^[^\n:]+(?::\d+:\d+)?: \S.*$")

SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def exercise(text, number, many_steps=False):
    steps = st.lists(text, min_size=1, max_size=8)
    if many_steps:
        steps = st.one_of(steps, st.lists(st.just("Move slowly."), min_size=90, max_size=130))
    return st.fixed_dictionaries({
        "name": text,
        "position": st.sampled_from(["standing", "sitting", "lying", "kneeling", "quadruped"]),
        "steps": steps,
        "dosage": st.fixed_dictionaries({}, optional={"sets": number, "reps": number, "hold_seconds": number,
                                                      "side": st.sampled_from(["each", "both", "alternating"])}),
    }, optional={"summary": text, "cautions": st.lists(text, max_size=3), "tips": st.lists(text, max_size=2),
                 "equipment": st.lists(text, max_size=3)})


def worksheet(text, number, many_steps=False):
    entry = st.one_of(st.sampled_from(["chin-tuck", "cat-dog", "upper-trapezius-stretch"]),
                      st.fixed_dictionaries({"exercise": exercise(text, number, many_steps)}, optional={"note": text}))
    return st.fixed_dictionaries({
        "title": text,
        "exercises": st.lists(entry, min_size=1, max_size=4),
    }, optional={"intro": text, "closing": text, "stop_if": st.lists(text, max_size=3),
                 "log": st.fixed_dictionaries({"weeks": st.integers(1, 3)}), "subtitle": text})


def outcome_of(data: dict) -> bytes | str:
    """The PDF built from the worksheet, or the error message a user would see."""
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        shutil.copytree(ROOT / "worksheets/exercises", project / "worksheets/exercises")
        shutil.copytree(ROOT / "layouts", project / "layouts")
        path = project / "worksheets/generated.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        try:
            return generator.build_bytes(path)
        except WorksheetError as exc:
            return exc.format_message()


def assert_valid_pdf_or_clear_error(result: bytes | str) -> None:
    if isinstance(result, str):
        lines = result.splitlines()
        assert lines and all(LOCATED.match(line) for line in lines), result
        assert "Traceback" not in result
        return
    reader = PdfReader(io.BytesIO(result), strict=True)
    assert len(reader.pages) >= 1
    assert "\ufffd" not in "".join(page.extract_text() for page in reader.pages)
    assert all(embedded for _, embedded in fonts_of(result))
    pdf = pypdfium2.PdfDocument(result)
    pdf[0].render(scale=0.2)
    pdf.close()


@SETTINGS
@given(worksheet(st.one_of(WILD_TEXT, LONG_WORD, st.just("")), st.one_of(GOOD_NUMBER, WILD_NUMBER), many_steps=True))
def test_any_worksheet_gives_a_valid_pdf_or_a_clear_error(data):
    assert_valid_pdf_or_clear_error(outcome_of(data))


@SETTINGS
@given(worksheet(st.one_of(PRINTABLE_TEXT, LONG_WORD), GOOD_NUMBER))
def test_drawable_text_in_any_amount_gives_a_valid_pdf(data):
    result = outcome_of(data)
    assert isinstance(result, bytes), result
    assert_valid_pdf_or_clear_error(result)
