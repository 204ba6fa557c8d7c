"""TrueType fonts: registered once, on first use, and asked which characters they can draw."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ..errors import BuildError
from ..model.layout import Fonts


@dataclass(frozen=True)
class FontFamily:
    """The registered names of a layout's four faces; embedded, subset, in every PDF."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


@lru_cache(maxsize=None)
def _register(path: str) -> TTFont:
    # The name hashes the path so that two different files called "Sans.ttf" never collide.
    name = f"{Path(path).stem}-{hashlib.sha1(path.encode()).hexdigest()[:8]}"
    try:
        font = TTFont(name, path)
    except (TTFError, OSError) as exc:
        raise BuildError(f"{path}: cannot use this font: {exc}") from None
    pdfmetrics.registerFont(font)
    return font


def family(fonts: Fonts) -> FontFamily:
    faces = FontFamily(*(_register(getattr(fonts, face)).fontName for face in ("regular", "bold", "italic", "bold_italic")))
    addMapping(faces.regular, 0, 0, faces.regular)
    addMapping(faces.regular, 1, 0, faces.bold)
    addMapping(faces.regular, 0, 1, faces.italic)
    addMapping(faces.regular, 1, 1, faces.bold_italic)
    return faces


def coverage(fonts: Fonts) -> frozenset[int]:
    """The characters every face of the family can draw."""
    faces = [set(_register(getattr(fonts, face)).face.charToGlyph) for face in ("regular", "bold", "italic", "bold_italic")]
    return frozenset(set.intersection(*faces))
