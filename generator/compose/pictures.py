"""Decoded pictures as ReportLab draws them."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from reportlab.lib.utils import ImageReader


class PictureReaders:
    """One ImageReader per decoded picture, kept with it: a batch draws the same illustrations again and again,
    and a reader converts its pixels once."""

    KEPT = 64  # the least recently used reader goes first past this many

    def __init__(self) -> None:
        self._readers: dict[int, tuple[Any, ImageReader]] = {}

    def readers(self, images: Mapping[Path, Any]) -> dict[Path, ImageReader]:
        return {path: self._reader(path, image) for path, image in images.items()}

    def _reader(self, path: Path, image: Any) -> ImageReader:
        kept = self._readers.pop(id(image), None)
        if kept is None or kept[0] is not image:
            # A JPEG goes into the PDF as the file's own bytes, which ReportLab does only when it reads the file
            # itself (it looks at the header, it does not decode again); other pictures as the decoded pixels.
            kept = (image, ImageReader(str(path)) if image.format == "JPEG" else ImageReader(image))
        self._readers[id(image)] = kept
        while len(self._readers) > self.KEPT:
            del self._readers[next(iter(self._readers))]
        return kept[1]
