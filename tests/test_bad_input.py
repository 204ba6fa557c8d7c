"""A table of broken files beside the tests, each with the exact message a user sees.

``bad_input/<kind>-<name>.yaml`` is put where a file of that kind lives in a
project (worksheets/, worksheets/exercises/ or layouts/) and checked with the
command a user would run; ``<kind>-<name>.expected`` holds the exact stderr.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CASES = sorted((Path(__file__).parent / "bad_input").glob("*.yaml"))
PLACES = {"worksheet": "worksheets", "exercise": "worksheets/exercises", "layout": "layouts"}


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_bad_input_gets_the_exact_message(case: Path, project: Path, run):
    kind = case.stem.split("-")[0]
    target = project / PLACES[kind] / case.name
    shutil.copy(case, target)
    relative = str(target.relative_to(project))
    result = run("build", relative) if kind == "worksheet" else run("validate", relative)
    expected = case.with_suffix(".expected").read_text(encoding="utf-8")
    if kind != "worksheet":
        counts = "0 worksheets, 1 exercise, 0 layouts" if kind == "exercise" else "0 worksheets, 0 exercises, 1 layout"
        count = len(expected.splitlines())
        expected += f"checked {counts}: {count} problem{'' if count == 1 else 's'}\n"
    assert result.stderr == expected
    assert result.stdout == ""
    assert result.exit_code == 1
    assert not (project / "out").exists(), "a failed build must not leave a file behind"
