"""PDF pages drawn as PNG images by a real PDF engine (PDFium)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Container
from io import BytesIO

from ..base.errors import BuildError

POINTS_PER_INCH = 72

# PDFium keeps process-wide state and is not thread-safe, not even across separate documents: two threads
# drawing at once (the web page's thumbnails and its preview) crash the process. The state it guards is the
# process's, so the lock is too, rather than one per caller that would not keep two callers apart.
_PDFIUM = threading.Lock()


def page_pngs(pdf: bytes, dpi: float, pages: Container[int] | None = None) -> list[bytes]:
    """Each page numbered in ``pages`` (1 = first; all by default) as PNG bytes, in page order."""
    return _drawn(pdf, dpi, pages, {"format": "PNG", "optimize": True})


def page_jpegs(pdf: bytes, dpi: float, pages: Container[int] | None = None,
               before_each: Callable[[], None] | None = None) -> list[bytes]:
    """As ``page_pngs``, as JPEG: some eight times quicker to make than a PNG, for images that go to a
    browser on the same machine; at quality 92 with colours at full resolution, type looks the same.
    ``before_each`` is called before each page is drawn (a Deadline's check, to stop between pages)."""
    return _drawn(pdf, dpi, pages, {"format": "JPEG", "quality": 92, "subsampling": 0}, before_each)


def stop_drawing(seconds: float) -> bool:
    """Wait up to ``seconds`` for a page being drawn, then let no thread start another: a process must not
    exit while a thread left behind is inside PDFium, which then crashes it. True when none was drawing."""
    return _PDFIUM.acquire(timeout=seconds)


def _drawn(pdf: bytes, dpi: float, pages: Container[int] | None, encoding: dict,
           before_each: Callable[[], None] | None = None) -> list[bytes]:
    try:
        import pypdfium2
    except ImportError:
        raise BuildError("drawing pages as PNG needs pypdfium2: pip install 'worksheet-generator[preview]'") \
            from None
    images = []
    with _PDFIUM:
        document = pypdfium2.PdfDocument(pdf)
        try:
            for number in range(1, len(document) + 1):
                if pages is not None and number not in pages:
                    continue
                if before_each is not None:
                    before_each()
                images.append(_encoded(document[number - 1], dpi / POINTS_PER_INCH, encoding))
        finally:
            document.close()
    return images


def _encoded(page, scale: float, encoding: dict) -> bytes:
    """Pixels are encoded while the page and its bitmap are still open: the image shares the bitmap's memory,
    and closing them here, under the lock, keeps their clean-up out of another thread's garbage collection."""
    bitmap = page.render(scale=scale)
    try:
        buffer = BytesIO()
        bitmap.to_pil().save(buffer, **encoding)
        return buffer.getvalue()
    finally:
        bitmap.close()
        page.close()
