"""New worksheets and exercises, written ready to build: every field of the model with its description as a
comment (read from the model, so the comments never disagree with the schema), and the line that points
editors at the schema."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml

from ..base.errors import InputError, WorksheetError
from ..base.record import Record
from ..base.suggest import did_you_mean
from ..load.locate import LIBRARY_DIR, WORKSHEETS_DIR, is_path, library_dir, project_root, worksheet_names
from ..load.source import display_path, load
from ..model.exercise import Exercise
from ..model.limits import Limits
from ..model.schema import describe, field_docs, file_name, schema_text
from ..model.worksheet import Worksheet
from .output import write_atomically

SCHEMAS_DIR = "schemas"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
# A new exercise's contents: each text reads as an instruction to replace it, and the figure is one that poses.
_EXERCISE_START: dict[str, Any] = {
    "summary": "Replace this with one sentence that says what the exercise is and what it is for.",
    "position": "standing",
    "equipment": [],
    "targets": [],
    "steps": ["Replace this with the first step, written to the client, such as Stand tall with your feet apart.",
              "Replace this with the next step; add or delete steps as needed."],
    "dosage": {"reps": 10, "per_day": 1},
    "cautions": ["Replace this with a warning sign to stop at, or delete the list."],
    "tips": [],
    "figure": {"posture": "standing", "view": "side"},
    "tags": [],
}


def new_worksheet(name: str, exercises: list[str] | None, source: str | None, limits: Limits = Limits(),
                  folder: Path = Path(WORKSHEETS_DIR)) -> Path:
    """Write ``folder/name.yaml``: a worksheet of these exercises, or a copy of ``source``'s fields."""
    target = _target(folder, name)
    values: dict[str, Any] = {"title": _title(name), "layout": "standard"}
    if source is not None:
        values = _fields_of(_find_worksheet(source, target), limits)
    if exercises is not None or source is None:
        values.pop("sections", None)
        values["exercises"] = _known(exercises, target) if exercises is not None else _first(target)
    _write(target, "worksheet", Worksheet, values)
    return target


def new_exercise(exercise_id: str, folder: Path = Path(WORKSHEETS_DIR) / LIBRARY_DIR) -> Path:
    """Write ``folder/exercise_id.yaml``: an exercise that builds, its texts saying what to write in them."""
    target = _target(folder, exercise_id)
    _write(target, "exercise", Exercise, {"name": _title(exercise_id), **_EXERCISE_START})
    return target


def schema_reference(path: Path, kind: str) -> str:
    """The first line of a file of this kind at ``path``: the project's schema, relative to the file's folder."""
    schemas = project_root(path.parent) / SCHEMAS_DIR / file_name(kind)
    relative = Path(os.path.relpath(schemas, path.parent.resolve())).as_posix()
    return f"# yaml-language-server: $schema={relative}"


def _target(folder: Path, name: str) -> Path:
    if not _NAME.match(name) or name.endswith((".yaml", ".yml")):
        raise WorksheetError(f"'{name}' is not a name for a file; use letters, digits and dashes, such as "
                             "'neck-routine'")
    target = folder / f"{name}.yaml"
    if target.exists():
        raise WorksheetError(f"{display_path(target)}: already exists; choose another name, or delete it first")
    return target


def _title(name: str) -> str:
    words = re.sub(r"[-_.]+", " ", name).strip()
    return words[:1].upper() + words[1:]


def _library_ids(target: Path) -> list[str]:
    library = library_dir(target, Limits())
    return sorted(path.stem for path in library.glob("*.yaml")) if library is not None else []


def _known(exercises: list[str], target: Path) -> list[str]:
    """The ids as given, each one in the library; else every unknown one, with a suggestion."""
    ids = _library_ids(target)
    unknown = [f"--exercises: unknown exercise '{each}'{did_you_mean(each, ids)}"
               for each in exercises if each not in ids]
    if not exercises:
        unknown = ["--exercises names no exercise; give ids separated by commas, such as chin-tuck,cat-dog"]
    if unknown:
        raise WorksheetError("\n".join(unknown))
    return exercises


def _first(target: Path) -> list[str]:
    """A worksheet needs an exercise to build: the library's first, to replace."""
    ids = _library_ids(target)
    if not ids:
        raise WorksheetError("no exercise library found (worksheets/exercises/); create an exercise first with "
                             "`worksheet new exercise ID`, or give --exercises")
    return ids[:1]


def _find_worksheet(source: str, target: Path) -> Path:
    path = Path(source)
    if is_path(source) and path.is_file():
        return path
    names = worksheet_names(target, Limits())
    if source in names:
        return names[source]
    raise WorksheetError(f"unknown worksheet '{source}'{did_you_mean(source, names)}")


def _fields_of(path: Path, limits: Limits) -> dict[str, Any]:
    doc = load(path, limits)
    if not isinstance(doc.data, dict):
        raise InputError([doc.problem((), "expected a mapping of fields")])
    return dict(doc.data)


def _write(target: Path, kind: str, model: type[Record], values: dict[str, Any]) -> None:
    """Every field of the model in its order: given ones under their description, the rest as comments."""
    docs = field_docs(model)
    lines = [schema_reference(target, kind), f"# {describe(model)}", ""]
    for name in model.field_names:
        if name in values:
            lines.append(f"# {docs[name]}")
            lines.append(yaml.dump({name: values[name]}, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                                   width=110).rstrip())
        else:
            lines.append(f"# {name} (optional): {docs[name]}")
    write_atomically(target, ("\n".join(lines) + "\n").encode("utf-8"))
    _ensure_schema(target, kind)


class _Dumper(yaml.SafeDumper):
    """Safe dumping, with list items indented under their key as the shipped files have them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def _ensure_schema(target: Path, kind: str) -> None:
    """The schema the new file points at, written into the project if it has none yet."""
    path = project_root(target.parent) / SCHEMAS_DIR / file_name(kind)
    if not path.exists():
        write_atomically(path, schema_text(kind).encode("utf-8"))
