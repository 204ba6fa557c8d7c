"""Where the figure is seen from: a rotation taking body space to the page, x right, y up, z toward the eye."""

from __future__ import annotations

import math

from ..model.figure import View
from .flat import Point
from .vectors import Matrix, Vec, about_x, about_y, about_z, apply, compose

TURNS = {"side": 0.0, "three-quarter": -40.0, "front": -90.0, "back": 90.0}  # degrees round the vertical


def camera(view: View, turn: float, heading: Vec, elevation: float = 0.0) -> Matrix:
    """Seen from above, a figure lies head-up on the page (along ``heading``), and ``turn`` turns the picture
    on the page: 90 lays it head to the left. Otherwise ``elevation`` raises the eye above the floor's level,
    looking down by that many degrees."""
    if view != "top":
        return compose(about_x(elevation), about_y(TURNS[view] - turn))
    above = about_x(90.0)
    x, y, _ = apply(above, heading)
    return compose(about_z(90.0 + turn - math.degrees(math.atan2(y, x))), above)


def flat(eye: Matrix, point: Vec) -> Point:
    x, y, _ = apply(eye, point)
    return (x, y)


def depth(eye: Matrix, point: Vec) -> float:
    return apply(eye, point)[2]
