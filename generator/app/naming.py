"""Output file names from a pattern, safe on every file system and never two alike."""

from __future__ import annotations

import re
import string
import unicodedata

from ..base.errors import WorksheetError

PLACEHOLDERS = ("client", "worksheet", "date", "clinician", "layout", "row")
MAX_NAME = 150  # well under every file system's 255-byte limit, even in UTF-8
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def check_pattern(pattern: str) -> None:
    """Refuse a --name pattern with a placeholder we do not fill."""
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None]
    except ValueError as exc:
        raise WorksheetError(f"--name: {exc}") from None
    unknown = [name for name in fields if name not in PLACEHOLDERS]
    if unknown:
        known = ", ".join("{" + name + "}" for name in PLACEHOLDERS)
        raise WorksheetError(f"--name: unknown placeholder '{{{unknown[0]}}}'; use {known}")


def safe_part(text: str) -> str:
    """A piece of a file name: no separators or characters Windows refuses, no leading dots."""
    text = unicodedata.normalize("NFC", text)
    text = _UNSAFE.sub("-", text)
    text = re.sub(r"\s*-[\s-]*", "-", re.sub(r"\s+", " ", text))
    return text.strip(" .-")


def file_name(pattern: str, values: dict[str, str]) -> str:
    """The pattern filled in, made safe, ending in .pdf."""
    filled = pattern.format(**{key: safe_part(values.get(key, "")) for key in PLACEHOLDERS})
    stem = filled[:-4] if filled.lower().endswith(".pdf") else filled
    stem = safe_part(stem) or "handout"
    if stem.split(".")[0].lower() in _RESERVED:
        stem = "_" + stem
    while len(stem.encode("utf-8")) > MAX_NAME:
        stem = stem[:-1].rstrip(" .-")
    return stem + ".pdf"


class UniqueNames:
    """Hands out names so that no two differ only by case: a repeat gets '-2', '-3', ..."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, name: str) -> str:
        stem, candidate, count = name[:-4], name, 1
        while candidate.casefold() in self.taken:
            count += 1
            candidate = f"{stem}-{count}.pdf"
        self.taken.add(candidate.casefold())
        return candidate
