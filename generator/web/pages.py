"""A handout's pages as small PNG images for the page's preview, drawn by PDFium as `worksheet preview` does."""

from __future__ import annotations

import base64
from io import BytesIO

from ..app.raster import page_pngs

PREVIEW_DPI = 60


def png_bytes(image) -> bytes:
    """PNG with the fastest compression: these images go to a browser on the same machine, never to disk."""
    buffer = BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def page_images(pdf: bytes, dpi: int = PREVIEW_DPI) -> list[str]:
    """Every page as a data: URL, the first page first; greyscale, which is what a handout mostly is, is
    not assumed: colours are kept."""
    return [_data_url(png) for png in page_pngs(pdf, dpi, fast=True)]


def _data_url(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
