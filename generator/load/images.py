"""Illustrations and logos checked before anything is drawn: where they are, what they are, how big."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

from ..model import limits
from .locate import project_root
from .source import Origin, display_path

PRINTABLE_FORMATS = {"PNG", "JPEG", "GIF"}
ALLOW_OPTION = "--allow-outside-files"


def find_image(name: str, origin: Origin, field: str, allow_outside: bool) -> tuple[Path | None, str]:
    """The image a file names (relative to that file), or None and what is wrong with it."""
    base = origin.base_dir((field,))
    path = base / name
    if not allow_outside:
        why = _escapes(name, path, base)
        if why:
            return None, why
    if path.is_dir():
        return None, f"'{name}' is a folder, not an image file"
    if not path.is_file():
        return None, f"{field} not found: '{name}' (looked in {display_path(path.parent)})"
    return (path, "") if not (why := check_image(path, name)) else (None, why)


def _escapes(name: str, path: Path, base: Path) -> str:
    root = project_root(base)
    if Path(name).is_absolute():
        return f"'{name}' is an absolute path; give it relative to this file, or allow it with {ALLOW_OPTION}"
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return f"'{name}' is outside the project folder; move it inside, or allow it with {ALLOW_OPTION}"
    return ""


def check_image(path: Path, name: str) -> str:
    """What is wrong with the image file, or ''."""
    from PIL import Image, UnidentifiedImageError  # only when there is an image to look at

    limit = limits.current()
    size = path.stat().st_size
    if size > limit.image_mb * 1_000_000:
        return limits.over(f"'{name}'", limits.megabytes(size), "image_mb", limit.image_mb, " MB", "make the file smaller")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                kind = image.format
                if width * height > limit.image_megapixels * 1_000_000:
                    return _too_many_pixels(name, width, height, limit.image_megapixels)
                image.verify()  # reads the whole file: a truncated or damaged one fails here, not mid-page
    except Image.DecompressionBombError as exc:  # Pillow's own guard, for sizes far past ours; it tells the pixel count
        pixels = re.search(r"\((\d+) pixels\)", str(exc))
        amount = f"{int(pixels.group(1)) / 1_000_000:,.0f} megapixels" if pixels else "far too many pixels"
        return limits.over(f"'{name}'", amount, "image_megapixels", limit.image_megapixels, " megapixels", "scale it down")
    except UnidentifiedImageError:
        return f"'{name}' is not an image this tool can print; use a PNG, JPEG or GIF file"
    except Exception:  # Pillow raises many kinds of error for a damaged file
        return f"'{name}' is damaged or cut short; save it again as PNG, JPEG or GIF"
    if kind not in PRINTABLE_FORMATS:
        return f"'{name}' is a {kind} image; use a PNG, JPEG or GIF file"
    return ""


def _too_many_pixels(name: str, width: int, height: int, limit: float) -> str:
    amount = f"{width:,} × {height:,} pixels"
    return limits.over(f"'{name}'", amount, "image_megapixels", limit, " megapixels", "scale it down")
