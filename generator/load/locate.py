"""Where the exercise library and layouts are found for a given worksheet.

A worksheet copied anywhere inside a project still finds the project's library
and layouts: each folder from the worksheet's own up to the filesystem root is
tried, then the working directory.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent  # generator/
SHIPPED_FONTS = PACKAGE / "fonts"

LIBRARY_DIR = "exercises"
WORKSHEETS_DIR = "worksheets"
LAYOUTS_DIR = "layouts"


def _search_roots(worksheet: Path | None) -> list[Path]:
    roots: list[Path] = []
    if worksheet is not None:
        here = worksheet.resolve().parent
        roots = [here, *here.parents]
    roots.append(Path.cwd().resolve())
    return list(dict.fromkeys(roots))


def library_dir(worksheet: Path | None) -> Path | None:
    """The nearest ``exercises/`` beside the worksheet or ``worksheets/exercises/`` above it."""
    for root in _search_roots(worksheet):
        for candidate in (root / LIBRARY_DIR, root / WORKSHEETS_DIR / LIBRARY_DIR):
            if candidate.is_dir():
                return candidate
    return None


def shipped_layouts() -> Path:
    """The layouts that come with the tool: in the installed package, or beside it in a checkout."""
    installed = PACKAGE / "shipped_layouts"
    return installed if installed.is_dir() else PACKAGE.parent / LAYOUTS_DIR


def layout_dirs(worksheet: Path | None) -> list[Path]:
    """Every ``layouts/`` folder that may hold a named layout, nearest first, the shipped ones last."""
    dirs = [root / LAYOUTS_DIR for root in _search_roots(worksheet) if (root / LAYOUTS_DIR).is_dir()]
    dirs.append(shipped_layouts())
    return list(dict.fromkeys(d.resolve() for d in dirs if d.is_dir()))


def is_path(reference: str) -> bool:
    """A layout given as a file path rather than a name."""
    return reference.endswith((".yaml", ".yml")) or "/" in reference or "\\" in reference


def layout_names(worksheet: Path | None, exclude: Path | None = None) -> dict[str, Path]:
    """Every layout name visible from the worksheet, the nearest file winning.

    ``exclude`` lets a layout extend another of its own name further along the search.
    """
    names: dict[str, Path] = {}
    skip = exclude.resolve() if exclude is not None else None
    for directory in layout_dirs(worksheet):
        for path in sorted(directory.glob("*.yaml")):
            if path.resolve() != skip:
                names.setdefault(path.stem, path)
    return names


def worksheet_names(near: Path | None) -> dict[str, Path]:
    """Every worksheet visible from ``near``: in ``worksheets/`` folders up from there, then the working directory."""
    names: dict[str, Path] = {}
    for root in _search_roots(near):
        for directory in (root / WORKSHEETS_DIR, root):
            for path in sorted(directory.glob("*.yaml")) if directory.is_dir() else []:
                names.setdefault(path.stem, path)
    return names


def project_root(folder: Path) -> Path:
    """The project a file belongs to: the nearest folder holding worksheets/ or layouts/, else the file's own."""
    here = folder.resolve()
    for candidate in (here, *here.parents):
        if (candidate / WORKSHEETS_DIR).is_dir() or (candidate / LAYOUTS_DIR).is_dir():
            return candidate
    return here
