"""The builder page's web app: routes that read the project, and routes that build, save and batch through
the front door. Every request passes the Guard first (see security.py)."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from ..base.errors import WorksheetError
from ..model.limits import Limits
from ..resolve.options import Options
from .building import Refused, build, display_of, problems_of, worksheet_path
from .choices import choices
from .pages import page_images
from .program import program_from_yaml
from .project import Project
from .security import LOCAL_NAMES, Guard, problem_json
from .saving import save
from .uploads import batch_zip

HERE = Path(__file__).resolve().parent
MAX_JSON = 2_000_000  # a program is a few kilobytes; this leaves room for long notes
log = logging.getLogger(__name__)


def create_app(root: Path, token: str, hosts: tuple[str, ...] = LOCAL_NAMES, port: int | None = None,
               limits: Limits = Limits()) -> Starlette:
    """The app for the project at ``root``; POSTs need ``token``; answers only to ``hosts`` (on ``port``)."""
    project = Project(root, Options(limits=limits))
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True)
    templates = Jinja2Templates(env=environment)  # autoescape on: user text is never markup

    async def index(request: Request) -> Response:
        return templates.TemplateResponse(request, "index.html", {"token": token, "project": project.root.name})

    routes = [
        Route("/", index),
        Route("/api/choices", _reading(project, lambda p, r: choices(p.worksheet_dir, limits))),
        Route("/api/library", _reading(project, lambda p, r: p.listing())),
        Route("/api/worksheets", _reading(project, lambda p, r: {"worksheets": p.worksheets()})),
        Route("/api/worksheet", _reading(project, _open_worksheet)),
        Route("/thumbs/{name}", _thumbnail(project)),
        Route("/api/preview", _acting(project, _preview), methods=["POST"]),
        Route("/api/pdf", _acting(project, _pdf), methods=["POST"]),
        Route("/api/save", _acting(project, save), methods=["POST"]),
        Route("/api/batch", _batch(project, limits), methods=["POST"]),
        Mount("/static", StaticFiles(directory=str(HERE / "static"), check_dir=False), name="static"),
    ]
    max_body = int(limits.csv_mb * 1_000_000) + 100_000  # the largest body is a batch's CSV upload
    app = Starlette(routes=routes, exception_handlers={404: _not_found, 405: _not_allowed, 500: _failed})
    app.state.project = project
    return Guard(app, token, hosts, port, max_body)  # type: ignore[return-value]


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def _not_found(request: Request, exc: Exception) -> Response:
    return _error(404, f"nothing at {request.url.path}")


async def _not_allowed(request: Request, exc: Exception) -> Response:
    return _error(405, f"{request.method} is not allowed at {request.url.path}")


async def _failed(request: Request, exc: Exception) -> Response:
    log.error("internal error at %s: %r", request.url.path, exc)
    return _error(500, f"internal error: {exc!r}")


def _reading(project: Project, answer):
    """A GET route: ``answer(project, request)`` run in a worker thread, its dict as JSON."""

    async def route(request: Request) -> Response:
        def work():
            with project.lock:
                project.refresh()
                return answer(project, request)

        try:
            return JSONResponse(await run_in_threadpool(work))
        except Refused as exc:
            return _error(exc.status, exc.message)

    return route


def _open_worksheet(project: Project, request: Request) -> dict:
    relative = request.query_params.get("path", "")
    path = worksheet_path(project, relative)
    if not path.is_file():
        raise Refused(404, f"'{relative}': no such worksheet")
    try:
        text = path.read_text(encoding="utf-8")
        return {"program": program_from_yaml(text, relative), "text": text}
    except WorksheetError as exc:
        raise Refused(422, exc.format_message()) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise Refused(422, f"{relative}: cannot read file: {exc}") from None


def _thumbnail(project: Project):
    async def route(request: Request) -> Response:
        name = request.path_params["name"]
        if not name.endswith(".png"):
            return _error(404, f"nothing at {request.url.path}")

        def work():
            with project.lock:
                project.refresh()
                return project.thumbnail(name.removesuffix(".png"))

        png = await run_in_threadpool(work)
        if png is None:
            return _error(404, f"no exercise '{name.removesuffix('.png')}' in the library")
        return Response(png, media_type="image/png", headers={"Cache-Control": "no-cache"})

    return route


def _acting(project: Project, act):
    """A POST route with a JSON body: ``act(project, body)`` run in a worker thread, returning a Response."""

    async def route(request: Request) -> Response:
        try:
            body = json.loads(await request.body())
        except ValueError:
            return _error(400, "the request body is not JSON")
        try:
            return await run_in_threadpool(act, project, body)
        except Refused as exc:
            return _error(exc.status, exc.message)

    return route


def _preview(project: Project, program: dict) -> Response:
    display = display_of(project, program)
    try:
        result = build(project, program)
    except WorksheetError as exc:
        return JSONResponse({"ok": False, "pages": 0, "images": [], "problems": problems_of(exc, display),
                             "warnings": []})
    warnings = [problem_json(warning, None) for warning in result.warnings]
    return JSONResponse({"ok": True, "pages": result.pages, "images": page_images(result.pdf), "problems": [],
                         "warnings": warnings})


def _pdf(project: Project, program: dict) -> Response:
    try:
        result = build(project, program)
    except WorksheetError as exc:
        return JSONResponse({"error": exc.format_message(), "problems": problems_of(exc, display_of(project, program))},
                            status_code=422)
    name = download_name(program)
    return Response(result.pdf, media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def download_name(program: dict) -> str:
    """The PDF's file name: the worksheet's, or its title made safe for a file name."""
    path = program.get("path")
    stem = Path(path).stem if isinstance(path, str) and path else str(program.get("title") or "worksheet")
    return (re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-.") or "worksheet") + ".pdf"


def _batch(project: Project, limits: Limits):
    async def route(request: Request) -> Response:
        try:
            form = await request.form(max_files=1, max_fields=4, max_part_size=MAX_JSON)
        except Exception as exc:  # a malformed multipart body; Starlette raises its own types
            return _error(400, f"the upload could not be read: {exc}")
        program, clients = form.get("program"), form.get("clients")
        if not isinstance(program, str) or clients is None or isinstance(clients, str):
            return _error(400, "send 'program' (the program as JSON) and 'clients' (a CSV file)")
        raw = await clients.read()
        name = Path(clients.filename or "clients.csv").name or "clients.csv"
        try:
            return await run_in_threadpool(batch_zip, project, json.loads(program), raw, name)
        except ValueError:
            return _error(400, "'program' is not JSON")
        except Refused as exc:
            return _error(exc.status, exc.message)

    return route
