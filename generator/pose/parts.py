"""The pieces of the body a contact's part names, and the lowest point a part rests on."""

from __future__ import annotations

from ..model.anatomy import Body
from .skeleton import Skeleton
from .surface import Piece, head, limbs, lowest, trunk

# Which of a limb's pieces (as surface.limbs lists them, arm then leg) each part is.
ARM = {"hand": (2, 3), "forearm": (1,), "elbow": (0, 1)}
LEG = {"foot": (7, 8), "heel": (7,), "toes": (8,), "knee": (5,), "hip": (4,)}


def part_pieces(body: Body, sk: Skeleton, part: str, sides: tuple[str, ...]) -> list[Piece]:
    """The pieces of a part, for the sides given (every side of a paired part if none)."""
    if part in ARM or part in LEG:
        found = []
        for side in sides or ("left", "right"):
            pieces = limbs(body, sk, side)
            found += [pieces[i] for i in (ARM[part] if part in ARM else LEG[part])]
        return found + (trunk(body, sk)[:2] if part == "hip" else [])
    sections = trunk(body, sk)
    quarter = len(sections) // 5  # the trunk's pieces run hips, pelvis, lumbar, thoracic, upper thoracic
    return {"pelvis": sections[:2 * quarter], "lower-back": sections[quarter:3 * quarter],
            "upper-back": sections[3 * quarter:], "back": sections, "head": head(body, sk)[2:3]}[part]


def resting_low(body: Body, sk: Skeleton, part: str, side: str) -> float:
    """The lowest point of a foot's heel, toes or sole: what rests on a step or the floor."""
    return lowest(part_pieces(body, sk, part, (side,)))
