"""What a process keeps between builds of one project, in one object that callers hold and pass in.

A command holds one for its run, a batch worker one for its life, a long-running server one per project,
made anew when the project's files change. Nothing is kept in module globals.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..check.printable import Checker
from ..load.library import Library
from ..resolve.options import Options
from ..resolve.resolve import library_for

if TYPE_CHECKING:  # rendering, and ReportLab with it, loads only when something is drawn
    from ..render.typesetter import Typesetter


class Caches:
    """Exercise libraries, font character maps, decoded pictures (``kept_pictures`` of them at most: none
    when only checking); and, once something is drawn, fonts read by ReportLab, paragraph styles with their
    parsed markup, and picture readers.

    An exercise library is read once and not looked at again: a process that lives on while files change
    (a server, a watcher) makes a new Caches when they do.
    """

    def __init__(self, kept_pictures: int = 64) -> None:
        self._libraries: dict[tuple, Library] = {}
        self.checker = Checker(kept_pictures)
        self._typesetter: Typesetter | None = None

    def library(self, worksheet: Path, options: Options) -> Library:
        """The exercise library a worksheet's entries are looked up in, read once."""
        directory = library_for(worksheet, options)
        key = (directory.resolve() if directory else None, options.allow_outside, options.limits)
        if key not in self._libraries:
            self._libraries[key] = Library(directory, options.limits, options.allow_outside)
        return self._libraries[key]

    @property
    def typesetter(self) -> Typesetter:
        if self._typesetter is None:
            from ..render.typesetter import Typesetter

            self._typesetter = Typesetter()
        return self._typesetter
