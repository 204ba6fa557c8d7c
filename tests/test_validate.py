"""The validation layer on its own: every kind of value, the exact message, and records that stay read-only."""

from __future__ import annotations

import datetime
import pickle
from pathlib import Path

import pytest

from generator.base.errors import InputError
from generator.load.source import parse
from generator.load.validate import check
from generator.model import Dosage, Exercise, Layout, Personal, Worksheet

STEPS = "steps: [Stand tall.]"
HEADER = f"name: Wall slide\nposition: standing\n{STEPS}\n"  # a valid exercise, for a fourth line to spoil


def problems(text: str, model=Exercise) -> list[str]:
    value, found = check(parse(text, Path("x.yaml"), "x.yaml"), model)
    assert (value is None) == bool(found)
    return [str(problem) for problem in found]


def exercise(text: str) -> Exercise:
    value, found = check(parse(HEADER + text, Path("x.yaml"), "x.yaml"), Exercise)
    assert not found, found
    return value


@pytest.mark.parametrize("value, message", [
    ("www.example.org/v", "expected a web address starting with https://, got 'www.example.org/v'"),
    ("ftp://example.org/v", "expected a web address starting with https://, got 'ftp://example.org/v'"),
    ("'https://'", "expected a web address starting with https://, got 'https://'"),
    ("'https://example.org/a b'", "expected a web address starting with https://, got 'https://example.org/a b'"),
    ("'http://[::1'", "expected a web address starting with https://, got 'http://[::1'"),
    ("12", "expected a web address starting with https://, got 12"),
])
def test_a_video_must_be_a_web_address(value: str, message: str):
    assert problems(HEADER + f"video: {value}\n") == [f"x.yaml:4:8: video: {message}"]


def test_a_web_address_is_kept_as_written():
    address = "https://example.org/videos/chin-tuck?part=1&lang=en"
    assert exercise(f"video: '{address}'").video == address


@pytest.mark.parametrize("value, expected", [("12", 12), ("'12'", 12), ("12.0", 12)])
def test_whole_numbers_may_be_written_as_text_or_with_a_zero_decimal(value: str, expected: int):
    assert exercise(f"dosage: {{reps: {value}}}").dosage.reps == expected


@pytest.mark.parametrize("value, message", [
    ("true", "expected a whole number, got true"),
    ("2.5", "expected a whole number, got 2.5"),
    ("'a dozen'", "expected a whole number, got 'a dozen'"),
    ("[1, 2]", "expected a whole number, got a list"),
    ("0", "must be at least 1, got 0"),
    ("1001", "must be at most 1000, got 1001"),
    (str(10 ** 19), f"must be at most 1000, got {10 ** 19}"),
    (str(10 ** 400), "must be at most 1000, got a number of 401 digits"),
], ids=["true", "fraction", "text", "list", "zero", "1001", "20-digits", "401-digits"])
def test_a_count_says_what_is_wrong(value: str, message: str):
    assert problems(HEADER + f"dosage: {{reps: {value}}}\n") == [f"x.yaml:4:16: dosage.reps: {message}"]


def test_numbers_are_read_as_text_where_text_is_expected():
    assert exercise("equipment: [2, 1.5]").equipment == ["2", "1.5"]


def test_text_is_stripped_and_may_not_be_blank():
    assert exercise("summary: '  Slide up.  '").summary == "Slide up."
    text = f"name: '   '\nposition: standing\n{STEPS}\n"
    assert problems(text) == ["x.yaml:1:7: name: must not be empty"]


def test_one_mapping_missing_several_fields_is_one_line():
    assert problems("summary: Slides.\n") == ["x.yaml:1:1: missing required fields 'name', 'steps'"]  # position: any, unless given


def test_a_mapping_where_a_list_is_expected():
    assert problems(HEADER + "cautions: {a: b}\n") == ["x.yaml:4:11: cautions: expected a list, got a mapping"]


def test_every_problem_in_one_file_is_reported_at_once():
    text = "name: [a]\nposition: flying\nsteps: []\nvideo: nope\ncues: x\n"
    assert len(problems(text)) == 5


@pytest.mark.parametrize("value, message", [
    ("2026-11-31", "expected a date like 2026-11-20, got '2026-11-31'"),
    ("2026-11-20 10:00:00", "expected a date like 2026-11-20, got 2026-11-20 10:00:00"),
    ("yesterday", "expected a date like 2026-11-20, got 'yesterday'"),
])
def test_a_date_must_be_a_calendar_day(value: str, message: str):
    assert problems(f"date: {value}\n", Personal) == [f"x.yaml:1:7: date: {message}"]


def test_a_date_may_be_written_as_text():
    value, found = check(parse("date: '2026-11-20'\nexercises: {chin-tuck: {note: Go easy.}}\n", Path("x.yaml"),
                               "x.yaml"), Personal)
    assert value.date == datetime.date(2026, 11, 20)
    assert value.exercises["chin-tuck"].note == "Go easy."


def test_a_switch_must_be_true_or_false():
    text = Path("layouts/standard.yaml").read_text(encoding="utf-8").replace("show:\n", "show:\n  tips: sometimes\n")
    assert problems(text, Layout)[0].endswith("show.tips: expected true or false, got 'sometimes'")


def test_an_entry_is_a_bare_id_or_a_mapping():
    value, found = check(parse("title: T\nexercises: [chin-tuck, {exercise: cat-dog, note: Slowly.}]\n", Path("x.yaml"),
                               "x.yaml"), Worksheet)
    assert not found
    assert [entry.exercise for entry in value.exercises] == ["chin-tuck", "cat-dog"]
    assert value.exercises[1].note == "Slowly."


def test_records_are_read_only_and_compared_by_value():
    dosage = Dosage(sets=2, reps=10)
    with pytest.raises(AttributeError, match="read-only"):
        dosage.sets = 3
    with pytest.raises(AttributeError, match="read-only"):
        del dosage.reps
    assert dosage == Dosage(sets=2, reps=10) and hash(dosage) == hash(Dosage(sets=2, reps=10))
    assert dosage != Dosage(sets=2, reps=12)
    assert dosage.replace(reps=12) == Dosage(sets=2, reps=12)
    assert dosage.overridden_by(Dosage(hold_seconds=5)) == Dosage(sets=2, reps=10, hold_seconds=5)


def test_records_survive_a_trip_to_a_worker_process():
    value = exercise("cautions: [Go gently.]\nvariations: [{level: easier, text: Smaller range.}]")
    assert pickle.loads(pickle.dumps(value)) == value


def test_default_lists_are_not_shared_between_records():
    first, second = Exercise(name="A", position="any", steps=["x"]), Exercise(name="B", position="any", steps=["y"])
    first.tips.append("mine")
    assert second.tips == []


@pytest.mark.parametrize("text, place", [
    ("name: " + "[" * 65 + "]" * 65 + "\n", "1:70"),
    ("name: x\nsteps:\n" + "".join("  " * i + "- \n" for i in range(1, 80)), "66:129"),
    ("name: " + "[" * 100_000 + "]" * 100_000 + "\n", "1:70"),  # deep enough to crash libyaml: refused unread
], ids=["brackets", "indents", "brackets-past-the-composer"])
def test_nesting_past_the_limit_is_one_line_at_the_65th_level(text: str, place: str):
    with pytest.raises(InputError) as caught:
        parse(text, Path("deep.yaml"), "deep.yaml")
    assert [str(problem) for problem in caught.value.problems] == [
        f"deep.yaml:{place}: more than 64 levels of nesting; a worksheet needs no more than a few"]


def test_sixty_four_levels_of_nesting_are_read():
    assert parse("name: " + "[" * 63 + "]" * 63 + "\n", Path("ok.yaml"), "ok.yaml").data["name"] is not None
