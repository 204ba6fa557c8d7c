"""Building blocks shared by every model: text, lengths, colours, web addresses."""

import re
from typing import Annotated, Any
from urllib.parse import urlsplit

from .rules import Before, Invalid, NotEmpty

Text = Annotated[str, NotEmpty()]  # stripped of surrounding spaces, and not empty


POINTS_PER_UNIT = {"pt": 1.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0}
_DECIMAL = r"\d+(?:\.\d+)?|\.\d+"
_UNITS = "|".join(POINTS_PER_UNIT)
_LENGTH = re.compile(rf"^\s*(-?(?:{_DECIMAL}))\s*({_UNITS})?\s*$")
# Negative lengths match _LENGTH so that the message can say what is wrong with them; an editor refuses them.
LENGTH_VALUES = {"anyOf": [{"type": "number", "minimum": 0},
                           {"type": "string", "pattern": rf"^\s*(?:{_DECIMAL})\s*(?:{_UNITS})?\s*$"}]}


def parse_length(value: Any) -> float:
    """'12mm', '0.5in', '10pt' or a bare number of points, as points."""
    if isinstance(value, bool):
        value = str(value).lower()
    if isinstance(value, (int, float)):
        points = float(value)
    else:
        match = _LENGTH.match(str(value))
        if not match:
            raise Invalid(f"expected a length like '12mm' or '0.5in', got {value!r}")
        points = float(match.group(1)) * POINTS_PER_UNIT[match.group(2) or "pt"]
    if points < 0:
        raise Invalid(f"a length cannot be negative, got {value!r}")
    return points


Length = Annotated[float, Before(parse_length, accepts=LENGTH_VALUES)]

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
COLOUR_VALUES = {"type": "string", "pattern": r"^\s*" + _HEX.pattern[1:-1] + r"\s*$"}  # spaces are stripped


def parse_colour(value: Any) -> str:
    """'#1d5c87' or '#fff', normalised to lower-case '#rrggbb'."""
    text = str(value).strip()
    if not isinstance(value, str) or not _HEX.match(text):
        raise Invalid(f"expected a colour like '#1d5c87', got {value!r}")
    if len(text) == 4:
        text = "#" + "".join(c * 2 for c in text[1:])
    return text.lower()


Colour = Annotated[str, Before(parse_colour, accepts=COLOUR_VALUES)]


def parse_web_address(value: Any) -> str:
    """An http(s) address with a host, as written (a QR code prints exactly this)."""
    text = value.strip() if isinstance(value, str) else ""
    try:
        parts = urlsplit(text) if text and not re.search(r"\s", text) else None
    except ValueError:  # a malformed host, such as an unclosed '['
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        shown = repr(value) if isinstance(value, str) else str(value)
        raise Invalid(f"expected a web address starting with https://, got {shown}")
    return text


# http or https in any case, a host, and no spaces inside: what parse_web_address takes.
WEB_ADDRESS_VALUES = {"type": "string",
                      "pattern": r"^\s*[Hh][Tt][Tt][Pp][Ss]?://([^\s/?#@]*@)?[^\s/?#@:]+\S*\s*$"}
WebAddress = Annotated[str, Before(parse_web_address, accepts=WEB_ADDRESS_VALUES)]
