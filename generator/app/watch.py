"""One worksheet rebuilt each time a file it is made from is saved, in a process that stays warm between
builds, so a rebuild costs what drawing costs and not what starting Python, importing ReportLab and
reading fonts cost.

The loop polls stamps rather than asking the system for file events: a handout is made from a few dozen
files, and stamping them all costs well under a millisecond; polling behaves the same on every system,
inside containers and over network folders, whichever way an editor saves, and needs no dependency.
A quarter of a second is quicker than a person can turn to their PDF viewer.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Callable, Optional

from ..base.errors import Problem, WorksheetError
from ..base.record import Record
from ..resolve.options import Options
from .caches import Caches
from .output import write_atomically
from .pipeline import draw_handout, prepare_handout
from .watched import Stamp, changed, stamp, stamps, watched_files

POLL_SECONDS = 0.25
SETTLE_SECONDS = 0.03  # an editor that saves in place truncates, then writes: build once it has finished
SETTLE_TRIES = 10


class Outcome(Record):
    """One build: the PDF written, or why not (and the last good PDF then left as it was)."""

    target: Path
    seconds: float
    pages: int = 0
    warnings: tuple[Problem, ...] = ()
    error: Optional[Exception] = None  # a WorksheetError, or a fault in the tool itself
    watched: int = 0  # how many files and folders are watched after it


class Watcher:
    """A worksheet, where its PDF goes, and the warm caches its builds share.

    The caches are kept while only the worksheet changes; when anything they hold may have changed (an
    exercise, a translation, a layout, a picture, a font, a clinic file), they are made anew, as
    ``Caches`` asks of a process that lives on while files change.
    """

    def __init__(self, worksheet: Path, target: Path, options: Options, caches: Caches | None = None) -> None:
        self.worksheet = Path(worksheet)
        self.target = Path(target)
        self.options = options
        self.caches = caches or Caches()
        self._seen: dict[Path, Stamp] = {}

    def build(self) -> Outcome:
        """Build from the files as they are now, then watch what this build was made from."""
        before = stamps({*self._seen, self.worksheet.resolve()})  # a save during the build is seen next poll
        started = time.perf_counter()
        handout, error, pages = None, None, 0
        warnings: tuple[Problem, ...] = ()
        try:
            prepared = prepare_handout(self.worksheet, self.options, self.caches)
            handout = prepared.handout
            result = draw_handout(prepared, self.caches)
            write_atomically(self.target, result.pdf)
            pages, warnings = result.pages, result.warnings
        except Exception as exc:  # noqa: BLE001 - a watcher outlives a bad save, and a fault of its own
            error = exc
        seconds = time.perf_counter() - started
        paths = watched_files(self.worksheet, self.options, handout,
                              error if isinstance(error, WorksheetError) else None)
        if error is not None:
            paths |= set(self._seen)  # a broken file hides what it uses: keep watching what the last build used
        self._seen = {path: before[path] if path in before else stamp(path) for path in paths}
        return Outcome(target=self.target, seconds=seconds, pages=pages, warnings=warnings, error=error,
                       watched=len(self._seen))

    def changes(self) -> set[Path]:
        """The watched files changed since the last build, once they have stopped changing."""
        found = changed(self._seen)
        for _ in range(SETTLE_TRIES if found else 0):
            now = {path: stamp(path) for path in found}
            time.sleep(SETTLE_SECONDS)
            if all(stamp(path) == was for path, was in now.items()):
                break
        return found

    def rebuild_if_changed(self) -> Outcome | None:
        found = self.changes()
        if not found:
            return None
        if found - {self.worksheet.resolve()}:
            self.caches = Caches()
        return self.build()

    def run(self, report: Callable[[Outcome], None], stop: threading.Event | None = None,
            poll: float = POLL_SECONDS) -> None:
        """Build now, then after every change, until ``stop`` is set (or Ctrl-C, for the caller to catch)."""
        stop = stop or threading.Event()
        report(self.build())
        while not stop.wait(poll):
            outcome = self.rebuild_if_changed()
            if outcome is not None:
                report(outcome)
