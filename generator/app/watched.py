"""Which files a handout is made from, and a cheap stamp of each, so a watcher can tell when one changed.

The files come from the fingerprint (the worksheet, each exercise and its translations, the layout and
what it extends, fonts, pictures, the clinic file, the catalogues), so a watcher and an incremental batch
agree on what a build depends on. To those are added the folders a name is looked up in (the exercise
library and its translations, the layouts), stamped by the YAML names they hold: a file created there can
mend a build that failed for want of it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Optional, Union

from ..base.errors import InputError, WorksheetError
from ..load.locate import layout_dirs
from ..resolve.handout import Handout
from ..resolve.options import Options
from ..resolve.resolve import library_for
from .fingerprint import input_files

# A file's (inode, size, modification time in ns), or a folder's YAML names; None when it is not there.
# The inode notices an editor that saves by writing a new file and renaming it over the old one.
Stamp = Optional[Union[tuple[int, int, int], tuple[str, ...]]]


def watched_files(worksheet: Path, options: Options, handout: Handout | None = None,
                  error: WorksheetError | None = None) -> set[Path]:
    """The files and folders to watch for a worksheet: those its handout was made from when it was made,
    else those the error points at; the worksheet and the lookup folders always."""
    paths = {worksheet.resolve(), *lookup_folders(worksheet, options)}
    if handout is not None:
        paths.update(Path(path).resolve() for path in input_files(handout, options))
    if isinstance(error, InputError):
        # a problem may be said of an option (``--layout``) rather than a file
        paths.update(Path(problem.file).resolve() for problem in error.problems if Path(problem.file).exists())
    return paths


def lookup_folders(worksheet: Path, options: Options) -> list[Path]:
    """The exercise library, its translation folders, and every layouts/ folder a name may come from."""
    folders = list(layout_dirs(worksheet, options.limits))
    library = library_for(worksheet, options)
    if library is not None and library.is_dir():
        folders.append(library.resolve())
        folders.extend(path.resolve() for path in library.iterdir() if path.is_dir())
    return folders


def stamp(path: Path) -> Stamp:
    try:
        if path.is_dir():
            return tuple(sorted(name for name in os.listdir(path) if name.endswith((".yaml", ".yml"))))
        info = path.stat()
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


def stamps(paths: Iterable[Path]) -> dict[Path, Stamp]:
    return {path: stamp(path) for path in paths}


def changed(seen: dict[Path, Stamp]) -> set[Path]:
    """The watched paths whose stamp is not what it was."""
    return {path for path, was in seen.items() if stamp(path) != was}
