"""One client's handout from the command line."""

from __future__ import annotations

import re

from pathlib import Path

from conftest import read_pages
from pypdf import PdfReader

NECK = "worksheets/neck-and-upper-back-knots.yaml"


def build(run, *args: str) -> list:
    result = run("build", NECK, "-o", "client.pdf", *args)
    assert result.exit_code == 0, result.stderr
    return read_pages(Path("client.pdf").read_bytes())


def squash(text: str) -> str:
    return " ".join(text.split())


def test_client_date_clinician_and_note_print_on_page_one(project: Path, run):
    pages = build(run, "--client", "Zoë Ñúñez-Example", "--date", "2026-11-20", "--clinician", "Clinic Staff, DPT",
                  "--note", "Start with 1 set")
    first = squash(pages[0].text)
    for printed in ("Zoë Ñúñez-Example", "20 November 2026", "Clinic Staff, DPT", "For you: Start with 1 set"):
        assert printed in first
    assert all("Zoë" not in page.text for page in pages[1:])


def test_without_client_options_page_one_has_lines_to_write_on(project: Path, run):
    first = squash(build(run)[0].text)
    assert "Client:" in first and "Date:" in first and "Clinician:" in first and "For you" not in first


def test_the_pdf_metadata_says_nothing_about_the_client(project: Path, run):
    build(run, "--client", "Zoë Ñúñez-Example", "--clinician", "Clinic Staff, DPT", "--note", "Private")
    info = PdfReader("client.pdf").metadata
    assert not any(word in str(value) for value in info.values() for word in ("Zoë", "Clinic Staff", "Private"))


def test_skip_set_and_exercise_note_change_only_this_handout(project: Path, run):
    pages = build(run, "--skip", "snow-angels", "--skip", "cat-dog", "--set", "*.sets=1",
                  "--set", "chin-tuck.hold_seconds=12", "--exercise-note", "chin-tuck=Left side only")
    text = squash(" ".join(page.text for page in pages))
    assert "Snow angels" not in text and "Cat and dog" not in text
    assert "7. Prayer stretch" in text and "8. " not in text  # nine exercises less two, numbered afresh
    chin = text[text.index("3. Chin tuck"):text.index("4. Neck rotation")]
    assert "12 s" in chin and "For you: Left side only" in chin
    assert "1 set · " in chin and not re.search(r"\b([2-9]|\d\d) sets\b", text)  # every stage of every dose


def test_client_option_mistakes_name_the_option(project: Path, run):
    result = run("build", NECK, "--date", "20/11/2026", "--skip", "snow-angel", "--set", "chin-tuck.sets=two",
                 "--set", "chin-tuck.reps", "--exercise-note", "chin-tuk=hi")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "--date: expected a date like 2026-11-20, got '20/11/2026'",
        "--set chin-tuck.reps: expected chin-tuck.sets=2 or *.hold_seconds=20",
        "--set chin-tuck.sets=two: expected a whole number, got 'two'",
    ]
    result = run("build", NECK, "--skip", "snow-angel", "--exercise-note", "chin-tuk=hi")
    assert result.stderr.splitlines() == [
        "--exercise-note chin-tuk=hi: exercise 'chin-tuk' is not in this worksheet (did you mean 'chin-tuck'?)",
        "--skip snow-angel: exercise 'snow-angel' is not in this worksheet (did you mean 'snow-angels'?)",
    ]
