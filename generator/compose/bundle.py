"""A booklet's own pages: the cover, the contents, the equipment checklist, full width whatever the layouts'
columns; then each handout, composed in its own layout and language, on its own page templates."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, KeepTogether, NextPageTemplate, PageBreak, Spacer, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from ..base.record import Record
from ..resolve.handout import Bundle, Handout
from .blocks import compose, for_client, grid
from .flowables import TickBox
from .follow_through import stop_if_box
from .styles import Styles
from .text import MarkupStyle, escape, paragraph, paragraphs, plain, styled
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
    story = (cover(bundle, styles, words, width) + [PageBreak()] + contents(styles, words)
             + checklist(bundle, styles, words, width))
    for number, part in enumerate(parts, start=1):
        story += [NextPageTemplate(part.template), PageBreak()]
        story.extend(compose(part.handout, part.styles, part.words, pictures, part.width, key=f"sheet{number}",
                             full_width=part.full_width, log_template=part.log_template, in_set=True))
    return story


def cover(bundle: Bundle, styles: Styles, words: Words, width: float) -> list[Flowable]:
    """The set's title under the clinic's block (drawn with the page); the client's lines and note; what the set
    holds; and every program's warning signs in one stop box, each sign once."""
    title = bundle.title or words.SET_TITLE
    story: list[Flowable] = [Spacer(0, styles.layout.sizes.title), paragraph(title, styles.title)]
    if bundle.subtitle:
        story.append(paragraph(bundle.subtitle, styles.subtitle))
    story += for_client(bundle.personal, styles, words, width)
    if bundle.intro:
        story.extend(paragraphs(bundle.intro, styles.body))
    story.append(styled(escape(words.WORKSHEETS_IN_SET), styles.section))
    for number, handout in enumerate(bundle.handouts, start=1):
        count = words.exercise_count(len(handout.exercises))
        story.append(styled(f"{plain(handout.worksheet.title)} <font color='#{styles.colours.muted.hexval()[2:]}'>"
                               f"({count})</font>", styles.step, bulletText=f"{number}."))
    reasons = bundle.stop_if()
    if reasons:
        story += [Spacer(0, styles.layout.spacing.section_gap), stop_if_box(reasons, styles, words)]
    return story


def contents(styles: Styles, words: Words) -> list[Flowable]:
    toc = TableOfContents(dotsMinLevel=0)
    toc.tableStyle = TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
                                 ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    toc.levelStyles = [
        MarkupStyle("toc0", parent=styles.heading_first, fontSize=styles.body.fontSize * 1.1,
                       leading=styles.body.leading * 1.2, spaceBefore=styles.layout.spacing.paragraph * 2),
        MarkupStyle("toc1", parent=styles.body, leftIndent=styles.layout.spacing.step_indent * 1.5,
                       firstLineIndent=0, spaceAfter=1),
    ]
    return [styled(escape(words.CONTENTS_HEADING), styles.section), toc]


def checklist(bundle: Bundle, styles: Styles, words: Words, width: float) -> list[Flowable]:
    items = bundle.equipment()
    if not items:
        return []
    box = max(styles.body.fontSize * 1.2, 11)  # big enough to tick with a pen
    rows = [[TickBox(box, styles.colours.text), paragraph(name, styles.body), paragraph(", ".join(titles), styles.meta)]
            for name, titles in items]
    share = styles.layout.tables.checklist_item_share
    table = grid(rows, [box + 10, width * share, width * (1 - share) - box - 10], styles, [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, styles.colours.rule),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ])
    # Kept whole: on the contents' last page when it fits there, else at the top of the next (where the space
    # a heading keeps above it vanishes, and a spacer would not).
    heading = MarkupStyle("checklist", parent=styles.section, spaceBefore=styles.section.spaceBefore * 2)
    return [KeepTogether([styled(escape(words.EQUIPMENT_HEADING), heading),
                          styled(escape(words.EQUIPMENT_INTRO), styles.meta), table])]
