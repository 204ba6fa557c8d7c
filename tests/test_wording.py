"""Dosages in plain words, and whose disclaimer is printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import read_pages

import generator
from generator.compose.i18n import Catalogues
from generator.compose.wording import Words
from generator.model import Dosage


@pytest.mark.parametrize("seconds, words", [(5, "5 s"), (30, "30 s"), (60, "1 min"), (90, "1 min 30 s"), (120, "2 min")])
def test_seconds_in_plain_words(seconds, words):
    assert said_in("en").seconds_words(seconds) == words


def said_in(language: str) -> Words:
    return Words(Catalogues().language(language))


def test_only_the_dosage_fields_given_are_shown_in_order():
    dosage_columns = said_in("en").dosage_columns
    assert dosage_columns(Dosage(hold_seconds=30, sets=3)) == [("Sets", "3"), ("Hold", "30 s")]
    assert dosage_columns(Dosage(per_day=2, side="each", rest_seconds=10, reps=12, duration_seconds=60)) == [
        ("Reps", "12"), ("Time", "1 min"), ("Rest", "10 s"), ("How often", "2× a day"), ("Side", "each side")]
    assert dosage_columns(Dosage(per_week=3)) == [("How often", "3× a week")]
    assert dosage_columns(Dosage(per_day=1, per_week=5)) == [("How often", "1× a day, 5 days a week")]
    assert dosage_columns(Dosage()) == []


# Every count printed in words, for one and for two, as each language says it.
COUNTED = {
    "en": ("1 set · 1 rep · 1× a day, 1 day a week", "2 sets · 2 reps · 2× a day, 2 days a week", "1× a week",
           "2× a week"),
    "es": ("1 serie · 1 repetición · 1 vez al día, 1 día a la semana",
           "2 series · 2 repeticiones · 2 veces al día, 2 días a la semana", "1 vez a la semana",
           "2 veces a la semana"),
    "fr": ("1 série · 1 répétition · 1 fois par jour, 1 jour par semaine",
           "2 séries · 2 répétitions · 2 fois par jour, 2 jours par semaine", "1 fois par semaine",
           "2 fois par semaine"),
    "de": ("1 Satz · 1 Wiederholung · 1-mal täglich, an 1 Tag pro Woche",
           "2 Sätze · 2 Wiederholungen · 2-mal täglich, an 2 Tagen pro Woche", "1-mal pro Woche", "2-mal pro Woche"),
    "pt": ("1 série · 1 repetição · 1 vez por dia, 1 dia por semana",
           "2 séries · 2 repetições · 2 vezes por dia, 2 dias por semana", "1 vez por semana", "2 vezes por semana"),
    "it": ("1 serie · 1 ripetizione · 1 volta al giorno, 1 giorno a settimana",
           "2 serie · 2 ripetizioni · 2 volte al giorno, 2 giorni a settimana", "1 volta a settimana",
           "2 volte a settimana"),
}


@pytest.mark.parametrize("language", COUNTED)
def test_every_count_takes_the_plural_form_its_language_gives_it(language: str):
    one, two, once_a_week, twice_a_week = COUNTED[language]
    dosage_sentence = said_in(language).dosage_sentence
    assert dosage_sentence(Dosage(sets=1, reps=1, per_day=1, per_week=1)) == one
    assert dosage_sentence(Dosage(sets=2, reps=2, per_day=2, per_week=2)) == two
    assert dosage_sentence(Dosage(per_week=1)) == once_a_week
    assert dosage_sentence(Dosage(per_week=2)) == twice_a_week


@pytest.mark.parametrize("language, timed, held", [
    ("en", "For 1 min · rest 10 s", "Hold 30 s · 2× a day"),
    ("es", "Durante 1 min · descanso 10 s", "Mantener 30 s · 2 veces al día"),
    ("de", "1 min lang · 10 s Pause", "30 s halten · 2-mal täglich"),
])
def test_a_dose_line_starts_with_a_capital_in_every_language(language: str, timed: str, held: str):
    words = said_in(language)
    assert words.dosage_sentence(Dosage(duration_seconds=60, rest_seconds=10)) == timed
    assert words.dosage_sentence(Dosage(hold_seconds=30, per_day=2)) == held


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
