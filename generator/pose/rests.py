"""The checks that belong to contacts: a part that should rest on something floats or sinks, a raised hand a
contact would pin down, and joint angles a contact overrides."""

from __future__ import annotations

import math
from typing import Optional

from ..model.anatomy import Anatomy, PostureData
from ..model.contact import ARM_PARTS, Contact
from ..model.figure import Figure, Pose
from .parts import part_pieces
from .scene import Trouble
from .skeleton import SIDES, Skeleton
from .surface import limbs, lowest
from .touch import level_height

TOLERANCE = 0.01  # body heights a resting part may float or sink: about 1.7 cm at life size
MOVED = 0.25  # how far (about 40 cm) a contact may take a hand or foot from where the angles given put it
CM = 170.0  # centimetres in a body height
CHECKED = ("floor", "step", "table", "bed", "chair-back", "exercise-ball", "seat", "band")
SURFACE_NAMES = {"chair-back": "chair's back", "exercise-ball": "exercise ball", "band": "floor"}
LEG_SUPPORTS = ("feet", "heels", "knees", "shins", "left_knee", "right_foot")
LIMB_JOINTS = {"arm": ("shoulder", "elbow", "wrist"), "leg": ("hip", "knee", "ankle")}


def rest_troubles(anatomy: Anatomy, sk: Skeleton, contacts: list[Contact], posture: PostureData,
                  seat: Optional[float], stood: set[int], failed: set[object]) -> list[Trouble]:
    """Each part that should rest on a level top, measured after solving (but for contacts already failed)."""
    troubles = []
    for index, contact in enumerate(contacts):
        if index in failed or not _checked(contact, seat, sk):
            continue
        height = level_height(anatomy.body, contact.target, seat)
        assert height is not None
        gaps = {side: lowest(part_pieces(anatomy.body, sk, contact.part, (side,) if side else ())) - height
                for side in contact.sides or (None,)}
        side, gap = max(gaps.items(), key=lambda item: abs(item[1]))
        if abs(gap) > TOLERANCE:
            off = [s for s, g in gaps.items() if abs(g) > TOLERANCE]
            subject = _subject(contact, side if len(off) == 1 and len(gaps) > 1 else None)
            troubles.append(Trouble(("contacts", index), _off(subject, gap, _name(contact.target))))
    return troubles + _support_troubles(anatomy, sk, posture, contacts, stood)


def _checked(contact: Contact, seat: Optional[float], sk: Skeleton) -> bool:
    """Whether the part's rest is measured: a level top at a standard height, not one placed to fit it."""
    if contact.relation != "on" or contact.on_body or contact.target not in CHECKED:
        return False
    if contact.target == "seat" and (contact.part in ARM_PARTS or contact.part == "pelvis"):
        return False  # the hand holds the seat's edge; elbows and a sitter are what place the seat
    if contact.target == "band" and contact.part in ARM_PARTS:
        return False  # a hand holds the band where the pose puts it; a foot stands on it on the floor
    if contact.target == "exercise-ball":
        return contact.part not in ("back", "upper-back", "lower-back") or sk.frames["thoracic"][1][0] > 0.5
    return True


def _support_troubles(anatomy: Anatomy, sk: Skeleton, posture: PostureData, contacts: list[Contact],
                      stood: set[int]) -> list[Trouble]:
    """A standing, sitting or kneeling body's legs on the floor (or the step it stands on)."""
    if not any(support in LEG_SUPPORTS for support in posture.support):
        return []
    base = level_height(anatomy.body, contacts[min(stood)].target, None) if stood else 0.0
    legs = [p for side in SIDES for p in limbs(anatomy.body, sk, side) if p.part.endswith("_leg")]
    gap = lowest(legs) - (base or 0.0)
    if abs(gap) <= TOLERANCE:
        return []
    return [Trouble(("posture",), _off("the legs", gap, "floor" if not stood else _name(contacts[min(stood)].target)))]


def _off(subject: str, gap: float, surface: str) -> str:
    plural = not subject.endswith(("hand", "foot", "heel", "knee", "elbow", "forearm", "hip", "back", "pelvis",
                                   "head"))
    verb = ("float" if plural else "floats") if gap > 0 else ("sink" if plural else "sinks")
    where = "above" if gap > 0 else "into"
    return (f"{subject} {verb} {abs(gap) * CM:.0f} cm {where} the {surface} after solving; change the pose so "
            f"{'they rest' if plural else 'it rests'} on it, or leave this contact out")


def _subject(contact: Contact, side: Optional[str]) -> str:
    if side:
        return f"the {side} {contact.part}"
    text = contact.text.split("-on-")[0]
    return f"the {text.replace('-', ' ')}"


def _name(target: str) -> str:
    return SURFACE_NAMES.get(target, target)


def raised_hand(sk: Skeleton, contact: Contact, level: Optional[float]) -> Optional[str]:
    """A hand the pose raises above the shoulder is not pulled down onto a level top below it."""
    if level is None or contact.on_body:
        return None
    for side in contact.sides:
        shoulder, wrist = sk.points[f"{side}_shoulder"], sk.points[f"{side}_wrist"]
        if wrist[1] > shoulder[1] + 0.02 and level < shoulder[1]:
            return (f"the {side} hand is raised above the shoulder in this pose; '{contact.text}' would pin it to "
                    f"the {_name(contact.target)}: lower the arm toward it, or leave this contact out")
    return None


def override_warnings(figure: Figure, pose: Pose, posed: Skeleton, sk: Skeleton,
                      contacts: list[Contact]) -> list[Trouble]:
    """A joint angle the figure sets for a limb that a contact then moves far from where it put it."""
    warnings = []
    frame = next((i for i, f in enumerate(figure.frames) if f.pose is pose), None)
    for contact in contacts:
        limb = "arm" if contact.part in ARM_PARTS else "leg" if contact.part in ("foot", "heel", "toes") else None
        if limb is None:
            continue
        end = "wrist" if limb == "arm" else "ankle"
        for side in contact.sides:
            if math.dist(posed.points[f"{side}_{end}"], sk.points[f"{side}_{end}"]) <= MOVED:
                continue
            for joint in LIMB_JOINTS[limb]:
                field = _given(figure, pose, frame, f"{side}_{joint}")
                if field:
                    warnings.append(Trouble(field, f"the contact '{contact.text}' moves the {side} {limb} away from "
                                                   "the angles given here; leave them out or change the contact",
                                            "warning"))
    return warnings


def _given(figure: Figure, pose: Pose, frame: Optional[int], joint: str) -> Optional[tuple[object, ...]]:
    if frame is not None and getattr(pose, joint) is not None:
        return ("frames", frame, "pose", joint)
    if getattr(figure.pose, joint) is not None:
        return ("pose", joint)
    return None
