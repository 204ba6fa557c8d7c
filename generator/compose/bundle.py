"""A booklet's own pages: the cover, the contents, the equipment checklist, full width whatever the layouts'
columns; then each handout, composed in its own layout and language, on its own page templates."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer

from ..base.record import Record
from ..resolve.handout import Bundle, Handout, Need
from .blocks import compose, for_client, grid
from .contents import Contents
from .flowables import TickBox, WholeOrFromHere
from .follow_through import stop_if_box
from .styles import Styles
from .text import MarkupStyle, escape, paragraph, paragraphs, styled
from .wording import Words


class Part(Record):
    """One handout of a booklet, with what it is set in."""

    handout: Handout
    styles: Styles
    words: Words  # in its language, and its second one on a bilingual copy
    width: float  # of a column of its layout
    full_width: float  # of its page body
    template: str  # the page template its pages use
    log_template: str  # the page template of its tracking log


def bundle_story(bundle: Bundle, styles: Styles, words: Words, width: float, parts: list[Part],
                 pictures: Mapping[Path, ImageReader]) -> list[Flowable]:
    """``styles``, ``words`` and ``width`` are the booklet's own pages': one column, the page body's width."""
    # One run of pages, so that cover, contents and checklist share pages where they fit.
    needs = checklist(bundle, styles, words, width)
    story = cover(bundle, styles, words, width) + contents(styles, words, needs[0] if needs else None) + needs
    for number, part in enumerate(parts, start=1):
        story += [NextPageTemplate(part.template), PageBreak()]
        story.extend(compose(part.handout, part.styles, part.words, pictures, part.width, key=f"sheet{number}",
                             full_width=part.full_width, log_template=part.log_template, in_set=True))
    return story


def cover(bundle: Bundle, styles: Styles, words: Words, width: float) -> list[Flowable]:
    """The set's title under the clinic's block (drawn with the page); the client's lines and note; and every
    program's warning signs in one stop box, each sign once. What the set holds, the contents say next."""
    title = bundle.title or words.SET_TITLE
    story: list[Flowable] = [Spacer(0, styles.layout.sizes.title), paragraph(title, styles.title)]
    if bundle.subtitle:
        story.append(paragraph(bundle.subtitle, styles.subtitle))
    story += for_client(bundle.personal, styles, words, width)
    if bundle.intro:
        story.extend(paragraphs(bundle.intro, styles.body))
    reasons = bundle.stop_if()
    if reasons:
        story += [Spacer(0, styles.layout.spacing.section_gap), stop_if_box(reasons, styles, words)]
    return story


def contents(styles: Styles, words: Words, follows: Flowable | None) -> list[Flowable]:
    # Room at each line's right for its page number, so that a name that fills its column wraps before it.
    number = stringWidth(" . 000", styles.fonts.bold, styles.body.fontSize * 1.1)
    program = MarkupStyle("toc0", parent=styles.heading_first, fontSize=styles.body.fontSize * 1.1,
                          leading=styles.body.leading * 1.2, spaceBefore=styles.layout.spacing.paragraph * 2,
                          rightIndent=number)
    exercise = MarkupStyle("toc1", parent=styles.body, leftIndent=styles.layout.spacing.step_indent * 1.5,
                           firstLineIndent=0, spaceAfter=1, rightIndent=number)
    heading = styled(escape(words.CONTENTS_HEADING), styles.section)
    return [Contents(heading, program, exercise, styles.layout.page.column_gap, styles.fonts.regular, follows)]


def checklist(bundle: Bundle, styles: Styles, words: Words, width: float) -> list[Flowable]:
    needs = bundle.equipment()
    if not needs:
        return []
    box = max(styles.body.fontSize * 1.2, 11)  # big enough to tick with a pen
    columns = [box + 10, width * styles.layout.tables.checklist_item_share]
    columns.append(width - sum(columns))
    commands: list[tuple] = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (0, -1), 0),
                             ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
    rows: list[list] = [_need_row(need, box, styles) for need in needs if not need.optional]
    optional = [need for need in needs if need.optional]
    if optional:
        commands += [("SPAN", (0, len(rows)), (-1, len(rows))), ("TOPPADDING", (0, len(rows)), (-1, len(rows)), 10)]
        rows.append([styled(escape(words.EQUIPMENT_OPTIONAL), styles.label), "", ""])
        rows += [_need_row(need, box, styles) for need in optional]
    commands += [("LINEBELOW", (0, n), (-1, n), 0.4, styles.colours.rule) for n, row in enumerate(rows) if row[1]]
    table = grid(rows, columns, styles, commands)
    table.splitInRow = 0  # a thing's row is never split from the programs that need it
    # Kept whole: on the contents' last page when it fits there, else at the top of the next (where the space
    # a heading keeps above it vanishes, and a spacer would not); taller than a page, straight after them.
    heading = MarkupStyle("checklist", parent=styles.section, spaceBefore=styles.section.spaceBefore * 2)
    again = styled(escape(words.continued(words.EQUIPMENT_HEADING)), styles.section)
    return [WholeOrFromHere([styled(escape(words.EQUIPMENT_HEADING), heading),
                             styled(escape(words.EQUIPMENT_INTRO), styles.meta), table], again)]


def _need_row(need: Need, box: float, styles: Styles) -> list:
    return [TickBox(box, styles.colours.text), paragraph(need.name, styles.body),
            paragraph(", ".join(need.titles), styles.meta)]
