"""Easier and harder variations: described in words, or another exercise from the library."""

from __future__ import annotations

from pathlib import Path

from ..base.errors import Problem
from ..base.suggest import did_you_mean
from ..load.library import Library
from ..load.source import Origin
from ..load.translations import missing_translation, translate
from ..model.choices import SOURCE_LANGUAGE
from ..model.exercise import Variation
from .handout import HandoutVariation


def settle_variations(written: list[tuple[Variation, Origin]], library: Library, language: str, strict: bool,
                      warnings: list[Problem]) -> tuple[tuple[HandoutVariation, ...], list[Problem]]:
    """Each variation with a library exercise looked up, in the handout's language; a problem for each unknown
    id or broken translation. A missing translation prints in English with a warning, or is an error when
    ``strict``."""
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
        files: tuple[Path, ...] = (found.doc.path,)
        if language != SOURCE_LANGUAGE:
            translated, words, translation_problems = translate(exercise, found.doc, language, library.limits)
            problems += translation_problems
            if translated is not None and words is not None:
                exercise, files = translated, (found.doc.path, words.doc.path)
            elif not translation_problems:
                missing = missing_translation(variation.exercise, found.doc, language)
                if strict:
                    problems.append(origin.problem(("exercise",), missing))
                else:
                    warnings.append(origin.problem(("exercise",), f"{missing}; it prints in English").as_warning())
        dosage = exercise.dosage.overridden_by(variation.dosage)
        settled.append(HandoutVariation(level=variation.level, name=exercise.name, text=exercise.summary,
                                        dosage=dosage, origin=origin, equipment=tuple(exercise.equipment),
                                        files=files))
    return tuple(settled), problems
