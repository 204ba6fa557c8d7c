"""Batches: the clients CSV end to end, parallel against serial, incremental rebuilds, interruption."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import read_pages
from pypdf import PdfReader

HEADER = "client,worksheet,date,clinician,note,skip,chin-tuck.sets,*.hold_seconds,chin-tuck.note\n"


def write_csv(project: Path, rows: list[str], name: str = "clients.csv") -> Path:
    path = project / name
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def pdfs(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.pdf"))


def test_the_clients_csv_builds_good_rows_and_names_the_row_and_column_of_bad_ones(project: Path, run):
    long_name = "Maximilian " + "Alexander-" * 30
    write_csv(project, [
        'Zoë Ñúñez-Example,neck-and-upper-back-knots,2026-11-20,"Clinic Staff, DPT",Start with 1 set,snow-angels,2,,Left side only',
        "Ana / Bo: <Jr>,upper-back-trigger-points,2026-11-21,,,,,20,",
        "Bad Date,between-shoulder-blades,20/11/2026,,,,,,",
        "Nobody,neck-knots,,,,,,,",
        "Ana / Bo: <Jr>,upper-back-trigger-points,,,,,,,",
        f"{long_name},between-shoulder-blades,,,,,,abc,",
        f"{long_name},between-shoulder-blades,,,,,,,",
        "Skipper,upper-back-trigger-points,,,,cat-dgo,,,",
    ])
    result = run("batch", "--clients", "clients.csv", "-o", "handouts", "-j", "1")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "clients.csv:4:3: date: expected a date like 2026-11-20, got '20/11/2026'",
        "clients.csv:5:2: worksheet: unknown worksheet 'neck-knots' (run 'worksheet list worksheets')",
        "clients.csv:7:8: *.hold_seconds: expected a whole number, got 'abc'",
        "clients.csv:9:6: skip: exercise 'cat-dgo' is not in this worksheet",
    ]
    assert result.stdout.startswith("built 4, unchanged 0, failed 4 in ")
    names = pdfs(project / "handouts")
    assert names[:2] == ["Ana-Bo-Jr-upper-back-trigger-points-2.pdf", "Ana-Bo-Jr-upper-back-trigger-points.pdf"]
    assert names[2].startswith("Maximilian Alexander-Alexander-") and len(names[2].encode()) <= 154
    assert names[3] == "Zoë Ñúñez-Example-neck-and-upper-back-knots.pdf"
    zoe = " ".join(" ".join(p.text.split()) for p in read_pages((project / "handouts" / names[3]).read_bytes()))
    assert "Zoë Ñúñez-Example" in zoe and "Snow angels" not in zoe and "For you: Left side only" in zoe


def test_a_csv_with_an_unknown_or_missing_column_is_refused_whole(project: Path, run):
    (project / "bad.csv").write_text("client,worksheet,chin-tuck.set,age\nA,neck-and-upper-back-knots,1,40\n")
    result = run("batch", "--clients", "bad.csv", "-o", "x")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "bad.csv:1:3: chin-tuck.set: unknown column (did you mean 'sets'?); expected client, date, clinician, note, "
        "worksheet, layout, language, skip, or EXERCISE.FIELD such as chin-tuck.sets, chin-tuck.note or *.hold_seconds",
        "bad.csv:1:4: age: unknown column; expected client, date, clinician, note, worksheet, layout, language, skip, "
        "or EXERCISE.FIELD such as chin-tuck.sets, chin-tuck.note or *.hold_seconds",
    ]
    (project / "bad.csv").write_text("client,date\nA,2026-01-01\n")
    assert run("batch", "--clients", "bad.csv").stderr == (
        "bad.csv:1:1: missing column 'worksheet': each row must name its worksheet\n")


def test_the_name_pattern_is_checked_and_filled(project: Path, run):
    write_csv(project, ["Kim,upper-back-trigger-points,2026-11-20,,,,,,"])
    assert run("batch", "--clients", "clients.csv", "--name", "{date}-{client}-{nope}.pdf").stderr == (
        "--name: unknown placeholder '{nope}'; use {client}, {worksheet}, {date}, {clinician}, {layout}, {row}\n")
    assert run("batch", "--clients", "clients.csv", "-o", "o", "--name", "{date}/{client}-{worksheet}").exit_code == 0
    assert pdfs(project / "o") == ["2026-11-20-Kim-upper-back-trigger-points.pdf"]


def test_parallel_output_is_identical_to_serial_output(project: Path, run):
    write_csv(project, [f"Client {n},neck-and-upper-back-knots,2026-11-{n + 10:02d},,,,{n % 3 + 1},," for n in range(6)])
    assert run("batch", "--clients", "clients.csv", "-o", "serial", "-j", "1").exit_code == 0
    assert run("batch", "--clients", "clients.csv", "-o", "parallel", "-j", "2").exit_code == 0
    assert run("batch", "worksheets", "-o", "sheets-serial", "-j", "1").exit_code == 0
    assert run("batch", "worksheets", "-o", "sheets-parallel", "-j", "2").exit_code == 0
    for serial, parallel in (("serial", "parallel"), ("sheets-serial", "sheets-parallel")):
        names = pdfs(project / serial)
        assert names and names == pdfs(project / parallel)
        for name in names:
            assert (project / serial / name).read_bytes() == (project / parallel / name).read_bytes(), name


@pytest.mark.usefixtures("starter_only")
def test_unchanged_handouts_are_skipped_and_changed_inputs_rebuilt(project: Path, run):
    first = run("batch", "-o", "out", "-j", "1")  # three worksheets in English, three in Spanish
    assert first.stdout.startswith("built 6, unchanged 0, failed 0")
    assert pdfs(project / "out") == pdfs(project / "out/es") and len(pdfs(project / "out")) == 3
    again = run("batch", "-o", "out", "-j", "1")
    assert again.stdout.startswith("built 0, unchanged 6, failed 0") and "saved about" in again.stdout
    chin = project / "worksheets/exercises/chin-tuck.yaml"  # used by the neck worksheet, in both languages
    chin.write_text(chin.read_text().replace("reps: 10", "reps: 12"))
    assert run("batch", "-o", "out", "-j", "1").stdout.startswith("built 2, unchanged 4, failed 0")
    spanish = project / "worksheets/exercises/es/cat-dog.yaml"  # a translation: the Spanish handout only
    spanish.write_text(spanish.read_text().replace("Gato", "Gato "))
    assert run("batch", "-o", "out", "-j", "1").stdout.startswith("built 1, unchanged 5, failed 0")
    layout = project / "layouts/standard.yaml"  # used by all
    layout.write_text(layout.read_text().replace("body: 11", "body: 11.5"))
    assert run("batch", "-o", "out", "-j", "2").stdout.startswith("built 6, unchanged 0, failed 0")
    (project / "out/between-shoulder-blades.pdf").unlink()
    assert run("batch", "-o", "out").stdout.startswith("built 1, unchanged 5, failed 0")
    assert run("batch", "-o", "out", "--force").stdout.startswith("built 6, unchanged 0, failed 0")


@pytest.mark.parametrize("manifest", [b"[" * 200_000 + b"]" * 200_000, b"\xff\xfe", b'{"neck-and-upper-back-knots.pdf": 7}',
                                      b'{"between-shoulder-blades.pdf": {"fingerprint": 1, "seconds": "x"}}', b"[]"],
                         ids=["deep", "not-utf8", "not-a-mapping", "wrong-types", "a-list"])
@pytest.mark.usefixtures("starter_only")
def test_a_damaged_manifest_means_building_afresh(project: Path, run, manifest: bytes):
    (project / "out").mkdir()
    (project / "out/.worksheet-batch.json").write_bytes(manifest)
    result = run("batch", "worksheets/*.yaml", "-o", "out", "-j", "1")
    assert result.exit_code == 0 and result.stdout.startswith("built 3, unchanged 0, failed 0"), result.stdout
    assert run("batch", "worksheets/*.yaml", "-o", "out", "-j", "1").stdout.startswith("built 0, unchanged 3")


@pytest.mark.usefixtures("starter_only")
def test_a_failed_worksheet_does_not_stop_the_others(project: Path, run):
    (project / "worksheets/broken.yaml").write_text("title: Broken\nexercises: [chin-tuk]\n")
    result = run("batch", "-o", "out", "-j", "2")
    assert result.exit_code == 1
    assert result.stderr == "worksheets/broken.yaml:2:13: exercises[0]: unknown exercise 'chin-tuk' (did you mean 'chin-tuck'?)\n"
    assert result.stdout.startswith("built 6, unchanged 0, failed 1")


def test_an_interrupted_batch_leaves_no_partial_file_and_says_what_was_done(project: Path):
    write_csv(project, [f"Client {n},neck-and-upper-back-knots,,,,,,," for n in range(400)])
    for stop in (signal.SIGINT, signal.SIGTERM):
        out = project / f"out-{stop.name}"
        command = [sys.executable, "-m", "generator", "batch", "--clients", "clients.csv", "-o", out.name, "-j", "2"]
        process = subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   start_new_session=True, text=True)
        deadline = time.monotonic() + 60
        while len(list(out.glob("*.pdf"))) < 5 and time.monotonic() < deadline:
            time.sleep(0.05)
        os.killpg(process.pid, stop) if stop == signal.SIGINT else process.send_signal(stop)
        _out, err = process.communicate(timeout=60)
        assert process.returncode == 130, err
        assert "interrupted after" in err and "no partial PDF was left behind" in err
        leftovers = [p.name for p in out.iterdir() if p.suffix != ".pdf" and p.name != ".worksheet-batch.json"]
        assert leftovers == []
        assert 5 <= len(list(out.glob("*.pdf"))) < 400
        for pdf in out.glob("*.pdf"):
            assert len(PdfReader(pdf).pages) > 0
