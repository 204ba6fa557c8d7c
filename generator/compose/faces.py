"""A layout's four faces by the names styles and ReportLab know them, mapped so that <b> and <i> find them.

Nothing is read from the font files here; render/fonts.py reads and registers them under these names.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from reportlab.lib.fonts import addMapping

from ..base.record import Record
from ..model.choices import FACES
from ..model.layout import Fonts


class FontFamily(Record):
    regular: str
    bold: str
    italic: str
    bold_italic: str


def face_name(path: str) -> str:
    # The name hashes the path so that two different files called "Sans.ttf" never collide.
    return f"{Path(path).stem}-{hashlib.sha1(path.encode()).hexdigest()[:8]}"


def family(fonts: Fonts) -> FontFamily:
    """The family's names, mapped so that <b> and <i> find their faces."""
    faces = FontFamily(**{face: face_name(getattr(fonts, face)) for face in FACES})
    addMapping(faces.regular, 0, 0, faces.regular)
    addMapping(faces.regular, 1, 0, faces.bold)
    addMapping(faces.regular, 0, 1, faces.italic)
    addMapping(faces.regular, 1, 1, faces.bold_italic)
    return faces
