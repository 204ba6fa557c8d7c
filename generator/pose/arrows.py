"""An arrow on the part that moves, following its path: round its joint, straight, round a circle, or
back and forth (a head at each end)."""

from __future__ import annotations

import math

from ..model.anatomy import Body
from .camera import flat
from .flat import Point, Polygon
from .skeleton import Skeleton
from .vectors import Matrix, Vec, add, dot, length, lerp, scale, sub, unit

GAP = 0.045  # how far an arrow keeps from the point it follows, in body heights
SHORTEST = 0.12  # an arrow is at least this long, so its head reads
LOOP = 0.055  # a circling arrow's radius
FLOOR_NEAR = 0.25  # a point this low, in body heights, keeps its arrow off the floor side
TWIST_REACH = 0.04  # a point at least this far from an axis turns round it: a face round the head's
TWIST_RADIUS = 0.25  # the widest arc drawn round the spine
STEADY = math.cos(math.radians(20))  # an axis tilting less than this between the frames is turned round
CROWN = 1.3  # a turning head's arc rides this many head radii above the face's level, over the crown


def arrow(start: Skeleton, end: Skeleton, point: str, path: str, eye: Matrix, body: Body) -> Polygon:
    """The arrow's line on the page, ending at its head; empty when the movement runs toward the eye."""
    a, pivots = marker(start, point, body)
    b, after = marker(end, point, body)
    pivot = _still(a, b, pivots, after)
    turn = _turn(start, end, point, a, b, pivots, after) if pivot is after[-1] else None
    if turn is not None:
        pivot = turn[0]
    if path == "circle":
        return _loop(flat(eye, b), flat(eye, pivot))
    if turn is not None and path in ("arc", "back-and-forth"):
        head = point in ("face", "head")
        a, b = _widened(a, b, pivot, (1.3 if head else 2.0) * SHORTEST)
        if head:  # a head turning: the arc rides over the crown
            lift = scale(turn[1], CROWN * body.head_radius)
            a, b, pivot = add(a, lift), add(b, lift), add(pivot, lift)
    else:
        shift = scale(unit(add(outward(start, point, a, pivots[-1]), outward(end, point, b, after[-1]))), GAP)
        if shift[1] < 0 and min(a[1], b[1]) < FLOOR_NEAR:  # the floor side of a part lying low: the other side
            shift = scale(shift, -1.0)
        a, b, pivot = add(a, shift), add(b, shift), add(pivot, shift)
    if path in ("straight", "straight-back-and-forth"):
        return _long_enough((flat(eye, a), flat(eye, b)))
    return _long_enough(_grown(tuple(flat(eye, _round(a, b, pivot, i / 12)) for i in range(13))))


def _grown(line: Polygon) -> Polygon:
    """A short turn keeps its curve and its place, drawn larger, where stretching it straight lost the turn."""
    drawn = _drawn(line)
    if not 1e-6 < drawn < SHORTEST:
        return line
    grow = 1.15 * SHORTEST / drawn
    (x0, y0), (x1, y1) = line[0], line[-1]
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    return tuple((mx + (x - mx) * grow, my + (y - my) * grow) for x, y in line)


def _drawn(line: Polygon) -> float:
    return sum(math.dist(p, q) for p, q in zip(line, line[1:]))


def outward(sk: Skeleton, point: str, at: Vec, base: Vec) -> Vec:
    """Which way is away from the body at the point: the arrow keeps that side of the part."""
    if point == "head":
        return _column(sk, "head", 1)
    if point == "face":
        return _column(sk, "head", 0)
    if point in ("chest", "upper-back", "lower-back"):
        return scale(_column(sk, "thoracic", 0), 1.0 if point == "chest" else -1.0)
    if point == "pelvis":
        return _column(sk, "pelvis", 1)
    return unit(sub(at, base))


def _still(a: Vec, b: Vec, before: tuple[Vec, ...], after: tuple[Vec, ...]) -> Vec:
    """The nearest joint up the limb that stays put: a knee straightening turns the foot round the knee,
    a leg swinging round the hip."""
    moved = length(sub(b, a))
    for here, there in zip(before, after):
        if length(sub(there, here)) <= 0.2 * moved:
            return there
    return after[-1]


def _turn(start: Skeleton, end: Skeleton, point: str, a: Vec, b: Vec, pivots: tuple[Vec, ...],
          after: tuple[Vec, ...]) -> tuple[Vec, Vec] | None:
    """Where the point turns round an axis, and the axis, when it does: a twist keeps its axis, a bend tilts it."""
    axis, before = _axis(end, point, after), _axis(start, point, pivots)
    if axis is None or before is None or dot(axis[1], before[1]) <= STEADY:
        return None
    pivot = _round_the_axis(a, b, *axis)
    return None if pivot is axis[0] else (pivot, axis[1])


def _axis(sk: Skeleton, point: str, after: tuple[Vec, ...]) -> tuple[Vec, Vec] | None:
    """The line a point may turn round: the head's for the face, the spine's for the chest or back or a limb
    the trunk carries."""
    if point in ("face", "head"):
        return sk.points["neck"], unit(sub(sk.points["head"], sk.points["neck"]))
    if point == "pelvis":
        return None
    return after[-1], unit(sub(sk.points["neck"], after[-1]))


def _round_the_axis(a: Vec, b: Vec, base: Vec, axis: Vec) -> Vec:
    """Where a point turning round an axis turns: the axis at the point's level, so its arrow runs round the
    head or the body (a circle seen from the front curves) rather than over a sphere about the base. A
    point moving along the axis, toward or away from it (a back arching), or lying on it keeps the base."""
    ta, tb = dot(sub(a, base), axis), dot(sub(b, base), axis)
    centre = add(base, scale(axis, ta))
    reach = min(length(sub(a, centre)), length(sub(b, add(base, scale(axis, tb)))))
    if abs(ta - tb) > 0.3 * length(sub(b, a)) or reach < TWIST_REACH:
        return base
    chord = length(sub(b, a))
    across = abs(dot(unit(sub(b, a)), unit(sub(a, centre))))
    if abs(across - min(1.0, chord / (2 * reach))) > 0.25:  # a turn leaves the radius at half its angle
        return base
    return add(base, scale(axis, (ta + tb) / 2))


def _widened(a: Vec, b: Vec, pivot: Vec, long: float) -> tuple[Vec, Vec]:
    """A twist's arc pushed out from the spine, clear of the body and about ``long`` round, to read as a turn."""
    ra, rb = sub(a, pivot), sub(b, pivot)
    angle = math.acos(max(-1.0, min(1.0, dot(unit(ra), unit(rb))))) or 1e-6
    radius = max(length(ra) + GAP, min(long / angle, TWIST_RADIUS))
    return add(pivot, scale(unit(ra), radius)), add(pivot, scale(unit(rb), radius))


def _round(a: Vec, b: Vec, pivot: Vec, t: float) -> Vec:
    """The point ``t`` of the way round from ``a`` to ``b`` about ``pivot``, its distance blended."""
    ra, rb = sub(a, pivot), sub(b, pivot)
    ua, ub = unit(ra), unit(rb)
    angle = math.acos(max(-1.0, min(1.0, sum(x * y for x, y in zip(ua, ub)))))
    if angle < 1e-6:
        direction = ua
    else:
        direction = unit(add(scale(ua, math.sin((1 - t) * angle)), scale(ub, math.sin(t * angle))))
    return add(pivot, scale(direction, length(ra) + (length(rb) - length(ra)) * t))


def _long_enough(line: Polygon) -> Polygon:
    if _drawn(line) >= SHORTEST:
        return line
    (x0, y0), (x1, y1) = line[0], line[-1]
    size = math.hypot(x1 - x0, y1 - y0)
    if size < 1e-6:
        return ()
    mid, ux, uy = ((x0 + x1) / 2, (y0 + y1) / 2), (x1 - x0) / size, (y1 - y0) / size
    return ((mid[0] - ux * SHORTEST / 2, mid[1] - uy * SHORTEST / 2),
            (mid[0] + ux * SHORTEST / 2, mid[1] + uy * SHORTEST / 2))


def _loop(centre: Point, pivot: Point) -> Polygon:
    """A near-closed flat loop round the moving point, across the limb: a pendulum's circles."""
    dx, dy = centre[0] - pivot[0], centre[1] - pivot[1]
    size = math.hypot(dx, dy) or 1.0
    ax, ay = -dy / size, dx / size  # across the limb
    bx, by = dx / size, dy / size  # along it
    return tuple((centre[0] + LOOP * (math.cos(t) * ax + 0.4 * math.sin(t) * bx),
                  centre[1] + LOOP * (math.cos(t) * ay + 0.4 * math.sin(t) * by))
                 for t in (math.radians(-140 + 300 * i / 24) for i in range(25)))


def _column(sk: Skeleton, level: str, column: int) -> Vec:
    m = sk.frames[level]
    return (m[0][column], m[1][column], m[2][column])


def marker(sk: Skeleton, point: str, body: Body) -> tuple[Vec, tuple[Vec, ...]]:
    """A body point an arrow follows: where it is, and the joints it may turn round, nearest first."""
    p = sk.points
    depth: dict[str, float] = {s.at: s.depth for s in body.trunk}
    if point == "head":
        return add(p["head"], scale(_column(sk, "head", 1), body.head_radius)), (p["neck"],)
    if point == "face":
        return add(p["head"], scale(_column(sk, "head", 0), body.head_radius)), (p["neck"],)
    if point in ("chest", "upper-back", "lower-back"):
        level, above = {"chest": ("upper_thoracic", "neck"), "upper-back": ("thoracic", "upper_thoracic"),
                        "lower-back": ("lumbar", "thoracic")}[point]
        sign = 1.0 if point == "chest" else -1.0
        spot = lerp(p[level], p[above], 0.5)
        return add(spot, scale(_column(sk, level, 0), sign * depth[level])), (p["hips"],)
    if point == "pelvis":
        return p["pelvis"], (lerp(p["left_knee"], p["right_knee"], 0.5),)
    side, part = point.split("-")
    joint, chain = {"hand": ("hand", ("elbow", "shoulder")), "elbow": ("elbow", ("shoulder",)),
                    "shoulder": ("shoulder", ()), "hip": ("hip", ("knee",)), "knee": ("knee", ("hip",)),
                    "foot": ("toe", ("ankle", "knee", "hip")), "heel": ("heel", ("knee", "hip"))}[part]
    return p[f"{side}_{joint}"], (*(p[f"{side}_{j}"] for j in chain), p["neck"] if part == "shoulder" else p["hips"])


def moving_part(point: str) -> str:
    """Which outline an arrow's point moves: a limb such as "left_arm", "head" (with the neck), or "body"
    for the trunk."""
    if point in ("head", "face"):
        return "head"
    side, _, part = point.partition("-")
    if side in ("left", "right") and part in ("hand", "elbow", "shoulder"):
        return f"{side}_arm"
    if side in ("left", "right") and part in ("hip", "knee", "foot", "heel"):
        return f"{side}_leg"
    return "body"
