"""Validate loaded YAML against a model's declared types, collecting every problem with its location."""

from __future__ import annotations

import builtins
import datetime
import re
import sys
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

from ..base.errors import InputError, Problem
from ..base.record import Record
from ..base.suggest import did_you_mean
from ..model.limits import Limits
from ..model.rules import Invalid, Pick
from .source import Document, Loc, load

M = TypeVar("M", bound=Record)
FAILED = object()  # a value that did not convert; its problem is already recorded
_INTEGER = re.compile(r"^\s*[+-]?\d+\s*$")
_NUMBER = re.compile(r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$")


class _Problems:
    """What went wrong so far, each as a located Problem in one document."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.found: list[Problem] = []

    def add(self, loc: Loc, message: str, key: Loc | None = None) -> object:
        self.found.append(self.doc.problem(loc, message, key=key))
        return FAILED


def check(doc: Document, model: type[M]) -> tuple[M | None, list[Problem]]:
    """The validated model, or None and every problem found in the document."""
    problems = _Problems(doc)
    value = _convert(model, doc.data, (), problems)
    return (None, problems.found) if problems.found else (value, [])


def _convert(tp: Any, value: Any, loc: Loc, problems: _Problems) -> Any:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _annotated(tp, value, loc, problems)
    if origin in (typing.Union, types.UnionType):
        members = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        if value is None and len(members) < len(typing.get_args(tp)):
            return None
        assert len(members) == 1, f"a union needs a Pick rule: {tp}"
        return _convert(members[0], value, loc, problems)
    if origin is typing.Literal:
        return _choice(typing.get_args(tp), value, loc, problems)
    if origin is list:
        return _list(typing.get_args(tp)[0], value, loc, problems)
    if origin is dict:
        return _mapping(typing.get_args(tp)[1], value, loc, problems)
    if isinstance(tp, type) and issubclass(tp, Record):
        return _record(tp, value, loc, problems)
    return _scalar(tp, value, loc, problems)


def _annotated(tp: Any, value: Any, loc: Loc, problems: _Problems) -> Any:
    base, *rules = typing.get_args(tp)
    try:
        for rule in rules:
            if isinstance(rule, Pick):
                base = rule.choose(value)
            else:
                value = rule.before(value)
    except Invalid as exc:
        return problems.add(loc, str(exc))
    value = _convert(base, value, loc, problems)
    if value is FAILED:
        return FAILED
    try:
        for rule in rules:
            value = rule.after(value)
    except Invalid as exc:
        return problems.add(loc, str(exc))
    return value


def _choice(choices: tuple, value: Any, loc: Loc, problems: _Problems) -> Any:
    if any(value == choice and type(value) is type(choice) for choice in choices):
        return value
    words = [str(choice) for choice in choices]
    hint = did_you_mean(str(value), words)
    return problems.add(loc, f"expected one of {', '.join(words)}; got {_describe(value)}{hint}")


def _list(item: Any, value: Any, loc: Loc, problems: _Problems) -> Any:
    if not isinstance(value, list):
        return problems.add(loc, f"expected a list, got {_describe(value)}")
    items = [_convert(item, each, loc + (i,), problems) for i, each in enumerate(value)]
    return FAILED if FAILED in items else items


def _mapping(item: Any, value: Any, loc: Loc, problems: _Problems) -> Any:
    if not isinstance(value, dict):
        return problems.add(loc, f"expected a mapping of fields, got {_describe(value)}")
    items = {str(key): _convert(item, each, loc + (key,), problems) for key, each in value.items()}
    return FAILED if FAILED in items.values() else items


def _record(model: type[Record], value: Any, loc: Loc, problems: _Problems) -> Any:
    value = model.prepare(value)
    if not isinstance(value, dict):
        return problems.add(loc, f"expected a mapping of fields, got {_describe(value)}")
    hints, fields, failed = _hints(model), {}, False
    for name in model.field_names:
        if name in value:
            fields[name] = _convert(hints[name], value[name], loc + (name,), problems)
            failed |= fields[name] is FAILED
    for key in value:
        if key not in hints:
            problems.add(loc, f"unknown field '{key}'{did_you_mean(key, model.field_names)}", key=loc + (key,))
            failed = True
    missing = [f"'{name}'" for name in model.field_names if name not in value and name not in model.defaults]
    if missing:
        fields_word = "field" if len(missing) == 1 else "fields"
        problems.add(loc, f"missing required {fields_word} {', '.join(missing)}")
        failed = True
    if failed:
        return FAILED
    record = model(**fields)
    try:
        record.verify()
    except Invalid as exc:
        return problems.add(loc, str(exc))
    return record


def _hints(model: type[Record]) -> dict[str, Any]:
    """The model's field types, resolved once and kept on the class: annotations are strings until asked.

    Only the record's own fields are evaluated, in its module, as typing.get_type_hints would: that walks
    the bases too and wraps each string first, which took half the time of reading the body's data."""
    hints = model.__dict__.get("_field_types")
    if hints is None:
        own, namespace = model.__dict__.get("__annotations__", {}), vars(sys.modules[model.__module__])
        scopes = (dict(vars(model)), namespace, vars(builtins))
        hints = {name: _evaluated(own[name], scopes) for name in model.field_names}
        type.__setattr__(model, "_field_types", hints)
    return hints


def _evaluated(annotation: Any, scopes: tuple[dict[str, Any], ...]) -> Any:
    """An annotation's type: a bare name looked up as eval would, class first, without compiling it."""
    if not isinstance(annotation, str):
        return annotation
    if annotation.isidentifier():
        for scope in scopes:
            if annotation in scope:
                return scope[annotation]
    return eval(annotation, scopes[1], scopes[0])  # noqa: S307


def _scalar(tp: Any, value: Any, loc: Loc, problems: _Problems) -> Any:
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if tp is str:
        if isinstance(value, str) or number:
            return str(value)
        hint = " (put it in quotes)" if isinstance(value, bool) else ""
        return problems.add(loc, f"expected text, got {_describe(value)}{hint}")
    if tp is int:
        whole = isinstance(value, int) or isinstance(value, float) and value.is_integer()
        if number and whole or isinstance(value, str) and _INTEGER.match(value):
            return int(value)
        return problems.add(loc, f"expected a whole number, got {_describe(value)}")
    if tp is float:
        if number or isinstance(value, str) and _NUMBER.match(value):
            return float(value)
        return problems.add(loc, f"expected a number, got {_describe(value)}")
    if tp is bool:
        return value if isinstance(value, bool) else problems.add(loc, f"expected true or false, got {_describe(value)}")
    if tp is datetime.date:
        return _date(value, loc, problems)
    raise TypeError(f"no rule to read a {tp!r}")


def _date(value: Any, loc: Loc, problems: _Problems) -> Any:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    return problems.add(loc, f"expected a date like 2026-11-20, got {_describe(value)}")


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else repr(value[:57] + "...")
    return str(value)


def load_and_check(path: Path, model: type[M], limits: Limits,
                   text: str | None = None) -> tuple[M | None, Document | None, list[Problem]]:
    """Load one YAML file (or ``text`` standing in for it) and validate it, collecting problems instead of raising."""
    try:
        doc = load(path, limits, text)
    except InputError as exc:
        return None, None, exc.problems
    value, problems = check(doc, model)
    return value, doc, problems
