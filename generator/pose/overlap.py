"""How deep a point lies inside the body or a prop, and the checks built on it: a hand or foot sunk in the
trunk or head, a limb passed through a prop. Depths are in body heights, negative outside."""

from __future__ import annotations

import math
from typing import Callable, NamedTuple

from ..model.anatomy import Body
from .scene import Ball, Box, PropShape, Rod, Solid, Trouble
from .skeleton import SIDES, Skeleton
from .surface import Piece, limbs, trunk
from .vectors import Vec, dot, length, lerp, sub

TIP_DEPTH = 0.015  # how far a hand or foot may press into the body (2.5 cm): flesh gives, the outline hides it
PROP_DEPTH = 0.01  # how far a limb's axis may pass into a prop (1.7 cm) before it is drawn through it
THROUGH = 0.9  # a limb's axis this near a solid's middle, as a share of its half thickness, goes through it
GRIP = 0.03  # a hand closes round a rod this thick or thinner (10 cm across): its fingers cross the rod's axis
CM = 170.0  # centimetres in a body height, for messages
SEARCH = 18  # steps of the search for a segment's deepest point: to a thousandth of its length
LIMB_JOINTS = {"arm": ("shoulder", "elbow"), "leg": ("hip", "knee")}


Holders = dict[str, tuple[int, str]]  # a side whose hand a contact places: the contact's index and name


def hand_contacts(contacts: list[str]) -> Holders:
    """Which contact places each hand: one naming both hands or forearms (hands-..., forearms-...) or that
    side's (left-hand-..., left-forearm-...)."""
    held: Holders = {}
    for index, contact in enumerate(contacts):
        for side in SIDES:
            if contact.startswith(("hands-", "forearms-", f"{side}-hand-", f"{side}-forearm-")):
                held.setdefault(side, (index, contact))
    return held


def tip_troubles(body: Body, sk: Skeleton, held: Holders, field: tuple[object, ...]) -> list[Trouble]:
    """A hand or foot whose tip lies inside the trunk or the head."""
    found, sections = [], trunk(body, sk)
    low, high = _reach(sections)
    inside: dict[str, Callable[[Vec], float]] = {
        "trunk": lambda p: trunk_depth(sections, p) if all(a <= v <= b for a, v, b in zip(low, p, high))
        else -math.inf,
        "head": lambda p: body.head_radius - length(sub(p, sk.points["head"]))}
    for side in SIDES:
        for limb, part, tips in (("arm", "hand", _hand_tips(sk, side)), ("leg", "foot", _foot_tips(sk, side))):
            for where, depth_of in inside.items():
                depth = max(depth_of(p) for p in tips)
                if depth > TIP_DEPTH:
                    found.append(_trouble(f"the {side} {part} is {depth * CM:.0f} cm inside the {where}", side, limb,
                                          f"so the {part} rests on the body's surface or clear of it", held, field))
    return found


def prop_troubles(body: Body, sk: Skeleton, props: list[Placed], held: Holders,
                  field: tuple[object, ...]) -> list[Trouble]:
    """An arm or leg whose axis passes through a solid prop; resting on its surface is fine."""
    deepest: dict[tuple[str, str], tuple[bool, float]] = {}
    for side in SIDES:
        wrist, fingertips = sk.points[f"{side}_wrist"], sk.points[f"{side}_hand"]
        for piece in limbs(body, sk, side):
            in_hand = piece.part.endswith("_arm") and (piece.start == wrist or piece.end == fingertips)
            for thing in props:
                if isinstance(thing.solid, Rod) and thing.solid.radius <= GRIP and in_hand:
                    continue
                depth = segment_depth(piece.start, piece.end, thing)
                key = (piece.part.replace("_arm", "_hand") if in_hand else piece.part, thing.prop)
                through = depth >= THROUGH * _half_thickness(thing.solid)
                if (depth > PROP_DEPTH or through) and (through, depth) > deepest.get(key, (False, 0.0)):
                    deepest[key] = (through, depth)
    found = []
    for (part, prop), (through, depth) in deepest.items():
        side, what = part.split("_")
        limb, name = "arm" if what == "hand" else what, prop.replace("-", " ")
        how = f"through the {name}" if through else f"{depth * CM:.0f} cm into the {name}"
        found.append(_trouble(f"the {side} {what} passes {how}", side, limb,
                              f"so it rests on the {name} or clear of it", held, field))
    return found


def _half_thickness(solid: Solid) -> float:
    """Half the solid's thinnest size: the deepest any point can lie inside it."""
    if isinstance(solid, Box):
        return min(hi - lo for lo, hi in zip(solid.low, solid.high)) / 2
    return solid.radius if isinstance(solid, (Ball, Rod)) else math.inf


def _trouble(what: str, side: str, limb: str, goal: str, held: Holders, field: tuple[object, ...]) -> Trouble:
    """The trouble at the pose, or at the contact that places the hand, which the arm's angles cannot move."""
    if limb == "arm" and side in held:
        index, contact = held[side]
        return Trouble(("contacts", index), f"{what}; '{contact}' puts it there: change the pose it starts from, "
                                            "or leave the contact out")
    return Trouble(field, f"{what}; move the {side} {limb} ({_joints(side, limb)}) {goal}")


def trunk_depth(sections: list[Piece], point: Vec) -> float:
    return max((_piece_depth(piece, point) for piece in sections), default=-math.inf)


def _reach(sections: list[Piece]) -> tuple[Vec, Vec]:
    """A box holding every trunk piece: a point outside it lies inside none of them."""
    size = max(max(p.size0 + p.size1) for p in sections)
    ends = [p.start for p in sections] + [p.end for p in sections]
    return (tuple(min(e[i] for e in ends) - size for i in range(3)),  # type: ignore[return-value]
            tuple(max(e[i] for e in ends) + size for i in range(3)))


def solid_depth(solid: Solid, point: Vec) -> float:
    """How deep a point lies inside a box, ball or rod; a strap has no inside."""
    if isinstance(solid, Box):
        return min(min(p - lo, hi - p) for p, lo, hi in zip(point, solid.low, solid.high))
    if isinstance(solid, Ball):
        return solid.radius - length(sub(point, solid.centre))
    if isinstance(solid, Rod):
        axis = sub(solid.end, solid.start)
        size = length(axis)
        along = dot(sub(point, solid.start), axis) / size if size > 0 else 0.0
        radial = length(sub(point, lerp(solid.start, solid.end, along / size if size > 0 else 0.0)))
        return min(solid.radius - radial, along, size - along)
    return -math.inf


def segment_depth(start: Vec, end: Vec, thing: Placed) -> float:
    """The depth of a segment's deepest point inside a prop. Each solid's depth is concave along a line, so a
    ternary search finds it; a segment whose box misses the prop's box is outside at once."""
    if not near(start, end, thing):
        return -math.inf
    solid = thing.solid
    low, high = 0.0, 1.0
    for _ in range(SEARCH):
        a, b = low + (high - low) / 3, high - (high - low) / 3
        if solid_depth(solid, lerp(start, end, a)) < solid_depth(solid, lerp(start, end, b)):
            low = a
        else:
            high = b
    return solid_depth(solid, lerp(start, end, (low + high) / 2))


def _piece_depth(piece: Piece, point: Vec) -> float:
    """How deep a point lies inside one elliptical trunk piece, measured along its cross-section's radius."""
    axis = sub(piece.end, piece.start)
    span = dot(axis, axis)
    t = dot(sub(point, piece.start), axis) / span if span > 0 else -1.0
    if not 0.0 <= t <= 1.0 or piece.frame0 is None or piece.frame1 is None:
        return -math.inf
    frame = piece.frame0 if t < 0.5 else piece.frame1
    width = piece.size0[0] + (piece.size1[0] - piece.size0[0]) * t
    depth = piece.size0[1] + (piece.size1[1] - piece.size0[1]) * t
    offset = sub(point, lerp(piece.start, piece.end, t))
    if dot(offset, offset) > max(width, depth) ** 2:
        return -math.inf  # outside the ellipse's wider half-axis: the common case, kept cheap
    across = dot(offset, (frame[0][2], frame[1][2], frame[2][2]))
    ahead = dot(offset, (frame[0][0], frame[1][0], frame[2][0]))
    radial, scaled = math.hypot(across, ahead), math.hypot(across / width, ahead / depth)
    return min(width, depth) if scaled < 1e-9 else radial / scaled - radial


class Placed(NamedTuple):
    """A prop's solid with its bounding box, worked out once a frame: most limbs are nowhere near most props."""

    prop: str
    solid: Solid
    low: Vec
    high: Vec


def placed(props: tuple[PropShape, ...]) -> list[Placed]:
    """The props with an inside (boxes, balls and rods; a strap has none)."""
    found = []
    for shape in props:
        solid = shape.solid
        if isinstance(solid, Box):
            found.append(Placed(shape.prop, solid, solid.low, solid.high))
        elif isinstance(solid, Ball):
            r, c = solid.radius, solid.centre
            found.append(Placed(shape.prop, solid, (c[0] - r, c[1] - r, c[2] - r), (c[0] + r, c[1] + r, c[2] + r)))
        elif isinstance(solid, Rod):
            r, a, b = solid.radius, solid.start, solid.end
            found.append(Placed(shape.prop, solid, (min(a[0], b[0]) - r, min(a[1], b[1]) - r, min(a[2], b[2]) - r),
                                (max(a[0], b[0]) + r, max(a[1], b[1]) + r, max(a[2], b[2]) + r)))
    return found


def near(start: Vec, end: Vec, thing: Placed, margin: float = 0.0) -> bool:
    """Whether a segment's bounding box, grown by a margin, meets the prop's."""
    low, high = thing.low, thing.high
    return (min(start[0], end[0]) <= high[0] + margin and max(start[0], end[0]) >= low[0] - margin
            and min(start[1], end[1]) <= high[1] + margin and max(start[1], end[1]) >= low[1] - margin
            and min(start[2], end[2]) <= high[2] + margin and max(start[2], end[2]) >= low[2] - margin)


def _hand_tips(sk: Skeleton, side: str) -> list[Vec]:
    wrist, tip = sk.points[f"{side}_wrist"], sk.points[f"{side}_hand"]
    return [lerp(wrist, tip, 0.55), tip]  # the knuckles and the fingertips


def _foot_tips(sk: Skeleton, side: str) -> list[Vec]:
    return [sk.points[f"{side}_heel"], sk.points[f"{side}_toe"]]


def _joints(side: str, limb: str) -> str:
    return ", ".join(f"{side}_{joint}" for joint in LIMB_JOINTS[limb])

