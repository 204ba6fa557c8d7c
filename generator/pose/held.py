"""The props a figure holds or pulls: a medicine ball, a towel, a band and its post, a bar, hand weights."""

from __future__ import annotations

from typing import Callable, Optional

from ..model.anatomy import Anatomy
from .placing import Placing
from .scene import Ball, PropShape, Rod, Strap
from .skeleton import SIDES, Skeleton
from .vectors import Vec, add, apply, dot, lerp, scale, sub, unit

MEDICINE_BALL = 0.07  # a 24 cm ball
TOWEL_END = 0.025  # how far a towel's end shows past the hand holding it, in body heights (4 cm)


def _medicine_ball(at: Placing) -> Optional[list[PropShape]]:
    if at.setting.ball is None or not at.using("medicine-ball"):
        return None
    return [PropShape("medicine-ball", Ball(at.setting.ball, MEDICINE_BALL), in_front=True)]


def _towel(at: Placing) -> Optional[list[PropShape]]:
    if not any(c.part == "hand" for c in at.using("towel")):
        return None
    neck = lerp(at.p["neck"], at.p["skull"], 0.4)
    frame = at.sk.frames["neck"]
    around = at.body.neck_radius + 0.012
    behind = [add(neck, apply(frame, (around * x, 0.0, around * z))) for x, z in
              ((0.3, -1.0), (-0.5, -0.85), (-1.0, 0.0), (-0.5, 0.85), (0.3, 1.0))]
    ends = [add(at.p[f"{side}_hand"], scale(unit(sub(at.p[f"{side}_hand"], at.p[f"{side}_wrist"])), TOWEL_END))
            for side in SIDES]  # each end shows past the fist that holds it: a towel, not a third arm
    return [PropShape("towel", Strap((ends[0], at.p["left_wrist"], *behind, at.p["right_wrist"], ends[1]), 0.03),
                      in_front=True)]


def _band(at: Placing) -> list[PropShape]:
    """A band from the hands to its anchor: under the feet with a 'feet-on-band' contact, else tied ahead at
    chest height (to the door frame or post drawn there). A hand contact on the band ('right-hand-on-band')
    says which hand holds it: the band then runs from that hand alone, level with it."""
    p = at.p
    held = [side for c in at.using("band") if c.part == "hand" for side in c.sides]
    if not at.band_tied():
        soles = [(p[f"{side}_ankle"][0], 0.004, p[f"{side}_ankle"][2]) for side in SIDES]
        return [PropShape("band", Strap((p["left_wrist"], *soles, p["right_wrist"]), 0.012), in_front=True)]
    if held:
        anchor = band_anchor(at.sk)
        return [PropShape("band", Strap((p[f"{side}_wrist"], (anchor[0], p[f"{side}_wrist"][1], anchor[2])), 0.012),
                          in_front=True) for side in held]
    return [PropShape("band", Strap((p["left_wrist"], band_anchor(at.sk), p["right_wrist"]), 0.012), in_front=True)]


def _post(at: Placing) -> Optional[list[PropShape]]:
    if at.setting.post is not None:
        x = at.setting.post[0]
    elif at.band_tied():
        x = band_anchor(at.sk)[0] + 0.03
    else:
        return None
    return [PropShape("post", Rod((x, 0.0, 0.0), (x, 1.05, 0.0), 0.03), in_front=False)]


def _bar(at: Placing) -> list[PropShape]:
    """A bar across both palms, halfway from wrist to fingertips, where a grip holds it."""
    palms = [lerp(at.p[f"{side}_wrist"], at.p[f"{side}_hand"], 0.5) for side in ("left", "right")]
    hands = lerp(palms[0], palms[1], 0.5)
    return [PropShape("bar", Rod((hands[0], hands[1], -0.4), (hands[0], hands[1], 0.4), 0.018), in_front=True)]


def _weight(at: Placing) -> list[PropShape]:
    """A dumbbell in each hand no contact places elsewhere, its handle across the palm."""
    size, shapes = at.body.props.weight, []
    busy = {side for c in at.contacts if c.part in ("hand", "forearm", "elbow") for side in c.sides}
    for side in [s for s in SIDES if s not in busy] or list(SIDES):
        wrist, tip = at.p[f"{side}_wrist"], at.p[f"{side}_hand"]
        grip = lerp(wrist, tip, 0.4)
        along = unit(sub(tip, wrist))
        frame = at.sk.frames["upper_thoracic"]
        across = (frame[0][2], frame[1][2], frame[2][2])
        across = unit(sub(across, scale(along, dot(across, along))))
        ends = (add(grip, scale(across, -size.handle / 2)), add(grip, scale(across, size.handle / 2)))
        shapes.append(PropShape("weight", Rod(ends[0], ends[1], size.head * 0.35), in_front=True))
        shapes += [PropShape("weight", Ball(end, size.head), in_front=True) for end in ends]
    return shapes


def medicine_ball(sk: Skeleton, arms_posed: bool) -> Vec:
    """Where the pose raises or lowers the arms, the way they point, a quarter short of the hands so the elbows
    can soften round it; else held before the chest."""
    if arms_posed:
        shoulders = lerp(sk.points["left_shoulder"], sk.points["right_shoulder"], 0.5)
        return lerp(shoulders, lerp(sk.points["left_hand"], sk.points["right_hand"], 0.5), 0.75)
    return add(sk.points["neck"], apply(sk.frames["upper_thoracic"], (0.3, -0.2, 0.0)))


def post_spot(anatomy: Anatomy, sk: Skeleton) -> Vec:
    shoulders = lerp(sk.points["left_shoulder"], sk.points["right_shoulder"], 0.5)
    reach = (anatomy.body.arm.upper + anatomy.body.arm.forearm) * 0.93
    return (shoulders[0] + reach, shoulders[1] - 0.02, 0.0)


def band_anchor(sk: Skeleton) -> Vec:
    """Where a band is tied: ahead of the figure at chest height."""
    chest = sk.points["upper_thoracic"]
    return (max(sk.points["left_toe"][0], sk.points["right_toe"][0], chest[0] + 0.35) + 0.2, chest[1], 0.0)


def hand_props() -> dict[str, Callable[[Placing], Optional[list[PropShape]]]]:
    return {"medicine-ball": _medicine_ball, "towel": _towel, "band": _band, "post": _post, "bar": _bar,
            "weight": _weight}
