"""A worksheet as its author writes it: which exercises, in what order, with what changes."""

from typing import Annotated, Any, Optional, Union

from ..base.record import Record
from .choices import Language, Level, Order
from .common import Text
from .exercise import Dosage, Exercise, Stage, Variation
from .layout import Clinic
from .rules import Invalid, NotEmpty, Pick, Range


def _entry_kind(value: Any) -> Any:
    return Exercise if isinstance(value, dict) else Text


# An entry names a library exercise by id, or defines a one-off exercise in place.
ExerciseRef = Annotated[Union[Text, Exercise], Pick(_entry_kind)]


class Entry(Record):
    exercise: ExerciseRef
    dosage: Dosage = Dosage()
    note: Optional[Text] = None
    variations: list[Variation] = []  # added to the exercise's own
    variation: Optional[Level] = None  # print only the exercise's own variations of this level
    progression: Optional[list[Stage]] = None  # replaces the exercise's own

    @classmethod
    def prepare(cls, value: Any) -> Any:
        return {"exercise": value} if isinstance(value, str) else value  # a bare id


class Section(Record):
    heading: Text
    intro: Optional[Text] = None
    exercises: Annotated[list[Entry], NotEmpty()]


class Log(Record):
    """The tracking log: a grid of days to tick, and a pain score for each day."""

    weeks: Annotated[int, Range(1, 12)] = 2


class Notes(Record):
    lines_per_exercise: Optional[Annotated[int, Range(0, 20)]] = None
    lines_at_end: Optional[Annotated[int, Range(0, 40)]] = None


class Worksheet(Record):
    title: Text
    subtitle: Optional[Text] = None
    intro: Optional[Text] = None
    layout: Text = "standard"
    exercises: Optional[Annotated[list[Entry], NotEmpty()]] = None
    sections: Optional[Annotated[list[Section], NotEmpty()]] = None
    closing: Optional[Text] = None
    stop_if: list[Text] = []  # "Stop and call your clinician if ..."
    order: Order = "as-written"
    log: Optional[Log] = None
    notes: Notes = Notes()
    language: Optional[Language] = None  # of the handout's fixed words: en, es, fr, de, pt or it
    disclaimer: Optional[Text] = None
    clinic: Optional[Clinic] = None
    tags: list[Text] = []

    def verify(self) -> None:
        if (self.exercises is None) == (self.sections is None):
            raise Invalid("give either 'exercises' or 'sections', not both and not neither")
