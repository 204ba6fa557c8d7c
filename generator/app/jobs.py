"""`worksheet batch`: turning its arguments into jobs, and its summary into words."""

from __future__ import annotations

import glob
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import click

from .batch import Job, Outcome, Summary
from .catalog import kind_of, yaml_files
from ..load.clients import read_clients
from .naming import UniqueNames, check_pattern, file_name
from ..resolve.resolve import Options
from ..load.source import display_path


def worksheet_jobs(patterns: tuple[str, ...], directory: Path, options: Options) -> tuple[list[Job], list[str]]:
    """A job per worksheet found in the paths or globs; and a message per pattern that found nothing.

    A worksheet found in a folder keeps its place below that folder: worksheets/es/neck.yaml -> DIR/es/neck.pdf.
    """
    found: dict[Path, Path] = {}  # worksheet -> its PDF's path below the output folder
    missing = []
    for pattern in patterns or ("worksheets",):
        matches = sorted(glob.glob(pattern, recursive=True)) or ([pattern] if Path(pattern).exists() else [])
        if not matches:
            missing.append(f"{pattern}: no such file or folder")
        for match in map(Path, matches):
            files, _ = yaml_files([match])
            for path in files:
                if kind_of(path) == "worksheet":
                    below = path.relative_to(match).with_suffix(".pdf") if match.is_dir() else Path(f"{path.stem}.pdf")
                    found.setdefault(path, below)
    names = UniqueNames()
    jobs = [Job(display_path(path), path, directory / names.claim(str(below)), options) for path, below in found.items()]
    return jobs, missing


def client_jobs(csv_path: Path, directory: Path, pattern: str, options: Options) -> tuple[list[Job], list[str]]:
    """A job per good row of the clients CSV; and the problems of the rows that cannot be built."""
    check_pattern(pattern)
    names = UniqueNames()
    jobs, problems = [], []
    for row in read_clients(csv_path):
        if row.problems or row.worksheet is None:
            problems.extend(str(problem) for problem in row.problems)
            continue
        values = {**row.values, "worksheet": row.worksheet.stem, "row": str(row.line)}
        output = directory / names.claim(file_name(pattern, values))
        column = list(row.values).index("layout") + 1 if "layout" in row.values else 0
        row_options = options.replace(
            layout=row.layout or options.layout, personal=row.personal,
            language=row.language or options.language,
            layout_given_at=(display_path(csv_path), row.line, column, "layout") if row.layout else options.layout_given_at,
        )
        jobs.append(Job(f"{display_path(csv_path)} row {row.line}", row.worksheet, output, row_options))
    return jobs, problems


def report(summary: Summary, total: int, early_failures: list[str]) -> None:
    """Every failure's message on stderr, then one line of counts."""
    for message in early_failures:
        click.echo(message, err=True)
    for outcome in summary.outcomes:
        if outcome.status == "failed":
            click.echo(outcome.message, err=True)
    failed = summary.count("failed") + len(early_failures)
    counts = f"built {summary.count('built')}, unchanged {summary.count('unchanged')}, failed {failed}"
    if summary.interrupted:
        left = total - len(summary.outcomes)
        click.echo(f"interrupted after {summary.seconds:.1f} s: {counts}, not done {left}; "
                   "no partial PDF was left behind", err=True)
        return
    saved = f"; skipping unchanged saved about {summary.saved_seconds:.1f} s" if summary.count("unchanged") else ""
    click.echo(f"{counts} in {summary.seconds:.1f} s{saved}")


@contextmanager
def progress_bar(total: int) -> Iterator[Callable[[Outcome], None]]:
    """A bar with counts on a terminal; silence when stderr is a file or a pipe."""
    stream = sys.stderr
    if not stream.isatty():
        yield lambda outcome: None
        return
    with click.progressbar(length=total, label="Building", show_pos=True, file=stream) as bar:
        yield lambda outcome: bar.update(1)
