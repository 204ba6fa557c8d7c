"""JSON Schemas (draft 2020-12) of the files a user writes, generated from the model the validator reads.

Editors load them (through yaml-language-server) to complete and check fields as you type. They walk the same
type hints generator/load/validate.py walks, so there is no second, hand-kept list of fields or allowed values.
What no schema can say stays with `worksheet validate`: whether an exercise id, a layout or a picture exists,
whether a font can draw every character, whether a figure can be posed, and the checks a record's verify()
makes in code (besides ExactlyOne, which is declared and so read here).
"""

from __future__ import annotations

import copy
import datetime
import importlib
import inspect
import json
import types
import typing
from typing import Any

from ..base.record import Record
from .rules import Before, Doc, ExactlyOne, NotEmpty, Range

DRAFT = "https://json-schema.org/draft/2020-12/schema"
# Each kind of file and its model, as module and class: loaded on first use, as generator/model/__init__.py does.
_MODELS = {
    "worksheet": ("worksheet", "Worksheet"),
    "exercise": ("exercise", "Exercise"),
    "layout": ("layout", "Layout"),
    "clinic": ("layout", "Clinic"),
    "translation": ("exercise", "ExerciseTranslation"),
    "program": ("program", "Program"),  # not a file: what the builder page sends, served at /api/schema
}
KINDS: tuple[str, ...] = tuple(_MODELS)
# A layout that names another in this field is laid over it (generator/load/layouts.py), so it may leave
# anything out; merging goes key by key through mappings, never into lists.
CASCADE = "extends"
_MISSING = object()


def model_of(kind: str) -> type[Record]:
    module, name = _MODELS[kind]
    return getattr(importlib.import_module(f".{module}", __package__), name)


def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind of file."""
    return _Builder().root(model_of(kind), kind)


def schema_text(kind: str) -> str:
    """The schema as the file in schemas/ holds it: stable key order, UTF-8, a final newline."""
    return json.dumps(schema(kind), indent=2, ensure_ascii=False) + "\n"


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def describe(model: type[Record]) -> str:
    """The first paragraph of a record's own docstring, on one line."""
    text = inspect.cleandoc(model.__dict__.get("__doc__") or "")
    return " ".join(text.split("\n\n")[0].split())


def field_docs(model: type[Record]) -> dict[str, str]:
    """Each field's description, from the Doc rule on its type ('' where there is none)."""
    hints = typing.get_type_hints(model, include_extras=True)
    return {name: _doc_of(hints[name]) for name in model.field_names}


def _doc_of(tp: Any) -> str:
    if typing.get_origin(tp) is not typing.Annotated:
        return ""
    texts = [rule.text for rule in typing.get_args(tp)[1:] if isinstance(rule, Doc)]
    return texts[-1] if texts else ""


class _Builder:
    """One schema's definitions, filled in as the walk meets each record."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.seen: dict[str, type[Record]] = {}

    def root(self, model: type[Record], kind: str) -> dict[str, Any]:
        head = {"$schema": DRAFT, "title": f"{kind} file of the worksheet tool", "description": describe(model)}
        if CASCADE in model.field_names:
            body = {"if": {"required": [CASCADE], "properties": {CASCADE: {"type": "string"}}},
                    "then": self.ref(model, partial=True), "else": self.ref(model, partial=False)}
        else:
            body = self.record(model, partial=False)
            body.pop("description", None)
        return {**head, **body, "$defs": dict(sorted(self.defs.items()))}

    def ref(self, model: type[Record], partial: bool) -> dict[str, Any]:
        name = model.__name__ + ("Part" if partial else "")
        assert self.seen.setdefault(name, model) is model, f"two records are named {name}"
        if name not in self.defs:
            self.defs[name] = {}  # a record that contains itself finds its name taken, and stops there
            self.defs[name] = self.record(model, partial)
        return {"$ref": f"#/$defs/{name}"}

    def record(self, model: type[Record], partial: bool) -> dict[str, Any]:
        hints = typing.get_type_hints(model, include_extras=True)
        body: dict[str, Any] = {"type": "object"}
        if describe(model):
            body["description"] = describe(model)
        body["properties"] = {name: self.field(hints[name], model.defaults.get(name, _MISSING), partial)
                              for name in model.field_names}
        body["additionalProperties"] = False
        required = [name for name in model.field_names if name not in model.defaults]
        one = getattr(model, "exactly_one", None)
        if not partial and required:
            body["required"] = required
        if not partial and isinstance(one, ExactlyOne):
            body["oneOf"] = [{"required": [name]} for name in one.names]
        shorthand = getattr(model, "shorthand", None)
        if shorthand is not None:  # prepare() takes a bare text for this field: `- chin-tuck`
            head = {"description": body["description"]} if "description" in body else {}
            return {**head, "anyOf": [self.text_form(hints[shorthand]), body]}
        return body

    def field(self, tp: Any, default: Any, partial: bool) -> dict[str, Any]:
        out = self.type(tp, partial)
        plain = isinstance(default, (str, bool, int)) or default == [] or (
            isinstance(default, float) and round(default, 2) == default)  # not 90.70866…pt, a length's default
        return {**out, "default": default} if default is not _MISSING and plain else out

    def type(self, tp: Any, partial: bool) -> dict[str, Any]:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            return self.annotated(tp, partial)
        if origin in (typing.Union, types.UnionType):
            members = [arg for arg in typing.get_args(tp) if arg is not type(None)]
            schemas = [self.type(member, partial) for member in members]
            one = schemas[0] if len(schemas) == 1 else {"anyOf": schemas}
            return _nullable(one) if len(members) < len(typing.get_args(tp)) else one
        if origin is typing.Literal:
            return {"enum": list(typing.get_args(tp))}
        if origin is list:  # a list is replaced whole, never merged: its records are complete
            return {"type": "array", "items": self.type(typing.get_args(tp)[0], False)}
        if origin is dict:
            return {"type": "object", "additionalProperties": self.type(typing.get_args(tp)[1], partial)}
        if isinstance(tp, type) and issubclass(tp, Record):
            return self.ref(tp, partial)
        return _scalar(tp)

    def annotated(self, tp: Any, partial: bool) -> dict[str, Any]:
        base, *rules = typing.get_args(tp)
        accepts = [rule.accepts for rule in rules if isinstance(rule, Before) and rule.accepts]
        out = copy.deepcopy(accepts[-1]) if accepts else self.type(base, partial)
        for rule in rules:
            if isinstance(rule, Range):
                out.update({key: bound for key, bound in (("minimum", rule.ge), ("maximum", rule.le))
                            if bound is not None})
            elif isinstance(rule, NotEmpty):
                out.update({"minItems": 1} if _is_list(base) else {"pattern": r"\S"})
            elif isinstance(rule, Doc):
                out["description"] = rule.text
        return out

    def text_form(self, tp: Any) -> dict[str, Any]:
        """What a field takes as plain text: its members that are not records."""
        while typing.get_origin(tp) is typing.Annotated:
            tp = typing.get_args(tp)[0]
        members = [arg for arg in typing.get_args(tp) or (tp,)
                   if not (isinstance(arg, type) and issubclass(arg, Record))]
        assert len(members) == 1, f"a shorthand needs one plain form: {tp}"
        return self.type(members[0], False)


def _is_list(tp: Any) -> bool:
    while typing.get_origin(tp) in (typing.Annotated, typing.Union, types.UnionType):
        tp = next(arg for arg in typing.get_args(tp) if arg is not type(None))
    return typing.get_origin(tp) is list


def _nullable(out: dict[str, Any]) -> dict[str, Any]:
    """``out`` that also takes null, as the validator does (an empty value is a field left out), where that keeps
    the schema flat. A mapping or a choice of forms stays as it is: wrapped in anyOf with null, its mistakes would
    reach the editor as 'not valid under any of the given schemas' instead of naming the field."""
    if "enum" in out:
        return {**out, "enum": [*out["enum"], None]}
    if isinstance(out.get("type"), (str, list)) and "$ref" not in out and "anyOf" not in out:
        kinds = out["type"] if isinstance(out["type"], list) else [out["type"]]
        return {**out, "type": [*kinds, "null"]}
    return out


def _scalar(tp: Any) -> dict[str, Any]:
    if tp is str:  # a number is read as its text: `name: 2024`
        return {"type": ["string", "number"]}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is datetime.date:
        return {"type": "string", "format": "date"}
    raise TypeError(f"no JSON Schema for a {tp!r}")
