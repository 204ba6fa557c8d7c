"""A bounded, seeded fuzz of the real `worksheet serve`: a few hundred hostile requests (foreign and repeated
Host, Origin and token headers; traversal in every path-like field and CSV cell; malformed, deep and
non-finite JSON; oversized and chunked bodies; hostile files and odd names in the project) and after each
one: no 5xx, no traceback in the answer, nothing from outside the project in it. After all of them: the
server alive, its console free of tracebacks, and nothing outside the project touched.
"""

from __future__ import annotations

import json
import os
import random
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest

from served import Answer, Server, copy_project, form

SEED = 2112
REQUESTS = 300
LIMIT_MB = "1"  # WORKSHEET_MAX_CSV_MB: the server takes bodies up to 1,100,000 bytes
LARGE = 1_100_000  # a request past the limit may be cut off by an early refusal before all of it is sent
CANARY = "CANARY-8d41b7"
SHEET = "worksheets/between-shoulder-blades.yaml"
BOMB = "title: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi"))


def _outside(folder: Path) -> Path:
    """Files beside the project, each holding the canary."""
    folder.mkdir()
    (folder / "secret.yaml").write_text(f"title: {CANARY}\nexercises: [chin-tuck]\n")
    (folder / "layout.yaml").write_text(f"name: {CANARY}\nextends: standard\n")
    (folder / "exercise.yaml").write_text(f"name: {CANARY}\nposition: sitting\nsteps: [{CANARY}]\n")
    (folder / "passwd").write_text(f"root:x:0:0:{CANARY}:/root:/bin/sh\n")
    (folder / "clients.csv").write_text(f"client,worksheet\n{CANARY},secret\n")
    return folder


def _hostile_project(project: Path, outside: Path) -> None:
    """Links that lead out, and files no loader should swallow, placed where the server looks."""
    sheets = project / "worksheets"
    (sheets / "leak.yaml").symlink_to(outside / "secret.yaml")
    (sheets / "linked").symlink_to(outside, target_is_directory=True)
    (sheets / "exercises" / "leak-exercise.yaml").symlink_to(outside / "exercise.yaml")
    (project / "layouts" / "leak.yaml").symlink_to(outside / "layout.yaml")
    (sheets / "bomb.yaml").write_text(BOMB)
    (sheets / "deep.yaml").write_text("title: " + "[" * 100_000 + "]" * 100_000 + "\n")
    (sheets / "latin.yaml").write_bytes(b"title: Cu\xf1a\nexercises: [chin-tuck]\n")
    (sheets / ".hidden.yaml").write_text("title: Hidden\nexercises: [chin-tuck]\n")
    with open(os.fsencode(str(sheets)) + b"/odd\xff name.yaml", "wb") as file:
        file.write(b"title: Odd\nexercises: [chin-tuck]\n")


def _state(folder: Path) -> dict:
    return {path: (path.stat().st_size, path.stat().st_mtime_ns) for path in folder.rglob("*")}


def _paths(outside: Path) -> list[str]:
    """Every kind of path a request may name, good and hostile."""
    return [SHEET, "worksheets/es/between-shoulder-blades.yaml", "worksheets/none.yaml", "../secret.yaml",
            f"{outside}/secret.yaml", f"../{outside.name}/secret.yaml", f"worksheets/../../{outside.name}/secret.yaml",
            "worksheets/leak.yaml", "worksheets/linked/secret.yaml", "/etc/passwd", "worksheets/%2e%2e/x.yaml",
            "worksheets/..%2f..%2fx.yaml", "worksheets\\..\\x.yaml", "worksheets/x\x00.yaml", "worksheets/bomb.yaml",
            "worksheets/deep.yaml", "worksheets/latin.yaml", "worksheets/.hidden.yaml", "worksheets/odd\udcff name.yaml",
            "worksheets/" + "a" * 5000 + ".yaml", "worksheets/exercises/chin-tuck.yaml", "layouts/standard.yaml",
            "worksheets/new folder/x.yaml", "worksheets/fuzz.yaml", "", ".", "worksheets/", "~/x.yaml"]


def _layouts(outside: Path) -> list[str]:
    return ["standard", "compact", "leak", "/etc/passwd", "/etc/hostname", f"{outside}/layout.yaml",
            f"../../{outside.name}/layout.yaml", "../layouts/leak.yaml", "layouts/../../x.yaml", "nope", "a" * 5000]


class Fuzz:
    """Draws one hostile request at a time from a seeded generator."""

    def __init__(self, server: Server, program: dict, outside: Path):
        self.server, self.program, self.random = server, program, random.Random(SEED)
        self.paths, self.layouts = _paths(outside), _layouts(outside)

    def pick(self, items):
        return self.random.choice(items)

    def headers(self, method: str) -> list[tuple[str, str]]:
        """The page's own headers, or one of the ways a foreign page or a rebinding attack would send them."""
        host, token = self.server.host, self.server.token
        good = [("Host", host)] + ([("X-Worksheet-Token", token)] if method == "POST" else [])
        roll = self.random.random()
        if roll < 0.75:
            return good + ([("Origin", f"http://{host}")] if self.random.random() < 0.5 else [])
        return self.pick([
            [("Host", "evil.example"), *good[1:]],
            [("Host", "evil.example"), *good],
            [*good, ("Host", "evil.example")],
            [*good, ("Origin", "http://evil.example")],
            [*good, ("Origin", "http://evil.example"), ("Origin", f"http://{host}")],
            [("Host", host), ("X-Worksheet-Token", "wrong"), ("X-Worksheet-Token", token)],
            [("Host", host), ("X-Worksheet-Token", "wrong")],
            [("Host", host)],
            [("Host", f"127.0.0.1:{self.server.port + 1}"), *good[1:]],
            [("Host", "")],
        ])

    def program_body(self) -> bytes:
        program = json.loads(json.dumps(self.program))
        for _ in range(self.random.randint(1, 3)):
            field = self.pick(["path", "layout", "exercise", "dose", "options", "text", "language", "log"])
            if field == "path":
                program["path"] = self.pick(self.paths + [None, 7, ["x"]])
            elif field == "layout":
                program["layout"] = self.pick(self.layouts)
            elif field == "exercise" and program["exercises"]:
                program["exercises"][0]["exercise"] = self.pick(
                    ["leak-exercise", "../../x", f"../{CANARY}", "chin-tuck", 3, None])
            elif field == "dose" and program["exercises"]:
                program["exercises"][0]["dosage"]["sets"] = self.pick([-1, 0, 2, 10 ** 30, "two", 1.5, [], {}])
            elif field == "options":
                program["options"] = self.pick([{"paper": "a4"}, {"paper": "../x"}, {"second_language": "xx"},
                                                {"client": "<b>x</b>", "date": "2026-13-40"}, [], "x"])
            elif field == "text":
                program[self.pick(["title", "intro", "subtitle"])] = self.pick(
                    ["<font size=99>x</font>", "&amp;", "\u202e\u200b", "x" * 20_000, "", 5])
            elif field == "language":
                program["language"] = self.pick(["es", "xx", "../es", None])
            else:
                program["log_weeks"] = self.pick([0, 2, -3, 10 ** 6, 2.5, "two"])
        return json.dumps(program).encode()

    def body(self) -> bytes:
        """A program with hostile fields, or a body that is no good JSON at all."""
        roll = self.random.random()
        if roll < 0.6:
            return self.program_body()
        return self.pick([
            b"{", b"[]", b"null", b'"x"', b"\xff\xfe", b"[" * 100_000 + b"]" * 100_000,
            b'{"a":' * 5_000 + b"1" + b"}" * 5_000, b'{"title": NaN}', b'{"log_weeks": Infinity}',
            b'{"title": "\\ud800"}', b'{"sets": ' + b"9" * 6_000 + b"}", b"[" + b"1," * 150_000 + b"1]",
            b'{"program": {}, "path": "../x.yaml", "replace": true}',
        ])

    def request(self) -> tuple[str, bytes]:
        """(what was sent, the request's bytes)."""
        kind = self.pick(["open", "open", "thumb", "static", "preview", "pdf", "save", "save", "batch", "big",
                          "chunked", "method"])
        method = "GET" if kind in ("open", "thumb", "static") else "POST"
        body, extra = b"", []
        if kind == "open":
            target = "/api/worksheet?path=" + quote(self.pick(self.paths), safe="", errors="surrogateescape")
        elif kind == "thumb":
            target = "/thumbs/" + quote(self.pick(["leak-exercise", "../../x", "chin-tuck", "%2e%2e", "a" * 5000]),
                                        safe="%") + ".png"
        elif kind == "static":
            target = "/static/" + self.pick(["main.js", "../app.py", "..%2f..%2fpyproject.toml", "%2e%2e/x"])
        elif kind in ("preview", "pdf"):
            target, body = f"/api/{kind}", self.body()
        elif kind == "save":
            target = "/api/save"
            body = json.dumps({"program": json.loads(self.program_body()), "path": self.pick(self.paths),
                               "replace": self.random.random() < 0.3}).encode()
        elif kind == "batch":
            target, (body, content_type) = "/api/batch", self.batch()
            extra = [("Content-Type", content_type)]
        elif kind == "big":
            target, body = "/api/preview", b" " * 1_500_000
        elif kind == "chunked":
            target, body = "/api/pdf", b""
            extra = [("Transfer-Encoding", "chunked")]
        else:
            method, target = self.pick(["PUT", "DELETE", "OPTIONS", "PATCH"]), self.pick(["/", "/api/save"])
        headers = self.headers(method) + extra
        if kind == "chunked":
            size = self.pick([10, 1_500_000])
            body = b"".join(b"%x\r\n" % len(piece) + piece + b"\r\n" for piece in [b"[" * size]) + b"0\r\n\r\n"
        elif body or method == "POST":
            headers.append(("Content-Length", str(len(body))))
        head = f"{method} {target} HTTP/1.1\r\n" + "".join(f"{name}: {value}\r\n" for name, value in headers)
        raw = head.encode("utf-8", "surrogateescape") + b"Connection: close\r\n\r\n" + body
        return f"{method} {target[:120]} {headers}", raw

    def batch(self) -> tuple[bytes, str]:
        cells = [self.pick(self.paths + ["leak", "secret", "between-shoulder-blades"]).replace(",", "")
                 for _ in range(self.random.randint(1, 3))]
        layout = self.pick(self.layouts).replace(",", "")
        csv = "client,worksheet,layout\n" + "".join(f"Ada{i},{cell},{layout}\n" for i, cell in enumerate(cells))
        program = self.pick([self.program_body(), b"{", b"[" * 10_000])
        parts = [("program", None, program), ("clients", "c.csv", csv.encode("utf-8", "surrogateescape"))]
        return form(*self.random.sample(parts, self.random.randint(1, 2)))


@pytest.fixture
def fuzzed(tmp_path, tmp_path_factory):
    outside = _outside(tmp_path / "outside")
    project = copy_project(tmp_path / "project")
    _hostile_project(project, outside)
    before = _state(outside), sorted(tmp_path.iterdir())
    server = Server(project, tmp_path_factory.mktemp("console") / "console.txt", {"WORKSHEET_MAX_CSV_MB": LIMIT_MB})
    try:
        program = server.get(f"/api/worksheet?path={SHEET}").json()["program"]
        yield Fuzz(server, program, outside)
    finally:
        server.stop()
    assert (_state(outside), sorted(tmp_path.iterdir())) == before, "something outside the project was touched"


def test_hostile_requests_never_get_a_5xx_a_traceback_or_anything_from_outside(fuzzed):
    server, statuses = fuzzed.server, Counter()
    for number in range(REQUESTS):
        sent, raw = fuzzed.request()
        answer: Answer = server.raw(raw)
        where = f"request {number} (seed {SEED}): {sent}"
        assert answer.status < 500, f"{where}: {answer.status} {answer.body[:300]!r}"
        assert answer.status or len(raw) > LARGE, f"{where}: closed without an answer"
        assert b"Traceback" not in answer.body, where
        assert CANARY.encode() not in answer.body, where
        statuses[answer.status] += 1
    # The draw reaches every kind of answer: built, refused by the guard, by a limit, by the model.
    assert all(statuses[status] >= 5 for status in (200, 400, 403, 413, 422)), statuses
    assert server.get("/").status == 200 and server.process.poll() is None
    console = server.stderr()
    assert "Traceback" not in console and CANARY not in console, console[-3000:]
