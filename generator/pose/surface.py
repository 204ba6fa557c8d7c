"""The body's solid parts as spheres swept along segments: what the outline draws and what touches the floor."""

from __future__ import annotations

import functools
import math
from typing import Callable, NamedTuple

from ..model.anatomy import Body
from .skeleton import SIDES, Skeleton
from .vectors import Matrix, Vec, add, apply, lerp


SAMPLES = 4  # trunk pieces between two levels the body names


class Piece(NamedTuple):
    """A tapered limb or trunk piece: from ``start`` with radius ``r0`` to ``end`` with ``r1``.

    A trunk piece is an ellipse in cross-section: ``frame`` holds its axes and ``width``/``depth`` its
    half-sizes at each end; limbs are round (``frame`` None)."""

    part: str  # "trunk", "head", or a limb such as "right_arm"
    start: Vec
    end: Vec
    r0: float
    r1: float
    frame0: Matrix | None = None
    frame1: Matrix | None = None
    size0: tuple[float, float] = (0.0, 0.0)
    size1: tuple[float, float] = (0.0, 0.0)


def pieces(body: Body, skeleton: Skeleton) -> list[Piece]:
    return [*trunk(body, skeleton), *head(body, skeleton), *(p for side in SIDES for p in limbs(body, skeleton, side))]


def _remembered(make: Callable[[Body, Skeleton], list[Piece]]) -> Callable[[Body, Skeleton], list[Piece]]:
    """``make``'s pieces worked out once for each skeleton and body, and handed out as fresh lists."""

    @functools.wraps(make)
    def remembered(body: Body, skeleton: Skeleton) -> list[Piece]:
        key = (make.__name__, id(body))
        kept = skeleton.derived.get(key)
        if not (isinstance(kept, tuple) and kept[0] is body):
            kept = skeleton.derived[key] = (body, tuple(make(body, skeleton)))
        return list(kept[1])

    return remembered


@_remembered
def trunk(body: Body, skeleton: Skeleton) -> list[Piece]:
    """The trunk as short elliptical pieces along a smooth curve through its levels."""
    stations = [(skeleton.points[s.at], skeleton.frames.get(s.at, skeleton.frames["pelvis"]), (s.width, s.depth))
                for s in body.trunk]
    samples = []
    for i in range(len(stations) - 1):
        p0, p1 = stations[max(i - 1, 0)][0], stations[i][0]
        p2, p3 = stations[i + 1][0], stations[min(i + 2, len(stations) - 1)][0]
        for k in range(SAMPLES):
            t = k / SAMPLES
            samples.append((_catmull_rom(p0, p1, p2, p3, t), stations[i + (t >= 0.5)][1],
                            _blend(stations[i][2], stations[i + 1][2], t)))
    samples.append(stations[-1])
    return [Piece("trunk", a[0], b[0], 0.0, 0.0, a[1], b[1], a[2], b[2]) for a, b in zip(samples, samples[1:])]


@_remembered
def head(body: Body, skeleton: Skeleton) -> list[Piece]:
    points, frame = skeleton.points, skeleton.frames["head"]
    centre = points["head"]
    jaw = add(centre, apply(frame, (body.jaw.forward, -body.jaw.down, 0.0)))
    nose = add(centre, apply(frame, (body.nose.forward, -body.nose.down, 0.0)))
    nose_tip = add(centre, apply(frame, (body.nose.forward + 0.012, -body.nose.down - 0.012, 0.0)))
    return [Piece("neck", points["neck"], points["skull"], body.neck_radius * 1.15, body.neck_radius),
            Piece("neck", points["skull"], jaw, body.neck_radius, body.jaw.radius * 0.8),
            Piece("head", centre, jaw, body.head_radius, body.jaw.radius),
            Piece("head", nose, nose_tip, body.nose.radius, body.nose.radius * 0.45)]


def limbs(body: Body, skeleton: Skeleton, side: str) -> list[Piece]:
    return (_left_limbs if side == "left" else _right_limbs)(body, skeleton)


def _limbs(body: Body, skeleton: Skeleton, side: str) -> list[Piece]:
    p = {name[len(side) + 1:]: point for name, point in skeleton.points.items() if name.startswith(side + "_")}
    a, g = body.arm.radii, body.leg.radii
    knuckles = lerp(p["wrist"], p["hand"], 0.55)
    calf = lerp(p["knee"], p["ankle"], 0.3)
    return [Piece(f"{side}_arm", p["shoulder"], p["elbow"], a[0], a[1]),
            Piece(f"{side}_arm", p["elbow"], p["wrist"], a[1], a[2]),
            Piece(f"{side}_arm", p["wrist"], knuckles, a[2], a[3]),
            Piece(f"{side}_arm", knuckles, p["hand"], a[3], a[4]),
            Piece(f"{side}_leg", p["hip"], p["knee"], g[0], g[1]),
            Piece(f"{side}_leg", p["knee"], calf, g[1], g[2]),
            Piece(f"{side}_leg", calf, p["ankle"], g[2], g[3]),
            Piece(f"{side}_leg", p["ankle"], p["heel"], g[3], g[4]),
            Piece(f"{side}_leg", p["heel"], p["toe"], g[4], g[5])]


@_remembered
def _left_limbs(body: Body, skeleton: Skeleton) -> list[Piece]:
    return _limbs(body, skeleton, "left")


@_remembered
def _right_limbs(body: Body, skeleton: Skeleton) -> list[Piece]:
    return _limbs(body, skeleton, "right")


def extent(piece: Piece, end: int, direction: Vec) -> float:
    """How far the piece's surface reaches from its axis along a unit direction, at one end."""
    frame, size = (piece.frame0, piece.size0) if end == 0 else (piece.frame1, piece.size1)
    if frame is None:
        return piece.r0 if end == 0 else piece.r1
    lateral = (frame[0][2], frame[1][2], frame[2][2])
    front = (frame[0][0], frame[1][0], frame[2][0])
    return math.hypot(size[0] * _dot(lateral, direction), size[1] * _dot(front, direction))


def lowest(piece_list: list[Piece]) -> float:
    """The height of the lowest point of any piece's surface."""
    down = (0.0, -1.0, 0.0)
    return min(min(p.start[1] - extent(p, 0, down), p.end[1] - extent(p, 1, down)) for p in piece_list)


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _blend(a: tuple[float, float], b: tuple[float, float], t: float) -> tuple[float, float]:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _catmull_rom(p0: Vec, p1: Vec, p2: Vec, p3: Vec, t: float) -> Vec:
    t2, t3 = t * t, t * t * t
    return tuple(0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3)
                 for a, b, c, d in zip(p0, p1, p2, p3))  # type: ignore[return-value]
