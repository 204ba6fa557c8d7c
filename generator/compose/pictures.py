"""Decoded pictures as ReportLab draws them."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from reportlab.lib.utils import ImageReader


class PictureReaders:
    """One ImageReader per decoded picture, kept with it: a batch draws the same illustrations again and again,
    and a reader converts its pixels once."""

    def __init__(self) -> None:
        self._readers: dict[int, tuple[Any, ImageReader]] = {}

    def readers(self, images: Mapping[Path, Any]) -> dict[Path, ImageReader]:
        return {path: self._reader(image) for path, image in images.items()}

    def _reader(self, image: Any) -> ImageReader:
        kept = self._readers.get(id(image))
        if kept is None or kept[0] is not image:
            kept = (image, ImageReader(image))
            self._readers[id(image)] = kept
        return kept[1]
