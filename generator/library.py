"""The exercise library: one YAML file per exercise, its id the file stem."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem
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


def load_library(directory: Path | None) -> Library:
    """Every exercise in ``directory``; files with problems are left out and their problems kept."""
    library = Library(directory)
    if directory is None:
        return library
    for path in sorted(directory.glob("*.yaml")):
        exercise, doc, problems = load_and_check(path, Exercise)
        illustration = None
        if exercise is not None and doc is not None:
            illustration, problems = find_illustration(exercise, Origin(doc))
        if problems:
            library.broken[path.stem] = problems
        elif exercise is not None and doc is not None:
            library.exercises[path.stem] = LibraryExercise(path.stem, exercise, doc, illustration)
    return library


def find_illustration(exercise: Exercise, origin: Origin) -> tuple[Path | None, list[Problem]]:
    """The illustration file, relative to the YAML file that names it, or a problem saying it is missing."""
    if exercise.illustration is None:
        return None, []
    path = origin.base_dir() / exercise.illustration
    if not path.is_file():
        where = display_path(path.parent)
        return None, [origin.problem(("illustration",), f"illustration not found: '{exercise.illustration}' (looked in {where})")]
    return path, []
