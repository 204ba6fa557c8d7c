"""`worksheet serve` run for real in tests: a subprocess over a project copy, spoken to in raw HTTP."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Answer:
    def __init__(self, status: int, body: bytes):
        self.status, self.body = status, body

    @classmethod
    def of(cls, response: http.client.HTTPResponse) -> Answer:
        return cls(response.status, response.read())

    def json(self):
        return json.loads(self.body)


class Server:
    """`worksheet serve PROJECT --port 0` in a subprocess: its port, the page's token, its stderr in a file."""

    def __init__(self, project: Path, log: Path, environment: dict[str, str] | None = None):
        self.log = log
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1", **(environment or {})}
        self.process = subprocess.Popen([sys.executable, "-m", "generator", "serve", str(project), "--port", "0"],
                                        stdout=subprocess.PIPE, stderr=log.open("w"), text=True, env=env)
        line = self.process.stdout.readline()  # type: ignore[union-attr]
        match = re.search(r"at http://127\.0\.0\.1:(\d+)/ ", line)
        assert match, line + log.read_text()
        self.port = int(match.group(1))
        page = self.get("/")
        self.token = re.search(r'<meta name="token" content="([^"]+)">', page.body.decode()).group(1)

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def connection(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)

    def get(self, path: str) -> Answer:
        connection = self.connection()
        connection.request("GET", path)
        return Answer.of(connection.getresponse())

    def post(self, path: str, body: bytes, content_type: str = "application/json") -> Answer:
        connection = self.connection()
        connection.request("POST", path, body=body, headers={"X-Worksheet-Token": self.token,
                                                              "Content-Type": content_type})
        return Answer.of(connection.getresponse())

    def raw(self, request: bytes) -> Answer:
        """One request as given, byte for byte, on a fresh connection; the answer read to its end. A server may
        answer and close before a large body is all sent: what it answered is read; status 0 if nothing."""
        received = b""
        with socket.create_connection(("127.0.0.1", self.port), timeout=60) as sock:
            try:
                sock.sendall(request)
                while chunk := sock.recv(65536):
                    received += chunk
            except (BrokenPipeError, ConnectionResetError):
                received += _rest(sock)
        head, _, body = received.partition(b"\r\n\r\n")
        return Answer(int(head.split()[1]) if head else 0, body)

    def stderr(self) -> str:
        return self.log.read_text()

    def stop(self, number: int = signal.SIGINT) -> tuple[str, float]:
        started = time.monotonic()
        self.process.send_signal(number)
        out, _ = self.process.communicate(timeout=30)
        return out, time.monotonic() - started


def _rest(sock: socket.socket) -> bytes:
    try:
        return sock.recv(65536)
    except OSError:
        return b""


def copy_project(folder: Path) -> Path:
    shutil.copytree(ROOT / "worksheets", folder / "worksheets")
    shutil.copytree(ROOT / "layouts", folder / "layouts")
    return folder


def form(*parts: tuple[str, str | None, bytes], boundary: str = "fuzzboundary") -> tuple[bytes, str]:
    """A multipart/form-data body of (name, file name or None, content) parts, and its content type."""
    body = b""
    for name, filename, content in parts:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        body += f"--{boundary}\r\nContent-Disposition: {disposition}\r\n\r\n".encode() + content + b"\r\n"
    return body + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def refused(message: str) -> dict:
    """The body every refusal answers with: the message, and the same as its one problem."""
    return {"error": message, "problems": [{"file": "", "line": 0, "column": 0, "field": None, "message": message,
                                            "text": message}]}
