"""Every file shipped in worksheets/ and layouts/ validates and builds, on Letter and A4."""

from __future__ import annotations

import pytest
from conftest import ALL_TRANSLATIONS, ALL_WORKSHEETS, ROOT, SHIPPED_LAYOUTS, STARTER_WORKSHEETS, read_pages

import generator
from generator.app.catalog import validate_files
from generator.compose.i18n import Catalogues
from generator.compose.wording import Words

DEFAULT_DISCLAIMER = Words(Catalogues().language("en")).DEFAULT_DISCLAIMER


def test_every_shipped_file_validates(monkeypatch):
    monkeypatch.chdir(ROOT)
    report = validate_files([ROOT / "worksheets", ROOT / "layouts"])
    assert [str(p) for p in report.problems] == []
    assert report.counts["exercise"] >= 20
    assert report.counts["worksheet"] == len(ALL_WORKSHEETS) + len(ALL_TRANSLATIONS) >= 6
    assert report.counts["translation"] >= 20


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("layout", SHIPPED_LAYOUTS, ids=lambda p: p.stem)
@pytest.mark.parametrize("worksheet", STARTER_WORKSHEETS, ids=lambda p: p.stem)
def test_every_shipped_worksheet_builds_with_every_layout(worksheet, layout, paper):
    pages = read_pages(generator.build_bytes(worksheet, layout=str(layout), paper=paper))
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page.text
        assert " ".join(DEFAULT_DISCLAIMER.split()[:8]) in " ".join(page.text.split())
