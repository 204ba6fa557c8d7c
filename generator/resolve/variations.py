"""Easier and harder variations: described in words, or another exercise from the library."""

from __future__ import annotations


from ..base.errors import Problem
from ..load.library import Library
from ..model import Dosage
from ..model.exercise import Variation
from ..base.record import Record
from ..load.source import Origin
from ..load.translations import SOURCE_LANGUAGE, translate
from ..load.validate import did_you_mean


class HandoutVariation(Record):
    level: str  # "easier" or "harder"
    name: str | None  # the library exercise's name, when the variation is one
    text: str | None
    dosage: Dosage
    origin: Origin  # where the variation was written


def settle_variations(written: list[tuple[Variation, Origin]], library: Library,
                      language: str = SOURCE_LANGUAGE) -> tuple[tuple[HandoutVariation, ...], list[Problem]]:
    """Each variation with a library exercise looked up; a problem for each unknown id."""
    settled, problems = [], []
    for variation, origin in written:
        if variation.exercise is None:
            settled.append(HandoutVariation(variation.level, None, variation.text, variation.dosage, origin))
            continue
        found, broken = library.get(variation.exercise)
        if found is None:
            hint = did_you_mean(variation.exercise, library.ids())
            message = (f"exercise '{variation.exercise}' has problems; see its own file" if variation.exercise in library
                       else f"unknown exercise '{variation.exercise}'{hint}")
            problems += [origin.problem(("exercise",), message), *broken]
            continue
        exercise = found.exercise
        if language != SOURCE_LANGUAGE:
            exercise = translate(exercise, found.doc, language)[0] or exercise
        dosage = exercise.dosage.overridden_by(variation.dosage)
        settled.append(HandoutVariation(variation.level, exercise.name, exercise.summary, dosage, origin))
    return tuple(settled), problems
