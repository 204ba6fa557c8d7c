"""The `worksheet` command: parse arguments, call the library, print results and errors."""

from __future__ import annotations

import gc
import traceback
from pathlib import Path

import click

from ..base.version import VERSION as __version__
from ..base.errors import WorksheetError

PAPERS = click.Choice(["letter", "a4"], case_sensitive=False)
LANGUAGES = ["en", "es", "fr", "de", "pt", "it"]


class WorksheetGroup(click.Group):
    """Turns any unexpected failure into one line, unless --debug asks for the traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except WorksheetError:
            if ctx.meta.get("debug"):
                traceback.print_exc()
            raise
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            if ctx.meta.get("debug"):
                raise
            raise WorksheetError(f"internal error: {exc!r} (run with --debug to see the traceback)") from None


def _set_debug(ctx: click.Context, _param, value: bool) -> None:
    if value:
        ctx.meta["debug"] = True


def allow_outside_option(command):
    return click.option(
        "--allow-outside-files", "allow_outside", is_flag=True,
        help="Let illustrations and logos come from outside the project folder.",
    )(command)


def language_options(command):
    command = click.option("--second-language", type=click.Choice(LANGUAGES),
                           help="Print each step again in this language, lighter: for a client and a carer.")(command)
    command = click.option("--strict", is_flag=True,
                           help="A missing translation is an error, not a warning.")(command)
    return click.option("--language", type=click.Choice(LANGUAGES),
                        help="The handout's language, instead of the worksheet's.")(command)


def debug_option(command):
    return click.option(
        "--debug", is_flag=True, expose_value=False, is_eager=True, callback=_set_debug,
        help="Show the full traceback when something goes wrong.",
    )(command)


@click.group(name="worksheet", cls=WorksheetGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="worksheet")
@debug_option
def main() -> None:
    """Turn plain-text exercise worksheets (YAML) into printable PDF handouts."""


@main.command()
@click.argument("worksheets", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="A .pdf file (one worksheet only) or a folder. Default: out/<worksheet name>.pdf")
@click.option("--layout", help="A layout name (from layouts/) or a layout file, instead of the worksheet's own.")
@click.option("--paper", type=PAPERS, help="Print on this paper size whatever the layout says.")
@click.option("--library", type=click.Path(file_okay=False, path_type=Path),
              help="The exercise library folder. Default: the nearest worksheets/exercises/.")
@click.option("--clinic", type=click.Path(dir_okay=False, path_type=Path),
              help="A clinic file (name, logo, lines, accent) for the header, instead of the worksheet's or layout's.")
@click.option("--client", help="The client's name, printed on page one.")
@click.option("--date", help="The date printed on page one, as 2026-11-20.")
@click.option("--clinician", help="The clinician's name, printed on page one.")
@click.option("--note", help="A note for the client, printed on page one.")
@click.option("--skip", multiple=True, metavar="EXERCISE", help="Leave this exercise out (repeatable).")
@click.option("--set", "sets", multiple=True, metavar="EXERCISE.FIELD=VALUE",
              help="Change a dose for this client: chin-tuck.sets=2, or *.hold_seconds=20 for every exercise.")
@click.option("--exercise-note", multiple=True, metavar="EXERCISE=TEXT", help="A note under one exercise.")
@click.option("--log-weeks", type=click.IntRange(0, 12), help="Add a tracking log of this many weeks (0: none).")
@language_options
@allow_outside_option
@debug_option
@click.pass_context
def build(ctx, worksheets: tuple[Path, ...], output: Path | None, layout, paper, library, clinic,
          client, date, clinician, note, skip, sets, exercise_note, log_weeks, allow_outside, language,
          strict, second_language) -> None:
    """Build each WORKSHEET into a PDF handout, for one client if client options are given."""
    from ..app.pipeline import build as build_one, default_output

    if output is not None and output.suffix.lower() == ".pdf" and len(worksheets) > 1:
        raise click.UsageError("-o names one PDF file, but several worksheets were given; name a folder instead")
    given = {"client": client, "date": date, "clinician": clinician, "note": note}
    personal = client_changes(given, skip, sets, exercise_note)
    failed = 0
    for worksheet in worksheets:
        target = default_output(worksheet)
        if output is not None:
            target = output if output.suffix.lower() == ".pdf" else output / f"{worksheet.stem}.pdf"
        try:
            result = build_one(worksheet, target, layout=layout, paper=paper, library=library, clinic=clinic,
                               personal=personal, log_weeks=log_weeks, allow_outside=allow_outside,
                               language=language, strict=strict, second_language=second_language)
        except WorksheetError as exc:
            failed += 1
            if ctx.meta.get("debug"):
                traceback.print_exc()
            exc.show()
            continue
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)
        click.echo(f"{result.output}  ({result.pages} page{'' if result.pages == 1 else 's'})")
    if failed > 1 or (failed and len(worksheets) > 1):
        raise WorksheetError(f"{failed} of {len(worksheets)} worksheets failed")
    if failed:
        ctx.exit(1)


def client_changes(given: dict, skip: tuple, sets: tuple, notes: tuple):
    """The client options as one client's changes, or None when none was given."""
    from ..base.errors import raise_if_any
    from ..resolve.personal import command_line_document, parse_personal

    if not (any(given.values()) or skip or sets or notes):
        return None
    doc, problems = command_line_document(given, skip, sets, notes)
    personal, more = parse_personal(doc)
    raise_if_any(problems + more)
    return personal


@main.command()
@click.argument("paths", nargs=-1)
@click.option("-o", "--output", "directory", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True, help="The folder for the PDFs.")
@click.option("--clients", type=click.Path(dir_okay=False, path_type=Path),
              help="A CSV with one row per client: a personalised handout for each row.")
@click.option("--name", "pattern", default="{client}-{worksheet}.pdf", show_default=True,
              help="File names for --clients, from {client} {worksheet} {date} {clinician} {layout} {row}.")
@click.option("-j", "--jobs", "workers", type=click.IntRange(1, 256), help="Worker processes. Default: one per CPU.")
@click.option("--force", is_flag=True, help="Rebuild every PDF, changed or not.")
@click.option("--layout", help="A layout name or file for every handout (a CSV 'layout' cell still wins).")
@click.option("--paper", type=PAPERS, help="Print on this paper size whatever the layout says.")
@click.option("--library", type=click.Path(file_okay=False, path_type=Path), help="The exercise library folder.")
@click.option("--clinic", type=click.Path(dir_okay=False, path_type=Path), help="A clinic file for every handout.")
@language_options
@allow_outside_option
@debug_option
@click.pass_context
def batch(ctx, paths, directory: Path, clients: Path | None, pattern: str, workers: int | None, force: bool,
          layout, paper, library, clinic, allow_outside, language, strict, second_language) -> None:
    """Build many handouts: every worksheet in PATHS (folders or globs; default worksheets/), or one per
    row of a clients CSV. Unchanged handouts are skipped."""
    from ..app.batch import default_workers, run
    from ..app.jobs import client_jobs, progress_bar, report, worksheet_jobs
    from ..resolve.resolve import Options

    options = Options(layout=layout, paper=paper, library=library, clinic=clinic, allow_outside=allow_outside,
                      language=language, strict=strict, second_language=second_language)
    if clients is not None and paths:
        raise click.UsageError("give either worksheets or --clients, not both")
    if clients is not None:
        jobs, early = client_jobs(clients, directory, pattern, options)
    else:
        jobs, early = worksheet_jobs(paths, directory, options)
    with progress_bar(len(jobs)) as update:
        summary = run(jobs, workers or default_workers(), force, update)
    report(summary, len(jobs), early)
    if summary.interrupted:
        ctx.exit(130)
    if early or summary.count("failed"):
        ctx.exit(1)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="The PDF to write. Default: out/<set file name>.pdf, or out/worksheet-set.pdf.")
@click.option("--title", help="The set's title (worksheets given directly).")
@click.option("--subtitle", help="The set's subtitle (worksheets given directly).")
@click.option("--layout", help="A layout name or file for every worksheet in the set.")
@click.option("--paper", type=PAPERS, help="Print on this paper size whatever the layout says.")
@click.option("--clinic", type=click.Path(dir_okay=False, path_type=Path), help="A clinic file for the set.")
@language_options
@allow_outside_option
@debug_option
def bundle(files: tuple[Path, ...], output: Path | None, title, subtitle, layout, paper, clinic, allow_outside,
           language, strict, second_language) -> None:
    """Print several worksheets as one PDF: cover, contents, equipment checklist and bookmarks.
    FILES are worksheets, or one set file listing them (title, subtitle, intro, worksheets, layout)."""
    from ..resolve.bundle import is_set_file, load_set, make_bundle
    from ..app.output import write_atomically
    from ..render.bundle import render_bundle
    from ..resolve.resolve import Options

    options = Options(layout=layout, paper=paper, clinic=clinic, allow_outside=allow_outside, language=language,
                      strict=strict, second_language=second_language)
    if len(files) == 1 and is_set_file(files[0]):
        worksheet_set = load_set(files[0], options)
        target = output or Path("out") / f"{files[0].stem}.pdf"
    else:
        worksheet_set = make_bundle(list(files), options, title, subtitle)
        target = output or Path("out") / "worksheet-set.pdf"
    rendered = render_bundle(worksheet_set)
    write_atomically(target, rendered.data)
    click.echo(f"{target}  ({rendered.pages} pages)")


@main.command()
@click.argument("worksheet", type=click.Path(path_type=Path))
@click.option("--png", "directory", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the images. Default: out/preview/<worksheet name>/")
@click.option("--dpi", type=click.IntRange(20, 600), default=100, show_default=True, help="Image resolution.")
@click.option("--layout", help="A layout name or file, instead of the worksheet's own.")
@click.option("--paper", type=PAPERS, help="Print on this paper size whatever the layout says.")
@click.option("--pages", callback=lambda _c, _p, v: _page_range(v), metavar="N|N-M",
              help="Only these pages, e.g. 2 or 1-3. Default: all.")
@language_options
@allow_outside_option
@debug_option
def preview(worksheet: Path, directory: Path | None, dpi: int, layout, paper, pages, allow_outside, language,
            strict, second_language) -> None:
    """Render each page of WORKSHEET's handout to a PNG image."""
    from ..app.pipeline import OUTPUT_DIR
    from ..app.preview import preview as render_pages
    from ..resolve.resolve import Options

    target = directory or OUTPUT_DIR / "preview" / worksheet.stem
    first, last = pages
    options = Options(layout=layout, paper=paper, allow_outside=allow_outside, language=language, strict=strict,
                      second_language=second_language)
    for path in render_pages(worksheet, target, dpi, options, first, last):
        click.echo(str(path))


def _page_range(value: str | None) -> tuple[int, int | None]:
    if value is None:
        return 1, None
    start, _, end = value.partition("-")
    if not start.isdigit() or (end and not end.isdigit()) or int(start) < 1:
        raise click.BadParameter(f"expected a page like 2 or a range like 1-3, got '{value}'")
    return int(start), int(end or start)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@debug_option
def validate(paths: tuple[Path, ...]) -> None:
    """Check worksheets, exercises and layouts (default: worksheets/ and layouts/)."""
    from ..app.catalog import DEFAULT_PATHS, validate_files

    report = validate_files(list(paths) or [p for p in DEFAULT_PATHS if p.exists()])
    if report.problems:
        for problem in report.problems:
            click.echo(str(problem), err=True)
        count = len(report.problems)
        raise WorksheetError(f"{report.summary()}: {count} problem{'' if count == 1 else 's'}")
    click.echo(f"{report.summary()}: no problems")


@main.command(name="list")
@click.argument("what", type=click.Choice(["exercises", "layouts", "worksheets"]))
@click.option("--tag", help="Only those carrying this tag.")
@debug_option
def list_(what: str, tag: str | None) -> None:
    """List the exercises, layouts or worksheets of this project."""
    from ..app import catalog

    if what == "exercises":
        headings, rows = ("id", "name", "position", "tags"), catalog.exercise_rows(tag)
    elif what == "layouts":
        headings, rows = ("id", "name", "paper", "description"), catalog.layout_rows()
    else:
        headings, rows = ("id", "title", "layout", "pages"), catalog.worksheet_rows(tag)
    click.echo(format_table(headings, rows))


def format_table(headings: tuple[str, ...], rows: list[tuple[str, ...]], widest: int = 48) -> str:
    """Columns padded to their longest value, long values clipped with an ellipsis."""
    clipped = [tuple(v if len(v) <= widest else v[: widest - 1] + "…" for v in row) for row in rows]
    widths = [max([len(h)] + [len(row[i]) for row in clipped]) for i, h in enumerate(headings)]
    lines = ["  ".join(h.upper().ljust(w) for h, w in zip(headings, widths)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in clipped]
    if not rows:
        lines.append("(none)")
    return "\n".join(lines)


def run() -> None:
    """The `worksheet` program: the command, then a quick exit."""
    try:
        main(prog_name="worksheet")
    finally:
        # The process ends here. Left alone, the interpreter's last garbage collection would walk every
        # font table and page object once more: about 20 ms of a 190 ms build.
        gc.freeze()
