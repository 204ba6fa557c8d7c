"""Each page's key (a preview redraws only the pages whose keys changed) is the same only when the page's
picture is the same, and stays the same when an edit elsewhere leaves the page alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.app.pipeline import build_handout
from generator.app.raster import page_pngs
from generator.resolve.options import Options

ROOT = Path(__file__).resolve().parent.parent
SIX = ROOT / "worksheets" / "upper-back-trigger-points.yaml"
TEXT = SIX.read_text()
LAST = "  - ball-pressure-release\n"
assert LAST in TEXT


def built(text: str, options: Options = Options()) -> tuple[tuple[str, ...], list[bytes]]:
    result = build_handout(SIX, options, text=text)
    assert len(result.page_keys) == result.pages
    return result.page_keys, page_pngs(result.pdf, 40)


EDITS = {
    # a note in italics on the last card: a font and letters not used before, on the last pages only
    "note": TEXT.replace(LAST, "  - exercise: ball-pressure-release\n    note: Quiz, ÿ is rare; Ωmega rarer\n"),
    "hold": TEXT.replace("  - thoracic-side-bend-seated\n",
                         "  - exercise: thoracic-side-bend-seated\n    dosage: {hold_seconds: 17}\n"),
    "title": TEXT.replace("title: ", "title: New ", 1),
}


@pytest.fixture(scope="module")
def before():
    return built(TEXT)


def test_the_same_worksheet_gives_the_same_keys(before):
    again = build_handout(SIX, Options(), text=TEXT)
    assert again.page_keys == before[0] and len(set(before[0])) == len(before[0])


@pytest.mark.parametrize("edit, changed_at_most", [("note", 2), ("hold", 1), ("title", 99)])
def test_a_page_keeps_its_key_exactly_when_its_picture_is_the_same(before, edit, changed_at_most):
    keys, pictures = built(EDITS[edit])
    assert len(keys) == len(before[0])
    same_key = [old == new for old, new in zip(before[0], keys)]
    same_picture = [old == new for old, new in zip(before[1], pictures)]
    assert same_key == same_picture
    assert 1 <= same_key.count(False) <= changed_at_most
    if edit == "title":  # the running header is on every page
        assert not any(same_key)


def test_a_bundle_and_a_bilingual_copy_have_a_key_for_each_page():
    bilingual = build_handout(SIX, Options(second_language="es"), text=TEXT)
    assert len(bilingual.page_keys) == bilingual.pages and len(set(bilingual.page_keys)) == bilingual.pages
