"""An exercise as the library (or a worksheet, inline) describes it."""

from __future__ import annotations

from typing import Annotated, Literal, Optional

from pydantic import Field, HttpUrl

from .common import Strict, Text

POSITIONS = (
    "standing",
    "sitting",
    "long-sitting",
    "kneeling",
    "half-kneeling",
    "quadruped",
    "lying",
    "lying-face-down",
    "side-lying",
    "any",
)
Position = Literal[POSITIONS]  # type: ignore[valid-type]
Side = Literal["both", "left", "right", "each", "alternating"]

Count = Annotated[int, Field(ge=1, le=1000)]
Seconds = Annotated[int, Field(ge=1, le=24 * 3600)]


class Dosage(Strict):
    """How much to do. Every field is optional; a handout shows only what is given."""

    sets: Optional[Count] = None
    reps: Optional[Count] = None
    hold_seconds: Optional[Seconds] = None
    rest_seconds: Optional[Seconds] = None
    duration_seconds: Optional[Seconds] = None
    per_day: Optional[Annotated[int, Field(ge=1, le=24)]] = None
    per_week: Optional[Annotated[int, Field(ge=1, le=50)]] = None
    side: Optional[Side] = None

    def overridden_by(self, other: "Dosage") -> "Dosage":
        """This dosage with every field that ``other`` sets replaced."""
        return self.model_copy(update=other.model_dump(exclude_none=True))

    def is_empty(self) -> bool:
        return not self.model_dump(exclude_none=True)


class Exercise(Strict):
    name: Text
    summary: Optional[Text] = None
    position: Position
    equipment: list[Text] = []
    targets: list[Text] = []
    steps: Annotated[list[Text], Field(min_length=1)]
    dosage: Dosage = Dosage()
    cautions: list[Text] = []
    tips: list[Text] = []
    illustration: Optional[Text] = None
    video: Optional[HttpUrl] = None
    tags: list[Text] = []
