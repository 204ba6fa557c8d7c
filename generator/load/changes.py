"""One client's changes as written: on the command line or in a CSV row, read into a Personal record.

Both are written as ``<exercise>.<field>`` (``chin-tuck.sets``), ``*.<field>`` for every exercise, and
``<exercise>.note``; each value keeps the option or cell that gave it, so a problem can point there.
"""

from __future__ import annotations

import re
from typing import Any

from ..base.errors import Problem
from ..base.record import Record
from ..base.suggest import did_you_mean
from ..model import Dosage, Personal
from .source import Document, Loc, Mark, from_fields
from .validate import check

DOSAGE_FIELDS = Dosage.field_names
EVERY_EXERCISE = "*"
SKIP_SEPARATORS = re.compile(r"[\s,;]+")


class ClientChanges(Record):
    """One client's changes, and the document they were written in, so that problems point at the option or cell."""

    personal: Personal
    doc: Document


def change_loc(key: str) -> Loc | None:
    """Where ``chin-tuck.sets``, ``*.hold_seconds`` or ``chin-tuck.note`` goes in a Personal; None if nowhere."""
    exercise, dot, field = key.strip().rpartition(".")
    if not dot or not exercise:
        return None
    if field in DOSAGE_FIELDS:
        return ("dosage", field) if exercise == EVERY_EXERCISE else ("exercises", exercise, "dosage", field)
    if field == "note" and exercise != EVERY_EXERCISE:
        return ("exercises", exercise, "note")
    return None


def change_keys_hint(key: str) -> str:
    """A suggestion for a change key that names no field."""
    field = key.rpartition(".")[2]
    return did_you_mean(field, (*DOSAGE_FIELDS, "note")) if "." in key else ""


def skip_ids(text: str) -> list[str]:
    return [part for part in SKIP_SEPARATORS.split(text) if part]


def parse_changes(doc: Document) -> tuple[ClientChanges | None, list[Problem]]:
    personal, problems = check(doc, Personal)
    return (ClientChanges(personal=personal, doc=doc) if personal is not None else None), problems


def command_line_document(values: dict[str, Any], skips: tuple[str, ...], sets: tuple[str, ...],
                          notes: tuple[str, ...]) -> tuple[Document, list[Problem]]:
    """The client options of `worksheet build` as a document, each value marked with the option that gave it."""
    fields = _option_fields(values)
    problems: list[Problem] = []
    for i, exercise_id in enumerate(skips):
        fields.append((("skip", i), exercise_id, _option(f"--skip {exercise_id}"), ""))
    for given, option in [*((s, "--set") for s in sets), *((n, "--exercise-note") for n in notes)]:
        key, equals, value = given.partition("=")
        loc = change_loc(key + ".note") if option == "--exercise-note" else change_loc(key)
        if not equals or loc is None:
            example = "chin-tuck='Left side only'" if option == "--exercise-note" else "chin-tuck.sets=2 or *.hold_seconds=20"
            hint = change_keys_hint(key) if loc is None else ""
            problems.append(Problem(file=f"{option} {given}", message=f"expected {example}{hint}"))
            continue
        fields.append((loc, value, _option(f"{option} {given}"), ""))
    return from_fields("command line", fields), problems


def client_options(values: dict[str, Any], skips: tuple[str, ...], sets: tuple[str, ...],
                   notes: tuple[str, ...]) -> tuple[ClientChanges | None, list[Problem]]:
    """The client options as one client's changes; None when none was given."""
    if not (any(value is not None for value in values.values()) or skips or sets or notes):
        return None, []
    doc, problems = command_line_document(values, skips, sets, notes)
    changes, more = parse_changes(doc)
    return changes, problems + more


def _option(name: str) -> Mark:
    return Mark(line=0, column=0, file=name)


def options_document(values: dict[str, Any]) -> Document:
    """Values given as options (``--title``), as a document that names the option in any message."""
    return from_fields("command line", _option_fields(values))


def _option_fields(values: dict[str, Any]) -> list[tuple[Loc, Any, Mark, str]]:
    """Each value given, marked with its option: (path, value, where it was written, its name to the user)."""
    return [((name,), value, _option(f"--{name}"), "") for name, value in values.items() if value is not None]
