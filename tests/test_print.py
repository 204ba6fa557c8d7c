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
from PIL import Image

from conftest import PROGRAM_TRANSLATIONS, PROGRAM_WORKSHEETS, ROOT, SHIPPED_LAYOUTS, STARTER_TRANSLATIONS, STARTER_WORKSHEETS
from generator.app.caches import Caches
from generator.app.pipeline import build_handout
from generator.compose.i18n import catalogue
from generator.model.choices import LANGUAGES
from generator.resolve.options import Options

LAYOUTS = [path.stem for path in SHIPPED_LAYOUTS]
PAPERS = ["letter", "a4"]
# Each worksheet in its own language on both papers; the English ones again in every other language, on A4.
BUILDS = [(path, layout, paper, None) for path in [*STARTER_WORKSHEETS, *STARTER_TRANSLATIONS]
          for layout in LAYOUTS for paper in PAPERS]
BUILDS += [(path, layout, "a4", language) for path in STARTER_WORKSHEETS for layout in LAYOUTS
           for language in LANGUAGES if language not in ("en", "es")]
# A bilingual copy of each Spanish worksheet, each step again in English, on Letter.
BILINGUAL = [(path, layout, "letter", None, "en") for path in STARTER_TRANSLATIONS for layout in LAYOUTS]
# The programs for common presentations, in English and Spanish, every layout, Letter and A4: checked for
# how their pages fill and that a page beginning inside a card names it.
PROGRAMS = [(path, layout, paper, None) for path in [*PROGRAM_WORKSHEETS, *PROGRAM_TRANSLATIONS]
            for layout in LAYOUTS for paper in ("letter", "a4")]
CAUTION_LABELS = ("Take care", "Cuidado", "Attention", "Vorsicht", "Cuidado", "Attenzione")


def build_id(build) -> str:
    path, layout, paper, language, *second = build
    return "-".join(part for part in (path.parent.name if path.parent.name != "worksheets" else "", path.stem,
                                      layout, paper, language or "", *(f"and-{code}" for code in second)) if part)


@lru_cache(maxsize=None)
def caches() -> Caches:
    return Caches()


@lru_cache(maxsize=None)
def built(build) -> bytes:
    path, layout, paper, language, *second = build
    options = Options(layout=layout, paper=paper, language=language, second_language=second[0] if second else None)
    return build_handout(path, options, caches()).pdf


@lru_cache(maxsize=None)
def vocabulary() -> frozenset[str]:
    """Every word the handouts can print: the worksheets', the library's, the layouts' and the catalogues'."""
    sources = [*ROOT.glob("worksheets/**/*.yaml"), *ROOT.glob("layouts/*.yaml"),
               *ROOT.glob("generator/locales/**/*.po"), ROOT / "generator/locales/worksheet.pot"]
    return frozenset(word.casefold() for source in sources for word in re.findall(r"\w+", source.read_text("utf-8")))


def language_of(worksheet: Path) -> str:
    return "en" if worksheet.parent.name == "worksheets" else worksheet.parent.name


def pages_of(data: bytes):
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            yield page


@pytest.mark.parametrize("build", BUILDS, ids=build_id)
def test_every_printed_word_is_whole(build):
    """A word broken inside a table cell or a dose line ('Repetici/ones', 'altern/ate') is in no source."""
    known = vocabulary()
    broken = {(number, word) for number, page in enumerate(pages_of(built(build)), start=1)
              for word in re.findall(r"\w+", page.extract_text())
              if not word.isdigit() and word.casefold() not in known}
    assert not broken


def box_labels() -> tuple[str, ...]:
    """The first two words of the caution and stop boxes' headings in every language: a long heading wraps."""
    headings = (catalogue(language).gettext(text) for language in LANGUAGES
                for text in ("Take care", "Stop and call your clinician if:"))
    return tuple(" ".join(heading.rstrip(":").split()[:2]) for heading in headings)


@lru_cache(maxsize=None)
def layout_of(name: str):
    from generator.load.layouts import load_layout
    from generator.model.limits import Limits

    loaded, _, problems = load_layout(ROOT / "layouts" / f"{name}.yaml", Limits())
    assert loaded is not None, problems
    return loaded


def columns_of(name: str) -> int:
    return layout_of(name).page.columns


def body_columns(page, columns: int) -> list[list[dict]]:
    """pdfplumber's text lines between the running header's rule and the footer's, column by column."""
    top, bottom = body_span(page)
    step = page.width / columns
    return [page.crop((step * column, top, step * (column + 1), bottom)).extract_text_lines()
            for column in range(columns)]


@pytest.mark.parametrize("build", BUILDS, ids=build_id)
def test_a_caution_box_is_never_split_from_its_heading(build):
    """A bullet of a caution or stop box has its box's heading above it in its column."""
    labels = box_labels()
    for number, page in enumerate(pages_of(built(build)), start=1):
        for lines in body_columns(page, columns_of(build[1])):
            headed = False
            for line in lines:
                headed = headed or line["text"].startswith(labels)
                assert headed or not line["text"].startswith("•"), (number, line["text"])


def body_span(page) -> tuple[float, float]:
    """The top and bottom of the body: under the running header's rule, over the footer's."""
    rules = sorted(line["top"] for line in page.lines if abs(line["top"] - line["bottom"]) < 0.5
                   and line["x1"] - line["x0"] > page.width * 0.6)
    top = rules[0] if rules and rules[0] < page.height * 0.12 else 0
    bottom = rules[-1] if rules and rules[-1] > page.height * 0.8 else page.height
    return top, bottom


def page_fill(page, columns: int) -> float:
    """How far down the body the lowest mark reaches, as a share of the body's height, averaged over columns."""
    top, bottom = body_span(page)
    marks = [*page.chars, *page.rects, *page.images, *page.curves, *page.lines]
    step, fills = page.width / columns, []
    for column in range(columns):
        inside = [mark["bottom"] for mark in marks if top + 1 < mark["top"] and mark["bottom"] < bottom - 1
                  and mark["x0"] < step * (column + 1) and mark["x1"] > step * column]
        fills.append((max(inside, default=top) - top) / (bottom - top))
    return sum(fills) / columns


# Marks are measured between the header's and the footer's rules, which stand a little outside the frame the
# layout's fill is a share of.
HALF, FILL_TOLERANCE = 0.5, 0.03


@pytest.mark.parametrize("build", BUILDS + BILINGUAL + PROGRAMS, ids=build_id)
def test_no_page_but_the_last_is_left_less_than_half_used(build):
    """Every page before the last is at least half used, in every layout: one card per page, the log's pages
    and a bilingual copy's included."""
    layout = layout_of(build[1])
    with pdfplumber.open(io.BytesIO(built(build))) as pdf:
        fills = [round(page_fill(page, layout.page.columns), 2) for page in pdf.pages]
    assert all(fill >= HALF - FILL_TOLERANCE for fill in fills[:-1]), fills


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("worksheet", [*STARTER_WORKSHEETS, *STARTER_TRANSLATIONS], ids=lambda path: path.stem
                         if path.parent.name == "worksheets" else f"{path.parent.name}-{path.stem}")
def test_a_personalised_handout_with_a_clinic_block_leaves_no_page_but_the_last_less_than_half_used(
        project: Path, run, worksheet: Path, layout: str, paper: str):
    """The client's lines, a note for them, a note under an exercise and the clinic's header take room that
    every page but the last still fills."""
    Image.new("RGB", (900, 300), "teal").save(project / "logo.png")
    (project / "clinic.yaml").write_text("name: Northside Physical Therapy & Rehab\nlogo: logo.png\n"
                                         "lines:\n  - 12 Example Street\n  - '(555) 010-0199'\n", "utf-8")
    first = re.search(r"(?m)^ *exercises:\n +- (?:exercise: )?([a-z-]+)", worksheet.read_text("utf-8")).group(1)
    arguments = ["build", str(worksheet.relative_to(ROOT)), "--layout", layout, "--paper", paper, "-o", "out.pdf",
                 "--clinic", "clinic.yaml", "--client", "Alex Rivera", "--date", "2026-12-07",
                 "--clinician", "Sam Okafor", "--note", "Start gently and build up over the first two weeks.",
                 "--exercise-note", f"{first}=Do this one first, before the others, while you are warm.",
                 "--log-weeks", "2"]
    assert run(*arguments).exit_code == 0
    with pdfplumber.open(project / "out.pdf") as pdf:
        fills = [round(page_fill(page, layout_of(layout).page.columns), 2) for page in pdf.pages]
    assert all(fill >= HALF - FILL_TOLERANCE for fill in fills[:-1]), fills


def sized_lines(data: bytes):
    """(page number, line text, smallest and largest type size, region) for every line of text; the region is
    'body', or 'edge' for the running header and the footer. A numbered line's number is bold on a step or an
    exercise's name, and plain in the log, whose text reads as 'number. name' too."""
    for number, page in enumerate(pages_of(data), start=1):
        top, bottom = body_span(page)
        for line in page.extract_text_lines(return_chars=True):
            sizes = [char["size"] for char in line["chars"] if char["text"].strip()]
            region = "body" if top < line["top"] < bottom else "edge"
            text = line["text"] if "Bold" in line["chars"][0]["fontname"] else f" {line['text']}"
            yield number, text, min(sizes), max(sizes), region


@pytest.mark.parametrize("build", [build for build in BUILDS if build[1] == "large-print"], ids=build_id)
def test_large_print_is_sixteen_points_or_more_and_its_header_and_footer_twelve(build):
    for number, text, smallest, _, region in sized_lines(built(build)):
        assert smallest >= (16 if region == "body" else 12) - 0.01, (number, region, text)


@pytest.mark.parametrize("build", [build for build in BUILDS if build[1] == "standard"], ids=build_id)
def test_standard_steps_are_eleven_points_tips_ten_and_exercise_names_larger_than_section_headings(build):
    lines = list(sized_lines(built(build)))
    assert all(smallest >= 10 - 0.01 for _, _, smallest, _, region in lines if region == "body")
    words = catalogue(build[3] or language_of(build[0]))
    continued = words.gettext("{name} (continued)").format(name="").strip()  # over a card's part on a new page
    steps = [smallest for _, text, smallest, largest, region in lines
             if region == "body" and re.match(r"\d+\. ", text) and largest < 12 and not text.endswith(continued)]
    assert steps and min(steps) >= 11 - 0.01
    names = [largest for _, text, _, largest, region in lines if region == "body" and re.match(r"\d+\. ", text)
             and largest > 12]
    section_headings = {words.gettext("Tracking log"), words.gettext("Notes")}
    headings = [largest for _, text, _, largest, region in lines if region == "body" and text in section_headings]
    assert names and headings and min(names) > max(headings)


MARKER = re.compile(r"(\d+\.|•)\s*")


def hanging_lines(page, columns: int, line_height: float):
    """(first line, a wrapped line under it, the x where the first line's text begins) for every numbered step,
    exercise name and bullet that wraps."""
    top, bottom = body_span(page)
    step = page.width / columns
    for column in range(columns):
        lines = page.crop((step * column, top, step * (column + 1), bottom)).extract_text_lines(return_chars=True)
        first, previous, text_x = None, None, 0.0
        for line in lines:
            size = line["chars"][0]["size"]
            marker = MARKER.match(line["text"])
            if marker and not (line["text"].startswith("•") or "Bold" in line["chars"][0]["fontname"]):
                marker = None  # a log row's 'number. name' is neither a step nor a bullet
            # A paragraph's next line: close under it, in its type size, and not out to its left (a picture's labels)
            follows = (first is not None and previous is not None
                       and line["top"] - previous["bottom"] < (line_height - 1) * size + 1
                       and abs(size - first["chars"][0]["size"]) < 0.1 and line["x0"] > first["x0"] - 1)
            if marker:
                first, text_x = line, next(c["x0"] for c in line["chars"][len(marker.group(1)):] if c["text"].strip())
            elif follows:
                yield first, line, text_x
            else:
                first = None
            previous = line


@pytest.mark.parametrize("build", [build for build in BUILDS if build[2] == "a4"], ids=build_id)
def test_wrapped_steps_and_bullets_line_up_with_their_first_line_s_text(build):
    seen = 0
    for page in pages_of(built(build)):
        layout = layout_of(build[1])
        for first, wrapped, text_x in hanging_lines(page, layout.page.columns, layout.sizes.line_height):
            seen += 1
            assert wrapped["x0"] == pytest.approx(text_x, abs=0.6), (first["text"], wrapped["text"])
    assert seen > 10


def test_compact_pictures_are_no_smaller_than_their_qr_code_and_large_print_tick_boxes_no_smaller_than_standard():
    compact, standard, large = layout_of("compact"), layout_of("standard"), layout_of("large-print")
    assert min(compact.illustration.width, compact.illustration.height) >= compact.video.qr_size
    assert large.log.box >= standard.log.box


@pytest.mark.parametrize("build", [build for build in BUILDS if build[1] == "large-print"], ids=build_id)
def test_large_print_page_one_carries_content_not_only_the_title(build):
    words = catalogue(build[3] or language_of(build[0]))
    first = next(pages_of(built(build)))
    text = " ".join(line["text"] for line in body_columns(first, 1)[0])
    assert " ".join(words.gettext("Stop and call your clinician if:").split()[:2]) in text
    assert page_fill(first, 1) >= 0.5


def test_the_running_header_uses_the_full_width_without_a_clinic(project: Path):
    """A long title on one line across the page, not wrapped at half of it."""
    title = "Gentle stretches and pressure for muscle knots in the neck, shoulders and upper back at home"
    worksheet = project / "worksheets" / "neck-and-upper-back-knots.yaml"
    worksheet.write_text(re.sub(r"(?m)^title: .*$", f"title: {title}", worksheet.read_text("utf-8")), "utf-8")
    second = list(pages_of(build_handout(worksheet).pdf))[1]
    top, _ = body_span(second)
    header = [line for line in second.extract_text_lines() if line["bottom"] < top]
    assert [line["text"] for line in header] == [title]
    assert header[0]["x1"] - header[0]["x0"] > second.width / 2


def frame_lines(page, columns: int):
    """The text lines (the type of figures' frame numbers left out) of each column of the body that has any: of
    the whole body where a line runs across the columns (the log's page, or a log across a page's foot under a
    column that is the only one used)."""
    top, bottom = body_span(page)
    across = any(line["x0"] < page.width / 2 - 5 and line["x1"] > page.width / 2 + 5
                 for line in page.crop((0, top, page.width, bottom)).extract_text_lines())
    columns = 1 if across else columns
    step = page.width / columns
    for column in range(columns):
        lines = page.crop((step * column, top, step * (column + 1), bottom)).extract_text_lines(return_chars=True)
        lines = [line for line in lines if line["chars"][0]["size"] > 7]
        if lines:
            yield lines


def frame_tops(page, columns: int):
    """The first two text lines of each column of the body."""
    for lines in frame_lines(page, columns):
        yield lines[:2]


@pytest.mark.parametrize("build", BUILDS + BILINGUAL, ids=build_id)
def test_a_card_s_name_never_ends_a_page_without_a_step_under_it(build):
    """A name (and its position line) at a page's or a column's foot with the steps over the page reads as
    a card with nothing to do: the name goes over with its first step."""
    layout = layout_of(build[1])
    words = catalogue(build[3] or language_of(build[0]))
    position = words.gettext("Position") + ":"
    pages = list(pages_of(built(build)))
    for number, page in enumerate(pages[:-1], start=1):
        for lines in frame_lines(page, layout.page.columns):
            tail = [(line["text"].strip(), max(char["size"] for char in line["chars"])) for line in lines[-3:]]
            names = [index for index, (text, size) in enumerate(tail)
                     if re.match(r"\d+\. ", text) and size >= layout.sizes.heading - 0.5]
            stepped = names and any(re.match(r"\d+\. ", text) for text, _ in tail[names[-1] + 1:])
            assert not names or stepped, (number, tail)
            assert not tail[-1][0].startswith(position), (number, tail)


@pytest.mark.parametrize("build", BUILDS + BILINGUAL + PROGRAMS, ids=build_id)
def test_a_page_that_begins_inside_a_card_says_whose_card_it_is(build):
    """A step, a dose line, a caution, a tip, a variation or a second-language line at the top of a page or a
    column would read as the next card's: such a page begins with 'N. Name (continued)' instead."""
    layout = layout_of(build[1])
    words = catalogue(build[3] or language_of(build[0]))
    inside = tuple(words.gettext(label) for label in ("Take care", "Tip", "Easier", "Harder", "Note", "For you"))
    continued = words.gettext("{name} (continued)").format(name="").strip()
    for number, page in enumerate(pages_of(built(build)), start=1):
        for lines in frame_tops(page, layout.page.columns):
            if continued in " ".join(line["text"] for line in lines):  # a long name's label wraps
                continue
            text, chars = lines[0]["text"].strip(), [char for char in lines[0]["chars"] if char["text"].strip()]
            bold = all("Bold" in char["fontname"] for char in chars)
            largest = max(char["size"] for char in chars)
            # 'N. Name · dose' goes on the page-one list of a one-per-page handout, which may run over a page
            step = re.match(r"\d+\. ", text) and largest < layout.sizes.heading - 0.5 and " · " not in text
            labelled = any(text == label or text.startswith(f"{label}:") for label in inside)  # 'Notas' is no 'Nota:'
            dose = bold and "·" in text
            second = number > 1 and not bold and largest < layout.sizes.body - 0.3  # a lighter, smaller line
            assert not (step or labelled or dose or second), (number, text)
