"""Where the exercise library and layouts are found for a given worksheet.

A worksheet copied anywhere inside a project still finds the project's library
and layouts: each folder from the worksheet's own up to the filesystem root is
tried, then the project folder the limits name (else the working directory). Confined limits keep the
search inside that folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..model.limits import Limits

PACKAGE = Path(__file__).resolve().parent.parent  # generator/
SHIPPED_FONTS = PACKAGE / "fonts"

LIBRARY_DIR = "exercises"
WORKSHEETS_DIR = "worksheets"
LAYOUTS_DIR = "layouts"


def within(path: Path, folder: Path) -> bool:
    """Whether ``path``, every symbolic link followed, lies in ``folder``; False for a path no system can hold."""
    try:
        return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))
    except (OSError, ValueError):  # a name too long, a NUL byte
        return False


def _search_roots(worksheet: Path | None, limits: Limits) -> list[Path]:
    roots: list[Path] = []
    if worksheet is not None:
        here = worksheet.resolve().parent
        roots = [here, *here.parents]
    roots.append((limits.root or Path.cwd()).resolve())
    if limits.confined and limits.root is not None:
        roots = [root for root in roots if within(root, limits.root)]
    return list(dict.fromkeys(roots))


def library_dir(worksheet: Path | None, limits: Limits) -> Path | None:
    """The nearest ``exercises/`` beside the worksheet or ``worksheets/exercises/`` above it."""
    for root in _search_roots(worksheet, limits):
        for candidate in (root / LIBRARY_DIR, root / WORKSHEETS_DIR / LIBRARY_DIR):
            if candidate.is_dir():
                return candidate
    return None


def shipped_layouts() -> Path:
    """The layouts that come with the tool: in the installed package, or beside it in a checkout."""
    installed = PACKAGE / "shipped_layouts"
    return installed if installed.is_dir() else PACKAGE.parent / LAYOUTS_DIR


def layout_dirs(worksheet: Path | None, limits: Limits) -> list[Path]:
    """Every ``layouts/`` folder that may hold a named layout, nearest first, the shipped ones last."""
    dirs = [root / LAYOUTS_DIR for root in _search_roots(worksheet, limits) if (root / LAYOUTS_DIR).is_dir()]
    dirs.append(shipped_layouts())
    return list(dict.fromkeys(d.resolve() for d in dirs if d.is_dir()))


def is_path(reference: str) -> bool:
    """A layout given as a file path rather than a name."""
    return reference.endswith((".yaml", ".yml")) or "/" in reference or "\\" in reference


def layout_names(worksheet: Path | None, limits: Limits, exclude: Path | None = None) -> dict[str, Path]:
    """Every layout name visible from the worksheet, the nearest file winning.

    ``exclude`` lets a layout extend another of its own name further along the search.
    """
    names: dict[str, Path] = {}
    skip = exclude.resolve() if exclude is not None else None
    for directory in layout_dirs(worksheet, limits):
        for path in sorted(directory.glob("*.yaml")):
            if path.resolve() != skip:
                names.setdefault(path.stem, path)
    return names


def worksheet_names(near: Path | None, limits: Limits) -> dict[str, Path]:
    """Every worksheet visible from ``near``: in ``worksheets/`` folders up from there, then the project's."""
    names: dict[str, Path] = {}
    for root in _search_roots(near, limits):
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
