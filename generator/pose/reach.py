"""Two-joint limb solving: put a hand where a contact needs it, bending the elbow toward a hint."""

from __future__ import annotations

import math

from ..model.anatomy import Body
from .skeleton import Skeleton
from .vectors import Vec, add, cross, dot, length, scale, sub, unit


class Unreachable(Exception):
    """The hand cannot get there: ``short`` is how far it falls short, as a fraction of body height."""

    def __init__(self, short: float):
        super().__init__(short)
        self.short = short


def place_hand(body: Body, skeleton: Skeleton, side: str, wrist: Vec, elbow_hint: Vec, hand_along: Vec) -> Skeleton:
    """The skeleton with one arm bent so its wrist is at ``wrist``, the hand pointing along ``hand_along``."""
    shoulder = skeleton.points[f"{side}_shoulder"]
    upper, forearm = body.arm.upper, body.arm.forearm
    to_target = sub(wrist, shoulder)
    distance = length(to_target)
    if distance > upper + forearm + 1e-9:
        raise Unreachable(distance - upper - forearm)
    distance = max(distance, abs(upper - forearm) + 1e-6)
    axis = unit(to_target)
    cos_a = (upper * upper + distance * distance - forearm * forearm) / (2 * upper * distance)
    sin_a = math.sqrt(max(0.0, 1.0 - cos_a * cos_a))
    bend = sub(elbow_hint, scale(axis, dot(elbow_hint, axis)))
    if length(bend) < 1e-9:
        bend = unit(cross(axis, (0.0, 0.0, 1.0))) if abs(axis[2]) < 0.9 else (0.0, 1.0, 0.0)
    bend = unit(bend)
    elbow = add(shoulder, add(scale(axis, upper * cos_a), scale(bend, upper * sin_a)))
    tip = add(wrist, scale(unit(hand_along), body.arm.hand))
    return skeleton.with_points(**{f"{side}_elbow": elbow, f"{side}_wrist": wrist, f"{side}_hand": tip})


def elbow_flexion(skeleton: Skeleton, side: str) -> float:
    """The elbow's bend in degrees, 0 when straight."""
    p = skeleton.points
    upper = unit(sub(p[f"{side}_elbow"], p[f"{side}_shoulder"]))
    forearm = unit(sub(p[f"{side}_wrist"], p[f"{side}_elbow"]))
    return math.degrees(math.acos(max(-1.0, min(1.0, dot(upper, forearm)))))
