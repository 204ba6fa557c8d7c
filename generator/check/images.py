"""Illustrations and logos decoded before anything is drawn: a damaged, huge or unprintable file is a located
problem here, never a failure mid-page. Each file is decoded once and the picture kept for drawing."""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

from ..model.limits import Limits, megabytes, over

PRINTABLE_FORMATS = {"PNG", "JPEG", "GIF"}


class DecodedImages:
    """Decoded pictures by file, kept while the file is unchanged: a batch prints the same ones again and again.

    At most ``kept`` are kept, the least recently used going first; none when only checking.
    """

    def __init__(self, kept: int = 64) -> None:
        self.kept = kept
        self._decoded: dict[tuple, tuple[Any, str]] = {}

    def __len__(self) -> int:
        """How many files have been decoded."""
        return len(self._decoded)

    def decode(self, path: Path, name: str, limits: Limits) -> tuple[Any, str]:
        """The decoded picture (a Pillow image), or None and what is wrong with the file, said of ``name``."""
        stat = path.stat()
        key = (path.resolve(), stat.st_mtime_ns, stat.st_size, limits.image_mb, limits.image_megapixels, name)
        found = self._decoded.pop(key, None) or _decode(path, name, stat.st_size, limits)
        if self.kept:
            self._decoded[key] = found  # last in the order: the most recently used
            while len(self._decoded) > self.kept:
                del self._decoded[next(iter(self._decoded))]
        return found


def _decode(path: Path, name: str, size: int, limits: Limits) -> tuple[Any, str]:
    from PIL import Image, UnidentifiedImageError  # only when there is an image to look at

    if size > limits.image_mb * 1_000_000:
        return None, over(f"'{name}'", megabytes(size), "image_mb", limits.image_mb, " MB", "make the file smaller")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(path)
            width, height = image.size
            if width * height > limits.image_megapixels * 1_000_000:
                image.close()
                return None, _too_many_pixels(name, width, height, limits.image_megapixels)
            if image.format not in PRINTABLE_FORMATS:
                image.close()
                return None, f"'{name}' is a {image.format} image; use a PNG, JPEG or GIF file"
            image.load()  # every pixel: a truncated or damaged file fails here, not mid-page
    except Image.DecompressionBombError as exc:  # Pillow's own guard, for sizes far past ours; it tells the pixel count
        pixels = re.search(r"\((\d+) pixels\)", str(exc))
        amount = f"{int(pixels.group(1)) / 1_000_000:,.0f} megapixels" if pixels else "far too many pixels"
        return None, over(f"'{name}'", amount, "image_megapixels", limits.image_megapixels, " megapixels",
                          "scale it down")
    except UnidentifiedImageError:
        return None, f"'{name}' is not an image this tool can print; use a PNG, JPEG or GIF file"
    except Exception:  # Pillow raises many kinds of error for a damaged file
        return None, f"'{name}' is damaged or cut short; save it again as PNG, JPEG or GIF"
    return image, ""


def _too_many_pixels(name: str, width: int, height: int, limit: float) -> str:
    amount = f"{width:,} × {height:,} pixels"
    return over(f"'{name}'", amount, "image_megapixels", limit, " megapixels", "scale it down")
