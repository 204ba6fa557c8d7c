"""Small pictures of library exercises for the page's list: the figure drawn alone, or the picture file."""

from __future__ import annotations

from pathlib import Path

from ..app.caches import Caches
from ..app.figures import figure_pdf, figure_pngs
from ..model.limits import Limits
from ..resolve.options import Options
from .pages import png_bytes

THUMB_PIXELS = (160, 120)
LARGE_PIXELS = (640, 480)  # a picture file in an exercise's detail view


def figure_thumbnail(exercise_id: str, options: Options, caches: Caches, width_mm: float, dpi: int) -> bytes:
    """The figure as `worksheet figure --png` draws it, at thumbnail size."""
    pdf = figure_pdf([exercise_id], options, caches, width_mm)
    return figure_pngs(pdf, [exercise_id], dpi)[exercise_id]


def photo_thumbnail(path: Path, limits: Limits, pixels: tuple[int, int] = THUMB_PIXELS) -> bytes:
    """The exercise's picture file shrunk to fit ``pixels``, refused over the image size limit."""
    from PIL import Image

    if path.stat().st_size > limits.image_mb * 1_000_000:
        raise ValueError("picture file over the size limit")
    with Image.open(path) as image:
        if image.width * image.height > limits.image_megapixels * 1_000_000:
            raise ValueError("picture over the pixel limit")
        image.thumbnail(pixels)
        return _png(image.convert("RGB"))


def blank() -> bytes:
    """An empty light box, as the handout prints where an exercise has no picture."""
    from PIL import Image

    return _png(Image.new("RGB", THUMB_PIXELS, (240, 240, 240)))


def _png(image) -> bytes:
    return png_bytes(image)
