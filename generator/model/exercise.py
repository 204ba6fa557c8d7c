"""An exercise as the library (or a worksheet, inline) describes it."""

import re
from typing import Annotated, Any, Optional

from ..base.record import Record
from .choices import Level, Position, Side
from .common import Text, WebAddress
from .figure import Figure
from .rules import Before, Invalid, NotEmpty, Range

Count = Annotated[int, Range(1, 1000)]
Seconds = Annotated[int, Range(1, 24 * 3600)]


class Dosage(Record):
    """How much to do. Every field is optional; a handout shows only what is given."""

    sets: Optional[Count] = None
    reps: Optional[Count] = None
    hold_seconds: Optional[Seconds] = None
    rest_seconds: Optional[Seconds] = None
    duration_seconds: Optional[Seconds] = None
    per_day: Optional[Annotated[int, Range(1, 24)]] = None
    per_week: Optional[Annotated[int, Range(1, 50)]] = None
    side: Optional[Side] = None

    def overridden_by(self, other: "Dosage") -> "Dosage":
        """This dosage with every field that ``other`` sets replaced."""
        return self.replace(**other.given())


class Variation(Record):
    """An easier or harder way to do the exercise: described in words, or another library exercise."""

    level: Level
    text: Optional[Text] = None
    exercise: Optional[Text] = None  # a library exercise id
    dosage: Dosage = Dosage()  # the variation's own dose, shown with it

    def verify(self) -> None:
        if (self.text is None) == (self.exercise is None):
            raise Invalid("give either 'text' or 'exercise', not both and not neither")


_WEEKS = re.compile(r"^\s*\d+\s*(?:-\s*\d+|\+)?\s*$")


def parse_weeks(value: Any) -> str:
    """'1-2', '3' or '5+', spaces dropped."""
    if not _WEEKS.match(str(value)):
        raise Invalid(f"expected weeks like '1-2', '3' or '5+', got {str(value)!r}")
    return str(value).replace(" ", "")


class Stage(Record):
    """A dose for a span of weeks: a progression is a list of these."""

    weeks: Annotated[str, Before(parse_weeks)]
    dosage: Dosage


class Exercise(Record):
    name: Text
    summary: Optional[Text] = None
    position: Position = "any"  # a library converted from elsewhere may not say
    equipment: list[Text] = []
    targets: list[Text] = []
    steps: Annotated[list[Text], NotEmpty()]
    dosage: Dosage = Dosage()
    cautions: list[Text] = []
    tips: list[Text] = []
    illustration: Optional[Text] = None  # a picture file: printed instead of the figure
    figure: Optional[Figure] = None
    video: Optional[WebAddress] = None
    variations: list[Variation] = []
    progression: list[Stage] = []
    tags: list[Text] = []


class VariationText(Record):
    text: Optional[Text] = None


class ExerciseTranslation(Record):
    """An exercise's words in another language: the same fields, lists of the same length."""

    name: Optional[Text] = None
    summary: Optional[Text] = None
    equipment: Optional[list[Text]] = None
    targets: Optional[list[Text]] = None
    steps: Optional[list[Text]] = None
    cautions: Optional[list[Text]] = None
    tips: Optional[list[Text]] = None
    variations: Optional[list[VariationText]] = None
