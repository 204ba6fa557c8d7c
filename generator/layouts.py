"""Finding and loading layouts by name or path."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from .errors import Problem
from .locate import is_path, layout_names
from .model import Layout
from .validate import did_you_mean, load_and_check

Paper = Literal["letter", "a4"]


def find_layout(reference: str, worksheet: Path | None, base: Path) -> tuple[Path | None, str]:
    """The layout file a name, or a path relative to ``base``, refers to; or None and why not."""
    if is_path(reference):
        path = base / reference
        if path.is_file():
            return path, ""
        return None, f"layout file not found: '{reference}'"
    names = layout_names(worksheet)
    if reference in names:
        return names[reference], ""
    known = ", ".join(sorted(names)) or "none found"
    return None, f"unknown layout '{reference}'{did_you_mean(reference, names)}; known layouts: {known}"


def load_layout(path: Path, paper: Paper | None = None) -> tuple[Layout | None, list[Problem]]:
    layout, _doc, problems = load_and_check(path, Layout)
    if layout is not None and paper is not None:
        layout = with_paper(layout, paper)
    return layout, problems


def with_paper(layout: Layout, paper: Paper) -> Layout:
    page = layout.page.model_copy(update={"size": paper})
    return layout.model_copy(update={"page": page})
