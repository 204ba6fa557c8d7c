"""Forward kinematics: joint angles in clinical words to points in space.

Axes: x points forward from the standing figure, y up, z to its right. Each side's limbs are computed as
for the right side and mirrored, so a symmetric pose gives exactly mirrored points.
"""

from __future__ import annotations

from typing import Optional

from ..base.record import Record
from ..model.figure import Pose
from ..model.anatomy import Body, PostureData
from .vectors import MIRROR, Matrix, Vec, about_x, about_y, about_z, add, apply, compose, mirrored

SIDES = ("left", "right")
SPINE = ("lumbar", "thoracic", "upper_thoracic", "neck", "head")


class Skeleton:
    """Named points and the frames of the trunk's levels; moved and turned as one body."""

    def __init__(self, points: dict[str, Vec], frames: dict[str, Matrix]):
        self.points, self.frames = points, frames
        # What is worked out from these points (the surface's pieces) and asked for again and again while a
        # frame is solved, checked and drawn; the points never change once made, so neither does it.
        self.derived: dict[object, object] = {}

    def moved(self, offset: Vec) -> Skeleton:
        return Skeleton({name: add(p, offset) for name, p in self.points.items()}, dict(self.frames))

    def with_points(self, **points: Vec) -> Skeleton:
        return Skeleton({**self.points, **points}, self.frames)


def value(joint: Optional[Record], positive: str, negative: Optional[str] = None) -> float:
    """A signed angle from a joint record: ``positive`` minus ``negative``, unset as zero."""
    if joint is None:
        return 0.0
    amount = getattr(joint, positive) or 0.0
    return amount - (getattr(joint, negative) or 0.0) if negative else amount


def spine_turn(joint: Optional[Record], rest: float = 0.0) -> Matrix:
    """A trunk or neck level: flexion bends forward, side bend to the right, rotation to the right."""
    flexion = rest + value(joint, "flexion", "extension")
    side_bend, rotation = value(joint, "side_bend"), value(joint, "rotation")
    return compose(about_y(-rotation), compose(about_x(side_bend), about_z(-flexion)))


def root_turn(posture: PostureData, pose: Pose) -> Matrix:
    base = compose(about_y(posture.yaw), compose(about_x(posture.roll), about_z(-posture.pitch)))
    return compose(base, spine_turn(pose.pelvis))


def forward(body: Body, posture: PostureData, pose: Pose) -> Skeleton:
    """Every joint's position with the pelvis centre at the origin."""
    points: dict[str, Vec] = {"pelvis": (0.0, 0.0, 0.0)}
    frames: dict[str, Matrix] = {"pelvis": root_turn(posture, pose)}
    here, frame = add((0.0, 0.0, 0.0), apply(frames["pelvis"], (0.0, body.spine.pelvis, 0.0))), frames["pelvis"]
    points["hips"] = apply(frame, (0.0, -body.hips_down, 0.0))
    for level in SPINE:
        points[level] = here
        frame = compose(frame, spine_turn(getattr(pose, level), getattr(body.rest, level)))
        frames[level] = frame
        here = add(here, apply(frame, (0.0, getattr(body.spine, level), 0.0)))
    points["skull"] = points["head"]
    points["head"] = here
    for side in SIDES:
        _arm(body, pose, side, points, frames)
        _leg(body, pose, side, points, frames)
    return Skeleton(points, frames)


def _sided(side: str, m: Matrix) -> Matrix:
    return m if side == "right" else mirrored(m)


def _out(side: str, v: Vec) -> Vec:
    return v if side == "right" else apply(MIRROR, v)


def _arm(body: Body, pose: Pose, side: str, points: dict[str, Vec], frames: dict[str, Matrix]) -> None:
    trunk = frames["upper_thoracic"]
    blade = getattr(pose, f"{side}_scapula")
    glide = compose(about_y(value(blade, "protraction", "retraction")), about_x(-value(blade, "elevation", "depression")))
    offset = (body.shoulder.forward, -body.shoulder.down, body.shoulder.out)
    shoulder = add(points["neck"], apply(trunk, _out(side, apply(glide, offset))))
    joint = getattr(pose, f"{side}_shoulder")
    local = compose(about_y(value(joint, "horizontal_adduction", "horizontal_abduction")),
                    compose(about_z(value(joint, "flexion", "extension")),
                            compose(about_x(-value(joint, "abduction", "adduction")),
                                    about_y(value(joint, "internal_rotation", "external_rotation")))))
    arm = compose(trunk, _sided(side, local))
    elbow = add(shoulder, apply(arm, (0.0, -body.arm.upper, 0.0)))
    forearm = compose(arm, about_z(value(getattr(pose, f"{side}_elbow"), "flexion", "extension")))
    wrist = add(elbow, apply(forearm, (0.0, -body.arm.forearm, 0.0)))
    hand = compose(forearm, about_z(value(getattr(pose, f"{side}_wrist"), "flexion", "extension")))
    tip = add(wrist, apply(hand, (0.0, -body.arm.hand, 0.0)))
    points.update({f"{side}_shoulder": shoulder, f"{side}_elbow": elbow, f"{side}_wrist": wrist, f"{side}_hand": tip})
    frames[f"{side}_arm"] = arm


def _leg(body: Body, pose: Pose, side: str, points: dict[str, Vec], frames: dict[str, Matrix]) -> None:
    pelvis = frames["pelvis"]
    hip = apply(pelvis, _out(side, (0.0, 0.0, body.hip_out)))
    joint = getattr(pose, f"{side}_hip")
    local = compose(about_z(value(joint, "flexion", "extension")),
                    compose(about_x(-value(joint, "abduction", "adduction")),
                            about_y(value(joint, "internal_rotation", "external_rotation"))))
    thigh = compose(pelvis, _sided(side, local))
    knee = add(hip, apply(thigh, (0.0, -body.leg.thigh, 0.0)))
    shank = compose(thigh, about_z(-value(getattr(pose, f"{side}_knee"), "flexion")))
    ankle = add(knee, apply(shank, (0.0, -body.leg.shank, 0.0)))
    foot = compose(shank, about_z(value(getattr(pose, f"{side}_ankle"), "dorsiflexion", "plantarflexion")))
    heel = add(ankle, apply(foot, (-body.leg.heel, -body.leg.ankle + body.leg.radii[4], 0.0)))
    toe = add(ankle, apply(foot, (body.leg.toe, -body.leg.ankle + body.leg.radii[5], 0.0)))
    points.update({f"{side}_hip": hip, f"{side}_knee": knee, f"{side}_ankle": ankle, f"{side}_heel": heel,
                   f"{side}_toe": toe})
    frames[f"{side}_thigh"] = thigh
