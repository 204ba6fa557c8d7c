"""A type checker reads the package: every record is made with keywords, with the right types, and never
changed afterwards; and the package has no type errors for it to find."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

WRONG = '''\
from pathlib import Path
from generator.base.errors import Problem
from generator.model.limits import Limits
from generator.resolve.options import Options

Problem(file="a.yaml", line=2)
Problem("a.yaml", 2)
Problem(file="a.yaml", line="two")
Problem(file="a.yaml", line=2, colour="red")
Problem(line=2)
Limits(steps=10).steps = 11
Options(paper="tabloid", library=Path("."))
'''


def mypy(*arguments: str) -> list[str]:
    run = subprocess.run([sys.executable, "-m", "mypy", "--no-error-summary", "--hide-error-context",
                          "--cache-dir", str(ROOT / ".mypy_cache"), *arguments],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode in (0, 1), run.stderr
    return [line for line in run.stdout.splitlines() if ": error: " in line]


def test_the_package_has_no_type_errors():
    assert mypy("generator") == []


def test_a_record_made_wrongly_is_caught_line_by_line(tmp_path: Path):
    snippet = tmp_path / "wrong.py"
    snippet.write_text(WRONG)
    lines = sorted({int(error.split(":")[1]) for error in mypy(str(snippet))})
    assert lines == [7, 8, 9, 10, 11, 12]  # positional, wrong type, unknown field, missing field, read-only, not a paper
