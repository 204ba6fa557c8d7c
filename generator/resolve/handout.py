"""What resolving makes: a handout with nothing left to look up, and a set of them for one booklet."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..base.errors import Problem
from ..base.record import Record
from ..load.source import Origin
from ..model import Dosage, Exercise, Layout, Personal, Worksheet
from ..model.exercise import Stage
from ..model.layout import Clinic
from ..pose.picture import Picture


class HandoutVariation(Record):
    level: str  # "easier" or "harder"
    name: Optional[str]  # the library exercise's name, when the variation is one
    text: Optional[str]
    dosage: Dosage
    origin: Origin  # where the variation was written
    equipment: tuple[str, ...] = ()  # what the library exercise needs, for a set's checklist
    files: tuple[Path, ...] = ()  # the library exercise's files its words come from


class Need(Record):
    """One thing a set's checklist asks for."""

    name: str  # as first written
    titles: tuple[str, ...]  # the worksheets that use it, in the set's order
    optional: bool  # only an easier or harder variation uses it


class HandoutClinic(Record):
    clinic: Clinic
    logo: Optional[Path]
    origin: Origin


class HandoutExercise(Record):
    number: int
    id: str
    exercise: Exercise
    dosage: Dosage
    note: Optional[str]
    illustration: Optional[Path]
    picture: Optional[Picture]  # the figure, solved; drawn when there is no illustration file
    origin: Origin  # where the exercise's fields were written
    entry: Origin  # the worksheet entry that picked it
    variations: tuple[HandoutVariation, ...] = ()
    progression: tuple[Stage, ...] = ()
    client_note: Optional[str] = None
    files: tuple[Path, ...] = ()  # every file its words and numbers come from
    second_name: Optional[str] = None  # a bilingual handout's: the name, steps and cautions in the second language
    second_steps: tuple[str, ...] = ()
    second_cautions: tuple[str, ...] = ()
    second_origin: Optional[Origin] = None  # where the second-language words were written


class HandoutSection(Record):
    heading: Optional[str]
    intro: Optional[str]
    exercises: tuple[HandoutExercise, ...]


class Handout(Record):
    """Everything needed to print one worksheet; nothing left to look up."""

    path: Path
    display: str
    worksheet: Worksheet
    layout: Layout
    sections: tuple[HandoutSection, ...]
    disclaimer: Optional[str]  # None: the tool's own, in the handout's language
    clinic: Optional[HandoutClinic]
    origin: Origin
    layout_origin: Origin
    language: str = "en"
    second_language: Optional[str] = None  # a bilingual handout's: its fixed words printed again in this language
    second_title: Optional[str] = None  # from the worksheet's copy in the second language, where there is one
    second_stop_if: tuple[str, ...] = ()
    second_origin: Optional[Origin] = None  # that copy
    warnings: tuple[Problem, ...] = ()  # said to the user, but the handout is made
    log_weeks: Optional[int] = None  # a tracking log of this many weeks, or none
    notes_per_exercise: int = 0  # ruled lines under each exercise
    notes_at_end: int = 0  # ruled lines in the notes area at the end
    personal: Optional[Personal] = None
    personal_origin: Optional[Origin] = None

    @property
    def exercises(self) -> list[HandoutExercise]:
        return [exercise for section in self.sections for exercise in section.exercises]


class Bundle(Record):
    """Several handouts printed as one booklet, each in its own layout and language."""

    display: str
    title: Optional[str]  # None: the tool's own, in the set's language
    subtitle: Optional[str]
    intro: Optional[str]
    handouts: tuple[Handout, ...]
    disclaimer: Optional[str]
    clinic: Optional[HandoutClinic]
    language: str
    layout: Layout  # the booklet's paper, margins, header and footer
    origin: Origin  # where the title, subtitle, intro and disclaimer were written: a set file or the options
    personal: Optional[Personal] = None  # the client the whole set is for
    personal_origin: Optional[Origin] = None

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(warning for handout in self.handouts for warning in handout.warnings)

    def stop_if(self) -> list[str]:
        """Every worksheet's warning signs, each once (as first written), in the order the set gives them."""
        found: dict[str, str] = {}
        for handout in self.handouts:
            for reason in handout.worksheet.stop_if:
                found.setdefault(" ".join(reason.split()).casefold(), reason)
        return list(found.values())

    def equipment(self) -> list[Need]:
        """Each thing needed, as first written, with the titles of the worksheets that use it; a thing only
        an easier or harder variation uses is optional."""
        titles: dict[str, list[str]] = {}
        names: dict[str, str] = {}
        required: set[str] = set()
        for handout in self.handouts:
            for item in handout.exercises:
                own = [(thing, True) for thing in item.exercise.equipment]
                for thing, needed in own + [(t, False) for v in item.variations for t in v.equipment]:
                    key = thing.casefold()
                    names.setdefault(key, thing)
                    used = titles.setdefault(key, [])
                    if handout.worksheet.title not in used:
                        used.append(handout.worksheet.title)
                    if needed:
                        required.add(key)
        return sorted((Need(name=names[key], titles=tuple(used), optional=key not in required)
                       for key, used in titles.items()), key=lambda need: (need.optional, need.name.casefold()))
