"""Draw a solved figure into a box on a ReportLab canvas: frames side by side or stacked, scaled to fit."""

from __future__ import annotations

import hashlib
import math
from typing import NamedTuple, Sequence

from reportlab.lib.colors import Color, HexColor, white
from reportlab.pdfgen.canvas import Canvas

from ..model.layout import Colours, FigureStyle
from ..pose.draw import LAYERS, Layer, Panel
from ..pose.flat import Polygon, bounds
from ..pose.picture import Picture

MERGED = {"far", "body", "near"}  # stroked, then filled: their pieces read as one outline


class Ink(NamedTuple):
    """The figure style's colours, resolved against the layout's."""

    line: float
    number: float
    ink: Color
    accent: Color
    far: Color
    far_ink: Color
    skin: Color
    shade: Color
    prop: Color
    prop_ink: Color
    dont: Color

    @classmethod
    def of(cls, style: FigureStyle, colours: Colours) -> Ink:
        return cls(style.line, style.number, HexColor(style.ink or colours.text), HexColor(style.accent or colours.accent),
                   HexColor(style.far), HexColor(style.far_ink), HexColor(style.skin), HexColor(style.shade),
                   HexColor(style.prop), HexColor(style.prop_ink), HexColor(style.dont))


class Placement(NamedTuple):
    scale: float  # points per body height
    origins: tuple[tuple[float, float], ...]  # where each panel's body-space origin lands, in the box
    labels: tuple[tuple[float, float], ...]  # the top left corner of each panel's number disc


Box = tuple[float, float, float, float]


def arrange(panels: Sequence[Panel], width: float, height: float, gap: float, pad: float,
            label: float = 0.0) -> Placement:
    """Side by side or one above the other, whichever draws the figure larger; panels share one scale
    and one floor line. A band ``label`` wide is kept for the frame numbers: above the panels when they
    stand side by side, to their left when stacked, so a number never covers the figure."""
    boxes = [bounds([o for layer in panel.layers for o in layer.outlines]) for panel in panels]
    count = len(boxes)
    across_scale = min((width - gap * (count - 1) - 2 * pad * count) / sum(b[2] - b[0] for b in boxes),
                       (height - label - 2 * pad) / (max(b[3] for b in boxes) - min(b[1] for b in boxes)))
    stacked_scale = min((height - gap * (count - 1) - 2 * pad * count) / sum(b[3] - b[1] for b in boxes),
                        (width - label - 2 * pad) / (max(b[2] for b in boxes) - min(b[0] for b in boxes)))
    if across_scale >= stacked_scale - 1e-9:
        return _side_by_side(boxes, across_scale, width, height, gap, label)
    return _stacked(boxes, stacked_scale, width, height, gap, label)


def _side_by_side(boxes: list[Box], scale: float, width: float, height: float, gap: float,
                  label: float) -> Placement:
    used = sum((b[2] - b[0]) * scale for b in boxes) + gap * (len(boxes) - 1)
    low, high = min(b[1] for b in boxes), max(b[3] for b in boxes)
    tall = (high - low) * scale + label
    y = (height - tall) / 2 - low * scale
    x = (width - used) / 2
    origins, labels = [], []
    for b in boxes:
        origins.append((x - b[0] * scale, y))
        labels.append((x, y + high * scale + label))
        x += (b[2] - b[0]) * scale + gap
    return Placement(scale, tuple(origins), tuple(labels))


def _stacked(boxes: list[Box], scale: float, width: float, height: float, gap: float,
             label: float) -> Placement:
    used = sum((b[3] - b[1]) * scale for b in boxes) + gap * (len(boxes) - 1)
    y = height - (height - used) / 2
    left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
    x = (width - (right - left) * scale - label) / 2 + label - left * scale
    origins, labels = [], []
    for b in boxes:
        labels.append((x + left * scale - label, y))
        y -= (b[3] - b[1]) * scale
        origins.append((x, y - b[1] * scale))
        y -= gap
    return Placement(scale, tuple(origins), tuple(labels))


def draw_picture(canvas: Canvas, picture: Picture, width: float, height: float, style: FigureStyle,
                 ink: Ink, font: str) -> None:
    """The figure inside (0, 0)-(width, height) of the canvas's current origin."""
    pad = ink.line * 2
    disc = ink.number / 0.72
    numbered = any(panel.number is not None for panel in picture.panels)
    placement = arrange(picture.panels, width, height, style.gap, pad, disc * 1.1 if numbered else 0.0)
    for panel, origin, label in zip(picture.panels, placement.origins, placement.labels):
        canvas.saveState()
        canvas.translate(*origin)
        _panel(canvas, panel, placement.scale, ink)
        canvas.restoreState()
        if panel.dont:
            _slash(canvas, panel, origin, placement.scale, ink)
        elif panel.number is not None:
            _number(canvas, panel.number, label, disc, ink, font)


def _panel(canvas: Canvas, panel: Panel, scale: float, ink: Ink) -> None:
    canvas.setLineJoin(1)
    canvas.setLineCap(1)
    body = [o for layer in panel.layers if layer.kind in MERGED for o in layer.outlines]
    for kind in LAYERS:
        for layer in (layer for layer in panel.layers if layer.kind == kind):
            _layer(canvas, layer, scale, ink, body)


def _layer(canvas: Canvas, layer: Layer, scale: float, ink: Ink, body: list[Polygon]) -> None:
    kind = layer.kind
    if kind in MERGED:
        stroke, fill = (ink.far_ink, ink.far) if kind == "far" else (ink.ink, ink.skin)
        _merged(canvas, layer.outlines, scale, stroke, fill, ink.line)
    elif kind in ("prop", "front-prop", "floor"):
        for outline in layer.outlines:
            _shape(canvas, outline, scale, ink.prop_ink, ink.prop, ink.line * 0.6)
    elif kind == "ground":
        canvas.setStrokeColor(ink.prop_ink)
        canvas.setLineWidth(ink.line * 0.8)
        _open(canvas, layer.outlines[0], scale)
    elif kind == "shade":
        _shade(canvas, layer.outlines, body, scale, ink.shade)
    elif kind in ("detail", "near-detail"):
        for outline in layer.outlines:
            _shape(canvas, outline, scale, ink.ink, None, ink.line * 0.7)
    elif kind == "strap":
        _strap(canvas, layer, scale, ink)
    elif kind == "arrow":
        _arrow(canvas, layer.outlines[0], scale, ink.accent, ink.line)


def _path(canvas: Canvas, outlines: Sequence[Polygon], scale: float, close: bool = True):
    path = canvas.beginPath()
    for outline in outlines:
        path.moveTo(outline[0][0] * scale, outline[0][1] * scale)
        for x, y in outline[1:]:
            path.lineTo(x * scale, y * scale)
        if close:
            path.close()
    return path


def _merged(canvas: Canvas, outlines: Sequence[Polygon], scale: float, stroke: Color, fill: Color,
            line: float) -> None:
    """A line of ``line`` points round the union of the outlines: each stroked twice as wide, then all filled."""
    canvas.setStrokeColor(stroke)
    canvas.setLineWidth(line * 2)
    canvas.drawPath(_path(canvas, outlines, scale), stroke=1, fill=0)
    canvas.setFillColor(fill)
    canvas.drawPath(_path(canvas, outlines, scale), stroke=0, fill=1, fillMode=1)


def _shape(canvas: Canvas, outline: Polygon, scale: float, stroke: Color, fill: Color | None, line: float) -> None:
    canvas.setStrokeColor(stroke)
    canvas.setLineWidth(line)
    if fill is not None:
        canvas.setFillColor(fill)
    canvas.drawPath(_path(canvas, [outline], scale), stroke=1, fill=1 if fill is not None else 0)


def _open(canvas: Canvas, points: Polygon, scale: float) -> None:
    canvas.drawPath(_path(canvas, [points], scale, close=False), stroke=1, fill=0)


def _shade(canvas: Canvas, regions: Sequence[Polygon], body: list[Polygon], scale: float, colour: Color) -> None:
    """Where the stretch is felt: tinted, clipped to the body so it never spills past the outline."""
    canvas.saveState()
    canvas.clipPath(_path(canvas, body, scale), stroke=0, fill=0, fillMode=1)
    canvas.setFillColor(colour)
    canvas.drawPath(_path(canvas, regions, scale), stroke=0, fill=1, fillMode=1)
    canvas.restoreState()


def _strap(canvas: Canvas, layer: Layer, scale: float, ink: Ink) -> None:
    width = max(layer.width * scale, ink.line * 1.2)
    canvas.setStrokeColor(ink.prop_ink)
    canvas.setLineWidth(width + ink.line)
    _open(canvas, layer.outlines[0], scale)
    canvas.setStrokeColor(ink.prop)
    canvas.setLineWidth(max(width - ink.line, 0.1))
    _open(canvas, layer.outlines[0], scale)


def _arrow(canvas: Canvas, path: Polygon, scale: float, colour: Color, line: float) -> None:
    weight = line * 1.7
    head = weight * 3.2
    (x1, y1), (x2, y2) = path[-2], path[-1]
    angle = math.atan2(y2 - y1, x2 - x1)
    tip = (x2 * scale, y2 * scale)
    base = (tip[0] - head * math.cos(angle), tip[1] - head * math.sin(angle))
    shaft = [p for p in path if math.dist((p[0] * scale, p[1] * scale), tip) > head * 0.8]
    canvas.setStrokeColor(colour)
    canvas.setFillColor(colour)
    canvas.setLineWidth(weight)
    if len(shaft) >= 1:
        points = [(x / scale, y / scale) for x, y in [(p[0] * scale, p[1] * scale) for p in shaft] + [base]]
        _open(canvas, tuple(points), scale)
    wing = head * 0.55
    side = (-math.sin(angle) * wing, math.cos(angle) * wing)
    triangle = canvas.beginPath()
    triangle.moveTo(*tip)
    triangle.lineTo(base[0] + side[0], base[1] + side[1])
    triangle.lineTo(base[0] - side[0], base[1] - side[1])
    triangle.close()
    canvas.drawPath(triangle, stroke=0, fill=1)


def _slash(canvas: Canvas, panel: Panel, origin: tuple[float, float], scale: float, ink: Ink) -> None:
    """A slash across a picture of what not to do."""
    x0, y0, x1, y1 = bounds([o for layer in panel.layers for o in layer.outlines])
    canvas.setStrokeColor(ink.dont)
    canvas.setLineWidth(ink.line * 3)
    canvas.setLineCap(1)
    canvas.line(origin[0] + x0 * scale, origin[1] + y0 * scale, origin[0] + x1 * scale, origin[1] + y1 * scale)


def _number(canvas: Canvas, number: int, corner: tuple[float, float], size: float, ink: Ink, font: str) -> None:
    """A frame's number, white in an accent disc whose top left corner is ``corner``."""
    left, top = corner
    canvas.setFillColor(ink.accent)
    canvas.circle(left + size / 2, top - size / 2, size / 2, stroke=0, fill=1)
    canvas.setFillColor(white)
    canvas.setFont(font, ink.number)
    canvas.drawCentredString(left + size / 2, top - size / 2 - size * 0.26, str(number))


class FigureDrawing:
    """A solved figure and how to draw it, drawn once per size as a form the page places."""

    def __init__(self, picture: Picture, style: FigureStyle, ink: Ink, font: str):
        self.picture, self.style, self.ink, self.font = picture, style, ink, font

    def draw(self, canvas: Canvas, width: float, height: float) -> None:
        key = hashlib.sha1(repr((self.picture, self.style, self.ink, self.font, round(width, 3),
                                 round(height, 3))).encode()).hexdigest()[:16]
        name = f"figure-{key}"
        if not canvas.hasForm(name):  # the same figure at the same size is stored once in the file
            canvas.beginForm(name, 0, 0, width, height)
            draw_picture(canvas, self.picture, width, height, self.style, self.ink, self.font)
            canvas.endForm()
        canvas.doForm(name)
