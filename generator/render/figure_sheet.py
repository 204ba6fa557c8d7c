"""Figures alone, one per page the size of the box a card gives it: for tuning a figure quickly."""

from __future__ import annotations

from io import BytesIO

from reportlab.pdfgen.canvas import Canvas

from ..compose.figures import FigureDrawing, Ink
from ..compose.faces import family
from ..model.layout import Layout
from ..pose.picture import Picture
from .fonts import FontBook


def figure_sheet(figures: list[tuple[str, Picture, float, float]], layout: Layout, fonts: FontBook) -> bytes:
    """A PDF with one page per figure, each its own width by height in points, titled by its exercise id."""
    fonts.register(layout.fonts, slanted=False)
    bold = family(layout.fonts).bold
    buffer = BytesIO()
    canvas = Canvas(buffer, invariant=1, pageCompression=1)
    if len(figures) == 1:
        canvas.setTitle(figures[0][0])
    for _, picture, width, height in figures:
        canvas.setPageSize((width, height))
        FigureDrawing(picture, layout.figure, Ink.of(layout.figure, layout.colours), bold).draw(canvas, width, height)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
