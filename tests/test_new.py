"""`worksheet new`: files that name their schema, comment every field, pass both validators and build at once."""

from __future__ import annotations

from pathlib import Path

from test_schema import schema_errors

from generator.load.source import load
from generator.model.exercise import Exercise
from generator.model.limits import Limits
from generator.model.schema import field_docs
from generator.model.worksheet import Worksheet


def assert_valid_everywhere(path: Path, kind: str, run) -> None:
    assert schema_errors(kind, load(path, Limits()).data) == []
    result = run("validate", str(path))
    assert result.exit_code == 0, result.stderr


def test_new_exercise_and_a_worksheet_of_it_build(project: Path, run):
    result = run("new", "exercise", "wall-angel")
    assert result.exit_code == 0, result.stderr
    exercise = project / "worksheets/exercises/wall-angel.yaml"
    text = exercise.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../schemas/exercise.schema.json"
    for name, doc in field_docs(Exercise).items():  # every field, given or left out, with its description
        assert f"# {doc}\n{name}:" in text or f"# {name} (optional): {doc}" in text, name
    assert "Replace this with the first step" in text and "figure:" in text
    assert (project / "schemas/exercise.schema.json").is_file()
    assert_valid_everywhere(exercise, "exercise", run)

    result = run("new", "worksheet", "wall-work", "--exercises", "wall-angel,chin-tuck")
    assert result.exit_code == 0, result.stderr
    worksheet = project / "worksheets/wall-work.yaml"
    text = worksheet.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schemas/worksheet.schema.json"
    assert all(f"# {doc}\n{name}:" in text or f"# {name} (optional): {doc}" in text
               for name, doc in field_docs(Worksheet).items())
    assert "exercises:\n  - wall-angel\n  - chin-tuck\n" in text and "title: Wall work\n" in text
    assert_valid_everywhere(worksheet, "worksheet", run)
    built = run("build", str(worksheet))
    assert built.exit_code == 0, built.stderr
    assert (project / "out/wall-work.pdf").read_bytes()[:5] == b"%PDF-"


def test_new_worksheet_without_exercises_starts_from_the_library(project: Path, run):
    assert run("new", "worksheet", "empty-start").exit_code == 0
    path = project / "worksheets/empty-start.yaml"
    assert_valid_everywhere(path, "worksheet", run)
    assert run("build", str(path)).exit_code == 0


def test_new_worksheet_from_another_copies_its_fields(project: Path, run):
    result = run("new", "worksheet", "mine", "--from", "between-shoulder-blades")
    assert result.exit_code == 0, result.stderr
    original = load(project / "worksheets/between-shoulder-blades.yaml", Limits()).data
    copied = load(project / "worksheets/mine.yaml", Limits()).data
    assert copied == original
    assert_valid_everywhere(project / "worksheets/mine.yaml", "worksheet", run)
    assert run("build", "worksheets/mine.yaml").exit_code == 0

    result = run("new", "worksheet", "mine-short", "--from", "worksheets/between-shoulder-blades.yaml",
                 "--exercises", "chin-tuck")
    copied = load(project / "worksheets/mine-short.yaml", Limits()).data
    assert copied["exercises"] == ["chin-tuck"] and "sections" not in copied and copied["title"] == original["title"]


def test_new_refuses_to_overwrite_and_suggests_names(project: Path, run):
    before = (project / "worksheets/between-shoulder-blades.yaml").read_bytes()
    result = run("new", "worksheet", "between-shoulder-blades")
    assert (result.exit_code, result.stderr) == (
        1, "worksheets/between-shoulder-blades.yaml: already exists; choose another name, or delete it first\n")
    assert (project / "worksheets/between-shoulder-blades.yaml").read_bytes() == before
    assert run("new", "exercise", "chin-tuck").exit_code == 1

    result = run("new", "worksheet", "x", "--exercises", "chin-tuk,cat-dog,trampoline")
    assert result.stderr == ("--exercises: unknown exercise 'chin-tuk' (did you mean 'chin-tuck'?)\n"
                             "--exercises: unknown exercise 'trampoline'\n")
    assert result.exit_code == 1 and not (project / "worksheets/x.yaml").exists()

    result = run("new", "worksheet", "y", "--from", "between-shoulder-blade")
    assert result.stderr == "unknown worksheet 'between-shoulder-blade' (did you mean 'between-shoulder-blades'?)\n"
    assert run("new", "worksheet", "../escape").exit_code == 1


def test_schema_command_prints_and_writes(project: Path, run):
    result = run("schema", "clinic")
    assert result.exit_code == 0 and '"$schema": "https://json-schema.org/draft/2020-12/schema"' in result.stdout
    assert run("schema", "--all", "-o", "mine").stdout.splitlines()[0] == "mine/worksheet.schema.json"
    assert run("schema").exit_code == 2
