"""TrueType fonts: named from their files, registered on first need, and asked which characters they draw.

A font is parsed only when a handout needs it: the italic faces serve notes alone, so a handout
without notes never reads them (each DejaVu face costs about 20 ms and 3 MiB).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ..base.errors import BuildError
from ..model.layout import Fonts
from ..base.record import Record

UPRIGHT = ("regular", "bold")
SLANTED = ("italic", "bold_italic")


class FontFamily(Record):
    """The names of a layout's four faces, as styles and the PDF know them."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


def face_name(path: str) -> str:
    # The name hashes the path so that two different files called "Sans.ttf" never collide.
    return f"{Path(path).stem}-{hashlib.sha1(path.encode()).hexdigest()[:8]}"


@lru_cache(maxsize=None)
def _register(path: str) -> TTFont:
    try:
        font = TTFont(face_name(path), path)
    except (TTFError, OSError) as exc:
        raise BuildError(f"{path}: cannot use this font: {exc}") from None
    pdfmetrics.registerFont(font)
    return font


def family(fonts: Fonts) -> FontFamily:
    """The family's names, mapped so that <b> and <i> find their faces; nothing is read yet."""
    faces = FontFamily(*(face_name(getattr(fonts, face)) for face in (*UPRIGHT, *SLANTED)))
    addMapping(faces.regular, 0, 0, faces.regular)
    addMapping(faces.regular, 1, 0, faces.bold)
    addMapping(faces.regular, 0, 1, faces.italic)
    addMapping(faces.regular, 1, 1, faces.bold_italic)
    return faces


def register(fonts: Fonts, slanted: bool) -> None:
    """Read and register the faces a handout will use: upright always, italic ones when it has notes.

    ReportLab maps a newly registered font to itself alone, so the family's mapping is laid again
    afterwards; otherwise <b> in an italic face registered late would find no bold italic.
    """
    for face in (*UPRIGHT, *(SLANTED if slanted else ())):
        _register(getattr(fonts, face))
    family(fonts)


def coverage(fonts: Fonts, slanted: bool = True) -> frozenset[int]:
    """The characters every face the handout uses can draw."""
    faces = (*UPRIGHT, *(SLANTED if slanted else ()))
    return frozenset(set.intersection(*(set(_register(getattr(fonts, face)).face.charToGlyph) for face in faces)))
