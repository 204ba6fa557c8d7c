"""A batch from the page: the program and a clients CSV in, a zip of personalised PDFs and the summary
`worksheet batch` prints out. Nothing is written to disk; each row goes through the front door."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from starlette.responses import JSONResponse, Response

from ..app.batch import Summary, build_in_memory, summary_lines
from ..app.jobs import client_jobs
from ..base.errors import WorksheetError
from .building import program_options, program_text
from .project import Project

DEFAULT_PATTERN = "{client}-{worksheet}.pdf"
OUT = Path("out")  # where `worksheet batch` would write; only the names below it go into the zip


def batch_zip(project: Project, program: dict, raw: bytes, name: str) -> Response:
    """The zip for one program and one CSV; 422 with every problem when a row cannot be built."""
    path, text = program_text(project, program)
    try:
        clients = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return JSONResponse({"problems": [f"{name}: file is not UTF-8 text; export the CSV as UTF-8"]}, 422)
    relative = path.relative_to(project.root).as_posix()
    try:
        options = program_options(project, program)
        with project.lock:
            project.refresh()
            jobs, early = client_jobs(project.root / name, OUT, DEFAULT_PATTERN, options,
                                      with_worksheet(clients, relative))
            summary, pdfs = Summary(), {}
            for index, job in enumerate(jobs):
                own = job.worksheet.resolve() == path.resolve()
                outcome, pdf = build_in_memory(index, job, project.caches, text if own else None)
                summary.outcomes.append(outcome)
                if pdf is not None:
                    pdfs[job.output.relative_to(OUT).as_posix()] = pdf
    except WorksheetError as exc:
        return JSONResponse({"problems": exc.format_message().splitlines()}, 422)
    failed = [outcome.message for outcome in summary.outcomes if outcome.status == "failed"]
    if early or failed:
        return JSONResponse({"problems": list(dict.fromkeys([*early, *failed]))}, 422)
    return Response(_zip(pdfs, summary, len(jobs)), media_type="application/zip",
                    headers={"Content-Disposition": 'attachment; filename="handouts.zip"'})


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
