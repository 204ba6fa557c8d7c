"""A cheap fingerprint of a project's files (names, sizes, modification times) to notice when any changed."""

from __future__ import annotations

import os
from pathlib import Path


def snapshot(root: Path, folders: tuple[str, ...]) -> tuple:
    """(path, size, mtime) of every file under each folder, sorted; a few hundred stat calls at most."""
    seen = []
    for folder in folders:
        stack = [root / folder]
        while stack:
            try:
                entries = list(os.scandir(stack.pop()))
            except OSError:
                continue
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                    continue
                try:
                    stat = entry.stat()
                except OSError:
                    continue
                seen.append((entry.path, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(seen))
