"""Which characters a TrueType font can draw, read from its character map ('cmap' table).

ReportLab reads the same table when it embeds the font, but importing it costs a command that only
checks a worksheet 55 ms and Pillow; this reader costs about a millisecond a face. It picks the
subtable ReportLab picks and reads the formats ReportLab reads, so both agree on what prints (a test
compares them on every shipped font). A character mapped to glyph 0, the 'missing' box, counts as
not drawable.
"""

from __future__ import annotations

import struct
from bisect import bisect_right
from pathlib import Path
from typing import Iterable

SPACE, NO_BREAK_SPACE = 0x20, 0xA0


class CodeRuns:
    """Code points as sorted, separate runs: a font's few hundred runs stand for its thousands of characters,
    and are read far quicker than a set of them is built."""

    def __init__(self, runs: Iterable[tuple[int, int]]):
        merged: list[list[int]] = []
        for start, end in sorted(runs):
            if merged and start <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, int):
            return False
        i = bisect_right(self.starts, code) - 1
        return i >= 0 and code <= self.ends[i]

    def codes(self) -> set[int]:
        return {code for start, end in zip(self.starts, self.ends) for code in range(start, end + 1)}


class Faces:
    """The characters every one of several faces can draw."""

    def __init__(self, faces: list[CodeRuns]):
        self.faces = faces

    def __contains__(self, code: object) -> bool:
        return all(code in face for face in self.faces)


class UnreadableFont(ValueError):
    """A font file whose character map cannot be read; the message says why."""


class FontCoverage:
    """The drawable characters of each font file, read once and kept while the file is unchanged."""

    def __init__(self) -> None:
        self._read: dict[tuple[str, int, int], CodeRuns] = {}

    def of(self, paths: list[str]) -> Faces:
        """The characters every one of these faces can draw."""
        return Faces([self._face(path) for path in paths])

    def _face(self, path: str) -> CodeRuns:
        stat = Path(path).stat()
        key = (path, stat.st_mtime_ns, stat.st_size)
        if key not in self._read:
            try:
                self._read[key] = drawable(Path(path).read_bytes())
            except (struct.error, IndexError):  # a table points past the end of the file
                raise UnreadableFont("cannot use this font: the file is damaged or is not a TrueType font; give "
                                     "a TrueType (.ttf) file") from None
            except (ValueError, OSError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) else str(exc)
                raise UnreadableFont(f"cannot use this font: {reason}; give a TrueType (.ttf) file") from None
        return self._read[key]


def drawable(data: bytes) -> CodeRuns:
    """Every code point the font maps to a real glyph."""
    table = _table(data, b"cmap")
    version, count = struct.unpack_from(">HH", data, table)
    if count == 0 and version != 0:  # some fonts swap the two
        count = version
    offset = _subtable(data, table, count)
    reader = _FORMATS.get(struct.unpack_from(">H", data, offset)[0])
    if reader is None:
        raise ValueError("its character map is in a format this tool cannot read")
    codes = CodeRuns(reader(data, offset))
    if SPACE in codes or NO_BREAK_SPACE in codes:  # ReportLab prints either space with the other's glyph
        codes = CodeRuns([*zip(codes.starts, codes.ends), (SPACE, SPACE), (NO_BREAK_SPACE, NO_BREAK_SPACE)])
    return codes


def _runs(codes: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive code points as (first, last) runs."""
    runs: list[tuple[int, int]] = []
    for code in sorted(codes):
        if runs and code == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], code)
        else:
            runs.append((code, code))
    return runs


def _table(data: bytes, tag: bytes) -> int:
    (tables,) = struct.unpack_from(">H", data, 4)
    for i in range(tables):
        name, _checksum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if name == tag:
            return offset
    raise ValueError(f"no '{tag.decode()}' table")


def _subtable(data: bytes, table: int, count: int) -> int:
    """The subtable ReportLab chooses: the last Unicode one listed, Macintosh Roman only failing that."""
    chosen, unicode = None, False
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, table + 4 + 8 * i)
        if platform == 3 or (platform == 1 and encoding == 1) or (platform == 0 and encoding != 5):
            chosen, unicode = offset, True
        elif platform == 1 and encoding == 0 and not unicode:
            chosen = offset
    if chosen is None:
        raise ValueError("no Unicode character map")
    return table + chosen


Runs = list[tuple[int, int]]


def _format0(data: bytes, at: int) -> Runs:
    length = struct.unpack_from(">H", data, at + 2)[0]
    glyphs = data[at + 6 : at + length]
    return _runs(code for code in range(min(256, len(glyphs))) if glyphs[code])


def _format4(data: bytes, at: int) -> Runs:
    length, _language, doubled = struct.unpack_from(">HHH", data, at + 2)
    segments = doubled // 2
    ends = struct.unpack_from(f">{segments}H", data, at + 14)
    starts = struct.unpack_from(f">{segments}H", data, at + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, at + 16 + 4 * segments)
    ranges_at = at + 16 + 6 * segments
    ranges = struct.unpack_from(f">{segments}H", data, ranges_at)
    limit = at + length
    runs: Runs = []
    for n in range(segments):
        if ranges[n] == 0:  # glyph = code + delta: the whole run, but for a code that lands on glyph 0
            zero = -deltas[n] & 0xFFFF
            runs += [(start, end) for start, end in ((starts[n], min(ends[n], zero - 1)),
                                                     (max(starts[n], zero + 1), ends[n])) if start <= end]
            continue
        mapped = []
        for code in range(starts[n], ends[n] + 1):
            where = ranges_at + 2 * n + ranges[n] + 2 * (code - starts[n])
            glyph = struct.unpack_from(">H", data, where)[0] if where < limit else 0
            if glyph and (glyph + deltas[n]) & 0xFFFF:
                mapped.append(code)
        runs += _runs(mapped)
    return runs


def _format6(data: bytes, at: int) -> Runs:
    first, count = struct.unpack_from(">HH", data, at + 6)
    codes = struct.unpack_from(f">{count}H", data, at + 10)
    return _runs(code for glyph, code in enumerate(codes, start=first) if glyph)


def _format10(data: bytes, at: int) -> Runs:
    first, count = struct.unpack_from(">II", data, at + 12)
    codes = struct.unpack_from(f">{count}H", data, at + 20)
    return _runs(code for glyph, code in enumerate(codes, start=first) if glyph)


def _groups(data: bytes, at: int, constant: bool) -> Runs:
    (count,) = struct.unpack_from(">I", data, at + 12)
    runs: Runs = []
    for start, end, glyph in struct.iter_unpack(">III", data[at + 16 : at + 16 + 12 * count]):
        if glyph == 0 and (constant or start == end):
            continue
        runs.append((start + 1 if glyph == 0 else start, end))
    return runs


_FORMATS = {
    0: _format0,
    4: _format4,
    6: _format6,
    10: _format10,
    12: lambda data, at: _groups(data, at, constant=False),
    13: lambda data, at: _groups(data, at, constant=True),
}
