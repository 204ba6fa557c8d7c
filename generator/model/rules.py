"""The rules a model field's type can carry, read by generator.validate: Annotated[int, Range(1, 24)]."""

from __future__ import annotations

import math
from typing import Any, Callable


class Invalid(ValueError):
    """A value a rule refuses; the message is what the user reads."""


class Rule:
    """Metadata on an ``Annotated`` type: ``before`` sees the raw value, ``after`` the converted one."""

    def before(self, value: Any) -> Any:
        return value

    def after(self, value: Any) -> Any:
        return value


class Before(Rule):
    """Turn the raw value into what the type expects (or raise Invalid): '12mm' into points, say.

    ``accepts`` says, as JSON Schema, which raw values the conversion takes, for editors to check as you type:
    the converter is code, so it is written beside it rather than guessed from it.
    """

    def __init__(self, convert: Callable[[Any], Any], accepts: dict[str, Any] | None = None):
        self.convert = convert
        self.accepts = accepts or {}

    def before(self, value: Any) -> Any:
        return self.convert(value)


class Range(Rule):
    def __init__(self, ge: float | None = None, le: float | None = None):
        self.ge, self.le = ge, le

    def after(self, value: Any) -> Any:
        shown = f"{value:g}" if isinstance(value, float) else _whole(value)  # a type size of 4.0 reads as 4
        if self.ge is not None and value < self.ge:
            raise Invalid(f"must be at least {self.ge}, got {shown}")
        if self.le is not None and value > self.le:
            raise Invalid(f"must be at most {self.le}, got {shown}")
        return value


def _whole(value: Any) -> str:
    """A number as written, unless too long to read in a message (or for Python to print at all)."""
    if not isinstance(value, int) or abs(value) < 10 ** 20:
        return str(value)
    digits = int(abs(value).bit_length() * math.log10(2))  # at most one short; Python prints no more than 4,300
    while 10 ** digits <= abs(value):
        digits += 1
    return f"a number of {digits:,} digits"


class Doc(Rule):
    """What a field is, in the words of docs/format.md: shown by editors (through the JSON Schema) and written as
    a comment into new files. It changes nothing about the value."""

    def __init__(self, text: str):
        self.text = text


class NotEmpty(Rule):
    """A list with at least one item, or text with something left after stripping spaces."""

    def after(self, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip()
            if not value:
                raise Invalid("must not be empty")
        elif not value:
            raise Invalid("needs at least one item")
        return value


class Pick(Rule):
    """Which member of a union a raw value is meant to be, decided by looking at it."""

    def __init__(self, choose: Callable[[Any], Any]):
        self.choose = choose


class ExactlyOne:
    """Of these fields, a record gives one and only one: checked by the record's verify() and by the JSON Schema."""

    def __init__(self, *names: str):
        self.names = names

    def check(self, record: Any) -> None:
        if sum(getattr(record, name) is not None for name in self.names) != 1:
            either = " or ".join(f"'{name}'" for name in self.names)
            raise Invalid(f"give either {either}, not both and not neither")
