"""Each prop placed from the solved body and the contacts that use it, at its standard size."""

from __future__ import annotations

from typing import Callable, Optional

from ..model.anatomy import Anatomy
from ..model.contact import Contact
from ..model.figure import Figure
from .contacts import Setting
from .furniture import block, chair, door_frame, span, wall
from .held import band_anchor, hand_props
from .parts import part_pieces
from .placing import Placing
from .scene import Ball, Box, PropShape, Rod, Trouble
from .skeleton import Skeleton
from .vectors import Vec, add, lerp, scale, sub, unit

ROLLER = 0.045  # foam roller radius, in body heights: a 15 cm roller
# How far up the thoracic spine a roller under each part of the back lies: under the upper back it is at
# the shoulder blades' upper half, under the back just below the shoulder blades.
ROLLER_LEVELS = {"upper-back": 0.8, "back": 0.1}
TENNIS_BALL = 0.035
Placer = Callable[["Placing"], Optional[list[PropShape]]]


def place_props(anatomy: Anatomy, figure: Figure, contacts: list[Contact], sk: Skeleton, seat: Optional[float],
                setting: Setting) -> tuple[list[PropShape], list[Trouble]]:
    placing = Placing(anatomy, figure, contacts, sk, seat, setting)
    placed: list[PropShape] = []
    troubles: list[Trouble] = []
    for index, prop in enumerate(figure.props):
        shapes = PLACERS[prop](placing)
        if shapes is None:
            troubles.append(Trouble(("props", index), NEEDS[prop]))
        else:
            placed += shapes
    return placed, troubles


def _chair(at: Placing) -> Optional[list[PropShape]]:
    p, sizes = at.p, at.body.props
    if at.seat is not None:
        return chair(p["pelvis"][0] - 0.2, p["left_knee"][0] - 0.03, at.seat, at.seat + 0.38)
    elbows = [c for c in at.using("seat") if c.part in ("elbow", "forearm")]
    if elbows:
        points = [p["left_elbow"], p["right_elbow"]]
        top = min(e[1] for e in points) - at.body.arm.radii[1]
        front = min(e[0] for e in points) - 0.06
        return chair(front, front + 0.4, top, top + 0.38, facing=-1)
    held = at.using("chair-back")
    if held:
        spot = at.resting(held[0])
        way = at.away(spot[0])
        near = spot[0] - way * 0.015
        return chair(min(near, near + way * 0.4), max(near, near + way * 0.4), sizes.chair_seat, sizes.chair_back,
                     facing=way, z=spot[2])
    feet = [c for c in at.using("seat") if c.part in ("foot", "heel", "toes", "knee")]
    if feet:
        spot = at.resting(feet[0])
        way = at.away(spot[0])
        return chair(spot[0] - 0.2, spot[0] + 0.2, sizes.chair_seat, sizes.chair_back, facing=-way, z=spot[2])
    return None


def _level(prop: str, target: str) -> Placer:
    """A step, table or bed: under a lying body, or under the hands or feet on it with its near edge by them."""
    def place(at: Placing) -> Optional[list[PropShape]]:
        using = at.using(target)
        if not using:
            return None
        size = getattr(at.body.props, prop)
        spots = [at.resting(c) for c in using]
        z = sum(s[2] for s in spots) / len(spots)
        if any(c.part in ("pelvis", "back", "upper-back", "lower-back", "hip", "head") for c in using):
            return span(prop, size, [point[0] for point in at.p.values()], at.p["pelvis"][2], size.height)
        if prop == "step":
            size = size.replace(width=max(size.width, abs(spots[0][2] - spots[-1][2]) + 0.2))
            xs = [s[0] for s in spots]
            return block(prop, size, (min(xs) + max(xs)) / 2 - size.depth / 2, 1, z)
        way = at.away(spots[0][0])
        ends = [end for c in using for piece in part_pieces(at.body, at.sk, c.part, c.sides)
                for end in (piece.start, piece.end)]
        near = min(end[0] * way for end in ends) * way - way * 0.02
        return block(prop, size.replace(width=max(size.width, abs(spots[0][2] - spots[-1][2]) + 0.25)), near,
                     way, z, legs=True)
    return place


def _wall(at: Placing) -> Optional[list[PropShape]]:
    if at.using("ball") and any(c.part in ("back", "upper-back") for c in at.using("ball")):
        back = back_surface(at.anatomy, at.sk)
        face = back[0] - 2 * TENNIS_BALL
        return wall(face, 0, -1, (back[0], 0.0, 0.0), at.body.props.wall)
    if at.using("exercise-ball") and not _ball_below(at):
        centre = _ball_behind(at)
        return wall(centre[0] - at.body.props.exercise_ball, 0, -1, centre, at.body.props.wall)
    using = at.using("wall")
    if not using:
        return None
    axis, way, face, centre = _against(at, using)
    return wall(face, axis, way, centre, at.body.props.wall)


def _against(at: Placing, using: list[Contact]) -> tuple[int, int, float, Vec]:
    """Which way an upright surface lies from the body (along x or z, whichever the parts reach out along
    most) and where its face is: touching the part that reaches farthest."""
    first = using[0]
    if first.part in ("back", "upper-back", "lower-back", "pelvis", "head"):
        frame = at.sk.frames["thoracic"]
        out = (-frame[0][0], 0.0, -frame[2][0])
    else:
        out = sub(at.resting(first), at.p["pelvis"])
    axis = 0 if abs(out[0]) >= abs(out[2]) else 2
    way = 1 if out[axis] >= 0 else -1
    reach = max(_reach(at, c, axis, way) for c in using)
    return axis, way, reach, at.resting(first)


def _reach(at: Placing, contact: Contact, axis: int, way: int) -> float:
    pieces = part_pieces(at.body, at.sk, contact.part, contact.sides)
    return max(way * (end[axis] + way * radius) for piece in pieces
               for end, radius in ((piece.start, piece.r0 or piece.size0[1]), (piece.end, piece.r1 or piece.size1[1]))) * way


def _door_frame(at: Placing) -> Optional[list[PropShape]]:
    using = at.using("door-frame")
    if using:
        axis, way, face, _ = _against(at, using)
        if axis == 2:  # parts held out to the sides rest on the jambs' faces, at the doorway's plane
            way = 1 if at.sk.frames["thoracic"][0][0] >= 0 else -1
            face = max(way * _reach(at, c, 0, way) for c in using) * way
        middle = at.p["pelvis"][2]
        reach = max(way_z * (_reach(at, c, 2, way_z) - middle) for c in using for way_z in (-1, 1))
        return door_frame(face, way, at.p["pelvis"][2], at.body.props.door_frame, reach + 0.06)
    if at.band_tied():
        return door_frame(band_anchor(at.sk)[0], 1, at.p["pelvis"][2], at.body.props.door_frame, 0.0)
    return None


def _ball_below(at: Placing) -> bool:
    return any(c.part in ("pelvis", "hip", "hand", "foot", "heel", "toes") or at.sk.frames["thoracic"][1][0] > 0.5
               for c in at.using("exercise-ball"))


def _ball_behind(at: Placing) -> Vec:
    back = back_surface(at.anatomy, at.sk)
    frame = at.sk.frames["thoracic"]
    behind = unit((-frame[0][0], 0.0, -frame[2][0]))
    return add(back, scale(behind, at.body.props.exercise_ball))


def _exercise_ball(at: Placing) -> Optional[list[PropShape]]:
    using = at.using("exercise-ball")
    if not using:
        return None
    radius = at.body.props.exercise_ball
    if not _ball_below(at):
        return [PropShape("exercise-ball", Ball(_ball_behind(at), radius))]
    spots = [at.resting(c) for c in using]
    return [PropShape("exercise-ball", Ball((sum(s[0] for s in spots) / len(spots), radius,
                                             sum(s[2] for s in spots) / len(spots)), radius))]


def _filler(prop: str, target: str) -> Placer:
    """A pillow or towel roll: under the part, filling the gap to the floor up to its own size."""
    def place(at: Placing) -> Optional[list[PropShape]]:
        using = at.using(target)
        if not using:
            return None
        contact = using[0]
        x, low, z = at.resting(contact)
        if contact.part == "knee" and len(contact.sides) == 1:  # under the knee itself, not the pieces round it
            x, _, z = at.p[f"{contact.sides[0]}_knee"]
        base = at.under()
        if prop == "pillow":
            size = at.body.props.pillow
            top = max(low, base + 0.012)
            return [PropShape(prop, Box((x - size.depth / 2, base, z - size.width / 2),
                                        (x + size.depth / 2, top, z + size.width / 2)))]
        radius = max(0.008, min((low - base) / 2, at.body.props.towel_roll))
        return [PropShape(prop, Rod((x, base + radius, z - 0.15), (x, base + radius, z + 0.15), radius))]
    return place


def _ball(at: Placing) -> Optional[list[PropShape]]:
    if not any(c.part in ("back", "upper-back") for c in at.using("ball")):
        return None
    back = back_surface(at.anatomy, at.sk)
    return [PropShape("ball", Ball((back[0] - TENNIS_BALL, back[1], back[2] + 0.05), TENNIS_BALL))]


def _mat(at: Placing) -> list[PropShape]:
    """A mat of one size centred under the pelvis: the same mat in every frame, so a movement reads against
    it, with the arms free to reach past its edges as they do on a real one."""
    size, x, z = at.body.props.mat, at.p["pelvis"][0], at.p["pelvis"][2]
    return [PropShape("mat", Box((x - size.depth / 2, -size.height, z - size.width / 2),
                                 (x + size.depth / 2, 0.0, z + size.width / 2)))]


def _roller(at: Placing) -> Optional[list[PropShape]]:
    using = at.using("roller")
    if not using:
        return None
    if using[0].part in ROLLER_LEVELS:
        back = back_surface(at.anatomy, at.sk, ROLLER_LEVELS[using[0].part])
        return [PropShape("foam-roller", Rod((back[0], ROLLER, -0.35), (back[0], ROLLER, 0.35), ROLLER))]
    x, _, z = at.resting(using[0])
    return [PropShape("foam-roller", Rod((x, ROLLER, z - 0.35), (x, ROLLER, z + 0.35), ROLLER))]


def back_surface(anatomy: Anatomy, sk: Skeleton, height: float = 0.45) -> Vec:
    """The point of the upper back a roller or ball presses on: behind the thoracic spine, ``height`` of the
    way up from its lower end."""
    level = lerp(sk.points["thoracic"], sk.points["upper_thoracic"], height)
    frame = sk.frames["thoracic"]
    back = (-frame[0][0], -frame[1][0], -frame[2][0])
    depth = next(s.depth for s in anatomy.body.trunk if s.at == "thoracic")
    return add(level, scale(back, depth))


PLACERS: dict[str, Placer] = {
    "chair": _chair, "wall": _wall, "mat": _mat, "ball": _ball, "exercise-ball": _exercise_ball,
    "foam-roller": _roller,
    "towel-roll": _filler("towel-roll", "towel-roll"), "pillow": _filler("pillow", "pillow"), "step": _level("step", "step"), "table": _level("table", "table"),
    "bed": _level("bed", "bed"), "door-frame": _door_frame, **hand_props(),
}
NEEDS = {
    "chair": "a chair needs the sitting posture or a contact on the seat or the chair-back, e.g. 'hands-on-chair-back'",
    "wall": "a wall needs a contact against it, e.g. 'back-on-wall', or a ball between the back and the wall",
    "ball": "a ball needs the contact 'back-on-ball' or 'upper-back-on-ball'",
    "exercise-ball": "an exercise ball needs a contact on it, e.g. 'pelvis-on-exercise-ball'",
    "medicine-ball": "a medicine ball needs the contact 'hands-on-medicine-ball'",
    "foam-roller": "a foam roller needs a contact on the roller, e.g. 'upper-back-on-roller'",
    "towel": "a towel needs the contact 'hands-on-towel'",
    "towel-roll": "a towel roll needs a contact on it, e.g. 'head-on-towel-roll'",
    "pillow": "a pillow needs a contact on it, e.g. 'head-on-pillow'",
    "post": "a post needs the contact 'hands-on-post' or a band",
    "step": "a step needs a foot on it, e.g. 'right-heel-on-step'",
    "table": "a table needs a contact on it, e.g. 'hands-on-table'",
    "bed": "a bed needs a contact on it, e.g. 'back-on-bed'",
    "door-frame": "a door frame needs a contact on it, e.g. 'forearms-on-door-frame', or a band tied to it",
}
