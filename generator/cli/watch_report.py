"""What `worksheet watch` says after each build: one line on stdout for a PDF written; for a build that
failed, every problem on stderr, like a compiler's, then that the last good PDF was kept."""

from __future__ import annotations

import traceback
from typing import Callable

import click

from ..app.watch import Outcome
from ..base.errors import WorksheetError
from .options import say_problems


def reporter(ctx: click.Context) -> Callable[[Outcome], None]:
    debug = bool(ctx.meta.get("debug"))

    def report(outcome: Outcome) -> None:
        say_problems(outcome.warnings)
        if outcome.error is None:
            pages = f"{outcome.pages} page{'' if outcome.pages == 1 else 's'}"
            click.echo(f"built {outcome.target} ({pages}) in {outcome.seconds:.2f} s")
            return
        if debug:
            traceback.print_exception(outcome.error)
        if isinstance(outcome.error, WorksheetError):
            click.echo(outcome.error.message, err=True)
        else:  # a fault in the tool, said in one line as the group says it; the watch goes on
            click.echo(f"internal error: {outcome.error!r} (run with --debug to see the traceback)", err=True)
        kept = f"kept the last good {outcome.target}" if outcome.target.is_file() else f"{outcome.target} not written"
        click.echo(kept, err=True)

    return report
