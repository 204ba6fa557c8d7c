"""What keeps a local server local: Host and Origin checks (against DNS rebinding and other sites' pages),
each of those headers and the token sent once, a per-run token on every POST, size limits on bodies, strict
response headers, one line and no traceback for a fault, and paths kept inside the project folder."""

from __future__ import annotations

import json
import logging
import secrets
from collections import Counter
from pathlib import Path

from ..base.errors import Problem

CSP = ("default-src 'self'; img-src 'self' data: blob:; object-src 'self'; frame-src 'self' blob:; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer")]
TOKEN_HEADER = "x-worksheet-token"
LOCAL_NAMES = ("127.0.0.1", "localhost")
ANY_HOST = "0.0.0.0"
ONCE = {"host": "Host", "origin": "Origin", TOKEN_HEADER: "X-Worksheet-Token", "content-length": "Content-Length"}
INTERNAL_ERROR = "internal error, see the server's console"
log = logging.getLogger("generator.web")


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Guard:
    """ASGI middleware: refuses what does not come from this server's own page, before any route runs.

    ``hosts`` are the names the server answers to (any port unless ``port`` is given); with 0.0.0.0 among
    them, any name is taken, which the command warns about. An Origin, when sent, must name the Host asked.
    The body is read here, counted as it arrives (chunked or not) and refused past ``max_body``; the app is
    handed it whole. A fault in the app is answered with one line, its traceback logged.
    """

    def __init__(self, app, token: str, hosts: tuple[str, ...] = LOCAL_NAMES, port: int | None = None,
                 max_body: int = 4_000_000):
        self.app, self.token, self.hosts, self.port, self.max_body = app, token, hosts, port, max_body

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        asked = f"{scope['method']} {scope.get('raw_path', b'').decode('latin-1') or scope['path']}"  # as sent
        refusal = self.refusal(scope["method"], scope["headers"])
        if refusal is not None:
            await _send_json(send, *refusal)
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                log.warning("%s: the client went away before sending the whole request; nothing was done", asked)
                return
            body += message.get("body", b"")
            if len(body) > self.max_body:
                await _send_json(send, 413, self.too_large())
                return
            if not message.get("more_body", False):
                break
        started = False
        pending = [{"type": "http.request", "body": bytes(body), "more_body": False}]

        async def replay() -> dict:
            return pending.pop() if pending else await receive()  # after the body, only a disconnect is left

        async def send_with_headers(message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": [*message.get("headers", []), *HEADERS]}
            await send(message)

        try:
            await self.app(scope, replay, send_with_headers)
        except Exception:  # a fault in the tool: the traceback for the console, one line for the page
            log.exception("internal error at %s", asked)
            if not started:
                await _send_json(send, 500, INTERNAL_ERROR)

    def refusal(self, method: str, raw_headers: list[tuple[bytes, bytes]]) -> tuple[int, str] | None:
        """(status, message) for a request refused, or None."""
        names = Counter(key.decode("latin-1").lower() for key, _ in raw_headers)
        for name, shown in ONCE.items():
            if names[name] > 1:
                return 400, f"the request repeats the {shown} header; send it once"
        headers = {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in raw_headers}
        host = headers.get("host", "")
        if not self.host_allowed(host):
            return 400, f"this server answers only at {' or '.join(self.hosts)}; got Host '{host}'"
        origin = headers.get("origin")
        if origin is not None and origin != f"http://{host}":
            return 403, f"requests from another site ('{origin}') are refused"
        if method not in ("GET", "HEAD") and not secrets.compare_digest(headers.get(TOKEN_HEADER, ""), self.token):
            return 403, "missing or wrong X-Worksheet-Token; reload the page"
        length = headers.get("content-length", "0")
        if not length.isdigit() or int(length) > self.max_body:
            return 413, self.too_large()
        return None

    def too_large(self) -> str:
        return f"the request is larger than the limit of {self.max_body:,} bytes"

    def host_allowed(self, host: str) -> bool:
        name, _, port = host.rpartition(":") if not host.endswith("]") else (host, "", "")
        if not name:
            name, port = host, ""
        if self.port is not None and port != str(self.port):
            return False
        return ANY_HOST in self.hosts or name in self.hosts


async def _send_json(send, status: int, message: str) -> None:
    body = json.dumps(refusal(message), ensure_ascii=False, separators=(",", ":")).encode()  # as JSONResponse
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *HEADERS]})
    await send({"type": "http.response.body", "body": body})


def inside(root: Path, relative: str, folder: str = "worksheets", suffix: str = ".yaml") -> tuple[Path | None, str]:
    """The file ``relative`` names under ``root/folder``, and "" ; or None and why it is refused: absolute
    paths, '..', a symbolic link that leads out, another suffix."""
    if not relative or "\\" in relative or "\0" in relative:
        return None, f"'{relative}': give a path such as {folder}/neck{suffix}"
    given = Path(relative)
    if given.is_absolute() or ".." in given.parts:
        return None, f"'{relative}': only files inside the project's {folder}/ folder"
    if given.suffix != suffix:
        return None, f"'{relative}': only {suffix} files"
    if not given.parts or given.parts[0] != folder:
        return None, f"'{relative}': only files inside the project's {folder}/ folder"
    base = (root / folder).resolve()
    target = (root / given).resolve()
    if not target.is_relative_to(base):
        return None, f"'{relative}': leads outside the project's {folder}/ folder"
    return root / given, ""


def problem_json(problem: Problem, field: str | None) -> dict:
    """A problem as every route answers with one: where (file, line and column, 0 where there is none), the
    program's field it is about (exercises counted from 1, as the page numbers them) or null, what is wrong,
    and the command line's whole line."""
    return {"file": problem.file, "line": problem.line, "column": problem.column, "field": field,
            "message": problem.message, "text": str(problem)}


def message_json(message: str) -> dict:
    """A problem said of no file or field: a request refused as a whole."""
    return {"file": "", "line": 0, "column": 0, "field": None, "message": message, "text": message}


def refusal(message: str) -> dict:
    """The body of every answer that refuses a request: the message, and the same as the one problem."""
    return {"error": message, "problems": [message_json(message)]}
