"""Checks on solved frames that turn a silently wrong figure into a message: a hand or foot inside the body,
a limb through a prop, a figure that would fall over, and two frames too alike to tell apart in print."""

from __future__ import annotations

import math

from ..model.anatomy import Anatomy
from ..model.figure import Figure, Frame
from .balance import balance_troubles
from .overlap import CM, hand_contacts, placed, prop_troubles, tip_troubles
from .scene import Scene, Trouble
from .vectors import length, sub

SEEN = 0.035  # the least movement seen in print, in body heights: about 1 mm in a 30 mm frame


def figure_troubles(anatomy: Anatomy, figure: Figure, frames: list[Frame], scenes: list[Scene]) -> list[Trouble]:
    """Every check on every solved frame, each trouble at the pose it is about; none while the solver has an
    error of its own, which leaves the body where it could not finish and would only echo it."""
    if any(t.severity == "error" for scene in scenes for t in scene.troubles):
        return []
    troubles: list[Trouble] = []
    for index, scene in enumerate(scenes):
        field = ("frames", index, "pose") if figure.frames else ("pose",)
        troubles += frame_troubles(anatomy, figure.framed(frames[index]), scene, field)
    kept = [scene for frame, scene in zip(frames, scenes) if not frame.dont]
    if figure.frames and len(kept) == 2:
        troubles += alike_troubles(kept[0], kept[1], ("frames", _second_kept(frames)))
    return troubles


def frame_troubles(anatomy: Anatomy, figure: Figure, scene: Scene, field: tuple[object, ...]) -> list[Trouble]:
    body, sk, props, held = anatomy.body, scene.skeleton, placed(scene.props), hand_contacts(list(figure.contacts))
    return [*tip_troubles(body, sk, held, field), *prop_troubles(body, sk, props, held, field),
            *balance_troubles(anatomy, figure, scene, props, field)]


def alike_troubles(first: Scene, second: Scene, field: tuple[object, ...]) -> list[Trouble]:
    """Two frames whose every body point moves less than print can show."""
    moved, name = max(((length(sub(second.skeleton.points[n], p)), n) for n, p in first.skeleton.points.items()
                       if n in second.skeleton.points), default=(math.inf, ""))
    if moved >= SEEN:
        return []
    return [Trouble(field, f"frame 2 moves no part of the body more than {moved * CM:.1f} cm (the "
                           f"{name.replace('_', ' ')} moves most), too little to see in print; make the movement at "
                           f"least {SEEN * CM:.0f} cm (a bigger angle), or draw one picture with an arrow")]


def _second_kept(frames: list[Frame]) -> int:
    return [i for i, frame in enumerate(frames) if not frame.dont][1]
