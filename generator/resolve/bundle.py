"""A worksheet set: several handouts as one PDF with a cover, contents, an equipment checklist and bookmarks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .clinic import HandoutClinic, settle_clinic
from ..base.errors import InputError, raise_if_any
from ..load.locate import is_path, worksheet_names
from ..model.bundle import WorksheetSet
from .resolve import Handout, Options, resolve
from ..load.source import Origin, display_path, load
from ..load.validate import check, did_you_mean


@dataclass(frozen=True)
class Bundle:
    display: str
    title: str | None  # None: the tool's own, in the set's language
    subtitle: str | None
    intro: str | None
    handouts: tuple[Handout, ...]
    disclaimer: str | None
    clinic: HandoutClinic | None
    language: str

    def equipment(self) -> list[tuple[str, list[str]]]:
        """Each thing needed, as first written, with the titles of the worksheets that need it."""
        found: dict[str, tuple[str, list[str]]] = {}
        for handout in self.handouts:
            for item in handout.exercises:
                for thing in item.exercise.equipment:
                    name, titles = found.setdefault(thing.casefold(), (thing, []))
                    if handout.worksheet.title not in titles:
                        titles.append(handout.worksheet.title)
        return sorted(found.values(), key=lambda entry: entry[0].casefold())


def is_set_file(path: Path) -> bool:
    try:
        data = load(path).data
    except InputError:
        return False
    return isinstance(data, dict) and "worksheets" in data


def load_set(path: Path, options: Options) -> Bundle:
    """The bundle a set file describes; its layout applies to every worksheet unless --layout says otherwise."""
    doc = load(path)
    chosen, problems = check(doc, WorksheetSet)
    raise_if_any(problems)
    assert chosen is not None
    paths, problems = [], []
    for i, reference in enumerate(chosen.worksheets):
        found = _worksheet(reference, path)
        if found is None:
            names = worksheet_names(path)
            problems.append(doc.problem(("worksheets", i), f"unknown worksheet '{reference}'{did_you_mean(reference, names)}"))
        else:
            paths.append(found)
    raise_if_any(problems)
    options = options.replace(layout=options.layout or chosen.layout)
    clinic_candidates = [(chosen.clinic, Origin(doc, ("clinic",)))]
    return make_bundle(paths, options, chosen.title, chosen.subtitle, chosen.intro, chosen.disclaimer,
                       clinic_candidates, display_path(path))


def make_bundle(paths: list[Path], options: Options, title: str | None = None, subtitle: str | None = None,
                intro: str | None = None, disclaimer: str | None = None,
                clinic_candidates: list | None = None, display: str = "bundle") -> Bundle:
    """Resolve every worksheet (all problems reported together) and gather them under one title."""
    handouts, problems = [], []
    for path in paths:
        try:
            handouts.append(resolve(path, options))
        except InputError as exc:
            problems.extend(exc.problems)
    raise_if_any(problems)
    first = handouts[0]
    clinic = first.clinic
    if options.clinic is None and clinic_candidates:  # the set's own clinic, unless --clinic names one
        settled, clinic_problems = settle_clinic(clinic_candidates, options.allow_outside)
        raise_if_any(clinic_problems)
        clinic = settled or clinic
    return Bundle(display, title, subtitle, intro,
                  tuple(handouts), disclaimer or first.disclaimer, clinic, first.language)


def _worksheet(reference: str, set_file: Path) -> Path | None:
    if is_path(reference):
        path = set_file.parent / reference
        return path if path.is_file() else None
    return worksheet_names(set_file).get(reference)
