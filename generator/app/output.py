"""Writing files so that a failed or interrupted build never leaves a partial one."""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

from ..base.errors import BuildError
from ..load.source import display_path

TEMP_SUFFIX = ".worksheet-tmp"  # a half-written file is never named .pdf
# .<name>.<process id>.<random>.worksheet-tmp: the process id tells whether its writer may still be running
_TEMP_NAME = re.compile(r"^\..*\.(\d+)\.[^.]+" + re.escape(TEMP_SUFFIX) + "$")
STALE_AFTER = 24 * 3600  # seconds; a process id may be reused, an old temporary file is stale whatever its id says


def write_atomically(path: Path, data: bytes, sweep: bool = True) -> None:
    """Write ``data`` to a temporary file beside ``path``, then move it into place in one step.

    Temporary files left in that folder by a writer that was killed outright are removed first, unless
    ``sweep`` is off because the caller swept the folder once for many files.
    """
    if path.is_dir():
        raise BuildError(f"{display_path(path)}: is a folder; name a file to write, such as {display_path(path / 'handout.pdf')}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if sweep:
            sweep_stale(path.parent)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.",
                                             suffix=TEMP_SUFFIX)
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


def sweep_stale(folder: Path) -> None:
    """Remove temporary files whose writer is gone (killed with SIGKILL, or the machine lost power)."""
    for leftover in folder.glob(f".*{TEMP_SUFFIX}"):
        match = _TEMP_NAME.match(leftover.name)
        try:
            old = time.time() - leftover.stat().st_mtime > STALE_AFTER
            if old or match is None or not _running(int(match.group(1))):
                leftover.unlink()
        except OSError:  # gone already, or not ours to remove
            continue


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but belongs to someone else
        return True
    return True
