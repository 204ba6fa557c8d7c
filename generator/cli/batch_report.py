"""`worksheet batch`'s summary in words, and its progress bar."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Callable, Iterator

import click

from ..app.batch import Outcome, Summary
from .options import say_problems


def report(summary: Summary, total: int, early_failures: list[str]) -> None:
    """Every warning and every failure's message once, on stderr; then one line of counts."""
    say_problems(warning for outcome in summary.outcomes for warning in outcome.warnings)
    failures = [*early_failures, *(outcome.message for outcome in summary.outcomes if outcome.status == "failed")]
    for message in dict.fromkeys(failures):  # rows that fail alike (the same worksheet, a bad option) say so once
        click.echo(message, err=True)
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
