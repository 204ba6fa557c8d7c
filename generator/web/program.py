"""The builder page's program <-> a worksheet's YAML text.

The page edits a flat program (title, exercises with their doses, a few options); the worksheet file keeps
everything else. Writing back goes through ruamel.yaml's round trip and touches only the keys whose values
changed, so comments, key order, quoting and fields the page does not edit (sections, closing, notes,
clinic, tags, progression ...) survive, and changing one hold changes one line.
"""

from __future__ import annotations

import copy
import io
import math
import re
import threading
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import LiteralScalarString

from ..base.errors import InputError, Problem
from ..load.source import Document, Mark, parse
from ..load.validate import check
from ..model.exercise import Dosage
from ..model.program import Program
from .names import shown

DOSE_FIELDS: tuple[str, ...] = Dosage.field_names
TEXT_KEYS = ("title", "subtitle", "intro", "layout", "language")
TIDY_ORDER = ("title", "subtitle", "intro", "layout", "language", "stop_if", "exercises", "log")
OPTION_KEYS = ("paper", "second_language", "client", "date", "clinician", "note")
UNSAVED = "worksheets/untitled.yaml"  # the name a program never saved is built and reported under


def _yaml() -> YAML:
    """A round-trip reader and writer set up as the shipped worksheets are written (made per use: no globals)."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never re-wrap a long line the author wrote on one
    return yaml


def program_problems(data: object, display: str) -> list[Problem]:
    """What is wrong with the page's program, checked against the Program record by the validator that
    checks a worksheet; each problem is said of ``display`` (the worksheet it is built as) at its field."""
    doc = Document(Path(display), display, data)
    doc.value_marks[()] = Mark(line=0, column=0, file=display)  # JSON from the page: no lines to point at
    return check(doc, Program)[1]


def program_from_yaml(text: str, path: str | None = None) -> dict:
    """The page's program for a worksheet's text; raises InputError (the CLI's messages) when it is not YAML."""
    data = parse(text, Path(path or UNSAVED), path or UNSAVED).data
    if not isinstance(data, dict):
        raise InputError([Problem(file=path or UNSAVED, line=1, column=1, message="expected a mapping of fields")])
    log = data.get("log")
    return _json_safe({
        "path": path,
        **{key: _text(data.get(key)) for key in ("title", "subtitle", "intro")},
        "stop_if": [str(sign) for sign in data.get("stop_if") or []],
        "log_weeks": log.get("weeks", 2) if isinstance(log, dict) else None,
        "layout": _text(data.get("layout")) or "standard",
        "language": data.get("language"),
        "exercises": [_exercise_of(entry, number) for number, entry in enumerate(_entries(data), start=1)],
        "options": {key: None for key in OPTION_KEYS},
    })


def _json_safe(value: Any) -> Any:
    """The program with every value JSON can carry as it is, and any other as the text YAML read it from
    (a date, .nan, .inf): the page shows it and the build says what is wrong with it."""
    if isinstance(value, dict):
        return {key: _json_safe(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_safe(item) for item in value]
    if isinstance(value, str):
        return shown(value)  # a lone surrogate from a "\ud800" escape
    if value is None or isinstance(value, (bool, int)) or (isinstance(value, float) and math.isfinite(value)):
        return value
    return str(value)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _entries(data: dict) -> list:
    """Every entry in order: a worksheet's list, or its sections' lists one after another."""
    if isinstance(data.get("sections"), list):
        return [entry for section in data["sections"] if isinstance(section, dict)
                for entry in section.get("exercises") or []]
    return list(data.get("exercises") or [])


def _exercise_of(entry: Any, number: int) -> dict:
    """One entry as the page shows it; a one-off exercise written in place is named inline-N, as the handout does."""
    mapping = entry if isinstance(entry, dict) else {"exercise": entry}
    exercise = mapping.get("exercise")
    given = mapping.get("dosage")
    dosage: dict = given if isinstance(given, dict) else {}
    return {
        "exercise": exercise if isinstance(exercise, str) else f"inline-{number}",
        "dosage": {field: dosage.get(field) for field in DOSE_FIELDS},
        "note": mapping.get("note"),
        "variation": mapping.get("variation"),
    }


class ParsedOriginals:
    """The worksheet texts last read for the round trip, each parsed once: the page previews the same file's
    program after every change, and parsing it again costs more than copying what was parsed. Requests in
    several threads share one."""

    def __init__(self, kept: int = 4) -> None:
        self._kept = kept
        self._parsed: dict[str, Any] = {}  # text -> its parse, the latest last
        self._lock = threading.Lock()

    def parse(self, yaml: YAML, text: str) -> Any:
        """A fresh copy of ``text``'s round-trip parse, to change at will; raises YAMLError."""
        with self._lock:
            parsed = self._parsed.pop(text, None)
        if parsed is None:
            parsed = yaml.load(text)
        with self._lock:
            self._parsed[text] = parsed
            while len(self._parsed) > self._kept:
                del self._parsed[next(iter(self._parsed))]
            return copy.deepcopy(parsed)


def yaml_from_program(program: dict, original: str | None = None, parsed: ParsedOriginals | None = None) -> str:
    """The worksheet text for ``program``: ``original`` with only what changed changed, or a fresh tidy file.
    ``parsed``, when given, keeps the originals it has parsed for the next call."""
    yaml = _yaml()
    try:
        root = (parsed or ParsedOriginals()).parse(yaml, original) if original else None
    except YAMLError as exc:
        raise InputError([Problem(file=program.get("path") or UNSAVED, message=f"YAML error: {exc}")]) from None
    if not isinstance(root, CommentedMap):
        root = CommentedMap()
    fresh = not root
    _set_top(root, program)
    _set_exercises(root, program.get("exercises") or [])
    if fresh:
        root = CommentedMap((key, root[key]) for key in TIDY_ORDER if key in root)
    out = io.StringIO()
    yaml.dump(root, out)
    return out.getvalue()


def _set_top(root: CommentedMap, program: dict) -> None:
    fresh = not root
    for key in TEXT_KEYS:
        value = program.get(key)
        if key == "layout" and value == "standard" and key not in root and not fresh:
            continue  # the default the page shows, which the author never wrote
        _assign(root, key, value if value not in ("", None) or key == "title" else None)
    _assign(root, "stop_if", [sign for sign in program.get("stop_if") or [] if sign] or None)
    weeks = program.get("log_weeks")
    log = root.get("log")
    if not weeks:
        _assign(root, "log", None)
    elif isinstance(log, dict):
        _assign(log, "weeks", weeks)
    else:
        root["log"] = CommentedMap(weeks=weeks)


def _assign(mapping: dict, key: str, value: Any) -> None:
    """Set ``key`` only when its value differs (so an unchanged value keeps its quoting and style); None removes it."""
    if value is None:
        mapping.pop(key, None)
        return
    if key in mapping and _plain(mapping[key]) == _plain(value):
        return
    if isinstance(value, list):
        value = _seq(value)
    elif isinstance(value, str) and "\n" in value:
        value = LiteralScalarString(value)
    mapping[key] = value


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return str(value) if isinstance(value, str) else value


def _seq(items: list) -> CommentedSeq:
    return CommentedSeq(items)


def _slots(root: CommentedMap) -> list[tuple[list, int]]:
    """Where each entry lives: (its list, its place in it), in the order the page numbers them."""
    if isinstance(root.get("sections"), list):
        return [(section["exercises"], i) for section in root["sections"]
                if isinstance(section, dict) and isinstance(section.get("exercises"), list)
                for i in range(len(section["exercises"]))]
    exercises = root.get("exercises")
    return [(exercises, i) for i in range(len(exercises))] if isinstance(exercises, list) else []


def _set_exercises(root: CommentedMap, items: list[dict]) -> None:
    """Each program item written over the entry it came from (matched by id, in order), new ones appended."""
    slots = _slots(root)
    old = [seq[i] for seq, i in slots]
    ids = [_entry_id(entry, number) for number, entry in enumerate(old, start=1)]
    used: set[int] = set()
    entries = []
    for item in items:
        match = next((i for i, known in enumerate(ids) if known == item.get("exercise") and i not in used), None)
        if match is not None:
            used.add(match)
        entries.append(_entry(old[match] if match is not None else None, item))
    if old and [id(e) for e in entries] == [id(e) for e in old]:
        return  # same entries in the same order, each changed in place (or not at all)
    if isinstance(root.get("sections"), list) and slots:
        _refill_sections(slots, entries)
    elif isinstance(root.get("exercises"), CommentedSeq):
        _refill(root["exercises"], entries)
    else:
        root["exercises"] = _seq(entries)


def _entry_id(entry: Any, number: int) -> str:
    exercise = entry.get("exercise") if isinstance(entry, dict) else entry
    return exercise if isinstance(exercise, str) else f"inline-{number}"


def _entry(old: Any, item: dict) -> Any:
    """An entry with the item's dose, note and variation: the old one changed in place where there is one."""
    wanted_dose = {field: value for field, value in (item.get("dosage") or {}).items()
                   if field in DOSE_FIELDS and value not in (None, "")}
    extras = {key: item.get(key) or None for key in ("note", "variation")}
    if isinstance(old, CommentedMap):
        dosage = old.get("dosage")
        if wanted_dose and not isinstance(dosage, CommentedMap):
            dosage = _flow(CommentedMap())
            old.insert(min(1, len(old)), "dosage", dosage)  # beside the id it changes
        if isinstance(dosage, CommentedMap):
            for field in DOSE_FIELDS:
                _assign(dosage, field, wanted_dose.get(field))
            if not dosage:
                old.pop("dosage")
        for key, value in extras.items():
            _assign(old, key, value)
        return old
    if old is not None and not wanted_dose and not any(extras.values()):
        return old  # a bare id, still bare
    entry = CommentedMap(exercise=item.get("exercise"))
    if wanted_dose:
        entry["dosage"] = _flow(CommentedMap((field, wanted_dose[field]) for field in DOSE_FIELDS
                                             if field in wanted_dose))
    for key, value in extras.items():
        if value:
            entry[key] = value
    return entry if len(entry) > 1 else item.get("exercise")


def _flow(mapping: CommentedMap) -> CommentedMap:
    """A dose written on one line, as the examples write it: {hold_seconds: 45}."""
    mapping.fa.set_flow_style()
    return mapping


def _refill(seq: list, entries: list) -> None:
    """The list's items replaced place by place, so each place keeps its comment; extra places removed from
    the end, new ones appended."""
    for i, entry in enumerate(entries[: len(seq)]):
        if seq[i] is not entry:
            if isinstance(entry, CommentedMap) and not isinstance(seq[i], dict):
                _keep_comment(seq, i, entry)
            seq[i] = entry
    while len(seq) > len(entries):
        del seq[len(seq) - 1]
    for entry in entries[len(seq):]:
        seq.append(entry)


def _keep_comment(seq: Any, i: int, entry: CommentedMap) -> None:
    """A bare id's end-of-line comment moved onto the first line of the entry that takes its place (left on
    the list, ruamel would print it after a lone dash)."""
    tokens = seq.ca.items.get(i)
    if not tokens or tokens[0] is None or not entry:
        return
    seq.ca.items.pop(i)
    token = tokens[0]
    entry.yaml_add_eol_comment(token.value.strip(), next(iter(entry)), column=token.column)


def _refill_sections(slots: list[tuple[list, int]], entries: list) -> None:
    """Entries poured back into the sections' slots in order; extra ones go to the last section, and a
    section left with none keeps its first (a section must list at least one)."""
    lists = list(dict.fromkeys(id(seq) for seq, _ in slots))
    by_id = {id(seq): seq for seq, _ in slots}
    sizes = [sum(1 for seq, _ in slots if id(seq) == key) for key in lists]
    start = 0
    for n, key in enumerate(lists):
        take = sizes[n] if n < len(lists) - 1 else max(len(entries) - start, 1)
        chunk = entries[start:start + take] or list(by_id[key][:1])
        _refill(by_id[key], chunk)
        start += take


def field_of(problem: Problem, worksheet: str | None = None) -> str | None:
    """The program field a problem is about (``exercises[1].dosage.hold_seconds``, ``options.client``), or None
    when it is about another file (a library exercise, a layout) or the worksheet as a whole."""
    option = problem.file.removeprefix("--").replace("-", "_")
    if problem.file.startswith("--") and option in OPTION_KEYS:
        return f"options.{option}"
    if (worksheet is not None and problem.file != worksheet) or not problem.field:
        return None
    field = problem.field
    if field.startswith("sections["):
        return None  # the page numbers the entries of sections as one list; the text says which
    if field.startswith("log"):
        return "log_weeks"
    # Exercises counted from 1, as the page numbers them (the command line's field counts from 0).
    return re.sub(r"^exercises\[(\d+)\]", lambda match: f"exercises[{int(match.group(1)) + 1}]", field)
