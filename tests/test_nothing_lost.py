"""Whatever happens to a build, every output path is absent or holds a complete PDF: the old one or the new one."""

from __future__ import annotations

import pytest

import errno
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from pypdf import PdfReader

import generator
from generator.app import output

NECK = "worksheets/neck-and-upper-back-knots.yaml"
UPPER = "worksheets/upper-back-trigger-points.yaml"


def is_complete_pdf(path: Path) -> bool:
    try:
        return len(PdfReader(path, strict=True).pages) > 0
    except Exception:
        return False


def test_a_build_killed_at_random_moments_leaves_the_old_pdf_or_the_new_one(project: Path):
    target = project / "handout.pdf"
    old = generator.build_bytes(UPPER)
    new = generator.build_bytes(NECK)
    target.write_bytes(old)
    chance = random.Random(20261121)
    for _ in range(12):
        process = subprocess.Popen([sys.executable, "-m", "generator", "build", NECK, "-o", str(target)], cwd=project,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(chance.uniform(0.0, 1.2))
        process.kill()
        process.wait()
        content = target.read_bytes()
        assert content in (old, new)
        target.write_bytes(old)
    assert is_complete_pdf(target)


def test_a_batch_killed_leaves_only_complete_pdfs(project: Path):
    rows = "".join(f"Client {n},neck-and-upper-back-knots\n" for n in range(200))
    (project / "clients.csv").write_text("client,worksheet\n" + rows)
    command = [sys.executable, "-m", "generator", "batch", "--clients", "clients.csv", "-o", "out", "-j", "2"]
    process = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    deadline = time.monotonic() + 60
    while len(list((project / "out").glob("*.pdf"))) < 8 and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    pdfs = list((project / "out").glob("*.pdf"))
    assert 8 <= len(pdfs) < 200
    assert all(is_complete_pdf(pdf) for pdf in pdfs)


def test_two_builds_writing_the_same_file_at_once_leave_one_complete_pdf(project: Path):
    target = project / "same.pdf"
    runs = [subprocess.Popen([sys.executable, "-m", "generator", "build", sheet, "-o", str(target)], cwd=project,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for sheet in (NECK, UPPER)]
    assert [run.wait() for run in runs] == [0, 0]
    assert target.read_bytes() in (generator.build_bytes(NECK), generator.build_bytes(UPPER))
    assert [p.name for p in project.iterdir() if p.name.startswith(".same.pdf")] == []


def fail_to_write(monkeypatch, code: int, only: str = "") -> None:
    real = output.tempfile.mkstemp

    def refuse(*args, **kwargs):
        if only in str(kwargs.get("prefix", "")):
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    monkeypatch.setattr(output.tempfile, "mkstemp", refuse)


def test_a_read_only_folder_is_a_clear_error_and_the_old_file_stays(project: Path, run, monkeypatch):
    assert run("build", UPPER).exit_code == 0
    old = (project / "out/upper-back-trigger-points.pdf").read_bytes()
    fail_to_write(monkeypatch, errno.EACCES)
    result = run("build", UPPER)
    assert (result.exit_code, result.stderr) == (1, "out/upper-back-trigger-points.pdf: cannot write: Permission denied\n")
    assert (project / "out/upper-back-trigger-points.pdf").read_bytes() == old


def test_a_full_disk_is_a_clear_error_with_no_partial_file(project: Path, run, monkeypatch):
    def no_space(_handle):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(output.os, "fsync", no_space)
    result = run("build", UPPER)
    assert (result.exit_code, result.stderr) == (1, "out/upper-back-trigger-points.pdf: cannot write: No space left on device\n")
    assert list((project / "out").iterdir()) == []


@pytest.mark.usefixtures("starter_only")
def test_one_unwritable_output_in_a_batch_leaves_the_others_built(project: Path, run, monkeypatch):
    fail_to_write(monkeypatch, errno.EACCES, only="neck")
    result = run("batch", "worksheets/*.yaml", "-o", "out", "-j", "1")
    assert result.exit_code == 1
    assert result.stderr == "out/neck-and-upper-back-knots.pdf: cannot write: Permission denied\n"
    assert sorted(p.name for p in (project / "out").glob("*.pdf")) == [
        "between-shoulder-blades.pdf", "upper-back-trigger-points.pdf"]


def test_an_output_path_that_is_a_folder_is_a_clear_error(project: Path, run):
    (project / "taken.pdf").mkdir()
    result = run("build", UPPER, "-o", "taken.pdf")
    assert (result.exit_code, result.stderr) == (
        1, "taken.pdf: is a folder; name a file to write, such as taken.pdf/handout.pdf\n")
