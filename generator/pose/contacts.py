"""Each contact a figure can declare: where the hands go, and what a contact places (a ball, a roller)."""

from __future__ import annotations

import math
from typing import Callable, NamedTuple

from ..model.anatomy import Body
from .reach import Unreachable, elbow_flexion, place_hand
from .skeleton import SIDES, Skeleton
from .vectors import Vec, add, apply, scale, sub, unit

SEAT_HALF_WIDTH = 0.22  # a chair's seat, side to side, as generator/pose/furniture.py draws it
FLOOR_GAP = 0.002  # a hand on the floor rests on it, drawn a hair above so the outline stays whole


class Grip(NamedTuple):
    side: str
    wrist: Vec
    elbow_hint: Vec
    hand_along: Vec


class Setting(NamedTuple):
    """What a contact needs to know beyond the body: the seat's height, the medicine ball and post."""

    seat: float | None
    ball: Vec | None
    post: Vec | None


def _axis(skeleton: Skeleton, level: str, column: int) -> Vec:
    m = skeleton.frames[level]
    return (m[0][column], m[1][column], m[2][column])


def _side_sign(side: str) -> float:
    return 1.0 if side == "right" else -1.0


def _at(skeleton: Skeleton, level: str, origin: Vec, forward: float, up: float, right: float) -> Vec:
    return add(origin, apply(skeleton.frames[level], (forward, up, right)))


def hands_on_floor(body: Body, sk: Skeleton, setting: Setting) -> list[Grip]:
    return level_grips(0.0)(body, sk, setting)


def level_grips(level: float) -> Callable[[Body, Skeleton, Setting], list[Grip]]:
    """Both hands flat on a level top at ``level``: a straight arm keeps its heading, a bent one goes straight
    down from where the pose puts the hand."""
    return lambda body, sk, setting: [_flat_hand(body, sk, side, level) for side in SIDES]


def _flat_hand(body: Body, sk: Skeleton, side: str, level: float) -> Grip:
    shoulder, wrist = sk.points[f"{side}_shoulder"], sk.points[f"{side}_wrist"]
    height = level + body.arm.radii[2] + FLOOR_GAP
    reach = (body.arm.upper + body.arm.forearm) * 0.999
    target = _straight_to_floor(sk, side, height, reach) or _nearest_on_floor(shoulder, wrist, height, reach)
    ahead = target[0] - shoulder[0]
    along = unit((_axis(sk, "upper_thoracic", 0)[0], 0.0, 0.0)) if abs(ahead) < 0.08 else unit((ahead, 0.0, 0.0))
    return Grip(side, target, (-1.0, 0.0, _side_sign(side) * 0.6), along)


def _straight_to_floor(sk: Skeleton, side: str, height: float, reach: float) -> Vec | None:
    """A straight arm reaching out along the floor keeps its heading and stays straight: the hand goes
    down to the floor as far out as the arm is long."""
    shoulder, wrist = sk.points[f"{side}_shoulder"], sk.points[f"{side}_wrist"]
    out = math.hypot(wrist[0] - shoulder[0], wrist[2] - shoulder[2])
    drop = shoulder[1] - height
    if elbow_flexion(sk, side) > 10 or out < 0.15 or not 0 < drop < reach:
        return None
    stretch = math.sqrt(reach ** 2 - drop ** 2) / out
    return (shoulder[0] + (wrist[0] - shoulder[0]) * stretch, height, shoulder[2] + (wrist[2] - shoulder[2]) * stretch)


def _nearest_on_floor(shoulder: Vec, wrist: Vec, height: float, reach: float) -> Vec:
    """The hand straight down to the floor from where the pose puts it, pulled in if the arm is too short."""
    across = (shoulder[1] - height) ** 2 + (wrist[2] - shoulder[2]) ** 2
    if across > reach ** 2:
        raise Unreachable(math.sqrt(across) - reach)
    ahead = wrist[0] - shoulder[0]
    ahead = math.copysign(min(abs(ahead), math.sqrt(reach ** 2 - across)), ahead)
    return (shoulder[0] + ahead, height, wrist[2])


def hands_behind_head(body: Body, sk: Skeleton, setting: Setting) -> list[Grip]:
    return [_on_head(sk, side, (-0.05, 0.025, _side_sign(side) * 0.045), side) for side in SIDES]


def _on_head(sk: Skeleton, side: str, spot: Vec, hint_side: str) -> Grip:
    head = sk.points["head"]
    touch = _at(sk, "head", head, *spot)
    out = _at(sk, "upper_thoracic", (0.0, 0.0, 0.0), 0.25, 0.3, _side_sign(hint_side))
    toward = unit(sub(touch, sk.points[f"{side}_shoulder"]))
    return Grip(side, sub(touch, scale(toward, 0.05)), out, toward)


def hand_behind_head(side: str) -> Callable[[Body, Skeleton, Setting], list[Grip]]:
    return lambda body, sk, setting: [_on_head(sk, side, (-0.058, 0.03, 0.0), side)]


def hand_over_head(side: str) -> Callable[[Body, Skeleton, Setting], list[Grip]]:
    return lambda body, sk, setting: [_on_head(sk, side, (0.0, 0.045, -_side_sign(side) * 0.045), side)]


def hand_on_seat(side: str) -> Callable[[Body, Skeleton, Setting], list[Grip]]:
    def grip(body: Body, sk: Skeleton, setting: Setting) -> list[Grip]:
        if setting.seat is None:
            raise NeedsSeat()
        hip = sk.points[f"{side}_hip"]
        edge = SEAT_HALF_WIDTH + body.arm.radii[2] + 0.004  # the hand holds the seat's side, clear of it
        wrist = (hip[0] + 0.03, setting.seat + 0.04, _side_sign(side) * edge)
        return [Grip(side, wrist, (-1.0, 0.0, _side_sign(side)), (0.0, -1.0, 0.0))]
    return grip


def hands_on_towel(body: Body, sk: Skeleton, setting: Setting) -> list[Grip]:
    neck = sk.points["neck"]
    return [Grip(side, _at(sk, "upper_thoracic", neck, 0.2, 0.02, _side_sign(side) * 0.11),
                 _at(sk, "upper_thoracic", (0.0, 0.0, 0.0), 0.0, -1.0, _side_sign(side)),
                 _axis(sk, "upper_thoracic", 1)) for side in SIDES]


def hands_on_ball(body: Body, sk: Skeleton, setting: Setting) -> list[Grip]:
    assert setting.ball is not None
    # The palms on the ball's sides, fingers forward round it: a 24 cm ball (its radius 0.07) held flat.
    return [Grip(side, _at(sk, "upper_thoracic", setting.ball, -0.03, -0.02, _side_sign(side) * 0.1),
                 _at(sk, "upper_thoracic", (0.0, 0.0, 0.0), 0.0, -1.0, _side_sign(side)),
                 _at(sk, "upper_thoracic", (0.0, 0.0, 0.0), 1.0, 0.0, -_side_sign(side) * 0.35)) for side in SIDES]


def hands_on_opposite_knees(body: Body, sk: Skeleton, setting: Setting) -> list[Grip]:
    grips = []
    for side in SIDES:
        other = "left" if side == "right" else "right"
        knee = sk.points[f"{other}_knee"]
        wrist = (knee[0] - 0.03, knee[1] + body.leg.radii[1] + 0.02, knee[2] - _side_sign(side) * 0.02)
        grips.append(Grip(side, wrist, (0.2, -1.0, _side_sign(side)), (0.3, -0.5, -_side_sign(side))))
    return grips


def hands_on_opposite_shoulders(body: Body, sk: Skeleton, setting: Setting) -> list[Grip]:
    grips = []
    for side in SIDES:
        other = "left" if side == "right" else "right"
        touch = _at(sk, "upper_thoracic", sk.points[f"{other}_shoulder"], 0.04, -0.02, _side_sign(side) * 0.02)
        hint = _at(sk, "upper_thoracic", (0.0, 0.0, 0.0), 0.3, -1.0, _side_sign(side) * 0.3)
        toward = unit(sub(touch, sk.points[f"{side}_elbow"]))
        grips.append(Grip(side, sub(touch, scale(toward, 0.04)), hint, toward))
    return grips


def hands_on_post(body: Body, sk: Skeleton, setting: Setting) -> list[Grip]:
    assert setting.post is not None
    # the wrists just short of the post, the fingers wrapping round its sides rather than through it
    return [Grip(side, (setting.post[0] - 0.065, setting.post[1] + _side_sign(side) * 0.03, setting.post[2]),
                 (0.0, -1.0, _side_sign(side)), (1.0, 0.0, -_side_sign(side) * 0.7)) for side in SIDES]


class NeedsSeat(Exception):
    """A hand on the seat, with no seat: the posture does not sit on a chair."""


def grip_hands(body: Body, sk: Skeleton, grips: list[Grip]) -> Skeleton:
    for grip in grips:
        sk = place_hand(body, sk, grip.side, grip.wrist, grip.elbow_hint, grip.hand_along)
    return sk


def too_bent(sk: Skeleton, limit: float) -> list[str]:
    return [side for side in SIDES if elbow_flexion(sk, side) > limit + 0.5]
