"""Which characters a TrueType font can draw, read from its character map ('cmap' table).

ReportLab reads the same table when it embeds the font, but importing it costs a command that only
checks a worksheet 55 ms and Pillow; this reader costs about a millisecond a face. It picks the
subtable ReportLab picks and reads the formats ReportLab reads, so both agree on what prints (a test
compares them on every shipped font). A character mapped to glyph 0, the 'missing' box, counts as
not drawable.
"""

from __future__ import annotations

import struct
from pathlib import Path

from ..base.errors import BuildError

SPACE, NO_BREAK_SPACE = 0x20, 0xA0


class FontCoverage:
    """The drawable characters of each font file, read once and kept while the file is unchanged."""

    def __init__(self) -> None:
        self._read: dict[tuple[str, int, int], frozenset[int]] = {}

    def of(self, paths: list[str]) -> frozenset[int]:
        """The characters every one of these faces can draw."""
        sets = [self._face(path) for path in paths]
        return frozenset.intersection(*sets) if sets else frozenset()

    def _face(self, path: str) -> frozenset[int]:
        stat = Path(path).stat()
        key = (path, stat.st_mtime_ns, stat.st_size)
        if key not in self._read:
            try:
                self._read[key] = frozenset(drawable(Path(path).read_bytes()))
            except (ValueError, struct.error, IndexError) as exc:
                raise BuildError(f"{path}: cannot use this font: {exc}") from None
        return self._read[key]


def drawable(data: bytes) -> set[int]:
    """Every code point the font maps to a real glyph."""
    table = _table(data, b"cmap")
    version, count = struct.unpack_from(">HH", data, table)
    if count == 0 and version != 0:  # some fonts swap the two
        count = version
    offset = _subtable(data, table, count)
    reader = _FORMATS.get(struct.unpack_from(">H", data, offset)[0])
    if reader is None:
        raise ValueError("its character map is in a format this tool cannot read")
    codes = reader(data, offset)
    if SPACE in codes or NO_BREAK_SPACE in codes:  # ReportLab prints either space with the other's glyph
        codes |= {SPACE, NO_BREAK_SPACE}
    return codes


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


def _format0(data: bytes, at: int) -> set[int]:
    length = struct.unpack_from(">H", data, at + 2)[0]
    glyphs = data[at + 6 : at + length]
    return {code for code in range(min(256, len(glyphs))) if glyphs[code]}


def _format4(data: bytes, at: int) -> set[int]:
    length, _language, doubled = struct.unpack_from(">HHH", data, at + 2)
    segments = doubled // 2
    ends = struct.unpack_from(f">{segments}H", data, at + 14)
    starts = struct.unpack_from(f">{segments}H", data, at + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, at + 16 + 4 * segments)
    ranges_at = at + 16 + 6 * segments
    ranges = struct.unpack_from(f">{segments}H", data, ranges_at)
    limit = at + length
    codes: set[int] = set()
    for n in range(segments):
        if ranges[n] == 0:  # glyph = code + delta
            codes.update(code for code in range(starts[n], ends[n] + 1) if (code + deltas[n]) & 0xFFFF)
            continue
        for code in range(starts[n], ends[n] + 1):
            where = ranges_at + 2 * n + ranges[n] + 2 * (code - starts[n])
            glyph = struct.unpack_from(">H", data, where)[0] if where < limit else 0
            if glyph and (glyph + deltas[n]) & 0xFFFF:
                codes.add(code)
    return codes


def _format6(data: bytes, at: int) -> set[int]:
    first, count = struct.unpack_from(">HH", data, at + 6)
    codes = struct.unpack_from(f">{count}H", data, at + 10)
    return {code for glyph, code in enumerate(codes, start=first) if glyph}


def _format10(data: bytes, at: int) -> set[int]:
    first, count = struct.unpack_from(">II", data, at + 12)
    codes = struct.unpack_from(f">{count}H", data, at + 20)
    return {code for glyph, code in enumerate(codes, start=first) if glyph}


def _groups(data: bytes, at: int, constant: bool) -> set[int]:
    (count,) = struct.unpack_from(">I", data, at + 12)
    codes: set[int] = set()
    for n in range(count):
        start, end, glyph = struct.unpack_from(">III", data, at + 16 + 12 * n)
        if constant and glyph == 0:
            continue
        codes.update(range(start + (1 if not constant and glyph == 0 else 0), end + 1))
    return codes


_FORMATS = {
    0: _format0,
    4: _format4,
    6: _format6,
    10: _format10,
    12: lambda data, at: _groups(data, at, constant=False),
    13: lambda data, at: _groups(data, at, constant=True),
}
