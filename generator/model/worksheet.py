"""A worksheet as its author writes it: which exercises, in what order, with what changes."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Optional, Union

from pydantic import Discriminator, Field, Tag, model_validator

from .common import Strict, Text
from .exercise import Dosage, Exercise, Stage, Variation
from .layout import Clinic

Language = Literal["en", "es", "fr", "de", "pt", "it"]


def _entry_kind(value: Any) -> str:
    return "inline" if isinstance(value, dict) else "id"


# An entry names a library exercise by id, or defines a one-off exercise in place.
ExerciseRef = Annotated[
    Union[Annotated[Text, Tag("id")], Annotated[Exercise, Tag("inline")]],
    Discriminator(_entry_kind),
]


class Entry(Strict):
    exercise: ExerciseRef
    dosage: Dosage = Dosage()
    note: Optional[Text] = None
    variations: list[Variation] = []  # added to the exercise's own
    progression: Optional[list[Stage]] = None  # replaces the exercise's own

    @model_validator(mode="before")
    @classmethod
    def _bare_id(cls, value: Any) -> Any:
        return {"exercise": value} if isinstance(value, str) else value


class Section(Strict):
    heading: Text
    intro: Optional[Text] = None
    exercises: Annotated[list[Entry], Field(min_length=1)]


class Log(Strict):
    """The tracking log: a grid of days to tick, and a pain score for each day."""

    weeks: Annotated[int, Field(ge=1, le=12)] = 2


class Notes(Strict):
    lines_per_exercise: Optional[Annotated[int, Field(ge=0, le=20)]] = None
    lines_at_end: Optional[Annotated[int, Field(ge=0, le=40)]] = None


class Worksheet(Strict):
    title: Text
    subtitle: Optional[Text] = None
    intro: Optional[Text] = None
    layout: Text = "standard"
    exercises: Optional[Annotated[list[Entry], Field(min_length=1)]] = None
    sections: Optional[Annotated[list[Section], Field(min_length=1)]] = None
    closing: Optional[Text] = None
    stop_if: list[Text] = []  # "Stop and call your clinician if ..."
    order: Literal["as-written", "by-position"] = "as-written"
    log: Optional[Log] = None
    notes: Notes = Notes()
    language: Optional[Language] = None  # of the handout's fixed words: en, es, fr, de, pt or it
    disclaimer: Optional[Text] = None
    clinic: Optional[Clinic] = None
    tags: list[Text] = []

    @model_validator(mode="after")
    def _exercises_or_sections(self) -> "Worksheet":
        if (self.exercises is None) == (self.sections is None):
            raise ValueError("give either 'exercises' or 'sections', not both and not neither")
        return self
