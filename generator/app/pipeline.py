"""The library's front door: what the CLI does, callable from any Python code."""

from __future__ import annotations

from pathlib import Path

from .output import write_atomically
from ..resolve.personal import personalise
from ..base.record import Record
from ..resolve.resolve import Options, resolve

OUTPUT_DIR = Path("out")


class BuildResult(Record):
    output: Path
    pages: int
    warnings: tuple[str, ...] = ()  # e.g. an exercise with no translation, printed in English


def default_output(worksheet: Path) -> Path:
    return OUTPUT_DIR / f"{worksheet.stem}.pdf"


def render_worksheet(worksheet: Path, options: Options = Options()):
    """The PDF for one worksheet, in memory, with its page count."""
    return render_with_warnings(worksheet, options)[0]


def render_with_warnings(worksheet: Path, options: Options = Options()):
    """The PDF for one worksheet, and what the user should be told about it."""
    from ..render.document import render  # ReportLab loads only when something is drawn

    handout = resolve(Path(worksheet), options)
    if options.personal is not None:
        handout = personalise(handout, *options.personal)
    return render(handout), handout.warnings


def build_bytes(worksheet: Path | str, **options) -> bytes:
    """The PDF bytes for one worksheet; keyword arguments as for ``Options``."""
    return render_worksheet(Path(worksheet), Options(**options)).data


def build(worksheet: Path | str, output: Path | str | None = None, **options) -> BuildResult:
    """Build one worksheet into a PDF file (``out/<stem>.pdf`` by default), written atomically."""
    worksheet = Path(worksheet)
    target = Path(output) if output is not None else default_output(worksheet)
    rendered, warnings = render_with_warnings(worksheet, Options(**options))
    write_atomically(target, rendered.data)
    return BuildResult(target, rendered.pages, warnings)
