"""Draw a solved figure into a box on a ReportLab canvas: frames side by side or stacked, scaled to fit."""

from __future__ import annotations

import hashlib
import math
from typing import Callable, NamedTuple, Sequence

from reportlab.lib.colors import Color, HexColor, white
from reportlab.pdfbase.pdfdoc import PDFFormXObject
from reportlab.pdfgen.canvas import Canvas

from ..model.layout import Colours, FigureStyle
from ..pose.draw import Layer, Panel
from ..pose.flat import Polygon, bounds
from ..pose.picture import Picture

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
    towel: Color
    band: Color
    dont: Color
    paper: Color
    part_gap: float
    hair: Color
    ghost: Color

    @classmethod
    def of(cls, style: FigureStyle, colours: Colours) -> Ink:
        return cls(style.line, style.number, HexColor(style.ink or colours.text),
                   HexColor(style.accent or colours.accent),
                   HexColor(style.far), HexColor(style.far_ink), HexColor(style.skin), HexColor(style.shade),
                   HexColor(style.prop), HexColor(style.prop_ink), HexColor(style.towel), HexColor(style.band),
                   HexColor(style.dont), HexColor(style.paper), style.part_gap, HexColor(style.hair),
                   HexColor(style.ghost))


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
    boxes = [panel.window or bounds([o for layer in panel.layers for o in layer.outlines]) for panel in panels]
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
                 ink: Ink, font: str, forms: FigureForms | None = None) -> None:
    """The figure inside (0, 0)-(width, height) of the canvas's current origin."""
    placement = _placed(picture, width, height, style, ink)
    canvas.addLiteral(_drawn(picture, placement, ink, (width, height, style), forms))
    _marks(canvas, picture, placement, ink, font)


def _placed(picture: Picture, width: float, height: float, style: FigureStyle, ink: Ink) -> Placement:
    numbered = any(panel.number is not None for panel in picture.panels)
    return arrange(picture.panels, width, height, style.gap, ink.line * 2, _disc(ink) * 1.1 if numbered else 0.0)


def _disc(ink: Ink) -> float:
    return ink.number / 0.72


def _drawn(picture: Picture, placement: Placement, ink: Ink, box: tuple, forms: FigureForms | None) -> str:
    if forms is None:
        return _vectors(picture, placement, ink)
    return forms.code((picture, ink, box), lambda: _vectors(picture, placement, ink))


def _marks(canvas: Canvas, picture: Picture, placement: Placement, ink: Ink, font: str) -> None:
    """Frame numbers and 'don't' slashes: text needs the canvas's fonts, so these are drawn through it."""
    for panel, origin, label in zip(picture.panels, placement.origins, placement.labels):
        if panel.dont:
            _slash(canvas, panel, origin, placement.scale, ink)
        elif panel.number is not None:
            _number(canvas, panel.number, label, _disc(ink), ink, font)


class Pen:
    """PDF path and paint operators written as text: a figure's thousands of points go straight into the
    content stream, where ReportLab's path object would take them one call at a time."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, *operators: str) -> None:
        self.parts.extend(operators)

    def stroke_colour(self, colour: Color) -> None:
        self.parts.append(f"{colour.red:.3f} {colour.green:.3f} {colour.blue:.3f} RG")

    def fill_colour(self, colour: Color) -> None:
        self.parts.append(f"{colour.red:.3f} {colour.green:.3f} {colour.blue:.3f} rg")

    def width(self, width: float) -> None:
        self.parts.append(f"{width:.3f} w")

    def text(self) -> str:
        return "\n".join(self.parts)


def _vectors(picture: Picture, placement: Placement, ink: Ink) -> str:
    pen = Pen()
    pen.write("1 j 1 J")  # round joins and caps: outlines read as drawn with a round pen
    for panel, origin in zip(picture.panels, placement.origins):
        pen.write("q", f"1 0 0 1 {origin[0]:.3f} {origin[1]:.3f} cm")
        if panel.window is not None:
            pen.write("q", f"{_box(panel.window, placement.scale)} re W n")
        _panel(pen, panel, placement.scale, ink)
        if panel.window is not None:  # a close-up's edge, so the cut through the body reads as a frame
            pen.write("Q")
            pen.stroke_colour(ink.prop_ink)
            pen.width(ink.line * 0.8)
            pen.write(f"{_box(panel.window, placement.scale)} re S")
        pen.write("Q")
    return pen.text()


def _box(window: tuple[float, float, float, float], scale: float) -> str:
    x0, y0, x1, y1 = (v * scale for v in window)
    return f"{x0:.1f} {y0:.1f} {x1 - x0:.1f} {y1 - y0:.1f}"


def _panel(pen: Pen, panel: Panel, scale: float, ink: Ink) -> None:
    for layer in panel.layers:  # farthest first: the picture's own order is its depth order
        _layer(pen, layer, scale, ink)


def _layer(pen: Pen, layer: Layer, scale: float, ink: Ink) -> None:
    kind = layer.kind
    if kind in ("part", "far"):
        stroke, fill = (ink.far_ink, ink.far) if kind == "far" else (ink.ink, ink.skin)
        _part(pen, _code(layer.outlines, scale), stroke, fill, ink)
    elif kind == "ghost":
        _ghost(pen, layer.outlines, scale, ink)
    elif kind in ("prop", "floor", "cloth"):
        fill = ink.towel if kind == "cloth" else ink.prop
        for outline in layer.outlines:
            _shape(pen, _code([outline], scale), ink.prop_ink, fill, ink.line * 0.6)
    elif kind == "front-prop":
        for outline in layer.outlines:
            _shape(pen, _code([outline], scale), ink.prop_ink, None, ink.line * 0.6)
    elif kind == "ground":
        pen.stroke_colour(ink.prop_ink)
        pen.width(ink.line * 0.8)
        pen.write(f"{_code(layer.outlines[:1], scale, close=False)} S")
    elif kind == "shade":
        _shade(pen, _code(layer.outlines, scale), _code(layer.clip, scale), ink.shade)
    elif kind in ("hair", "dots"):
        pen.fill_colour(ink.hair if kind == "hair" else ink.ink)
        pen.write(f"{_code(layer.outlines, scale)} f")
    elif kind in ("rings", "lines"):
        pen.stroke_colour(ink.ink)
        pen.width(ink.line * 0.7)
        pen.write(f"{_code(layer.outlines, scale, close=kind == 'rings')} S")
    elif kind == "strap":
        _strap(pen, layer, scale, ink)
    elif kind == "band":
        _band(pen, layer, scale, ink)
    elif kind in ("arrow", "two-way-arrow"):
        _arrow(pen, layer.outlines[0], scale, ink, both=kind == "two-way-arrow")


def _code(outlines: Sequence[Polygon], scale: float, close: bool = True) -> str:
    """The outlines as path operators."""
    parts, end = [], " h" if close else ""
    for outline in outlines:  # a tenth of a point is finer than any printer places ink, and keeps streams short
        coordinates = tuple([c * scale for point in outline for c in point])
        # one % over the whole outline: formatting point by point and joining took twice as long
        parts.append(("%.1f %.1f m" + " %.1f %.1f l" * (len(outline) - 1)) % coordinates + end)
    return " ".join(parts)


def _part(pen: Pen, code: str, stroke: Color, fill: Color, ink: Ink) -> None:
    """A line of ``ink.line`` points round the union of one part's outlines, with a paper-coloured band
    ``ink.part_gap`` wide outside it, so the part stays traceable where it crosses what is behind it: each
    outline stroked wide in paper, then in ink, then all filled."""
    pen.stroke_colour(ink.paper)
    pen.width((ink.line + ink.part_gap) * 2)
    pen.write(f"{code} S")
    pen.stroke_colour(stroke)
    pen.width(ink.line * 2)
    pen.write(f"{code} S")
    pen.fill_colour(fill)
    pen.write(f"{code} f")  # non-zero winding: overlapping pieces fill as one


def _ghost(pen: Pen, outlines: Sequence[Polygon], scale: float, ink: Ink) -> None:
    """Where the moving part was: a light dashed line round the union of its outlines, over the figure.
    Clipping to outside each outline in turn keeps the pieces' inner edges from showing."""
    code = _code(outlines, scale)
    pen.write("q")
    for outline in outlines:
        pen.write(f"-9999 -9999 m 9999 -9999 l 9999 9999 l -9999 9999 l h {_code([outline], scale)} W* n")
    pen.stroke_colour(ink.ghost)
    pen.width(ink.line * 1.6)
    pen.write(f"[{ink.line * 2:.2f} {ink.line * 1.6:.2f}] 0 d", f"{code} S", "Q")


def _shape(pen: Pen, code: str, stroke: Color, fill: Color | None, line: float) -> None:
    pen.stroke_colour(stroke)
    pen.width(line)
    if fill is not None:
        pen.fill_colour(fill)
    pen.write(f"{code} {'B' if fill is not None else 'S'}")


def _shade(pen: Pen, regions: str, body: str, colour: Color) -> None:
    """Where the stretch is felt: tinted, clipped to its part so it never spills past the outline."""
    pen.write("q", f"{body} W n")
    pen.fill_colour(colour)
    pen.write(f"{regions} f", "Q")


def _strap(pen: Pen, layer: Layer, scale: float, ink: Ink) -> None:
    width = max(layer.width * scale, ink.line * 1.2)
    code = _code(layer.outlines[:1], scale, close=False)
    _line_over(pen, code, (ink.prop_ink, width + ink.line), (ink.towel, max(width - ink.line, 0.1)))


def _band(pen: Pen, layer: Layer, scale: float, ink: Ink) -> None:
    """A thin coloured cord on a paper band, so it reads over the body as elastic rather than as a bar."""
    code = _code(layer.outlines[:1], scale, close=False)
    _line_over(pen, code, (ink.paper, ink.line * 1.6 + ink.part_gap * 2), (ink.band, ink.line * 1.6))


def _line_over(pen: Pen, code: str, under: tuple[Color, float], over: tuple[Color, float]) -> None:
    """One open line stroked twice, a wider stroke under a narrower one: an edge, or a paper band round it."""
    for colour, width in (under, over):
        pen.stroke_colour(colour)
        pen.width(width)
        pen.write(f"{code} S")


def _arrow(pen: Pen, path: Polygon, scale: float, ink: Ink, both: bool) -> None:
    """The arrow's line with a head at its end (and its start, for back and forth), on a paper band so it
    reads over the figure."""
    weight = ink.line * 1.7
    head = weight * 3.2
    points = [(x * scale, y * scale) for x, y in path]
    ends = [_head(points[-1], points[-2], head)]
    if both:
        ends.append(_head(points[0], points[1], head))
    shaft = [p for p in points if all(math.dist(p, tip) > head * 0.8 for tip, _ in ends)]
    line = [*( [ends[1][1]] if both else []), *shaft, ends[0][1]]
    code = _code([tuple(line)], 1.0, close=False)
    _line_over(pen, code, (ink.paper, weight + ink.part_gap * 2), (ink.accent, weight))
    pen.fill_colour(ink.accent)
    for tip, base in ends:
        angle = math.atan2(tip[1] - base[1], tip[0] - base[0])
        wing = head * 0.55
        side = (-math.sin(angle) * wing, math.cos(angle) * wing)
        triangle = (tip, (base[0] + side[0], base[1] + side[1]), (base[0] - side[0], base[1] - side[1]))
        pen.write(f"{_code([triangle], 1.0)} f")


def _head(tip: tuple[float, float], before: tuple[float, float], head: float) -> tuple[tuple[float, float],
                                                                                        tuple[float, float]]:
    """An arrowhead's tip and the middle of its base, pointing the way the line runs into ``tip``."""
    angle = math.atan2(tip[1] - before[1], tip[0] - before[0])
    return tip, (tip[0] - head * math.cos(angle), tip[1] - head * math.sin(angle))


class FigureForms:
    """Each figure's drawing kept as PDF operators, with the layout's styles: a batch of handouts or a
    booklet draws a figure at a size once."""

    def __init__(self, kept: int = 256) -> None:
        self.kept = kept
        self._code: dict[tuple, str] = {}

    def code(self, key: tuple, draw: Callable[[], str]) -> str:
        if key not in self._code:
            if len(self._code) >= self.kept:
                self._code.clear()
            self._code[key] = draw()
        return self._code[key]


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

    def __init__(self, picture: Picture, style: FigureStyle, ink: Ink, font: str, forms: FigureForms | None = None):
        self.picture, self.style, self.ink, self.font, self.forms = picture, style, ink, font, forms

    def draw(self, canvas: Canvas, width: float, height: float) -> None:
        placement = _placed(self.picture, width, height, self.style, self.ink)
        vectors = _drawn(self.picture, placement, self.ink, (width, height, self.style), self.forms)
        key = hashlib.sha1(f"{vectors}|{self.font}|{self.ink.number}".encode()).hexdigest()[:16]
        name = f"figure-{key}"
        if not canvas.hasForm(name):  # the same figure at the same size is stored once in the file
            _vector_form(canvas, f"{name}-lines", width, height, vectors)
            canvas.beginForm(name, 0, 0, width, height)
            canvas.doForm(f"{name}-lines")
            _marks(canvas, self.picture, placement, self.ink, self.font)
            canvas.endForm()
        canvas.doForm(name)


def _vector_form(canvas: Canvas, name: str, width: float, height: float, vectors: str) -> None:
    """The figure's paths as a form of their own, its stream given as bytes: ReportLab encodes a form's text
    through its PDFDocEncoding codec, which for the hundreds of kilobytes of path operators a handout's figures
    make costs more than drawing them. The operators are ASCII, so the bytes are the same either way."""
    form = PDFFormXObject(lowerx=0, lowery=0, upperx=width, uppery=height)
    form.compression = canvas._pageCompression
    form.stream = vectors.encode("ascii")
    canvas._doc.addForm(name, form)
