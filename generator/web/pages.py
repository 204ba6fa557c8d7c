"""A handout's pages as small images for the page's preview, drawn by PDFium as `worksheet preview` does."""

from __future__ import annotations

import base64
from collections.abc import Callable, Container, Sequence
from io import BytesIO

from ..app.raster import page_jpegs

PREVIEW_DPI = 60
ENLARGED_DPI = 150  # a page enlarged to read: 10 pt type some 21 pixels tall


def png_bytes(image) -> bytes:
    """PNG with the fastest compression: these images go to a browser on the same machine, never to disk."""
    buffer = BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def changed_page_images(pdf: bytes, keys: Sequence[str], held: Container[str], dpi: int = PREVIEW_DPI,
                        before_each: Callable[[], None] | None = None) -> list[str | None]:
    """Each page as a data: URL, or None for a page whose key is ``held`` (the page has its image): only
    the pages that changed are drawn. ``before_each`` is called before each page is drawn."""
    wanted = {number for number, key in enumerate(keys, 1) if key not in held}
    drawn = iter(page_jpegs(pdf, dpi, pages=wanted, before_each=before_each)) if wanted else iter(())
    return [_data_url(next(drawn)) if number in wanted else None for number in range(1, len(keys) + 1)]


def enlarged_page(pdf: bytes, number: int, dpi: int = ENLARGED_DPI,
                  before: Callable[[], None] | None = None) -> str:
    """Page ``number`` (from 1) as a data: URL, large enough to read its smallest type; ``before`` is called
    before it is drawn."""
    return _data_url(page_jpegs(pdf, dpi, pages={number}, before_each=before)[0])


def _data_url(jpeg: bytes) -> str:
    return "data:image/jpeg;base64," + base64.b64encode(jpeg).decode("ascii")
