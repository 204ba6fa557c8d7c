"""The body's segment masses, as generator/anatomy/masses.yaml gives them: what the balance check weighs."""

from __future__ import annotations

from typing import Annotated

from ..base.record import Record
from .rules import Invalid, Range


class Segment(Record):
    name: str
    mass: Annotated[float, Range(0.0, 1.0)]  # a fraction of the body's mass
    along: list[str]  # skeleton points, sided ones without their side
    at: Annotated[float, Range(0.0, 1.0)]  # where its centre of mass lies, as a fraction of the way along
    sided: bool = False

    def verify(self) -> None:
        if len(self.along) < 2:
            raise Invalid("a segment runs along at least two points")


class Masses(Record):
    segments: list[Segment]

    def verify(self) -> None:
        total = sum(s.mass * (2 if s.sided else 1) for s in self.segments)
        if abs(total - 1.0) > 0.005:
            raise Invalid(f"the segments' masses add up to {total:g} of the body, not 1")
