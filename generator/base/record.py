"""Read-only values with named fields: the models, and what the pipeline passes between its stages.

A record is declared like a frozen dataclass: annotated fields, with defaults for the optional ones, and
is made with keywords only (``Mark(line=3, column=5)``). ``dataclass_transform`` tells type checkers so,
and they check every construction. It is a plain class rather than a dataclass because generating fifty
dataclasses costs about 15 ms at every start (each one compiles its methods), and a build has to feel instant.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
elif sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # Python 3.10: only type checkers read the decorator, so at run time it may do nothing
    def dataclass_transform(**_options: Any):
        return lambda cls: cls

R = TypeVar("R", bound="Record")

_RESERVED = {"replace", "given", "as_dict", "verify", "prepare", "field_names", "defaults"}


@dataclass_transform(kw_only_default=True, frozen_default=True, eq_default=True)
class Record:
    """Read-only fields, compared and hashed by value."""

    field_names: ClassVar[tuple[str, ...]] = ()
    defaults: ClassVar[dict[str, Any]] = {}

    def __init_subclass__(cls, **kwargs: Any):
        super().__init_subclass__(**kwargs)
        names = tuple(cls.__dict__.get("__annotations__", {}))
        assert not _RESERVED & set(names), f"{cls.__name__}: a field shadows a Record method"
        cls.field_names = names
        cls.defaults = {name: cls.__dict__[name] for name in names if name in cls.__dict__}

    if not TYPE_CHECKING:  # type checkers make each record's __init__ from its fields, as for a dataclass
        def __init__(self, **values: Any):
            for name in self.field_names:
                if name in values:
                    value = values.pop(name)
                elif name in self.defaults:
                    value = self.defaults[name]
                    value = value.copy() if isinstance(value, (list, dict)) else value
                else:
                    raise TypeError(f"{type(self).__name__}: missing field {name!r}")
                object.__setattr__(self, name, value)
            if values:
                raise TypeError(f"{type(self).__name__}: unknown fields {sorted(values)}")

    @classmethod
    def prepare(cls, value: Any) -> Any:
        """The raw value as a mapping of fields; a record may accept a shorthand here."""
        return value

    def verify(self) -> None:
        """Raise Invalid when the fields, each valid alone, do not make sense together."""

    def replace(self: R, **changes: Any) -> R:
        # copied field by field rather than made again: a figure's poses are replaced some hundreds of times
        unknown = [name for name in changes if name not in self.__dict__]
        if unknown:
            raise TypeError(f"{type(self).__name__}: unknown fields {sorted(unknown)}")
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__)
        copy.__dict__.update(changes)
        return copy

    def given(self, include_none: bool = False) -> dict[str, Any]:
        """The fields and their values, one level deep; without the empty ones unless asked."""
        return {name: getattr(self, name) for name in self.field_names
                if include_none or getattr(self, name) is not None}

    def as_dict(self) -> dict[str, Any]:
        """Every field, nested records included, as plain data."""
        return {name: _plain(getattr(self, name)) for name in self.field_names}

    if not TYPE_CHECKING:  # to type checkers a record is frozen, as dataclass_transform above says
        def __setattr__(self, name: str, value: Any) -> None:
            raise AttributeError(f"{type(self).__name__} is read-only")

        def __delattr__(self, name: str) -> None:
            raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.given(include_none=True) == other.given(include_none=True)

    def __hash__(self) -> int:
        return hash((type(self), tuple(_frozen(getattr(self, name)) for name in self.field_names)))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.field_names)
        return f"{type(self).__name__}({fields})"


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.as_dict()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _frozen(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((key, _frozen(item)) for key, item in value.items()))
    return value
