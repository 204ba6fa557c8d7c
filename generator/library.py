"""The exercise library: one YAML file per exercise, its id the file stem."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import limits
from .errors import Problem
from .images import find_image
from .model import Exercise
from .source import Document, Origin, display_path
from .validate import load_and_check


@dataclass(frozen=True)
class LibraryExercise:
    id: str
    exercise: Exercise
    doc: Document
    illustration: Path | None


@dataclass
class Library:
    directory: Path | None
    exercises: dict[str, LibraryExercise] = field(default_factory=dict)
    broken: dict[str, list[Problem]] = field(default_factory=dict)

    @property
    def problems(self) -> list[Problem]:
        return [problem for problems in self.broken.values() for problem in problems]

    def ids(self) -> list[str]:
        return sorted([*self.exercises, *self.broken])

    def describe(self) -> str:
        return display_path(self.directory) if self.directory else "(no exercise library found)"


def load_library(directory: Path | None, allow_outside: bool = False) -> Library:
    """Every exercise in ``directory``; files with problems are left out and their problems kept.

    ``allow_outside`` lets illustrations lie outside the project folder.
    """
    library = Library(directory)
    if directory is None:
        return library
    for path in sorted(directory.glob("*.yaml")):
        exercise, doc, problems = load_and_check(path, Exercise)
        illustration = None
        if exercise is not None and doc is not None:
            illustration, problems = find_illustration(exercise, Origin(doc), allow_outside)
            problems += exercise_limit_problems(exercise, Origin(doc))
        if problems:
            library.broken[path.stem] = problems
        elif exercise is not None and doc is not None:
            library.exercises[path.stem] = LibraryExercise(path.stem, exercise, doc, illustration)
    return library


def find_illustration(exercise: Exercise, origin: Origin, allow_outside: bool) -> tuple[Path | None, list[Problem]]:
    """The illustration file, relative to the YAML file that names it, or a problem saying what is wrong."""
    if exercise.illustration is None:
        return None, []
    path, why = find_image(exercise.illustration, origin, "illustration", allow_outside)
    return path, ([origin.problem(("illustration",), why)] if why else [])


def exercise_limit_problems(exercise: Exercise, origin: Origin) -> list[Problem]:
    limit = limits.current().steps
    if len(exercise.steps) <= limit:
        return []
    message = limits.over("the exercise", f"{len(exercise.steps)} steps", "steps", limit, " steps", "split it in two")
    return [origin.problem(("steps",), message)]
