"""Finding, checking and listing the files of a worksheet project."""

from __future__ import annotations

from pathlib import Path

from ..base.errors import Problem, in_order
from ..load.layouts import load_layout
from ..load.library import Library, solve_figure
from ..load.locate import LAYOUTS_DIR, LIBRARY_DIR, WORKSHEETS_DIR, layout_names, library_dir
from ..load.source import Origin, display_path
from ..load.translations import translate
from ..load.validate import load_and_check
from ..model import Layout, Worksheet
from ..model.limits import Limits
from ..resolve.options import Options
from .caches import Caches
from .pipeline import check_handout

DEFAULT_PATHS = (Path(WORKSHEETS_DIR), Path(LAYOUTS_DIR))


def kind_of(path: Path) -> str:
    """'exercise', 'translation', 'layout' or 'worksheet', from the folder a YAML file sits in."""
    folder = path.resolve().parent
    if folder.name == LIBRARY_DIR:
        return "exercise"
    if folder.parent.name == LIBRARY_DIR:
        return "translation"  # exercises/<language>/<id>.yaml
    parent = folder.name
    if parent == LAYOUTS_DIR:
        return "layout"
    return "worksheet"


def yaml_files(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """Every YAML file named or found below the folders named, and a problem for each path that is neither."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.y*ml") if p.suffix in (".yaml", ".yml")))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(file=display_path(path), message="no such file or folder"))
    return list(dict.fromkeys(files)), problems


class Report:
    """What `worksheet validate` found: how many files of each kind, and every problem."""

    def __init__(self) -> None:
        self.counts = {"worksheet": 0, "exercise": 0, "translation": 0, "layout": 0}
        self.problems: list[Problem] = []

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "error"]

    def summary(self) -> str:
        parts = [f"{n} {kind}{'' if n == 1 else 's'}" for kind, n in self.counts.items()
                 if n or kind != "translation"]
        return "checked " + ", ".join(parts)


def validate_files(paths: list[Path], options: Options = Options(), caches: Caches | None = None) -> Report:
    """Check every worksheet, exercise and layout under ``paths``, collecting every problem.

    A worksheet goes through the same resolve and check stages as a build, so one that passes builds.
    """
    caches = caches or Caches(kept_pictures=0)  # checking keeps no pixels
    report = Report()
    files, problems = yaml_files(paths)
    for path in files:
        kind = kind_of(path)
        report.counts[kind] += 1
        if kind == "exercise":
            problems.extend(_exercise_problems(path, caches.library(path, options.replace(library=path.parent)),
                                               caches, options.limits))
        elif kind == "translation":
            library = caches.library(path, options.replace(library=path.parent.parent))
            problems.extend(_translation_problems(path, library, options.limits))
        elif kind == "layout":
            layout, doc, layout_problems = load_layout(path, options.limits)
            problems.extend(layout_problems)
            if layout is not None and doc is not None:
                problems.extend(caches.checker.font_problems(layout, Origin(doc=doc)))
        else:
            problems.extend(check_handout(path, options, caches))
    report.problems = in_order(problems)
    return report


def _exercise_problems(path: Path, library: Library, caches: Caches, limits: Limits) -> list[Problem]:
    found, problems = library.get(path.stem)
    if found is not None:
        problems = problems + solve_figure(found.exercise, Origin(doc=found.doc), library.poser)[1]
    if found is None or found.illustration is None or found.exercise.illustration is None:
        return problems
    return caches.checker.picture_problems(found.illustration, found.exercise.illustration, Origin(doc=found.doc),
                                           "illustration", limits)


def _translation_problems(path: Path, library: Library, limits: Limits) -> list[Problem]:
    found, problems = library.get(path.stem)
    if found is None:
        if path.stem not in library:
            return [Problem(file=display_path(path), line=1, column=1,
                            message=f"translates '{path.stem}', which is not in the library")]
        return problems
    return translate(found.exercise, found.doc, path.parent.name, limits)[2]


def exercise_rows(tag: str | None, limits: Limits = Limits(), region: str | None = None) -> list[tuple[str, ...]]:
    """The library's exercises, those with ``tag`` and in ``region`` (one of BODY_REGIONS, carried as a tag)."""
    library = Library(library_dir(None, limits), limits)
    rows: list[tuple[str, ...]] = []
    for item in library.everything():
        exercise_id, exercise = item.id, item.exercise
        if all(wanted is None or wanted in exercise.tags for wanted in (tag, region)):
            rows.append((exercise_id, exercise.name, exercise.position, ", ".join(exercise.tags)))
    return rows


def layout_rows(limits: Limits = Limits()) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for name, path in sorted(layout_names(None, limits).items()):
        layout, _doc, _problems = load_layout(path, limits)
        if layout is None:
            rows.append((name, "(has problems: run 'worksheet validate')", "", ""))
        else:
            rows.append((name, layout.name, _paper(layout), layout.description or ""))
    return rows


def _paper(layout: Layout) -> str:
    return f"{layout.page.size} {layout.page.orientation}"


def worksheet_rows(tag: str | None, limits: Limits = Limits(),
                   directory: Path = Path(WORKSHEETS_DIR)) -> list[tuple[str, ...]]:
    """Each worksheet's title, layout, language and number of exercises, read from the file alone: a project
    of hundreds of worksheets lists at once. `worksheet validate` says whether each builds."""
    rows: list[tuple[str, ...]] = []
    for path in sorted(directory.glob("*.yaml")):
        worksheet, _doc, _problems = load_and_check(path, Worksheet, limits)
        if worksheet is None:
            rows.append((path.stem, "(has problems: run 'worksheet validate')", "", "", ""))
            continue
        if tag is not None and tag not in worksheet.tags:
            continue
        entries = worksheet.exercises or [entry for section in worksheet.sections or [] for entry in section.exercises]
        rows.append((path.stem, worksheet.title, worksheet.layout, worksheet.language or "en", str(len(entries))))
    return rows
