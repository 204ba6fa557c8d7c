"""The page's program and the worksheet YAML: a round trip changes only what the page changed."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from generator.base.errors import InputError, Problem
from generator.web.program import field_of, program_from_yaml, yaml_from_program

ROOT = Path(__file__).resolve().parent.parent
COMMENTED = """\
# A worksheet for the neck, with comments the page must keep.
title: Neck   # the title
layout: compact
exercises:
  - chin-tuck            # first
  - exercise: upper-trapezius-stretch
    dosage: {hold_seconds: 45, side: left}
    note: Left side only.
  - levator-scapulae-stretch   # last one
closing: Bring this sheet.
tags: [neck]
"""


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:2] in ("- ", "+ ")]


@pytest.mark.parametrize("path", sorted((ROOT / "worksheets").glob("*.yaml")) + [None], ids=str)
def test_opening_and_saving_unchanged_gives_identical_text(path):
    text = path.read_text(encoding="utf-8") if path else COMMENTED
    assert yaml_from_program(program_from_yaml(text, "worksheets/x.yaml"), text) == text


def test_the_program_holds_what_the_page_edits():
    program = program_from_yaml(COMMENTED, "worksheets/neck.yaml")
    assert program["path"] == "worksheets/neck.yaml" and program["title"] == "Neck"
    assert program["layout"] == "compact" and program["language"] is None and program["log_weeks"] is None
    assert [item["exercise"] for item in program["exercises"]] == [
        "chin-tuck", "upper-trapezius-stretch", "levator-scapulae-stretch"]
    second = program["exercises"][1]
    assert second["dosage"]["hold_seconds"] == 45 and second["dosage"]["side"] == "left"
    assert second["dosage"]["sets"] is None and second["note"] == "Left side only."
    assert set(program["options"]) == {"paper", "second_language", "client", "date", "clinician", "note"}


def test_changing_one_hold_changes_one_line():
    program = program_from_yaml(COMMENTED)
    program["exercises"][1]["dosage"]["hold_seconds"] = 30
    after = yaml_from_program(program, COMMENTED)
    assert changed_lines(COMMENTED, after) == ["-     dosage: {hold_seconds: 45, side: left}",
                                               "+     dosage: {hold_seconds: 30, side: left}"]


def test_a_dose_on_a_bare_id_makes_it_an_entry_and_empty_means_the_librarys():
    program = program_from_yaml(COMMENTED)
    program["exercises"][0]["dosage"]["reps"] = 8
    program["exercises"][1]["dosage"] = {"hold_seconds": None, "side": None}
    program["exercises"][1]["note"] = None
    after = yaml_from_program(program, COMMENTED)
    assert re.search(r"  - exercise: chin-tuck +# first\n    dosage: {reps: 8}\n", after)
    assert "  - upper-trapezius-stretch\n" in after or "  - exercise: upper-trapezius-stretch\n" in after
    assert "45" not in after and "Left side only" not in after
    assert "# A worksheet for the neck" in after and "closing: Bring this sheet." in after


def test_appending_keeps_a_trailing_comment_on_the_last_item_and_fields_the_page_does_not_edit():
    program = program_from_yaml(COMMENTED)
    program["exercises"].append({"exercise": "scapular-squeeze", "dosage": {"sets": 2}, "variation": "easier"})
    after = yaml_from_program(program, COMMENTED)
    assert "  - levator-scapulae-stretch   # last one\n" not in after or after.index("# last one") < after.index(
        "scapular-squeeze")
    assert after.rstrip().endswith("tags: [neck]")
    assert "  - exercise: scapular-squeeze\n    dosage: {sets: 2}\n    variation: easier\n" in after


def test_removing_and_reordering_entries():
    program = program_from_yaml(COMMENTED)
    program["exercises"] = [program["exercises"][2], program["exercises"][1]]
    after = yaml_from_program(program, COMMENTED)
    assert "chin-tuck" not in after
    assert after.index("levator-scapulae-stretch") < after.index("upper-trapezius-stretch")
    assert "dosage: {hold_seconds: 45, side: left}" in after


def test_a_fresh_worksheet_is_written_in_a_tidy_order():
    program = {"path": None, "title": "Fresh", "subtitle": "", "intro": "Line one.\nLine two.", "stop_if": ["pain"],
               "log_weeks": 2, "layout": "standard", "language": "es",
               "exercises": [{"exercise": "chin-tuck", "dosage": {"reps": 5}, "note": None, "variation": None}],
               "options": {}}
    text = yaml_from_program(program)
    assert text == ("title: Fresh\nintro: |-\n  Line one.\n  Line two.\nlayout: standard\nlanguage: es\n"
                    "stop_if:\n  - pain\nexercises:\n  - exercise: chin-tuck\n    dosage: {reps: 5}\n"
                    "log:\n  weeks: 2\n")
    assert program_from_yaml(text)["exercises"][0]["dosage"]["reps"] == 5


def test_sections_keep_their_entries():
    text = (ROOT / "worksheets" / "between-shoulder-blades.yaml").read_text(encoding="utf-8")
    program = program_from_yaml(text)
    assert program["exercises"] and "sections" in text
    program["exercises"][0]["dosage"]["sets"] = 4
    after = yaml_from_program(program, text)
    assert len(changed_lines(text, after)) == 2 and "sections:" in after


def test_text_that_is_not_yaml_is_one_located_message():
    with pytest.raises(InputError) as caught:
        program_from_yaml("title: [unclosed\n", "worksheets/bad.yaml")
    assert str(caught.value).startswith("worksheets/bad.yaml:2:1: YAML syntax error")


def test_field_of_a_problem():
    here = "worksheets/neck.yaml"
    assert field_of(Problem(file=here, line=3, column=5, field="exercises[1].dosage.hold_seconds"), here) \
        == "exercises[2].dosage.hold_seconds"  # the page counts exercises from 1
    assert field_of(Problem(file=here, line=9, field="log.weeks"), here) == "log_weeks"
    assert field_of(Problem(file="worksheets/exercises/chin-tuck.yaml", field="steps[0]"), here) is None
    assert field_of(Problem(file="--date", message="not a date"), here) == "options.date"
    assert field_of(Problem(file=here, message="is empty"), here) is None
