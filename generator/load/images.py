"""Illustrations and logos found: named relative to the file that names them, inside the project folder.

What is inside the file is the check stage's business (generator/check/images.py).
"""

from __future__ import annotations

from pathlib import Path

from ..model.limits import Limits
from .fence import refusal
from .locate import project_root
from .source import Origin, display_path

ALLOW_OPTION = "--allow-outside-files"


def find_image(name: str, origin: Origin, field: str, allow_outside: bool,
               limits: Limits) -> tuple[Path | None, str]:
    """The image a file names (relative to that file), or None and what is wrong with it; confined limits
    refuse one outside their project whatever ``allow_outside`` says."""
    base = origin.base_dir((field,))
    path = base / name
    fenced = refusal(name, path, limits, field)
    if fenced:
        return None, fenced
    if not allow_outside:
        why = _escapes(name, path, base)
        if why:
            return None, why
    if path.is_dir():
        return None, f"'{name}' is a folder, not an image file"
    if not path.is_file():
        return None, f"{field} not found: '{name}' (looked in {display_path(path.parent, limits.root)})"
    return path, ""


def _escapes(name: str, path: Path, base: Path) -> str:
    root = project_root(base)
    if Path(name).is_absolute():
        return f"'{name}' is an absolute path; give it relative to this file, or allow it with {ALLOW_OPTION}"
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return f"'{name}' is outside the project folder; move it inside, or allow it with {ALLOW_OPTION}"
    return ""
