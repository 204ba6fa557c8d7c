"""An exercise as the library (or a worksheet, inline) describes it."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, Optional

from pydantic import Field, HttpUrl, field_validator, model_validator

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


class Variation(Strict):
    """An easier or harder way to do the exercise: described in words, or another library exercise."""

    level: Literal["easier", "harder"]
    text: Optional[Text] = None
    exercise: Optional[Text] = None  # a library exercise id
    dosage: Dosage = Dosage()  # the variation's own dose, shown with it

    @model_validator(mode="after")
    def _text_or_exercise(self) -> "Variation":
        if (self.text is None) == (self.exercise is None):
            raise ValueError("give either 'text' or 'exercise', not both and not neither")
        return self


_WEEKS = re.compile(r"^\s*\d+\s*(?:-\s*\d+|\+)?\s*$")


class Stage(Strict):
    """A dose for a span of weeks: a progression is a list of these."""

    weeks: Text
    dosage: Dosage

    @field_validator("weeks", mode="before")
    @classmethod
    def _weeks(cls, value: Any) -> Any:
        if not _WEEKS.match(str(value)):
            raise ValueError(f"expected weeks like '1-2', '3' or '5+', got {str(value)!r}")
        return str(value).replace(" ", "")


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
    variations: list[Variation] = []
    progression: list[Stage] = []
    tags: list[Text] = []


class VariationText(Strict):
    text: Optional[Text] = None


class ExerciseTranslation(Strict):
    """An exercise's words in another language: the same fields, lists of the same length."""

    name: Optional[Text] = None
    summary: Optional[Text] = None
    equipment: Optional[list[Text]] = None
    targets: Optional[list[Text]] = None
    steps: Optional[list[Text]] = None
    cautions: Optional[list[Text]] = None
    tips: Optional[list[Text]] = None
    variations: Optional[list[VariationText]] = None
