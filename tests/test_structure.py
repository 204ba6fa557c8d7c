"""The package's shape: stages in folders, each importing only from stages below it; ReportLab only in
composition and rendering; every list of allowed values defined once, in the model."""

from __future__ import annotations

import ast
import typing
from pathlib import Path

import click

from generator.cli.main import main
from generator.compose import wording
from generator.compose.i18n import catalogue_path
from generator.model import choices
from generator.model.exercise import Dosage, Exercise
from generator.model.layout import Fonts, Page

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
STAGES = ["base", "model", "pose", "load", "resolve", "check", "compose", "render", "app", "web", "cli"]  # lowest first
DRAWING = {"compose", "render"}  # the only stages that may import ReportLab


def modules() -> dict[str, Path]:
    return {".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts): path
            for path in PACKAGE.rglob("*.py")}


def imports(name: str, path: Path) -> set[str]:
    """Every module this one imports, at the top or inside a function, as absolute names."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            found |= {base} | {f"{base}.{alias.name}" for alias in node.names}
    return found


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) >= 2 and parts[0] == "generator" and parts[1] in STAGES else None


def test_every_module_belongs_to_a_stage():
    loose = [name for name in modules() if stage_of(name) is None and name not in (
        "generator", "generator.__main__") and not name.endswith("__init__")]
    assert loose == []
    assert {path.parent.name for path in PACKAGE.glob("*/__init__.py")} == set(STAGES)


def test_each_stage_imports_only_from_stages_below_it():
    wrong = []
    for name, path in modules().items():
        here = stage_of(name)
        if here is None:
            continue
        for imported in imports(name, path):
            if imported != "generator" and not imported.startswith("generator."):
                continue
            there = stage_of(imported)
            if there is None:
                wrong.append(f"{name} imports {imported}, which is in no stage")
            elif STAGES.index(there) > STAGES.index(here):
                wrong.append(f"{name} imports {imported}, a later stage")
    assert wrong == []


def test_only_composition_and_rendering_import_reportlab():
    wrong = [f"{name} imports {imported}" for name, path in modules().items()
             for imported in imports(name, path)
             if imported.split(".")[0] == "reportlab" and stage_of(name) not in DRAWING]
    assert wrong == []


def test_only_the_command_line_and_the_server_import_click():
    """Below them errors are plain exceptions; the command line turns them into click's."""
    wrong = [f"{name} imports {imported}" for name, path in modules().items()
             for imported in imports(name, path)
             if imported.split(".")[0] == "click" and stage_of(name) not in ("cli", "web")]
    assert wrong == []


def test_reportlab_internals_are_used_in_one_module_only():
    """Attributes with a leading underscore on ReportLab's objects are reached through one commented module."""
    internals = ("._frame", "._H", "._content", "._startPage", "._pageNumber", "ParaParser", "frags=")
    users = {name for name, path in modules().items()
             for marker in internals if marker in path.read_text()}
    assert users == {"generator.compose.reportlab_internals"}


def test_enumerations_are_derived_from_the_model():
    command_choices = {param.name: param.type.choices for command in main.commands.values()
                       for param in command.params if isinstance(param.type, click.Choice)}
    papers = {tuple(param.type.choices) for command in main.commands.values() for param in command.params
              if param.name == "paper"}
    assert papers == {choices.PAPERS, (*choices.PAPERS, choices.AUTO_PAPER)}  # auto only where a printer is chosen
    assert tuple(command_choices["duplex"]) == choices.DUPLEXES
    assert tuple(command_choices["language"]) == tuple(command_choices["second_language"]) == choices.LANGUAGES
    assert typing.get_args(typing.get_type_hints(Page)["size"]) == choices.PAPERS
    assert Fonts.field_names == choices.FACES
    assert set(wording.POSITIONS) == set(choices.POSITIONS)
    assert set(wording.SIDES) == set(choices.SIDES)
    assert set(choices.LANGUAGE_NAMES) == set(choices.LANGUAGES)
    for language in choices.LANGUAGES:
        assert language == choices.SOURCE_LANGUAGE or catalogue_path(language).is_file(), language
    assert "legal" in choices.PAPERS and Exercise.defaults["position"] == "any"
    assert set(Dosage.field_names) >= {key for key in wording.HEADINGS if key != "often"}
