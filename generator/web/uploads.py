"""A batch from the page: the program and a clients CSV in, a zip of personalised PDFs and the summary
`worksheet batch` prints out. Nothing is written to disk; each row goes through the front door."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from starlette.responses import JSONResponse, Response

from ..app.batch import Outcome, Summary, build_in_memory, summary_lines
from ..app.jobs import client_jobs
from ..base.deadline import Deadline, TimeLimit
from ..base.errors import InputError, Problem, WorksheetError, raise_if_any
from .building import problems_of, program_options, program_text
from .security import message_json, problem_json, refusal
from .project import Project

DEFAULT_PATTERN = "{client}-{worksheet}.pdf"
OUT = Path("out")  # where `worksheet batch` would write; only the names below it go into the zip
MAX_ROWS = 200  # more is a job for `worksheet batch`, which builds in parallel and writes to disk
MAX_ZIP_MB = 64  # the PDFs of one answer, before zipping (PDFs hardly shrink)


def batch_zip(project: Project, program: dict, raw: bytes, name: str, deadline: Deadline) -> Response:
    """The zip for one program and one CSV; 422 with every problem when a row cannot be built, 413 past the
    page's limits on rows and on the zip's size. Each row is built with the build lock taken for that row
    alone, so another request waits one handout at most; the whole batch runs under ``deadline``."""
    path, text, shape = program_text(project, program)
    try:
        clients = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _problems([f"{name}: file is not UTF-8 text; export the CSV as UTF-8"])
    relative = path.relative_to(project.root).as_posix()
    try:
        raise_if_any(shape)
        rows = _rows(clients, name)
        if rows > MAX_ROWS:
            return _too_large(f"{name}: {rows:,} rows, more than the {MAX_ROWS} the page builds at once", name)
        options = program_options(project, program)
        jobs, early = client_jobs(project.root / name, OUT, DEFAULT_PATTERN, options,
                                  with_worksheet(clients, relative))
        summary, pdfs, size = Summary(), {}, 0
        for index, job in enumerate(jobs):
            own = job.worksheet.resolve() == path.resolve()
            with project.lock:  # checked against the deadline first thing, by the front door
                project.refresh()
                outcome, pdf = build_in_memory(index, job, project.caches, text if own else None, deadline)
            summary.outcomes.append(outcome)
            if pdf is not None:
                size += len(pdf)
                if size > MAX_ZIP_MB * 1_000_000:
                    return _too_large(f"the handouts come to more than {MAX_ZIP_MB} MB after {index + 1} of "
                                      f"{len(jobs)} rows, more than the page sends at once", name)
                pdfs[job.output.relative_to(OUT).as_posix()] = pdf
    except TimeLimit:
        raise
    except WorksheetError as exc:
        return JSONResponse({"problems": problems_of(exc, relative)}, 422)
    failed = [outcome for outcome in summary.outcomes if outcome.status == "failed"]
    if early or failed:
        return JSONResponse({"problems": _row_problems(early, failed)}, 422)
    return Response(_zip(pdfs, summary, len(jobs)), media_type="application/zip",
                    headers={"Content-Disposition": 'attachment; filename="handouts.zip"'})


def _row_problems(early: list[Problem], failed: list[Outcome]) -> list[dict]:
    """Every row's problems, each where it is; rows that fail alike say so once."""
    found = [problem_json(problem, None) for problem in early]
    for outcome in failed:
        found += [problem_json(problem, None) for problem in outcome.problems] if outcome.problems else \
            [message_json(line) for line in outcome.message.splitlines()]
    return list({problem["text"]: problem for problem in found}.values())


def _rows(clients: str, name: str) -> int:
    """How many rows below the column names hold anything (as `worksheet batch` counts them); InputError
    for a CSV that cannot be read at all."""
    reader = csv.reader(io.StringIO(clients, newline=""))
    try:
        return sum(1 for number, row in enumerate(reader) if number and any(cell.strip() for cell in row))
    except csv.Error as exc:
        raise InputError([Problem(file=name, line=reader.line_num, column=1,
                                   message=f"cannot read the CSV: {exc}")]) from None


def _too_large(message: str, name: str) -> Response:
    advice = f"build them on the command line with `worksheet batch --clients {name}`"
    return JSONResponse(refusal(f"{message}; {advice}"), 413)


def _problems(lines: list[str]) -> Response:
    """Rows that cannot be built, each said as `worksheet batch` says it."""
    return JSONResponse({"problems": [message_json(line) for line in lines]}, 422)


def with_worksheet(clients: str, relative: str) -> str:
    """The CSV with a 'worksheet' column naming the program's worksheet, where it has none: a list of
    clients for this page's worksheet need not say which worksheet it is for."""
    rows = list(csv.reader(io.StringIO(clients, newline="")))
    if not rows or "worksheet" in (cell.strip() for cell in rows[0]):
        return clients
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for number, row in enumerate(rows):
        writer.writerow([*row, "worksheet" if number == 0 else (relative if any(c.strip() for c in row) else "")])
    return out.getvalue()


def _zip(pdfs: dict[str, bytes], summary: Summary, total: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, pdf in pdfs.items():
            archive.writestr(name, pdf)
        text = "\n".join(line for line, _ in summary_lines(summary, total, [])) + "\n"
        archive.writestr("summary.txt", text)
    return buffer.getvalue()
