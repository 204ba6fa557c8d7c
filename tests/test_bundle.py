"""Worksheet sets: one PDF with a cover, contents, checklist, bookmarks and continuous page numbers."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pytest
from conftest import read_pages
from pypdf import PdfReader
from test_print import FILL_TOLERANCE, HALF, LAYOUTS, PAPERS, layout_of, page_fill

from generator.load.library import Library
from generator.resolve.bundle import resolve_set
from generator.resolve.options import Options
from generator.resolve.resolve import library_for, resolve


def library_of(worksheet: Path, options: Options) -> Library:
    return Library(library_for(worksheet, options), options.limits, options.allow_outside)

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


def contents_text(data: bytes, front: int) -> str:
    """The first ``front`` pages' text read row by row across the page, then down each half of it: a program's
    line runs across the page, and its exercises stand in two columns."""
    texts = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages[:front]:
            middle = page.width / 2
            texts += [page.extract_text(), page.crop((0, 0, middle, page.height)).extract_text(),
                      page.crop((middle, 0, page.width, page.height)).extract_text()]
    return "\n".join(texts)


def listed_at(title: str, text: str) -> int | None:
    """The page number a contents line gives, after the title's words (wrapped or not) and its leader dots."""
    words = r"\s+".join(re.escape(word) for word in title.split())
    found = re.search(words + r"(?:\s*\.)+\s*(\d+)\b", text)
    return int(found.group(1)) if found else None


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

    listed = contents_text((project / "set.pdf").read_bytes(), 2)
    for depth, title, page_number in entries:
        heading_page = " ".join(pages[page_number - 1].text.split())
        assert title in heading_page, (title, page_number)  # the bookmark lands where the heading is
        assert listed_at(title, listed) == page_number, title  # and the contents line gives that page


def flat(page) -> str:
    return " ".join(page.text.split())


def body_words(page) -> list:
    """The page's words above its footer (whose page number stands level with the disclaimer's first line)."""
    footer = next(w.top for w in page.words if w.text in ("Page", "Página"))
    return [w for w in page.words if w.bottom < footer - 1]


def programs(reader: PdfReader, pages: list) -> list[tuple[str, list]]:
    """Each program's title and its pages, from the bookmarks: a program runs until the next begins."""
    starts = [(title, number) for depth, title, number in outline(reader) if depth == 0]
    ends = [number - 1 for _, number in starts[1:]] + [len(pages)]
    return [(title, pages[start - 1:end]) for (title, start), end in zip(starts, ends)]


def test_the_cover_lists_the_worksheets_and_the_checklist_gathers_all_equipment_on_one_page(project: Path, run):
    (project / "worksheets/back-care.yaml").write_text(SET)
    run("bundle", "worksheets/back-care.yaml", "-o", "set.pdf")
    pages = read_pages((project / "set.pdf").read_bytes())
    cover = flat(pages[0])
    assert "Upper-back care at home" in cover and "Muscle knots in your neck and upper back" in cover
    checklist = next(i for i, page in enumerate(pages) if "What you will need" in flat(page))
    text = " ".join(flat(page) for page in pages[: checklist + 1])  # the booklet's own pages, not the handouts'
    assert checklist <= 1
    for thing in ("sturdy chair", "tennis ball", "hand towel", "exercise mat"):
        assert thing in text
    assert text.count("sturdy chair") == 1


@pytest.mark.parametrize("layout", ["standard", "compact", "large-print"])
def test_the_checklist_is_never_split_and_the_contents_and_checklist_take_the_full_width(project: Path, run,
                                                                                         layout: str):
    (project / "worksheets/back-care.yaml").write_text(SET)
    assert run("bundle", "worksheets/back-care.yaml", "--layout", layout, "-o", "set.pdf").exit_code == 0
    pages = read_pages((project / "set.pdf").read_bytes())
    bundle = resolve_set(project / "worksheets/back-care.yaml", Options(layout=layout), library_of)
    holding = [i for i, page in enumerate(pages) if "Tick each item once you have it ready." in flat(page)]
    assert len(holding) == 1
    page = pages[holding[0]]
    for need in bundle.equipment():
        assert need.name in flat(page), need.name
    # One column over the page, not one of two: each thing at the left margin, the titles nearly to the right one,
    words = body_words(page)
    for need in bundle.equipment():
        first = need.name.split()[0]
        assert min(w.x0 for w in words if w.text == first) < page.width * 0.2, need.name
    assert max(w.x1 for w in words) > page.width * 0.85
    # and every contents line's page number at the right margin, or at the right of the left column.
    rows: dict[tuple[int, int], list] = {}
    for number in (0, 1):
        for word in body_words(pages[number]):
            rows.setdefault((number, round(word.top)), []).append(word)
    lines = [row for row in rows.values() if any(set(w.text) == {"."} for w in row)]
    ends = [max(w.x1 for w in row) for row in lines]
    assert ends and all(end > page.width * 0.85 or 0.4 < end / page.width < 0.5 for end in ends), ends


FOUR = SET.replace("Three routines", "Four routines") + "  - es/neck-and-upper-back-knots.yaml\n"


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("programs_in_set", [3, 4])
def test_cover_contents_and_checklist_share_two_pages_each_at_least_half_used(project: Path, run, paper: str,
                                                                             programs_in_set: int):
    (project / "worksheets/back-care.yaml").write_text(SET if programs_in_set == 3 else FOUR)
    assert run("bundle", "worksheets/back-care.yaml", "--paper", paper, "-o", "set.pdf").exit_code == 0
    data = (project / "set.pdf").read_bytes()
    reader = PdfReader(io.BytesIO(data))
    front = min(number for depth, _, number in outline(reader) if depth == 0) - 1  # before the first program
    assert front <= 2
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        fills = [page_fill(page, 1) for page in pdf.pages[:front]]
    assert all(fill >= 0.5 for fill in fills), fills
    text = " ".join(flat(page) for page in read_pages(data)[:front])
    assert "Contents" in text and "What you will need" in text
    listed = contents_text(data, front)
    for depth, title, number in outline(reader):  # every program and exercise, with its page
        assert listed_at(title, listed) == number, title


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_no_page_of_a_set_but_each_program_s_last_is_left_less_than_half_used(project: Path, run, layout: str,
                                                                             paper: str):
    """The set's front matter and every program, one of them in Spanish, by the page-fill rule of a handout."""
    (project / "worksheets/back-care.yaml").write_text(FOUR)
    arguments = ["bundle", "worksheets/back-care.yaml", "--layout", layout, "--paper", paper, "-o", "set.pdf",
                 "--client", "Alex Rivera", "--note", "Start with the stretches; add the ball once they are easy."]
    assert run(*arguments).exit_code == 0
    data = (project / "set.pdf").read_bytes()
    starts = [number for depth, _, number in outline(PdfReader(io.BytesIO(data))) if depth == 0]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        fills = [round(page_fill(page, layout_of(layout).page.columns), 2) for page in pdf.pages]
    ends = {start - 1 for start in starts} | {len(fills)}  # the front matter's last page, and each program's
    assert len(starts) == 4
    assert all(fill >= HALF - FILL_TOLERANCE for number, fill in enumerate(fills, start=1) if number not in ends), \
        fills


def test_the_checklist_lists_what_only_a_variation_uses_apart_as_optional(project: Path, run):
    (project / "worksheets/back-care.yaml").write_text(SET)
    assert run("bundle", "worksheets/back-care.yaml", "-o", "set.pdf").exit_code == 0
    pages = read_pages((project / "set.pdf").read_bytes())
    page = next(flat(page) for page in pages if "What you will need" in flat(page))
    needed, optional = page.split("What you will need", 1)[1].split("Optional: only for an easier or harder version")
    for thing in ("sturdy chair", "tennis ball", "exercise mat"):
        assert thing in needed and thing not in optional, thing
    for thing in ("light medicine ball", "solid wall"):  # only the harder versions of the twist and the stretch
        assert thing in optional and thing not in needed, thing
    assert "Tight spots between the shoulder blades" in optional  # the program whose variation uses them


def test_the_cover_is_the_client_s_once_for_the_whole_set(project: Path, run):
    (project / "worksheets/back-care.yaml").write_text(SET)
    result = run("bundle", "worksheets/back-care.yaml", "--client", "Zoë Quinn", "--clinician", "Dr Amal Haddad",
                 "--date", "2026-11-20", "--note", "Two weeks, then we review.", "-o", "set.pdf")
    assert result.exit_code == 0, result.stderr
    reader = PdfReader(project / "set.pdf")
    pages = read_pages((project / "set.pdf").read_bytes())
    cover = flat(pages[0])
    for said in ("Upper-back care at home", "Three routines", "Zoë Quinn", "Dr Amal Haddad", "20 November 2026",
                 "Two weeks, then we review.", "Stop and call your clinician if:"):
        assert said in cover, said
    whole = " ".join(flat(page) for page in pages)
    for said in ("Client:", "Date:", "Clinician:", "Zoë Quinn", "Two weeks, then we review.",
                 "Stop and call your clinician"):
        assert whole.count(said) == 1, said

    # The stop box gathers every program's signs, each once, in the order the set gives them.
    handouts = [resolve(project / "worksheets" / f"{name}.yaml") for name in
                ("upper-back-trigger-points", "neck-and-upper-back-knots", "between-shoulder-blades")]
    signs = list(dict.fromkeys(reason for handout in handouts for reason in handout.worksheet.stop_if))
    assert signs
    places = [cover.index(" ".join(sign.split())) for sign in signs]
    assert places == sorted(places)
    assert all(whole.count(" ".join(sign.split())) == 1 for sign in signs)
    assert [title for title, _ in programs(reader, pages)] == [handout.worksheet.title for handout in handouts]


def test_every_log_page_says_whose_log_it_is(project: Path, run):
    (project / "worksheets/back-care.yaml").write_text(SET)
    assert run("bundle", "worksheets/back-care.yaml", "--log-weeks", "4", "-o", "set.pdf").exit_code == 0
    reader = PdfReader(project / "set.pdf")
    pages = read_pages((project / "set.pdf").read_bytes())
    seen = 0
    for title, own in programs(reader, pages):
        logs = [page for page in own if "Pain (0–10)" in page.text]  # the last row of every week's table
        assert len(logs) >= 2, title  # four weeks go on over a page
        for page in logs:
            assert f"Tracking log: {title}" in flat(page), (title, flat(page)[:200])
            weeks = re.findall(r"Week (\d+)", flat(page))
            assert weeks and all(f"Week {week} Day" in flat(page) for week in weeks)  # both header rows
        seen += len(logs)
        others = [other for other, _ in programs(reader, pages) if other != title]
        assert not any(f"Tracking log: {other}" in flat(page) for page in own for other in others)
    assert " ".join(flat(page) for page in pages).count("Tracking log:") == seen


@pytest.mark.parametrize("layout", ["standard", "compact"])
def test_a_week_too_long_for_a_page_is_headed_with_its_program_on_every_page(project: Path, run, layout: str):
    many = "\n".join(f"  - exercise: {{name: Exercise number {n}, position: standing, steps: [Move.], "
                     f"dosage: {{side: each}}}}" for n in range(1, 31))
    (project / "worksheets/many.yaml").write_text(f"title: Many things\nlog: {{weeks: 2}}\nexercises:\n{many}\n")
    result = run("bundle", "worksheets/many.yaml", "worksheets/between-shoulder-blades.yaml", "--layout", layout,
                 "-o", "set.pdf")
    assert result.exit_code == 0, result.stderr
    reader = PdfReader(project / "set.pdf")
    (title, own), _ = programs(reader, read_pages((project / "set.pdf").read_bytes()))
    logs = [page for page in own if re.search(r"Week \d+ Day", flat(page))]  # the header rows, repeated
    assert len(logs) >= 4  # each of the two weeks over two pages or more
    assert all(flat(page).count(f"Tracking log: {title}") == 1 for page in logs)
    rows = " ".join(flat(page) for page in logs)
    assert all(rows.count(f"{n}. Exercise number {n} (L)") == 2 for n in range(1, 31))  # once a week, none lost


def test_client_changes_in_a_set_need_their_exercise_in_one_worksheet_of_it(project: Path, run):
    sheets = ("worksheets/upper-back-trigger-points.yaml", "worksheets/neck-and-upper-back-knots.yaml")
    result = run("bundle", *sheets, "--skip", "chin-tuck", "--set", "ball-pressure-release.sets=5", "-o", "set.pdf")
    assert result.exit_code == 0, result.stderr
    pages = read_pages((project / "set.pdf").read_bytes())
    whole = " ".join(flat(page) for page in pages)
    assert "Chin tuck" not in whole
    assert whole.count("5 sets") >= 2  # the ball release in both worksheets that have it
    wrong = run("bundle", *sheets, "--skip", "chin-tuk", "-o", "set.pdf")
    assert wrong.exit_code == 1
    assert wrong.stderr == ("--skip chin-tuk: exercise 'chin-tuk' is not in any worksheet of this set "
                            "(did you mean 'chin-tuck'?)\n")


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
