"""Finding, checking and listing the files of a worksheet project."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..base.errors import InputError, Problem
from ..load.layouts import load_layout
from ..load.library import Library, load_library
from ..load.locate import LAYOUTS_DIR, LIBRARY_DIR, WORKSHEETS_DIR, layout_names, library_dir
from ..model import Layout, Worksheet
from ..resolve.resolve import Options, resolve
from ..load.source import display_path
from ..load.translations import translate
from ..load.validate import load_and_check

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
            problems.append(Problem(display_path(path), message="no such file or folder"))
    return list(dict.fromkeys(files)), problems


@dataclass
class Report:
    counts: dict[str, int] = field(default_factory=lambda: {"worksheet": 0, "exercise": 0, "translation": 0,
                                                            "layout": 0})
    problems: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{n} {kind}{'' if n == 1 else 's'}" for kind, n in self.counts.items()
                 if n or kind != "translation"]
        return "checked " + ", ".join(parts)


def validate_files(paths: list[Path]) -> Report:
    """Check every worksheet, exercise and layout under ``paths``, collecting every problem."""
    report = Report()
    files, report.problems = yaml_files(paths)
    libraries: dict[Path | None, Library] = {}
    for path in files:
        kind = kind_of(path)
        report.counts[kind] += 1
        if kind == "exercise":
            library = _library(libraries, path.parent)
            report.problems.extend(library.get(path.stem)[1])
        elif kind == "translation":
            report.problems.extend(_translation_problems(path, _library(libraries, path.parent.parent)))
        elif kind == "layout":
            report.problems.extend(load_layout(path)[2])
        else:
            report.problems.extend(_worksheet_problems(path, _library(libraries, library_dir(path))))
    report.problems = sorted(set(report.problems))
    return report


def _library(cache: dict[Path | None, Library], directory: Path | None) -> Library:
    key = directory.resolve() if directory else None
    if key not in cache:
        cache[key] = load_library(directory)
    return cache[key]


def _translation_problems(path: Path, library: Library) -> list[Problem]:
    found, problems = library.get(path.stem)
    if found is None:
        if path.stem not in library:
            return [Problem(display_path(path), 1, 1, message=f"translates '{path.stem}', which is not in the library")]
        return problems
    return translate(found.exercise, found.doc, path.parent.name)[2]


def _worksheet_problems(path: Path, library: Library) -> list[Problem]:
    try:
        resolve(path, Options(), library)
    except InputError as exc:
        return exc.problems
    return []


def exercise_rows(tag: str | None) -> list[tuple[str, ...]]:
    library = load_library(library_dir(None))
    rows = []
    for item in library.everything():
        exercise_id, exercise = item.id, item.exercise
        if tag is None or tag in exercise.tags:
            rows.append((exercise_id, exercise.name, exercise.position, ", ".join(exercise.tags)))
    return rows


def layout_rows() -> list[tuple[str, ...]]:
    rows = []
    for name, path in sorted(layout_names(None).items()):
        layout, _doc, _problems = load_layout(path)
        if layout is None:
            rows.append((name, "(has problems: run 'worksheet validate')", "", ""))
        else:
            rows.append((name, layout.name, _paper(layout), layout.description or ""))
    return rows


def _paper(layout: Layout) -> str:
    return f"{layout.page.size} {layout.page.orientation}"


def worksheet_rows(tag: str | None, directory: Path = Path(WORKSHEETS_DIR)) -> list[tuple[str, ...]]:
    from .pipeline import render_worksheet  # the page count needs a real build

    rows = []
    for path in sorted(directory.glob("*.yaml")):
        worksheet, _doc, problems = load_and_check(path, Worksheet)
        if worksheet is None:
            rows.append((path.stem, "(has problems: run 'worksheet validate')", "", ""))
            continue
        if tag is not None and tag not in worksheet.tags:
            continue
        try:
            pages = str(render_worksheet(path).pages)
        except InputError:
            pages = "error"
        rows.append((path.stem, worksheet.title, worksheet.layout, pages))
    return rows
