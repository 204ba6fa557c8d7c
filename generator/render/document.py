"""The document: page templates and frames, the build itself, metadata."""

from __future__ import annotations

from functools import partial
from io import BytesIO
from typing import Callable

from reportlab.lib.pagesizes import A4, LEGAL, LETTER, landscape, portrait
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from ..base.version import VERSION as __version__
from ..compose import wording
from ..resolve.clinic import HandoutClinic
from ..base.errors import BuildError, InputError, raise_if_any
from ..check.glyphs import missing_glyphs
from ..compose.i18n import speaking
from ..model import Layout
from ..base.record import Record
from ..resolve.resolve import Handout
from ..compose.blocks import LOG_TEMPLATE, compose
from .fonts import coverage, register
from .page_parts import Footer, Header, NumberedCanvas
from ..compose.styles import Styles, build_styles
from ..compose.text import plain

PAPER_SIZES = {"letter": LETTER, "a4": A4, "legal": LEGAL}


class RenderedPdf(Record):
    data: bytes
    pages: int


def page_size(layout: Layout) -> tuple[float, float]:
    size = PAPER_SIZES[layout.page.size]
    return landscape(size) if layout.page.orientation == "landscape" else portrait(size)


class HandoutTemplate(BaseDocTemplate):
    """Remembers which exercise is being laid out, so a layout failure can name it."""

    current_exercise = "the title block"

    def handle_flowable(self, flowables) -> None:
        if flowables:
            self.current_exercise = getattr(flowables[0], "exercise_label", self.current_exercise)
        super().handle_flowable(flowables)

    def afterFlowable(self, flowable) -> None:  # noqa: N802 - ReportLab's name
        """A heading carrying an outline entry becomes a PDF bookmark and a table-of-contents line."""
        entry = getattr(flowable, "outline", None)
        if entry is not None:
            level, text, key = entry
            self.canv.bookmark_here(key)
            self.canv.addOutlineEntry(text, key, level)
            self.notify("TOCEntry", (level, plain(text), self.page, key))  # contents lines are read as markup


def render(handout: Handout) -> RenderedPdf:
    with speaking(handout.language):
        layout = handout.layout
        slanted = needs_italics(handout)
        raise_if_any(missing_glyphs(handout, coverage(layout.fonts, slanted)))
        register(layout.fonts, slanted)
        styles = build_styles(layout)
        disclaimer = handout.disclaimer or wording.DEFAULT_DISCLAIMER
        page = PageSetup(handout.display, handout.worksheet.title, disclaimer, handout.clinic, _metadata(handout))
        return typeset(page, styles, lambda width, full: compose(handout, styles, width, full_width=full))


def needs_italics(handout: Handout) -> bool:
    """Only notes are set in italics."""
    personal_note = handout.personal is not None and bool(handout.personal.note)
    return personal_note or any(item.note or item.client_note for item in handout.exercises)


class PageSetup(Record):
    """What a document prints around its body, and says about itself."""

    display: str  # names the document in error messages
    title: str  # the running header
    disclaimer: str
    clinic: HandoutClinic | None
    metadata: dict[str, str]


def typeset(setup: PageSetup, styles: Styles, story: Callable[[float, float], list[Flowable]],
            passes: int = 1) -> RenderedPdf:
    """Lay the story out on pages; more than one pass when a table of contents needs its page numbers.

    ``story`` is given the width of a column and of the whole page body.
    """
    layout = styles.layout
    page = page_size(layout)
    footer, header = Footer(setup.disclaimer, styles, page), Header(setup.title, setup.clinic, styles, page)
    buffer = BytesIO()
    doc = HandoutTemplate(buffer, pagesize=page, invariant=1, initialFontName=styles.fonts.regular, **setup.metadata)
    doc.addPageTemplates(page_templates(layout, page, footer, header))
    pages: list[int] = []
    canvas = partial(NumberedCanvas, footer=footer, pages=pages)
    try:
        flowables = story(column_width(layout, page), column_width(layout, page, columns=1))
        if passes > 1:
            doc.multiBuild(flowables, maxPasses=passes, canvasmaker=canvas)
        else:
            doc.build(flowables, canvasmaker=canvas)
    except LayoutError:
        raise BuildError(
            f"{setup.display}: {doc.current_exercise}: does not fit on one page with layout '{layout.name}'; "
            "make its illustration smaller or the page margins narrower"
        ) from None
    except (BuildError, InputError):
        raise
    except Exception as exc:  # anything ReportLab raises mid-page is still one line for the user
        raise BuildError(f"{setup.display}: {doc.current_exercise}: rendering failed: {exc}") from exc
    return RenderedPdf(buffer.getvalue(), pages[-1])


def column_width(layout: Layout, page: tuple[float, float], columns: int | None = None) -> float:
    margins, columns = layout.page.margins, columns or layout.page.columns
    width = page[0] - margins.left - margins.right
    return (width - (columns - 1) * layout.page.column_gap) / columns


def page_templates(layout: Layout, page: tuple[float, float], footer: Footer, header: Header) -> list[PageTemplate]:
    """Page one under the clinic block, later pages under the running header; both above the footer."""

    def on_first(canvas, _doc):
        header.draw_first(canvas)
        footer.draw(canvas)

    def on_later(canvas, _doc):
        header.draw_later(canvas)
        footer.draw(canvas)

    first = PageTemplate("first", _frames(layout, page, footer, header.first_height), onPage=on_first,
                         autoNextPageTemplate="later")
    later = PageTemplate("later", _frames(layout, page, footer, header.later_height), onPage=on_later)
    log = PageTemplate(LOG_TEMPLATE, _frames(layout, page, footer, header.later_height, columns=1), onPage=on_later)
    return [first, later, log]


def _frames(layout: Layout, page: tuple[float, float], footer: Footer, header_height: float,
            columns: int | None = None) -> list[Frame]:
    margins = layout.page.margins
    columns = columns or layout.page.columns
    bottom = margins.bottom + footer.height + layout.spacing.footer_gap
    top = page[1] - margins.top - (header_height + layout.header.gap if header_height else 0)
    width = column_width(layout, page, columns)
    return [
        Frame(margins.left + i * (width + layout.page.column_gap), bottom, width, top - bottom,
              leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=f"column{i + 1}")
        for i in range(columns)
    ]


def _metadata(handout: Handout) -> dict[str, str]:
    worksheet = handout.worksheet
    tags = dict.fromkeys([*worksheet.tags, *(tag for item in handout.exercises for tag in item.exercise.tags)])
    return {
        "title": worksheet.title,
        "subject": worksheet.subtitle or "Home exercise program",
        "keywords": ", ".join(tags),
        "author": "",
        "creator": f"worksheet-generator {__version__}",
    }
