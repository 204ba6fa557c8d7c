"""Handouts onto paper: built in memory through the front door, joined into one job, sent to a printer.

Everything that can be checked is checked before anything is sent: the printer exists and takes jobs,
and every handout builds. A job either reaches the print service whole or not at all.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Optional

from ..base.errors import Problem, PrintError, WorksheetError
from ..base.record import Record
from ..model.choices import Duplex
from ..resolve.options import Options
from .batch import Outcome
from .caches import Caches
from .pipeline import build_handout
from .printing import Cups, paper_of


class PrintSettings(Record):
    copies: int = 1
    duplex: Optional[Duplex] = None  # None: the printer's own default
    auto_paper: bool = False  # each handout on the printer's default media, where it is a paper we know


class PrintJob(Record):
    job: str  # the service's id, e.g. pdf-12
    printer: str
    handouts: int
    pages: int  # pages sent, blank backs included, for one copy
    warnings: tuple[Problem, ...] = ()


def print_handouts(worksheets: list[Path], options: Options, service: Cups, printer: Optional[str] = None,
                   settings: PrintSettings = PrintSettings(), caches: Optional[Caches] = None) -> PrintJob:
    """Every worksheet's handout as one job on ``printer`` (the default when None); raises PrintError or, when
    any worksheet does not build, a WorksheetError naming each one, and then nothing is sent."""
    caches = caches or Caches()
    chosen = service.printer(printer)
    options, warnings = for_printer(options, service, chosen.name, settings)
    pdfs, pages, failures = [], [], []
    for worksheet in worksheets:
        try:
            result = build_handout(worksheet, options, caches)
        except WorksheetError as exc:
            failures.append(exc.format_message())
            continue
        pdfs.append(result.pdf)
        pages.append(result.pages)
        warnings += result.warnings
    if failures:
        count = f"{len(failures)} of {len(worksheets)} worksheets" if len(worksheets) > 1 else "the worksheet"
        raise WorksheetError("\n".join([*failures, f"{count} failed to build; nothing was sent to the printer"]))
    backs = blank_backs(settings, len(pdfs))
    document = job_document(pdfs, backs)
    title = worksheets[0].stem + (f" and {len(worksheets) - 1} more" if len(worksheets) > 1 else "")
    job = service.submit(chosen.name, document, title, settings.copies, settings.duplex)
    return PrintJob(job=job, printer=chosen.name, handouts=len(pdfs),
                    pages=sum(count + (count % 2 if backs else 0) for count in pages),
                    warnings=tuple(dict.fromkeys(warnings)))


def for_printer(options: Options, service: Cups, printer: str,
                settings: PrintSettings) -> tuple[Options, list[Problem]]:
    """The options with ``--paper auto`` settled: the printer's default media when it is a paper handouts
    print on; else each layout's own paper, with a warning saying so."""
    if not settings.auto_paper:
        return options, []
    media = service.default_media(printer)
    paper = paper_of(media)
    if paper is not None:
        return options.replace(paper=paper), []
    said = f"default media '{media}' is not letter, a4 or legal" if media else "default media is not known"
    return options, [Problem(file="--paper", severity="warning",
                             message=f"printer '{printer}': {said}; each handout prints on its layout's paper")]


def blank_backs(settings: PrintSettings, handouts: int) -> bool:
    """Whether each handout must end on a back side: printed on both sides, and followed by another handout
    or another copy, which must start on a front so the stack splits between clients."""
    return settings.duplex in ("long", "short") and (handouts > 1 or settings.copies > 1)


def job_document(pdfs: list[bytes], backs: bool) -> bytes:
    """One PDF of the handouts in order, with a blank page of its paper after each of odd page count when
    ``backs``. A single handout with nothing to add is sent as built."""
    if len(pdfs) == 1 and not backs:
        return pdfs[0]
    from pypdf import PdfReader, PdfWriter  # only printing joins PDFs: building never loads it

    writer = PdfWriter()
    for pdf in pdfs:
        reader = PdfReader(io.BytesIO(pdf))
        for page in reader.pages:
            writer.add_page(page)
        if backs and len(reader.pages) % 2:
            box = reader.pages[-1].mediabox  # the handout's own paper, whatever the others are printed on
            writer.add_blank_page(width=box.width, height=box.height)
    joined = io.BytesIO()
    writer.write(joined)
    return joined.getvalue()


def batch_printer(options: Options, service: Cups, printer: Optional[str],
                  settings: PrintSettings) -> tuple[BatchPrinter, Options, list[Problem]]:
    """For `worksheet batch --print`, before anything is built: the printer checked, ``--paper auto``
    settled, and what sends each handout as it arrives."""
    chosen = service.printer(printer).name
    options, warnings = for_printer(options, service, chosen, settings)
    return BatchPrinter(service, chosen, settings), options, warnings


class BatchPrinter:
    """`worksheet batch --print`: each handout the batch built or found unchanged, sent as its own job as
    its outcome arrives. A job that fails is remembered and told at the end; the rest still print."""

    def __init__(self, service: Cups, printer: str, settings: PrintSettings):
        self.service, self.printer, self.settings = service, printer, settings
        self.jobs: list[str] = []
        self.failures: list[str] = []

    def __call__(self, outcome: Outcome) -> None:
        if outcome.status == "failed":
            return
        try:
            document = job_document([outcome.job.output.read_bytes()], blank_backs(self.settings, 1))
            self.jobs.append(self.service.submit(self.printer, document, outcome.job.output.stem,
                                                 self.settings.copies, self.settings.duplex))
        except (PrintError, OSError) as exc:
            message = exc.format_message() if isinstance(exc, PrintError) else str(exc)
            self.failures.append(f"{outcome.job.label}: not printed: {message}")

    def summary(self) -> str:
        jobs = f": {', '.join(self.jobs)}" if self.jobs else ""
        return f"sent {len(self.jobs)} job{'' if len(self.jobs) == 1 else 's'} to '{self.printer}'{jobs}"
