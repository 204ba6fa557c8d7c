"""Validate loaded YAML against a model, turning every pydantic error into a located Problem."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from pathlib import Path

from .errors import InputError, Problem
from .source import Document, Loc, load

M = TypeVar("M", bound=BaseModel)
MISSING = "missing required field"


def check(doc: Document, model: type[M]) -> tuple[M | None, list[Problem]]:
    """The validated model, or None and every problem found in the document."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, _merge_missing([_to_problem(doc, model, error) for error in exc.errors(include_url=False)])


def did_you_mean(word: str, choices: typing.Iterable[str]) -> str:
    """' (did you mean 'x'?)' when a close choice exists, else ''."""
    choices = list(choices)
    close = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    if not close and len(str(word)) >= 3:
        close = [choice for choice in choices if choice.startswith(str(word))][:1]
    return f" (did you mean '{close[0]}'?)" if close else ""


def _merge_missing(problems: list[Problem]) -> list[Problem]:
    """Several missing fields of one mapping, said in one line."""
    merged: dict[tuple, list[str]] = {}
    others = []
    for problem in problems:
        if problem.message.startswith(MISSING):
            key = (problem.file, problem.line, problem.column, problem.field)
            merged.setdefault(key, []).append(problem.message.removeprefix(MISSING).split("'")[1])
        else:
            others.append(problem)
    for (file, line, column, field), names in merged.items():
        quoted = ", ".join(f"'{name}'" for name in names)
        message = f"{MISSING} '{names[0]}'" if len(names) == 1 else f"missing required fields {quoted}"
        others.append(Problem(file, line, column, field, message))
    return others


def _to_problem(doc: Document, model: type[BaseModel], error: dict) -> Problem:
    loc, parent = _walk(model, error["loc"])
    kind = error["type"]
    if kind == "missing":
        return doc.problem(loc[:-1], f"{MISSING} '{loc[-1]}'")
    if kind == "extra_forbidden":
        name = loc[-1]
        hint = did_you_mean(name, parent.model_fields) if _is_model(parent) else ""
        return doc.problem(loc[:-1], f"unknown field '{name}'{hint}", key=loc)
    return doc.problem(loc, _message(kind, error))


def _message(kind: str, error: dict) -> str:
    value = error.get("input")
    ctx = error.get("ctx") or {}
    got = _describe(value)
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return f"expected one of {', '.join(choices)}; got {got}{did_you_mean(str(value), choices)}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, got {got}"
    if kind in ("float_type", "float_parsing"):
        return f"expected a number, got {got}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"must be at least {ctx.get('ge', ctx.get('gt'))}, got {got}"
    if kind in ("less_than_equal", "less_than"):
        return f"must be at most {ctx.get('le', ctx.get('lt'))}, got {got}"
    if kind == "string_type":
        return f"expected text, got {got}" + (" (put it in quotes)" if isinstance(value, bool) else "")
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        return "needs at least one item"
    if kind == "list_type":
        return f"expected a list, got {got}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a mapping of fields, got {got}"
    if kind.startswith("url"):
        return f"expected a web address starting with https://, got {got}"
    if kind.startswith("date"):
        return f"expected a date like 2026-11-20, got {got}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, got {got}"
    return str(error["msg"]).removeprefix("Value error, ")


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


def _walk(model: type, loc: Loc) -> tuple[Loc, Any]:
    """The error location without union tags, and the type holding its last part."""
    current: Any = model
    parent: Any = None
    clean: list = []
    for part in loc:
        current = _unwrap(current)
        tagged = _tagged_members(current)
        if part in tagged:
            current = tagged[part]
            continue
        clean.append(part)
        parent = current
        current = _child(current, part)
    return tuple(clean), parent


def _unwrap(tp: Any) -> Any:
    """Strip Annotated and Optional, which say nothing about the shape of the data."""
    while True:
        if typing.get_origin(tp) is typing.Annotated:
            tp = typing.get_args(tp)[0]
            continue
        args = typing.get_args(tp)
        if typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args:
            rest = [a for a in args if a is not type(None)]
            if len(rest) == 1:
                tp = rest[0]
                continue
        return tp


def _tagged_members(tp: Any) -> dict[str, Any]:
    if typing.get_origin(tp) not in (typing.Union, types.UnionType):
        return {}
    members = {}
    for arg in typing.get_args(tp):
        for meta in getattr(arg, "__metadata__", ()):
            if hasattr(meta, "tag"):
                members[meta.tag] = arg
    return members


def _child(tp: Any, part: Any) -> Any:
    if _is_model(tp) and isinstance(part, str):
        info: FieldInfo | None = tp.model_fields.get(part)
        return info.annotation if info else None
    if typing.get_origin(tp) is list and isinstance(part, int):
        return typing.get_args(tp)[0]
    return None


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def load_and_check(path: Path, model: type[M]) -> tuple[M | None, Document | None, list[Problem]]:
    """Load one YAML file and validate it, collecting problems instead of raising."""
    try:
        doc = load(path)
    except InputError as exc:
        return None, None, exc.problems
    value, problems = check(doc, model)
    return value, doc, problems
