"""The exercise library: one YAML file per exercise, its id the file stem."""

from __future__ import annotations

from pathlib import Path

from ..base.errors import Problem
from ..base.record import Record
from ..model import Exercise
from ..model.limits import Limits, over
from ..pose.picture import Picture
from ..pose.poser import Poser
from .anatomy import read_anatomy
from .images import find_image
from .source import Document, Origin, display_path
from .validate import load_and_check


class LibraryExercise(Record):
    id: str
    exercise: Exercise
    doc: Document
    illustration: Path | None


class Library:
    """The exercises in a folder, each read and checked the first time it is asked for.

    A worksheet uses a handful of a library's exercises; reading only those keeps a build quick
    however large the library grows.
    """

    def __init__(self, directory: Path | None, limits: Limits, allow_outside: bool = False):
        self.directory = directory
        self.limits = limits
        self.allow_outside = allow_outside  # illustrations may lie outside the project folder
        self._files = {path.stem: path for path in sorted(directory.glob("*.yaml"))} if directory else {}
        self._read: dict[str, tuple[LibraryExercise | None, list[Problem]]] = {}
        self.poser = Poser(read_anatomy)  # figures, solved once each

    def __contains__(self, exercise_id: str) -> bool:
        return exercise_id in self._files

    def ids(self) -> list[str]:
        return list(self._files)

    def get(self, exercise_id: str) -> tuple[LibraryExercise | None, list[Problem]]:
        """The exercise, or None and the problems of its file (none if there is no such file)."""
        if exercise_id not in self._files:
            return None, []
        if exercise_id not in self._read:
            self._read[exercise_id] = _read(exercise_id, self._files[exercise_id], self.limits, self.allow_outside)
        return self._read[exercise_id]

    def everything(self) -> list[LibraryExercise]:
        return [found for found, _ in map(self.get, self.ids()) if found is not None]

    def describe(self) -> str:
        return display_path(self.directory, self.limits.root) if self.directory else "(no exercise library found)"


def _read(exercise_id: str, path: Path, limits: Limits, allow_outside: bool) -> tuple[LibraryExercise | None, list[Problem]]:
    exercise, doc, problems = load_and_check(path, Exercise, limits)
    if exercise is None or doc is None:
        return None, problems
    illustration, problems = find_illustration(exercise, Origin(doc=doc), allow_outside, limits)
    problems += exercise_limit_problems(exercise, Origin(doc=doc), limits)
    if problems:
        return None, problems
    return LibraryExercise(id=exercise_id, exercise=exercise, doc=doc, illustration=illustration), []


def solve_figure(exercise: Exercise, origin: Origin, poser: Poser) -> tuple[Picture | None, list[Problem]]:
    """The exercise's figure, solved, and an error at each contact or prop that cannot be met."""
    if exercise.figure is None:
        return None, []
    picture = poser.picture(exercise.figure)
    where = origin.loc + ("figure",)
    problems = []
    for trouble in picture.troubles:
        problem = origin.doc.problem(where + trouble.field, trouble.message)
        problems.append(problem.as_warning() if trouble.severity == "warning" else problem)
    return picture, problems


def find_illustration(exercise: Exercise, origin: Origin, allow_outside: bool,
                      limits: Limits) -> tuple[Path | None, list[Problem]]:
    """The illustration file, relative to the YAML file that names it, or a problem saying why it cannot be found."""
    if exercise.illustration is None:
        return None, []
    path, why = find_image(exercise.illustration, origin, "illustration", allow_outside, limits)
    return path, ([origin.problem(("illustration",), why)] if why else [])


def exercise_limit_problems(exercise: Exercise, origin: Origin, limits: Limits) -> list[Problem]:
    limit = limits.steps
    if len(exercise.steps) <= limit:
        return []
    message = over("the exercise", f"{len(exercise.steps)} steps", "steps", limit, " steps", "split it in two")
    return [origin.problem(("steps",), message)]
