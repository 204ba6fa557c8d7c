"""Which files a build may read: under confined limits (a server's), only files inside the project folder,
wherever a path, a name or a symbolic link leads; the tool's own layouts and fonts besides."""

from __future__ import annotations

from pathlib import Path

from ..model.limits import Limits
from .locate import SHIPPED_FONTS, shipped_layouts, within


def in_project(path: Path, limits: Limits) -> bool:
    """Whether a file a user named may be read: always, unless the limits confine reading to a project."""
    return not limits.confined or limits.root is None or within(path, limits.root)


def readable(path: Path, limits: Limits) -> bool:
    """Whether any file may be read: one in the project, or the tool's own layouts and fonts."""
    return in_project(path, limits) or within(path, shipped_layouts()) or within(path, SHIPPED_FONTS)


def refusal(given: str, path: Path, limits: Limits, what: str = "file") -> str:
    """Why the ``what`` that ``given`` names (found at ``path``) may not be used; "" when it may. Never says
    more of the file than its name as given."""
    return "" if in_project(path, limits) else f"'{given}' is outside the project folder; name a {what} inside it"
