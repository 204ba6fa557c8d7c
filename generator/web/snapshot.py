"""A cheap fingerprint of a project's files (each stamped as a watcher stamps it) to notice when any changed."""

from __future__ import annotations

import os
from pathlib import Path

from ..app.watched import stamp


def snapshot(root: Path, folders: tuple[str, ...]) -> tuple:
    """(path, stamp) of every file under each folder, sorted; a few hundred stat calls at most."""
    files = sorted(Path(top, name) for folder in folders for top, _, names in os.walk(root / folder)
                   for name in names)
    return tuple((path, stamp(path)) for path in files)
