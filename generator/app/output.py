"""Writing files so that a failed or interrupted build never leaves a partial one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..base.errors import BuildError
from ..load.source import display_path

TEMP_SUFFIX = ".worksheet-tmp"  # a half-written file is never named .pdf


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then move it into place in one step."""
    if path.is_dir():
        raise BuildError(f"{display_path(path)}: is a folder; name a file to write, such as {display_path(path / 'handout.pdf')}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    except OSError as exc:
        raise BuildError(f"{display_path(path)}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
        _sync_folder(path.parent)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise BuildError(f"{display_path(path)}: cannot write: {exc.strerror or exc}") from None
        raise


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system allows it."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
