"""The document: page templates and frames, the build itself, metadata."""

from __future__ import annotations

from functools import partial
from io import BytesIO
from typing import Callable

from reportlab.lib.utils import ImageReader
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from ..base.deadline import Deadline, TimeLimit
from ..base.errors import BuildError, InputError
from ..base.record import Record
from ..base.version import VERSION
from ..compose.blocks import LOG_TEMPLATE
from ..compose.flowables import column_id
from ..compose.styles import Styles
from ..compose.text import plain
from ..compose.wording import Words
from ..model import Layout
from ..model.choices import PAPER_SIZES
from ..resolve.handout import Handout, HandoutClinic
from .page_parts import Footer, Header, NumberedCanvas

FIRST_TEMPLATE, LATER_TEMPLATE = "first", "later"


class RenderedPdf(Record):
    data: bytes
    pages: int
    page_keys: tuple[str, ...] = ()  # one per page, the same exactly when the page looks the same


def page_size(layout: Layout) -> tuple[float, float]:
    width, height = PAPER_SIZES[layout.page.size]
    return (max(width, height), min(width, height)) if layout.page.orientation == "landscape" else (width, height)


class HandoutTemplate(BaseDocTemplate):
    """Remembers which exercise is being laid out, so a layout failure can name it; checks ``deadline`` (when
    given) before each flowable and each page, and a LongParagraph between the windows of words it breaks."""

    current_exercise = "the title block"

    def __init__(self, *args, deadline: Deadline | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.deadline = deadline

    def handle_flowable(self, flowables) -> None:
        if self.deadline is not None:
            self.deadline.check()
        if flowables:
            self.current_exercise = getattr(flowables[0], "exercise_label", self.current_exercise)
        super().handle_flowable(flowables)

    def handle_pageBegin(self) -> None:  # noqa: N802 - ReportLab's name
        if self.deadline is not None:
            self.deadline.check()
        super().handle_pageBegin()

    def afterFlowable(self, flowable) -> None:  # noqa: N802 - ReportLab's name
        """A heading carrying an outline entry becomes a PDF bookmark and a table-of-contents line."""
        entry = getattr(flowable, "outline", None)
        if entry is not None:
            level, text, key = entry
            self.canv.bookmark_here(key)
            self.canv.addOutlineEntry(text, key, level)
            self.notify("TOCEntry", (level, plain(text), self.page, key))  # contents lines are read as markup


class PageSetup(Record):
    """What a document prints around its body, and says about itself."""

    display: str  # names the document in error messages
    title: str  # the running header
    disclaimer: str
    words: Words  # the fixed words around the body, in the document's language
    clinic: HandoutClinic | None
    logo: ImageReader | None
    metadata: dict[str, str]


class Pages(Record):
    """The page parts of a document being typeset, for laying out its page templates."""

    size: tuple[float, float]
    footer: Footer
    header: Header


Templates = Callable[[Pages], list[PageTemplate]]
Story = Callable[[Pages], list[Flowable]]


def typeset(setup: PageSetup, styles: Styles, templates: Templates, story: Story, passes: int = 1,
            deadline: Deadline | None = None) -> RenderedPdf:
    """Lay the story out on pages; more than one pass when a table of contents needs its page numbers.

    ``deadline``, when given, is checked between flowables, at each page and as the pages are written: its
    TimeLimit comes out as itself."""
    layout = styles.layout
    size = page_size(layout)
    pages = Pages(size=size, footer=Footer(setup.disclaimer, styles, setup.words, size),
                  header=Header(setup.title, setup.clinic, setup.logo, styles, size))
    buffer = BytesIO()
    doc = HandoutTemplate(buffer, pagesize=size, invariant=1, initialFontName=styles.fonts.regular,
                          deadline=deadline, **setup.metadata)
    doc.addPageTemplates(templates(pages))
    counted: list[int] = []
    keys: list[str] = []
    canvas = partial(NumberedCanvas, footer=pages.footer, pages=counted, keys=keys, deadline=deadline)
    try:
        flowables = story(pages)
        if passes > 1:
            doc.multiBuild(flowables, maxPasses=passes, canvasmaker=canvas)
        else:
            doc.build(flowables, canvasmaker=canvas)
    except LayoutError:
        raise BuildError(
            f"{setup.display}: {doc.current_exercise}: does not fit on one page with layout '{layout.name}'; "
            "make its illustration smaller or the page margins narrower"
        ) from None
    except (BuildError, InputError, TimeLimit):
        raise
    except Exception as exc:  # anything ReportLab raises mid-page is still one line for the user
        raise BuildError(f"{setup.display}: {doc.current_exercise}: rendering failed: {exc}") from exc
    return RenderedPdf(data=buffer.getvalue(), pages=counted[-1], page_keys=tuple(keys))


def column_width(layout: Layout, page: tuple[float, float], columns: int | None = None) -> float:
    margins, columns = layout.page.margins, columns or layout.page.columns
    width = page[0] - margins.left - margins.right
    return (width - (columns - 1) * layout.page.column_gap) / columns


def page_templates(layout: Layout, pages: Pages, suffix: str = "", first: bool = True,
                   columns: int | None = None) -> list[PageTemplate]:
    """Page one under the clinic block, later pages under the running header; both above the footer.

    ``suffix`` names a second set of templates for another layout's body in the same document (a booklet);
    ``columns``, when given, instead of the layout's (a booklet's own pages are one column).
    """

    def on_first(canvas, _doc):
        pages.header.draw_first(canvas)
        pages.footer.draw(canvas)

    def on_later(canvas, _doc):
        pages.header.draw_later(canvas)
        pages.footer.draw(canvas)

    later_height = pages.header.later_height
    templates = [
        PageTemplate(LATER_TEMPLATE + suffix, _frames(layout, pages, later_height, columns), onPage=on_later),
        PageTemplate(LOG_TEMPLATE + suffix, _frames(layout, pages, later_height, columns=1), onPage=on_later),
    ]
    if first:
        templates.insert(0, PageTemplate(FIRST_TEMPLATE, _frames(layout, pages, pages.header.first_height, columns),
                                         onPage=on_first, autoNextPageTemplate=LATER_TEMPLATE))
    return templates


def _frames(layout: Layout, pages: Pages, header_height: float, columns: int | None = None) -> list[Frame]:
    margins = layout.page.margins
    columns = columns or layout.page.columns
    bottom = margins.bottom + pages.footer.height + layout.spacing.footer_gap
    top = pages.size[1] - margins.top - (header_height + layout.header.gap if header_height else 0)
    width = column_width(layout, pages.size, columns)
    return [
        Frame(margins.left + i * (width + layout.page.column_gap), bottom, width, top - bottom,
              leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=column_id(i))
        for i in range(columns)
    ]


def metadata(title: str, subject: str, keywords: list[str]) -> dict[str, str]:
    return {
        "title": title,
        "subject": subject,
        "keywords": ", ".join(dict.fromkeys(keywords)),
        "author": "",
        "creator": f"worksheet-generator {VERSION}",
    }


def handout_metadata(handout: Handout) -> dict[str, str]:
    worksheet = handout.worksheet
    tags = [*worksheet.tags, *(tag for item in handout.exercises for tag in item.exercise.tags)]
    return metadata(worksheet.title, worksheet.subtitle or "Home exercise program", tags)
