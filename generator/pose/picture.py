"""A figure block to a picture: each frame solved, seen through one camera, with its arrow and shading."""

from __future__ import annotations

from typing import NamedTuple, Optional

from ..model.figure import Figure, Pose
from .camera import camera
from .checks import figure_troubles
from ..model.anatomy import Anatomy
from .draw import Layer, Panel, arrow_path, project
from .flat import bounds
from .scene import Scene, Trouble
from .skeleton import Skeleton
from .solve import solve
from .flat import Polygon
from .vectors import Matrix, Vec, add, lerp, scale, sub, unit

ARROW_GAP = 0.07  # how far an arrow keeps from the part it follows, in body heights
ARROW_SHORTEST = 0.13


class Picture(NamedTuple):
    panels: tuple[Panel, ...]
    troubles: tuple[Trouble, ...]  # each with its field path inside the figure block


def picture(anatomy: Anatomy, figure: Figure) -> Picture:
    frames = figure.pictures()
    scenes = [_solve(anatomy, figure, frame.pose) for frame in frames]
    eye = camera(figure.view, figure.turn, _heading(scenes[0].skeleton))
    kept = [frame for frame in frames if not frame.dont]
    panels, troubles = [], [t for scene in scenes for t in scene.troubles]
    troubles += figure_troubles(anatomy, figure, frames, scenes)
    previous: Optional[Scene] = None
    for index, (frame, scene) in enumerate(zip(frames, scenes)):
        layers = project(anatomy.body, scene, eye, list(frame.feel))
        if frame.arrow is not None:
            start = previous if previous is not None and not frame.dont else _solve(anatomy, figure, Pose(), rest=True)
            path = _arrow(start.skeleton, scene.skeleton, frame.arrow, eye, anatomy)
            if path:
                layers.append(Layer("arrow", (path,)))
            else:
                field = ("frames", index, "arrow") if figure.frames else ("arrow",)
                troubles.append(Trouble(field, "the movement runs straight toward the eye and cannot be shown; "
                                               "choose another view or turn"))
        if figure.view != "top":
            layers.insert(0, _ground(layers))
        number = kept.index(frame) + 1 if len(kept) == 2 and not frame.dont else None
        panels.append(Panel(tuple(layers), number, frame.dont))
        if not frame.dont:
            previous = scene
    return Picture(tuple(panels), tuple(_unique(troubles)))


def _heading(sk: Skeleton) -> Vec:
    """Which way the body runs along the floor, from the pelvis, so a bent spine does not tilt a top view;
    the way it faces when the pelvis stands upright."""
    pelvis = sk.frames["pelvis"]
    up = (pelvis[0][1], pelvis[1][1], pelvis[2][1])
    if up[0] ** 2 + up[2] ** 2 > 0.1:
        return up
    return (pelvis[0][0], pelvis[1][0], pelvis[2][0])


def _ground(layers: list[Layer]) -> Layer:
    """The floor line under the figure and everything round it."""
    x0, _, x1, _ = bounds([o for layer in layers for o in layer.outlines])
    return Layer("ground", (((x0 - 0.05, 0.0), (x1 + 0.05, 0.0)),))


def _solve(anatomy: Anatomy, figure: Figure, pose: Pose, rest: bool = False) -> Scene:
    return solve(anatomy, figure.replace(pose=Pose()) if rest else figure, pose)


def _unique(troubles: list[Trouble]) -> list[Trouble]:
    seen, kept = set(), []
    for trouble in troubles:
        if trouble not in seen:
            seen.add(trouble)
            kept.append(trouble)
    return kept


def _arrow(start: Skeleton, end: Skeleton, point: str, eye: Matrix, anatomy: Anatomy) -> Polygon:
    a, pivot, normal_a = _marker(start, point, anatomy)
    b, _, normal_b = _marker(end, point, anatomy)
    normal = unit(lerp(normal_a, normal_b, 0.5))
    shift = scale(normal, ARROW_GAP)
    return arrow_path(add(a, shift), add(b, shift), add(pivot, shift), eye, ARROW_SHORTEST)


def _column(sk: Skeleton, level: str, column: int) -> Vec:
    m = sk.frames[level]
    return (m[0][column], m[1][column], m[2][column])


def _marker(sk: Skeleton, point: str, anatomy: Anatomy) -> tuple[Vec, Vec, Vec]:
    """A body point an arrow follows: where it is, what it turns round, and which way is away from the body."""
    p, body = sk.points, anatomy.body
    depth: dict[str, float] = {s.at: s.depth for s in body.trunk}
    if point == "head":
        up = _column(sk, "head", 1)
        return add(p["head"], scale(up, body.head_radius)), p["neck"], up
    if point == "face":
        front = _column(sk, "head", 0)
        return add(p["head"], scale(front, body.head_radius)), p["neck"], front
    if point in ("chest", "upper-back", "lower-back"):
        level = {"chest": "upper_thoracic", "upper-back": "thoracic", "lower-back": "lumbar"}[point]
        front = _column(sk, level, 0)
        sign = 1.0 if point == "chest" else -1.0
        spot = lerp(p[level], p["upper_thoracic" if level == "thoracic" else "neck" if level == "upper_thoracic"
                                else "thoracic"], 0.5)
        return add(spot, scale(front, sign * depth[level])), p["hips"], scale(front, sign)
    if point == "pelvis":
        return p["pelvis"], lerp(p["left_knee"], p["right_knee"], 0.5), _column(sk, "pelvis", 1)
    side, part = point.split("-")
    joint, pivot, base = {"hand": ("hand", "shoulder", "wrist"), "elbow": ("elbow", "shoulder", "shoulder"),
                          "knee": ("knee", "hip", "hip"), "foot": ("toe", "hip", "ankle")}[part]
    tip = p[f"{side}_{joint}"]
    return tip, p[f"{side}_{pivot}"], unit(sub(tip, p[f"{side}_{base}"]))

