"""Exercises in the handout's language: a library carries one translation file per exercise and language.

``worksheets/exercises/es/chin-tuck.yaml`` holds chin-tuck's words in Spanish: the text fields of the
exercise, with lists of the same length in the same order. The library itself is written in English.
"""

from __future__ import annotations

from pathlib import Path

from ..base.errors import Problem
from ..model import Exercise
from ..model.choices import LANGUAGE_NAMES
from ..model.exercise import ExerciseTranslation
from ..model.limits import Limits
from .source import Document, Origin
from .validate import load_and_check

LIST_FIELDS = ("equipment", "targets", "steps", "cautions", "tips")


def translation_path(source: Path, language: str) -> Path:
    return source.parent / language / source.name


def translate(exercise: Exercise, source: Document, language: str,
              limits: Limits) -> tuple[Exercise | None, Origin | None, list[Problem]]:
    """The exercise in ``language``, where its words are; None when there is no translation file."""
    path = translation_path(source.path, language)
    if not path.is_file():
        return None, None, []
    words, doc, problems = load_and_check(path, ExerciseTranslation, limits)
    if words is None or doc is None:
        return None, None, problems
    problems = mismatches(exercise, words, doc, source)
    if problems:
        return None, None, problems
    update = {field: value for field, value in words.given().items() if field != "variations"}
    if words.variations is not None:
        update["variations"] = [
            variation.replace(text=said.text) if said.text and variation.text else variation
            for variation, said in zip(exercise.variations, words.variations)
        ]
    return exercise.replace(**update), Origin(doc=doc), []


def mismatches(exercise: Exercise, words: ExerciseTranslation, doc: Document, source: Document) -> list[Problem]:
    """A problem for every list whose length differs from the exercise it translates."""
    problems = []
    for field in (*LIST_FIELDS, "variations"):
        translated, original = getattr(words, field), getattr(exercise, field)
        if translated is not None and len(translated) != len(original):
            message = (f"{len(translated)} items here but {len(original)} in {source.display}; "
                       "translate each one, in the same order")
            problems.append(doc.problem((field,), message))
    return problems


def missing_translation(exercise_id: str, source: Document, language: str) -> str:
    """'exercise 'chin-tuck' has no Spanish translation (looked for ...)': what is missing, without what follows."""
    name = LANGUAGE_NAMES.get(language, language)
    return (f"exercise '{exercise_id}' has no {name} translation (looked for "
            f"{translation_path(Path(source.display), language)})")
