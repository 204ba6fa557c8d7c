"""Shaded areas on the posed body, from the data in generator/anatomy/shading.yaml."""

from __future__ import annotations

from typing import NamedTuple

from ..model.anatomy import Body, Section
from ..model.shading import Area, Shading, sides
from .camera import flat
from .flat import Polygon, capsule
from .skeleton import Skeleton
from .vectors import Matrix, Vec, add, cross, dot, length, lerp, scale, sub, unit


class Shade(NamedTuple):
    owner: str  # the part whose outline clips it: "body", or a limb such as "left_arm"
    outline: Polygon


def shades(body: Body, shading: Shading, skeleton: Skeleton, eye: Matrix, regions: list[str]) -> list[Shade]:
    found = []
    for region in regions:
        for name, side in sides(region):
            area = shading.areas[name]
            found.append(Shade(_owner(area, side), _outline(body, area, side, skeleton, eye)))
    return found


def _owner(area: Area, side: str) -> str:
    return f"{side or 'right'}_{area.part}" if area.part in ("arm", "leg") else "body"


def _outline(body: Body, area: Area, side: str, sk: Skeleton, eye: Matrix) -> Polygon:
    a, b = (_point(sk, name, side) for name in area.along)
    front, out, half_depth, half_width = _faces(body, area, side, sk, a, b)
    shift = add(scale(front, area.forward * half_depth), scale(out, area.out * half_width))
    start, end = add(lerp(a, b, area.start), shift), add(lerp(a, b, area.end), shift)
    return capsule(flat(eye, start), area.radius, flat(eye, end), area.radius)


def _point(sk: Skeleton, name: str, side: str) -> Vec:
    sided = f"{side or 'right'}_{name}"
    return sk.points[sided] if sided in sk.points else sk.points[name]


def _faces(body: Body, area: Area, side: str, sk: Skeleton, a: Vec, b: Vec) -> tuple[Vec, Vec, float, float]:
    """The part's front and outward directions where the area sits, and its half-depth and half-width."""
    sign = -1.0 if side == "left" else 1.0
    if area.part in ("trunk", "neck"):
        level = area.along[0] if area.along[0] in sk.frames else "pelvis"
        frame = sk.frames[level]
        sections: dict[str, Section] = {s.at: s for s in body.trunk}
        section = sections.get(area.along[0], body.trunk[-1])
        size = (body.neck_radius, body.neck_radius) if area.part == "neck" else (section.depth, section.width)
        return _column(frame, 0), scale(_column(frame, 2), sign), size[0], size[1]
    parent = sk.frames[f"{side or 'right'}_{'arm' if area.part == 'arm' else 'thigh'}"]
    frame = _aligned(parent, unit(sub(a, b)))
    radius = (body.arm.radii[1] if area.part == "arm" else body.leg.radii[1]) * 1.3
    return _column(frame, 0), scale(_column(frame, 2), sign), radius, radius


def _column(m: Matrix, i: int) -> Vec:
    return (m[0][i], m[1][i], m[2][i])


def _aligned(frame: Matrix, up: Vec) -> Matrix:
    """The parent frame turned the least way that brings its up axis along ``up``: a forearm's or shank's
    faces from its upper arm's or thigh's."""
    old = _column(frame, 1)
    axis = cross(old, up)
    if length(axis) < 1e-9 or length(up) < 1e-9:
        return frame
    axis = unit(axis)
    cos = max(-1.0, min(1.0, dot(old, up)))
    turned = [_rotate(_column(frame, i), axis, cos) for i in range(3)]
    return tuple(tuple(turned[j][i] for j in range(3)) for i in range(3))  # type: ignore[return-value]


def _rotate(v: Vec, axis: Vec, cos: float) -> Vec:
    sin = (1.0 - cos * cos) ** 0.5
    across = cross(axis, v)
    along = scale(axis, dot(axis, v) * (1.0 - cos))
    return add(add(scale(v, cos), scale(across, sin)), along)
