"""Safe YAML loading that remembers where every key and value came from.

Later stages report problems by field path (``exercises[1].dosage.sets``); the
marks kept here turn such a path back into ``file:line:column``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from ..base.errors import InputError, Problem
from ..base.record import Record
from ..model.limits import Limits, megabytes, over
from .fence import readable

Loc = tuple  # a field path: ("exercises", 1, "dosage", "sets")

MAX_VALUES = 100_000  # guards against alias bombs ("billion laughs")
MAX_DEPTH = 64
SAFE_TO_COMPOSE = 5_000  # levels libyaml's composer nests through safely (it crashed past 20,000)
VALUES = "more than {limit:,} values; are aliases (*name) repeated?"
NESTING = "more than {limit} levels of nesting; a worksheet needs no more than a few"
# libyaml's parser when PyYAML was built with it: the same safe loading, several times faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PLAIN_TAGS = {"map": "tag:yaml.org,2002:map", "seq": "tag:yaml.org,2002:seq"}


class Mark(NamedTuple):  # a tuple, not a Record: a file's reading makes one per key and value
    line: int  # 1-based
    column: int  # 1-based
    file: str = ""  # where the value was set, when documents are merged


class Document:
    """A YAML file's plain data plus the position of everything in it; filled in as the file is read."""

    def __init__(self, path: Path, display: str, data: Any = None):
        self.path, self.display, self.data = path, display, data
        self.value_marks: dict[Loc, Mark] = {}
        self.key_marks: dict[Loc, Mark] = {}
        self.labels: dict[Loc, str] = {}  # how a field is named to the user, where not by its path

    def get(self, loc: Loc) -> Any:
        """The raw value at ``loc``, or None where there is none."""
        value = self.data
        for part in loc:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value

    def mark(self, loc: Loc, at_key: bool = False) -> Mark:
        """The position of ``loc``, or of its nearest ancestor that exists in the file."""
        loc = tuple(loc)
        if at_key and loc in self.key_marks:
            return self.key_marks[loc]
        while loc not in self.value_marks and loc:
            loc = loc[:-1]
        return self.value_marks.get(loc, Mark(line=1, column=1, file=self.display))

    def problem(self, loc: Loc, message: str, key: Loc | None = None) -> Problem:
        """A problem with the value at ``loc``; pointed at the key ``key`` when given."""
        mark = self.mark(key, at_key=True) if key is not None else self.mark(loc)
        label = next((self.labels[loc[:n]] for n in range(len(loc), 0, -1) if loc[:n] in self.labels), None)
        field = label if label is not None else format_loc(loc)
        return Problem(file=mark.file or self.display, line=mark.line, column=mark.column, field=field, message=message)


class Origin(Record):
    """Where a piece of a model came from: a document and the path within it."""

    doc: Document
    loc: Loc = ()

    def problem(self, sub: Loc, message: str) -> Problem:
        return self.doc.problem(self.loc + tuple(sub), message)

    def base_dir(self, sub: Loc = ()) -> Path:
        """The folder of the file that set the value at ``sub``: paths in it are relative to there."""
        return Path(self.doc.mark(self.loc + tuple(sub)).file or self.doc.display).parent


def from_fields(display: str, fields: list[tuple[Loc, Any, Mark, str]]) -> Document:
    """A document built from values that came from elsewhere (a command line, a CSV row).

    Each field is (path, value, where it was written, the name the user knows it by).
    """
    doc = Document(Path(display), display, {})
    doc.value_marks[()] = Mark(line=0, column=0, file=display)
    for loc, value, mark, label in fields:
        target = doc.data
        for depth, part in enumerate(loc[:-1]):
            target = target.setdefault(part, {})
            doc.value_marks.setdefault(loc[: depth + 1], mark)
        target[loc[-1]] = value
        doc.value_marks[loc] = doc.key_marks[loc] = mark
        doc.labels[loc] = label
    doc.data = _lists_from_indexes(doc.data)
    return doc


def _lists_from_indexes(value: Any) -> Any:
    """{0: a, 1: b} -> [a, b], all the way down: positions given as numbers become lists."""
    if not isinstance(value, dict):
        return value
    if value and all(isinstance(key, int) for key in value):
        return [_lists_from_indexes(value[key]) for key in sorted(value)]
    return {key: _lists_from_indexes(item) for key, item in value.items()}


def format_loc(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as the user would type it: relative to the project folder ``root`` (by default the working
    directory)."""
    try:
        return os.path.relpath(path, root) if root is not None else os.path.relpath(path)
    except ValueError:  # another drive on Windows, or a path no folder can hold
        return str(path)


def merge(base: Document, override: Document) -> Document:
    """``override`` laid over ``base``: mappings merge key by key, anything else is replaced.

    Every value keeps the mark of the file that set it, so errors point there.
    """
    merged = Document(override.path, override.display, None)
    merged.data = _merge_value(base, override, (), merged)
    return merged


def _merge_value(base: Document, override: Document, loc: Loc, into: Document) -> Any:
    here, there = base.get(loc), override.get(loc)
    if isinstance(here, dict) and isinstance(there, dict):
        into.value_marks[loc] = override.value_marks[loc]
        keys = list(dict.fromkeys([*here, *there]))
        for key in keys:
            source = override if key in there else base
            into.key_marks[loc + (key,)] = source.key_marks[loc + (key,)]
        return {key: _merge_value(base, override, loc + (key,), into) if key in there else _copy(base, loc + (key,), into)
                for key in keys}
    return _copy(override, loc, into)


def _copy(source: Document, loc: Loc, into: Document) -> Any:
    for where, mark in source.value_marks.items():
        if where[: len(loc)] == loc:
            into.value_marks[where] = mark
    for where, mark in source.key_marks.items():
        if where[: len(loc)] == loc and len(where) > len(loc):
            into.key_marks[where] = mark
    return source.get(loc)


def load(path: Path, limits: Limits, text: str | None = None) -> Document:
    """The YAML file at ``path``; or ``text`` standing in for it (an editor's unsaved copy), with the same
    name in messages and the same size limit."""
    display = display_path(path, limits.root)
    if text is None:
        return parse(read_text(path, display, limits, "yaml_mb", "save it with UTF-8 encoding"), path, display)
    size = len(text.encode("utf-8"))
    if size > limits.yaml_mb * 1_000_000:
        message = over("file", megabytes(size), "yaml_mb", limits.yaml_mb, " MB", "split it into smaller files")
        raise InputError([Problem(file=display, message=message)])
    return parse(text, path, display)


def read_text(path: Path, display: str, limits: Limits, limit_name: str, utf8_advice: str) -> str:
    """A file the user wrote, as text: refused when over its size limit, a folder, unreadable or not UTF-8."""
    limit = getattr(limits, limit_name)
    if not readable(path, limits):
        raise InputError([Problem(file=display, message="is outside the project folder; only files inside it are read")])
    try:
        size = path.stat().st_size
        if size > limit * 1_000_000:
            message = over("file", megabytes(size), limit_name, limit, " MB", "split it into smaller files")
            raise InputError([Problem(file=display, message=message)])
        if path.is_dir():
            raise InputError([Problem(file=display, message="is a folder, not a file")])
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError([Problem(file=display, message=f"cannot read file: {exc.strerror or exc}")]) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError([Problem(file=display, line=line, column=1,
                                  message=f"file is not UTF-8 text; {utf8_advice}")]) from None


def parse(text: str, path: Path, display: str) -> Document:
    if _might_crash_composing(text):
        _refuse_deep_nesting(text, display)
    loader = SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise InputError([Problem(file=display, line=1, column=1, message="file is empty; expected a mapping of fields")])
        doc = Document(path, display, None)
        doc.data = _Converter(loader, doc).convert(node, (), 0)
        return doc
    except yaml.MarkedYAMLError as exc:
        raise InputError([_syntax_problem(display, exc, text)]) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem(file=display, message=f"YAML error: {exc}")]) from None
    finally:
        loader.dispose()


def _might_crash_composing(text: str) -> bool:
    """Whether the text could nest deep enough to crash libyaml's composer (tens of thousands of levels).

    Each level opens a bracket or starts a block further along its line, so brackets and the longest
    line bound the depth; below that bound the converter's own depth check reports nesting past
    MAX_DEPTH at the same place, and the slower scan of every parser event is skipped."""
    bound = text.count("[") + text.count("{") + max(map(len, text.splitlines()), default=0) + 2
    return bound > SAFE_TO_COMPOSE


def _refuse_deep_nesting(text: str, display: str) -> None:
    """Refuse nesting past MAX_DEPTH from the parser's events, before anything is composed: libyaml's composer
    recurses, and a few hundred kilobytes of brackets would crash the process."""
    loader = SAFE_LOADER(text)
    depth = 0
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise InputError([Problem(file=display, line=mark.line + 1, column=mark.column + 1,
                                              message=NESTING.format(limit=MAX_DEPTH))])
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        pass  # a syntax error: composing meets it too, and says where
    finally:
        loader.dispose()


def _syntax_problem(display: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "invalid YAML"
    at_tab = mark is not None and text[mark.index : mark.index + 1] == "\t"
    if at_tab or "'\\t'" in problem:
        problem = "tab character in indentation; indent with spaces"
    elif exc.context and exc.context not in problem:
        problem = f"{exc.context}, {problem}"
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    return Problem(file=display, line=line, column=col, message=f"YAML syntax error: {problem}")


class _Converter:
    """Turns composed YAML nodes into plain data, recording marks and refusing duplicate keys."""

    def __init__(self, loader, doc: Document):
        self.loader = loader
        self.doc = doc
        self.count = 0
        self.problems: list[Problem] = []

    def convert(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        value = self._convert(node, loc, depth)
        if self.problems and depth == 0:
            raise InputError(self.problems)
        return value

    def _convert(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise InputError([self._problem(node, (), VALUES.format(limit=MAX_VALUES))])
        if depth >= MAX_DEPTH and isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            # the 65th collection inside another, as the event scan counts: aliases nest what the parser saw flat
            raise InputError([self._problem(node, (), NESTING.format(limit=MAX_DEPTH))])
        self.doc.value_marks.setdefault(loc, self._mark(node))
        if isinstance(node, yaml.MappingNode) and node.tag == PLAIN_TAGS["map"]:
            return self._mapping(node, loc, depth)
        if isinstance(node, yaml.SequenceNode) and node.tag == PLAIN_TAGS["seq"]:
            return [self._convert(item, loc + (i,), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.ScalarNode):
            try:
                return self._scalar(node)
            except yaml.constructor.ConstructorError:
                pass
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        self.problems.append(self._problem(node, loc, f"unsupported YAML tag '{tag}'; only plain data is allowed"))
        return None

    def _mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> dict:
        self.loader.flatten_mapping(node)
        result: dict = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else \
                self.loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                self.problems.append(self._problem(key_node, loc, f"field names must be text, got {key!r}"))
                continue
            if key in result:
                first = self.doc.key_marks[loc + (key,)].line
                self.problems.append(self._problem(key_node, loc, f"duplicate key '{key}' (first set on line {first})"))
                continue
            self.doc.key_marks[loc + (key,)] = self._mark(key_node)
            result[key] = self._convert(value_node, loc + (key,), depth + 1)
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        # Straight to the tag's constructor: construct_object's bookkeeping for anchors and recursion is for
        # collections, and costs more than the conversion itself for the thousands of scalars a file holds.
        constructors = self.loader.yaml_constructors
        try:
            return (constructors.get(node.tag) or constructors[None])(self.loader, node)
        except ValueError:  # looks like a date but is no day of the calendar (2026-02-30): the text as written
            return node.value

    def _mark(self, node: yaml.Node) -> Mark:
        return Mark(line=node.start_mark.line + 1, column=node.start_mark.column + 1, file=self.doc.display)

    def _problem(self, node: yaml.Node, loc: Loc, message: str) -> Problem:
        mark = node.start_mark
        return Problem(file=self.doc.display, line=mark.line + 1, column=mark.column + 1, field=format_loc(loc),
                       message=message)
