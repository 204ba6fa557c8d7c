"""JSON from outside (a request body, a form field) read under the same limits as a YAML file: a size, 64
levels of nesting, 100,000 values; strictly UTF-8, finite numbers only. Each refusal is one located problem.

The nesting and the values are counted by a linear scan before ``json.loads`` runs, so the parser never
recurses deeper than the limit and never builds more than the limit allows.
"""

from __future__ import annotations

import json
import math
import re
import sys
from typing import Any, NoReturn

from ..base.errors import InputError, Problem
from .source import MAX_DEPTH, MAX_VALUES

MAX_BYTES = 2_000_000  # a program is a few kilobytes; this leaves room for long notes
# One token a match: a whole string (escapes skipped), an unterminated one, a bracket or separator, a bare word.
TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|"|[\[\]{}:,]|[^\s\[\]{}:,"]+', re.DOTALL)


def read_json(raw: bytes | str, what: str, max_bytes: int = MAX_BYTES) -> Any:
    """The value ``raw`` holds; raises InputError with one problem, said of ``what`` ("the request body"),
    when it is too large, too deep, has too many values, is not UTF-8, is not JSON or holds NaN or Infinity."""
    size = len(raw) if isinstance(raw, bytes) else len(raw.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        _refuse(what, f"{size:,} bytes, more than the limit of {max_bytes:,} bytes")
    text = _decoded(raw, what) if isinstance(raw, bytes) else raw
    _scan(text, what)
    try:
        value = json.loads(text, parse_constant=_non_finite, parse_float=_finite, parse_int=_whole)
    except json.JSONDecodeError as exc:
        _refuse(what, f"not JSON: {exc.msg}", exc.lineno, exc.colno)
    except _Refused as exc:
        _refuse(what, str(exc))
    _whole_characters(value, what)
    return value


class _Refused(ValueError):
    """A number json.loads handed to a hook, refused."""


def _refuse(what: str, message: str, line: int = 0, column: int = 0) -> NoReturn:
    raise InputError([Problem(file=what, line=line, column=column, message=message)]) from None


def _decoded(raw: bytes, what: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        _refuse(what, "not UTF-8 text; send it encoded as UTF-8", line, exc.start - line_start + 1)


def _scan(text: str, what: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH or more than MAX_VALUES values, found without parsing: strings are
    skipped whole, so brackets inside them do not count."""
    depth = values = 0
    for token in TOKENS.finditer(text):
        first = token.group()[0]
        if first in "[{":
            depth += 1
            values += 1
            if depth > MAX_DEPTH:
                _refuse(what, f"nested deeper than the limit of {MAX_DEPTH} levels", *_place(text, token.start()))
        elif first in "]}":
            depth -= 1
        elif first == ":":
            values -= 1  # the string before it was a key, not a value
        elif first == '"' and len(token.group()) == 1:
            return  # an unterminated string: json.loads says where
        elif first != ",":
            values += 1
        if values > MAX_VALUES:
            _refuse(what, f"more than the limit of {MAX_VALUES:,} values", *_place(text, token.start()))


def _place(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _non_finite(name: str) -> float:
    raise _Refused(f"{name} is not a finite number; JSON has no NaN or Infinity")


def _finite(given: str) -> float:
    number = float(given)
    if not math.isfinite(number):
        raise _Refused(f"{given} is too large a number")
    return number


def _whole(given: str) -> int:
    digits = len(given.lstrip("-"))
    most = sys.get_int_max_str_digits() or digits
    if digits > most:
        raise _Refused(f"a number of {digits:,} digits, more than the limit of {most:,}")
    return int(given)


def _whole_characters(value: Any, what: str) -> None:
    """Refuse a \\u escape that gives half of a character (a lone surrogate): no file can hold it."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str) and not item.isascii():
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                _refuse(what, "a \\u escape gives half of a character (a lone surrogate); send whole characters")
