"""A solved frame, seen through the camera, as layers of flat outlines ready to be stroked and filled."""

from __future__ import annotations

import math
from typing import NamedTuple, Optional

from .camera import depth, flat
from ..model.anatomy import Body, Section
from .flat import Point, Polygon, capsule, circle, hull
from .scene import Ball, Box, PropShape, Rod, Scene, Strap
from .surface import SAMPLES as STATION, Piece, pieces
from .vectors import Matrix, Vec, add, apply, length, lerp, scale, sub, unit

# Layers, drawn in this order. Body layers merge: every outline of a layer is stroked, then every one filled,
# so the pieces read as one silhouette.
LAYERS = ("floor", "ground", "prop", "far", "body", "shade", "detail", "near", "near-detail", "front-prop", "strap",
          "arrow")


class Layer(NamedTuple):
    kind: str
    outlines: tuple[Polygon, ...]
    width: float = 0.0  # a strap's or arrow's width, in body heights


class Panel(NamedTuple):
    layers: tuple[Layer, ...]
    number: Optional[int]  # 1 or 2 when a figure shows a start and an end
    dont: bool


def project(body: Body, scene: Scene, eye: Matrix, feel: list[str]) -> list[Layer]:
    body_pieces = pieces(body, scene.skeleton)
    groups = _depth_groups(scene, eye, body_pieces)
    layers = [Layer("prop", tuple(_solid(eye, p) for p in scene.props if not p.in_front and p.prop != "mat"))]
    layers.insert(0, Layer("floor", tuple(_solid(eye, p) for p in scene.props if p.prop == "mat")))
    for group in ("far", "body", "near"):
        members = [p for p in body_pieces if groups[p.part] == group]
        outline = _trunk(eye, [p for p in members if p.part == "trunk"])
        rest = members if outline is None else [p for p in members if p.part != "trunk"]
        layers.append(Layer(group, (*(outline or ()), *(_piece(eye, p) for p in rest))))
        if group == "body":
            layers.append(Layer("shade", tuple(_region(body, scene, eye, region) for region in feel)))
            layers.append(Layer("detail", _ear(body, scene, eye)))
    layers.append(Layer("front-prop", tuple(_solid(eye, p) for p in scene.props if p.in_front
                                            and not isinstance(p.solid, Strap))))
    for p in scene.props:
        if isinstance(p.solid, Strap):
            layers.append(Layer("strap", (tuple(flat(eye, q) for q in p.solid.points),), p.solid.width))
    return [layer for layer in layers if layer.outlines]


def _depth_groups(scene: Scene, eye: Matrix, body_pieces: list[Piece]) -> dict[str, str]:
    """Limbs clearly behind the trunk are far (tinted, drawn first); clearly in front, near; else merged."""
    trunk = [depth(eye, p.start) for p in body_pieces if p.part == "trunk"]
    middle = sum(trunk) / len(trunk)
    groups = {"trunk": "body", "neck": "body", "head": "body"}
    for part in ("left_arm", "right_arm", "left_leg", "right_leg"):
        own = [depth(eye, p.start) for p in body_pieces if p.part == part]
        offset = sum(own) / len(own) - middle
        groups[part] = "far" if offset < -0.035 else "near" if offset > 0.07 else "body"
    return groups


def _piece(eye: Matrix, piece: Piece) -> Polygon:
    a, b = flat(eye, piece.start), flat(eye, piece.end)
    if piece.frame0 is None:
        return capsule(a, piece.r0, b, piece.r1)
    return capsule(a, _across(eye, piece, 0, a, b), b, _across(eye, piece, 1, a, b))


def _trunk(eye: Matrix, trunk: list[Piece]) -> Optional[tuple[Polygon, ...]]:
    """The trunk's pieces as one outline along its curve with a rounded cap at each end, and a round section
    at each level the body names (hips, waist, chest, shoulders), which rounds the shoulders as a capsule per
    piece would, in far fewer points. None when the trunk is seen end on and has no edges to follow."""
    if not trunk:
        return None
    centres = [flat(eye, p.start) for p in trunk] + [flat(eye, trunk[-1].end)]
    steps = [(b[0] - a[0], b[1] - a[1]) for a, b in zip(centres, centres[1:])]
    widths = [_across(eye, p, 0, a, b) for p, a, b in zip(trunk, centres, centres[1:])]
    widths.append(_across(eye, trunk[-1], 1, centres[-2], centres[-1]))
    if min(math.hypot(*step) for step in steps) < 0.002:
        return None
    left, right = [], []
    for i, (c, half) in enumerate(zip(centres, widths)):
        dx, dy = steps[max(i - 1, 0)] if i == len(steps) else steps[i]
        if 0 < i < len(steps):
            dx, dy = dx + steps[i - 1][0], dy + steps[i - 1][1]
        size = math.hypot(dx, dy)
        nx, ny = -dy / size, dx / size
        left.append((c[0] + nx * half, c[1] + ny * half))
        right.append((c[0] - nx * half, c[1] - ny * half))
    top = _cap(centres[-1], widths[-1], right[-1])
    bottom = _cap(centres[0], widths[0], left[0])
    sections = tuple(circle(centres[i], widths[i]) for i in range(STATION, len(centres) - 1, STATION))
    return (tuple(right) + top + tuple(reversed(left)) + bottom, *sections)


def _cap(centre: Point, radius: float, start: Point) -> Polygon:
    """The half circle round ``centre`` turning counter-clockwise from ``start``, without its ends."""
    first = math.atan2(start[1] - centre[1], start[0] - centre[0])
    arc = circle(centre, radius)
    count = len(arc)
    begin = round((first % (2 * math.pi)) / (2 * math.pi) * count)
    half = count // 2
    return tuple(arc[(begin + k) % count] for k in range(1, half))


def _across(eye: Matrix, piece: Piece, end: int, a: Point, b: Point) -> float:
    """The half-width of a trunk piece's elliptical section as seen across its drawn axis."""
    frame, (width, depth_) = (piece.frame0, piece.size0) if end == 0 else (piece.frame1, piece.size1)
    assert frame is not None
    dx, dy = b[0] - a[0], b[1] - a[1]
    size = math.hypot(dx, dy)
    normal = (-dy / size, dx / size, 0.0) if size > 1e-9 else (1.0, 0.0, 0.0)
    world = tuple(sum(eye[i][j] * normal[i] for i in range(3)) for j in range(3))  # the camera's inverse
    lateral = (frame[0][2], frame[1][2], frame[2][2])
    front = (frame[0][0], frame[1][0], frame[2][0])
    along_lateral = sum(lateral[i] * world[i] for i in range(3))
    along_front = sum(front[i] * world[i] for i in range(3))
    return math.hypot(width * along_lateral, depth_ * along_front)


def _solid(eye: Matrix, prop: PropShape) -> Polygon:
    solid = prop.solid
    if isinstance(solid, Box):
        lo, hi = solid.low, solid.high
        corners = [(x, y, z) for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])]
        return hull([flat(eye, c) for c in corners])
    if isinstance(solid, Ball):
        return circle(flat(eye, solid.centre), solid.radius)
    if isinstance(solid, Rod):
        return capsule(flat(eye, solid.start), solid.radius, flat(eye, solid.end), solid.radius)
    raise TypeError(solid)


REGIONS: dict[str, tuple[str, str, float, float, float]] = {
    # region: from level, to level, forward offset (in trunk depths), right offset (in widths), radius
    "upper-back": ("thoracic", "neck", -0.75, 0.0, 0.05),
    "between-shoulder-blades": ("thoracic", "upper_thoracic", -0.85, 0.0, 0.04),
    "lower-back": ("hips", "thoracic", -0.8, 0.0, 0.045),
    "chest": ("thoracic", "neck", 0.8, 0.0, 0.05),
    "left-side": ("pelvis", "upper_thoracic", 0.0, -0.8, 0.04),
    "right-side": ("pelvis", "upper_thoracic", 0.0, 0.8, 0.04),
}


def _region(body: Body, scene: Scene, eye: Matrix, region: str) -> Polygon:
    p, frames = scene.skeleton.points, scene.skeleton.frames
    if region in ("neck", "left-neck", "right-neck"):
        sign = {"neck": 0.0, "left-neck": -1.0, "right-neck": 1.0}[region]
        low = add(p["neck"], apply(frames["upper_thoracic"], (-0.01, 0.0, sign * 0.05)))
        high = add(p["skull"], apply(frames["neck"], (-0.01, 0.0, sign * 0.02)))
        return capsule(flat(eye, low), 0.035, flat(eye, high), 0.03)
    if region in ("left-shoulder", "right-shoulder"):
        side = region.split("-")[0]
        top = lerp(p["neck"], p[f"{side}_shoulder"], 0.5)
        return capsule(flat(eye, top), 0.035, flat(eye, p[f"{side}_shoulder"]), 0.035)
    start, end, forward, right, radius = REGIONS[region]
    section: dict[str, Section] = {s.at: s for s in body.trunk}
    points = []
    for level in (start, end):
        size = section[level]
        points.append(add(p[level], apply(frames.get(level, frames["pelvis"]),
                                           (forward * size.depth, 0.0, right * size.width))))
    mid = lerp(points[0], points[1], 0.5)
    a, b = lerp(points[0], mid, 0.25), lerp(points[1], mid, 0.25)
    return capsule(flat(eye, a), radius, flat(eye, b), radius)


def _ear(body: Body, scene: Scene, eye: Matrix) -> tuple[Polygon, ...]:
    """An ear on the side of the head that faces the eye, so the head's turn reads."""
    frame = scene.skeleton.frames["head"]
    lateral = (frame[0][2], frame[1][2], frame[2][2])
    facing = apply(eye, lateral)[2]
    if abs(facing) < 0.55:
        return ()
    side = 1.0 if facing > 0 else -1.0
    centre = add(scene.skeleton.points["head"], apply(frame, (-0.008, -0.004, side * body.head_radius * 0.6)))
    return (_oval(flat(eye, centre), 0.011, 0.017, flat(eye, add(centre, apply(frame, (0.0, 1.0, 0.0))))),)


def _oval(centre: Point, rx: float, ry: float, up: Point) -> Polygon:
    angle = math.atan2(up[1] - centre[1], up[0] - centre[0]) - math.pi / 2
    c, s = math.cos(angle), math.sin(angle)
    return tuple((centre[0] + rx * math.cos(t) * c - ry * math.sin(t) * s,
                  centre[1] + rx * math.cos(t) * s + ry * math.sin(t) * c)
                 for t in (2 * math.pi * i / 20 for i in range(20)))


def arrow_path(start: Vec, end: Vec, pivot: Vec, eye: Matrix, shortest: float) -> Polygon:
    """The moving point's arc round its pivot, at least ``shortest`` long (a small move gets a straight arrow)."""
    a, b = sub(start, pivot), sub(end, pivot)
    path = []
    for i in range(13):
        t = i / 12
        direction = unit(lerp(unit(a), unit(b), t))
        radius = length(a) + (length(b) - length(a)) * t
        path.append(flat(eye, add(pivot, scale(direction, radius))))
    drawn = sum(math.dist(p, q) for p, q in zip(path, path[1:]))
    if drawn >= shortest:
        return tuple(path)
    head, tail = path[-1], path[0]
    dx, dy = head[0] - tail[0], head[1] - tail[1]
    size = math.hypot(dx, dy)
    if size < 1e-9:
        return ()
    mid = ((head[0] + tail[0]) / 2, (head[1] + tail[1]) / 2)
    ux, uy = dx / size, dy / size
    return ((mid[0] - ux * shortest / 2, mid[1] - uy * shortest / 2), (mid[0] + ux * shortest / 2, mid[1] + uy * shortest / 2))
