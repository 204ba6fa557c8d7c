"""Shared fixtures: a scratch copy of the project, and readers for the PDFs it builds."""

from __future__ import annotations

import hashlib
import io
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from generator.cli.main import main
from generator.render import typesetter

ROOT = Path(__file__).resolve().parent.parent
ALL_WORKSHEETS = sorted((ROOT / "worksheets").glob("*.yaml"))  # every shipped worksheet, in English
ALL_TRANSLATIONS = [path for path in sorted((ROOT / "worksheets").glob("*/*.yaml"))  # worksheets/es/...
                    if path.parent.name != "exercises"]
# The starter set, on upper-back pain, is proved in every layout, paper and language, bilingual copies and
# bundles included; the programs for common presentations beside it, in every layout on Letter and A4 in
# English and Spanish (tests/test_programs.py), which keeps the whole run well inside CI's time.
STARTER = ("between-shoulder-blades", "neck-and-upper-back-knots", "upper-back-trigger-points")
STARTER_WORKSHEETS = [path for path in ALL_WORKSHEETS if path.stem in STARTER]
STARTER_TRANSLATIONS = [path for path in ALL_TRANSLATIONS if path.stem in STARTER]
PROGRAM_WORKSHEETS = [path for path in ALL_WORKSHEETS if path.stem not in STARTER]
PROGRAM_TRANSLATIONS = [path for path in ALL_TRANSLATIONS if path.stem not in STARTER]
SHIPPED_LAYOUTS = sorted((ROOT / "layouts").glob("*.yaml"))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped worksheets, library and layouts, as the working directory."""
    shutil.copytree(ROOT / "worksheets", tmp_path / "worksheets")
    shutil.copytree(ROOT / "layouts", tmp_path / "layouts")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def starter_only(project: Path) -> Path:
    """The project copy with only the starter set's worksheets (English and Spanish), for tests that count
    what a batch or a completion finds among them."""
    for path in [*PROGRAM_WORKSHEETS, *PROGRAM_TRANSLATIONS]:
        (project / path.relative_to(ROOT)).unlink()
    return project


@pytest.fixture
def run():
    """Run the CLI in-process; stdout and stderr kept apart."""

    def invoke(*args: str):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class PdfPage:
    width: float
    height: float
    text: str  # pypdf's extraction, in drawing order
    words: list[Word]  # pdfplumber's, with positions
    rules: list[float]  # tops of horizontal lines, from the page's top edge


def read_pages(data: bytes) -> list[PdfPage]:
    """Every page's size, text, word boxes and horizontal rules, as a reader sees them."""
    pages = []
    texts = [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page, text in zip(pdf.pages, texts):
            words = [Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"]) for w in page.extract_words()]
            rules = [line["top"] for line in page.lines if abs(line["top"] - line["bottom"]) < 0.5]
            pages.append(PdfPage(float(page.width), float(page.height), text, words, rules))
    return pages


def fonts_of(data: bytes) -> list[tuple[str, bool]]:
    """(base font name, embedded?) for every font any page uses."""
    found = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"])] = embedded
    return sorted(found.items())


# Every PDF the suite builds in this process (and in forked batch workers) is kept, so that independent
# readers can check them all at the end: see test_pdf_consumers.py.
PDF_CORPUS = Path(tempfile.mkdtemp(prefix="worksheet-pdf-corpus-"))


def _recording(typeset):
    def record(*args, **kwargs):
        rendered = typeset(*args, **kwargs)
        path = PDF_CORPUS / f"{hashlib.sha256(rendered.data).hexdigest()[:24]}.pdf"
        if not path.exists():
            path.write_bytes(rendered.data)
        return rendered

    return record


typesetter.typeset = _recording(typesetter.typeset)


def pytest_collection_modifyitems(config, items):
    """The checks of the PDF corpus run last, once every other test has added to it."""
    items.sort(key=lambda item: item.get_closest_marker("after_all") is not None)


def pytest_configure(config):
    config.addinivalue_line("markers", "after_all: runs after every other test")
