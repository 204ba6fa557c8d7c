"""The clients CSV: one row per handout, each with its worksheet and its client's changes.

Columns: client, worksheet, date, clinician, layout, note, skip, and any number of
change columns written EXERCISE.FIELD (chin-tuck.sets, chin-tuck.note) or *.FIELD
(*.hold_seconds, for every exercise). An empty cell changes nothing.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from ..base.errors import InputError, Problem
from ..base.record import Record
from ..base.suggest import did_you_mean
from ..model.choices import LANGUAGES
from ..model.limits import Limits, megabytes, over
from .changes import ClientChanges, change_keys_hint, change_loc, parse_changes, skip_ids
from .fence import refusal
from .locate import is_path, worksheet_names
from .source import Loc, Mark, display_path, from_fields, read_text

PERSONAL_COLUMNS = ("client", "date", "clinician", "note")
OTHER_COLUMNS = ("worksheet", "layout", "language", "skip")
KNOWN_COLUMNS = (*PERSONAL_COLUMNS, *OTHER_COLUMNS)


class ClientRow(Record):
    line: int
    values: dict[str, str]
    worksheet: Path | None = None
    layout: str | None = None
    language: str | None = None
    changes: ClientChanges | None = None
    problems: tuple[Problem, ...] = ()


def read_clients(path: Path, limits: Limits, text: str | None = None) -> list[ClientRow]:
    """Every row, each either ready to build or holding its problems; raises InputError if the file as a whole is
    unusable. ``text``, when given, stands in for the file at ``path`` (an upload), with the same size limit."""
    display = display_path(path, limits.root)
    if text is None:
        text = read_text(path, display, limits, "csv_mb", "export the CSV as UTF-8")
    elif len(text.encode("utf-8")) > limits.csv_mb * 1_000_000:
        size = megabytes(len(text.encode("utf-8")))
        message = over("file", size, "csv_mb", limits.csv_mb, " MB", "split it into smaller files")
        raise InputError([Problem(file=display, message=message)])
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return _rows(reader, path, display, limits)
    except csv.Error as exc:  # a cell past the csv module's field limit
        raise InputError([Problem(file=display, line=reader.line_num, column=1,
                                  message=f"cannot read the CSV: {exc}")]) from None


def _rows(reader: Any, path: Path, display: str, limits: Limits) -> list[ClientRow]:
    header = next(reader, None)
    if not header or not any(cell.strip() for cell in header):
        raise InputError([Problem(file=display, line=1, column=1,
                                   message="the file is empty; the first row must name the columns")])
    columns = [cell.strip() for cell in header]
    _check_header(columns, display)
    rows = []
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        rows.append(_row(reader.line_num, columns, cells, path, display, limits))
    if not rows:
        raise InputError([Problem(file=display, line=2, column=1, message="no rows after the column names")])
    return rows


def _check_header(columns: list[str], display: str) -> None:
    problems = []
    for number, name in enumerate(columns, start=1):
        if name in KNOWN_COLUMNS or change_loc(name) is not None:
            continue
        hint = did_you_mean(name, KNOWN_COLUMNS) or change_keys_hint(name)
        problems.append(Problem(file=display, line=1, column=number, field=name or f"column {number}",
                                message=f"unknown column{hint}; expected {', '.join(KNOWN_COLUMNS)}, "
                                "or EXERCISE.FIELD such as chin-tuck.sets, chin-tuck.note or *.hold_seconds"))
    seen = set()
    for number, name in enumerate(columns, start=1):
        if name in seen:
            problems.append(Problem(file=display, line=1, column=number, field=name, message="this column is named twice"))
        seen.add(name)
    if "worksheet" not in columns:
        problems.append(Problem(file=display, line=1, column=1,
                                message="missing column 'worksheet': each row must name its worksheet"))
    if problems:
        raise InputError(problems)


def _row(line: int, columns: list[str], cells: list[str], path: Path, display: str, limits: Limits) -> ClientRow:
    values = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(columns)}
    problems = []
    if len(cells) > len(columns):
        problems.append(Problem(file=display, line=line, column=len(columns) + 1,
                                message=f"{len(cells)} cells but {len(columns)} columns"))
    mark = {name: Mark(line=line, column=i + 1, file=display) for i, name in enumerate(columns)}
    worksheet = _worksheet(values.get("worksheet", ""), path, mark["worksheet"], problems, limits)
    language = values.get("language") or None
    if language and language not in LANGUAGES:
        message = f"expected one of {', '.join(LANGUAGES)}; got {language!r}{did_you_mean(language, LANGUAGES)}"
        problems.append(_at(mark["language"], "language", message))
    fields: list[tuple[Loc, Any, Mark, str]] = [((name,), values[name], mark[name], name)
                                                for name in PERSONAL_COLUMNS if values.get(name)]
    for i, exercise_id in enumerate(skip_ids(values.get("skip", ""))):
        fields.append((("skip", i), exercise_id, mark["skip"], "skip"))
    for name in columns:
        loc = change_loc(name)
        if loc is not None and values[name]:
            fields.append((loc, values[name], mark[name], name))
    changes, change_problems = parse_changes(from_fields(display, fields))
    return ClientRow(line=line, values=values, worksheet=worksheet, layout=values.get("layout") or None,
                     language=language, changes=changes, problems=tuple(problems + change_problems))


def _at(mark: Mark, field: str, message: str) -> Problem:
    return Problem(file=mark.file, line=mark.line, column=mark.column, field=field, message=message)


def _worksheet(reference: str, csv_path: Path, mark: Mark, problems: list[Problem], limits: Limits) -> Path | None:
    if not reference:
        problems.append(_at(mark, "worksheet", "empty; name a worksheet, such as neck-and-upper-back-knots"))
        return None
    if is_path(reference):
        path = csv_path.parent / reference
        why = refusal(reference, path, limits, "worksheet")
        if why:
            problems.append(_at(mark, "worksheet", why))
            return None
        if path.is_file():
            return path
        problems.append(_at(mark, "worksheet", f"worksheet file not found: '{reference}'"))
        return None
    names = worksheet_names(csv_path, limits)
    if reference in names:
        why = refusal(reference, names[reference], limits, "worksheet")
        if why:  # a symbolic link in worksheets/ that leads out
            problems.append(_at(mark, "worksheet", why))
            return None
        return names[reference]
    hint = did_you_mean(reference, names) or " (run 'worksheet list worksheets')"
    problems.append(_at(mark, "worksheet", f"unknown worksheet '{reference}'{hint}"))
    return None
