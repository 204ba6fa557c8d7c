"""`worksheet serve`: the builder app on uvicorn, bound to this machine unless told otherwise. Ctrl-C or
SIGTERM stops it within STOP_SECONDS and a little more, even during a long build: every running build's
Deadline is cancelled, and a build that cannot notice is left to its thread, which does not hold up the exit."""

from __future__ import annotations

import json
import logging
import signal
import socket
import threading
import urllib.request
import webbrowser
from pathlib import Path

import click

from ..app.raster import stop_drawing
from ..base.errors import WorksheetError
from ..model.limits import Limits
from .launcher import fingerprint
from .project import Builds
from .security import ANY_HOST, LOCAL_NAMES, new_token

NO_LOGIN_WARNING = ("warning: serving on {host}: anyone who can reach this machine can open the page and read "
                    "and write the project's worksheets; there is no login")
STOP_SECONDS = 1  # how long requests still running may take to finish once asked to stop
PROBE_SECONDS = 3  # how long a second start waits for the running page to say whose it is


def serve(root: Path, host: str = "127.0.0.1", port: int = 8765, open_browser: bool = False,
          limits: Limits = Limits()) -> None:
    """Serve the project at ``root`` until Ctrl-C; messages and problem paths are given relative to it, as
    the command line run from there gives them, whatever folder the server was started in."""
    import uvicorn

    from .app import create_app

    root = root.resolve()
    if not (root / "worksheets").is_dir():
        raise WorksheetError(f"{root}: no worksheets/ folder here; give the project folder (worksheet serve PROJECT)")
    shown = "127.0.0.1" if host in (ANY_HOST, "localhost") else host
    try:
        sock = _bind(host, port)
    except WorksheetError:
        if _opened_running(root, host, shown, port, open_browser):
            return
        raise
    port = sock.getsockname()[1]
    hosts = LOCAL_NAMES if host in LOCAL_NAMES else (*LOCAL_NAMES, host)
    builds = Builds()
    app = create_app(root, new_token(), hosts, port, limits, builds)
    config = uvicorn.Config(app, log_level="warning", lifespan="off", timeout_graceful_shutdown=STOP_SECONDS)
    server = _server(config, builds)
    _log_to_console()
    address = f"http://{shown}:{port}/"
    if host not in LOCAL_NAMES:
        click.echo(NO_LOGIN_WARNING.format(host=host), err=True)
    restore = _interrupt_on_sigterm()
    try:
        click.echo(f"Serving {root} at {address} (Ctrl-C stops)")
        if open_browser:
            threading.Timer(0.5, webbrowser.open, args=(address,)).start()
        server.run(sockets=[sock])  # Ctrl-C and SIGTERM shut it down cleanly ...
    except KeyboardInterrupt:  # ... after which uvicorn raises the signal again; or it came before the loop ran
        pass
    finally:
        restore()
        sock.close()
        stop_drawing(STOP_SECONDS)  # a preview left drawing a page finishes it before the process exits
    click.echo("Stopped.")


def _server(config, builds: Builds):
    """uvicorn's server, which on Ctrl-C or SIGTERM first cancels every running build, then shuts down."""
    import uvicorn

    class Server(uvicorn.Server):
        def handle_exit(self, sig, frame) -> None:
            builds.stop()
            super().handle_exit(sig, frame)

    return Server(config)


def _interrupt_on_sigterm():
    """SIGTERM raises KeyboardInterrupt, as Ctrl-C does: uvicorn raises the signal again once it has shut
    down, and a SIGTERM before its loop runs stops it too; both end in "Stopped." and exit status 0. Returns
    what puts the previous handler back."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = signal.signal(signal.SIGTERM, _interrupt)
    return lambda: signal.signal(signal.SIGTERM, previous)


def _interrupt(_signum, _frame) -> None:
    raise KeyboardInterrupt


def _log_to_console() -> None:
    """The app's log (a client gone mid-request, a fault's traceback) on stderr, one message a line."""
    logger = logging.getLogger("generator.web")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        logger.propagate = False


def _opened_running(root: Path, host: str, shown: str, port: int, open_browser: bool) -> bool:
    """Whether the port is busy serving this project's page (it was started again, as a launcher does), which
    is then opened; raises WorksheetError when it serves another project's."""
    serving = _serving(shown, port) if port else None
    if serving is None:
        return False
    if serving != fingerprint(root):
        raise WorksheetError(f"cannot listen on {host}:{port}: another project's page is served there; "
                             f"try another --port")
    address = f"http://{shown}:{port}/"
    click.echo(f"Already serving {root} at {address}")
    if open_browser:
        webbrowser.open(address)
    return True


def _serving(host: str, port: int) -> str | None:
    """The fingerprint of the project whose page is served at ``host:port``, or None where none is."""
    try:
        with urllib.request.urlopen(f"http://{host}:{port}/api/instance", timeout=PROBE_SECONDS) as answer:
            project = json.loads(answer.read(10_000)).get("project")
    except (OSError, ValueError, AttributeError):  # nothing there, or not this program
        return None
    return project if isinstance(project, str) else None


def _bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so a port in use is one clear line, not a traceback from uvicorn."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise WorksheetError(f"cannot listen on {host}:{port}: {exc.strerror or exc}; try another --port") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock
