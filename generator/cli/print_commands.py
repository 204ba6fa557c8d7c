"""`worksheet print` and `worksheet printers`: arguments in, app/printjob.py and app/printing.py called,
what was sent said. `worksheet batch --print` lives with batch in main.py and uses the same pieces."""

from __future__ import annotations

from pathlib import Path

import click

from . import complete
from .options import (
    debug_option,
    for_one_client,
    make_options,
    print_options,
    print_settings,
    printer_build_options,
    say_problems,
)
from .table import format_table


@click.command(name="print")
@click.argument("worksheets", nargs=-1, required=True, type=click.Path(path_type=Path),
                shell_complete=complete.worksheets)
@print_options
@printer_build_options
@debug_option
def print_command(worksheets: tuple[Path, ...], printer: str | None, copies: int, duplex: str | None,
                  paper: str | None, **given) -> None:
    """Print each WORKSHEET's handout, as one job, for one client if client options are given. Nothing is
    written to disk, and nothing is sent unless every handout builds."""
    from ..app.printing import Cups
    from ..app.printjob import print_handouts

    settings, paper = print_settings(paper, copies, duplex)
    options = make_options(paper=paper, **for_one_client(given))
    job = print_handouts(list(worksheets), options, Cups(), printer, settings)
    say_problems(job.warnings)
    handouts = f"{job.handouts} handout{'' if job.handouts == 1 else 's'}"
    times = f", {copies} copies" if copies > 1 else ""
    click.echo(f"{job.job} on '{job.printer}': {handouts}, {job.pages} page{'' if job.pages == 1 else 's'}{times}")


@click.command()
@debug_option
def printers() -> None:
    """List the print service's printers: state, whether they take jobs, and the default."""
    from ..app.printing import Cups

    rows: list[tuple[str, ...]] = [
        (printer.name, printer.state, "yes" if printer.accepting else "no", "yes" if printer.default else "",
         printer.reason if printer.state == "stopped" or not printer.accepting else "")
        for printer in Cups().printers()]
    click.echo(format_table(("printer", "state", "accepting", "default", "reason"), rows))
