"""Files no one should have to handle, made on the fly: each gets its exact one-line message."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

WORKSHEET = """\
title: Hostile
exercises:
  - exercise:
      name: Wall slide
      position: standing
      steps: [Stand tall.]
      illustration: {image}
"""
WHERE = "worksheets/hostile.yaml:7:21: exercises[0].exercise.illustration: "


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge picture: a decompression bomb's calling card."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def real_png(path: Path, size=(40, 30)) -> bytes:
    Image.new("RGB", size, "teal").save(path)
    return path.read_bytes()


def make_directory(folder: Path) -> str:
    (folder / "picture.png").mkdir()
    return "picture.png"


def make_truncated(folder: Path) -> str:
    data = real_png(folder / "whole.png", (300, 200))
    (folder / "picture.png").write_bytes(data[: len(data) // 2])
    return "picture.png"


def make_junk(folder: Path) -> str:
    (folder / "picture.png").write_bytes(os.urandom(5000))
    return "picture.png"


def make_bomb(folder: Path) -> str:
    (folder / "picture.png").write_bytes(png_claiming(100_000, 100_000))
    return "picture.png"


def make_huge(folder: Path) -> str:
    Image.new("1", (10_000, 10_000)).save(folder / "picture.png")
    return "picture.png"


def make_svg(folder: Path) -> str:
    (folder / "picture.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    return "picture.svg"


def make_symlink_out(folder: Path) -> str:
    outside = folder.parent.parent / "outside.png"
    real_png(outside)
    (folder / "picture.png").symlink_to(outside)
    return "picture.png"


def make_bmp(folder: Path) -> str:
    Image.new("RGB", (20, 20)).save(folder / "picture.bmp")
    return "picture.bmp"


CASES = {
    "a folder": (make_directory, "'picture.png' is a folder, not an image file"),
    "truncated PNG": (make_truncated, "'picture.png' is damaged or cut short; save it again as PNG, JPEG or GIF"),
    "random bytes": (make_junk, "'picture.png' is not an image this tool can print; use a PNG, JPEG or GIF file"),
    "decompression bomb": (make_bomb, "'picture.png' is 10,000 megapixels, more than the limit of 25 megapixels; "
                                      "scale it down, or set WORKSHEET_MAX_IMAGE_MEGAPIXELS to raise the limit"),
    "10,000 × 10,000 pixels": (make_huge, "'picture.png' is 10,000 × 10,000 pixels, more than the limit of 25 megapixels; "
                                          "scale it down, or set WORKSHEET_MAX_IMAGE_MEGAPIXELS to raise the limit"),
    "SVG": (make_svg, "'picture.svg' is not an image this tool can print; use a PNG, JPEG or GIF file"),
    "BMP": (make_bmp, "'picture.bmp' is a BMP image; use a PNG, JPEG or GIF file"),
    "symlink out of the project": (make_symlink_out, "'picture.png' is outside the project folder; move it inside, "
                                                     "or allow it with --allow-outside-files"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_bad_illustration_gets_its_exact_message(case: str, project: Path, run):
    make, message = CASES[case]
    image = make(project / "worksheets")
    (project / "worksheets/hostile.yaml").write_text(WORKSHEET.format(image=image))
    result = run("build", "worksheets/hostile.yaml")
    assert (result.exit_code, result.stderr) == (1, WHERE + message + "\n")
    assert not (project / "out").exists()


def test_outside_files_are_used_when_allowed(project: Path, run):
    make_symlink_out(project / "worksheets")
    (project / "worksheets/hostile.yaml").write_text(WORKSHEET.format(image="picture.png"))
    assert run("build", "worksheets/hostile.yaml", "--allow-outside-files").exit_code == 0


def test_a_50_megabyte_worksheet_is_refused_before_it_is_read(project: Path, run):
    path = project / "worksheets/huge.yaml"
    with path.open("w") as file:
        file.write("title: Huge\nexercises: [chin-tuck]\nintro: >\n")
        line = "  " + "word " * 19 + "\n"
        for _ in range(50_000_000 // len(line)):
            file.write(line)
    result = run("build", "worksheets/huge.yaml")
    assert result.exit_code == 1
    assert result.stderr == ("worksheets/huge.yaml: file is 50.0 MB, more than the limit of 2 MB; split it into "
                             "smaller files, or set WORKSHEET_MAX_YAML_MB to raise the limit\n")


def test_limits_are_raised_by_their_environment_variable(project: Path, run, monkeypatch):
    make_huge(project / "worksheets")
    (project / "worksheets/hostile.yaml").write_text(WORKSHEET.format(image="picture.png"))
    monkeypatch.setenv("WORKSHEET_MAX_IMAGE_MEGAPIXELS", "120")
    assert run("build", "worksheets/hostile.yaml").exit_code == 0


def test_a_huge_clients_csv_is_refused(project: Path, run):
    path = project / "clients.csv"
    with path.open("w") as file:
        file.write("client,worksheet\n")
        row = "Someone,neck-and-upper-back-knots\n"
        for _ in range(21_000_000 // len(row)):
            file.write(row)
    result = run("batch", "--clients", "clients.csv")
    assert result.exit_code == 1
    assert result.stderr.startswith("clients.csv: file is 21.0 MB, more than the limit of 20 MB;")


def test_a_csv_cell_past_the_csv_readers_limit_is_one_line(project: Path, run):
    (project / "clients.csv").write_text("client,worksheet\nAda," + "x" * 200_000 + "\n")
    result = run("batch", "--clients", "clients.csv")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert result.stderr == "clients.csv:2:1: cannot read the CSV: field larger than field limit (131072)\n"
