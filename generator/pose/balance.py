"""Whether a figure that is not lying down would stay up: its centre of mass over what supports it.

The support is the convex hull, on the floor's plane, of where the body touches the floor, plus the
footprint of a box it rests on or holds (a seat, a table, a chair back, a wall), a rod it holds or rests on,
and a ball it leans on (a ball in the hands is carried, not leaned on)."""

from __future__ import annotations

import math
from typing import NamedTuple

from ..model.anatomy import Anatomy
from ..model.figure import Figure
from .overlap import CM, GRIP, Placed, near, solid_depth
from .scene import Ball, Box, Rod, Scene, Solid, Trouble
from .skeleton import SIDES, Skeleton
from .surface import Piece, extent, pieces
from .vectors import Vec, add, dot, length, lerp, scale, sub, unit

BALANCE = 0.02  # how far the weight may lie outside its support (3.4 cm): a foot is wider than its line
TOUCH = 0.01  # a surface this close to the floor or a prop rests on it
REACH = 0.2  # more than any piece's half-size: a prop's box grown by this holds every piece end that can rest on it
LYING = ("back", "front", "side")  # supports of a body lying down: it cannot fall over
HELD = "hands-on-chair-back"  # the support a message suggests

Point = tuple[float, float]  # on the floor: x forward, z to the right


class Support(NamedTuple):
    points: list[Point]
    feet_only: bool  # only the feet touch: the message can say "its feet"
    sides: frozenset[str]  # which feet
    gripped: bool  # a hand holds a post standing on the floor: the arms can pull, so leaning away is no fall


def balance_troubles(anatomy: Anatomy, figure: Figure, scene: Scene, props: list[Placed],
                     field: tuple[object, ...]) -> list[Trouble]:
    if set(anatomy.postures.of(figure.posture).support) & set(LYING):
        return []
    sk = scene.skeleton
    support = supports(anatomy, scene, props)
    if not support.points or support.gripped:
        return []  # nothing touches (floating is the contacts' check), or the hands hang on a post
    weight = centre_of_mass(anatomy, sk)
    nearest = nearest_in_hull(convex_hull(support.points), (weight[0], weight[2]))
    offset = ((weight[0] - nearest[0]), (weight[2] - nearest[1]))
    distance = math.hypot(*offset)
    if distance <= BALANCE:
        return []
    return [Trouble(field, _falls(sk, offset, distance, support))]


def centre_of_mass(anatomy: Anatomy, sk: Skeleton) -> Vec:
    """The body's centre of mass: each segment's mass at its own centre, along its chain of points."""
    total: Vec = (0.0, 0.0, 0.0)
    for segment in anatomy.masses.segments:
        for side in SIDES if segment.sided else ("",):
            chain = [sk.points[f"{side}_{name}" if side else name] for name in segment.along]
            total = add(total, scale(_along(chain, segment.at), segment.mass))
    return total


def supports(anatomy: Anatomy, scene: Scene, props: list[Placed]) -> Support:
    points: list[Point] = []
    touching: set[str] = set()
    gripped, sk = False, scene.skeleton
    leanable = [(t, _grown(t, REACH + TOUCH)) for t in props
                if not (isinstance(t.solid, Box) and t.solid.high[1] <= TOUCH)]  # a mat is floor
    seen: set[tuple[str, Vec]] = set()
    for piece in pieces(anatomy.body, sk):
        for end, centre in ((0, piece.start), (1, piece.end)):
            if (piece.part, centre) in seen:
                continue  # the end of the piece before, of the same size
            seen.add((piece.part, centre))
            if centre[1] - extent(piece, end, (0.0, -1.0, 0.0)) <= TOUCH:
                points.append((centre[0], centre[2]))
                foot = _foot_side(piece, scene.skeleton)
                touching.add(foot)
                if foot:  # a foot on its toes or heel can rock flat at the ankle: all its length bears
                    points += [(p[0], p[2]) for p in (sk.points[f"{foot}_heel"], sk.points[f"{foot}_toe"])]
            for thing, (low, high) in leanable:
                if not (low[0] <= centre[0] <= high[0] and low[1] <= centre[1] <= high[1]
                        and low[2] <= centre[2] <= high[2]):
                    continue  # nowhere near it: the common case, kept cheap
                if _rests_on(piece, end, centre, thing):
                    points += _footprint(thing.solid)
                    touching.add("")
                    gripped = gripped or _grips_post(piece, thing.solid)
    feet = frozenset(touching) <= {"left", "right"}
    return Support(points, feet and bool(touching), frozenset(touching), gripped)


def _grown(thing: Placed, margin: float) -> tuple[Vec, Vec]:
    return (tuple(v - margin for v in thing.low), tuple(v + margin for v in thing.high))  # type: ignore[return-value]


def convex_hull(points: list[Point]) -> list[Point]:
    """The hull's corners, anticlockwise (Andrew's monotone chain); one or two points when they are all."""
    unique = sorted(set(points))
    if len(unique) < 3:
        return unique

    def half(ordered: list[Point]) -> list[Point]:
        chain: list[Point] = []
        for p in ordered:
            while len(chain) >= 2 and _turn(chain[-2], chain[-1], p) <= 0:
                chain.pop()
            chain.append(p)
        return chain[:-1]

    return half(unique) + half(unique[::-1])


def nearest_in_hull(hull: list[Point], point: Point) -> Point:
    """The point itself when inside the hull, else the nearest point of its edge."""
    if len(hull) >= 3 and all(_turn(a, b, point) >= 0 for a, b in zip(hull, hull[1:] + hull[:1])):
        return point
    if len(hull) == 1:
        return hull[0]
    edges = zip(hull, hull[1:] + hull[:1]) if len(hull) >= 3 else [(hull[0], hull[1])]
    return min((_nearest_on_edge(a, b, point) for a, b in edges), key=lambda q: math.dist(q, point))


def _falls(sk: Skeleton, offset: Point, distance: float, support: Support) -> str:
    lateral = unit((sk.points["right_hip"][0] - sk.points["left_hip"][0], 0.0,
                    sk.points["right_hip"][2] - sk.points["left_hip"][2]))
    forward = (lateral[2], 0.0, -lateral[0])  # up crossed with the lateral axis
    ahead, across = dot((offset[0], 0.0, offset[1]), forward), dot((offset[0], 0.0, offset[1]), lateral)
    base = ("its feet" if len(support.sides) > 1 else f"its {next(iter(support.sides))} foot") \
        if support.feet_only else "what supports it"
    cm = f"{distance * CM:.0f} cm"
    hint = f"or add a support such as '{HELD}'"
    if abs(ahead) >= abs(across):
        way, where, lean = ("forward", "ahead of", "pelvis or hip flexion") if ahead > 0 else (
            "backward", "behind", "pelvis extension")
        return f"the figure would fall {way}: its weight is {cm} {where} {base}; lean less {way} ({lean}) {hint}"
    side = "right" if across > 0 else "left"
    return (f"the figure would fall to its {side}: its weight is {cm} to the {side} of {base}; shift it over "
            f"{base} (pelvis side_bend, hip abduction) {hint}")


def _foot_side(piece: Piece, sk: Skeleton) -> str:
    """The side of a foot piece (from the ankle down), '' for any other part."""
    side = piece.part.split("_")[0]
    if piece.part.endswith("_leg") and piece.start in (sk.points[f"{side}_ankle"], sk.points[f"{side}_heel"]):
        return side
    return ""


def _rests_on(piece: Piece, end: int, centre: Vec, thing: Placed) -> bool:
    """A piece's end touches a solid the body can lean on: a box or rod; a ball unless only a hand holds it."""
    solid = thing.solid
    if isinstance(solid, Ball) and piece.part.endswith("_arm"):
        return False
    reach = (piece.r0 if end == 0 else piece.r1) if piece.frame0 is None else max(
        piece.size0 if end == 0 else piece.size1)
    return near(centre, centre, thing, reach + TOUCH) and solid_depth(solid, centre) >= -(reach + TOUCH)


def _grips_post(piece: Piece, solid: Solid) -> bool:
    """A hand round a rod that stands on the floor."""
    return (piece.part.endswith("_arm") and isinstance(solid, Rod) and solid.radius <= GRIP
            and min(solid.start[1], solid.end[1]) <= TOUCH)


def _footprint(solid: Solid) -> list[Point]:
    if isinstance(solid, Box):
        return [(x, z) for x in (solid.low[0], solid.high[0]) for z in (solid.low[2], solid.high[2])]
    if isinstance(solid, Rod):
        return [(solid.start[0], solid.start[2]), (solid.end[0], solid.end[2])]
    if isinstance(solid, Ball):
        return [(solid.centre[0], solid.centre[2])]
    return []


def _along(chain: list[Vec], fraction: float) -> Vec:
    """The point a fraction of the way along a chain of points, by length."""
    lengths = [length(sub(b, a)) for a, b in zip(chain, chain[1:])]
    left = fraction * sum(lengths)
    for (a, b), size in zip(zip(chain, chain[1:]), lengths):
        if left <= size and size > 0:
            return lerp(a, b, left / size)
        left -= size
    return chain[-1]


def _turn(a: Point, b: Point, c: Point) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def _nearest_on_edge(a: Point, b: Point, p: Point) -> Point:
    dx, dz = b[0] - a[0], b[1] - a[1]
    span = dx * dx + dz * dz
    t = 0.0 if span == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dz) / span))
    return (a[0] + dx * t, a[1] + dz * t)

