"""Validate loaded YAML against a model's declared types, collecting every problem with its location."""

from __future__ import annotations

import builtins
import datetime
import re
import sys
import types
import typing
from pathlib import Path
from typing import Any, Callable, TypeVar

from ..base.errors import InputError, Problem
from ..base.record import Record
from ..base.suggest import did_you_mean
from ..model.limits import Limits
from ..model.rules import Invalid, Pick, Rule
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
    value = _record_converter(model)(doc.data, (), problems)
    return (None, problems.found) if problems.found else (value, [])


Convert = Callable[[Any, Loc, _Problems], Any]


def _converter(tp: Any) -> Convert:
    """A function reading values of type ``tp``: the type is taken apart once, not at every value."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _annotated(tp)
    if origin in (typing.Union, types.UnionType):
        members = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        assert len(members) == 1, f"a union needs a Pick rule: {tp}"
        return _optional(_converter(members[0])) if len(members) < len(typing.get_args(tp)) else \
            _converter(members[0])
    if origin is typing.Literal:
        return _choice(typing.get_args(tp))
    if origin is list:
        return _list(_converter(typing.get_args(tp)[0]))
    if origin is dict:
        return _mapping(_converter(typing.get_args(tp)[1]))
    if isinstance(tp, type) and issubclass(tp, Record):
        return _record_converter(tp)
    return _scalar(tp)


def _optional(inner: Convert) -> Convert:
    return lambda value, loc, problems: None if value is None else inner(value, loc, problems)


def _annotated(tp: Any) -> Convert:
    base, *rules = typing.get_args(tp)
    steps = [rule for rule in rules if isinstance(rule, Pick) or type(rule).before is not Rule.before]
    afters = [rule for rule in rules if type(rule).after is not Rule.after]
    fixed = None if any(isinstance(rule, Pick) for rule in rules) else _converter(base)
    chosen: dict[Any, Convert] = {}  # a Pick's members, each taken apart the first time it is picked

    def convert(value: Any, loc: Loc, problems: _Problems) -> Any:
        target = fixed
        try:
            for rule in steps:
                if isinstance(rule, Pick):
                    picked = rule.choose(value)
                    if picked not in chosen:
                        chosen[picked] = _converter(picked)
                    target = chosen[picked]
                else:
                    value = rule.before(value)
        except Invalid as exc:
            return problems.add(loc, str(exc))
        assert target is not None
        value = target(value, loc, problems)
        if value is FAILED:
            return FAILED
        try:
            for rule in afters:
                value = rule.after(value)
        except Invalid as exc:
            return problems.add(loc, str(exc))
        return value

    return convert


def _choice(choices: tuple) -> Convert:
    words = [str(choice) for choice in choices]

    def convert(value: Any, loc: Loc, problems: _Problems) -> Any:
        if any(value == choice and type(value) is type(choice) for choice in choices):
            return value
        hint = did_you_mean(str(value), words)
        return problems.add(loc, f"expected one of {', '.join(words)}; got {_describe(value)}{hint}")

    return convert


def _list(item: Convert) -> Convert:
    def convert(value: Any, loc: Loc, problems: _Problems) -> Any:
        if not isinstance(value, list):
            return problems.add(loc, f"expected a list, got {_describe(value)}")
        items = [item(each, loc + (i,), problems) for i, each in enumerate(value)]
        return FAILED if FAILED in items else items

    return convert


def _mapping(item: Convert) -> Convert:
    def convert(value: Any, loc: Loc, problems: _Problems) -> Any:
        if not isinstance(value, dict):
            return problems.add(loc, f"expected a mapping of fields, got {_describe(value)}")
        items = {str(key): item(each, loc + (key,), problems) for key, each in value.items()}
        return FAILED if FAILED in items.values() else items

    return convert


def _record_converter(model: type[Record]) -> Convert:
    """The record's reader, made once and kept on the class, as its field types are."""
    made = model.__dict__.get("_reader")
    if made is None:
        made = _record(model)
        type.__setattr__(model, "_reader", made)
    return made


def _record(model: type[Record]) -> Convert:
    made: list[dict[str, Convert]] = []  # made on first use, as a record may contain itself; set whole, so
    # a second thread reading the first file never sees half the fields

    def convert(value: Any, loc: Loc, problems: _Problems) -> Any:
        if not made:
            made.append({name: _converter(tp) for name, tp in _hints(model).items()})
        fields_of = made[0]
        value = model.prepare(value)
        if not isinstance(value, dict):
            return problems.add(loc, f"expected a mapping of fields, got {_describe(value)}")
        fields, failed = {}, False
        for name, field in fields_of.items():
            if name in value:
                fields[name] = field(value[name], loc + (name,), problems)
                failed |= fields[name] is FAILED
        for key in value:
            if key not in fields_of:
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

    return convert


def _hints(model: type[Record]) -> dict[str, Any]:
    """The model's field types (annotations are strings until asked), read once per class by its reader.

    Only the record's own fields are evaluated, in its module, as typing.get_type_hints would: that walks
    the bases too and wraps each string first, which took half the time of reading the body's data."""
    own, namespace = model.__dict__.get("__annotations__", {}), vars(sys.modules[model.__module__])
    scopes = (dict(vars(model)), namespace, vars(builtins))
    return {name: _evaluated(own[name], scopes) for name in model.field_names}


def _evaluated(annotation: Any, scopes: tuple[dict[str, Any], ...]) -> Any:
    """An annotation's type: a bare name looked up as eval would, class first, without compiling it."""
    if not isinstance(annotation, str):
        return annotation
    if annotation.isidentifier():
        for scope in scopes:
            if annotation in scope:
                return scope[annotation]
    return eval(annotation, scopes[1], scopes[0])  # noqa: S307


def _scalar(tp: Any) -> Convert:
    readers: dict[Any, Convert] = {str: _text, int: _whole, float: _number, bool: _truth, datetime.date: _date}
    if tp not in readers:
        raise TypeError(f"no rule to read a {tp!r}")
    return readers[tp]


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _text(value: Any, loc: Loc, problems: _Problems) -> Any:
    if isinstance(value, str) or _is_number(value):
        return str(value)
    hint = " (put it in quotes)" if isinstance(value, bool) else ""
    return problems.add(loc, f"expected text, got {_describe(value)}{hint}")


def _whole(value: Any, loc: Loc, problems: _Problems) -> Any:
    whole = isinstance(value, int) or isinstance(value, float) and value.is_integer()
    if _is_number(value) and whole or isinstance(value, str) and _INTEGER.match(value):
        return int(value)
    return problems.add(loc, f"expected a whole number, got {_describe(value)}")


def _number(value: Any, loc: Loc, problems: _Problems) -> Any:
    if _is_number(value) or isinstance(value, str) and _NUMBER.match(value):
        return float(value)
    return problems.add(loc, f"expected a number, got {_describe(value)}")


def _truth(value: Any, loc: Loc, problems: _Problems) -> Any:
    return value if isinstance(value, bool) else problems.add(loc, f"expected true or false, got {_describe(value)}")


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
