"""The front door: the one path from a worksheet to a PDF, which the CLI, batch workers, bundles and any
other caller use and nothing re-implements.

    YAML ─load─▶ model ─resolve (client changes included)─▶ handout ─check─▶ checked ─compose, render─▶ PDF
"""

from __future__ import annotations

from pathlib import Path

from ..base.deadline import Deadline
from ..base.errors import InputError, Problem, WorksheetError
from ..base.record import Record
from ..check.printable import Checked
from ..load.source import display_path
from ..resolve.handout import Bundle, Handout
from ..resolve.options import Options
from ..resolve.resolve import resolve
from .caches import Caches
from .output import write_atomically

OUTPUT_DIR = Path("out")


class Result(Record):
    pdf: bytes
    pages: int
    page_keys: tuple[str, ...] = ()  # one per page, the same exactly when the page looks the same
    warnings: tuple[Problem, ...] = ()  # e.g. an exercise with no translation, printed in English


class Prepared(Record):
    """A handout resolved and checked: everything known printable, nothing drawn yet."""

    handout: Handout
    checked: Checked


def prepare_handout(worksheet: Path, options: Options, caches: Caches, text: str | None = None,
                    deadline: Deadline | None = None) -> Prepared:
    """Resolve and check one worksheet (``text``, when given, standing in for its file); raises InputError
    with every problem found, and TimeLimit when ``deadline`` passes first."""
    _on_time(deadline)
    handout = resolve(Path(worksheet), options, caches.library(Path(worksheet), options), text)
    _on_time(deadline)
    return Prepared(handout=handout, checked=caches.checker.handout(handout, options.limits))


def draw_handout(prepared: Prepared, caches: Caches, deadline: Deadline | None = None) -> Result:
    _on_time(deadline)
    rendered = caches.typesetter.handout(prepared.handout, prepared.checked, deadline)
    return Result(pdf=rendered.data, pages=rendered.pages, page_keys=rendered.page_keys, warnings=prepared.handout.warnings)


def build_handout(worksheet: Path | str, options: Options = Options(), caches: Caches | None = None,
                  text: str | None = None, deadline: Deadline | None = None) -> Result:
    """The PDF for one worksheet, in memory, with its page count and warnings.

    ``text`` is the worksheet's YAML standing in for the file at ``worksheet`` (an editor's unsaved copy):
    the same name in messages and the same relative lookups, so it builds to the bytes the saved file would.
    ``deadline``, when given, is checked between the pieces of work (before each stage, between flowables, at
    each page): the build raises TimeLimit soon after it passes or is cancelled.
    """
    caches = caches or Caches()
    return draw_handout(prepare_handout(Path(worksheet), options, caches, text, deadline), caches, deadline)


def _on_time(deadline: Deadline | None) -> None:
    if deadline is not None:
        deadline.check()


def check_handout(worksheet: Path, options: Options, caches: Caches) -> list[Problem]:
    """What building would say, without drawing: every error, else the warnings."""
    try:
        return list(prepare_handout(worksheet, options, caches).handout.warnings)
    except InputError as exc:
        return exc.problems
    except WorksheetError as exc:  # valid input that still cannot be prepared: said of the worksheet
        return [Problem(file=display_path(worksheet, options.limits.root), message=exc.format_message())]


def prepare_bundle(files: list[Path], options: Options, caches: Caches, title: str | None = None,
                   subtitle: str | None = None, deadline: Deadline | None = None) -> tuple[Bundle, Checked]:
    """A set file, or worksheets with an optional title and subtitle, resolved and checked as one booklet."""
    from ..load.changes import options_document  # booklets only: a single handout never loads these
    from ..resolve.bundle import is_set_file, resolve_set, resolve_worksheets

    _on_time(deadline)
    if len(files) == 1 and is_set_file(files[0], options.limits):
        bundle = resolve_set(files[0], options, caches.library)
    else:
        given = options_document({"title": title, "subtitle": subtitle})
        bundle = resolve_worksheets(files, options, caches.library, given, title, subtitle)
    _on_time(deadline)
    return bundle, caches.checker.bundle(bundle, options.limits)


def build_bundle(files: list[Path], options: Options = Options(), caches: Caches | None = None,
                 title: str | None = None, subtitle: str | None = None, deadline: Deadline | None = None) -> Result:
    """Several worksheets as one PDF: cover, contents, equipment checklist, bookmarks, each in its own layout;
    ``deadline`` as for build_handout."""
    caches = caches or Caches()
    bundle, checked = prepare_bundle([Path(f) for f in files], options, caches, title, subtitle, deadline)
    _on_time(deadline)
    rendered = caches.typesetter.bundle(bundle, checked, deadline)
    return Result(pdf=rendered.data, pages=rendered.pages, page_keys=rendered.page_keys, warnings=bundle.warnings)


def default_output(worksheet: Path) -> Path:
    return OUTPUT_DIR / f"{worksheet.stem}.pdf"


class BuildResult(Record):
    output: Path
    pages: int
    warnings: tuple[Problem, ...] = ()


def build_bytes(worksheet: Path | str, **options) -> bytes:
    """The PDF bytes for one worksheet; keyword arguments as for ``Options``."""
    return build_handout(worksheet, Options(**options)).pdf


def build(worksheet: Path | str, output: Path | str | None = None, **options) -> BuildResult:
    """Build one worksheet into a PDF file (``out/<stem>.pdf`` by default), written atomically; keyword
    arguments as for ``Options``."""
    worksheet = Path(worksheet)
    target = Path(output) if output is not None else default_output(worksheet)
    return write_handout(worksheet, target, Options(**options))


def write_handout(worksheet: Path, target: Path, options: Options, caches: Caches | None = None) -> BuildResult:
    """Build one worksheet into the PDF file ``target``: all of it, or nothing and a good file left as it was."""
    result = build_handout(worksheet, options, caches)
    write_atomically(target, result.pdf)
    return BuildResult(output=target, pages=result.pages, warnings=result.warnings)
