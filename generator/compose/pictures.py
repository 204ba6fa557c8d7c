"""Images decoded for drawing."""

from __future__ import annotations

import warnings
from functools import lru_cache
from pathlib import Path

from PIL import Image
from reportlab.lib.utils import ImageReader


def decoded(path: Path) -> ImageReader:
    """The image, fully decoded now so that a damaged file fails here rather than mid-page.

    Its size was checked against the pixel limit when the file was named, so Pillow's own
    warning about large images (which a raised limit can trigger) says nothing new.
    """
    stat = path.stat()
    return _decoded(path.resolve(), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)  # a batch prints the same illustrations again and again: decode each once
def _decoded(path: Path, _modified: int, _size: int) -> ImageReader:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        reader = ImageReader(str(path))
        reader.getRGBData()
    return reader
