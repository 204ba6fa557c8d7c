"""Two-joint limb solving: put a hand or a foot where a contact needs it, bending the elbow or knee toward a
hint."""

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
    elbow = bend(shoulder, body.arm.upper, body.arm.forearm, wrist, elbow_hint)
    tip = add(wrist, scale(unit(hand_along), body.arm.hand))
    return skeleton.with_points(**{f"{side}_elbow": elbow, f"{side}_wrist": wrist, f"{side}_hand": tip})


def place_foot(body: Body, skeleton: Skeleton, side: str, ankle: Vec, knee_hint: Vec) -> Skeleton:
    """The skeleton with one leg bent so its ankle is at ``ankle``; the foot keeps its heading in space."""
    p = skeleton.points
    knee = bend(p[f"{side}_hip"], body.leg.thigh, body.leg.shank, ankle, knee_hint)
    shift = sub(ankle, p[f"{side}_ankle"])
    return skeleton.with_points(**{f"{side}_knee": knee, f"{side}_ankle": ankle,
                                   f"{side}_heel": add(p[f"{side}_heel"], shift),
                                   f"{side}_toe": add(p[f"{side}_toe"], shift)})


def flat_foot(body: Body, skeleton: Skeleton, side: str) -> Skeleton:
    """The foot turned flat, level with the floor, keeping its heading: a sole that rests on a level top."""
    p = skeleton.points
    ankle = p[f"{side}_ankle"]
    along = sub(p[f"{side}_toe"], p[f"{side}_heel"])
    heading = unit((along[0], 0.0, along[2]))
    if length(heading) < 0.5:
        return skeleton
    radii = body.leg.radii
    heel = add(ankle, add(scale(heading, -body.leg.heel), (0.0, radii[4] - body.leg.ankle, 0.0)))
    toe = add(ankle, add(scale(heading, body.leg.toe), (0.0, radii[5] - body.leg.ankle, 0.0)))
    return skeleton.with_points(**{f"{side}_heel": heel, f"{side}_toe": toe})


def bend(root: Vec, upper: float, lower: float, end: Vec, hint: Vec) -> Vec:
    """Where the middle joint of a two-segment limb goes so its end is at ``end``, bent toward ``hint``."""
    to_target = sub(end, root)
    distance = length(to_target)
    if distance > upper + lower + 1e-9:
        raise Unreachable(distance - upper - lower)
    distance = max(distance, abs(upper - lower) + 1e-6)
    axis = unit(to_target)
    cos_a = (upper * upper + distance * distance - lower * lower) / (2 * upper * distance)
    sin_a = math.sqrt(max(0.0, 1.0 - cos_a * cos_a))
    side = sub(hint, scale(axis, dot(hint, axis)))
    if length(side) < 1e-9:
        side = unit(cross(axis, (0.0, 0.0, 1.0))) if abs(axis[2]) < 0.9 else (0.0, 1.0, 0.0)
    return add(root, add(scale(axis, upper * cos_a), scale(unit(side), upper * sin_a)))


def elbow_flexion(skeleton: Skeleton, side: str) -> float:
    """The elbow's bend in degrees, 0 when straight."""
    p = skeleton.points
    upper = unit(sub(p[f"{side}_elbow"], p[f"{side}_shoulder"]))
    forearm = unit(sub(p[f"{side}_wrist"], p[f"{side}_elbow"]))
    return math.degrees(math.acos(max(-1.0, min(1.0, dot(upper, forearm)))))
