"""Pages as PNG images, drawn by a real PDF engine (PDFium), for looking at a handout without printing it."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from ..base.errors import BuildError, Problem
from ..resolve.options import Options
from .caches import Caches
from .output import write_atomically
from .pipeline import build_handout

POINTS_PER_INCH = 72


def preview(worksheet: Path, directory: Path, dpi: int = 100, options: Options = Options(), first: int = 1,
            last: int | None = None, caches: Caches | None = None) -> tuple[list[Path], tuple[Problem, ...]]:
    """Render pages ``first``..``last`` (all by default) to ``directory/page-NN.png``: the paths written, and
    the handout's warnings."""
    try:
        import pypdfium2
    except ImportError:
        raise BuildError("preview needs pypdfium2: pip install 'worksheet-generator[preview]'") from None
    result = build_handout(worksheet, options, caches)
    pdf = pypdfium2.PdfDocument(result.pdf)
    written = []
    for number, page in enumerate(pdf, start=1):
        if number < first or (last is not None and number > last):
            continue
        image = page.render(scale=dpi / POINTS_PER_INCH).to_pil()
        buffer = BytesIO()
        image.save(buffer, format="PNG", optimize=True)
        path = directory / f"page-{number:02d}.png"
        write_atomically(path, buffer.getvalue())
        written.append(path)
    pdf.close()
    return written, result.warnings
