"""The programs for common presentations: each in English and Spanish, its Spanish copy printing no English,
and the post-surgical one saying first that the surgical team's protocol comes before it. How their pages fall
in every layout on Letter and A4 is checked with the starter set's in tests/test_print.py (PROGRAMS)."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import PROGRAM_TRANSLATIONS, PROGRAM_WORKSHEETS, ROOT, read_pages

from generator.app.pipeline import build_handout
from generator.resolve.options import Options


def english_of(translation):
    return ROOT / "worksheets" / translation.name


def entries(path) -> list[str]:
    data = yaml.safe_load(path.read_text("utf-8"))
    return [entry if isinstance(entry, str) else entry["exercise"] for entry in data["exercises"]]


def test_every_program_has_a_spanish_copy_with_the_same_exercises():
    assert len(PROGRAM_WORKSHEETS) >= 12
    assert sorted(path.name for path in PROGRAM_TRANSLATIONS) == sorted(path.name for path in PROGRAM_WORKSHEETS)
    for translation in PROGRAM_TRANSLATIONS:
        assert entries(translation) == entries(english_of(translation)), translation.name


@pytest.mark.parametrize("translation", PROGRAM_TRANSLATIONS, ids=lambda path: path.stem)
def test_a_spanish_program_prints_no_english(translation):
    result = build_handout(translation, Options())
    assert result.warnings == ()  # a missing translation would be a warning that it prints in English
    text = " ".join(" ".join(page.text.split()) for page in read_pages(result.pdf))
    english = yaml.safe_load(english_of(translation).read_text("utf-8"))
    assert english["title"] not in text
    for exercise in entries(translation):
        steps = yaml.safe_load((ROOT / "worksheets" / "exercises" / f"{exercise}.yaml").read_text("utf-8"))["steps"]
        first_words = " ".join(steps[0].split()[:5])
        assert first_words not in text, (exercise, first_words)
    assert not re.search(r"\b(the|your|and|with)\b", text), re.findall(r".{30}\b(?:the|your|and|with)\b.{30}", text)[:3]


@pytest.mark.parametrize("path, says", [
    (ROOT / "worksheets" / "after-knee-replacement.yaml", "Your surgeon's and physical therapist's instructions come first"),
    (ROOT / "worksheets" / "es" / "after-knee-replacement.yaml", "Mandan las indicaciones de tu cirujano y de tu fisioterapeuta"),
])
def test_the_knee_replacement_program_puts_the_surgical_teams_protocol_first(path, says):
    first = read_pages(build_handout(path, Options()).pdf)[0]
    assert says in " ".join(first.text.split())
