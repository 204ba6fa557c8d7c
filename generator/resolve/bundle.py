"""A worksheet set: several handouts for one booklet, each resolved with its own layout and language.

The booklet prints on one paper, with one set of margins, header and footer: those of the layout the set
or ``--layout`` names, else the first worksheet's. A layout named for the set applies to every worksheet in
it; otherwise each worksheet keeps its own type, columns and blocks within the booklet's page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..base.errors import InputError, Problem, raise_if_any
from ..base.suggest import did_you_mean
from ..load.changes import ClientChanges
from ..load.library import Library
from ..load.locate import is_path, worksheet_names
from ..load.source import Document, Origin, display_path, load
from ..load.validate import check
from ..model import Layout
from ..model.bundle import WorksheetSet
from ..model.limits import Limits
from .clinic import settle_clinic
from .handout import Bundle, Handout
from .options import Options
from .personal import personalise, unknown_exercises
from .resolve import resolve

LibraryFor = Callable[[Path, Options], Library]  # the library a worksheet's entries are looked up in


def is_set_file(path: Path, limits: Limits) -> bool:
    try:
        data = load(path, limits).data
    except InputError:
        return False
    return isinstance(data, dict) and "worksheets" in data


def resolve_set(path: Path, options: Options, library_for: LibraryFor) -> Bundle:
    """The bundle a set file describes: its worksheets, title, intro, layout, disclaimer and clinic."""
    doc = load(path, options.limits)
    chosen, problems = check(doc, WorksheetSet)
    raise_if_any(problems)
    assert chosen is not None
    paths, problems = [], []
    for i, reference in enumerate(chosen.worksheets):
        found = _worksheet(reference, path, options.limits)
        if found is None:
            hint = did_you_mean(reference, worksheet_names(path, options.limits))
            problems.append(doc.problem(("worksheets", i), f"unknown worksheet '{reference}'{hint}"))
        else:
            paths.append(found)
    raise_if_any(problems)
    if options.layout is None and chosen.layout is not None:
        where = doc.mark(("layout",))
        options = options.replace(layout=chosen.layout, layout_given_at=options.layout_given_at.replace(
            file=where.file or doc.display, line=where.line, column=where.column, field="layout"))
    clinic = (chosen.clinic, Origin(doc=doc, loc=("clinic",)))
    return _bundle(paths, options, library_for, Origin(doc=doc), chosen.title, chosen.subtitle, chosen.intro,
                   chosen.disclaimer, clinic, display_path(path, options.limits.root))


def resolve_worksheets(paths: list[Path], options: Options, library_for: LibraryFor, given: Document,
                       title: str | None = None, subtitle: str | None = None) -> Bundle:
    """A bundle of worksheets named one by one; ``given`` is where the title and subtitle were written."""
    return _bundle(paths, options, library_for, Origin(doc=given), title, subtitle, None, None, None, "bundle")


def _bundle(paths: list[Path], options: Options, library_for: LibraryFor, origin: Origin, title: str | None,
            subtitle: str | None, intro: str | None, disclaimer: str | None, clinic_given, display: str) -> Bundle:
    """Resolve every worksheet (all problems reported together) and gather them under one title, for the
    client the options name, if any."""
    handouts: list[Handout] = []
    problems: list[Problem] = []
    each = options.replace(personal=None)  # the client's changes are the set's: applied below, once checked
    for path in paths:
        try:
            handouts.append(resolve(path, each, library_for(path, each)))
        except InputError as exc:
            problems.extend(exc.problems)
    raise_if_any(problems)
    changes = options.personal
    if changes is not None:
        handouts = _for_client(handouts, changes)
    first = handouts[0]
    clinic = first.clinic
    if options.clinic is None and clinic_given is not None:  # the set's own clinic, unless --clinic names one
        settled, clinic_problems = settle_clinic([clinic_given], options.limits, options.allow_outside)
        raise_if_any(clinic_problems)
        clinic = settled or clinic
    layout = first.layout
    on_paper = tuple(handout.replace(layout=on_booklet_page(handout.layout, layout)) for handout in handouts)
    return Bundle(display=display, title=title, subtitle=subtitle, intro=intro, handouts=on_paper,
                  disclaimer=disclaimer or first.disclaimer, clinic=clinic,
                  language=options.language or first.language, layout=layout, origin=origin,
                  personal=changes.personal if changes else None,
                  personal_origin=Origin(doc=changes.doc) if changes else None)


def _for_client(handouts: list[Handout], changes: ClientChanges) -> list[Handout]:
    """Every handout with the client's changes: an exercise they name need be in one worksheet of the set, not in
    each."""
    present = {item.id for handout in handouts for item in handout.exercises}
    raise_if_any(unknown_exercises(changes, present, "any worksheet of this set"))
    personalised: list[Handout] = []
    problems: list[Problem] = []
    for handout in handouts:
        try:
            personalised.append(personalise(handout, changes, in_set=True))
        except InputError as exc:
            problems.extend(exc.problems)
    raise_if_any(problems)
    return personalised


def on_booklet_page(own: Layout, booklet: Layout) -> Layout:
    """A worksheet's layout inside a booklet: its own type, columns and blocks, on the booklet's paper and
    margins, under the booklet's header and above its footer, so that every page lines up with the next."""
    page = own.page.replace(size=booklet.page.size, orientation=booklet.page.orientation,
                            margins=booklet.page.margins)
    spacing = own.spacing.replace(footer_gap=booklet.spacing.footer_gap)
    return own.replace(page=page, spacing=spacing, header=booklet.header, footer=booklet.footer)


def _worksheet(reference: str, set_file: Path, limits: Limits) -> Path | None:
    if is_path(reference):
        path = set_file.parent / reference
        return path if path.is_file() else None
    return worksheet_names(set_file, limits).get(reference)
