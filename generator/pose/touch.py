"""What each surface a contact names is, for the solver: a level top at a standard height that a part is put
on (the floor, a step, a table), something upright placed against the part (a wall, a door frame), or a
prop that holds the hands in its own way (a towel round the neck, a post)."""

from __future__ import annotations

from typing import Callable, Optional

from ..model.anatomy import Body
from ..model.contact import Contact
from .contacts import (Grip, Setting, hand_behind_head, hands_behind_head, hand_on_seat, hand_over_head, hands_on_ball,
                       hands_on_opposite_knees, hands_on_opposite_shoulders, hands_on_post, hands_on_towel,
                       level_grips)
from .skeleton import Skeleton
from .spots import body_grips

UPRIGHT = ("wall", "door-frame")  # placed against the part where the pose puts it
HELD = ("towel", "medicine-ball", "post")  # the prop says where the hands go


def level_height(body: Body, target: str, seat: Optional[float]) -> Optional[float]:
    """The height of a level surface's top, or None for a surface that is not level."""
    sizes = body.props
    heights = {"floor": 0.0, "step": sizes.step.height, "table": sizes.table.height, "bed": sizes.bed.height,
               "chair-back": sizes.chair_back, "seat": sizes.chair_seat if seat is None else seat,
               "exercise-ball": 2 * sizes.exercise_ball, "pillow": sizes.pillow.height,
               "towel-roll": 2 * sizes.towel_roll, "band": 0.0}
    return heights.get(target)


GripMaker = Callable[[Body, Skeleton, Setting], list[Grip]]


def grips_for(body: Body, contact: Contact, seat: Optional[float]) -> Optional[GripMaker]:
    """How a hand contact places the hands, or None when the hands stay where the pose puts them."""
    if contact.part != "hand" or contact.target == "band":  # a band runs to wherever the pose puts the hand
        return None
    maker = _special(contact)
    if maker is None and contact.on_body:
        maker = body_grips(contact)
    if maker is None and contact.target not in UPRIGHT:
        height = level_height(body, contact.target, seat)
        maker = level_grips(height) if height is not None else None
    if maker is None:
        return None
    sides = contact.sides

    def grips(b: Body, sk: Skeleton, setting: Setting) -> list[Grip]:
        return [grip for grip in maker(b, sk, setting) if grip.side in sides]  # type: ignore[misc]
    return grips


def _special(contact: Contact) -> Optional[GripMaker]:
    """The hand placements the shipped figures were posed with, kept as they were."""
    side = contact.sides[0] if len(contact.sides) == 1 else None
    key = (contact.relation, contact.target, contact.target_side)
    if key == ("behind", "head", None):
        return hand_behind_head(side) if side else hands_behind_head
    if key == ("over", "head", None):
        return hand_over_head(side) if side else _both(hand_over_head)
    if key == ("on", "seat", None):
        return hand_on_seat(side) if side else _both(hand_on_seat)
    return {("on", "towel", None): hands_on_towel, ("on", "medicine-ball", None): hands_on_ball,
            ("on", "post", None): hands_on_post, ("on", "knee", "opposite"): hands_on_opposite_knees,
            ("on", "shoulder", "opposite"): hands_on_opposite_shoulders}.get(key)


def _both(one: Callable[[str], GripMaker]) -> GripMaker:
    return lambda body, sk, setting: [grip for side in ("left", "right") for grip in one(side)(body, sk, setting)]
