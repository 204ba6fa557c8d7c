"""One client's handout: their name and date on page one, their doses, notes and skipped exercises."""

from __future__ import annotations

from ..base.errors import Problem, raise_if_any
from ..base.suggest import did_you_mean
from ..load.changes import ClientChanges
from ..load.source import Document, Loc, Origin
from ..model import Dosage, Personal
from .handout import Handout, HandoutExercise, HandoutSection


def personalise(handout: Handout, changes: ClientChanges, in_set: bool = False) -> Handout:
    """The handout with the client's skips, doses and notes applied, exercises numbered afresh.

    ``in_set``: the handout is one of a set, whose exercises ``unknown_exercises`` has checked the changes
    against; a change for an exercise of another worksheet of the set passes this one by.
    """
    personal, doc = changes.personal, changes.doc
    problems = [] if in_set else unknown_exercises(changes, {item.id for item in handout.exercises})
    kept = [item for item in handout.exercises if item.id not in personal.skip]
    if not kept:
        whose = f"'{handout.worksheet.title}'" if in_set else "the worksheet"
        problems.append(doc.problem(("skip",), f"every exercise of {whose} is skipped"))
    raise_if_any(problems)
    numbers = {id(item): number for number, item in enumerate(kept, start=1)}
    sections = tuple(
        HandoutSection(heading=section.heading, intro=section.intro,
                       exercises=tuple(_changed(item, numbers[id(item)], personal)
                                       for item in section.exercises if id(item) in numbers))
        for section in handout.sections
    )
    sections = tuple(section for section in sections if section.exercises)
    return handout.replace(sections=sections, personal=personal, personal_origin=Origin(doc=doc))


def _changed(item: HandoutExercise, number: int, personal: Personal) -> HandoutExercise:
    change = personal.exercises.get(item.id)
    changes = [personal.dosage, *([change.dosage] if change is not None else [])]

    def for_client(dosage: Dosage) -> Dosage:
        for given in changes:
            dosage = dosage.overridden_by(given)
        return dosage

    # The client's dose holds in every stage of a progression too, so the dose line and the stages agree.
    stages = tuple(stage.replace(dosage=for_client(stage.dosage)) for stage in item.progression)
    note = change.note if change is not None else None
    return item.replace(number=number, dosage=for_client(item.dosage), progression=stages, client_note=note)


def unknown_exercises(changes: ClientChanges, present: set[str], where: str = "this worksheet") -> list[Problem]:
    """A problem for each exercise the changes skip, dose or annotate that is not in ``where``."""
    personal, doc = changes.personal, changes.doc
    problems = [doc.problem(("skip", i), _unknown(exercise_id, present, where))
                for i, exercise_id in enumerate(personal.skip) if exercise_id not in present]
    problems += [doc.problem(_first_field(doc, ("exercises", exercise_id)), _unknown(exercise_id, present, where))
                 for exercise_id in personal.exercises if exercise_id not in present]
    return problems


def _first_field(doc: Document, prefix: Loc) -> Loc:
    """The first field written under ``prefix``: the option or column the user knows."""
    return next((loc for loc in doc.labels if loc[: len(prefix)] == prefix), prefix)


def _unknown(exercise_id: str, present: set[str], where: str) -> str:
    return f"exercise '{exercise_id}' is not in {where}{did_you_mean(exercise_id, sorted(present))}"
