"""The JSON Schemas editors read: generated from the model, kept current in schemas/, and agreeing with the
tool's own validator on every shipped file and every broken file of tests/bad_input/."""

from __future__ import annotations

import datetime
import json
import typing
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT

from generator.app.catalog import kind_of
from generator.app.scaffold import schema_reference
from generator.base.errors import InputError
from generator.base.record import Record
from generator.load.layouts import cascade
from generator.load.source import Document, load
from generator.load.validate import check
from generator.model.limits import Limits
from generator.model.schema import KINDS, field_docs, file_name, model_of, schema_text

SHIPPED = sorted((ROOT / "worksheets").rglob("*.yaml")) + sorted((ROOT / "layouts").glob("*.yaml"))
BAD = sorted((ROOT / "tests" / "bad_input").glob("*.yaml"))
REGENERATE = "worksheet schema --all"


def validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_text(kind))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def plain(value):
    """YAML's data as JSON has it: dates as ISO text."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value.isoformat() if isinstance(value, datetime.date) else value


def schema_errors(kind: str, data) -> list[str]:
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
            for error in validator(kind).iter_errors(plain(data))]


def tool_document(path: Path, kind: str) -> Document:
    """What the tool validates: a layout laid over the layouts it extends (found as the tool finds them), anything
    else as read."""
    return cascade(path, (), Limits()) if kind == "layout" else load(path, Limits())


@pytest.mark.parametrize("kind", KINDS)
def test_schemas_in_the_repository_are_current(kind):
    path = ROOT / "schemas" / file_name(kind)
    assert path.is_file() and path.read_text(encoding="utf-8") == schema_text(kind), (
        f"schemas/{file_name(kind)} is stale: run `{REGENERATE}` (or `PYTHONPATH=. python -m generator schema --all` "
        "in a checkout) and commit the result")


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_has_a_description(kind):
    undescribed, seen = [], set()

    def walk(tp):
        for arg in typing.get_args(tp):
            walk(arg)
        if isinstance(tp, type) and issubclass(tp, Record) and tp not in seen:
            seen.add(tp)
            undescribed.extend(f"{tp.__name__}.{name}" for name, text in field_docs(tp).items() if not text)
            for hint in typing.get_type_hints(tp, include_extras=True).values():
                walk(hint)

    walk(model_of(kind))
    assert undescribed == []


def test_the_command_offers_every_kind_and_only_those():
    from generator.cli.main import main

    kind = next(param for param in main.commands["schema"].params if param.name == "kind")
    assert tuple(kind.type.choices) == KINDS == ("worksheet", "exercise", "layout", "clinic", "translation", "program")


def test_schemas_carry_enums_ranges_and_required_fields():
    worksheet, layout = json.loads(schema_text("worksheet")), json.loads(schema_text("layout"))
    dosage = worksheet["$defs"]["Dosage"]["properties"]
    assert dosage["side"]["enum"] == ["both", "left", "right", "each", "alternating", None]
    assert (dosage["per_day"]["minimum"], dosage["per_day"]["maximum"]) == (1, 24)
    assert worksheet["required"] == ["title"]
    assert worksheet["oneOf"] == [{"required": ["exercises"]}, {"required": ["sections"]}]
    assert layout["then"] == {"$ref": "#/$defs/LayoutPart"} and "required" not in layout["$defs"]["PagePart"]
    assert layout["$defs"]["Page"]["required"] == ["margins"]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_file_is_accepted_by_both_and_names_its_schema(path: Path):
    kind = kind_of(path)
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == schema_reference(path, kind)
    assert (path.parent / first_line.split("$schema=")[1]).resolve() == ROOT / "schemas" / file_name(kind)
    doc = load(path, Limits())
    assert schema_errors(kind, doc.data) == []
    _, problems = check(tool_document(path, kind), model_of(kind))
    assert problems == []


@pytest.mark.parametrize("case", BAD, ids=lambda p: p.stem)
def test_the_schema_rejects_exactly_the_bad_files_the_validator_rejects(case: Path):
    """A file the tool cannot read as YAML has no data for a schema (the editor's YAML parser reports it); the
    rest are rejected by the schema if and only if the tool finds a problem with the model's types. Problems
    the schema cannot know of (a missing exercise, picture or font, a pose out of reach, a size limit) leave
    the schema accepting."""
    kind = case.stem.split("-")[0]
    try:
        data = load(case, Limits()).data
    except InputError:
        pytest.skip("not YAML data: the editor's own YAML parser reports it")
    _, problems = check(tool_document(case, kind), model_of(kind))
    rejected = schema_errors(kind, data)
    assert bool(rejected) == bool(problems), (rejected, [str(p) for p in problems])



DRAFT_7_ALIKE = {"$schema", "$ref", "$defs", "title", "description", "default", "type", "enum", "pattern", "minimum",
                 "maximum", "minItems", "items", "properties", "additionalProperties", "required", "oneOf", "anyOf",
                 "if", "then", "else", "format"}


@pytest.mark.parametrize("kind", KINDS)
def test_schemas_use_only_keywords_draft_7_editors_understand(kind):
    """yaml-language-server implements draft 7: these keywords mean the same there ($defs is reached by pointer)."""
    used: set[str] = set()

    def walk(node, names_are_keys: bool = True):
        if isinstance(node, dict):
            for key, value in node.items():
                if names_are_keys:
                    used.add(key)
                walk(value, names_are_keys=key not in ("properties", "$defs"))
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(json.loads(schema_text(kind)))
    assert used <= DRAFT_7_ALIKE
