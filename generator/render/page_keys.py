"""A key for each page of a document that is the same exactly when the page looks the same.

A preview redraws only the pages whose keys changed. A page's operators alone do not say how it looks: the
names in them (fonts, their codes, graphics states) are handed out in order of first use across the whole
document, so the key adds what each name the page uses stands for, and no more: a character or a font first
used on a later page leaves an earlier page's key alone. Pictures are named by their content.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from ..compose.reportlab_internals import font_codes, graphics_states, page_code

_NAMES = re.compile(r"/((?:F|gRLs)\d+)\b")


class PageKeys:
    """Told as each page is laid out and as each is written (in order), then gives every page's key."""

    def __init__(self) -> None:
        self._laid_out: list[dict[str, int]] = []  # per page, how many codes each font had by its end
        self._layout_end: dict[str, int] = {}
        self._codes: list[str] = []

    def page_laid_out(self, canvas: Any) -> None:
        self._laid_out.append(_counts(canvas))

    def layout_done(self, canvas: Any) -> None:
        """Codes handed out from here on are the footers' ('Page N of M'), drawn as the pages are written."""
        self._layout_end = _counts(canvas)

    def page_written(self, canvas: Any) -> None:
        self._codes.append(page_code(canvas))

    def keys(self, canvas: Any) -> list[str]:
        fonts, states = font_codes(canvas), graphics_states(canvas)
        return [_key(code, laid_out, self._layout_end, fonts, states)
                for code, laid_out in zip(self._codes, self._laid_out)]


def _counts(canvas: Any) -> dict[str, int]:
    return {internal: len(codes) for internal, (_, codes) in font_codes(canvas).items()}


def _key(code: str, laid_out: dict[str, int], layout_end: dict[str, int],
         fonts: dict[str, tuple[str, tuple[int, ...]]], states: dict[str, tuple]) -> str:
    """A page's codes are those handed out by the end of its layout, or after all layout (its footer's)."""
    used = sorted(set(_NAMES.findall(code)))
    meaning: list[tuple] = []
    for name in used:
        if name in fonts:
            font, codes = fonts[name]
            meaning.append((name, font, codes[:laid_out.get(name, 0)], codes[layout_end.get(name, 0):]))
        elif name in states:
            meaning.append((name, states[name]))
    return hashlib.sha256(repr((code, meaning)).encode()).hexdigest()[:24]
