"""Where the figure is seen from: a rotation taking body space to the page, x right, y up, z toward the eye."""

from __future__ import annotations

import math

from ..model.figure import View
from .flat import Point
from .vectors import Matrix, Vec, about_x, about_y, about_z, apply, compose

TURNS = {"side": 0.0, "three-quarter": -40.0, "front": -90.0, "back": 90.0}  # degrees round the vertical


def camera(view: View, turn: float, spine: Vec) -> Matrix:
    """``spine`` (pelvis to neck) keeps a figure seen from above head-up on the page."""
    if view != "top":
        return about_y(TURNS[view] - turn)
    above = compose(about_x(90.0), about_y(-turn))
    x, y, _ = apply(above, spine)
    return compose(about_z(90.0 - math.degrees(math.atan2(y, x))), above)


def flat(eye: Matrix, point: Vec) -> Point:
    x, y, _ = apply(eye, point)
    return (x, y)


def depth(eye: Matrix, point: Vec) -> float:
    return apply(eye, point)[2]
