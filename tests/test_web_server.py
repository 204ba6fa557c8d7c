"""`worksheet serve`: every route against the real app (Starlette's test client), and the command itself."""

from __future__ import annotations

import base64
import io
import json
import os
import re
import signal
import subprocess
import sys
import urllib.request
import warnings
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from served import refused
from starlette.testclient import TestClient

from generator.app.pipeline import build_handout
from generator.model.choices import BODY_REGIONS, LANGUAGES, PAPERS, POSITIONS, SIDES
from generator.model.limits import Limits
from generator.resolve.options import Options
from generator.web.app import create_app
from generator.web.program import yaml_from_program
from generator.model.schema import schema_text
from generator.web.security import CSP

TOKEN = "test-token"
BASE = "http://127.0.0.1:8765"
SIX = "worksheets/upper-back-trigger-points.yaml"
ROOT = Path(__file__).resolve().parent.parent

warnings.filterwarnings("ignore", message=".*httpx.*")  # Starlette's note on its test client's transport


@pytest.fixture
def client(project: Path) -> TestClient:
    return TestClient(create_app(project, TOKEN), base_url=BASE)


def post(client: TestClient, url: str, **kwargs):
    return client.post(url, headers={"X-Worksheet-Token": TOKEN, **kwargs.pop("headers", {})}, **kwargs)


def opened(client: TestClient, path: str = SIX) -> dict:
    answer = client.get("/api/worksheet", params={"path": path})
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_the_page_carries_the_token_and_every_response_the_headers(client):
    page = client.get("/")
    assert page.status_code == 200 and f'<meta name="token" content="{TOKEN}">' in page.text
    for response in (page, client.get("/api/choices"), client.get("/nowhere"), post(client, "/api/pdf", json=[])):
        assert response.headers["content-security-policy"] == CSP
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
    assert client.get("/nowhere").json() == refused("nothing at /nowhere")


def test_choices_come_from_the_model_and_the_project(client):
    choices = client.get("/api/choices").json()
    assert choices["papers"] == list(PAPERS) and choices["sides"] == list(SIDES)
    assert [language["code"] for language in choices["languages"]] == list(LANGUAGES)
    assert [position["id"] for position in choices["positions"]] == list(POSITIONS)
    assert {"id": "hold_seconds", "label": "Hold", "unit": "s"} in choices["dose_fields"]
    assert {"standard", "compact", "large-print", "one-per-page"} <= {layout["id"] for layout in choices["layouts"]}
    assert [region["id"] for region in choices["regions"]] == list(BODY_REGIONS)
    assert {"id": "ankle-foot", "label": "Ankle and foot"} in choices["regions"]


def test_library_lists_every_exercise_with_regions_and_a_broken_file_is_a_message(client, project):
    library = client.get("/api/library").json()
    assert library["problems"] == []
    chin = next(item for item in library["exercises"] if item["id"] == "chin-tuck")
    assert chin["name"] == "Chin tuck" and chin["thumbnail"] == "/thumbs/chin-tuck.png"
    assert chin["regions"] == ["neck"] and chin["position_label"] == "Sitting" and chin["dosage"]["reps"] == 10
    assert "neck pain" in chin["region_words"]  # what a clinician types, kept in generator/anatomy/regions.yaml
    step = next(item for item in library["exercises"] if item["id"] == "step-up")
    assert step["regions"] == ["hip", "knee", "balance"] and "stairs" in step["region_words"]
    (project / "worksheets" / "exercises" / "broken.yaml").write_text("name: Broken\nstepz: [a]\n")
    library = client.get("/api/library").json()  # the change is seen on the next request
    assert any(problem["text"].startswith("worksheets/exercises/broken.yaml:2:1: ") and
               (problem["file"], problem["line"]) == ("worksheets/exercises/broken.yaml", 2)
               for problem in library["problems"])


def test_thumbnails_are_small_pngs_and_an_unknown_id_is_404(client):
    thumb = client.get("/thumbs/chin-tuck.png")
    assert thumb.status_code == 200 and thumb.content.startswith(b"\x89PNG") and len(thumb.content) < 60_000
    assert client.get("/thumbs/no-such.png").status_code == 404


def test_worksheets_are_listed_and_opened(client, project):
    listed = client.get("/api/worksheets").json()["worksheets"]
    assert {(item["path"], item["title"]) for item in listed} >= {
        (SIX, "Easing upper-back pain caused by trigger points and knots")}
    # the newest first, each with when it changed, to the minute
    (project / SIX).touch()
    relisted = client.get("/api/worksheets").json()["worksheets"]
    assert relisted[0]["path"] == SIX and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d", relisted[0]["modified"])
    stamps = [item["modified"] for item in relisted]
    assert stamps == sorted(stamps, reverse=True)
    assert not any(item["path"].startswith("worksheets/exercises/") for item in listed)
    answer = opened(client)
    assert answer["text"] == (project / SIX).read_text() and len(answer["program"]["exercises"]) == 6


@pytest.mark.parametrize("path, status", [("../pyproject.toml", 400), ("worksheets/../../x.yaml", 400),
                                          ("/etc/passwd", 400), ("worksheets/notes.txt", 400),
                                          ("layouts/standard.yaml", 400), ("worksheets/out.yaml", 400),
                                          ("worksheets/none.yaml", 404)])
def test_paths_outside_worksheets_are_refused_with_a_message(client, project, tmp_path_factory, path, status):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.yaml").write_text("title: secret\n")
    (project / "worksheets" / "out.yaml").symlink_to(outside / "secret.yaml")
    answer = client.get("/api/worksheet", params={"path": path})
    assert answer.status_code == status and answer.json()["error"].startswith(f"'{path}'")
    saved = post(client, "/api/save", json={"program": opened(client)["program"], "path": path, "replace": True})
    if status == 400:  # the same check guards saving; a new file inside worksheets/ is simply written
        assert saved.status_code == 400 and saved.json()["error"] == answer.json()["error"]
    assert (outside / "secret.yaml").read_text() == "title: secret\n"


def _pictures(answer: dict) -> list:
    """Each page's image in an answer, decoded (None where the answer left it out)."""
    return [None if url is None else Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1])))
            for url in answer["images"]]


def test_preview_gives_every_page_as_an_image(client):
    answer = post(client, "/api/preview", json=opened(client)["program"]).json()
    assert answer["ok"] and answer["problems"] == [] and answer["pages"] == len(answer["images"]) >= 2
    assert all(image.startswith("data:image/jpeg;base64,") for image in answer["images"])
    assert [picture.size for picture in _pictures(answer)] == [(510, 660)] * answer["pages"]  # Letter at 60 dpi
    assert len(set(answer["keys"])) == len(answer["keys"]) == answer["pages"]


def test_a_preview_draws_only_the_pages_the_page_does_not_hold(client):
    program = opened(client)["program"]
    first = post(client, "/api/preview", json=program).json()
    program["exercises"][3]["dosage"]["hold_seconds"] = 17  # the fourth exercise's card, on one page
    whole = post(client, "/api/preview", json=program).json()
    held = post(client, "/api/preview", params={"have": ",".join(first["keys"])}, json=program).json()
    assert held["keys"] == whole["keys"] and held["pages"] == whole["pages"] == first["pages"]
    changed = [n for n, (old, new) in enumerate(zip(first["keys"], whole["keys"])) if old != new]
    assert len(changed) == 1
    assert [n for n, image in enumerate(held["images"]) if image is not None] == changed
    assert held["images"][changed[0]] == whole["images"][changed[0]]
    # a page whose key is the same is the same picture, and the one that changed shows the new hold
    for n in set(range(first["pages"])) - set(changed):
        assert whole["images"][n] == first["images"][n]
    assert whole["images"][changed[0]] != first["images"][changed[0]]
    # keys the page never had, or too many, only mean more pages drawn
    strange = post(client, "/api/preview", params={"have": "x," * 5000}, json=program).json()
    assert strange["images"] == whole["images"]


def test_preview_problems_carry_the_field_and_the_clis_exact_text(client, project, run):
    program = opened(client)["program"]
    program["exercises"][1]["exercise"] = "chin-tuk"
    program["exercises"][2]["dosage"]["hold_seconds"] = "five"
    answer = post(client, "/api/preview", json=program).json()
    assert not answer["ok"] and answer["images"] == []
    (project / SIX).write_text(yaml_from_program(program, (project / SIX).read_text()))
    cli = run("build", SIX)
    assert [problem["text"] for problem in answer["problems"]] == cli.stderr.splitlines()
    # each at its field, the exercises counted from 1 as the page numbers them
    fields = {problem["field"]: problem["message"] for problem in answer["problems"]}
    assert fields["exercises[2]"] == "unknown exercise 'chin-tuk' (did you mean 'chin-tuck'?)"
    assert fields["exercises[3].dosage.hold_seconds"] == "expected a whole number, got 'five'"
    assert [(p["file"], p["line"], p["column"]) for p in answer["problems"]] == [(SIX, 13, 5), (SIX, 15, 28)]


def test_the_pdf_is_the_front_doors_and_after_saving_the_clis(client, project, run):
    program = opened(client)["program"]
    program["exercises"][0]["dosage"]["hold_seconds"] = 40
    program["options"] = {"paper": "a4", "client": "Zoë Example", "date": "2026-11-20"}
    pdf = post(client, "/api/pdf", json=program)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"] == 'attachment; filename="upper-back-trigger-points.pdf"'
    text = yaml_from_program(program, (project / SIX).read_text())
    expected = build_handout(project / SIX, Options(paper="a4", personal=_changes("Zoë Example", "2026-11-20")),
                             text=text)
    assert pdf.content == expected.pdf
    saved = post(client, "/api/save", json={"program": program, "path": SIX, "replace": True})
    assert saved.json() == {"saved": SIX}
    result = run("build", SIX, "-o", "cli.pdf", "--paper", "a4", "--client", "Zoë Example", "--date", "2026-11-20")
    assert result.exit_code == 0 and (project / "cli.pdf").read_bytes() == pdf.content


def _changes(client_name: str, date: str):
    from generator.load.changes import client_options

    changes, problems = client_options({"client": client_name, "date": date, "clinician": None, "note": None},
                                       (), (), ())
    assert problems == []
    return changes


def test_saving_asks_before_replacing_and_unchanged_saves_identical_text(client, project):
    original = (project / SIX).read_text()
    program = opened(client)["program"]
    refused = post(client, "/api/save", json={"program": program, "path": SIX})
    assert refused.status_code == 409 and refused.json() == {"confirm": f"{SIX} exists; replace it?"}
    assert post(client, "/api/save", json={"program": program, "path": SIX, "replace": True}).status_code == 200
    assert (project / SIX).read_text() == original
    program["exercises"][3]["dosage"]["hold_seconds"] = 20
    new = "worksheets/mine/copy.yaml"  # into a folder of worksheets/ that exists
    (project / "worksheets" / "mine").mkdir()
    assert post(client, "/api/save", json={"program": program, "path": new}).json() == {"saved": new}
    changed = [line for line in (project / new).read_text().splitlines() if line not in original.splitlines()]
    assert len(changed) == 2 and "hold_seconds: 20" in changed[1]
    assert not list((project / "worksheets" / "mine").glob(".*"))  # no temporary file left


def test_a_foreign_host_is_refused_on_every_request(client):
    for answer in (client.get("/", headers={"Host": "evil.example:8765"}),
                   client.get("/api/library", headers={"Host": "attacker.test"})):
        assert answer.status_code == 400 and "error" in answer.json()


def test_a_foreign_origin_is_refused_and_the_pages_own_is_let_in(client):
    program = opened(client)["program"]
    foreign = post(client, "/api/preview", json=program, headers={"Origin": "http://evil.example"})
    assert foreign.status_code == 403 and "another site" in foreign.json()["error"]
    assert client.get("/", headers={"Origin": "http://localhost:8765"}).status_code == 403
    own = post(client, "/api/preview", json=program, headers={"Origin": BASE})
    assert own.status_code == 200


@pytest.mark.parametrize("token", [None, "wrong"])
def test_a_post_without_the_token_is_refused(client, token):
    headers = {"X-Worksheet-Token": token} if token else {}
    answer = client.post("/api/preview", json=opened(client)["program"], headers=headers)
    assert answer.status_code == 403 and "X-Worksheet-Token" in answer.json()["error"]


def test_oversized_bodies_and_uploads_are_refused(project):
    client = TestClient(create_app(project, TOKEN, limits=Limits(csv_mb=0.01)), base_url=BASE)
    big = {"title": "x" * 200_000}
    assert post(client, "/api/preview", json=big).status_code == 413
    upload = {"clients": ("clients.csv", b"client\n" + b"a\n" * 100_000, "text/csv")}
    assert post(client, "/api/batch", data={"program": "{}"}, files=upload).status_code == 413


CLIENTS = ("client,worksheet,date,chin-tuck.sets\nAda Example,upper-back-trigger-points,2026-11-20,\n"
           "Bo Example,upper-back-trigger-points,,\n")


def test_a_batch_zip_matches_worksheet_batch(client, project, run):
    program = opened(client)["program"]
    (project / "clients.csv").write_text(CLIENTS)
    answer = post(client, "/api/batch", data={"program": json.dumps(program)},
                  files={"clients": ("clients.csv", CLIENTS.encode(), "text/csv")})
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(answer.content))
    cli = run("batch", "--clients", "clients.csv", "-o", "cli-out", "-j", "1")
    assert cli.exit_code == 0
    pdfs = sorted(path.name for path in (project / "cli-out").glob("*.pdf"))
    assert sorted(name for name in archive.namelist() if name.endswith(".pdf")) == pdfs and len(pdfs) == 2
    for name in pdfs:
        assert archive.read(name) == (project / "cli-out" / name).read_bytes()
    seconds = re.compile(r"in \d+\.\d s")
    assert seconds.sub("", archive.read("summary.txt").decode()) == seconds.sub("", cli.stdout)


def test_bad_rows_give_422_with_every_problem(client):
    program = opened(client)["program"]
    bad = "client,worksheet,date\nAda,upper-back-trigger-points,2026-13-40\nBo,no-such-sheet,\n"
    answer = post(client, "/api/batch", data={"program": json.dumps(program)},
                  files={"clients": ("clients.csv", bad.encode(), "text/csv")})
    assert answer.status_code == 422
    problems = answer.json()["problems"]
    lines = [problem["text"] for problem in problems]
    assert any(line.startswith("clients.csv:3:2: worksheet: unknown worksheet 'no-such-sheet'") for line in lines)
    assert any(line.startswith("clients.csv:2:3: date") for line in lines)
    assert {(problem["file"], problem["line"], problem["column"]) for problem in problems} >= {
        ("clients.csv", 3, 2), ("clients.csv", 2, 3)}


def _serve(project: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "generator", "serve", str(project), "--port", "0", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _stop(process: subprocess.Popen) -> tuple[str, str]:
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=20)
    return out, err


def test_serve_binds_here_prints_its_address_and_stops_cleanly_on_ctrl_c(project):
    process = _serve(project)
    try:
        line = process.stdout.readline()
        match = re.fullmatch(rf"Serving {re.escape(str(project.resolve()))} at (http://127\.0\.0\.1:(\d+)/) "
                             r"\(Ctrl-C stops\)\n", line)
        assert match, line
        with urllib.request.urlopen(match.group(1), timeout=10) as page:
            assert page.status == 200 and b'<meta name="token"' in page.read()
        listening = subprocess.run(["ss", "-ltnH"], capture_output=True, text=True).stdout
        assert f"127.0.0.1:{match.group(2)} " in listening
    finally:
        out, err = _stop(process)
    assert process.returncode == 0 and "Traceback" not in err, err


def test_serve_on_another_host_warns_that_there_is_no_login(project):
    process = _serve(project, "--host", "0.0.0.0")
    try:
        line = process.stdout.readline()
        assert line.startswith("Serving ")
        urllib.request.urlopen(line.split(" at ")[1].split()[0], timeout=10).close()
    finally:
        out, err = _stop(process)
    assert "there is no login" in err and "0.0.0.0" in err and process.returncode == 0


def test_a_picked_variation_is_checked_against_the_exercises_own(client):
    program = opened(client)["program"]
    program["exercises"][5]["variation"] = "harder"  # ball-pressure-release has no harder variation
    answer = post(client, "/api/preview", json=program).json()
    assert [(p["field"], p["message"]) for p in answer["problems"]] == [
        ("exercises[6].variation", "exercise 'ball-pressure-release' has no harder variation")]
    program["exercises"][5]["variation"] = None
    program["exercises"].append({"exercise": "chin-tuck", "dosage": {}, "note": None, "variation": "harder"})
    assert post(client, "/api/preview", json=program).json()["ok"]


def test_the_program_is_one_typed_record_whose_schema_the_page_is_served(client, project):
    """The schema at /api/schema is the Program record's, as `worksheet schema program` prints it; every
    program the server hands the page (each shipped worksheet opened) is valid by it, and one that is not is
    refused by the validator every worksheet goes through, each problem at its field."""
    import jsonschema

    served = client.get("/api/schema").json()
    assert served == json.loads(schema_text("program"))
    jsonschema.Draft202012Validator.check_schema(served)
    checker = jsonschema.Draft202012Validator(served)
    for path in sorted((project / "worksheets").glob("**/*.yaml")):
        relative = path.relative_to(project).as_posix()
        if "/exercises/" not in relative:
            assert list(checker.iter_errors(opened(client, relative)["program"])) == [], relative
    program = opened(client)["program"]
    program["options"]["paper"] = "a5"
    program["exercises"][0]["variation"] = "hardest"
    assert list(checker.iter_errors(program))  # the schema refuses it too
    answer = post(client, "/api/preview", json=program).json()
    assert [(p["file"], p["line"], p["field"], p["message"]) for p in answer["problems"]] == [
        ("--paper", 0, "options.paper", "expected one of letter, a4, legal; got 'a5'"),
        (SIX, 0, "exercises[1].variation", "expected one of easier, harder; got 'hardest' (did you mean 'harder'?)")]
