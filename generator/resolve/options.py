"""What the person building may change without editing the worksheet: one record, passed whole from every
front door, so that everything that changes a handout is in one place (and in a batch's fingerprint)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..base.record import Record
from ..load.changes import ClientChanges
from ..model.choices import Language, Paper
from ..model.limits import Limits


class Where(Record):
    """Where a value the user gave outside a worksheet was written: an option, or a CSV cell."""

    file: str
    line: int = 0
    column: int = 0
    field: str = ""


class Options(Record):
    layout: Optional[str] = None  # a layout name or file, instead of the worksheet's
    layout_given_at: Where = Where(file="--layout")
    paper: Optional[Paper] = None
    library: Optional[Path] = None
    clinic: Optional[Path] = None
    personal: Optional[ClientChanges] = None  # one client's changes
    log_weeks: Optional[int] = None  # 0 turns the worksheet's log off
    allow_outside: bool = False  # images may lie outside the project folder
    language: Optional[Language] = None  # instead of the worksheet's
    language_given_at: Where = Where(file="--language")  # an option, or a clients CSV's cell
    strict: bool = False  # a missing translation, or a worksheet built in another language, is an error
    second_language: Optional[Language] = None  # each step printed again in this language
    limits: Limits = Limits()
