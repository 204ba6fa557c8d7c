"""TrueType fonts read and registered with ReportLab on first need, kept by a FontBook.

A font is parsed only when a handout needs it: the italic faces serve notes alone, so a handout
without notes never reads them (each DejaVu face costs about 20 ms and 3 MiB).
"""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ..base.errors import BuildError
from ..compose.faces import face_name, family
from ..model.choices import SLANTED_FACES, UPRIGHT_FACES
from ..model.layout import Fonts


class FontBook:
    """The faces read so far, each kept while its file is unchanged.

    ReportLab's own table of registered fonts is global; a face read again after its file changed is
    registered again under the same name, replacing the old one.
    """

    def __init__(self) -> None:
        self._read: dict[str, tuple[int, int]] = {}  # path -> the file's (modified, size) when read

    def register(self, fonts: Fonts, slanted: bool) -> None:
        """Read and register the faces a handout will use: upright always, italic ones when it has notes.

        ReportLab maps a newly registered font to itself alone, so the family's mapping is laid again
        afterwards; otherwise <b> in an italic face registered late would find no bold italic.
        """
        for face in (*UPRIGHT_FACES, *(SLANTED_FACES if slanted else ())):
            self._register(getattr(fonts, face))
        family(fonts)

    def _register(self, path: str) -> None:
        stat = Path(path).stat()
        version = (stat.st_mtime_ns, stat.st_size)
        if self._read.get(path) == version:
            return
        try:
            font = TTFont(face_name(path), path)
        except (TTFError, OSError) as exc:
            raise BuildError(f"{path}: cannot use this font: {exc}") from None
        pdfmetrics.registerFont(font)
        self._read[path] = version
