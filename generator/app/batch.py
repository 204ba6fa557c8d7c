"""Many handouts at once: in worker processes, skipping those whose inputs did not change.

A manifest beside the outputs (``.worksheet-batch.json``) remembers, for each PDF, a fingerprint of
everything it was made from (see fingerprint.py) and how long it took, so unchanged handouts are skipped
and the time saved can be told. Every handout goes through the same front door as `worksheet build`.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Callable, Iterable

from ..base.deadline import Deadline, TimeLimit
from ..base.errors import InputError, Problem, WorksheetError
from ..base.record import Record
from ..load.json_text import read_json
from ..resolve.options import Options
from .caches import Caches
from .fingerprint import fingerprint
from .output import sweep_stale, write_atomically
from .pipeline import draw_handout, prepare_handout

MANIFEST = ".worksheet-batch.json"
MAX_MANIFEST = 50_000_000  # bytes: a line for each handout, for hundreds of thousands of them


class Job(Record):
    label: str  # how the user knows this handout: a worksheet path, or a CSV row
    worksheet: Path
    output: Path
    options: Options = Options()


class Outcome(Record):
    index: int  # the job's place in the list given to run()
    job: Job
    status: str  # "built", "unchanged" or "failed"
    seconds: float = 0.0
    pages: int = 0
    message: str = ""
    problems: tuple[Problem, ...] = ()  # a failed one's, each where it is, when its input was at fault
    fingerprint: str = ""
    warnings: tuple[Problem, ...] = ()


class Summary:
    """What a batch did, filled in as outcomes arrive."""

    def __init__(self) -> None:
        self.outcomes: list[Outcome] = []
        self.seconds = 0.0
        self.saved_seconds = 0.0
        self.interrupted = False

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)


def run(jobs: list[Job], workers: int, force: bool = False,
        progress: Callable[[Outcome], None] = lambda outcome: None, caches: Caches | None = None) -> Summary:
    """Build every job, ``workers`` at a time; Ctrl-C or SIGTERM stops cleanly with what was done.

    With one worker the jobs are built in this process, with ``caches`` when given; worker processes each
    keep their own.
    """
    directories = {job.output.parent for job in jobs}
    _sweep(directories)  # once here, rather than before every one of the handouts written there
    manifests = {directory: _read_manifest(directory) for directory in directories}
    previous = [_entry(manifests[job.output.parent], job.output.name) for job in jobs]
    summary, started = Summary(), time.perf_counter()
    stop = threading.Event()
    restore = _stop_on_signals(stop)
    try:
        for outcome in _outcomes(jobs, workers, force, previous, stop, caches):
            summary.outcomes.append(outcome)
            if outcome.status == "unchanged":
                summary.saved_seconds += previous[outcome.index].get("seconds", 0.0)
            progress(outcome)
    finally:
        restore()
        summary.interrupted = stop.is_set() and len(summary.outcomes) < len(jobs)
        if stop.is_set():  # what a stopped worker was writing, if it could not remove it itself
            _sweep(directories)
        summary.seconds = time.perf_counter() - started
        _write_manifests(manifests, summary.outcomes)
    return summary


def _stop_on_signals(stop: threading.Event) -> Callable[[], None]:
    """Ctrl-C and SIGTERM only set ``stop``: raising inside the executor's locks could hang the process."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = {number: signal.signal(number, lambda *_: stop.set()) for number in (signal.SIGINT, signal.SIGTERM)}

    def restore() -> None:
        for number, handler in previous.items():
            signal.signal(number, handler)

    return restore


def _outcomes(jobs: list[Job], workers: int, force: bool, previous: list[dict], stop: threading.Event,
              caches: Caches | None) -> Iterable[Outcome]:
    if workers <= 1 or len(jobs) <= 1:
        caches = caches or Caches()
        for index, job in enumerate(jobs):
            if stop.is_set():
                return
            yield build_job(index, job, previous[index].get("fingerprint", ""), force, caches)
        return
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_started)
    pending = {pool.submit(_build_in_worker, index, job, previous[index].get("fingerprint", ""), force)
               for index, job in enumerate(jobs)}
    try:
        while pending and not stop.is_set():
            done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
    finally:
        if pending:
            _stop_workers(pool)
        else:
            pool.shutdown(wait=True)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Ask every worker to stop (each removes its temporary file as it goes), then make sure they have."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # the executor has no public list
    for process in processes:
        process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=10)
        if process.is_alive():
            process.kill()
            process.join()


def build_job(index: int, job: Job, previous_fingerprint: str, force: bool, caches: Caches) -> Outcome:
    """One handout: skipped when its fingerprint is unchanged and its PDF is still there."""
    started = time.perf_counter()
    try:
        prepared = prepare_handout(job.worksheet, job.options, caches)
        warnings = prepared.handout.warnings
        digest = fingerprint(prepared.handout, job.options)
        if not force and digest == previous_fingerprint and job.output.is_file():
            return Outcome(index=index, job=job, status="unchanged", fingerprint=digest, warnings=warnings)
        result = draw_handout(prepared, caches)
        write_atomically(job.output, result.pdf, sweep=False)
    except WorksheetError as exc:
        return Outcome(index=index, job=job, status="failed", seconds=time.perf_counter() - started,
                       message=exc.format_message())
    return Outcome(index=index, job=job, status="built", seconds=time.perf_counter() - started, pages=result.pages,
                   fingerprint=digest, warnings=warnings)


class _Worker:
    """What a worker process keeps for its life: one set of caches, made as the process starts."""

    caches: Caches | None = None


def _build_in_worker(index: int, job: Job, previous_fingerprint: str, force: bool) -> Outcome:
    assert _Worker.caches is not None, "started without _worker_started"
    return build_job(index, job, previous_fingerprint, force, _Worker.caches)


def _read_manifest(directory: Path) -> dict:
    try:
        manifest = read_json((directory / MANIFEST).read_bytes(), str(directory / MANIFEST), MAX_MANIFEST)
    except (OSError, InputError):  # none yet, or damaged: every handout is built afresh
        return {}
    return manifest if isinstance(manifest, dict) else {}


def _entry(manifest: dict, name: str) -> dict:
    """What the last run wrote of one handout: its fingerprint and seconds, or nothing where it is damaged."""
    entry = manifest.get(name)
    if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str) \
            or type(entry.get("seconds", 0.0)) not in (int, float):
        return {}
    return entry


def _write_manifests(manifests: dict[Path, dict], outcomes: list[Outcome]) -> None:
    for outcome in outcomes:
        if outcome.status == "built":
            entry = {"fingerprint": outcome.fingerprint, "seconds": round(outcome.seconds, 4)}
            manifests[outcome.job.output.parent][outcome.job.output.name] = entry
    for directory, manifest in manifests.items():
        if manifest and directory.is_dir():
            text = json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False)
            write_atomically(directory / MANIFEST, text.encode("utf-8"), sweep=False)


def _worker_started() -> None:
    _Worker.caches = Caches()
    # Ctrl-C reaches the whole process group: the parent alone decides, and stops the workers with SIGTERM,
    # which a worker turns into an exception so that it removes its temporary file on the way out.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _raise_interrupt)


def _raise_interrupt(_signum, _frame) -> None:
    raise KeyboardInterrupt


def _sweep(directories: set[Path]) -> None:
    """Remove what a writer killed outright left behind: temporary files, never a PDF."""
    for directory in directories:
        if directory.is_dir():
            sweep_stale(directory)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def summary_lines(summary: Summary, total: int, early_failures: list[str]) -> list[tuple[str, bool]]:
    """What `worksheet batch` says when done, as (line, whether it goes to stderr): every warning and every
    failure's message once, then one line of counts."""
    warnings = [str(warning) for outcome in summary.outcomes for warning in outcome.warnings]
    lines = [(line, True) for line in dict.fromkeys(warnings)]
    failures = [*early_failures, *(outcome.message for outcome in summary.outcomes if outcome.status == "failed")]
    lines += [(message, True) for message in dict.fromkeys(failures)]  # rows that fail alike say so once
    failed = summary.count("failed") + len(early_failures)
    counts = f"built {summary.count('built')}, unchanged {summary.count('unchanged')}, failed {failed}"
    if summary.interrupted:
        left = total - len(summary.outcomes)
        return lines + [(f"interrupted after {summary.seconds:.1f} s: {counts}, not done {left}; "
                         "no partial PDF was left behind", True)]
    saved = f"; skipping unchanged saved about {summary.saved_seconds:.1f} s" if summary.count("unchanged") else ""
    return lines + [(f"{counts} in {summary.seconds:.1f} s{saved}", False)]


def build_in_memory(index: int, job: Job, caches: Caches, text: str | None = None,
                    deadline: Deadline | None = None) -> tuple[Outcome, bytes | None]:
    """One handout built as build_job builds it, kept in memory instead of written (``text`` standing in for
    the worksheet's file): its outcome, and its PDF unless it failed. TimeLimit, when ``deadline`` passes,
    stops the caller's whole run rather than failing one handout."""
    started = time.perf_counter()
    try:
        prepared = prepare_handout(job.worksheet, job.options, caches, text, deadline)
        result = draw_handout(prepared, caches, deadline)
    except TimeLimit:
        raise
    except WorksheetError as exc:
        return Outcome(index=index, job=job, status="failed", seconds=time.perf_counter() - started,
                       message=exc.format_message(),
                       problems=tuple(exc.problems) if isinstance(exc, InputError) else ()), None
    outcome = Outcome(index=index, job=job, status="built", seconds=time.perf_counter() - started,
                      pages=result.pages, fingerprint=fingerprint(prepared.handout, job.options),
                      warnings=prepared.handout.warnings)
    return outcome, result.pdf
