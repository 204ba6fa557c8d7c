"""Flat shapes: the outlines a projected figure is drawn with, as closed polygons of (x, y) points."""

from __future__ import annotations

import math
from typing import Sequence, Tuple

Point = Tuple[float, float]
Polygon = Tuple[Point, ...]
SAG = 0.001  # how far, in body heights, a straight step may fall inside its arc: 0.3 pt at the largest print


def circle(centre: Point, radius: float) -> Polygon:
    return _arc(centre, radius, 0.0, 2 * math.pi, _steps(radius, 2 * math.pi), closed=True)


def capsule(a: Point, ra: float, b: Point, rb: float) -> Polygon:
    """The outline round two circles and the lines touching both: a tapered, rounded limb."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    gap = math.hypot(dx, dy)
    if gap <= abs(ra - rb) + 1e-9:
        return circle(a, ra) if ra >= rb else circle(b, rb)
    heading = math.atan2(dy, dx)
    spread = math.acos(max(-1.0, min(1.0, (ra - rb) / gap)))
    far_side = _arc(a, ra, heading + spread, heading + 2 * math.pi - spread, _steps(ra, 2 * math.pi - 2 * spread))
    near_side = _arc(b, rb, heading - spread, heading + spread, _steps(rb, 2 * spread))
    return far_side + near_side


def hull(points: Sequence[Point]) -> Polygon:
    """The convex hull, counter-clockwise (Andrew's monotone chain)."""
    ordered = sorted(set(points))
    if len(ordered) < 3:
        return tuple(ordered)

    def side(o: Point, a: Point, b: Point) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point] = []
    upper: list[Point] = []
    for p in ordered:
        while len(lower) >= 2 and side(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(ordered):
        while len(upper) >= 2 and side(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return tuple(lower[:-1] + upper[:-1])


def _steps(radius: float, span: float) -> int:
    """Enough straight steps round an arc that none strays more than SAG inside it: small limbs need few."""
    if radius <= SAG:
        return 2
    return max(2, math.ceil(span / (2 * math.acos(1 - SAG / radius))))


def _arc(centre: Point, radius: float, start: float, end: float, steps: int, closed: bool = False) -> Polygon:
    count = steps if closed else steps + 1
    cx, cy, step, cos, sin = centre[0], centre[1], (end - start) / steps, math.cos, math.sin
    return tuple([(cx + radius * cos(start + step * i), cy + radius * sin(start + step * i)) for i in range(count)])


def bounds(polygons: Sequence[Polygon]) -> tuple[float, float, float, float]:
    xs = [p[0] for polygon in polygons for p in polygon]
    ys = [p[1] for polygon in polygons for p in polygon]
    return (min(xs), min(ys), max(xs), max(ys))
