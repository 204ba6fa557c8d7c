"""From a validated worksheet to a handout: every exercise looked up, every dose settled."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..base.errors import Problem, raise_if_any
from ..load.layouts import Paper, find_layout, load_layout
from ..model import limits
from ..load.library import Library, exercise_limit_problems, find_illustration, load_library
from ..load.locate import library_dir
from ..model import POSITIONS, Dosage, Entry, Exercise, Layout, Personal, Worksheet
from ..model.exercise import Stage
from .clinic import HandoutClinic, load_clinic_file, settle_clinic
from ..base.record import Record
from ..load.source import Document, Loc, Origin
from ..load.validate import did_you_mean, load_and_check
from ..load.translations import SOURCE_LANGUAGE, missing_message, translate
from .variations import HandoutVariation, settle_variations


class HandoutExercise(Record):
    number: int
    id: str
    exercise: Exercise
    dosage: Dosage
    note: str | None
    illustration: Path | None
    origin: Origin  # where the exercise's fields were written
    entry: Origin  # the worksheet entry that picked it
    variations: tuple[HandoutVariation, ...] = ()
    progression: tuple[Stage, ...] = ()
    client_note: str | None = None
    files: tuple[Path, ...] = ()  # every file its words and numbers come from
    second_steps: tuple[str, ...] = ()  # the steps again in a second language, for a bilingual handout


class HandoutSection(Record):
    heading: str | None
    intro: str | None
    exercises: tuple[HandoutExercise, ...]


class Handout(Record):
    """Everything needed to print one worksheet; nothing left to look up."""

    path: Path
    display: str
    worksheet: Worksheet
    layout: Layout
    sections: tuple[HandoutSection, ...]
    disclaimer: str | None  # None: the tool's own, in the handout's language
    clinic: HandoutClinic | None
    origin: Origin
    layout_origin: Origin
    language: str = "en"
    warnings: tuple[str, ...] = ()  # said to the user, but the handout is made
    log_weeks: int | None = None  # a tracking log of this many weeks, or none
    notes_per_exercise: int = 0  # ruled lines under each exercise
    notes_at_end: int = 0  # ruled lines in the notes area at the end
    personal: Personal | None = None
    personal_origin: Origin | None = None

    @property
    def exercises(self) -> list[HandoutExercise]:
        return [exercise for section in self.sections for exercise in section.exercises]


class Options(Record):
    """What the person building may change without editing the worksheet."""

    layout: str | None = None
    paper: Paper | None = None
    library: Path | None = None
    clinic: Path | None = None
    personal: tuple[Personal, Document] | None = None  # the client's own changes, and where they were written
    layout_given_at: tuple[str, int, int, str] = ("--layout", 0, 0, "")  # file, line, column, field of `layout`
    log_weeks: int | None = None  # 0 turns the worksheet's log off
    allow_outside: bool = False  # images may lie outside the project folder
    language: str | None = None  # instead of the worksheet's
    strict: bool = False  # a missing translation is an error, not a warning
    second_language: str | None = None  # each step printed again in this language


def resolve(path: Path, options: Options = Options(), library: Library | None = None) -> Handout:
    """The handout for the worksheet at ``path``; raises InputError with every problem found."""
    worksheet, doc, problems = load_and_check(path, Worksheet)
    if doc is None:
        raise_if_any(problems)
    assert doc is not None
    if library is None:
        library = load_library(options.library or library_dir(path), options.allow_outside)
    if worksheet is None:
        raise_if_any(problems + _raw_reference_problems(doc, library, options))
    assert worksheet is not None
    layout, layout_doc, problems = _layout(worksheet, doc, options)
    lookup = _Lookup(doc, library, options, options.language or worksheet.language or SOURCE_LANGUAGE)
    sections, entry_problems = _sections(worksheet, lookup)
    clinic, clinic_problems = _clinic(worksheet, doc, layout, layout_doc, options)
    raise_if_any(problems + entry_problems + clinic_problems)
    assert layout is not None and layout_doc is not None
    if clinic is not None and clinic.clinic.accent:
        layout = layout.replace(colours=layout.colours.replace(accent=clinic.clinic.accent))
    disclaimer = worksheet.disclaimer or layout.footer.disclaimer
    if worksheet.order == "by-position":
        sections = by_position(sections)
    log_weeks = options.log_weeks if options.log_weeks is not None else (worksheet.log.weeks if worksheet.log else None)
    notes = worksheet.notes
    return Handout(
        path, doc.display, worksheet, layout, sections, disclaimer, clinic, Origin(doc), Origin(layout_doc),
        language=lookup.language,
        warnings=tuple(lookup.warnings),
        log_weeks=log_weeks or None,
        notes_per_exercise=_first_given(notes.lines_per_exercise, layout.notes.lines_per_exercise),
        notes_at_end=_first_given(notes.lines_at_end, layout.notes.lines_at_end),
    )


def _first_given(*values: int | None) -> int:
    return next(value for value in values if value is not None)


def by_position(sections: tuple[HandoutSection, ...]) -> tuple[HandoutSection, ...]:
    """Exercises grouped by position (standing, then sitting, then the floor), each section on its own;
    numbered afresh so the client gets up and down once."""
    number = 0
    ordered = []
    for section in sections:
        items = sorted(section.exercises, key=lambda item: POSITIONS.index(item.exercise.position))
        renumbered = []
        for item in items:
            number += 1
            renumbered.append(item.replace(number=number))
        ordered.append(section.replace(exercises=tuple(renumbered)))
    return tuple(ordered)


def _layout(worksheet: Worksheet, doc: Document, options: Options) -> tuple[Layout | None, Document | None, list[Problem]]:
    if options.layout is not None:
        found, why = find_layout(options.layout, doc.path, Path.cwd())
        if found is None:
            return None, None, [Problem(*options.layout_given_at, why)]
    else:
        found, why = find_layout(worksheet.layout, doc.path, doc.path.parent)
        if found is None:
            return None, None, [doc.problem(("layout",), why)]
    return load_layout(found, options.paper)


def _clinic(worksheet: Worksheet, doc: Document, layout: Layout | None, layout_doc: Document | None,
            options: Options) -> tuple[HandoutClinic | None, list[Problem]]:
    """The clinic from --clinic, else the worksheet's, else the layout's."""
    candidates = []
    if options.clinic is not None:
        from_file, problems = load_clinic_file(options.clinic)
        if problems:
            return None, problems
        candidates.append(from_file)
    candidates.append((worksheet.clinic, Origin(doc, ("clinic",))))
    if layout is not None and layout_doc is not None:
        candidates.append((layout.clinic, Origin(layout_doc, ("clinic",))))
    return settle_clinic(candidates, options.allow_outside)


def _raw_reference_problems(doc: Document, library: Library, options: Options) -> list[Problem]:
    """Unknown layout and exercise names in a worksheet that failed validation, so all is said at once."""
    data = doc.data if isinstance(doc.data, dict) else {}
    problems = []
    if options.layout is None and isinstance(data.get("layout"), str):
        found, why = find_layout(data["layout"], doc.path, doc.path.parent)
        if found is None:
            problems.append(doc.problem(("layout",), why))
    for loc, exercise_id in _raw_exercise_ids(data):
        if exercise_id not in library:
            problems.append(doc.problem(loc, _unknown_exercise(exercise_id, library)))
    return problems


def _raw_exercise_ids(data: dict) -> Iterator[tuple[Loc, str]]:
    lists = [(("exercises",), data.get("exercises"))]
    if isinstance(data.get("sections"), list):
        lists += [
            (("sections", i, "exercises"), section.get("exercises"))
            for i, section in enumerate(data["sections"])
            if isinstance(section, dict)
        ]
    for loc, entries in lists:
        for i, entry in enumerate(entries if isinstance(entries, list) else []):
            if isinstance(entry, str):
                yield loc + (i,), entry
            elif isinstance(entry, dict) and isinstance(entry.get("exercise"), str):
                yield loc + (i, "exercise"), entry["exercise"]


@dataclass
class _Lookup:
    """What every entry of a worksheet is resolved against."""

    doc: Document
    library: Library
    options: Options
    language: str
    warnings: list[str] = dataclasses.field(default_factory=list)


def _sections(worksheet: Worksheet, lookup: _Lookup) -> tuple[tuple[HandoutSection, ...], list[Problem]]:
    doc = lookup.doc
    if worksheet.sections is None:
        groups = [(None, None, worksheet.exercises or [], ("exercises",))]
    else:
        groups = [
            (section.heading, section.intro, section.exercises, ("sections", i, "exercises"))
            for i, section in enumerate(worksheet.sections)
        ]
    problems: list[Problem] = []
    sections = []
    number = 0
    for heading, intro, entries, loc in groups:
        resolved = []
        for i, entry in enumerate(entries):
            number += 1
            exercise, entry_problems = _entry(entry, loc + (i,), number, lookup)
            problems.extend(entry_problems)
            if exercise is not None:
                resolved.append(exercise)
        sections.append(HandoutSection(heading, intro, tuple(resolved)))
    if number > limits.current().exercises:
        limit = limits.current().exercises
        message = limits.over("the worksheet", f"{number} exercises", "exercises", limit, " exercises", "split it in two")
        problems.append(doc.problem(("sections" if worksheet.sections else "exercises",), message))
    return tuple(sections), problems


def _entry(entry: Entry, loc: Loc, number: int, lookup: _Lookup) -> tuple[HandoutExercise | None, list[Problem]]:
    doc, library = lookup.doc, lookup.library
    if isinstance(entry.exercise, Exercise):  # written in the worksheet, in the worksheet's language
        exercise, exercise_id = entry.exercise, f"inline-{number}"
        origin = Origin(doc, loc + ("exercise",))
        illustration, problems = find_illustration(exercise, origin, lookup.options.allow_outside)
        problems += exercise_limit_problems(exercise, origin)
        files: tuple[Path, ...] = ()
        second: tuple[str, ...] = ()
    else:
        exercise_id = entry.exercise
        id_loc = loc if isinstance(doc.get(loc), str) else loc + ("exercise",)
        if exercise_id not in library:
            return None, [doc.problem(id_loc, _unknown_exercise(exercise_id, library))]
        found, broken = library.get(exercise_id)
        if found is None:
            pointer = doc.problem(id_loc, f"exercise '{exercise_id}' has problems; see its own file")
            return None, [pointer, *broken]
        exercise, illustration, problems = found.exercise, found.illustration, []
        origin = Origin(found.doc)
        if lookup.language != SOURCE_LANGUAGE:
            exercise, origin, problems = _in_language(exercise_id, found, doc.problem(id_loc, ""), lookup)
        files = tuple(dict.fromkeys((found.doc.path, origin.doc.path)))
        second = _second_steps(exercise_id, found, lookup)
    written = [(v, Origin(origin.doc, origin.loc + ("variations", i))) for i, v in enumerate(exercise.variations)]
    written += [(v, Origin(doc, loc + ("variations", i))) for i, v in enumerate(entry.variations)]
    variations, variation_problems = settle_variations(written, library, lookup.language)
    progression = tuple(entry.progression if entry.progression is not None else exercise.progression)
    dosage = exercise.dosage.overridden_by(entry.dosage)
    item = HandoutExercise(number, exercise_id, exercise, dosage, entry.note, illustration, origin, Origin(doc, loc),
                           variations, progression, files=files, second_steps=second)
    return item, problems + variation_problems


def _second_steps(exercise_id: str, found, lookup: _Lookup) -> tuple[str, ...]:
    """The steps in the second language of a bilingual handout, where the library has them."""
    language = lookup.options.second_language
    if not language or language == lookup.language:
        return ()
    if language == SOURCE_LANGUAGE:
        return tuple(found.exercise.steps)
    translated = translate(found.exercise, found.doc, language)[0]
    if translated is None:
        lookup.warnings.append(missing_message(exercise_id, found.doc.path, language).replace(
            "it prints in English", "its steps print in one language only"))
        return ()
    return tuple(translated.steps)


def _in_language(exercise_id: str, found, at: Problem, lookup: _Lookup) -> tuple[Exercise, Origin, list[Problem]]:
    """The library exercise in the handout's language; in English, with a warning, where it has no translation."""
    translated, origin, problems = translate(found.exercise, found.doc, lookup.language)
    if translated is not None and origin is not None:
        return translated, origin, []
    if problems:
        return found.exercise, Origin(found.doc), problems
    message = missing_message(exercise_id, found.doc.path, lookup.language)
    if lookup.options.strict:
        return found.exercise, Origin(found.doc), [dataclasses.replace(at, message=message.split("; it prints")[0])]
    lookup.warnings.append(f"{at.file}:{at.line}:{at.column}: {at.field}: {message}")
    return found.exercise, Origin(found.doc), []


def _unknown_exercise(exercise_id: str, library: Library) -> str:
    if library.directory is None:
        return f"unknown exercise '{exercise_id}': no exercise library found (expected worksheets/exercises/)"
    hint = did_you_mean(exercise_id, library.ids())
    if not hint:
        hint = f" (not in {library.describe()}; run 'worksheet list exercises')"
    return f"unknown exercise '{exercise_id}'{hint}"
