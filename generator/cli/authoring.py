"""The commands that help write files: `worksheet schema` for editors, `worksheet new` for a file to start from."""

from __future__ import annotations

from pathlib import Path

import click

from ..model.schema import KINDS
from . import complete
from .options import debug_option, make_options


@click.command()
@click.argument("kind", type=click.Choice(KINDS), required=False)
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write to this file instead of standard output; with --all, into this folder.")
@click.option("--all", "every", is_flag=True, help="Write every kind's schema into schemas/ (or the -o folder).")
@debug_option
def schema(kind: str | None, output: Path | None, every: bool) -> None:
    """Print the JSON Schema of a KIND of file, for editors to complete and check fields as you type
    (see docs/editors.md). It is generated from the model `worksheet validate` checks against."""
    from ..app.output import write_atomically
    from ..app.scaffold import SCHEMAS_DIR
    from ..model.schema import file_name, schema_text

    if every == (kind is not None):
        raise click.UsageError("give a KIND, or --all, not both")
    if kind is not None and output is None:
        click.echo(schema_text(kind), nl=False)
        return
    targets = {kind: output} if kind is not None and output is not None else {
        each: (output or Path(SCHEMAS_DIR)) / file_name(each) for each in KINDS}
    for each, path in targets.items():
        write_atomically(path, schema_text(each).encode("utf-8"))
        click.echo(str(path))


@click.group()
def new() -> None:
    """Write a new worksheet or exercise, every field commented, that builds at once."""


@new.command(name="worksheet")
@click.argument("name")
@click.option("--exercises", metavar="ID,ID,...", shell_complete=complete.exercises,
              help="The library exercises, in order, separated by commas.")
@click.option("--from", "source", metavar="WORKSHEET", shell_complete=complete.worksheets,
              help="Copy the fields of this worksheet (a name or a path).")
@debug_option
def new_worksheet(name: str, exercises: str | None, source: str | None) -> None:
    """Write worksheets/NAME.yaml."""
    from ..app.scaffold import new_worksheet as write

    ids = [each.strip() for each in exercises.split(",") if each.strip()] if exercises is not None else None
    path = write(name, ids, source, make_options().limits)
    click.echo(f"{path}  (build it with: worksheet build {path})")


@new.command(name="exercise")
@click.argument("exercise_id", metavar="ID")
@debug_option
def new_exercise(exercise_id: str) -> None:
    """Write worksheets/exercises/ID.yaml."""
    from ..app.scaffold import new_exercise as write

    path = write(exercise_id)
    click.echo(f"{path}  (check it with: worksheet validate {path})")
