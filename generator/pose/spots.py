"""Where a hand lands on the body itself: a thigh, knee, shin, hip, shoulder, the chest or the top of the head."""

from __future__ import annotations

from typing import Callable

from ..model.anatomy import Body
from ..model.contact import Contact
from .contacts import Grip, Setting
from .skeleton import SIDES, Skeleton
from .vectors import Vec, add, apply, dot, lerp, scale, sub, unit

PALM = 0.045  # the wrist sits this far back from the spot the palm touches


def body_grips(contact: Contact) -> Callable[[Body, Skeleton, Setting], list[Grip]]:
    def grips(body: Body, sk: Skeleton, setting: Setting) -> list[Grip]:
        return [_grip(body, sk, side, contact.target, _target_side(side, contact.target_side)) for side in SIDES]
    return grips


def _target_side(side: str, given: str | None) -> str:
    if given == "opposite":
        return "left" if side == "right" else "right"
    return given or side


def _grip(body: Body, sk: Skeleton, side: str, target: str, on: str) -> Grip:
    spot = _spot(body, sk, target, on)
    toward = unit(sub(spot, sk.points[f"{side}_elbow"]))
    out = 1.0 if side == "right" else -1.0
    hint = apply(sk.frames["upper_thoracic"], (0.1, -1.0, out))
    return Grip(side, sub(spot, scale(toward, PALM)), hint, toward)


def _spot(body: Body, sk: Skeleton, target: str, on: str) -> Vec:
    """The point of the body's surface a palm rests on: the front or top of a limb, the side of a hip."""
    p, legs = sk.points, body.leg.radii
    if target in ("thigh", "knee", "shin"):
        start, end, t, radius = {"thigh": (p[f"{on}_hip"], p[f"{on}_knee"], 0.45, legs[0] * 0.8),
                                 "knee": (p[f"{on}_hip"], p[f"{on}_knee"], 0.9, legs[1] * 1.2),
                                 "shin": (p[f"{on}_knee"], p[f"{on}_ankle"], 0.45, legs[2])}[target]
        return add(lerp(start, end, t), scale(_outward(sk, sub(end, start)), radius))
    out = 1.0 if on == "right" else -1.0
    trunk = body.trunk
    if target == "hip":
        width = next(s.width for s in trunk if s.at == "pelvis")
        return add(p["lumbar"], apply(sk.frames["pelvis"], (0.0, -0.01, out * (width + 0.01))))
    if target == "shoulder":
        return add(p[f"{on}_shoulder"], apply(sk.frames["upper_thoracic"], (0.02, body.arm.radii[0], 0.0)))
    if target == "chest":
        depth = next(s.depth for s in trunk if s.at == "thoracic")
        level = lerp(p["thoracic"], p["upper_thoracic"], 0.6)
        return add(level, apply(sk.frames["thoracic"], (depth + 0.01, 0.0, out * 0.04)))
    return add(p["head"], apply(sk.frames["head"], (0.0, body.head_radius + 0.005, out * 0.02)))  # its top


def _outward(sk: Skeleton, axis: Vec) -> Vec:
    """Across a limb toward the body's front and up: where a hand meets a thigh or shin."""
    frame = sk.frames["pelvis"]
    wanted = add((frame[0][0], frame[1][0], frame[2][0]), (0.0, 1.0, 0.0))
    along = unit(axis)
    return unit(sub(wanted, scale(along, dot(wanted, along))))
