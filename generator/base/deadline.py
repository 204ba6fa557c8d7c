"""A build's time limit: checked between the pieces of work a build does, so a server can stop one build
that runs too long (or every build, when it shuts down) without stopping the process.

A ``Deadline`` is passed in by whoever starts the work; nothing reads a clock behind the caller's back.
"""

from __future__ import annotations

import threading
import time
from typing import Callable

from .errors import WorksheetError


class TimeLimit(WorksheetError):
    """A build stopped because it ran past its time limit, or because its server is stopping."""


class Deadline:
    """``seconds`` from now (None: no limit), or sooner when ``cancel()`` is called from another thread."""

    def __init__(self, seconds: float | None = None, clock: Callable[[], float] = time.monotonic):
        self.seconds, self._clock = seconds, clock
        self._ends = None if seconds is None else clock() + seconds
        self._cancelled = threading.Event()
        self._why = ""

    def cancel(self, why: str = "the server is stopping") -> None:
        self._why = why
        self._cancelled.set()

    def check(self) -> None:
        """Raise TimeLimit when the time is up or the work was cancelled; else nothing."""
        if self._cancelled.is_set():
            raise TimeLimit(f"stopped: {self._why}")
        if self._ends is not None and self._clock() > self._ends:
            raise TimeLimit(f"the build took longer than the limit of {self.seconds:g} s; shorten the longest texts, "
                            "or build it with the worksheet command")
