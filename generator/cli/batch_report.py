"""`worksheet batch`'s summary in words, and its progress bar."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Callable, Iterator

import click

from ..app.batch import Outcome, Summary, summary_lines


def report(summary: Summary, total: int, early_failures: list[str]) -> None:
    """Every warning and every failure's message once, on stderr; then one line of counts."""
    for line, to_stderr in summary_lines(summary, total, early_failures):
        click.echo(line, err=to_stderr)


@contextmanager
def progress_bar(total: int) -> Iterator[Callable[[Outcome], None]]:
    """A bar with counts on a terminal; silence when stderr is a file or a pipe."""
    stream = sys.stderr
    if not stream.isatty():
        yield lambda outcome: None
        return
    with click.progressbar(length=total, label="Building", show_pos=True, file=stream) as bar:
        yield lambda outcome: bar.update(1)
