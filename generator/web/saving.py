"""Saving a page's program as a worksheet file: inside worksheets/, under a plain name, atomically, never over a
file unasked, and only when it builds."""

from __future__ import annotations

from starlette.responses import JSONResponse, Response

from ..app.output import write_atomically
from ..base.deadline import Deadline, TimeLimit
from ..base.errors import WorksheetError
from .building import Refused, checked_build, display_of, problems_of, worksheet_path
from .names import shown
from .project import Project


def save(project: Project, body: dict, deadline: Deadline | None = None) -> Response:
    """Write ``body["program"]`` to ``body["path"]``; 409 with a question when the file exists and
    ``replace`` is not true; 422 with every problem, and nothing written, when it would not build."""
    if not isinstance(body, dict) or not isinstance(body.get("program"), dict):
        raise Refused(400, "send {\"program\": {...}, \"path\": \"worksheets/name.yaml\", \"replace\": false}")
    relative = body.get("path") or body["program"].get("path")
    target = worksheet_path(project, relative, for_saving=True)
    if target.exists() and body.get("replace") is not True:
        return JSONResponse({"confirm": f"{shown(relative)} exists; replace it?"}, status_code=409)
    program = body["program"]
    try:
        text = checked_build(project, program, target, deadline)[0].text  # built as saved there
    except TimeLimit:
        raise  # the route says so; it is not a problem of the program
    except WorksheetError as exc:
        problems = problems_of(exc, display_of(project, program))
        return JSONResponse({"error": f"not saved: {exc.format_message()}", "problems": problems}, status_code=422)
    with project.lock:
        try:
            write_atomically(target, text.encode("utf-8"))
        except WorksheetError as exc:
            raise Refused(422, exc.format_message()) from None
    return JSONResponse({"saved": relative})
