"""A worksheet set as one PDF: cover, contents, equipment checklist, then every handout."""

from __future__ import annotations


from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from ..base.version import VERSION as __version__
from ..compose import wording
from ..resolve.bundle import Bundle
from ..base.errors import raise_if_any
from ..check.glyphs import missing_glyphs
from ..compose.i18n import speaking
from ..compose.blocks import compose, grid
from .document import PageSetup, RenderedPdf, needs_italics, typeset
from ..compose.flowables import TickBox
from .fonts import coverage, register
from ..compose.styles import Styles, build_styles
from ..compose.text import escape, paragraph, paragraphs, plain, styled

PASSES = 4  # enough for the contents' page numbers to settle


def render_bundle(bundle: Bundle) -> RenderedPdf:
    with speaking(bundle.language):
        return _render(bundle)


def _render(bundle: Bundle) -> RenderedPdf:
    layout = bundle.handouts[0].layout
    slanted = any(needs_italics(handout) for handout in bundle.handouts)
    for handout in bundle.handouts:
        raise_if_any(missing_glyphs(handout, coverage(layout.fonts, slanted)))
    register(layout.fonts, slanted)
    styles = build_styles(layout)
    title, disclaimer = bundle.title or wording.SET_TITLE, bundle.disclaimer or wording.DEFAULT_DISCLAIMER
    setup = PageSetup(bundle.display, title, disclaimer, bundle.clinic, _metadata(bundle))
    return typeset(setup, styles, lambda width, full: _story(bundle, styles, width, full), passes=PASSES)


def _story(bundle: Bundle, styles: Styles, width: float, full_width: float) -> list[Flowable]:
    story = cover(bundle, styles) + [PageBreak()] + contents(styles) + checklist(bundle, styles, width)
    for number, handout in enumerate(bundle.handouts, start=1):
        story += [NextPageTemplate("later"), PageBreak()]
        with speaking(handout.language):
            story.extend(compose(handout, styles, width, key=f"sheet{number}", full_width=full_width))
    return story


def cover(bundle: Bundle, styles: Styles) -> list[Flowable]:
    title = bundle.title or wording.SET_TITLE
    story: list[Flowable] = [Spacer(0, styles.layout.sizes.title * 3), paragraph(title, styles.title)]
    if bundle.subtitle:
        story.append(paragraph(bundle.subtitle, styles.subtitle))
    if bundle.intro:
        story.extend(paragraphs(bundle.intro, styles.body))
    story.append(styled(escape(wording.WORKSHEETS_IN_SET), styles.section))
    for number, handout in enumerate(bundle.handouts, start=1):
        count = wording.exercise_count(len(handout.exercises))
        story.append(styled(f"{plain(handout.worksheet.title)} <font color='#{styles.colours.muted.hexval()[2:]}'>"
                               f"({count})</font>", styles.step, bulletText=f"{number}."))
    return story


def contents(styles: Styles) -> list[Flowable]:
    toc = TableOfContents(dotsMinLevel=0)
    toc.tableStyle = TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    toc.levelStyles = [
        ParagraphStyle("toc0", parent=styles.heading_first, fontSize=styles.body.fontSize * 1.1,
                       leading=styles.body.leading * 1.2, spaceBefore=styles.layout.spacing.paragraph * 2),
        ParagraphStyle("toc1", parent=styles.body, leftIndent=styles.layout.spacing.step_indent * 1.5,
                       firstLineIndent=0, spaceAfter=1),
    ]
    return [styled(escape(wording.CONTENTS_HEADING), styles.section), toc]


def checklist(bundle: Bundle, styles: Styles, width: float) -> list[Flowable]:
    items = bundle.equipment()
    if not items:
        return []
    box = max(styles.body.fontSize * 1.2, 11)  # big enough to tick with a pen
    rows = [[TickBox(box, styles.colours.text), paragraph(name, styles.body), paragraph(", ".join(titles), styles.meta)]
            for name, titles in items]
    table = grid(rows, [box + 10, width * 0.35, width * 0.65 - box - 10], styles, [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, styles.colours.rule),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ])
    return [Spacer(0, styles.layout.spacing.section_gap), styled(escape(wording.EQUIPMENT_HEADING), styles.section),
            styled(escape(wording.EQUIPMENT_INTRO), styles.meta), table]


def _metadata(bundle: Bundle) -> dict[str, str]:
    titles = [handout.worksheet.title for handout in bundle.handouts]
    return {
        "title": bundle.title or wording.SET_TITLE,
        "subject": bundle.subtitle or "; ".join(titles),
        "keywords": ", ".join(dict.fromkeys(tag for h in bundle.handouts for tag in h.worksheet.tags)),
        "author": "",
        "creator": f"worksheet-generator {__version__}",
    }
