"""Options shared by several commands, declared once; and the Options record they make."""

from __future__ import annotations

import os
import traceback
from pathlib import Path
from typing import Optional, cast

import click

from ..base.errors import WorksheetError
from ..model.choices import AUTO_PAPER, DUPLEXES, LANGUAGES, PAPERS, Duplex
from ..model.limits import from_environment
from . import complete

PAPER = click.Choice(PAPERS, case_sensitive=False)
PRINTER_PAPER = click.Choice((*PAPERS, AUTO_PAPER), case_sensitive=False)  # only where a printer is chosen
LANGUAGE = click.Choice(LANGUAGES)


def make_options(**given):
    """The Options record for this run: what the command line gave, limits from the environment, messages
    naming files relative to the folder the command runs in."""
    from ..resolve.options import Options

    return Options(limits=from_environment(os.environ).replace(root=Path.cwd()), **given)


def say_problems(problems) -> None:
    """Warnings (and errors) on stderr, each once, like a compiler's."""
    for problem in dict.fromkeys(problems):
        click.echo(str(problem), err=True)


def show_error(ctx: click.Context, exc: WorksheetError) -> None:
    if ctx.meta.get("debug"):
        traceback.print_exc()
    click.echo(exc.message, err=True)


class Failed(click.ClickException):
    """A user's error as click ends a command with it: the message alone (no "Error: " before it), status 1."""

    exit_code = 1

    def show(self, file=None) -> None:
        click.echo(self.format_message(), file=file, err=True)


def _set_debug(ctx: click.Context, _param, value: bool) -> None:
    if value:
        ctx.meta["debug"] = True


def debug_option(command):
    return click.option(
        "--debug", is_flag=True, expose_value=False, is_eager=True, callback=_set_debug,
        help="Show the full traceback when something goes wrong.",
    )(command)


def allow_outside_option(command):
    return click.option(
        "--allow-outside-files", "allow_outside", is_flag=True,
        help="Let illustrations and logos come from outside the project folder.",
    )(command)


def language_options(command):
    command = click.option("--second-language", type=LANGUAGE,
                           help="Print each step again in this language, lighter: for a client and a carer.")(command)
    command = click.option("--strict", is_flag=True,
                           help="A missing translation, or a worksheet built in a language it is not "
                                "written in, is an error, not a warning.")(command)
    return click.option("--language", type=LANGUAGE,
                        help="The handout's language, instead of the worksheet's.")(command)


def layout_options(command, paper: click.Choice = PAPER):
    said = "; auto: the printer's default paper" if AUTO_PAPER in paper.choices else ""
    command = click.option("--paper", type=paper, callback=lambda _c, _p, v: v.lower() if v else v,
                           help=f"Print on this paper size whatever the layout says{said}.")(command)
    return click.option("--layout", shell_complete=complete.layouts,
                        help="A layout name (from layouts/) or a layout file, instead of the worksheet's own.")(command)


def client_options(command):
    for name, text in reversed([
        ("--client", "The client's name, printed on page one."),
        ("--date", "The date printed on page one, as 2026-11-20."),
        ("--clinician", "The clinician's name, printed on page one."),
        ("--note", "A note for the client, printed on page one."),
    ]):
        command = click.option(name, help=text)(command)
    command = click.option("--skip", multiple=True, metavar="EXERCISE", shell_complete=complete.exercises,
                           help="Leave this exercise out (repeatable).")(command)
    command = click.option("--set", "sets", multiple=True, metavar="EXERCISE.FIELD=VALUE",
                           shell_complete=complete.exercise_changes,
                           help="Change a dose for this client: chin-tuck.sets=2, or *.hold_seconds=20 for every "
                                "exercise.")(command)
    return click.option("--exercise-note", multiple=True, metavar="EXERCISE=TEXT",
                        shell_complete=complete.exercise_notes,
                        help="A note under one exercise.")(command)


def log_weeks_option(command):
    return click.option("--log-weeks", type=click.IntRange(0, 12),
                        help="Add a tracking log of this many weeks (0: none).")(command)


def library_option(command):
    return click.option("--library", type=click.Path(file_okay=False, path_type=Path),
                        help="The exercise library folder. Default: the nearest worksheets/exercises/.")(command)


def clinic_option(command):
    return click.option("--clinic", type=click.Path(dir_okay=False, path_type=Path),
                        help="A clinic file (name, logo, lines, accent) for the header, instead of the worksheet's "
                             "or layout's.")(command)


def printer_layout_options(command):
    """--layout, and --paper that may also be auto: for commands that choose a printer."""
    return layout_options(command, PRINTER_PAPER)


def handout_options(command, layouts=layout_options):
    """Every option that changes how a worksheet becomes a handout, short of the client's own changes."""
    for option in reversed((layouts, library_option, clinic_option, language_options, allow_outside_option)):
        command = option(command)
    return command


def build_options(command, layouts=layout_options):
    """Every option of `build` after its arguments: how a worksheet becomes a handout, and one client's changes."""
    for option in reversed((layouts, library_option, clinic_option, client_options, log_weeks_option,
                            language_options, allow_outside_option)):
        command = option(command)
    return command


def printer_build_options(command):
    return build_options(command, printer_layout_options)


def printer_handout_options(command):
    return handout_options(command, printer_layout_options)


def print_options(command):
    """Where a job goes and how: printer, copies, sides."""
    command = click.option("--duplex", type=click.Choice(DUPLEXES),
                           help="Both sides, turning on the long or the short edge, or one side (none). "
                                "Default: the printer's. With both sides each handout starts on a front.")(command)
    command = click.option("--copies", type=click.IntRange(1, 999), default=1, show_default=True,
                           help="Copies of the job.")(command)
    return click.option("--printer", metavar="NAME",
                        help="The printer (see `worksheet printers`). Default: the system's default printer.")(command)


def print_settings(paper: str | None, copies: int, duplex: str | None):
    """The PrintSettings for a job, and the paper left for the Options record (auto is the printer's)."""
    from ..app.printjob import PrintSettings

    auto = paper == AUTO_PAPER
    sides = cast(Optional[Duplex], duplex)  # click's Choice gave one of DUPLEXES
    return PrintSettings(copies=copies, duplex=sides, auto_paper=auto), None if auto else paper


def for_one_client(given: dict) -> dict:
    """The options a command was given, the client options among them made into one client's changes
    (``personal``: None when none was given)."""
    from ..base.errors import raise_if_any
    from ..load.changes import client_options as read_client_options

    rest = dict(given)
    values = {name: rest.pop(name) for name in ("client", "date", "clinician", "note")}
    skip, sets, notes = rest.pop("skip"), rest.pop("sets"), rest.pop("exercise_note")
    changes, problems = read_client_options(values, skip, sets, notes)
    raise_if_any(problems)
    return {**rest, "personal": changes}
