"""The document: page geometry, the footer on every page, 'Page N of M', metadata."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from io import BytesIO

from reportlab.lib.pagesizes import A4, LEGAL, LETTER, landscape, portrait
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph
from reportlab.platypus.doctemplate import LayoutError

from .. import __version__, wording
from ..errors import BuildError, raise_if_any
from ..glyphs import missing_glyphs
from ..model import Layout
from ..resolve import Handout
from .blocks import compose
from .fonts import coverage
from .styles import Styles, build_styles
from .text import plain

PAPER_SIZES = {"letter": LETTER, "a4": A4, "legal": LEGAL}
WIDEST_PAGE_LABEL = wording.page_label(999, 999)


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    pages: int


def page_size(layout: Layout) -> tuple[float, float]:
    size = PAPER_SIZES[layout.page.size]
    return landscape(size) if layout.page.orientation == "landscape" else portrait(size)


class Footer:
    """The disclaimer and page number, measured before the body frame is placed."""

    RULE_GAP = 4.0

    def __init__(self, disclaimer: str, styles: Styles, page: tuple[float, float]):
        layout = styles.layout
        self.styles = styles
        self.left = layout.page.margins.left
        self.width = page[0] - layout.page.margins.left - layout.page.margins.right
        self.bottom = layout.page.margins.bottom
        number_width = stringWidth(WIDEST_PAGE_LABEL, styles.fonts.bold, layout.sizes.footer)
        self.text_width = self.width - number_width - layout.spacing.column_gap
        self.disclaimer = Paragraph(plain(disclaimer), styles.footer)
        _, self.text_height = self.disclaimer.wrap(self.text_width, page[1])
        self.height = self.text_height + (self.RULE_GAP if layout.footer.rule else 0)

    def draw(self, canvas: Canvas, _doc=None) -> None:
        """Drawn on every page as it is laid out; the page number comes later, once the total is known."""
        canvas.saveState()
        if self.styles.layout.footer.rule:
            canvas.setStrokeColor(self.styles.colours.rule)
            canvas.setLineWidth(0.6)
            y = self.bottom + self.text_height + self.RULE_GAP / 2
            canvas.line(self.left, y, self.left + self.width, y)
        self.disclaimer.drawOn(canvas, self.left, self.bottom)
        canvas.restoreState()

    def draw_page_number(self, canvas: Canvas, number: int, total: int) -> None:
        label = Paragraph(wording.page_label(number, total), self.styles.page_number)
        _, height = label.wrap(self.width - self.text_width, self.height)
        label.drawOn(canvas, self.left + self.text_width, self.bottom + self.text_height - height)


class NumberedCanvas(Canvas):
    """Holds every page back until the end so each can say 'Page N of M' in one pass."""

    def __init__(self, *args, footer: Footer, pages: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self._footer, self._page_count = footer, pages
        self._saved_pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            self._footer.draw_page_number(self, self._pageNumber, total)
            super().showPage()
        self._page_count.append(total)
        super().save()


class HandoutTemplate(BaseDocTemplate):
    """Remembers which exercise is being laid out, so a layout failure can name it."""

    current_exercise = "the title block"

    def handle_flowable(self, flowables) -> None:
        if flowables:
            self.current_exercise = getattr(flowables[0], "exercise_label", self.current_exercise)
        super().handle_flowable(flowables)


def render(handout: Handout) -> RenderedPdf:
    layout = handout.layout
    raise_if_any(missing_glyphs(handout, coverage(layout.fonts)))
    styles = build_styles(layout)
    page = page_size(layout)
    footer = Footer(handout.disclaimer, styles, page)
    margins = layout.page.margins
    body_bottom = margins.bottom + footer.height + layout.spacing.footer_gap
    frame = Frame(
        margins.left, body_bottom, footer.width, page[1] - margins.top - body_bottom,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
    )
    buffer = BytesIO()
    doc = HandoutTemplate(buffer, pagesize=page, invariant=1, initialFontName=styles.fonts.regular, **_metadata(handout))
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=footer.draw)])
    pages: list[int] = []
    try:
        canvas = partial(NumberedCanvas, footer=footer, pages=pages)
        doc.build(compose(handout, styles, footer.width), canvasmaker=canvas)
    except LayoutError:
        raise BuildError(
            f"{handout.display}: {doc.current_exercise}: does not fit on one page with layout '{layout.name}'; "
            "make its illustration smaller or the page margins narrower"
        ) from None
    except BuildError:
        raise
    except Exception as exc:  # anything ReportLab raises mid-page is still one line for the user
        raise BuildError(f"{handout.display}: {doc.current_exercise}: rendering failed: {exc}") from exc
    return RenderedPdf(buffer.getvalue(), pages[0])


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
