"""A figure block to a picture: each frame solved, seen through one camera, with its arrow and shading."""

from __future__ import annotations

import math
from typing import NamedTuple, Optional

from ..model.anatomy import Anatomy
from ..model.figure import Figure, Frame, Pose
from .arrows import arrow, moving_part
from .camera import camera, flat
from .checks import figure_troubles
from .draw import Layer, Panel, far_limbs, outline_of, project
from .flat import Polygon, bounds, hull
from .scene import Scene, Trouble
from .skeleton import Skeleton
from .solve import solve
from .vectors import Matrix, Vec

GHOST = 0.06  # a moving part that shifts less than this between frames, in body heights, leaves a ghost
PLANE = 4.0  # degrees of elevation from which the floor is drawn as a plane, not a line


class Picture(NamedTuple):
    panels: tuple[Panel, ...]
    troubles: tuple[Trouble, ...]  # each with its field path inside the figure block


def picture(anatomy: Anatomy, figure: Figure) -> Picture:
    frames = figure.pictures()
    scenes = [_frame_scene(anatomy, figure, frame, index) for index, frame in enumerate(frames)]
    eye = camera(figure.view, figure.turn, _heading(scenes[0].skeleton), figure.elevation)
    kept = [frame for frame in frames if not frame.dont]
    panels, troubles = [], [t for scene in scenes for t in scene.troubles]
    troubles += figure_troubles(anatomy, figure, frames, scenes)
    previous: Optional[Scene] = None
    shown = [scene for frame, scene in zip(frames, scenes) if not frame.dont] or scenes
    far = far_limbs(anatomy, shown[0], eye)  # as in frame 1 throughout: one figure
    for index, (frame, scene) in enumerate(zip(frames, scenes)):
        moving = moving_part(frame.arrow) if frame.arrow else None
        start = None
        if frame.arrow is not None:
            start = previous if previous is not None and not frame.dont else \
                _solve(anatomy, figure.framed(frame), Pose(), rest=True)
        ghost = _ghost(anatomy, start, scene, eye, moving) if previous is not None and start is previous else ()
        layers = project(anatomy, scene, eye, list(frame.feel), far - {moving}, ghost)
        if frame.arrow is not None and start is not None:
            layers.extend(_arrow_layer(anatomy, start, scene, frame, eye, figure, index, troubles))
        ground = _ground(layers, scenes, eye, figure) if figure.view != "top" else None
        if ground is not None:
            layers.insert(0, ground)
        number = kept.index(frame) + 1 if len(kept) == 2 and not frame.dont else None
        panels.append(Panel(tuple(layers), number, frame.dont))
        if not frame.dont:
            previous = scene
    if figure.close_up is not None:
        window = _window(anatomy, figure.close_up, scenes, eye)
        panels = [panel._replace(window=window) for panel in panels]
    return Picture(tuple(panels), tuple(_unique(troubles)))


def _window(anatomy: Anatomy, close_up: str, scenes: list[Scene], eye: Matrix) -> tuple[float, float, float, float]:
    """The box round the close-up's joints in every frame, so the frames share one size and floor line."""
    close_ups = anatomy.body.close_ups
    seen = [flat(eye, scene.skeleton.points[name]) for scene in scenes for name in close_ups.of(close_up)]
    margin = close_ups.margin
    return (min(x for x, _ in seen) - margin, min(y for _, y in seen) - margin,
            max(x for x, _ in seen) + margin, max(y for _, y in seen) + margin)


def _arrow_layer(anatomy: Anatomy, start: Scene, scene: Scene, frame: Frame, eye: Matrix, figure: Figure,
                 index: int, troubles: list[Trouble]) -> list[Layer]:
    assert frame.arrow is not None
    path = arrow(start.skeleton, scene.skeleton, frame.arrow, frame.path, eye, anatomy.body)
    if path:
        return [Layer("two-way-arrow" if frame.path.endswith("back-and-forth") else "arrow", (path,))]
    field = ("frames", index, "arrow") if figure.frames else ("arrow",)
    troubles.append(Trouble(field, "the movement runs straight toward the eye and cannot be shown; "
                                   "choose another view or turn"))
    return []


def _ghost(anatomy: Anatomy, before: Optional[Scene], after: Scene, eye: Matrix,
           moving: Optional[str]) -> tuple[Polygon, ...]:
    """Where the moving part was, when it moved so little the two frames would look alike."""
    if before is None or moving is None:
        return ()
    shift = max(math.dist(flat(eye, before.skeleton.points[name]), flat(eye, after.skeleton.points[name]))
                for name in _points_of(moving, after.skeleton))
    return outline_of(anatomy, before, eye, moving) if 0.004 < shift < GHOST else ()


def _points_of(part: str, sk: Skeleton) -> list[str]:
    if part == "head":
        return ["head", "skull"]
    if part == "body":
        return [name for name in sk.points if not name.startswith(("left_", "right_"))]
    side, limb = part.split("_")
    joints = ("shoulder", "elbow", "wrist", "hand") if limb == "arm" else ("hip", "knee", "ankle", "heel", "toe")
    return [f"{side}_{joint}" for joint in joints]


def _heading(sk: Skeleton) -> Vec:
    """Which way the body runs along the floor, from the pelvis, so a bent spine does not tilt a top view;
    the way it faces when the pelvis stands upright."""
    pelvis = sk.frames["pelvis"]
    up = (pelvis[0][1], pelvis[1][1], pelvis[2][1])
    if up[0] ** 2 + up[2] ** 2 > 0.1:
        return up
    return (pelvis[0][0], pelvis[1][0], pelvis[2][0])


def _ground(layers: list[Layer], scenes: list[Scene], eye: Matrix, figure: Figure) -> Optional[Layer]:
    """The floor line under the figure and everything round it; seen from above the floor's level, the
    floor as a plane round the body's footprint in every frame (one plane, so the frames share it), or
    nothing where a mat already shows the floor."""
    if abs(figure.elevation) < PLANE:
        x0, _, x1, _ = bounds([o for layer in layers for o in layer.outlines])
        return Layer("ground", (((x0 - 0.05, 0.0), (x1 + 0.05, 0.0)),))
    if "mat" in figure.props:
        return None
    xs = [p[0] for scene in scenes for p in scene.skeleton.points.values()]
    zs = [p[2] for scene in scenes for p in scene.skeleton.points.values()]
    corners = [(x, 0.0, z) for x in (min(xs) - 0.12, max(xs) + 0.12) for z in (min(zs) - 0.12, max(zs) + 0.12)]
    return Layer("floor", (hull([flat(eye, c) for c in corners]),))


def _frame_scene(anatomy: Anatomy, figure: Figure, frame: Frame, index: int) -> Scene:
    """One frame solved; a trouble with a contact the frame gives itself is put at that frame's list."""
    scene = _solve(anatomy, figure.framed(frame), frame.pose)
    if not frame.contacts:
        return scene
    moved = tuple(t._replace(field=("frames", index, *t.field)) if t.field[:1] == ("contacts",) else t
                  for t in scene.troubles)
    return scene._replace(troubles=moved)


def _solve(anatomy: Anatomy, figure: Figure, pose: Pose, rest: bool = False) -> Scene:
    return solve(anatomy, figure.replace(pose=Pose()) if rest else figure, pose)


def _unique(troubles: list[Trouble]) -> list[Trouble]:
    seen, kept = set(), []
    for trouble in troubles:
        if trouble not in seen:
            seen.add(trouble)
            kept.append(trouble)
    return kept
