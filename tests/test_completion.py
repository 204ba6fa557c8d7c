"""What Tab offers, through click's completion API as the shell scripts call it; and the scripts themselves."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.shell_completion import ShellComplete
from conftest import ROOT

from generator.cli.main import main

LAYOUTS = ["compact", "large-print", "one-per-page", "standard"]


def offered(args: list[str], incomplete: str) -> list[str]:
    complete = ShellComplete(main, {}, "worksheet", "_WORKSHEET_COMPLETE")
    return [item.value for item in complete.get_completions(args, incomplete)]


def kinds(args: list[str], incomplete: str) -> list[str]:
    complete = ShellComplete(main, {}, "worksheet", "_WORKSHEET_COMPLETE")
    return [item.type for item in complete.get_completions(args, incomplete)]


@pytest.mark.parametrize("command", ["build", "watch", "preview", "bundle"])
def test_worksheet_arguments_offer_the_projects_worksheets_not_its_exercises(project: Path, command: str):
    everything = offered([command], "")
    assert everything == sorted(everything)
    assert "worksheets/neck-and-upper-back-knots.yaml" in everything
    assert "worksheets/es/neck-and-upper-back-knots.yaml" in everything
    assert not [path for path in everything if "exercises" in path]
    assert offered([command], "worksheets/up") == ["worksheets/upper-back-trigger-points.yaml"]


@pytest.mark.usefixtures("starter_only")
def test_a_worksheet_given_already_does_not_stop_the_next_one_completing(project: Path):
    assert offered(["build", "worksheets/between-shoulder-blades.yaml"], "worksheets/n") == [
        "worksheets/neck-and-upper-back-knots.yaml"]


def test_any_other_path_is_left_to_the_shell_as_a_file_name(project: Path):
    assert offered(["build"], "../elsewhere/") == ["../elsewhere/"]
    assert kinds(["build"], "../elsewhere/") == ["file"]


def test_layout_offers_shipped_and_project_layout_names(project: Path):
    assert offered(["build", "--layout"], "") == LAYOUTS
    (project / "layouts/clinic-big.yaml").write_text("extends: large-print\n")
    assert offered(["watch", "--layout"], "c") == ["clinic-big", "compact"]
    assert offered(["figure", "cat-dog", "--layout"], "st") == ["standard"]
    assert kinds(["build", "--layout"], "layouts/") == ["file"]


def test_skip_offers_exercise_ids_and_after_a_comma_the_next(project: Path):
    assert offered(["build", "--skip"], "chin") == ["chin-tuck"]
    assert offered(["watch", "--skip"], "cat-dog,chi") == ["cat-dog,childs-pose-side-reach", "cat-dog,chin-tuck"]
    library = offered(["build", "--skip"], "")
    assert library == sorted(path.stem for path in (project / "worksheets/exercises").glob("*.yaml"))


def test_set_offers_an_exercise_then_each_field_a_dose_may_change(project: Path):
    assert offered(["build", "--set"], "chin") == ["chin-tuck."]
    assert offered(["build", "--set"], "")[0] == "*."
    assert offered(["build", "--set"], "chin-tuck.s") == ["chin-tuck.sets=", "chin-tuck.side="]
    assert "chin-tuck.note=" in offered(["build", "--set"], "chin-tuck.")
    assert "*.note=" not in offered(["build", "--set"], "*.")  # a note is for one exercise
    assert "*.hold_seconds=" in offered(["build", "--set"], "*.")


def test_exercise_note_offers_an_exercise_and_an_equals_sign(project: Path):
    assert offered(["build", "--exercise-note"], "snow") == ["snow-angels="]


def test_figure_offers_exercise_ids(project: Path):
    assert offered(["figure"], "seated-ro") == ["seated-rolldown", "seated-row-band"]
    assert offered(["figure", "cat-dog"], "pray") == ["prayer-stretch"]


def test_exercise_ids_come_from_the_library_typed_before_them(project: Path):
    mine = project / "my-library"
    mine.mkdir()
    (mine / "wall-angel.yaml").write_text("name: Wall angel\n")
    assert offered(["build", "--library", "my-library", "--skip"], "") == ["wall-angel"]
    assert offered(["figure", "--library", "my-library"], "w") == ["wall-angel"]


def test_commands_complete(project: Path):
    assert offered([], "wa") == ["watch"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_shells_script_is_made_without_error(tmp_path: Path, shell: str):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "_WORKSHEET_COMPLETE": f"{shell}_source"}
    made = subprocess.run([sys.executable, "-m", "generator"], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=60)
    assert made.returncode == 0 and made.stderr == ""
    assert "_worksheet_completion" in made.stdout and "_WORKSHEET_COMPLETE" in made.stdout


def test_the_bash_script_answers_as_bash_calls_it(project: Path):
    """What the bash script runs at a Tab press: the words so far and which one is being completed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "_WORKSHEET_COMPLETE": "bash_complete",
           "COMP_WORDS": "worksheet build --layout com", "COMP_CWORD": "3"}
    made = subprocess.run([sys.executable, "-m", "generator"], env=env, capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    assert made.stdout == "plain,compact\n"


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_itself_completes_with_the_sourced_script(project: Path, tmp_path_factory: pytest.TempPathFactory):
    """The script sourced into bash, and bash's own completion function called as a Tab press calls it, with
    a `worksheet` on PATH that runs this checkout."""
    bin_dir = tmp_path_factory.mktemp("bin")
    program = bin_dir / "worksheet"
    program.write_text(f"#!/bin/sh\nPYTHONPATH={shlex.quote(str(ROOT))} exec {shlex.quote(sys.executable)} "
                       f"-m generator \"$@\"\n")
    program.chmod(0o755)
    script = ('eval "$(_WORKSHEET_COMPLETE=bash_source worksheet)"\n'
              'COMP_WORDS=(worksheet watch --skip sno); COMP_CWORD=3\n'
              '_worksheet_completion worksheet sno worksheet\n'
              'printf "%s\\n" "${COMPREPLY[@]}"\n')
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "snow-angels\n"
