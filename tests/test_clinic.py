"""The clinic block: where it comes from, how its logo fits, and what a bad logo says."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from conftest import read_pages
from PIL import Image

import generator
from generator.base.errors import InputError

WORKSHEET = "worksheets/upper-back-trigger-points.yaml"
MM = 72 / 25.4


def clinic_file(project: Path, logo_size=(900, 300), **extra: str) -> Path:
    Image.new("RGB", logo_size, "teal").save(project / "logo.png")
    fields = {"name": "Northside Physical Therapy & Rehab", "logo": "logo.png", "accent": "'#146e5a'", **extra}
    text = "".join(f"{k}: {v}\n" for k, v in fields.items()) + "lines:\n  - 12 Example Street\n  - '(555) 010-0199'\n"
    (project / "clinic.yaml").write_text(text, encoding="utf-8")
    return project / "clinic.yaml"


@pytest.mark.parametrize("size", [(900, 300), (300, 900), (4000, 4000)])
def test_the_logo_keeps_its_shape_and_fits_its_box(project: Path, size):
    data = generator.build_bytes(WORKSHEET, clinic=clinic_file(project, size))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        (logo,) = pdf.pages[0].images
        assert not pdf.pages[1].images
    assert logo["width"] <= 40 * MM + 0.01 and logo["height"] <= 16 * MM + 0.01
    assert logo["width"] / logo["height"] == pytest.approx(size[0] / size[1], rel=0.01)
    assert max(logo["width"] / (40 * MM), logo["height"] / (16 * MM)) == pytest.approx(1.0, rel=0.01)


def test_page_one_carries_the_clinic_block_and_later_pages_its_name_small(project: Path):
    pages = read_pages(generator.build_bytes(WORKSHEET, clinic=clinic_file(project)))
    first = " ".join(pages[0].text.split())
    assert "Northside Physical Therapy & Rehab" in first and "12 Example Street" in first and "(555) 010-0199" in first
    for page in pages[1:]:
        assert "Northside Physical Therapy & Rehab" in page.text and "12 Example Street" not in page.text


def test_the_clinic_from_the_command_line_wins_over_the_worksheet_which_wins_over_the_layout(project: Path, run):
    layout = project / "layouts/standard.yaml"
    layout.write_text(layout.read_text() + "clinic:\n  name: Layout Clinic\n")
    assert "Layout Clinic" in read_pages(generator.build_bytes(WORKSHEET))[0].text
    worksheet = project / WORKSHEET
    worksheet.write_text(worksheet.read_text() + "clinic:\n  name: Worksheet Clinic\n")
    assert "Worksheet Clinic" in read_pages(generator.build_bytes(WORKSHEET))[0].text
    clinic_file(project)
    assert run("build", WORKSHEET, "--clinic", "clinic.yaml", "-o", "c.pdf").exit_code == 0
    text = read_pages((project / "c.pdf").read_bytes())[0].text
    assert "Northside" in text and "Worksheet Clinic" not in text


def test_the_clinic_accent_colours_the_headings(project: Path):
    data = generator.build_bytes(WORKSHEET, clinic=clinic_file(project))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        title_char = next(c for c in pdf.pages[0].chars if c["text"] == "E" and c["size"] > 18)
    assert tuple(round(v * 255) for v in title_char["non_stroking_color"]) == (0x14, 0x6E, 0x5A)


def test_a_missing_logo_is_a_located_error(project: Path):
    path = clinic_file(project, logo="missing.png")
    with pytest.raises(InputError) as caught:
        generator.build_bytes(WORKSHEET, clinic=path)
    assert caught.value.message == "clinic.yaml:2:7: logo: logo not found: 'missing.png' (looked in .)"


def test_an_unreadable_logo_is_a_located_error(project: Path):
    path = clinic_file(project)
    (project / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\ntruncated")
    with pytest.raises(InputError) as caught:
        generator.build_bytes(WORKSHEET, clinic=path)
    assert caught.value.message == (
        "clinic.yaml:2:7: logo: 'logo.png' is damaged or cut short; save it again as PNG, JPEG or GIF")


@pytest.mark.parametrize("layout", ["standard", "large-print"])
def test_a_running_header_never_wraps_a_long_clinic_name_or_title_is_shortened(project: Path, layout: str):
    long_name = "Northside Physical Therapy, Sports Injury and Hand Rehabilitation Centre of the Valley"
    data = generator.build_bytes(WORKSHEET, layout=layout, clinic=clinic_file(project, name=f"'{long_name}'"))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages[1:]:
            rule = min(line["top"] for line in page.lines if line["x1"] - line["x0"] > page.width * 0.6)
            above = [word for word in page.extract_words() if word["bottom"] < rule]
            assert len({round(word["top"]) for word in above}) == 1  # one line over the rule
            text = " ".join(word["text"] for word in above)
            assert text.endswith("…") and long_name not in text and "Northside Physical" in text
    assert long_name in " ".join(read_pages(data)[0].text.split())  # page one's clinic block says it whole
