"""Building blocks shared by every model: strict base class, text, lengths, colours."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints
from pydantic_core import PydanticCustomError


class Strict(BaseModel):
    """Unknown keys are errors and models never change after validation."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

POINTS_PER_UNIT = {"pt": 1.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0}
_LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?|-?\.\d+)\s*(pt|mm|cm|in)?\s*$")


def parse_length(value: Any) -> float:
    """'12mm', '0.5in', '10pt' or a bare number of points, as points."""
    if isinstance(value, bool):
        value = str(value).lower()
    if isinstance(value, (int, float)):
        points = float(value)
    else:
        match = _LENGTH.match(str(value))
        if not match:
            raise PydanticCustomError("length", "expected a length like '12mm' or '0.5in', got {value}", {"value": repr(value)})
        points = float(match.group(1)) * POINTS_PER_UNIT[match.group(2) or "pt"]
    if points < 0:
        raise PydanticCustomError("length", "a length cannot be negative, got {value}", {"value": repr(value)})
    return points


Length = Annotated[float, BeforeValidator(parse_length)]

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def parse_colour(value: Any) -> str:
    """'#1d5c87' or '#fff', normalised to lower-case '#rrggbb'."""
    text = str(value).strip()
    if not isinstance(value, str) or not _HEX.match(text):
        raise PydanticCustomError("colour", "expected a colour like '#1d5c87', got {value}", {"value": repr(value)})
    if len(text) == 4:
        text = "#" + "".join(c * 2 for c in text[1:])
    return text.lower()


Colour = Annotated[str, BeforeValidator(parse_colour)]
