"""The `worksheet` command: parse arguments, call the front door, print results and problems."""

from __future__ import annotations

import gc
import os
import sys
import traceback
from collections.abc import Mapping
from pathlib import Path

import click

from ..base.errors import WorksheetError
from ..base.version import VERSION
from ..model.choices import BODY_REGIONS
from . import complete
from .authoring import new, schema
from .options import (
    allow_outside_option,
    build_options,
    client_options,
    Failed,
    debug_option,
    for_one_client,
    handout_options,
    language_options,
    layout_options,
    library_option,
    log_weeks_option,
    make_options,
    print_options,
    print_settings,
    printer_handout_options,
    say_problems,
    show_error,
)
from .print_commands import print_command, printers
from .table import format_table


class WorksheetGroup(click.Group):
    """Turns any unexpected failure into one line, unless --debug asks for the traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except WorksheetError as exc:
            if ctx.meta.get("debug"):
                traceback.print_exc()
            raise Failed(exc.message) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            if ctx.meta.get("debug"):
                raise
            raise Failed(f"internal error: {exc!r} (run with --debug to see the traceback)") from None


@click.group(name="worksheet", cls=WorksheetGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(VERSION, prog_name="worksheet")
@debug_option
def main() -> None:
    """Turn plain-text exercise worksheets (YAML) into printable PDF handouts."""


@main.command()
@click.argument("worksheets", nargs=-1, required=True, type=click.Path(path_type=Path),
                shell_complete=complete.worksheets)
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="A .pdf file (one worksheet only) or a folder. Default: out/<worksheet name>.pdf")
@build_options
@debug_option
@click.pass_context
def build(ctx, worksheets: tuple[Path, ...], output: Path | None, **given) -> None:
    """Build each WORKSHEET into a PDF handout, for one client if client options are given."""
    from ..app.caches import Caches
    from ..app.pipeline import default_output, write_handout

    if output is not None and output.suffix.lower() == ".pdf" and len(worksheets) > 1:
        raise click.UsageError("-o names one PDF file, but several worksheets were given; name a folder instead")
    options = make_options(**for_one_client(given))
    caches, failed = Caches(), 0
    for worksheet in worksheets:
        target = default_output(worksheet)
        if output is not None:
            target = output if output.suffix.lower() == ".pdf" else output / f"{worksheet.stem}.pdf"
        try:
            result = write_handout(worksheet, target, options, caches)
        except WorksheetError as exc:
            failed += 1
            show_error(ctx, exc)
            continue
        say_problems(result.warnings)
        click.echo(f"{result.output}  ({result.pages} page{'' if result.pages == 1 else 's'})")
    if failed > 1 or (failed and len(worksheets) > 1):
        raise WorksheetError(f"{failed} of {len(worksheets)} worksheets failed")
    if failed:
        ctx.exit(1)


@main.command()
@click.argument("worksheet", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                shell_complete=complete.worksheets)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="The PDF to write. Default: out/<worksheet name>.pdf")
@build_options
@debug_option
@click.pass_context
def watch(ctx, worksheet: Path, output: Path | None, **given) -> None:
    """Build WORKSHEET, then again each time it, an exercise it uses, its layout or a picture is saved.
    A build that fails says why and leaves the last good PDF as it was. Ctrl-C stops."""
    from ..app.pipeline import default_output
    from ..app.watch import Watcher
    from .watch_report import reporter

    options = make_options(**for_one_client(given))
    click.echo(f"watching {worksheet} and every file it uses (Ctrl-C stops)", err=True)
    try:
        Watcher(worksheet, output or default_output(worksheet), options).run(reporter(ctx))
    except KeyboardInterrupt:  # the way a watch ends, not a failure
        click.echo("stopped", err=True)


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
@click.option("--print", "to_printer", is_flag=True,
              help="Also print each handout, built or unchanged, as its own job as soon as it is ready.")
@print_options
@printer_handout_options
@debug_option
@click.pass_context
def batch(ctx, paths, directory: Path, clients: Path | None, pattern: str, workers: int | None, force: bool,
          to_printer: bool, printer: str | None, copies: int, duplex: str | None, paper: str | None,
          **given) -> None:
    """Build many handouts: every worksheet in PATHS (folders or globs; default worksheets/), or one per
    row of a clients CSV (its layout and language cells win). Unchanged handouts are skipped."""
    from ..app.batch import default_workers, run
    from ..app.jobs import client_jobs, worksheet_jobs
    from .batch_report import progress_bar, report

    if not to_printer and (printer or copies != 1 or duplex or paper == "auto"):
        raise click.UsageError("--printer, --copies, --duplex and --paper auto are for printing; add --print")
    settings, paper = print_settings(paper, copies, duplex)
    options = make_options(paper=paper, **given)
    if clients is not None and paths:
        raise click.UsageError("give either worksheets or --clients, not both")
    sender = None
    if to_printer:  # the printer is checked, and --paper auto settled, before anything is built
        from ..app.printing import Cups
        from ..app.printjob import batch_printer

        sender, options, paper_warnings = batch_printer(options, Cups(), printer, settings)
        say_problems(paper_warnings)
    if clients is not None:
        jobs, rows_wrong = client_jobs(clients, directory, pattern, options)
        early = [str(problem) for problem in rows_wrong]
    else:
        jobs, early = worksheet_jobs(paths, directory, options)
    with progress_bar(len(jobs)) as update:
        def arrived(outcome) -> None:
            update(outcome)
            if sender is not None:
                sender(outcome)

        summary = run(jobs, workers or default_workers(), force, arrived)
    report(summary, len(jobs), early + (sender.failures if sender else []))
    if sender is not None:
        click.echo(sender.summary())
    if summary.interrupted:
        ctx.exit(130)
    if early or summary.count("failed") or (sender and sender.failures):
        ctx.exit(1)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path),
                shell_complete=complete.worksheets)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="The PDF to write. Default: out/<set file name>.pdf, or out/worksheet-set.pdf.")
@click.option("--title", help="The set's title (worksheets given directly).")
@click.option("--subtitle", help="The set's subtitle (worksheets given directly).")
@handout_options
@client_options
@log_weeks_option
@debug_option
def bundle(files: tuple[Path, ...], output: Path | None, title, subtitle, **given) -> None:
    """Print several worksheets as one PDF: cover, contents, equipment checklist and bookmarks.
    FILES are worksheets, or one set file listing them (title, subtitle, intro, worksheets, layout).
    Each worksheet keeps its own layout and language unless --layout or --language says otherwise.
    Client options print the client's lines and note once, on the cover, and change every worksheet
    that has the exercise they name."""
    from ..app.output import write_atomically
    from ..app.pipeline import OUTPUT_DIR, build_bundle
    from ..resolve.bundle import is_set_file

    options = make_options(**for_one_client(given))
    one_set = len(files) == 1 and is_set_file(files[0], options.limits)
    if one_set and (title or subtitle):
        raise click.UsageError("--title and --subtitle are for worksheets given one by one; a set file has its own")
    target = output or OUTPUT_DIR / (f"{files[0].stem}.pdf" if one_set else "worksheet-set.pdf")
    result = build_bundle(list(files), options, title=title, subtitle=subtitle)
    write_atomically(target, result.pdf)
    say_problems(result.warnings)
    click.echo(f"{target}  ({result.pages} pages)")


@main.command()
@click.argument("worksheet", type=click.Path(path_type=Path), shell_complete=complete.worksheets)
@click.option("--png", "directory", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the images. Default: out/preview/<worksheet name>/")
@click.option("--dpi", type=click.IntRange(20, 600), default=100, show_default=True, help="Image resolution.")
@layout_options
@click.option("--pages", callback=lambda _c, _p, v: _page_range(v), metavar="N|N-M",
              help="Only these pages, e.g. 2 or 1-3. Default: all.")
@language_options
@allow_outside_option
@debug_option
def preview(worksheet: Path, directory: Path | None, dpi: int, pages, **given) -> None:
    """Render each page of WORKSHEET's handout to a PNG image."""
    from ..app.pipeline import OUTPUT_DIR
    from ..app.preview import preview as render_pages

    target = directory or OUTPUT_DIR / "preview" / worksheet.stem
    first, last = pages
    written, warnings = render_pages(worksheet, target, dpi, make_options(**given), first, last)
    say_problems(warnings)
    for path in written:
        click.echo(str(path))


def _page_range(value: str | None) -> tuple[int, int | None]:
    if value is None:
        return 1, None
    start, _, end = value.partition("-")
    if not start.isdigit() or (end and not end.isdigit()) or int(start) < 1:
        raise click.BadParameter(f"expected a page like 2 or a range like 1-3, got '{value}'")
    return int(start), int(end or start)


@main.command()
@click.argument("exercises", nargs=-1, required=True, shell_complete=complete.exercises)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="The PDF to write, one figure a page. Default: out/figures.pdf.")
@click.option("--png", "directory", type=click.Path(file_okay=False, path_type=Path),
              help="Write one PNG image per exercise into this folder instead.")
@click.option("--size", "size_mm", type=click.FloatRange(10, 400), metavar="MM",
              help="The picture box's width in millimetres (its shape stays the layout's). Default: the layout's.")
@click.option("--dpi", type=click.IntRange(20, 1200), default=300, show_default=True, help="PNG resolution.")
@click.option("--layout", shell_complete=complete.layouts,
              help="The layout whose box, line weight and colours to draw with. Default: standard.")
@library_option
@debug_option
def figure(exercises: tuple[str, ...], output: Path | None, directory: Path | None, size_mm: float | None,
           dpi: int, layout: str | None, library: Path | None) -> None:
    """Draw the figures of library EXERCISES alone, at print size, for tuning a figure block."""
    from ..app.caches import Caches
    from ..app.figures import figure_pdf, figure_pngs
    from ..app.output import write_atomically
    from ..app.pipeline import OUTPUT_DIR

    names = list(dict.fromkeys(exercises))
    pdf = figure_pdf(names, make_options(layout=layout, library=library), Caches(kept_pictures=0), size_mm)
    if directory is None:
        target = output or OUTPUT_DIR / "figures.pdf"
        write_atomically(target, pdf)
        click.echo(str(target))
        return
    for name, image in figure_pngs(pdf, names, dpi).items():
        write_atomically(directory / f"{name}.png", image)
        click.echo(str(directory / f"{name}.png"))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@handout_options
@debug_option
def validate(paths: tuple[Path, ...], **given) -> None:
    """Check worksheets, exercises and layouts (default: worksheets/ and layouts/) with every check a build
    with the same options makes, short of drawing: a worksheet that passes builds."""
    from ..app.catalog import DEFAULT_PATHS, validate_files

    report = validate_files(list(paths) or [p for p in DEFAULT_PATHS if p.exists()], make_options(**given))
    say_problems(report.problems)
    errors, warnings = len(report.errors), len(report.problems) - len(report.errors)
    said = f", {warnings} warning{'' if warnings == 1 else 's'}" if warnings else ""
    if errors:
        raise WorksheetError(f"{report.summary()}: {errors} problem{'' if errors == 1 else 's'}{said}")
    click.echo(f"{report.summary()}: no problems{said}")


@main.command(name="list")
@click.argument("what", type=click.Choice(["exercises", "layouts", "worksheets"]))
@click.option("--tag", help="Only those carrying this tag.")
@click.option("--region", type=click.Choice(BODY_REGIONS), help="Only the exercises for this body region.")
@debug_option
def list_(what: str, tag: str | None, region: str | None) -> None:
    """List the exercises, layouts or worksheets of this project."""
    from ..app import catalog

    if region is not None and what != "exercises":
        raise click.UsageError(f"--region lists exercises only; use 'worksheet list exercises --region {region}'")
    limits = make_options().limits
    headings: tuple[str, ...]
    if what == "exercises":
        headings, rows = ("id", "name", "position", "tags"), catalog.exercise_rows(tag, limits, region)
    elif what == "layouts":
        headings, rows = ("id", "name", "paper", "description"), catalog.layout_rows(limits)
    else:
        headings, rows = ("id", "title", "layout", "language", "exercises"), catalog.worksheet_rows(tag, limits)
    click.echo(format_table(headings, rows))


@main.command()
@click.argument("project", default=".", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="The port to listen on (0: any free one).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on. Anything but 127.0.0.1 or localhost lets other machines in: "
                   "there is no login.")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the web browser.")
@click.option("--shortcut", is_flag=True,
              help="Write a launcher that starts this page and opens it, instead of serving now: in the "
                   "applications menu on Linux, on the desktop on macOS and Windows.")
@click.option("--shortcut-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write the launcher into this folder instead.")
@debug_option
def serve(project: Path, port: int, host: str, open_browser: bool, shortcut: bool,
          shortcut_dir: Path | None) -> None:
    """Serve a web page for building worksheets from PROJECT's library (default: here), on this machine.
    Started again while it serves this project, it opens the running page."""
    if shortcut or shortcut_dir is not None:
        _write_shortcut(project, port, shortcut_dir)
        return
    from ..web.server import serve as serve_project

    serve_project(project, host, port, open_browser, make_options().limits)


def _write_shortcut(project: Path, port: int, folder: Path | None) -> None:
    from ..web.launcher import launcher_for, write_launcher

    if not (project / "worksheets").is_dir():
        raise WorksheetError(f"{project.resolve()}: no worksheets/ folder here; give the project folder")
    launcher = launcher_for(project, sys.executable, port or 8765, sys.platform)
    path = write_launcher(launcher, folder or _launcher_folder(sys.platform, os.environ))
    click.echo(f"Wrote {path}: it starts the page for {project.resolve()} and opens it in the browser")


def _launcher_folder(platform: str, environment: Mapping[str, str]) -> Path:
    """Where the desktop looks for launchers: the applications menu on Linux, else the desktop."""
    home = Path(environment.get("HOME") or environment.get("USERPROFILE") or Path.home())
    if platform.startswith(("darwin", "win")):
        return home / "Desktop"
    return Path(environment.get("XDG_DATA_HOME") or home / ".local" / "share") / "applications"


main.add_command(print_command)
main.add_command(printers)
main.add_command(schema)
main.add_command(new)


def run() -> None:
    """The `worksheet` program: the command, then a quick exit."""
    try:
        main(prog_name="worksheet")
    finally:
        # The process ends here. Left alone, the interpreter's last garbage collection would walk every
        # font table and page object once more: about 20 ms of a 190 ms build.
        gc.freeze()
