"""Solve one frame: pose the body, rest it on the floor or seat, meet its contacts, place its props."""

from __future__ import annotations

from typing import Callable, Optional

from ..model.figure import Figure, Hip, Pose
from .contacts import GRIPS, NeedsSeat, Setting, grip_hands, too_bent
from ..model.anatomy import Anatomy, PostureData
from .reach import Unreachable
from .scene import Ball, Box, PropShape, Rod, Scene, Strap, Trouble
from .skeleton import SIDES, Skeleton, forward
from .surface import Piece, lowest, pieces
from .vectors import Vec, add, apply, lerp, scale

SUPPORT_PARTS = {  # which pieces each support names
    "feet": ("left_leg", "right_leg"), "heels": ("left_leg", "right_leg"), "knees": ("left_leg", "right_leg"),
    "shins": ("left_leg", "right_leg"), "left_knee": ("left_leg",), "right_foot": ("right_leg",),
    "seat": ("trunk", "left_leg", "right_leg"), "back": ("trunk", "head", "neck"),
    "front": ("trunk", "head", "neck", "left_leg", "right_leg"), "side": ("trunk", "head", "left_leg", "right_leg"),
}
ROLLER = 0.045  # foam roller radius, in body heights: a 15 cm roller
ROLLER_HEIGHT = 0.8  # under the shoulder blades
TENNIS_BALL = 0.035
MEDICINE_BALL = 0.1



def solve(anatomy: Anatomy, figure: Figure, pose: Pose) -> Scene:
    posture = anatomy.postures.of(figure.posture)
    whole = posture.pose.then(figure.pose).then(pose)
    troubles: list[Trouble] = []
    build = _builder(anatomy, posture, whole)
    skeleton = build(0.0)
    if posture.balance == "hands":
        skeleton = _balance(build, lambda sk: _hands_above_knees(anatomy, sk), troubles, ("posture",),
                            "the hands and knees cannot both rest on the floor in this pose")
    if "upper-back-on-roller" in figure.contacts:
        index = figure.contacts.index("upper-back-on-roller")
        skeleton = _balance(build, lambda sk: _back_above_roller(anatomy, sk), troubles, ("contacts", index),
                            "the upper back cannot rest on the roller with the hips down; bend the knees more")
    skeleton = _ground(anatomy, skeleton, posture)
    seat = _seat_height(anatomy, skeleton) if posture.seat else None
    setting = Setting(seat=seat, ball=_medicine_ball(skeleton) if "medicine-ball" in figure.props else None,
                      post=_post(anatomy, skeleton) if "hands-on-post" in figure.contacts else None)
    for index, contact in enumerate(figure.contacts):
        if contact in GRIPS:
            skeleton = _grip(anatomy, skeleton, contact, setting, ("contacts", index), troubles)
    skeleton = _settle(anatomy, skeleton)
    troubles += _check_knees(anatomy, skeleton, figure)
    props, prop_troubles = _props(anatomy, figure, skeleton, seat, setting)
    return Scene(skeleton, tuple(props), seat, tuple(troubles + prop_troubles))


def _builder(anatomy: Anatomy, posture: PostureData, pose: Pose) -> Callable[[float], Skeleton]:
    """The body pitched forward by some degrees about the hips, its thighs kept where they were."""
    def build(pitch: float) -> Skeleton:
        hips = {f"{side}_hip": _hip_flexion(getattr(pose, f"{side}_hip"), pitch) for side in SIDES}
        return forward(anatomy.body, posture.replace(pitch=posture.pitch + pitch), pose.replace(**hips))
    return build


def _hip_flexion(hip: Optional[Hip], change: float) -> Hip:
    angle = (hip.flexion or 0.0) - (hip.extension or 0.0) + change if hip else change
    base = hip or Hip()
    return base.replace(flexion=angle if angle >= 0 else None, extension=-angle if angle < 0 else None)


def _balance(build: Callable[[float], Skeleton], gap: Callable[[Skeleton], float], troubles: list[Trouble],
             field: tuple[object, ...], message: str) -> Skeleton:
    """Pitch the body about the hips until ``gap`` is zero, taking the crossing nearest the pose as given."""
    for start in sorted(range(-45, 45, 5), key=lambda degrees: abs(degrees + 2.5)):
        low, high = float(start), float(start + 5)
        gap_low, gap_high = gap(build(low)), gap(build(high))
        if (gap_low > 0) != (gap_high > 0):
            for _ in range(16):  # a 5 degree bracket to within 0.0001 degrees
                middle = (low + high) / 2
                if (gap(build(middle)) > 0) == (gap_low > 0):
                    low = middle
                else:
                    high = middle
            return build((low + high) / 2)
    troubles.append(Trouble(field, message))
    return build(0.0)


def _parts(anatomy: Anatomy, sk: Skeleton, parts: tuple[str, ...]) -> list[Piece]:
    return [p for p in pieces(anatomy.body, sk) if p.part in parts]


def _hands_above_knees(anatomy: Anatomy, sk: Skeleton) -> float:
    """How far the wrists (a hand rests flat on the floor) are above the floor the knees rest on."""
    wrists = min(sk.points["left_wrist"][1], sk.points["right_wrist"][1]) - anatomy.body.arm.radii[2]
    return wrists - lowest(_parts(anatomy, sk, ("left_leg", "right_leg")))


def _back_surface(anatomy: Anatomy, sk: Skeleton, height: float = 0.45) -> Vec:
    """The point of the upper back a roller or ball presses on: behind the thoracic spine, ``height`` of the
    way up from its lower end."""
    level = lerp(sk.points["thoracic"], sk.points["upper_thoracic"], height)
    frame = sk.frames["thoracic"]
    back = (-frame[0][0], -frame[1][0], -frame[2][0])
    depth = next(s.depth for s in anatomy.body.trunk if s.at == "thoracic")
    return add(level, scale(back, depth))


def _back_above_roller(anatomy: Anatomy, sk: Skeleton) -> float:
    rest = lowest(_parts(anatomy, sk, ("left_leg", "right_leg")) + _parts(anatomy, sk, ("trunk",))[:3])
    return _back_surface(anatomy, sk, ROLLER_HEIGHT)[1] - rest - 2 * ROLLER


def _ground(anatomy: Anatomy, sk: Skeleton, posture: PostureData) -> Skeleton:
    parts = tuple({part for support in posture.support for part in SUPPORT_PARTS[support]})
    return sk.moved((0.0, -lowest(_parts(anatomy, sk, parts)), 0.0))


def _settle(anatomy: Anatomy, sk: Skeleton) -> Skeleton:
    """Nothing sinks through the floor: if a hand or the head reaches below it, lift the body."""
    low = lowest(pieces(anatomy.body, sk))
    return sk.moved((0.0, -low, 0.0)) if low < 0 else sk


def _seat_height(anatomy: Anatomy, sk: Skeleton) -> float:
    return lowest(_parts(anatomy, sk, ("trunk",))[:2] + [p for p in _parts(anatomy, sk, ("left_leg", "right_leg"))
                                                         if p.start in (sk.points["left_hip"], sk.points["right_hip"])])


def _grip(anatomy: Anatomy, sk: Skeleton, contact: str, setting: Setting, field: tuple[object, ...],
          troubles: list[Trouble]) -> Skeleton:
    try:
        grips = GRIPS[contact](anatomy.body, sk, setting)
        placed = grip_hands(anatomy.body, sk, grips)
    except NeedsSeat:
        troubles.append(Trouble(field, f"'{contact}' needs a seat: use the sitting posture"))
        return sk
    except Unreachable as exc:
        centimetres = exc.short * 170
        troubles.append(Trouble(field, f"the hands cannot reach for '{contact}' ({centimetres:.0f} cm short); "
                                       "change the pose so they are closer, or leave this contact out"))
        return sk
    bent = too_bent(placed, 150.0)
    if bent:
        troubles.append(Trouble(field, f"'{contact}' would bend the {' and '.join(bent)} elbow past 150 degrees; "
                                       "move the arms so the hands are farther from the shoulders"))
    return placed


def _check_knees(anatomy: Anatomy, sk: Skeleton, figure: Figure) -> list[Trouble]:
    if "knees-on-floor" not in figure.contacts:
        return []
    knees = [p for p in _parts(anatomy, sk, ("left_leg", "right_leg")) if p.start in
             (sk.points["left_knee"], sk.points["right_knee"])]
    if all(p.start[1] - p.r0 < 0.01 for p in knees):
        return []
    return [Trouble(("contacts", figure.contacts.index("knees-on-floor")),
                    "the knees do not reach the floor in this pose; use a kneeling posture")]


def _medicine_ball(sk: Skeleton) -> Vec:
    return add(sk.points["neck"], apply(sk.frames["upper_thoracic"], (0.3, -0.2, 0.0)))


def _post(anatomy: Anatomy, sk: Skeleton) -> Vec:
    shoulders = lerp(sk.points["left_shoulder"], sk.points["right_shoulder"], 0.5)
    reach = (anatomy.body.arm.upper + anatomy.body.arm.forearm) * 0.93
    return (shoulders[0] + reach, shoulders[1] - 0.02, 0.0)


def _props(anatomy: Anatomy, figure: Figure, sk: Skeleton, seat: Optional[float],
           setting: Setting) -> tuple[list[PropShape], list[Trouble]]:
    placed: list[PropShape] = []
    troubles: list[Trouble] = []
    for index, prop in enumerate(figure.props):
        shapes = _place(anatomy, prop, figure, sk, seat, setting)
        if shapes is None:
            troubles.append(Trouble(("props", index), _NEEDS[prop]))
        else:
            placed += shapes
    return placed, troubles


_NEEDS = {
    "chair": "a chair needs the sitting posture or the contact 'elbows-on-seat'",
    "wall": "a wall needs the contact 'back-on-ball'",
    "ball": "a ball needs the contact 'back-on-ball'",
    "medicine-ball": "a medicine ball needs the contact 'hands-on-ball'",
    "foam-roller": "a foam roller needs the contact 'upper-back-on-roller'",
    "towel": "a towel needs the contact 'hands-on-towel'",
    "post": "a post needs the contact 'hands-on-post' or a band",
}


def _place(anatomy: Anatomy, prop: str, figure: Figure, sk: Skeleton, seat: Optional[float],
           setting: Setting) -> Optional[list[PropShape]]:
    p = sk.points
    if prop == "chair":
        if seat is not None:
            return _chair(p["pelvis"][0] - 0.2, p["left_knee"][0] + 0.0 - 0.03, seat, back=True)
        if "elbows-on-seat" in figure.contacts:
            elbows = [p["left_elbow"], p["right_elbow"]]
            top = min(e[1] for e in elbows) - anatomy.body.arm.radii[1]
            front = min(e[0] for e in elbows) - 0.06
            return _chair(front, front + 0.4, top, back=True, facing=-1)
        return None
    if prop == "mat":
        xs, zs = [point[0] for point in p.values()], [point[2] for point in p.values()]
        return [PropShape("mat", Box((min(xs) - 0.08, -0.018, min(-0.3, min(zs) - 0.06)),
                                     (max(xs) + 0.08, 0.0, max(0.3, max(zs) + 0.06))))]
    if prop in ("ball", "wall"):
        if "back-on-ball" not in figure.contacts:
            return None
        back = _back_surface(anatomy, sk)
        centre = (back[0] - TENNIS_BALL, back[1], back[2] + 0.05)
        if prop == "ball":
            return [PropShape("ball", Ball(centre, TENNIS_BALL))]
        face = centre[0] - TENNIS_BALL
        return [PropShape("wall", Box((face - 0.05, 0.0, -0.6), (face, 1.08, 0.6)))]
    if prop == "medicine-ball":
        if setting.ball is None or "hands-on-ball" not in figure.contacts:
            return None
        return [PropShape("medicine-ball", Ball(setting.ball, MEDICINE_BALL), in_front=True)]
    if prop == "foam-roller":
        if "upper-back-on-roller" not in figure.contacts:
            return None
        back = _back_surface(anatomy, sk, ROLLER_HEIGHT)
        return [PropShape("foam-roller", Rod((back[0], ROLLER, -0.35), (back[0], ROLLER, 0.35), ROLLER))]
    if prop == "towel":
        if "hands-on-towel" not in figure.contacts:
            return None
        return [PropShape("towel", Strap(_towel(anatomy, sk), 0.03), in_front=True)]
    if prop == "band":
        return [PropShape("band", Strap((p["left_wrist"], _anchor(sk), p["right_wrist"]), 0.012), in_front=True)]
    if prop == "post":
        if setting.post is not None:
            x = setting.post[0] + 0.0
        elif "band" in figure.props:
            x = _anchor(sk)[0] + 0.03
        else:
            return None
        return [PropShape("post", Rod((x, 0.0, 0.0), (x, 1.05, 0.0), 0.03), in_front=False)]
    if prop == "bar":
        hands = lerp(p["left_wrist"], p["right_wrist"], 0.5)
        return [PropShape("bar", Rod((hands[0], hands[1], -0.4), (hands[0], hands[1], 0.4), 0.018), in_front=True)]
    return None


def _anchor(sk: Skeleton) -> Vec:
    """Where a band is tied: ahead of the figure at chest height."""
    chest = sk.points["upper_thoracic"]
    return (max(sk.points["left_toe"][0], sk.points["right_toe"][0], chest[0] + 0.35) + 0.2, chest[1], 0.0)


def _towel(anatomy: Anatomy, sk: Skeleton) -> tuple[Vec, ...]:
    neck = lerp(sk.points["neck"], sk.points["skull"], 0.4)
    frame = sk.frames["neck"]
    around = anatomy.body.neck_radius + 0.012
    behind = [add(neck, apply(frame, (around * x, 0.0, around * z))) for x, z in
              ((0.3, -1.0), (-0.5, -0.85), (-1.0, 0.0), (-0.5, 0.85), (0.3, 1.0))]
    return (sk.points["left_wrist"], *behind, sk.points["right_wrist"])


def _chair(back_x: float, front_x: float, seat: float, back: bool, facing: int = 1) -> list[PropShape]:
    """A plain chair: seat, four legs and a back rest behind the sitter (or beyond, for a chair faced)."""
    thick, half = 0.03, 0.22
    shapes = [PropShape("chair", Box((back_x, seat - thick, -half), (front_x, seat, half)))]
    for x in (back_x + 0.01, front_x - 0.035):
        shapes.append(PropShape("chair", Box((x, 0.0, -half + 0.01), (x + 0.025, seat - thick, -half + 0.035))))
        shapes.append(PropShape("chair", Box((x, 0.0, half - 0.035), (x + 0.025, seat - thick, half - 0.01))))
    if back:
        rest_x = back_x if facing == 1 else front_x - 0.03
        shapes.append(PropShape("chair", Box((rest_x, seat, -half), (rest_x + 0.03, seat + 0.38, half))))
    return shapes
