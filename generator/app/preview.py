"""Pages as PNG images, drawn by a real PDF engine (PDFium), for looking at a handout without printing it."""

from __future__ import annotations

from pathlib import Path

from ..base.errors import Problem
from ..resolve.options import Options
from .caches import Caches
from .output import write_atomically
from .pipeline import build_handout
from .raster import page_pngs


def preview(worksheet: Path, directory: Path, dpi: int = 100, options: Options = Options(), first: int = 1,
            last: int | None = None, caches: Caches | None = None) -> tuple[list[Path], tuple[Problem, ...]]:
    """Render pages ``first``..``last`` (all by default) to ``directory/page-NN.png``: the paths written, and
    the handout's warnings."""
    result = build_handout(worksheet, options, caches)
    wanted = range(first, min(result.pages, last or result.pages) + 1)
    written = []
    for number, png in zip(wanted, page_pngs(result.pdf, dpi, wanted)):
        path = directory / f"page-{number:02d}.png"
        write_atomically(path, png)
        written.append(path)
    return written, result.warnings
