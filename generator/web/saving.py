"""Saving a page's program as a worksheet file: inside worksheets/, atomically, never over a file unasked."""

from __future__ import annotations

from starlette.responses import JSONResponse, Response

from ..app.output import write_atomically
from ..base.errors import WorksheetError
from .building import Refused, program_text, worksheet_path
from .project import Project


def save(project: Project, body: dict) -> Response:
    """Write ``body["program"]`` to ``body["path"]``; 409 with a question when the file exists and
    ``replace`` is not true."""
    if not isinstance(body, dict) or not isinstance(body.get("program"), dict):
        raise Refused(400, "send {\"program\": {...}, \"path\": \"worksheets/name.yaml\", \"replace\": false}")
    relative = body.get("path") or body["program"].get("path")
    target = worksheet_path(project, relative, for_saving=True)
    if target.exists() and body.get("replace") is not True:
        return JSONResponse({"confirm": f"{relative} exists; replace it?"}, status_code=409)
    _, text = program_text(project, body["program"])
    with project.lock:
        try:
            write_atomically(target, text.encode("utf-8"))
        except WorksheetError as exc:
            raise Refused(500, exc.format_message()) from None
    return JSONResponse({"saved": relative})
