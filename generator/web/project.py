"""One project folder as the server sees it: a warm Caches for builds, and apart from it the library listing
and thumbnails with their own; each made anew when a file under worksheets/ or layouts/ changes (checked per
request from names, sizes and times). And the builds running now, so that stopping can cancel them."""

from __future__ import annotations

import datetime
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from ..app.caches import Caches
from ..compose.i18n import Catalogues
from ..base.deadline import Deadline, TimeLimit
from ..base.errors import WorksheetError
from ..load.anatomy import read_regions
from ..load.library import Library, LibraryExercise
from ..load.locate import LIBRARY_DIR, WORKSHEETS_DIR, within
from ..model.regions import Regions
from ..resolve.options import Options
from .program import ParsedOriginals
from .security import problem_json
from .snapshot import snapshot

THUMB_WIDTH_MM = 30.0
THUMB_DPI = 72
LARGE_WIDTH_MM = 80.0  # the picture in an exercise's detail view: some 470 pixels wide
LARGE_DPI = 150
WATCHED = (WORKSHEETS_DIR, "layouts")


class Project:
    """Everything kept between requests for one project.

    ``lock`` serialises builds, which share ``caches`` (a Caches is not safe across threads); the library
    listing and thumbnails have their own Caches under their own lock, so a read never waits on a build.
    """

    def __init__(self, root: Path, options: Options = Options()):
        self.root = root.resolve()
        self.build_options = options  # as the command line would have them: the library found from the worksheet
        self.options = options.replace(library=self.root / WORKSHEETS_DIR / LIBRARY_DIR)  # for listings
        self.lock = threading.RLock()
        self.caches = Caches()
        self.parsed_originals = ParsedOriginals()
        self._reading = threading.Lock()
        self._catalogues = Catalogues()  # the page's fixed words in each language, read once
        self.regions: Regions = read_regions()
        self._seen: tuple = ()
        self._seen_reading: tuple = ()
        self._fresh_reading()

    def refresh(self) -> None:
        """Under ``lock``, before a build: start the builds' caches afresh if any project file changed."""
        seen = snapshot(self.root, WATCHED)
        if seen != self._seen:
            self._seen = seen
            self.caches = Caches()

    def _refresh_reading(self) -> None:
        seen = snapshot(self.root, WATCHED)
        if seen != self._seen_reading:
            self._seen_reading = seen
            self._fresh_reading()

    def _fresh_reading(self) -> None:
        self._read_caches = Caches()
        self._thumbs: dict[tuple[str, bool], bytes] = {}
        self._listing: dict | None = None

    @property
    def worksheet_dir(self) -> Path:
        return self.root / WORKSHEETS_DIR

    def _library(self) -> Library:
        return self._read_caches.library(self.worksheet_dir / "any.yaml", self.options)

    def worksheets(self) -> list[dict]:
        """Every worksheet file under worksheets/ (not the library) that the page can open, with its title where
        it has one; a file whose name no page can send, or that leads outside, is left out, never an error."""
        from .building import read_worksheet
        from .names import listable
        from .program import program_from_yaml

        found: list[tuple[float, dict]] = []
        for path in sorted(self.worksheet_dir.rglob("*.yaml")):
            relative = path.relative_to(self.root).as_posix()
            if relative.startswith(f"{WORKSHEETS_DIR}/{LIBRARY_DIR}/") or not listable(relative) \
                    or not within(path, self.worksheet_dir):
                continue
            try:
                title = program_from_yaml(read_worksheet(self, path) or "", relative)["title"]
            except WorksheetError:
                title = ""
            found.append((_changed(path), {"path": relative, "title": title, "modified": _minute(_changed(path))}))
        # the newest first, as the page lists them: a program saved a moment ago at the top
        return [entry for _, entry in sorted(found, key=lambda pair: pair[0], reverse=True)]

    def listing(self) -> dict:
        """The library as the page lists it: every exercise, and a message for each file that is broken."""
        with self._reading:
            self._refresh_reading()
            if self._listing is None:
                library, exercises, problems = self._library(), [], []
                for exercise_id in library.ids():
                    found, broken = library.get(exercise_id)
                    problems += [problem_json(problem, None) for problem in broken]
                    if found is not None:
                        exercises.append(self._entry(found))
                self._listing = {"exercises": exercises, "problems": problems}
            return self._listing

    def _entry(self, found: LibraryExercise) -> dict:
        from .choices import position_label

        exercise = found.exercise
        return {"id": found.id, "name": exercise.name, "position": exercise.position,
                "position_label": position_label(exercise.position), "tags": list(exercise.tags),
                "equipment": list(exercise.equipment), "targets": list(exercise.targets),
                "regions": self.regions.of(list(exercise.tags)), "region_words": self.regions.words_of(list(exercise.tags)),
                "summary": exercise.summary or "", "thumbnail": f"/thumbs/{found.id}.png",
                "dosage": exercise.dosage.as_dict(),
                "variations": [{"level": v.level, "label": v.text or v.exercise or ""} for v in exercise.variations]}

    def thumbnail(self, exercise_id: str, large: bool = False) -> bytes | None:
        """A PNG of the exercise's picture file or figure, small for the list or ``large`` for its detail view;
        None for an id not in the library."""
        with self._reading:
            self._refresh_reading()
            if (exercise_id, large) not in self._thumbs:
                library = self._library()
                found, _ = library.get(exercise_id) if exercise_id in library else (None, [])
                if found is None:
                    return None
                self._thumbs[exercise_id, large] = self._draw_thumbnail(found, large)
            return self._thumbs[exercise_id, large]

    def _draw_thumbnail(self, found: LibraryExercise, large: bool) -> bytes:
        from .thumbnails import LARGE_PIXELS, THUMB_PIXELS, blank, figure_thumbnail, photo_thumbnail

        try:
            if found.illustration is not None:
                return photo_thumbnail(found.illustration, self.options.limits, LARGE_PIXELS if large else THUMB_PIXELS)
            if found.exercise.figure is not None:
                width, dpi = (LARGE_WIDTH_MM, LARGE_DPI) if large else (THUMB_WIDTH_MM, THUMB_DPI)
                return figure_thumbnail(found.id, self.options, self._read_caches, width, dpi)
        except (WorksheetError, OSError, ValueError):
            pass  # a picture that cannot be drawn gets the empty box the handout would print
        return blank()

    def detail(self, exercise_id: str, language: str) -> dict | None:
        """An exercise as its detail view shows it, in ``language`` where the library has it; None for an id
        not in the library."""
        from .exercise_detail import exercise_detail

        with self._reading:
            self._refresh_reading()
            library = self._library()
            found, _ = library.get(exercise_id) if exercise_id in library else (None, [])
            if found is None:
                return None
            return exercise_detail(found, language, self.options.limits, self._catalogues)


class Builds:
    """The Deadlines of the builds running now: each request's build runs under one, and stopping the server
    cancels every one (and any build started after) and tells each request waiting on one to answer now."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: set[Deadline] = set()
        self._waiting: set[Callable[[], None]] = set()
        self.stopping = False

    @contextmanager
    def deadline(self, seconds: float) -> Iterator[Deadline]:
        deadline = Deadline(seconds)
        with self._lock:
            if self.stopping:
                deadline.cancel()
            self._running.add(deadline)
        try:
            yield deadline
        finally:
            with self._lock:
                self._running.discard(deadline)

    @contextmanager
    def waiting(self, answer_now: Callable[[], None]) -> Iterator[None]:
        """While the body runs, stopping calls ``answer_now`` (at once, if stopping already)."""
        with self._lock:
            self._waiting.add(answer_now)
            stopping = self.stopping
        if stopping:
            answer_now()
        try:
            yield
        finally:
            with self._lock:
                self._waiting.discard(answer_now)

    def stop(self) -> None:
        with self._lock:
            self.stopping = True
            for deadline in self._running:
                deadline.cancel()
            waiting = list(self._waiting)
        for answer_now in waiting:
            answer_now()


def stopped() -> TimeLimit:
    """What a build stopped by the server stopping raises, in the Deadline's own words."""
    deadline = Deadline()
    deadline.cancel()
    try:
        deadline.check()
    except TimeLimit as exc:
        return exc
    raise AssertionError("a cancelled Deadline raises")


def _changed(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # gone since it was listed
        return 0.0


def _minute(stamp: float) -> str:
    """When a file last changed, to the minute, in this machine's time: how the page lists it."""
    return datetime.datetime.fromtimestamp(stamp).isoformat(timespec="minutes") if stamp else ""
