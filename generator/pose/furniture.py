"""The shapes of the things a figure stands at, sits or lies on: chair, step, table, bed, wall, door frame."""

from __future__ import annotations

from ..model.anatomy import Block, DoorFrame
from .scene import Box, PropShape
from .vectors import Vec

LEG = 0.025  # a table's or chair's leg, square


def chair(back_x: float, front_x: float, seat: float, rest_top: float | None, facing: int = 1,
          z: float = 0.0) -> list[PropShape]:
    """A plain chair: seat, four legs and a back rest at its low-x end (``facing`` 1) or its high-x end."""
    thick, half = 0.03, 0.22
    shapes = [PropShape("chair", Box((back_x, seat - thick, z - half), (front_x, seat, z + half)))]
    for x in (back_x + 0.01, front_x - 0.035):
        for side in (-1, 1):
            inner, outer = z + side * (half - 0.035), z + side * (half - 0.01)
            shapes.append(PropShape("chair", Box((x, 0.0, min(inner, outer)), (x + LEG, seat - thick, max(inner, outer)))))
    if rest_top is not None:
        rest_x = back_x if facing == 1 else front_x - 0.03
        shapes.append(PropShape("chair", Box((rest_x, seat, z - half), (rest_x + 0.03, rest_top, z + half))))
    return shapes


def block(prop: str, size: Block, near: float, away: int, z: float, top: float | None = None,
          legs: bool = False) -> list[PropShape]:
    """A step, table or bed whose near edge is at ``near`` (x), running ``away`` (+1 or -1) for its depth."""
    far = near + away * size.depth
    low_x, high_x = min(near, far), max(near, far)
    height = size.height if top is None else top
    half = size.width / 2
    if not legs:
        return [PropShape(prop, Box((low_x, 0.0, z - half), (high_x, height, z + half)))]
    thick = 0.025
    shapes = [PropShape(prop, Box((low_x, height - thick, z - half), (high_x, height, z + half)))]
    for x in (low_x + 0.01, high_x - 0.01 - LEG):
        for edge in (z - half + 0.01, z + half - 0.01 - LEG):
            shapes.append(PropShape(prop, Box((x, 0.0, edge), (x + LEG, height - thick, edge + LEG))))
    return shapes


def span(prop: str, size: Block, xs: list[float], z: float, top: float) -> list[PropShape]:
    """A bed or table under a lying body: as long as the body, or its standard length if that is longer."""
    middle = (min(xs) + max(xs)) / 2
    half = max(size.depth, max(xs) - min(xs) + 0.1) / 2
    return block(prop, size.replace(depth=2 * half), middle - half, 1, z, top, legs=True)


def wall(face: float, axis: int, away: int, centre: Vec, size: Block) -> list[PropShape]:
    """A wall whose face is at ``face`` along x (axis 0) or z (axis 2), its thickness running ``away``."""
    back = face + away * size.depth
    low, high = min(face, back), max(face, back)
    half = size.width / 2
    if axis == 0:
        return [PropShape("wall", Box((low, 0.0, centre[2] - half), (high, size.height, centre[2] + half)))]
    return [PropShape("wall", Box((centre[0] - half, 0.0, low), (centre[0] + half, size.height, high)))]


def door_frame(face: float, away: int, z: float, size: DoorFrame, reach: float) -> list[PropShape]:
    """Two jambs and a lintel, the doorway's plane at ``face`` (x), the frame's depth running ``away``; each
    jamb (with the wall beside it) at least ``reach`` out from the doorway's middle, for arms resting on it."""
    back = face + away * 0.08
    low, high = min(face, back), max(face, back)
    inner = size.width / 2
    outer = max(inner + size.jamb, reach)
    shapes = [PropShape("door-frame", Box((low, 0.0, z + side * inner if side > 0 else z - outer),
                                          (high, size.height, z + outer if side > 0 else z - inner)))
              for side in (-1, 1)]
    shapes.append(PropShape("door-frame", Box((low, size.height, z - outer), (high, size.height + size.jamb, z + outer))))
    return shapes
