"""Easier and harder variations: described in words, or another exercise from the library."""

from __future__ import annotations

from ..base.errors import Problem
from ..base.suggest import did_you_mean
from ..load.library import Library
from ..load.source import Origin
from ..load.translations import translate
from ..model.choices import SOURCE_LANGUAGE
from ..model.exercise import Variation
from .handout import HandoutVariation


def settle_variations(written: list[tuple[Variation, Origin]], library: Library,
                      language: str = SOURCE_LANGUAGE) -> tuple[tuple[HandoutVariation, ...], list[Problem]]:
    """Each variation with a library exercise looked up; a problem for each unknown id."""
    settled, problems = [], []
    for variation, origin in written:
        if variation.exercise is None:
            settled.append(HandoutVariation(level=variation.level, name=None, text=variation.text,
                                            dosage=variation.dosage, origin=origin))
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
            exercise = translate(exercise, found.doc, language, library.limits)[0] or exercise
        dosage = exercise.dosage.overridden_by(variation.dosage)
        settled.append(HandoutVariation(level=variation.level, name=exercise.name, text=exercise.summary,
                                        dosage=dosage, origin=origin, equipment=tuple(exercise.equipment)))
    return tuple(settled), problems
