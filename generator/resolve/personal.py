"""One client's handout: their name and date on page one, their doses, notes and skipped exercises.

The same changes arrive from command-line options or from a CSV row; both are
written as ``<exercise>.<field>`` (``chin-tuck.sets``), ``*.<field>`` for every
exercise, and ``<exercise>.note``.
"""

from __future__ import annotations

import re
from typing import Any

from ..base.errors import Problem, raise_if_any
from ..model import Dosage, Personal
from .resolve import Handout, HandoutSection
from ..load.source import Document, Loc, Mark, Origin, from_fields
from ..load.validate import check, did_you_mean

DOSAGE_FIELDS = Dosage.field_names
EVERY_EXERCISE = "*"
SKIP_SEPARATORS = re.compile(r"[\s,;]+")


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


def parse_personal(doc: Document) -> tuple[tuple[Personal, Document] | None, list[Problem]]:
    personal, problems = check(doc, Personal)
    return ((personal, doc) if personal is not None else None), problems


def personalise(handout: Handout, personal: Personal, doc: Document) -> Handout:
    """The handout with the client's skips, doses and notes applied, exercises numbered afresh."""
    present = {item.id for item in handout.exercises}
    problems = [doc.problem(("skip", i), _unknown(exercise_id, present)) for i, exercise_id in enumerate(personal.skip)
                if exercise_id not in present]
    problems += [doc.problem(_first_field(doc, ("exercises", exercise_id)), _unknown(exercise_id, present))
                 for exercise_id in personal.exercises if exercise_id not in present]
    kept = [item for item in handout.exercises if item.id not in personal.skip]
    if not kept:
        problems.append(doc.problem(("skip",), "every exercise of the worksheet is skipped"))
    raise_if_any(problems)
    numbers = {id(item): number for number, item in enumerate(kept, start=1)}
    sections = tuple(
        HandoutSection(section.heading, section.intro,
                       tuple(_changed(item, numbers[id(item)], personal) for item in section.exercises if id(item) in numbers))
        for section in handout.sections
    )
    sections = tuple(section for section in sections if section.exercises)
    return handout.replace(sections=sections, personal=personal, personal_origin=Origin(doc))


def _changed(item, number: int, personal: Personal):
    change = personal.exercises.get(item.id)
    dosage = item.dosage.overridden_by(personal.dosage)
    if change is not None:
        dosage = dosage.overridden_by(change.dosage)
    note = change.note if change is not None else None
    return item.replace(number=number, dosage=dosage, client_note=note)


def _first_field(doc: Document, prefix: Loc) -> Loc:
    """The first field written under ``prefix``: the option or column the user knows."""
    return next((loc for loc in doc.labels if loc[: len(prefix)] == prefix), prefix)


def _unknown(exercise_id: str, present: set[str]) -> str:
    return f"exercise '{exercise_id}' is not in this worksheet{did_you_mean(exercise_id, sorted(present))}"


def command_line_document(values: dict[str, Any], skips: tuple[str, ...], sets: tuple[str, ...],
                          notes: tuple[str, ...]) -> tuple[Document, list[Problem]]:
    """The client options of `worksheet build` as a document, each value marked with the option that gave it."""
    fields: list[tuple[Loc, Any, Mark, str]] = []
    problems: list[Problem] = []
    for name, value in values.items():
        if value is not None:
            fields.append(((name,), value, Mark(0, 0, f"--{name}"), ""))
    for i, exercise_id in enumerate(skips):
        fields.append((("skip", i), exercise_id, Mark(0, 0, f"--skip {exercise_id}"), ""))
    for given, option in [*((s, "--set") for s in sets), *((n, "--exercise-note") for n in notes)]:
        key, equals, value = given.partition("=")
        loc = change_loc(key + ".note") if option == "--exercise-note" else change_loc(key)
        if not equals or loc is None:
            example = "chin-tuck='Left side only'" if option == "--exercise-note" else "chin-tuck.sets=2 or *.hold_seconds=20"
            hint = change_keys_hint(key) if loc is None else ""
            problems.append(Problem(f"{option} {given}", message=f"expected {example}{hint}"))
            continue
        fields.append((loc, value, Mark(0, 0, f"{option} {given}"), ""))
    return from_fields("command line", fields), problems
