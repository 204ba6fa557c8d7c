"""Solve one frame: pose the body, rest it on the floor or what it lies on, meet its contacts, place its props."""

from __future__ import annotations

from typing import Callable, Optional, Sequence

from ..model.anatomy import Anatomy, PostureData
from ..model.contact import ARM_PARTS, LEG_PARTS, TRUNK_PARTS, Contact, read_contact
from ..model.figure import SURFACE_PROPS, Figure, Hip, Pose
from .contacts import NeedsSeat, Setting, grip_hands, too_bent
from .parts import part_pieces, resting_low
from .held import medicine_ball, post_spot
from .props import ROLLER, ROLLER_LEVELS, back_surface, place_props
from .reach import Unreachable, flat_foot, place_foot
from .rests import TOLERANCE, override_warnings, raised_hand, rest_troubles
from .scene import Scene, Trouble
from .skeleton import SIDES, Skeleton, forward
from .surface import Piece, limbs, lowest, pieces, trunk
from .touch import grips_for, level_height
from .vectors import add, lerp, sub, unit

SUPPORT_PARTS = {  # which pieces each support names
    "feet": ("left_leg", "right_leg"), "heels": ("left_leg", "right_leg"), "knees": ("left_leg", "right_leg"),
    "shins": ("left_leg", "right_leg"), "left_knee": ("left_leg",), "right_foot": ("right_leg",),
    "seat": ("trunk", "left_leg", "right_leg"), "back": ("trunk", "head", "neck"),
    "front": ("trunk", "head", "neck", "left_leg", "right_leg"),
    "side": ("trunk", "head", "left_leg", "right_leg", "left_arm", "right_arm"),
}
LIFTING = ("step", "table", "bed", "exercise-ball", "chair-back")  # a trunk part on one raises the body onto it


def solve(anatomy: Anatomy, figure: Figure, pose: Pose) -> Scene:
    posture = anatomy.postures.of(figure.posture)
    whole = posture.pose.then(figure.pose).then(pose)
    contacts = [read_contact(text) for text in figure.contacts]
    troubles: list[Trouble] = _missing_props(figure, contacts)
    build = _builder(anatomy, posture, whole)
    skeleton = build(0.0)
    if posture.balance == "hands":
        skeleton = _balance(build, lambda sk: _hands_above_knees(anatomy, sk), troubles, ("posture",),
                            "the hands and knees cannot both rest on the floor in this pose")
    roller = _index(contacts, lambda c: c.part in ROLLER_LEVELS and c.target == "roller")
    if roller is not None:
        part = contacts[roller].part
        level = ROLLER_LEVELS[part]
        skeleton = _balance(build, lambda sk: _back_above_roller(anatomy, sk, level), troubles, ("contacts", roller),
                            f"the {part.replace('-', ' ')} cannot rest on the roller with the hips down; "
                            "bend the knees more")
    skeleton, stood = _ground(anatomy, skeleton, posture, contacts)
    seat = _seat_height(anatomy, skeleton) if posture.seat else None
    ball = medicine_ball(skeleton, _arms_posed(figure, pose, SIDES)) if "medicine-ball" in figure.props else None
    setting = Setting(seat=seat, ball=ball,
                      post=post_spot(anatomy, skeleton) if _index(contacts, _on("post")) is not None else None)
    posed = skeleton
    for index, contact in enumerate(contacts):
        if index not in stood and not _towel_posed(figure, pose, contact):
            skeleton = _meet(anatomy, skeleton, contact, setting, ("contacts", index), troubles)
    skeleton = _feet_down(anatomy, skeleton, posture, contacts, troubles)
    skeleton, sunk = _settle(anatomy, skeleton, _pose_field(figure, pose))
    failed = {t.field[1] for t in troubles if t.field[0] == "contacts"}
    troubles += [sunk] if sunk else rest_troubles(anatomy, skeleton, contacts, posture, seat, stood, failed)
    troubles += override_warnings(figure, pose, posed, skeleton, contacts)
    if roller is not None:  # the roller stays where it is on the floor, and the body rolls over it
        skeleton = skeleton.moved((-back_surface(anatomy, skeleton, level)[0], 0.0, 0.0))
    props, prop_troubles = place_props(anatomy, figure, contacts, skeleton, seat, setting)
    return Scene(skeleton, tuple(props), seat, tuple(troubles + prop_troubles))


def _missing_props(figure: Figure, contacts: list[Contact]) -> list[Trouble]:
    """A contact on a prop the figure does not draw would be met against nothing, or silently skipped."""
    return [Trouble(("contacts", index), f"'{contact.text}' rests on the {SURFACE_PROPS[contact.target]}: "
                                         f"add '{SURFACE_PROPS[contact.target]}' to props")
            for index, contact in enumerate(contacts)
            if contact.target in SURFACE_PROPS and SURFACE_PROPS[contact.target] not in figure.props]


def _towel_posed(figure: Figure, pose: Pose, contact: Contact) -> bool:
    """A towel bends to wherever the hands hold it: with the shoulders' angles given, the hands stay where the
    pose puts them and the towel runs from them (otherwise the contact holds them before the chest)."""
    return contact.target == "towel" and _arms_posed(figure, pose, contact.sides)


def _arms_posed(figure: Figure, pose: Pose, sides: Sequence[str]) -> bool:
    return all(getattr(figure.pose, f"{side}_shoulder") is not None or getattr(pose, f"{side}_shoulder") is not None
               for side in sides)


def _index(contacts: list[Contact], test: Callable[[Contact], bool]) -> Optional[int]:
    return next((i for i, contact in enumerate(contacts) if test(contact)), None)


def _on(target: str) -> Callable[[Contact], bool]:
    return lambda contact: contact.target == target


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
    """Pitch the body about the hips until ``gap`` is zero, taking the crossing nearest the pose as given.

    Each step of the 5 degree grid is built once; inside the bracket found, regula falsi (the Illinois
    variant) closes on the crossing in a handful of builds where halving took sixteen."""
    gaps: dict[float, float] = {}

    def at(degrees: float) -> float:
        if degrees not in gaps:
            gaps[degrees] = gap(build(degrees))
        return gaps[degrees]

    for start in _cells(at):
        low, high = float(start), float(start + 5)
        if (at(low) > 0) != (at(high) > 0):
            return build(_crossing(lambda d: gap(build(d)), low, high, at(low), at(high)))
    troubles.append(Trouble(field, message))
    return build(0.0)


def _cells(at: Callable[[float], float]) -> list[int]:
    """The 5 degree steps to look in: the two either side of the pose first, then outward from where the
    line through the three nearest pitches crosses zero (the gap changes smoothly with the pitch, so the
    crossing is seldom more than a step from there; cat-dog's arched frame needed 16 builds to find it)."""
    starts = list(range(-45, 45, 5))
    near = sorted(starts, key=lambda degrees: abs(degrees + 2.5))[:2]
    slope = (at(5.0) - at(-5.0)) / 10.0
    guess = -at(0.0) / slope if abs(slope) > 1e-9 else 0.0
    rest = sorted((d for d in starts if d not in near), key=lambda degrees: abs(degrees + 2.5 - guess))
    return near + rest


def _crossing(gap: Callable[[float], float], low: float, high: float, gap_low: float, gap_high: float) -> float:
    """Where ``gap`` crosses zero between two pitches (regula falsi, Illinois: an end kept twice is halved)."""
    middle, kept = (low + high) / 2, 0
    for _ in range(12):
        middle = (low * gap_high - high * gap_low) / (gap_high - gap_low)
        gap_middle = gap(middle)
        if abs(gap_middle) < 1e-6:
            break
        if (gap_middle > 0) == (gap_high > 0):
            high, gap_high = middle, gap_middle
            gap_low, kept = (gap_low / 2 if kept == -1 else gap_low), -1
        else:
            low, gap_low = middle, gap_middle
            gap_high, kept = (gap_high / 2 if kept == 1 else gap_high), 1
    return middle


def _parts(anatomy: Anatomy, sk: Skeleton, parts: tuple[str, ...]) -> list[Piece]:
    return [p for p in pieces(anatomy.body, sk) if p.part in parts]


def _legs(anatomy: Anatomy, sk: Skeleton) -> list[Piece]:
    return [p for side in SIDES for p in limbs(anatomy.body, sk, side) if p.part.endswith("_leg")]


def _hands_above_knees(anatomy: Anatomy, sk: Skeleton) -> float:
    """How far the wrists (a hand rests flat on the floor) are above the floor the knees rest on."""
    wrists = min(sk.points["left_wrist"][1], sk.points["right_wrist"][1]) - anatomy.body.arm.radii[2]
    return wrists - lowest(_legs(anatomy, sk))


def _back_above_roller(anatomy: Anatomy, sk: Skeleton, level: float) -> float:
    rest = lowest(_legs(anatomy, sk) + trunk(anatomy.body, sk)[:3])
    return back_surface(anatomy, sk, level)[1] - rest - 2 * ROLLER


def _ground(anatomy: Anatomy, sk: Skeleton, posture: PostureData,
            contacts: list[Contact]) -> tuple[Skeleton, set[int]]:
    """Rest the body: on the trunk parts a contact puts on the floor, else on its posture's supports; then
    raised onto a bed, table or ball a trunk part lies on, or onto the step every supporting foot stands
    on. Also which contacts that met (a foot stood on a step needs no solving)."""
    floor = [c for c in contacts if c.part in TRUNK_PARTS and c.target == "floor"]
    if floor:
        low = min(lowest(part_pieces(anatomy.body, sk, c.part, c.sides)) for c in floor)
    else:
        parts = tuple({part for support in posture.support for part in SUPPORT_PARTS[support]})
        low = lowest(_parts(anatomy, sk, parts))
    sk = sk.moved((0.0, -low, 0.0))
    lifts = [(c, level_height(anatomy.body, c.target, None)) for c in contacts
             if c.part in TRUNK_PARTS and c.target in LIFTING and _lies_on(sk, c)]
    if lifts:
        contact, height = lifts[0]
        low = lowest(part_pieces(anatomy.body, sk, contact.part, contact.sides))
        return sk.moved((0.0, (height or 0.0) - low, 0.0)), set()
    return _stand_on(anatomy, sk, posture, contacts)


def _lies_on(sk: Skeleton, contact: Contact) -> bool:
    """A back faces down when lying; upright, a ball or table behind it is placed against it instead."""
    if contact.part not in ("back", "upper-back", "lower-back", "head"):
        return True
    level = "head" if contact.part == "head" else "thoracic"
    return sk.frames[level][1][0] > 0.5  # the front points up


def _stand_on(anatomy: Anatomy, sk: Skeleton, posture: PostureData,
              contacts: list[Contact]) -> tuple[Skeleton, set[int]]:
    feet = {i: c for i, c in enumerate(contacts) if c.part in ("foot", "heel", "toes")}
    targets = {c.target for c in feet.values()}
    covered = {side for c in feet.values() for side in c.sides}
    if len(targets) != 1 or covered != set(SIDES) or "feet" not in posture.support:
        return sk, set()
    height = level_height(anatomy.body, next(iter(targets)), None)
    if not height:
        return sk, set()
    return sk.moved((0.0, height, 0.0)), set(feet)


def _settle(anatomy: Anatomy, sk: Skeleton, field: tuple[object, ...]) -> tuple[Skeleton, Optional[Trouble]]:
    """Nothing sinks through the floor: if a hand or the head reaches below it, lift the body, and say so
    when that lifts it off what it rests on."""
    every = pieces(anatomy.body, sk)
    low = lowest(every)
    if low >= 0:
        return sk, None
    if -low <= TOLERANCE:
        return sk.moved((0.0, -low, 0.0)), None
    part = min(every, key=lambda piece: lowest([piece])).part.replace("_", " ")
    return sk.moved((0.0, -low, 0.0)), Trouble(field, f"the {part} reaches {-low * 170:.0f} cm below the floor, "
                                                      "lifting the body off what it rests on; bend it up clear of "
                                                      "the floor")


def _pose_field(figure: Figure, pose: Pose) -> tuple[object, ...]:
    frame = next((i for i, f in enumerate(figure.frames) if f.pose is pose), None)
    return ("frames", frame, "pose") if frame is not None else ("pose",)


def _seat_height(anatomy: Anatomy, sk: Skeleton) -> float:
    hips = (sk.points["left_hip"], sk.points["right_hip"])
    return lowest(trunk(anatomy.body, sk)[:2] + [p for p in _legs(anatomy, sk) if p.start in hips])


def _meet(anatomy: Anatomy, sk: Skeleton, contact: Contact, setting: Setting, field: tuple[object, ...],
          troubles: list[Trouble]) -> Skeleton:
    if contact.part in ARM_PARTS:
        return _grip(anatomy, sk, contact, setting, field, troubles)
    if contact.part in LEG_PARTS and contact.part != "knee":
        height = level_height(anatomy.body, contact.target, setting.seat)
        if height is not None:
            return _step(anatomy, sk, contact, height, field, troubles)
    return sk


def _grip(anatomy: Anatomy, sk: Skeleton, contact: Contact, setting: Setting, field: tuple[object, ...],
          troubles: list[Trouble]) -> Skeleton:
    maker = grips_for(anatomy.body, contact, setting.seat)
    if maker is None:
        return sk
    raised = raised_hand(sk, contact, level_height(anatomy.body, contact.target, setting.seat))
    if raised:
        troubles.append(Trouble(field, raised))
        return sk
    try:
        placed = grip_hands(anatomy.body, sk, maker(anatomy.body, sk, setting))
    except NeedsSeat:
        troubles.append(Trouble(field, f"'{contact.text}' needs a seat: use the sitting posture"))
        return sk
    except Unreachable as exc:
        troubles.append(Trouble(field, f"the {_hands(contact)} cannot reach for '{contact.text}' "
                                       f"({exc.short * 170:.0f} cm short); change the pose so "
                                       f"{'it is' if len(contact.sides) == 1 else 'they are'} closer, "
                                       "or leave this contact out"))
        return sk
    bent = [side for side in too_bent(placed, 150.0) if side in contact.sides]
    if bent:
        troubles.append(Trouble(field, f"'{contact.text}' would bend the {' and '.join(bent)} elbow past 150 "
                                       "degrees; move the arms so the hands are farther from the shoulders"))
    return placed


def _hands(contact: Contact) -> str:
    return f"{contact.sides[0]} hand" if len(contact.sides) == 1 else "hands"


def _step(anatomy: Anatomy, sk: Skeleton, contact: Contact, height: float, field: tuple[object, ...],
          troubles: list[Trouble]) -> Skeleton:
    """Bend each leg the contact names so its heel, toes or sole rests on the level top at ``height``."""
    for side in contact.sides:
        if contact.part == "foot":
            sk = flat_foot(anatomy.body, sk, side)
        p = sk.points
        low = resting_low(anatomy.body, sk, contact.part, side)
        ankle = (p[f"{side}_ankle"][0], p[f"{side}_ankle"][1] + height - low, p[f"{side}_ankle"][2])
        hint = add(unit(sub(p[f"{side}_knee"], lerp(p[f"{side}_hip"], p[f"{side}_ankle"], 0.5))), (0.0, 0.5, 0.0))
        try:
            sk = place_foot(anatomy.body, sk, side, _within_reach(anatomy, sk, side, ankle), hint)
        except Unreachable as exc:
            what = "foot" if contact.part == "foot" else contact.part
            troubles.append(Trouble(field, f"the {side} {what} cannot reach for '{contact.text}' "
                                           f"({exc.short * 170:.0f} cm short); bend the hip or knee toward it, "
                                           "or leave this contact out"))
    return sk


def _within_reach(anatomy: Anatomy, sk: Skeleton, side: str, ankle: tuple[float, float, float]) -> tuple[float, float, float]:
    """The ankle's target, pulled in level toward the hip when the leg is too short for it."""
    hip = sk.points[f"{side}_hip"]
    reach = (anatomy.body.leg.thigh + anatomy.body.leg.shank) * 0.999
    drop = (hip[1] - ankle[1]) ** 2
    out = ((ankle[0] - hip[0]) ** 2 + (ankle[2] - hip[2]) ** 2) ** 0.5
    if drop >= reach ** 2 or out ** 2 + drop <= reach ** 2 or out < 1e-9:
        return ankle
    keep = (reach ** 2 - drop) ** 0.5 / out
    return (hip[0] + (ankle[0] - hip[0]) * keep, ankle[1], hip[2] + (ankle[2] - hip[2]) * keep)


def _feet_down(anatomy: Anatomy, sk: Skeleton, posture: PostureData, contacts: list[Contact],
               troubles: list[Trouble]) -> Skeleton:
    """A body raised onto a ball or bed with its posture's feet on the floor keeps them there."""
    lifted = _index(contacts, lambda c: c.part in TRUNK_PARTS and c.target in LIFTING)
    if lifted is None or "feet" not in posture.support or any(c.part in LEG_PARTS for c in contacts):
        return sk
    feet = read_contact("feet-on-floor")
    return _step(anatomy, sk, feet, 0.0, ("contacts", lifted), troubles)
