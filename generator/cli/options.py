"""Options shared by several commands, declared once; and the Options record they make."""

from __future__ import annotations

import os
import traceback

import click

from ..base.errors import WorksheetError
from ..model.choices import LANGUAGES, PAPERS
from ..model.limits import from_environment
from . import complete

PAPER = click.Choice(PAPERS, case_sensitive=False)
LANGUAGE = click.Choice(LANGUAGES)


def make_options(**given):
    """The Options record for this run: what the command line gave, limits from the environment."""
    from ..resolve.options import Options

    return Options(limits=from_environment(os.environ), **given)


def say_problems(problems) -> None:
    """Warnings (and errors) on stderr, each once, like a compiler's."""
    for problem in dict.fromkeys(problems):
        click.echo(str(problem), err=True)


def show_error(ctx: click.Context, exc: WorksheetError) -> None:
    if ctx.meta.get("debug"):
        traceback.print_exc()
    exc.show()


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


def layout_options(command):
    command = click.option("--paper", type=PAPER, callback=lambda _c, _p, v: v.lower() if v else v,
                           help="Print on this paper size whatever the layout says.")(command)
    return click.option("--layout", shell_complete=complete.layouts,
                        help="A layout name (from layouts/) or a layout file, instead of the worksheet's own.")(command)


