"""A solved frame, seen through the camera, as layers of flat outlines drawn in order, farthest first.

Only the trunk, neck and head share one outline; each limb is its own, split where it passes from behind the
trunk to in front of it, and every part is ordered over what it overlaps by depth (see order.py)."""

from __future__ import annotations

import math
from typing import NamedTuple, Optional

from ..model.anatomy import Anatomy
from .areas import shades
from .camera import depth, flat
from .face import face
from .flat import Point, Polygon, capsule, circle, hull
from .order import Item, Sample, drawing_order
from .scene import Ball, Box, PropShape, Rod, Scene, Strap
from .surface import SAMPLES as STATION, Piece, pieces
from .skeleton import Skeleton
from .vectors import Matrix, Vec, apply, dot, sub, unit

LIMBS = ("left_leg", "right_leg", "left_arm", "right_arm")  # in the order that wins a tie
OTHER_LEG = {"left_leg": "right_leg", "right_leg": "left_leg"}
BEHIND = 0.03  # a limb piece this far behind the trunk where they overlap, in body heights, goes behind it
CLOTH = ("towel-roll",)  # solid props drawn as cloth, like the towel
LEGS_APART = 0.05  # a leg this much farther than the other, in body heights, is the far one
FAR = -0.035  # an arm whose middle lies this far behind the trunk's is on the far side


class Layer(NamedTuple):
    """What to draw, by kind: "floor", "ground", "prop", "front-prop" (a prop nearer than the figure, drawn
    as an outline so the figure shows through), "part" and "far" (body parts, with a paper gap
    round each), "ghost", "shade" (clipped to ``clip``), "hair", "dots", "lines", "rings", "strap"
    (a towel), "cloth" (a rolled towel), "band", "arrow" and "two-way-arrow"."""

    kind: str
    outlines: tuple[Polygon, ...]
    width: float = 0.0  # a strap's width, in body heights
    clip: tuple[Polygon, ...] = ()


class Panel(NamedTuple):
    layers: tuple[Layer, ...]
    number: Optional[int]  # 1 or 2 when a figure shows a start and an end
    dont: bool
    window: Optional[tuple[float, float, float, float]] = None  # a close-up: only this box of the page is shown


def project(anatomy: Anatomy, scene: Scene, eye: Matrix, feel: list[str], tinted: frozenset[str] = frozenset(),
            ghost: tuple[Polygon, ...] = ()) -> list[Layer]:
    """The frame's layers, farthest first; ``tinted`` are the limbs drawn in the far side's tint, and
    ``ghost`` the outlines of where a part was, drawn over the figure as a light dashed line."""
    body_pieces = pieces(anatomy.body, scene.skeleton)
    shaded = shades(anatomy.body, anatomy.shading, scene.skeleton, eye, feel)
    trunk = [p for p in body_pieces if p.part == "trunk"]
    middle = sum(depth(eye, p.start) for p in trunk) / len(trunk)
    body_samples = _samples(eye, [p for p in body_pieces if p.part in ("trunk", "neck", "head")])
    items: list[Item] = []
    drawn: list[list[Layer]] = []
    outline = _body_outline(eye, body_pieces)
    features = face(anatomy.body, scene.skeleton, eye)
    drawn.append([Layer("part", outline), *_shade(shaded, "body", outline), Layer("hair", features.hair),
                  Layer("rings", features.rings), Layer("dots", features.dots), Layer("lines", features.lines)])
    items.append(Item(body_samples, 0, middle))
    for rank, limb in enumerate(LIMBS, start=1):
        own = [p for p in body_pieces if p.part == limb]
        tone = "far" if limb in tinted else "part"
        for chunk in _chunks(eye, own, body_samples):
            outlines = tuple(_piece(eye, p) for p in chunk)
            drawn.append([Layer(tone, outlines), *_shade(shaded, limb, outlines)])
            items.append(Item(_samples(eye, chunk), rank, _mean_depth(eye, chunk)))
    for prop in scene.props:
        if isinstance(prop.solid, Strap):
            for run, over in _strap_runs(eye, prop.solid, body_samples):
                drawn.append([Layer("band" if prop.prop == "band" else "strap", (run,), prop.solid.width)])
                items.append(Item(_line_samples(eye, prop.solid, run, over), len(LIMBS) + 1, over))
    figure = [layer for k in drawing_order(items) for layer in drawn[k]]
    solids = [p for p in scene.props if p.prop != "mat" and not isinstance(p.solid, Strap)]
    nearest = max(depth(eye, point) for point in scene.skeleton.points.values())
    behind = [p for p in solids if not p.in_front and _nearest_back(eye, p) <= nearest]
    nearer = [_solid(eye, p) for p in solids if not p.in_front and _nearest_back(eye, p) > nearest]
    held = [p for p in solids if p.in_front]
    layers = [Layer("floor", tuple(_solid(eye, p) for p in scene.props if p.prop == "mat")),
              *(_prop_layer(eye, p) for p in behind), *figure, Layer("ghost", ghost),
              *(Layer("front-prop", (o,)) for o in nearer), *(_prop_layer(eye, p) for p in held)]
    return [layer for layer in layers if layer.outlines]


def _prop_layer(eye: Matrix, prop: PropShape) -> Layer:
    """A prop's outline: "cloth" for a rolled towel, drawn in the towel's colour; "prop" for the rest."""
    return Layer("cloth" if prop.prop in CLOTH else "prop", (_solid(eye, prop),))


def outline_of(anatomy: Anatomy, scene: Scene, eye: Matrix, part: str) -> tuple[Polygon, ...]:
    """One part's outlines, as a ghost draws them: "body" (trunk, neck and head), "head" (with the neck)
    or a limb."""
    body_pieces = pieces(anatomy.body, scene.skeleton)
    if part == "body":
        return _body_outline(eye, body_pieces)
    if part == "head":
        return tuple(_piece(eye, p) for p in body_pieces if p.part in ("neck", "head"))
    return tuple(_piece(eye, p) for p in body_pieces if p.part == part)


def _shade(shaded: list, owner: str, clip: tuple[Polygon, ...]) -> list[Layer]:
    own = tuple(s.outline for s in shaded if s.owner == owner)
    return [Layer("shade", own, clip=clip)] if own else []


def _body_outline(eye: Matrix, body_pieces: list[Piece]) -> tuple[Polygon, ...]:
    trunk = [p for p in body_pieces if p.part == "trunk"]
    merged = _trunk(eye, trunk)
    rest = [p for p in body_pieces if p.part in ("neck", "head") or (merged is None and p.part == "trunk")]
    return (*(merged or ()), *(_piece(eye, p) for p in rest))


def far_limbs(anatomy: Anatomy, scene: Scene, eye: Matrix) -> frozenset[str]:
    """The limbs on the far side of the body as the eye sees it."""
    body_pieces = pieces(anatomy.body, scene.skeleton)
    trunk = [p for p in body_pieces if p.part == "trunk"]
    return frozenset(limb for limb in LIMBS if _far(eye, scene.skeleton, limb, body_pieces, trunk))


def _far(eye: Matrix, sk: Skeleton, limb: str, body_pieces: list[Piece], trunk: list[Piece]) -> bool:
    """Whether a limb lies on the far side of the body. A leg stays on its side, so it is the far one when
    it lies behind the other leg along the hips' line, as seen: a raised camera seeing the legs lower, one
    looking along a lying figure seeing them beyond the trunk, or a trunk leaning over them does not tint
    them, and the lower leg of a figure lying on its side seen from above is tinted. An arm often crosses in
    front of the chest, so it is measured against the trunk along the eye's direction on the floor."""
    own = [p for p in body_pieces if p.part == limb]
    if limb.endswith("_leg"):
        across = unit(sub(sk.points["right_hip"], sk.points["left_hip"]))
        facing = dot((eye[2][0], eye[2][1], eye[2][2]), across)
        if abs(facing) >= 0.2:  # else the eye looks square at the front or back: as for an arm
            pair = [p for p in body_pieces if p.part == OTHER_LEG[limb]]
            return (_depth_along(across, own) - _depth_along(across, pair)) * facing < -LEGS_APART
    return _level_depth(eye, own) - _level_depth(eye, trunk) < FAR


def _level_depth(eye: Matrix, chunk: list[Piece]) -> float:
    """How near the pieces are along the eye's direction in the floor's plane: a camera raised above the
    floor sees the legs lower, hence farther, than the trunk, which does not make them the far side's."""
    toward = (eye[2][0], 0.0, eye[2][2])
    size = math.hypot(toward[0], toward[2])
    if size < 0.2:  # looking (nearly) straight down: the depth as seen
        return _mean_depth(eye, chunk)
    return _depth_along((toward[0] / size, 0.0, toward[2] / size), chunk)


def _depth_along(toward: Vec, chunk: list[Piece]) -> float:
    return sum(dot(toward, p.start) + dot(toward, p.end) for p in chunk) / (2 * len(chunk))


def _mean_depth(eye: Matrix, chunk: list[Piece]) -> float:
    return sum(depth(eye, p.start) + depth(eye, p.end) for p in chunk) / (2 * len(chunk))


def _samples(eye: Matrix, chunk: list[Piece]) -> tuple[Sample, ...]:
    """Round spots along the pieces, for telling where two parts overlap on the page: each piece's start
    and middle, and the last one's end."""
    found = []
    for p in chunk:
        r0 = p.r0 or (p.size0[0] + p.size0[1]) / 2
        r1 = p.r1 or (p.size1[0] + p.size1[1]) / 2
        for t, r in ((0.0, r0), (0.5, (r0 + r1) / 2)):
            found.append(_sample(eye, _at(p, t), r))
    if chunk:
        last = chunk[-1]
        found.append(_sample(eye, last.end, last.r1 or (last.size1[0] + last.size1[1]) / 2))
    return tuple(found)


def _sample(eye: Matrix, point: tuple[float, float, float], radius: float) -> Sample:
    x, y, z = apply(eye, point)
    return Sample(x, y, z, radius)


def _at(p: Piece, t: float) -> tuple[float, float, float]:
    return (p.start[0] + (p.end[0] - p.start[0]) * t, p.start[1] + (p.end[1] - p.start[1]) * t,
            p.start[2] + (p.end[2] - p.start[2]) * t)


def _local(x: float, y: float, body: tuple[Sample, ...]) -> Optional[float]:
    """The trunk's depth under a point of the page, or None where the point is clear of it."""
    best: Optional[float] = None
    for sx, sy, sd, sr in body:
        if abs(sx - x) < sr and abs(sy - y) < sr and (best is None or sd > best) and math.hypot(sx - x, sy - y) < sr:
            best = sd
    return best


def _chunks(eye: Matrix, limb: list[Piece], body: tuple[Sample, ...]) -> list[list[Piece]]:
    """The limb in runs of pieces on one side of the trunk: an arm reaching across the chest from behind
    the shoulder is split where it comes out in front."""
    runs: list[list[Piece]] = []
    side: Optional[bool] = None
    for p in limb:
        x, y = flat(eye, _at(p, 0.5))
        under = _local(x, y, body)
        front = side if under is None else depth(eye, _at(p, 0.5)) >= under - BEHIND
        if runs and (front == side or front is None or side is None):
            runs[-1].append(p)
        else:
            runs.append([p])
        side = front if front is not None else side
    return runs


def _strap_runs(eye: Matrix, strap: Strap, body: tuple[Sample, ...]) -> list[tuple[Polygon, float]]:
    """A towel or band in runs in front of or behind the body, each with its mean depth."""
    runs: list[tuple[list[Point], list[float], Optional[bool]]] = []
    for a, b in zip(strap.points, strap.points[1:]):
        mid = tuple((u + v) / 2 for u, v in zip(a, b))
        x, y = flat(eye, mid)  # type: ignore[arg-type]
        under = _local(x, y, body)
        front = None if under is None else depth(eye, mid) >= under  # type: ignore[arg-type]
        if runs and (front is None or runs[-1][2] is None or runs[-1][2] == front):
            runs[-1][0].append(flat(eye, b))
            runs[-1][1].append(depth(eye, b))
            if runs[-1][2] is None:
                runs[-1] = (runs[-1][0], runs[-1][1], front)
        else:
            runs.append(([flat(eye, a), flat(eye, b)], [depth(eye, a), depth(eye, b)], front))
    return [(tuple(points), sum(depths) / len(depths)) for points, depths, _ in runs]


def _line_samples(eye: Matrix, strap: Strap, run: Polygon, over: float) -> tuple[Sample, ...]:
    return tuple(Sample(x, y, over, strap.width / 2 + 0.01) for x, y in run)


def _nearest_back(eye: Matrix, prop: PropShape) -> float:
    """The depth of the prop's farthest side: a prop all nearer than every joint of the figure (a chair's
    back seen from behind) is drawn over it, as an outline the figure shows through."""
    solid = prop.solid
    if isinstance(solid, Box):
        lo, hi = solid.low, solid.high
        return min(depth(eye, (x, y, z)) for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2]))
    if isinstance(solid, Ball):
        return depth(eye, solid.centre) - solid.radius
    if isinstance(solid, Rod):
        return min(depth(eye, solid.start), depth(eye, solid.end)) - solid.radius
    return 0.0


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
