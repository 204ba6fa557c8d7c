"""The builder page's web app: routes that read the project, and routes that build, save and batch through
the front door. Every request passes the Guard first (see security.py).

Reads (the library, worksheets, thumbnails) never wait on a build; builds take the project's build lock one
at a time, each under a Deadline that a server stopping cancels. Bad input is never a 5xx."""

from __future__ import annotations

import asyncio
import logging
import re
import threading
from functools import partial
from pathlib import Path
from collections.abc import Mapping
from typing import Any, Awaitable, Callable, TypeVar

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from ..app.pipeline import Result
from ..base.deadline import Deadline, TimeLimit
from ..base.errors import InputError, WorksheetError
from ..load.json_text import MAX_BYTES, read_json
from ..model.limits import Limits
from ..model.schema import schema
from ..resolve.options import Options
from .building import Refused, build, display_of, problems_of, read_worksheet, worksheet_path
from .choices import choices
from .launcher import fingerprint
from .pages import changed_page_images, enlarged_page
from .program import program_from_yaml
from .project import Builds, Project, stopped
from .security import INTERNAL_ERROR, LOCAL_NAMES, Guard, problem_json, refusal
from .saving import save
from .uploads import batch_zip

HERE = Path(__file__).resolve().parent
BUILD_SECONDS = 20.0  # one preview or PDF
BATCH_SECONDS = 60.0
MAX_HELD = 1000  # page keys a preview request may say it holds  # a whole batch from the page (its rows are limited too, see uploads.py)
log = logging.getLogger(__name__)
T = TypeVar("T")


def create_app(root: Path, token: str, hosts: tuple[str, ...] = LOCAL_NAMES, port: int | None = None,
               limits: Limits = Limits(), builds: Builds | None = None,
               seconds: tuple[float, float] = (BUILD_SECONDS, BATCH_SECONDS)) -> Starlette:
    """The app for the project at ``root``; POSTs need ``token``; answers only to ``hosts`` (on ``port``).
    Each build runs under a Deadline of ``seconds`` (a handout's, a batch's) kept in ``builds``, whose
    ``stop()`` cancels them all."""
    running = builds or Builds()
    # Every file the server reads is named relative to the project and must lie inside it, whatever a
    # request, a worksheet or a symbolic link names.
    project = Project(root, Options(limits=limits.replace(root=root.resolve(), confined=True)))
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True)
    templates = Jinja2Templates(env=environment)  # autoescape on: user text is never markup

    async def index(request: Request) -> Response:
        return templates.TemplateResponse(request, "index.html", {"token": token, "project": project.root.name})

    routes = [
        Route("/", index),
        Route("/api/choices", _reading(project, lambda p, r: choices(p.worksheet_dir, limits, p.regions))),
        Route("/api/library", _reading(project, lambda p, r: p.listing())),
        Route("/api/worksheets", _reading(project, lambda p, r: {"worksheets": p.worksheets()})),
        Route("/api/instance", _reading(project, lambda p, r: {"project": fingerprint(p.root)})),
        Route("/api/schema", _reading(project, lambda p, r: schema("program"))),  # the program's, from the model
        Route("/api/worksheet", _reading(project, _open_worksheet)),
        Route("/api/exercise", _reading(project, _exercise)),
        Route("/thumbs/{name}", _thumbnail(project)),
        Route("/api/preview", _acting(running, seconds[0], partial(_preview, project), with_query=True),
              methods=["POST"]),
        Route("/api/page", _acting(running, seconds[0], partial(_page, project), with_query=True), methods=["POST"]),
        Route("/api/pdf", _acting(running, seconds[0], partial(_pdf, project)), methods=["POST"]),
        Route("/api/save", _acting(running, seconds[0], partial(save, project)), methods=["POST"]),
        Route("/api/batch", _batch(project, running, seconds[1]), methods=["POST"]),
        Mount("/static", StaticFiles(directory=str(HERE / "static"), check_dir=False), name="static"),
    ]
    max_body = int(limits.csv_mb * 1_000_000) + 100_000  # the largest body is a batch's CSV upload
    app = Starlette(routes=routes, exception_handlers={404: _not_found, 405: _not_allowed, 500: _failed})
    app.state.project = project
    return Guard(app, token, hosts, port, max_body)  # type: ignore[return-value]


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse(refusal(message), status_code=status)


async def _not_found(request: Request, exc: Exception) -> Response:
    return _error(404, f"nothing at {request.url.path}")


async def _not_allowed(request: Request, exc: Exception) -> Response:
    return _error(405, f"{request.method} is not allowed at {request.url.path}")


async def _failed(request: Request, exc: Exception) -> Response:
    return _error(500, INTERNAL_ERROR)  # Starlette raises the exception on: the Guard logs its traceback


def _reading(project: Project, answer):
    """A GET route: ``answer(project, request)`` run in a worker thread, its dict as JSON."""

    async def route(request: Request) -> Response:
        return await _answer(lambda: JSONResponse(answer(project, request)), thread=run_in_threadpool)

    return route


def _open_worksheet(project: Project, request: Request) -> dict:
    relative = request.query_params.get("path", "")
    path = worksheet_path(project, relative)
    try:
        text = read_worksheet(project, path)
        if text is None:
            raise Refused(404, f"'{relative}': no such worksheet")
        return {"program": program_from_yaml(text, relative), "text": text}
    except WorksheetError as exc:
        raise Refused(422, exc.format_message()) from None


def _exercise(project: Project, request: Request) -> dict:
    """``?id=`` as the detail view shows it, in ``?language=`` where the library has it."""
    exercise_id = request.query_params.get("id", "")
    detail = project.detail(exercise_id, request.query_params.get("language", ""))
    if detail is None:
        raise Refused(404, f"no exercise '{exercise_id}' in the library")
    return detail


def _thumbnail(project: Project):
    async def route(request: Request) -> Response:
        name = request.path_params["name"]
        if not name.endswith(".png"):
            return _error(404, f"nothing at {request.url.path}")

        def work() -> Response:
            png = project.thumbnail(name.removesuffix(".png"), large=request.query_params.get("size") == "large")
            if png is None:
                return _error(404, f"no exercise '{name.removesuffix('.png')}' in the library")
            return Response(png, media_type="image/png", headers={"Cache-Control": "no-cache"})

        return await _answer(work, thread=run_in_threadpool)

    return route


async def _json_body(request: Request) -> Any:
    """The request's JSON; InputError (one line) when it is not JSON, or is too large or too deep."""
    return read_json(await request.body(), "the request body")


def _acting(running: Builds, seconds: float, act: Callable[..., Response], with_query: bool = False):
    """A POST route with a JSON body: ``act(body, deadline)`` (and the request's query parameters after them
    when ``with_query``) run in a worker thread under a Deadline of ``seconds``, returning a Response;
    answered at once when the server stops."""

    async def route(request: Request) -> Response:
        try:
            body = await _json_body(request)
        except InputError as exc:
            return _error(400, exc.format_message())
        extra = (request.query_params,) if with_query else ()
        with running.deadline(seconds) as deadline:
            return await _answer(lambda: act(body, deadline, *extra), running)

    return route


async def _answer(work: Callable[[], Response], running: Builds | None = None,
                  thread: Callable[[Callable[[], Response]], Awaitable[Response]] | None = None) -> Response:
    """``work()``'s response, run in ``thread`` (by default one that never holds up the process's exit), or
    the refusal it raised: a Refused's status; 422 for a build past its time limit, 503 for one stopped
    because the server is stopping."""
    try:
        return await (thread(work) if thread is not None else _in_thread(work, running))
    except Refused as exc:
        return _error(exc.status, exc.message)
    except TimeLimit as exc:
        message = exc.format_message()
        stopping = running is not None and running.stopping
        return JSONResponse(refusal(message), status_code=503 if stopping else 422)
    except OSError as exc:  # a name the file system refuses (too long, say) or a file that cannot be read
        return _error(422, f"the file cannot be read or written: {exc.strerror or exc}")


async def _in_thread(work: Callable[[], T], running: Builds | None = None) -> T:
    """``work()`` run in a thread of its own that does not keep the process alive. When ``running`` stops
    (the server is stopping) the wait ends at once with TimeLimit: the build's Deadline is cancelled, and
    a build that cannot notice is left to finish alone."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[T] = loop.create_future()

    def settle(outcome: Callable[[asyncio.Future[T]], object]) -> None:
        def on_loop() -> None:
            if not done.done():  # the first outcome wins: the work's, or stopping's
                outcome(done)

        try:
            loop.call_soon_threadsafe(on_loop)
        except RuntimeError:  # the loop has closed: the server stopped while this ran
            pass

    def run() -> None:
        try:
            result = work()
        except BaseException as exc:  # handed to the route, which answers it
            fault = exc  # kept: the name ``exc`` is gone once the except ends, before the loop runs on_loop
            settle(lambda future: future.set_exception(fault))
        else:
            settle(lambda future: future.set_result(result))

    threading.Thread(target=run, name="worksheet build", daemon=True).start()
    if running is None:
        return await done
    with running.waiting(lambda: settle(lambda future: future.set_exception(stopped()))):
        return await done


def _preview(project: Project, program: dict, deadline: Deadline, query: Mapping[str, str]) -> Response:
    """The program's pages as images, but for those the page already holds: ``?have=`` lists their keys
    (comma-separated), and each such page answers null in ``images``, its key in ``keys`` saying which."""
    display = display_of(project, program)
    try:
        result = build(project, program, deadline=deadline)
    except TimeLimit:
        raise
    except WorksheetError as exc:
        return JSONResponse({"ok": False, "pages": 0, "keys": [], "images": [], "problems": problems_of(exc, display),
                             "warnings": []})
    warnings = [problem_json(warning, None) for warning in result.warnings]
    held = set(query.get("have", "").split(",")[:MAX_HELD])
    images = changed_page_images(result.pdf, result.page_keys, held, before_each=deadline.check)
    return JSONResponse({"ok": True, "pages": result.pages, "keys": list(result.page_keys), "images": images,
                         "problems": [], "warnings": warnings})


def _page(project: Project, program: dict, deadline: Deadline, query: Mapping[str, str]) -> Response:
    """One page (``?number=``, from 1) large enough to read: at ENLARGED_DPI, for the page's enlarged view."""
    number = query.get("number", "")
    if not number.isdigit() or int(number) < 1:
        raise Refused(400, f"give the page's number from 1, as ?number=2; got {number!r}")
    result = _built(project, program, deadline)
    if isinstance(result, Response):
        return result
    if int(number) > result.pages:
        raise Refused(404, f"no page {number}: the handout has {result.pages}")
    image = enlarged_page(result.pdf, int(number), before=deadline.check)
    return JSONResponse({"number": int(number), "pages": result.pages, "key": result.page_keys[int(number) - 1],
                         "image": image})


def _built(project: Project, program: dict, deadline: Deadline) -> Result | Response:
    """The program's build, or the 422 that lists its problems; a build past its time limit raises on."""
    try:
        return build(project, program, deadline=deadline)
    except TimeLimit:
        raise
    except WorksheetError as exc:
        return JSONResponse({"error": exc.format_message(), "problems": problems_of(exc, display_of(project, program))},
                            status_code=422)


def _pdf(project: Project, program: dict, deadline: Deadline) -> Response:
    result = _built(project, program, deadline)
    if isinstance(result, Response):
        return result
    name = download_name(program)
    return Response(result.pdf, media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def download_name(program: dict) -> str:
    """The PDF's file name: the worksheet's, or its title made safe for a file name."""
    path = program.get("path")
    stem = Path(path).stem if isinstance(path, str) and path else str(program.get("title") or "worksheet")
    return (re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-.") or "worksheet") + ".pdf"


def _batch(project: Project, running: Builds, seconds: float):
    async def route(request: Request) -> Response:
        try:
            form = await request.form(max_files=1, max_fields=4, max_part_size=MAX_BYTES)
        except HTTPException as exc:  # a malformed form: Starlette's message says why
            return _error(400, f"the upload could not be read: {exc.detail}")
        except ValueError as exc:  # what the multipart parser itself raises
            return _error(400, f"the upload could not be read: {exc}")
        program, clients = form.get("program"), form.get("clients")
        if not isinstance(program, str) or clients is None or isinstance(clients, str):
            return _error(400, "send 'program' (the program as JSON) and 'clients' (a CSV file)")
        raw = await clients.read()
        name = Path(clients.filename or "clients.csv").name or "clients.csv"
        try:
            given = read_json(program, "the 'program' field")
        except InputError as exc:
            return _error(400, exc.format_message())
        with running.deadline(seconds) as deadline:
            return await _answer(lambda: batch_zip(project, given, raw, name, deadline), running)

    return route
