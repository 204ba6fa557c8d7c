"""`worksheet serve` against requests a page never sends: repeated headers, chunked bodies past the limit,
clients gone mid-body, deep or non-finite JSON, long builds, SIGTERM, oversized batches. Most run against the
real server (a subprocess speaking raw HTTP over a socket); the exact messages a user sees are asserted."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import signal
import socket
import threading
import time
import warnings
import zipfile

import pytest
from served import Answer, Server, copy_project, form, refused
from starlette.testclient import TestClient

from generator.base.errors import InputError
from generator.load.json_text import read_json
from generator.web import uploads
from generator.web.app import create_app

SIX = "worksheets/upper-back-trigger-points.yaml"
TOKEN = "test-token"
LIMIT_MB = "1"  # WORKSHEET_MAX_CSV_MB for the shared server: bodies up to 1,100,000 bytes
TOO_LARGE = "the request is larger than the limit of 1,100,000 bytes"
GONE = "POST /api/preview: the client went away before sending the whole request; nothing was done"
WORDS = "Gentle movement helps the muscles relax and the knots ease over time. "

warnings.filterwarnings("ignore", message=".*httpx.*")  # Starlette's note on its test client's transport


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One server for the tests that leave it running, over its own copy of the project."""
    folder = copy_project(tmp_path_factory.mktemp("served"))
    running = Server(folder, folder / "stderr.txt", {"WORKSHEET_MAX_CSV_MB": LIMIT_MB})
    yield running
    running.stop()


@pytest.fixture(scope="module")
def program(server) -> dict:
    return server.get(f"/api/worksheet?path={SIX}").json()["program"]


def long_program(program: dict, characters: int = 300_000) -> bytes:
    """The program with an intro of ``characters``: building and drawing its pages takes seconds."""
    return json.dumps({**program, "intro": WORDS * (characters // len(WORDS))}).encode()


def request(server: Server, head: str, body: bytes = b"") -> bytes:
    return f"{head}\r\nHost: {server.host}\r\nConnection: close\r\n\r\n".encode() + body


def post_head(server: Server, path: str, *headers: str) -> str:
    return "\r\n".join([f"POST {path} HTTP/1.1", f"X-Worksheet-Token: {server.token}", *headers])


def chunked(*chunks: bytes) -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for chunk in chunks) + b"0\r\n\r\n"


# Repeated headers


def test_a_wrong_token_followed_by_the_right_one_is_refused(server):
    head = post_head(server, "/api/preview", "X-Worksheet-Token: wrong", "Content-Length: 2")
    answer = server.raw(request(server, head, b"{}"))
    assert answer.status == 400
    assert answer.json() == refused("the request repeats the X-Worksheet-Token header; send it once")


def test_a_foreign_origin_followed_by_the_right_one_is_refused(server):
    head = post_head(server, "/api/preview", "Origin: http://evil.example", f"Origin: http://{server.host}",
                     "Content-Length: 2")
    answer = server.raw(request(server, head, b"{}"))
    assert answer.status == 400 and answer.json() == refused("the request repeats the Origin header; send it once")
    answer = server.raw(request(server, f"GET /api/library HTTP/1.1\r\nOrigin: http://{server.host}\r\nOrigin: x"))
    assert answer.status == 400 and answer.json() == refused("the request repeats the Origin header; send it once")


def test_a_repeated_host_is_refused(server, project):
    # uvicorn's HTTP layer (h11) refuses it before the app; the Guard names it where a server passes it on.
    answer = server.raw(request(server, "GET /api/library HTTP/1.1\r\nHost: evil.example"))
    assert answer.status == 400 and answer.body == b"Invalid HTTP request received."
    app = create_app(project, TOKEN, port=8765)
    status, body = asyncio.run(_asgi(app, [(b"host", b"evil.example"), (b"host", b"127.0.0.1:8765")]))
    assert status == 400 and body == refused("the request repeats the Host header; send it once")


async def _asgi(app, headers: list[tuple[bytes, bytes]]) -> tuple[int, dict]:
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": "/api/choices", "raw_path": b"/api/choices",
             "query_string": b"", "headers": headers, "http_version": "1.1", "scheme": "http"}
    await app(scope, receive, send)
    return sent[0]["status"], json.loads(b"".join(message.get("body", b"") for message in sent[1:]))


# Bodies


def test_a_chunked_body_over_the_limit_is_413_before_any_route_runs(server):
    head = post_head(server, "/api/preview", "Transfer-Encoding: chunked")
    answer = server.raw(request(server, head, chunked(*[b" " * 100_000] * 12)))
    assert answer.status == 413 and answer.json() == refused(TOO_LARGE)
    head = post_head(server, "/api/batch", "Transfer-Encoding: chunked",
                     "Content-Type: multipart/form-data; boundary=b")
    answer = server.raw(request(server, head, chunked(b"--b\r\n", *[b"x" * 100_000] * 12)))
    assert answer.status == 413 and answer.json() == refused(TOO_LARGE)
    assert "Traceback" not in server.stderr()


def test_a_chunked_body_within_the_limit_is_read_whole(server, program):
    body = json.dumps(program).encode()
    head = post_head(server, "/api/pdf", "Transfer-Encoding: chunked")
    answer = server.raw(request(server, head, chunked(body[:100], body[100:2000], body[2000:])))
    assert answer.status == 200 and answer.body.startswith(b"%PDF")


def test_a_client_gone_mid_body_is_one_quiet_line(server):
    before = server.stderr().count(GONE)
    for head, part in [(post_head(server, "/api/preview", "Content-Length: 1000"), b'{"title": "Ne'),
                       (post_head(server, "/api/preview", "Transfer-Encoding: chunked"), b'5\r\n{"tit\r\n')]:
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
            sock.sendall(request(server, head, part))
            time.sleep(0.2)
    waited = time.monotonic()
    while server.stderr().count(GONE) < before + 2 and time.monotonic() - waited < 10:
        time.sleep(0.05)
    assert server.stderr().count(GONE) == before + 2
    assert "Traceback" not in server.stderr() and "ClientDisconnect" not in server.stderr()
    assert server.get("/api/library").status == 200  # and the server goes on


# JSON


def test_deeply_nested_json_is_400_naming_the_limit(server):
    answer = server.post("/api/preview", b"[" * 100_000 + b"]" * 100_000)
    assert answer.status == 400
    assert answer.json() == refused("the request body:1:65: nested deeper than the limit of 64 levels")
    answer = server.post("/api/save", b'{"program": ' + b"{\"a\": " * 70 + b"1" + b"}" * 71)
    assert answer.status == 400
    assert answer.json() == refused("the request body:1:391: nested deeper than the limit of 64 levels")


@pytest.mark.parametrize("value, message", [
    ("NaN", "NaN is not a finite number; JSON has no NaN or Infinity"),
    ("-Infinity", "-Infinity is not a finite number; JSON has no NaN or Infinity"),
    ("1e999", "1e999 is too large a number"),
])
def test_non_finite_numbers_are_400(server, value, message):
    answer = server.post("/api/preview", f'{{"title": "Neck", "log_weeks": {value}}}'.encode())
    assert answer.status == 400 and answer.json() == refused(f"the request body: {message}")


@pytest.mark.parametrize("content_type, body, message", [
    ("multipart/form-data", b"--b\r\n", "the upload could not be read: Missing boundary in multipart."),
    ("multipart/form-data; boundary=b", b'--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--\r\n',
     'the upload could not be read: The Content-Disposition header field "name" must be provided.'),
    ("application/json", b"{}", "send 'program' (the program as JSON) and 'clients' (a CSV file)"),
])
def test_a_malformed_upload_is_400_in_one_line(server, content_type, body, message):
    answer = server.post("/api/batch", body, content_type)
    assert answer.status == 400 and answer.json() == refused(message)


def test_the_batchs_program_field_is_read_under_the_same_limits(server):
    body, content_type = form(("program", None, b"[" * 1000 + b"]" * 1000),
                              ("clients", "clients.csv", b"client\nAda\n"))
    answer = server.post("/api/batch", body, content_type)
    assert answer.status == 400
    assert answer.json() == refused("the 'program' field:1:65: nested deeper than the limit of 64 levels")


@pytest.mark.parametrize("raw, message", [
    (b"[" * 65 + b"]" * 65, "the request body:1:65: nested deeper than the limit of 64 levels"),
    ("[" + "0," * 100_000 + "0]", "the request body:1:200000: more than the limit of 100,000 values"),
    (b'{"a": NaN}', "the request body: NaN is not a finite number; JSON has no NaN or Infinity"),
    ("[Infinity]", "the request body: Infinity is not a finite number; JSON has no NaN or Infinity"),
    ("[-1e400]", "the request body: -1e400 is too large a number"),
    ("[" + "9" * 5000 + "]", "the request body: a number of 5,000 digits, more than the limit of 4,300"),
    (b'{"title": "caf\xe9"}', "the request body:1:15: not UTF-8 text; send it encoded as UTF-8"),
    ('{"title": "Neck",\n "intro": }', "the request body:2:11: not JSON: Expecting value"),
    ("", "the request body:1:1: not JSON: Expecting value"),
    ('["\\ud800"]',
     "the request body: a \\u escape gives half of a character (a lone surrogate); send whole characters"),
    (b"x" * 2_000_001, "the request body: 2,000,001 bytes, more than the limit of 2,000,000 bytes"),
])
def test_read_json_refuses_with_one_line_naming_the_limit(raw, message):
    with pytest.raises(InputError) as refused:
        read_json(raw, "the request body")
    assert refused.value.format_message() == message


def test_read_json_reads_what_json_allows():
    assert read_json(b"[" * 64 + b"]" * 64, "x") == json.loads("[" * 64 + "]" * 64)
    assert read_json('{"a": "[[[[{{{{" , "b": [1.5, -2, true, null, "\\ud83d\\ude00"]}', "x") == \
        {"a": "[[[[{{{{", "b": [1.5, -2, True, None, "\N{GRINNING FACE}"]}
    assert read_json("[" + "0," * 99_998 + "0]", "x") == [0] * 99_999  # 100,000 values with the list


# Faults and bad input: never a 5xx for what a request sends; a fault is one line, its traceback logged


@pytest.mark.parametrize("method, path, body", [
    ("GET", "/api/worksheet?path=worksheets/" + "a" * 300 + ".yaml", None),
    ("GET", "/api/worksheet?path=worksheets/%00.yaml", None),
    ("GET", "/thumbs/" + "a" * 300 + ".png", None),
    ("POST", "/api/preview", {"path": "worksheets/" + "a" * 300 + ".yaml", "title": "x"}),
    ("POST", "/api/pdf", {"path": "worksheets/" + "a" * 300 + "/neck.yaml", "title": "x"}),
    ("POST", "/api/preview", {"title": {"a": [1]}, "exercises": "chin-tuck", "options": []}),
    ("POST", "/api/preview", {"title": "x\u0000y", "exercises": [{"exercise": "chin-tuck", "dosage": []}]}),
    ("POST", "/api/pdf", {"title": "x", "exercises": [{"exercise": ["chin-tuck"]}], "log_weeks": "two"}),
    ("POST", "/api/pdf", ["not", "a", "program"]),
    ("POST", "/api/save", {"program": {"title": "x"}, "path": "worksheets/" + "a" * 300 + ".yaml"}),
    ("POST", "/api/save", {"program": "x", "path": 7}),
])
def test_no_bad_input_gets_a_5xx(server, method, path, body):
    if method == "GET":
        answer = server.get(path)
    else:
        answer = server.post(path, json.dumps(body).encode())
    assert answer.status < 500, answer.body
    said = answer.json()  # a refusal, or a preview's problems
    assert ("error" in said and answer.status >= 400) or (said.get("ok") is False and said["problems"])


def test_a_fault_is_one_line_and_its_traceback_goes_to_the_log(project, monkeypatch, caplog):
    def broken(*args):
        raise RuntimeError("a detail only the console should see")

    monkeypatch.setattr("generator.web.app.choices", broken)
    client = TestClient(create_app(project, TOKEN), base_url="http://127.0.0.1:8765")
    with caplog.at_level(logging.ERROR, logger="generator.web"):
        answer = client.get("/api/choices")
    assert answer.status_code == 500 and answer.json() == refused("internal error, see the server's console")
    assert "a detail only the console should see" not in answer.text
    [record] = [record for record in caplog.records if record.name == "generator.web"]
    assert record.getMessage() == "internal error at GET /api/choices" and record.exc_info is not None


# Time and concurrency


def test_reads_answer_while_a_long_build_runs(server, program):
    assert server.get("/api/library").status == 200  # listed once, as the page does on opening
    answers: list[Answer] = []
    build = threading.Thread(target=lambda: answers.append(server.post("/api/preview", long_program(program))))
    build.start()
    time.sleep(0.5)
    for path in ("/api/library", "/api/worksheets"):
        started = time.monotonic()
        assert server.get(path).status == 200
        assert time.monotonic() - started < 1.0, path
    assert build.is_alive()  # the build was still running all the while
    build.join()
    assert answers[0].status == 200 and answers[0].json()["ok"]


def test_a_build_that_waited_past_its_time_limit_is_422(project):
    app = create_app(project, TOKEN, seconds=(0.5, 60))
    client = TestClient(app, base_url="http://127.0.0.1:8765")
    program = client.get("/api/worksheet", params={"path": SIX}).json()["program"]
    with app.app.state.project.lock:  # type: ignore[attr-defined]  # a long build holds the build lock
        answers: list = []
        waiting = threading.Thread(target=lambda: answers.append(
            client.post("/api/preview", json=program, headers={"X-Worksheet-Token": TOKEN})))
        waiting.start()
        time.sleep(1.0)
    waiting.join()
    assert answers[0].status_code == 422
    assert answers[0].json() == refused("the build took longer than the limit of 0.5 s; shorten the longest "
                                                 "texts, or build it with the worksheet command")


def test_sigterm_during_a_long_build_stops_within_two_seconds(tmp_path, program):
    folder = copy_project(tmp_path)
    server = Server(folder, tmp_path / "stderr.txt")
    answers: list[Answer] = []
    build = threading.Thread(target=lambda: answers.append(server.post("/api/preview", long_program(program))))
    build.start()
    time.sleep(1.0)
    out, seconds = server.stop(signal.SIGTERM)
    build.join(timeout=10)
    assert seconds < 2.0 and server.process.returncode == 0
    assert out.splitlines()[-1] == "Stopped."
    assert answers[0].status == 503 and answers[0].json() == refused("stopped: the server is stopping")
    assert "Traceback" not in server.stderr()


# Batches


def _upload(program: dict, clients: str) -> tuple[bytes, str]:
    return form(("program", None, json.dumps(program).encode()), ("clients", "clients.csv", clients.encode()))


def test_a_batch_of_more_than_200_rows_is_refused_with_its_message(server, program):
    clients = "client\n" + "".join(f"Client {number}\n" for number in range(300))
    body, content_type = _upload(program, clients)
    started = time.monotonic()
    answer = server.post("/api/batch", body, content_type)
    assert answer.status == 413 and answer.json() == refused(
        "clients.csv: 300 rows, more than the 200 the page builds at once; build them on the command "
        "line with `worksheet batch --clients clients.csv`")
    assert time.monotonic() - started < 2.0  # refused before anything is built


def test_a_csv_that_cannot_be_read_is_422(server, program):
    clients = 'client\n"' + "x" * 200_000 + '"\n'
    body, content_type = _upload(program, clients)
    answer = server.post("/api/batch", body, content_type)
    assert answer.status == 422
    assert answer.json() == {"problems": [{
        "file": "clients.csv", "line": 2, "column": 1, "field": None,
        "message": "cannot read the CSV: field larger than field limit (131072)",
        "text": "clients.csv:2:1: cannot read the CSV: field larger than field limit (131072)"}]}


def _batch(client: TestClient, program: dict, rows: int):
    clients = "client\n" + "".join(f"Client {number}\n" for number in range(rows))
    return client.post("/api/batch", data={"program": json.dumps(program)}, headers={"X-Worksheet-Token": TOKEN},
                       files={"clients": ("clients.csv", clients.encode(), "text/csv")})


def test_a_batch_past_the_zip_limit_stops_with_its_message(project, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_ZIP_MB", 0.05)
    client = TestClient(create_app(project, TOKEN), base_url="http://127.0.0.1:8765")
    program = client.get("/api/worksheet", params={"path": SIX}).json()["program"]
    answer = _batch(client, program, 3)
    assert answer.status_code == 413 and answer.json() == refused(
        "the handouts come to more than 0.05 MB after 1 of 3 rows, more than the page sends at once; "
        "build them on the command line with `worksheet batch --clients clients.csv`")
    monkeypatch.setattr(uploads, "MAX_ZIP_MB", 64)
    answer = _batch(client, program, 3)
    assert answer.status_code == 200
    assert len([name for name in zipfile.ZipFile(io.BytesIO(answer.content)).namelist() if name.endswith(".pdf")]) == 3


def test_a_whole_batch_runs_under_one_time_limit(project):
    client = TestClient(create_app(project, TOKEN, seconds=(20, 0.5)), base_url="http://127.0.0.1:8765")
    program = client.get("/api/worksheet", params={"path": SIX}).json()["program"]
    answer = _batch(client, program, 60)
    message = ("the build took longer than the limit of 0.5 s; shorten the longest texts, or build it with the "
               "worksheet command")
    assert answer.status_code == 422 and answer.json() == refused(message)


def test_a_preview_waits_one_handout_at_most_while_a_batch_runs(server, program):
    clients = "client\n" + "".join(f"Client {number}\n" for number in range(60))
    body, content_type = _upload(program, clients)
    answers: list[Answer] = []
    batch = threading.Thread(target=lambda: answers.append(
        server.post("/api/batch", body, content_type)))
    batch.start()
    time.sleep(0.5)
    started = time.monotonic()
    assert server.post("/api/pdf", json.dumps(program).encode()).status == 200
    waited = time.monotonic() - started
    assert batch.is_alive() and waited < 1.5
    batch.join()
    assert answers[0].status == 200
