"""Images decoded for drawing."""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image
from reportlab.lib.utils import ImageReader


def decoded(path: Path) -> ImageReader:
    """The image, fully decoded now so that a damaged file fails here rather than mid-page.

    Its size was checked against the pixel limit when the file was named, so Pillow's own
    warning about large images (which a raised limit can trigger) says nothing new.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        reader = ImageReader(str(path))
        reader.getRGBData()
    return reader
