"""What every page carries outside its body: header, footer and 'Page N of M'.

Each part is measured before the body frames are placed, so the body can
never run into it.
"""

from __future__ import annotations

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from ..base.deadline import Deadline
from ..compose.reportlab_internals import page_number, page_state, restore_page, start_next_page
from ..compose.styles import Styles
from ..compose.text import plain, styled
from ..compose.wording import Words
from ..resolve.handout import HandoutClinic
from .page_keys import PageKeys


class Footer:
    """The disclaimer and page number."""

    def __init__(self, disclaimer: str, styles: Styles, words: Words, page: tuple[float, float]):
        layout = styles.layout
        self.styles = styles
        self.words = words
        self.left = layout.page.margins.left
        self.width = page[0] - layout.page.margins.left - layout.page.margins.right
        self.bottom = layout.page.margins.bottom
        widest_label = words.page_label(999, 999)  # in the language printed
        number_width = stringWidth(widest_label, styles.fonts.bold, layout.sizes.footer)
        self.text_width = self.width - number_width - layout.spacing.column_gap
        self.disclaimer = styled(plain(disclaimer), styles.footer)
        _, self.text_height = self.disclaimer.wrap(self.text_width, page[1])
        self.rule_gap = layout.spacing.rule_gap
        self.height = self.text_height + (self.rule_gap if layout.footer.rule else 0)

    def draw(self, canvas: Canvas) -> None:
        """Drawn on every page as it is laid out; the page number comes later, once the total is known."""
        canvas.saveState()
        if self.styles.layout.footer.rule:
            canvas.setStrokeColor(self.styles.colours.rule)
            canvas.setLineWidth(0.6)
            y = self.bottom + self.text_height + self.rule_gap / 2
            canvas.line(self.left, y, self.left + self.width, y)
        self.disclaimer.drawOn(canvas, self.left, self.bottom)
        canvas.restoreState()

    def draw_page_number(self, canvas: Canvas, number: int, total: int) -> None:
        label = styled(self.words.page_label(number, total), self.styles.page_number)
        _, height = label.wrap(self.width - self.text_width, self.height)
        label.drawOn(canvas, self.left + self.text_width, self.bottom + self.text_height - height)


class Header:
    """Page one: the clinic block (logo, name, contact lines). Later pages: title and clinic name, small."""

    def __init__(self, title: str, clinic: HandoutClinic | None, logo: ImageReader | None, styles: Styles,
                 page: tuple[float, float]):
        layout = styles.layout
        self.styles, self.clinic = styles, clinic
        self.left = layout.page.margins.left
        self.width = page[0] - layout.page.margins.left - layout.page.margins.right
        self.top = page[1] - layout.page.margins.top
        self.rule_gap = layout.spacing.rule_gap
        self.logo = logo
        self.logo_size = self._logo_size()
        self.clinic_text = self._clinic_text()
        self.first_height = self._first_height()
        self.later_height = self._later_height(title)

    def _logo_size(self) -> tuple[float, float]:
        if self.logo is None:
            return 0.0, 0.0
        box = self.styles.layout.header
        width, height = self.logo.getSize()
        scale = min(box.logo_width / width, box.logo_height / height)
        return width * scale, height * scale

    def _clinic_text(self) -> list[Paragraph]:
        if self.clinic is None:
            return []
        lines = [styled(plain(self.clinic.clinic.name), self.styles.clinic_name)]
        lines += [styled(plain(line), self.styles.clinic_line) for line in self.clinic.clinic.lines]
        return lines

    def _text_width(self) -> float:
        gap = self.styles.layout.spacing.column_gap if self.logo else 0
        return self.width - self.logo_size[0] - gap

    def _first_height(self) -> float:
        if self.clinic is None:
            return 0.0
        text_height = sum(p.wrap(self._text_width(), self.top)[1] for p in self.clinic_text)
        return max(self.logo_size[1], text_height) + self.rule_gap

    def _later_height(self, title: str) -> float:
        if not self.styles.layout.header.running:
            return 0.0
        self.title_width, self.clinic_width = self._running_widths()
        title_style, clinic_style = self.styles.running_header, self.styles.running_header_right
        self.running_title = styled(plain(one_line(title, title_style, self.title_width)), title_style)
        clinic = one_line(self.clinic.clinic.name, clinic_style, self.clinic_width) if self.clinic else ""
        self.running_clinic = styled(plain(clinic), clinic_style)
        height = max(paragraph.wrap(width, self.top)[1]
                     for paragraph, width in ((self.running_title, self.title_width),
                                              (self.running_clinic, self.clinic_width)) if width)
        return height + self.rule_gap

    def _running_widths(self) -> tuple[float, float]:
        """The title takes the width the clinic's name leaves (the name at most half of it): all of it without one."""
        if not self.clinic:
            return self.width, 0.0
        style = self.styles.running_header_right
        gap = self.styles.layout.spacing.column_gap
        name = stringWidth(self.clinic.clinic.name, style.fontName, style.fontSize) + 1
        clinic_width = min(name, self.width / 2 - gap / 2)
        return self.width - clinic_width - gap, clinic_width

    def draw_first(self, canvas: Canvas) -> None:
        if self.clinic is None:
            return
        canvas.saveState()
        if self.logo is not None:
            width, height = self.logo_size
            canvas.drawImage(self.logo, self.left, self.top - height, width, height, mask="auto")
        x = self.left + self.width - self._text_width()
        y = self.top
        for paragraph in self.clinic_text:
            _, height = paragraph.wrap(self._text_width(), self.top)
            y -= height
            paragraph.drawOn(canvas, x, y)
        self._rule(canvas, self.top - self.first_height + self.rule_gap / 2)
        canvas.restoreState()

    def draw_later(self, canvas: Canvas) -> None:
        if not self.later_height:
            return
        canvas.saveState()
        for paragraph, width, x in ((self.running_title, self.title_width, self.left),
                                    (self.running_clinic, self.clinic_width, self.left + self.width - self.clinic_width)):
            if width:
                _, height = paragraph.wrap(width, self.top)
                paragraph.drawOn(canvas, x, self.top - height)
        self._rule(canvas, self.top - self.later_height + self.rule_gap / 2)
        canvas.restoreState()

    def _rule(self, canvas: Canvas, y: float) -> None:
        canvas.setStrokeColor(self.styles.colours.rule)
        canvas.setLineWidth(0.6)
        canvas.line(self.left, y, self.left + self.width, y)


def one_line(text: str, style, width: float) -> str:
    """The text as it fits one line of ``width``: shortened at a word, or a letter, with an ellipsis if need be.
    A running header that wrapped would push the body down on every later page."""
    if stringWidth(text, style.fontName, style.fontSize) <= width:
        return text
    words = text.split()
    while len(words) > 1 and stringWidth(" ".join(words) + "…", style.fontName, style.fontSize) > width:
        words.pop()
    shortened = " ".join(words).rstrip(",;:·-–")
    while shortened and stringWidth(shortened + "…", style.fontName, style.fontSize) > width:
        shortened = shortened[:-1]
    return shortened.rstrip() + "…"


class NumberedCanvas(Canvas):
    """Holds every page back until the end so each can say 'Page N of M' in one pass; checks ``deadline`` (when
    given) before writing each. Puts the page count in ``pages`` and, in ``keys``, a key for each page that is
    the same exactly when the page looks the same, so a preview redraws only the pages that changed."""

    def __init__(self, *args, footer: Footer, pages: list[int], keys: list[str] | None = None,
                 deadline: Deadline | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self._footer, self._page_count, self._deadline = footer, pages, deadline
        self._keys, self._page_keys = (keys if keys is not None else []), PageKeys()
        self._saved_pages: list[dict] = []
        self._bookmarks: list[str] = []

    def bookmark_here(self, key: str) -> None:
        """A bookmark to this page, made when the page is really written (bookmarkPage needs the page's place)."""
        self._bookmarks.append(key)

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._page_keys.page_laid_out(self)
        self._saved_pages.append(page_state(self))
        self._bookmarks = []
        start_next_page(self)

    def save(self) -> None:
        total = len(self._saved_pages)
        self._page_keys.layout_done(self)
        for state in self._saved_pages:
            if self._deadline is not None:
                self._deadline.check()
            restore_page(self, state)
            for key in self._bookmarks:
                self.bookmarkPage(key)
            self._footer.draw_page_number(self, page_number(self), total)
            self._page_keys.page_written(self)
            super().showPage()
        self._page_count.append(total)
        self._keys[:] = self._page_keys.keys(self)
        super().save()
