"""The builder page's server reads and writes only inside its project, whatever a request, a worksheet, a
CSV cell or a symbolic link names; hostile files in the project are refused in one line; nothing is saved that
would not build. The app runs from another folder than the project, so nothing leans on the working directory.
"""

from __future__ import annotations

import json
import os
import re
import warnings
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from generator.web.app import create_app

TOKEN = "test-token"
BASE = "http://127.0.0.1:8765"
SHEET = "worksheets/between-shoulder-blades.yaml"
CANARY = "CANARY-3f9c1e"  # in every file outside the project: it must never come back

warnings.filterwarnings("ignore", message=".*httpx.*")


@pytest.fixture
def outside(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("outside")
    (folder / "layout.yaml").write_text(f"name: {CANARY}\nextends: standard\n")
    (folder / "passwd").write_text(f"root:x:0:0:{CANARY}:/root:/bin/sh\n")
    return folder


@pytest.fixture
def served(project: Path, outside: Path, tmp_path_factory, monkeypatch) -> TestClient:
    text = (project / SHEET).read_text().replace("title: ", f"title: {CANARY} ", 1)
    (outside / "sheet.yaml").write_text(text)
    (project / "worksheets" / "leak.yaml").symlink_to(outside / "sheet.yaml")
    (project / "layouts" / "leak.yaml").symlink_to(outside / "layout.yaml")
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))  # the server takes its root as given, not from here
    return TestClient(create_app(project, TOKEN), base_url=BASE)


def post(client: TestClient, url: str, **kwargs):
    return client.post(url, headers={"X-Worksheet-Token": TOKEN}, **kwargs)


def program(client: TestClient, path: str = SHEET) -> dict:
    answer = client.get("/api/worksheet", params={"path": path})
    assert answer.status_code == 200, answer.text
    return answer.json()["program"]


def no_canary(*answers) -> None:
    for answer in answers:
        assert answer.status_code < 500, answer.text
        assert CANARY.encode() not in answer.content


@pytest.mark.parametrize("layout, message", [
    ("/etc/passwd", "'/etc/passwd' is outside the project folder; name a layout inside it"),
    ("OUTSIDE/passwd", "'OUTSIDE/passwd' is outside the project folder; name a layout inside it"),
    ("../../OUTSIDE_NAME/layout.yaml", "'../../OUTSIDE_NAME/layout.yaml' is outside the project folder; "
                                       "name a layout inside it"),
    ("leak", "layouts/leak.yaml: is outside the project folder; only files inside it are read"),
])
def test_a_layout_outside_the_project_is_refused_by_its_name_as_given(served, outside, layout, message):
    layout = layout.replace("OUTSIDE_NAME", outside.name).replace("OUTSIDE", str(outside))
    message = message.replace("OUTSIDE_NAME", outside.name).replace("OUTSIDE", str(outside))
    chosen = {**program(served), "layout": layout}
    preview, pdf = post(served, "/api/preview", json=chosen), post(served, "/api/pdf", json=chosen)
    no_canary(preview, pdf)
    texts = [problem["text"] for problem in preview.json()["problems"]]
    assert preview.json()["ok"] is False and len(texts) == 1 and texts[0].endswith(message), texts
    assert pdf.status_code == 422 and pdf.json()["error"] == texts[0]
    if not layout.startswith("leak"):
        assert texts[0] == f"{SHEET}:9:9: layout: {message}"  # named from the project, not the working folder


@pytest.mark.parametrize("cells, problem", [
    ("worksheet\nOUTSIDE/sheet.yaml\n", "c.csv:2:1: worksheet: 'OUTSIDE/sheet.yaml' is outside the project "
                                        "folder; name a worksheet inside it"),
    ("worksheet\n../OUTSIDE_NAME/sheet.yaml\n", "c.csv:2:1: worksheet: '../OUTSIDE_NAME/sheet.yaml' is outside "
                                                "the project folder; name a worksheet inside it"),
    ("worksheet\nleak\n", "c.csv:2:1: worksheet: 'leak' is outside the project folder; name a worksheet inside it"),
    ("worksheet\nworksheets/leak.yaml\n", "c.csv:2:1: worksheet: 'worksheets/leak.yaml' is outside the project "
                                          "folder; name a worksheet inside it"),
    ("worksheet,layout\nbetween-shoulder-blades,/etc/passwd\n",
     "c.csv:2:2: layout: '/etc/passwd' is outside the project folder; name a layout inside it"),
])
def test_a_clients_csv_cell_that_leads_outside_is_a_problem_of_its_row(served, project, outside, cells, problem):
    cells = cells.replace("OUTSIDE_NAME", outside.name).replace("OUTSIDE", str(outside))
    problem = problem.replace("OUTSIDE_NAME", outside.name).replace("OUTSIDE", str(outside))
    answer = post(served, "/api/batch", data={"program": json.dumps(program(served))},
                  files={"clients": ("c.csv", cells.encode(), "text/csv")})
    no_canary(answer)
    assert answer.status_code == 422 and [p["text"] for p in answer.json()["problems"]] == [problem]
    [said] = answer.json()["problems"]
    # where it is, and what, apart: no field of the program's, as it is the CSV's cell
    assert (said["file"], said["line"], said["field"]) == ("c.csv", 2, None)
    assert said["text"].startswith(f"c.csv:2:{said['column']}: ") and said["text"].endswith(said["message"])


def test_a_worksheet_linked_from_outside_is_not_opened_or_listed(served):
    answer = served.get("/api/worksheet", params={"path": "worksheets/leak.yaml"})
    listing = served.get("/api/worksheets")
    no_canary(answer, listing)
    assert answer.status_code == 400
    assert answer.json()["error"] == "'worksheets/leak.yaml': leads outside the project's worksheets/ folder"
    assert "worksheets/leak.yaml" not in [entry["path"] for entry in listing.json()["worksheets"]]


BOMB = """title: &a [x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


@pytest.mark.parametrize("name, text, message", [
    ("bomb.yaml", BOMB, "worksheets/bomb.yaml:1:15: more than 100,000 values; are aliases (*name) repeated?"),
    ("deep.yaml", "title: " + "[" * 100_000 + "]" * 100_000 + "\n",
     "worksheets/deep.yaml:1:71: more than 64 levels of nesting; a worksheet needs no more than a few"),
    ("nested.yaml", "title: x\nexercises:\n" + "".join("  " * i + "- \n" for i in range(1, 200)),
     "worksheets/nested.yaml:66:129: more than 64 levels of nesting; a worksheet needs no more than a few"),
], ids=["alias-bomb", "deep-brackets", "deep-indent"])
def test_a_bomb_or_deep_nesting_in_a_worksheet_file_is_refused_on_every_path(served, project, name, text, message):
    (project / "worksheets" / name).write_text(text)
    relative = f"worksheets/{name}"
    opened = served.get("/api/worksheet", params={"path": relative})
    chosen = {**program(served), "path": relative}
    preview = post(served, "/api/preview", json=chosen)
    saved = post(served, "/api/save", json={"program": chosen, "path": relative, "replace": True})
    listing = served.get("/api/worksheets")
    for answer in (opened, preview, saved, listing):
        assert answer.status_code < 500
    assert opened.status_code == 422 and opened.json()["error"] == message
    assert [problem["text"] for problem in preview.json()["problems"]] == [message]
    assert saved.status_code == 422 and saved.json()["error"] == f"not saved: {message}"
    assert (project / relative).read_text() == text
    assert [(w["path"], w["title"]) for w in listing.json()["worksheets"] if w["path"] == relative] == [(relative, "")]


def test_a_worksheet_that_is_not_utf8_is_one_line_without_its_bytes(served, project):
    (project / "worksheets" / "latin.yaml").write_bytes(b"title: Ejercicio\nintro: Cu\xf1a\n")
    answer = served.get("/api/worksheet", params={"path": "worksheets/latin.yaml"})
    assert answer.status_code == 422
    assert answer.json()["error"] == "worksheets/latin.yaml:2:1: file is not UTF-8 text; save it with UTF-8 encoding"


def test_a_path_longer_than_any_system_allows_is_a_refusal(served):
    long = "worksheets/" + "a" * 5000 + ".yaml"
    opened = served.get("/api/worksheet", params={"path": long})
    saved = post(served, "/api/save", json={"program": program(served), "path": long})
    assert opened.status_code == 404 and opened.json()["error"] == f"'{long}': no such worksheet"
    assert saved.status_code == 400
    assert saved.json()["error"] == f"'worksheets/{'a' * 29}...': a name of 5,016 characters; keep it under 200"


NAMING = ("a name starts with a letter or digit and holds only letters, digits, spaces and - _ . ( ) + , ' ; "
          "such as worksheets/neck.yaml")


@pytest.mark.parametrize("path, message", [
    ("worksheets/.hidden.yaml", f"'worksheets/.hidden.yaml': {NAMING}"),
    ("worksheets/%2e%2e/x.yaml", f"'worksheets/%2e%2e/x.yaml': {NAMING}"),
    ("worksheets/a%20b.yaml", f"'worksheets/a%20b.yaml': {NAMING}"),
    ("worksheets/new-folder/x.yaml", "'worksheets/new-folder/x.yaml': there is no folder worksheets/new-folder/; "
                                     "save in one that exists"),
    ("worksheets/tab\there.yaml", f"'worksheets/tab\there.yaml': {NAMING}"),
    ("worksheets/x.yml", "'worksheets/x.yml': only .yaml files"),
    ("worksheets/exercises/x.yaml", "'worksheets/exercises/x.yaml': worksheets/exercises/ holds the exercise "
                                    "library, not worksheets"),
])
def test_save_takes_only_plain_names_in_folders_that_exist(served, project, path, message):
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    answer = post(served, "/api/save", json={"program": program(served), "path": path})
    assert answer.status_code == 400 and answer.json()["error"] == message
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


def test_save_into_a_folder_that_exists_and_with_letters_of_any_language(served, project):
    for path in ("worksheets/es/cuello señora.yaml", "worksheets/Ωmega (2).yaml"):
        answer = post(served, "/api/save", json={"program": program(served), "path": path})
        assert answer.status_code == 200 and answer.json() == {"saved": path}
        assert (project / path).is_file()


@pytest.mark.parametrize("change, problem", [
    ({"exercises": [{"exercise": "chin-tuck", "dosage": {"sets": int("9" * 4000)}}]},
     "dosage.sets: must be at most 1000, got a number of 4,000 digits"),
    ({"log_weeks": 2.5}, "log.weeks: expected a whole number, got 2.5"),
    ({"title": ""}, "title: must not be empty"),
], ids=["huge-number", "fraction", "empty-title"])
def test_save_writes_nothing_that_would_not_build(served, project, change, problem):
    chosen = {**program(served), **change}
    answer = post(served, "/api/save", json={"program": chosen, "path": "worksheets/new.yaml"})
    assert answer.status_code == 422, answer.text
    assert any(line.endswith(problem) for line in answer.json()["error"].splitlines()), answer.json()["error"]
    assert not (project / "worksheets" / "new.yaml").exists()


def test_a_file_with_an_odd_name_never_breaks_the_listing(served, project):
    odd = os.fsencode(str(project / "worksheets")) + b"/bad\xff name.yaml"
    with open(odd, "wb") as file:
        file.write(b"title: Odd\nexercises: [chin-tuck]\n")
    (project / "worksheets" / ".hidden.yaml").write_text("title: Hidden\nexercises: [chin-tuck]\n")
    listing = served.get("/api/worksheets")
    assert listing.status_code == 200
    paths = [entry["path"] for entry in listing.json()["worksheets"]]
    assert SHEET in paths and not any("bad" in path or "hidden" in path for path in paths)


def test_a_worksheet_with_values_json_cannot_carry_opens_and_says_what_is_wrong(served, project):
    text = (project / SHEET).read_text().replace("log:\n  weeks: 2", "log:\n  weeks: .nan")
    assert ".nan" in text
    text = re.sub(r"^subtitle: .*$", "subtitle: 2026-01-02", text, count=1, flags=re.MULTILINE)
    (project / "worksheets" / "nan.yaml").write_text(text)
    answer = served.get("/api/worksheet", params={"path": "worksheets/nan.yaml"})
    assert answer.status_code == 200
    chosen = answer.json()["program"]
    assert chosen["log_weeks"] == "nan" and chosen["subtitle"] == "2026-01-02"
    preview = post(served, "/api/preview", json=chosen).json()
    assert [problem["field"] for problem in preview["problems"]] == ["log_weeks"]
