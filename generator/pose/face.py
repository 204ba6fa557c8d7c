"""What says which way the head looks: hair on its back and crown, eyes and a nose on the side facing the
eye, an ear seen from the side. Each feature is a few points on the head's sphere, kept where they face the
camera, so one rule serves every view."""

from __future__ import annotations

import math
from typing import Callable, NamedTuple

from ..model.anatomy import Body
from .camera import flat
from .flat import Point, Polygon, circle, hull
from .skeleton import Skeleton
from .vectors import Matrix, Vec, add, apply, scale, unit

Seen = Callable[[Vec], float]  # how far a direction on the head turns toward the eye
On = Callable[[Vec, float], Point]  # where a direction on the head lands on the page, at a share of its radius
FACING = 0.05  # how far toward the eye a point's surface must turn to be seen


class Face(NamedTuple):
    hair: tuple[Polygon, ...]
    dots: tuple[Polygon, ...]  # eyes, filled
    lines: tuple[Polygon, ...]  # the nose from the front, stroked open
    rings: tuple[Polygon, ...]  # the ear, stroked closed


def face(body: Body, skeleton: Skeleton, eye: Matrix) -> Face:
    frame = skeleton.frames["head"]
    centre, r = skeleton.points["head"], body.head_radius
    front, up, right = (_column(frame, i) for i in range(3))
    toward = (eye[2][0], eye[2][1], eye[2][2])  # the eye's direction in body space

    def seen(d: Vec) -> float:
        return sum(a * b for a, b in zip(d, toward))

    def on(d: Vec, depth: float) -> Point:
        return flat(eye, add(centre, scale(d, r * depth)))

    return Face(_hair(front, up, right, seen, on), _eyes(front, up, right, seen, on, r),
                _nose(front, up, seen, on), _ear(centre, frame, right, seen, eye, r))


def _column(m: Matrix, i: int) -> Vec:
    return (m[0][i], m[1][i], m[2][i])


def _mix(front: Vec, up: Vec, right: Vec, f: float, u: float, s: float) -> Vec:
    return unit(add(add(scale(front, f), scale(up, u)), scale(right, s)))


def _hair(front: Vec, up: Vec, right: Vec, seen: Seen, on: On) -> tuple[Polygon, ...]:
    """The seen part of the crown and the back of the head, as one flat patch: the hull of a lattice of
    points on the head's sphere, each turned toward the eye, worked out in the head's own axes."""
    facing = (seen(front), seen(up), seen(right))
    origin = on((0.0, 0.0, 0.0), 0.0)
    axes = [on(d, 0.97) for d in (front, up, right)]
    axes = [(x - origin[0], y - origin[1]) for x, y in axes]
    points = []
    for i in range(8):
        u = math.sin(math.pi * (i + 0.5) / 8 - math.pi / 2)
        ring = math.sqrt(1.0 - u * u)
        for j in range(12):
            f, s = ring * math.cos(math.pi * j / 6), ring * math.sin(math.pi * j / 6)
            if not (u > 0.45 or (f < -0.15 and u > -0.5)):
                continue
            if f * facing[0] + u * facing[1] + s * facing[2] > FACING:
                points.append((origin[0] + f * axes[0][0] + u * axes[1][0] + s * axes[2][0],
                               origin[1] + f * axes[0][1] + u * axes[1][1] + s * axes[2][1]))
    patch = hull(points)
    return (patch,) if len(patch) >= 3 else ()


def _eyes(front: Vec, up: Vec, right: Vec, seen: Seen, on: On, r: float) -> tuple[Polygon, ...]:
    eyes = []
    for side in (-1.0, 1.0):
        d = _mix(front, up, right, 0.82, 0.16, 0.42 * side)
        if seen(d) > 0.3:
            eyes.append(circle(on(d, 0.98), r * 0.1))
    return tuple(eyes)


def _nose(front: Vec, up: Vec, seen: Seen, on: On) -> tuple[Polygon, ...]:
    """From the front the nose shows no outline: a short line down the face says where it is."""
    if seen(front) < 0.6:
        return ()
    return ((on(unit(add(front, scale(up, 0.02))), 1.0), on(unit(add(front, scale(up, -0.28))), 1.0)),)


def _ear(centre: Vec, frame: Matrix, right: Vec, seen: Seen, eye: Matrix, r: float) -> tuple[Polygon, ...]:
    facing = seen(right)
    if abs(facing) < 0.55:
        return ()
    side = 1.0 if facing > 0 else -1.0
    spot = add(centre, apply(frame, (-0.13 * r, -0.07 * r, side * r * 0.6)))
    return (_oval(flat(eye, spot), 0.18 * r, 0.28 * r, flat(eye, add(spot, _column(frame, 1)))),)


def _oval(centre: Point, rx: float, ry: float, up: Point) -> Polygon:
    angle = math.atan2(up[1] - centre[1], up[0] - centre[0]) - math.pi / 2
    c, s = math.cos(angle), math.sin(angle)
    return tuple((centre[0] + rx * math.cos(t) * c - ry * math.sin(t) * s,
                  centre[1] + rx * math.cos(t) * s + ry * math.sin(t) * c)
                 for t in (2 * math.pi * i / 16 for i in range(16)))
