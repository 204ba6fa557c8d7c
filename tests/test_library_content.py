"""The shipped exercise library as a client and a clinician meet it: every exercise in a body region, and
steps a client reads easily (Flesch-Kincaid grade 6 at most)."""

from __future__ import annotations

from pathlib import Path

import pytest
import textstat

from generator.load.anatomy import read_regions
from generator.load.library import Library
from generator.model.choices import BODY_REGIONS
from generator.model.limits import Limits

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = Library(ROOT / "worksheets" / "exercises", Limits())
IDS = LIBRARY.ids()
MAX_GRADE = 6.0


def exercise(exercise_id: str):
    found, problems = LIBRARY.get(exercise_id)
    assert found is not None and problems == [], problems
    return found.exercise


def test_the_regions_file_words_every_region_of_the_model_once():
    regions = read_regions()
    assert [region for region, _ in regions.labels()] == list(BODY_REGIONS)
    assert all(region.words for region in regions.regions)


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_exercise_is_tagged_with_a_body_region(exercise_id):
    tags = exercise(exercise_id).tags
    assert set(tags) & set(BODY_REGIONS), f"{exercise_id}: tag it with one of {', '.join(BODY_REGIONS)}"


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_exercises_steps_read_at_grade_six_or_below(exercise_id):
    steps = " ".join(exercise(exercise_id).steps)
    grade = textstat.flesch_kincaid_grade(steps)
    assert grade <= MAX_GRADE, f"{exercise_id}: its steps read at grade {grade:.1f}; use shorter sentences and words"


def test_the_grade_is_measured_not_assumed():
    hard = ("Maintain scapular retraction throughout the concentric and eccentric phases, ensuring "
            "neutral cervical alignment and avoiding compensatory thoracolumbar hyperextension.")
    assert textstat.flesch_kincaid_grade(hard) > MAX_GRADE > textstat.flesch_kincaid_grade("Sit tall. Breathe out.")
