"""What a solved frame holds: the body, the props placed round it, and what could not be done."""

from __future__ import annotations

from typing import NamedTuple, Optional, Union

from .skeleton import Skeleton
from .vectors import Vec


class Box(NamedTuple):
    low: Vec
    high: Vec


class Ball(NamedTuple):
    centre: Vec
    radius: float


class Rod(NamedTuple):
    """A cylinder: foam roller, bar or post."""

    start: Vec
    end: Vec
    radius: float


class Strap(NamedTuple):
    """A towel or band: a line through points, drawn with a width."""

    points: tuple[Vec, ...]
    width: float


Solid = Union[Box, Ball, Rod, Strap]


class PropShape(NamedTuple):
    prop: str
    solid: Solid
    in_front: bool = False  # drawn over the figure (a towel in the hands), not behind it


class Trouble(NamedTuple):
    """Something wrong with a figure: which entry of its block, and what to do about it. An error stops the
    handout; a warning is said, and the figure is drawn."""

    field: tuple[object, ...]
    message: str
    severity: str = "error"


class Scene(NamedTuple):
    skeleton: Skeleton
    props: tuple[PropShape, ...]
    seat: Optional[float]  # the chair seat's height, when the figure sits on one
    troubles: tuple[Trouble, ...]
