"""Dosages in plain words, and whose disclaimer is printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import read_pages

import generator
from generator.compose.wording import dosage_columns, seconds_words
from generator.model import Dosage


@pytest.mark.parametrize("seconds, words", [(5, "5 s"), (30, "30 s"), (60, "1 min"), (90, "1 min 30 s"), (120, "2 min")])
def test_seconds_in_plain_words(seconds, words):
    assert seconds_words(seconds) == words


def test_only_the_dosage_fields_given_are_shown_in_order():
    assert dosage_columns(Dosage(hold_seconds=30, sets=3)) == [("Sets", "3"), ("Hold", "30 s")]
    assert dosage_columns(Dosage(per_day=2, side="each", rest_seconds=10, reps=12, duration_seconds=60)) == [
        ("Reps", "12"), ("Time", "1 min"), ("Rest", "10 s"), ("How often", "2× a day"), ("Side", "each side")]
    assert dosage_columns(Dosage(per_week=3)) == [("How often", "3× a week")]
    assert dosage_columns(Dosage(per_day=1, per_week=5)) == [("How often", "1× a day, 5 days a week")]
    assert dosage_columns(Dosage()) == []


def test_an_entry_overrides_only_the_dosage_fields_it_names():
    base = Dosage(sets=2, reps=10, hold_seconds=5, side="each")
    assert base.overridden_by(Dosage(hold_seconds=30)) == Dosage(sets=2, reps=10, hold_seconds=30, side="each")


def test_the_worksheet_disclaimer_wins_over_the_layout_which_wins_over_the_default(project: Path):
    worksheet = project / "worksheets/upper-back-trigger-points.yaml"
    layout = project / "layouts/standard.yaml"
    layout.write_text(layout.read_text().replace("  # disclaimer: Your own", "  disclaimer: Clinic wording & more.\n  # x"))
    assert "Clinic wording & more." in read_pages(generator.build_bytes(worksheet))[-1].text
    worksheet.write_text(worksheet.read_text() + "disclaimer: 'Our own words <here>.'\n")
    pages = read_pages(generator.build_bytes(worksheet))
    assert all("Our own words <here>." in page.text and "Clinic wording" not in page.text for page in pages)
