"""Flowables ReportLab does not have: an illustration box, a line to write on, an exercise block."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, KeepTogether, Paragraph


class IllustrationBox(Flowable):
    """A fixed-size box holding an image scaled to fit with its aspect kept, or a labelled placeholder."""

    def __init__(self, width: float, height: float, image: ImageReader | None, label: Paragraph,
                 border: Color, background: Color):
        super().__init__()
        self.width, self.height = width, height
        self.image, self.label = image, label
        self.border, self.background = border, background

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        if self.image is not None:
            self._draw_image()
        else:
            self._draw_placeholder()

    def _draw_image(self) -> None:
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
        padding = 6
        _, label_height = self.label.wrap(self.width - 2 * padding, self.height - 2 * padding)
        label_height = min(label_height, self.height - 2 * padding)
        self.label.drawOn(canvas, padding, (self.height - label_height) / 2)


class WriteInLine(Flowable):
    """'Label: ________' spanning the given width, for the client to fill in by hand."""

    def __init__(self, label: Paragraph, width: float, colour: Color, line_gap: float = 4):
        super().__init__()
        self.label, self.width, self.colour, self.line_gap = label, width, colour, line_gap

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = min(self.width, available_width)
        _, self.height = self.label.wrap(self.width, available_height)
        return self.width, self.height

    def draw(self) -> None:
        label_width = self.label.minWidth() + self.line_gap
        self.label.drawOn(self.canv, 0, 0)
        self.canv.saveState()
        self.canv.setStrokeColor(self.colour)
        self.canv.setLineWidth(0.7)
        self.canv.line(label_width, 2, self.width, 2)
        self.canv.restoreState()


class ExerciseBlock(KeepTogether):
    """Kept on one page. A block taller than a whole page starts where it is when at least half a page
    is left, rather than leaving that half blank; otherwise it starts on the next page."""

    def __init__(self, flowables: list[Flowable], label: str):
        super().__init__(flowables)
        self.exercise_label = label

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (available_width, available_height):
            self.wrap(available_width, available_height)
        frame = getattr(self, "_frame", None)
        if frame is not None and self._H > frame._height and available_height >= frame._height / 2:
            return list(self._content)
        return super().split(available_width, available_height)
