"""Worksheet sets: one PDF with a cover, contents, checklist, bookmarks and continuous page numbers."""

from __future__ import annotations

from pathlib import Path

from conftest import read_pages
from pypdf import PdfReader

from generator.resolve.resolve import resolve

SET = """\
title: Upper-back care at home
subtitle: Three routines
worksheets:
  - upper-back-trigger-points
  - neck-and-upper-back-knots
  - between-shoulder-blades.yaml
"""


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    entries = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                entries.append((depth, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return entries


def contents_lines(page) -> list[str]:
    """The contents page as lines of words left to right, leader dots dropped."""
    rows: dict[int, list] = {}
    for word in page.words:
        if set(word.text) != {"."}:
            rows.setdefault(round(word.top), []).append(word)
    return [" ".join(w.text for w in sorted(row, key=lambda w: w.x0)) for _, row in sorted(rows.items())]


def test_a_set_file_becomes_one_pdf_with_bookmarks_contents_and_continuous_page_numbers(project: Path, run):
    (project / "worksheets/back-care.yaml").write_text(SET)
    result = run("bundle", "worksheets/back-care.yaml", "-o", "set.pdf")
    assert result.exit_code == 0, result.stderr
    reader = PdfReader(project / "set.pdf")
    pages = read_pages((project / "set.pdf").read_bytes())
    assert result.stdout == f"set.pdf  ({len(pages)} pages)\n"
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page.text

    handouts = [resolve(project / "worksheets" / f"{name}.yaml") for name in
                ("upper-back-trigger-points", "neck-and-upper-back-knots", "between-shoulder-blades")]
    expected = []
    for handout in handouts:
        expected.append((0, handout.worksheet.title))
        expected += [(1, f"{item.number}. {item.exercise.name}") for item in handout.exercises]
    entries = outline(reader)
    assert [(depth, title) for depth, title, _ in entries] == expected

    lines = contents_lines(pages[1])
    for depth, title, page_number in entries:
        heading_page = " ".join(pages[page_number - 1].text.split())
        assert title in heading_page, (title, page_number)  # the bookmark lands where the heading is
        assert f"{title} {page_number}" in lines, title  # and the contents line gives that page


def test_the_cover_lists_the_worksheets_and_the_checklist_gathers_all_equipment(project: Path, run):
    (project / "worksheets/back-care.yaml").write_text(SET)
    run("bundle", "worksheets/back-care.yaml", "-o", "set.pdf")
    pages = read_pages((project / "set.pdf").read_bytes())
    cover = " ".join(pages[0].text.split())
    assert "Upper-back care at home" in cover and "Muscle knots in your neck and upper back (9 exercises)" in cover
    text = " ".join(" ".join(page.text.split()) for page in pages[1:4])
    assert "What you will need" in text
    for thing in ("sturdy chair", "tennis ball", "hand towel", "exercise mat"):
        assert thing in text
    assert text.count("sturdy chair") == 1


def test_worksheets_given_directly_make_a_set_too(project: Path, run):
    result = run("bundle", "worksheets/upper-back-trigger-points.yaml", "worksheets/between-shoulder-blades.yaml",
                 "--title", "Two routines", "--layout", "compact")
    assert result.exit_code == 0, result.stderr
    reader = PdfReader(project / "out/worksheet-set.pdf")
    assert reader.metadata.title == "Two routines"
    assert [title for depth, title, _ in outline(reader) if depth == 0] == [
        "Easing upper-back pain caused by trigger points and knots", "Tight spots between the shoulder blades"]


def test_a_set_naming_an_unknown_worksheet_says_which(project: Path, run):
    (project / "worksheets/back-care.yaml").write_text(SET.replace("neck-and-upper-back-knots", "neck-and-upper-back"))
    result = run("bundle", "worksheets/back-care.yaml")
    assert result.exit_code == 1
    assert result.stderr == ("worksheets/back-care.yaml:5:5: worksheets[1]: unknown worksheet 'neck-and-upper-back' "
                             "(did you mean 'neck-and-upper-back-knots'?)\n")
