"""From a validated worksheet to a handout: every exercise looked up, every dose settled, the client's own
changes applied."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..base.errors import Problem, raise_if_any
from ..base.suggest import did_you_mean
from ..load.layouts import find_layout, load_layout
from ..load.library import Library, exercise_limit_problems, find_illustration, solve_figure
from ..load.locate import library_dir
from ..load.source import Document, Loc, Origin
from ..load.validate import load_and_check
from ..model import Dosage, Entry, Exercise, Layout, Worksheet
from ..model.exercise import Stage
from ..model.choices import POSITIONS, SOURCE_LANGUAGE
from ..model.layout import Clinic
from ..model.limits import over
from ..pose.picture import Picture
from .clinic import load_clinic_file, settle_clinic
from .handout import Handout, HandoutClinic, HandoutExercise, HandoutSection
from . import languages
from .languages import Lookup, handout_language, written_in_another_language
from .options import Options
from .personal import personalise
from .variations import settle_variations


def resolve(path: Path, options: Options = Options(), library: Library | None = None,
            text: str | None = None) -> Handout:
    """The handout for the worksheet at ``path``; raises InputError with every problem found.

    ``library`` is the exercise library the worksheet's entries are looked up in; by default, the one
    ``options.library`` names or the nearest to the worksheet. ``text``, when given, is the worksheet's YAML
    standing in for the file at ``path`` (which need not exist): same name in messages, same lookups.
    """
    worksheet, doc, problems = load_and_check(path, Worksheet, options.limits, text)
    if doc is None:
        raise_if_any(problems)
    assert doc is not None
    if library is None:
        library = Library(library_for(path, options), options.limits, options.allow_outside)
    if worksheet is None:
        raise_if_any(problems + _raw_reference_problems(doc, library, options))
    assert worksheet is not None
    layout, layout_doc, problems = _layout(worksheet, doc, options)
    lookup = Lookup(doc, library, options, handout_language(worksheet, options))
    mismatch = written_in_another_language(worksheet, doc, options)
    problems += lookup.fallback(mismatch) if mismatch is not None else []
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
    handout = Handout(
        path=path, display=doc.display, worksheet=worksheet, layout=layout, sections=sections, disclaimer=disclaimer,
        clinic=clinic, origin=Origin(doc=doc), layout_origin=Origin(doc=layout_doc),
        language=lookup.language,
        **languages.second_worksheet(path, worksheet, lookup),
        warnings=tuple(lookup.warnings),
        log_weeks=log_weeks or None,
        notes_per_exercise=_first_given(notes.lines_per_exercise, layout.notes.lines_per_exercise),
        notes_at_end=_first_given(notes.lines_at_end, layout.notes.lines_at_end),
    )
    return personalise(handout, options.personal) if options.personal is not None else handout


def library_for(worksheet: Path, options: Options) -> Path | None:
    """The exercise library folder a worksheet's entries are looked up in."""
    return options.library or library_dir(worksheet, options.limits)


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
        found, why = find_layout(options.layout, doc.path, options.limits.root or Path.cwd(), options.limits)
        if found is None:
            where = options.layout_given_at
            return None, None, [Problem(file=where.file, line=where.line, column=where.column, field=where.field,
                                        message=why)]
    else:
        found, why = find_layout(worksheet.layout, doc.path, doc.path.parent, options.limits)
        if found is None:
            return None, None, [doc.problem(("layout",), why)]
    return load_layout(found, options.limits, options.paper)


def _clinic(worksheet: Worksheet, doc: Document, layout: Layout | None, layout_doc: Document | None,
            options: Options) -> tuple[HandoutClinic | None, list[Problem]]:
    """The clinic from --clinic, else the worksheet's, else the layout's."""
    candidates: list[tuple[Clinic | None, Origin]] = []
    if options.clinic is not None:
        from_file, problems = load_clinic_file(options.clinic, options.limits)
        if from_file is None:
            return None, problems
        candidates.append(from_file)
    candidates.append((worksheet.clinic, Origin(doc=doc, loc=("clinic",))))
    if layout is not None and layout_doc is not None:
        candidates.append((layout.clinic, Origin(doc=layout_doc, loc=("clinic",))))
    return settle_clinic(candidates, options.limits, options.allow_outside)


def _raw_reference_problems(doc: Document, library: Library, options: Options) -> list[Problem]:
    """Unknown layout and exercise names in a worksheet that failed validation, so all is said at once."""
    data = doc.data if isinstance(doc.data, dict) else {}
    problems = []
    if options.layout is None and isinstance(data.get("layout"), str):
        found, why = find_layout(data["layout"], doc.path, doc.path.parent, options.limits)
        if found is None:
            problems.append(doc.problem(("layout",), why))
    for loc, exercise_id in _raw_exercise_ids(data):
        if exercise_id not in library:
            problems.append(doc.problem(loc, _unknown_exercise(exercise_id, library)))
    return problems


def _raw_exercise_ids(data: dict) -> Iterator[tuple[Loc, str]]:
    lists: list[tuple[Loc, object]] = [(("exercises",), data.get("exercises"))]
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


def _sections(worksheet: Worksheet, lookup: Lookup) -> tuple[tuple[HandoutSection, ...], list[Problem]]:
    doc = lookup.doc
    groups: list[tuple[str | None, str | None, list[Entry], Loc]]
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
        sections.append(HandoutSection(heading=heading, intro=intro, exercises=tuple(resolved)))
    problems += lookup.second_problems
    limit = lookup.options.limits.exercises
    if number > limit:
        message = over("the worksheet", f"{number} exercises", "exercises", limit, " exercises", "split it in two")
        problems.append(doc.problem(("sections" if worksheet.sections else "exercises",), message))
    return tuple(sections), problems


def _entry(entry: Entry, loc: Loc, number: int, lookup: Lookup) -> tuple[HandoutExercise | None, list[Problem]]:
    doc, library = lookup.doc, lookup.library
    if isinstance(entry.exercise, Exercise):  # written in the worksheet, in the worksheet's language
        exercise, exercise_id = entry.exercise, f"inline-{number}"
        origin = Origin(doc=doc, loc=loc + ("exercise",))
        figure_origin = origin
        illustration, problems = find_illustration(exercise, origin, lookup.options.allow_outside, lookup.options.limits)
        problems += exercise_limit_problems(exercise, origin, lookup.options.limits)
        files: tuple[Path, ...] = ()
        second: Exercise | None = None  # a one-off exercise is in the worksheet's language only
        second_origin: Origin | None = None
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
        origin = figure_origin = Origin(doc=found.doc)  # a translation keeps the figure of the exercise it translates
        if lookup.language != SOURCE_LANGUAGE:
            exercise, origin, problems = languages.in_language(exercise_id, found, doc.problem(id_loc, ""), lookup)
        second, second_origin = languages.second_words(exercise_id, found, doc.problem(id_loc, ""), lookup)
        sources = [found.doc.path, origin.doc.path, *([second_origin.doc.path] if second_origin else [])]
        files = tuple(dict.fromkeys(sources))
    written = [(v, Origin(doc=origin.doc, loc=origin.loc + ("variations", i)))
               for i, v in enumerate(exercise.variations) if entry.variation in (None, v.level)]
    if entry.variation is not None and not written:
        problems = problems + [doc.problem(loc + ("variation",),
                                           f"exercise '{exercise_id}' has no {entry.variation} variation")]
    written += [(v, Origin(doc=doc, loc=loc + ("variations", i))) for i, v in enumerate(entry.variations)]
    variations, variation_problems = settle_variations(written, library, lookup.language, lookup.options.strict,
                                                       lookup.warnings)
    picture, figure_problems = _picture(exercise, illustration, figure_origin, library)
    problems = problems + figure_problems
    dosage, progression = _dose_and_stages(exercise.dosage.overridden_by(entry.dosage),
                                           entry.progression if entry.progression is not None else exercise.progression)
    item = HandoutExercise(number=number, id=exercise_id, exercise=exercise, dosage=dosage, note=entry.note,
                           illustration=illustration, picture=picture, origin=origin, entry=Origin(doc=doc, loc=loc),
                           variations=variations, progression=progression, files=files,
                           **languages.second_fields(second, second_origin))
    return item, problems + variation_problems


def _dose_and_stages(dosage: Dosage, stages: list[Stage]) -> tuple[Dosage, tuple[Stage, ...]]:
    """Each stage as a whole dose (what it leaves out, the exercise's dose gives) and the dose to start with:
    the first week's stage, where there is one, so the dose line and the progression under it agree."""
    whole = tuple(stage.replace(dosage=dosage.overridden_by(stage.dosage)) for stage in stages)
    start = next((stage.dosage for stage in whole if first_week(stage.weeks) == 1), dosage)
    return start, whole


def first_week(weeks: str) -> int:
    return int(weeks.split("-")[0].rstrip("+"))


def _picture(exercise: Exercise, illustration: Path | None, origin: Origin,
             library: Library) -> tuple[Picture | None, list[Problem]]:
    """The exercise's figure, solved, unless a picture file takes its place; a figure that cannot be
    solved is an error at the contact or prop that cannot be met."""
    if illustration is not None:
        return None, []
    return solve_figure(exercise, origin, library.poser)


def _unknown_exercise(exercise_id: str, library: Library) -> str:
    if library.directory is None:
        return f"unknown exercise '{exercise_id}': no exercise library found (expected worksheets/exercises/)"
    hint = did_you_mean(exercise_id, library.ids())
    if not hint:
        hint = f" (not in {library.describe()}; run 'worksheet list exercises')"
    return f"unknown exercise '{exercise_id}'{hint}"
