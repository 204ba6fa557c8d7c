"""Flowables ReportLab does not have: an illustration box, labels that print only at a page's top, tables
headed again over each page, where the end matter goes, tick boxes, ruled lines and a QR code. Where a card
breaks over a page is card_breaks.py's."""

from __future__ import annotations

import itertools

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer
from reportlab.platypus.doctemplate import ActionFlowable, FrameBreak, NullActionFlowable

from .figures import FigureDrawing
from .reportlab_internals import (at_top, canvas_of, frame_height, frame_of, go_on_below, kept_content, kept_height,
                                  left_in)
from .text import plain, styled


def column_id(index: int) -> str:
    """The id of a page's frame of columns, 0 the first."""
    return f"column{index + 1}"


class IllustrationBox(Flowable):
    """A fixed-size box holding an image scaled to fit with its aspect kept, the exercise's figure, or a
    placeholder: a dashed space to draw in."""

    def __init__(self, width: float, height: float, image: ImageReader | None, figure: FigureDrawing | None,
                 label: str, label_style: ParagraphStyle, border: Color, background: Color, padding: float):
        super().__init__()
        self.width, self.height, self.padding = width, height, padding
        self.image, self.figure, self.label, self.label_style = image, figure, label, label_style
        self.border, self.background = border, background

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        if self.image is not None:
            self._draw_image()
        elif self.figure is not None:
            self.figure.draw(self.canv, self.width, self.height)
        else:
            self._draw_placeholder()

    def _draw_image(self) -> None:
        assert self.image is not None
        image_width, image_height = self.image.getSize()
        scale = min(self.width / image_width, self.height / image_height)
        width, height = image_width * scale, image_height * scale
        x, y = (self.width - width) / 2, (self.height - height) / 2
        self.canv.drawImage(self.image, x, y, width, height, mask="auto")

    def _draw_placeholder(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.background)
        canvas.setStrokeColor(self.border)
        canvas.setLineWidth(0.8)
        canvas.setDash(3, 2)
        canvas.roundRect(0, 0, self.width, self.height, 4, stroke=1, fill=1)
        canvas.restoreState()
        label, label_height = self._fitted_label()
        if label is not None:
            label.drawOn(canvas, self.padding, (self.height - label_height) / 2)

    def _fitted_label(self) -> tuple[Paragraph | None, float]:
        """The label, shortened with an ellipsis until it fits inside the box."""
        width, height = self.width - 2 * self.padding, self.height - 2 * self.padding
        text = self.label
        while text:
            label = styled(plain(text), self.label_style)
            _, label_height = label.wrap(width, height)
            if label_height <= height:
                return label, label_height
            text = text[: int(len(text) * 0.8) - 1].rstrip() + "…" if len(text) > 2 else ""
        return None, 0.0


NEARLY_NOTHING = 0.01  # points
HALF = 0.5  # of a frame: no page but a handout's last is used less
INKED = 0.04  # of a frame: what is used of it but not inked (the gaps under its last line and at its foot)
SLACK = 6.0  # points: a card measured this close to a page's height may not fit it once laid out


class Unbroken(Flowable):
    """Flowables stacked as one piece that never splits over a page, laid out afresh at whatever width it is
    given each time (a table cell would keep the first width it was measured at, and a piece measured for a
    narrow column and laid out across the page would then overlap what is above it)."""

    def __init__(self, parts: list[Flowable]):
        super().__init__()
        self.parts = parts
        self.spaceBefore, self.spaceAfter = parts[0].getSpaceBefore(), parts[-1].getSpaceAfter()
        self.heights: list[float] = []

    def _gap(self, index: int) -> float:
        """Between a part and the next, as a frame would space them."""
        return self.parts[index].getSpaceAfter() + self.parts[index + 1].getSpaceBefore()

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.heights = [part.wrapOn(self.canv, available_width, available_height)[1] for part in self.parts]
        self.width = available_width
        self.height = sum(self.heights) + sum(self._gap(index) for index in range(len(self.parts) - 1))
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []  # whole, on the next page

    def draw(self) -> None:
        y = self.height
        for index, (part, height) in enumerate(zip(self.parts, self.heights)):
            y -= height
            part.drawOn(self.canv, 0, y)
            if index + 1 < len(self.parts):
                y -= self._gap(index)


class TopOnly(Flowable):
    """A paragraph printed only at the top of a frame, such as whose part a page begins with; elsewhere nothing."""

    def __init__(self, content: Paragraph):
        super().__init__()
        self.content, self.height, self.gap = content, 0.0, 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        frame = frame_of(self)
        on_top = frame is not None and at_top(frame)
        self.gap = self.content.getSpaceAfter()  # inside its height: the frame asks the TopOnly, not the label
        self.height = self.content.wrapOn(self.canv, available_width, available_height)[1] + self.gap if on_top else 0.0
        # Never quite nothing: KeepTogether skips what has no height when it measures, and so would measure what
        # follows as at the top of a frame, without its space before, which the frame, past this, does count.
        return available_width, self.height or NEARLY_NOTHING

    def draw(self) -> None:
        if self.height:
            self.content.drawOn(self.canv, 0, self.gap)


class WholeOrFromHere(KeepTogether):
    """Headings over a table, kept on one page where they fit one; where they are taller than a page, they
    begin where they are, the headings over the table's first rows, rather than on a page of their own, and
    each page the table goes on to begins under ``again``."""

    def __init__(self, content: list[Flowable], again: Flowable):
        super().__init__(content)
        self.parts, self.again = list(content), again

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        frame, canvas = frame_height(self), canvas_of(self)  # measuring itself, it lets go of the canvas
        *lead, table = self.parts
        if frame is None or kept_height(self, available_width, frame, canvas) <= frame:
            self.canv = canvas
            return super().split(available_width, available_height)
        room = available_height - kept_height(KeepTogether(lead), available_width, available_height, canvas)
        parts = table.splitOn(canvas, available_width, room) if room > 0 else []
        if len(parts) < 2:  # not a row under the headings here
            return [FrameBreak(), WholeOrFromHere(self.parts, self.again)]
        return [NullActionFlowable(), *lead, parts[0],
                *(KeepTogether([TopOnly(self.again), HeadedAgain(part, self.again, 0.0)]) for part in parts[1:])]


class Lowered(Flowable):
    """Space at a page's top that sets what follows it, ``content``, ``share`` of the way down what it leaves."""

    def __init__(self, content: list[Flowable], share: float):
        super().__init__()
        self.content, self.share = content, share

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        height = kept_height(KeepTogether(kept_content(self.content)), available_width, available_height, self.canv)
        self.width, self.height = available_width, max(0.0, (available_height - height - SLACK) * self.share)
        return self.width, self.height

    def draw(self) -> None:
        pass


class HeadedAgain(Flowable):
    """A table whose every part that goes on over a page begins under its heading again, as its repeated rows
    begin it with its column headings: whose log a page is, for one week of many exercises."""

    def __init__(self, table: Flowable, heading: Paragraph, gap: float):
        super().__init__()
        self.table, self.heading, self.gap = table, heading, gap

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.table.wrapOn(self.canv, available_width, available_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = self.table.splitOn(self.canv, available_width, available_height)
        frame = frame_height(self)
        if len(parts) == 2 and frame is not None:
            # A last part shorter than half a page moves rows on to it, where this page stays half used.
            heading = self.heading.wrapOn(self.canv, available_width, frame)[1] + self.gap
            short = frame * HALF - heading - parts[1].wrapOn(self.canv, available_width, frame)[1]
            if short > 0 and frame - available_height + parts[0].wrapOn(self.canv, available_width, frame)[1] \
                    - short >= frame * HALF:
                parts = self.table.splitOn(self.canv, available_width, available_height - short) or parts
        # Each later part on to a fresh frame with its heading: a heading left at the foot of this one says nothing.
        return parts[:1] + [KeepTogether([TopOnly(self.heading), Spacer(0, self.gap),
                                          HeadedAgain(part, self.heading, self.gap)]) for part in parts[1:]]

    def getSpaceBefore(self) -> float:  # noqa: N802 - ReportLab's name
        return self.table.getSpaceBefore()

    def getSpaceAfter(self) -> float:  # noqa: N802 - ReportLab's name
        return self.table.getSpaceAfter()

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803 - ReportLab's names
        self.table.drawOn(canvas, x, y, _sW)


class HereOrLater(Flowable):
    """Content kept whole that goes here if it fits in what is left of the frame, and otherwise where its
    ``later()`` stands, further on; the space it would leave empty here is left to what follows.

    With ``across`` (a full-width part that may begin across the page under this, the first column), the content
    waits when the part would begin here without it but not with it; and when the part cannot begin on this page
    at all, the content goes to the top of the next column, its ruled lines (when it ends with some) taking the
    column's height, rather than leaving that column empty. With ``to_foot`` (a new page follows it), ruled lines
    the content ends with take what is left of the frame.
    """

    def __init__(self, content: list[Flowable], across: "AcrossBelow | None" = None, to_foot: bool = False):
        super().__init__()
        self.content, self.deferred, self.across, self.to_foot = content, False, across, to_foot
        self.kept = KeepTogether(content)
        self.next_column = False

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        height = kept_height(self.kept, available_width, available_height, self.canv)
        self.deferred, self.next_column = height > available_height, False
        frame, across = frame_of(self), self.across
        if self.content and across is not None and across.may_begin_in(frame):
            if self.deferred or not across.fits(available_height - height, self.canv):
                # Waiting lets the part begin here; else, in columns, the next column is better than after the part
                waits = across.fits(available_height, self.canv)
                self.next_column = across.columns and not waits and height <= (frame_height(self) or 0)
                self.deferred = (self.deferred or waits) and not self.next_column
        return (available_width, 0.0) if self.deferred or not self.content else (available_width, 0xFFFFFF)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if not (self.next_column or self.to_foot):
            return list(self.content)
        room = (frame_height(self) or available_height) if self.next_column else available_height
        *above, last = self.content
        if isinstance(last, RuledLines):
            last = last.filling(room - kept_height(self.kept, available_width, room, self.canv) + last.height)
        return [FrameBreak(), *above, last] if self.next_column else [*above, last]

    def draw(self) -> None:
        pass  # drawn only when deferred, as nothing: its content is laid out instead of it

    def later(self) -> Flowable:
        return _Later(self)


class _Later(Flowable):
    """Where a HereOrLater's content goes when it did not fit where it stood."""

    def __init__(self, here: HereOrLater):
        super().__init__()
        self.here = here

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (available_width, 0xFFFFFF) if self.here.deferred and self.here.content else (available_width, 0.0)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        kept = KeepTogether(list(self.here.content))
        kept.wrapOn(self.canv, available_width, available_height)
        return kept.split(available_width, available_height)  # on to the next page, whole, if it must

    def draw(self) -> None:
        pass


class AcrossBelow(ActionFlowable):
    """Where a full-width part (the tracking log) begins: in a layout of ``columns``, across the page under the
    first column's content while the columns after it are still empty, rather than on a new page that leaves this
    one mostly blank, and on the next page otherwise; in one column, simply next. Later pages use ``template``.
    ``gap`` stands above the part; ``first`` is its first block, kept whole, laid out ``width`` wide."""

    def __init__(self, template: str, gap: float, first: Flowable, width: float, columns: bool):
        super().__init__()
        self.template, self.gap, self.first, self.width, self.columns = template, gap, first, width, columns

    def may_begin_in(self, frame) -> bool:
        """Whether the part could begin under this frame's content: in columns, the first of the page's."""
        return frame is not None and (not self.columns or frame.id == column_id(0))

    def fits(self, height: float, canvas) -> bool:
        """Whether the part's first block fits across the page in ``height`` of a column's space."""
        return kept_height(self.first, self.width, height, canvas) <= height - self.gap

    def apply(self, doc) -> None:
        if not self.columns:
            return
        frame = doc.frame
        doc.handle_nextPageTemplate(self.template)
        height = left_in(frame) - self.gap
        if not self.may_begin_in(frame) or at_top(frame) or height <= 0:
            doc.handle_pageBreak()
            return
        go_on_below(doc, self.width, height, "across")


class Anchor(Flowable):
    """An invisible mark that becomes a bookmark and a contents line where it lands; never split from what follows."""

    def __init__(self, level: int, text: str, key: str):
        super().__init__()
        self.outline = (level, text, key)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        pass


class TickBox(Flowable):
    """An empty square to tick with a pen."""

    def __init__(self, size: float, colour: Color):
        super().__init__()
        self.size, self.colour = size, colour

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(self.colour)
        self.canv.setLineWidth(0.9)
        self.canv.rect(0, 0, self.size, self.size)
        self.canv.restoreState()


class RuledLines(Flowable):
    """Lines to write on, ``gap`` apart."""

    def __init__(self, count: int, width: float, gap: float, colour: Color):
        super().__init__()
        self.count, self.width, self.gap, self.colour = count, width, gap, colour
        self.height = count * gap

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = min(self.width, available_width)
        return self.width, self.height

    def filling(self, height: float) -> "RuledLines":
        """As many lines, at least as many as these, as fit in ``height``."""
        count = max(self.count, int(height // self.gap))
        return RuledLines(count, self.width, self.gap, self.colour)

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(self.colour)
        self.canv.setLineWidth(0.6)
        for line in range(self.count):
            self.canv.line(0, line * self.gap, self.width, line * self.gap)
        self.canv.restoreState()


class QrCode(Flowable):
    """A QR code drawn straight onto the page as squares, with the four-module quiet zone scanners need."""

    QUIET_ZONE = 4

    def __init__(self, text: str, size: float):
        super().__init__()
        from reportlab.graphics.barcode.qr import QrCodeWidget  # only handouts with videos need it: 5 ms

        widget = QrCodeWidget(text, barLevel="M")
        widget.qr.make()
        self.modules = widget.qr.modules
        self.url = text
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        count = len(self.modules)
        module = self.width / (count + 2 * self.QUIET_ZONE)
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColorRGB(0, 0, 0)
        for row, cells in enumerate(self.modules):
            y = self.height - (row + 1 + self.QUIET_ZONE) * module
            column = 0
            for dark, run in itertools.groupby(bool(cell) for cell in cells):
                length = len(list(run))
                if dark:
                    canvas.rect((column + self.QUIET_ZONE) * module, y, length * module, module, stroke=0, fill=1)
                column += length
        canvas.restoreState()
        canvas.linkURL(self.url, (0, 0, self.width, self.height), relative=1, thickness=0)
