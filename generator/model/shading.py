"""Where a shaded area sits on the body, as generator/anatomy/shading.yaml describes it: a rounded band along
a stretch of one part, pushed toward one of that part's faces."""

from __future__ import annotations

from typing import Literal

from ..base.record import Record
from .figure import REGIONS
from .rules import Invalid

Part = Literal["trunk", "neck", "arm", "leg"]


class Area(Record):
    part: Part  # the outline it is clipped to
    along: list[str]  # two points: trunk levels, or a limb's joints without their side
    start: float = 0.25  # share of the way from the first point to the second
    end: float = 0.75
    forward: float = 0.0  # toward the part's front, in its half-depth; negative toward its back
    out: float = 0.0  # away from the body's middle, in its half-width; negative toward it
    radius: float  # in body heights

    def verify(self) -> None:
        if len(self.along) != 2:
            raise Invalid("'along' names two points")


def base_names() -> tuple[str, ...]:
    """Every shaded area's name without its side: the names the data file defines."""
    return tuple(sorted({name.removeprefix("left-").removeprefix("right-") for name in REGIONS}))


def sides(region: str) -> tuple[tuple[str, str], ...]:
    """The area a region names and the sides it shades: both for an unsided name that has sided ones, the
    middle ("") for an area with no sides."""
    for side in ("left", "right"):
        if region.startswith(side + "-"):
            return ((region[len(side) + 1:], side),)
    if f"left-{region}" in REGIONS:
        return ((region, "left"), (region, "right"))
    return ((region, ""),)


class Shading(Record):
    areas: dict[str, Area]

    def verify(self) -> None:
        missing = sorted(set(base_names()) - set(self.areas))
        unknown = sorted(set(self.areas) - set(base_names()))
        if missing or unknown:
            raise Invalid(f"shaded areas missing: {missing}; unknown: {unknown}")
