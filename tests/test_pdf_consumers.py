"""Every PDF the suite built, checked by readers other than the library that wrote it.

qpdf's structural check (through pikepdf), Ghostscript as the print path, pypdf in
strict mode, PDFium rendering every page; every font embedded; no replacement
characters where a glyph was missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pikepdf
import pypdfium2
import pytest
from conftest import PDF_CORPUS, SHIPPED_LAYOUTS, STARTER_TRANSLATIONS, STARTER_WORKSHEETS, fonts_of
from pypdf import PdfReader

from generator.app.caches import Caches
from generator.app.pipeline import build_bundle, build_handout
from generator.resolve.options import Options

GHOSTSCRIPT = ["gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-dPDFSTOPONERROR", "-dPDFSTOPONWARNING",
               "-sDEVICE=nullpage"]


def problems_of(path: Path) -> list[str]:
    found = []
    with pikepdf.open(path) as pdf:
        found += [f"qpdf: {problem}" for problem in pdf.check_pdf_syntax()]
    reader = PdfReader(path, strict=True)
    text = "".join(page.extract_text() for page in reader.pages)
    if "\ufffd" in text:
        found.append("a character was printed as a missing glyph")
    document = pypdfium2.PdfDocument(path)
    if len(document) != len(reader.pages):
        found.append("PDFium and pypdf disagree on the page count")
    for page in document:
        page.render(scale=0.25)
    document.close()
    unembedded = [name for name, embedded in fonts_of(path.read_bytes()) if not embedded]
    if unembedded:
        found.append(f"fonts not embedded: {unembedded}")
    return found


def printed_by_ghostscript(path: Path) -> list[str]:
    run = subprocess.run([*GHOSTSCRIPT, str(path)], capture_output=True, text=True, timeout=120)
    if run.returncode != 0 or run.stdout.strip() or run.stderr.strip():
        return [f"ghostscript: exit {run.returncode}: {(run.stdout + run.stderr).strip()[:300]}"]
    return []


def build_shipped() -> None:
    """Every shipped worksheet in every layout and paper, and the English ones as a booklet, so that the check
    has the shipped handouts to read even when it runs alone. They join the corpus as they are built."""
    caches = Caches()
    for worksheet in [*STARTER_WORKSHEETS, *STARTER_TRANSLATIONS]:
        for layout in SHIPPED_LAYOUTS:
            for paper in ("letter", "a4"):
                build_handout(worksheet, Options(layout=layout.stem, paper=paper), caches)
    build_bundle(STARTER_WORKSHEETS, Options(), caches)


@pytest.mark.after_all
def test_every_pdf_the_suite_built_passes_every_independent_reader():
    if os.environ.get("CI") and not shutil.which("gs"):
        pytest.fail("CI must have Ghostscript: .ci/run installs it")
    build_shipped()
    pdfs = sorted(PDF_CORPUS.glob("*.pdf"))
    assert len(pdfs) >= len(STARTER_WORKSHEETS) * len(SHIPPED_LAYOUTS)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:  # Ghostscript runs in its own processes
        printed = pool.map(printed_by_ghostscript, pdfs) if shutil.which("gs") else [[] for _ in pdfs]
        results = {path: problems_of(path) for path in pdfs}  # PDFium is not thread-safe: one at a time
        for path, found in zip(pdfs, printed):
            results[path] += found
    failures = {path.name: found for path, found in results.items() if found}
    assert failures == {}, f"{len(failures)} of {len(pdfs)} PDFs failed"
