"""Limits that keep a hostile or mistaken input from eating the machine (each raised by an environment
variable) or from reading past its project folder.

The limits travel in the build options to every reader of a file; only the program's entry point reads the
environment and knows the folder it runs in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Optional

from ..base.record import Record


class Limits(Record):
    yaml_mb: float = 2.0  # a worksheet, exercise or layout file
    csv_mb: float = 20.0  # a clients CSV
    steps: int = 100  # steps in one exercise
    exercises: int = 300  # exercises in one worksheet
    image_mb: float = 20.0  # an illustration or logo file
    image_megapixels: float = 25.0  # an illustration or logo, decoded
    root: Optional[Path] = None  # the project folder: messages name files relative to it (else the working folder)
    confined: bool = False  # nothing outside root is read (but the tool's own layouts and fonts), symlinks followed


ENVIRONMENT = {
    "yaml_mb": "WORKSHEET_MAX_YAML_MB",
    "csv_mb": "WORKSHEET_MAX_CSV_MB",
    "steps": "WORKSHEET_MAX_STEPS",
    "exercises": "WORKSHEET_MAX_EXERCISES",
    "image_mb": "WORKSHEET_MAX_IMAGE_MB",
    "image_megapixels": "WORKSHEET_MAX_IMAGE_MEGAPIXELS",
}


def from_environment(environment: Mapping[str, str]) -> Limits:
    """The defaults, raised or lowered by the environment's variables (ignored where not a number)."""
    values = {}
    for name in ENVIRONMENT:
        default = Limits.defaults[name]
        text = environment.get(ENVIRONMENT[name], "")
        try:
            values[name] = type(default)(float(text)) if text.strip() else default
        except (ValueError, OverflowError):  # not a number, or 'inf' where a whole number is wanted
            values[name] = default
    return Limits(**values)


def over(what: str, amount: str, name: str, limit: float, unit: str, advice: str) -> str:
    """'file is 52.4 MB, more than the limit of 2 MB; split it, or set WORKSHEET_MAX_YAML_MB to raise the limit'."""
    shown = f"{limit:g}"
    return f"{what} is {amount}, more than the limit of {shown}{unit}; {advice}, or set {ENVIRONMENT[name]} to raise the limit"


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
