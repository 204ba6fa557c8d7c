"""Every fixed word the handout prints, and dosages in plain words."""

from __future__ import annotations

from .model import Dosage

DEFAULT_DISCLAIMER = (
    "This handout is general education, not medical advice, and does not replace care from your own "
    "clinician. Ask your clinician before you start. Move gently, and stop and seek advice if pain "
    "increases or you feel numbness, tingling or dizziness."
)

CLIENT_LABEL = "Client"
DATE_LABEL = "Date"
CLINICIAN_LABEL = "Clinician"
SET_TITLE = "Home exercise program"
STOP_IF_LABEL = "Stop and call your clinician if:"
SCAN_HINT = "Scan the code with your phone's camera to watch the video."
EASIER_LABEL = "Easier"
HARDER_LABEL = "Harder"
PROGRESSION_WEEKS = "Weeks"
NOTES_HEADING = "Notes"
LOG_HEADING = "Tracking log"
LOG_INTRO = "Tick a box each day you do the exercise. Each evening, write your pain from 0 (none) to 10 (worst)."
LOG_WEEK = "Week"
LOG_DAY = "Day"
LOG_PAIN = "Pain (0–10)"
LEFT_SHORT = "L"
RIGHT_SHORT = "R"
CONTENTS_HEADING = "Contents"
EQUIPMENT_HEADING = "What you will need"
EQUIPMENT_INTRO = "Tick each item once you have it ready."
WORKSHEETS_IN_SET = "In this set"
FOR_YOU_LABEL = "For you"
CAUTION_LABEL = "Take care"
TIP_LABEL = "Tip"
NOTE_LABEL = "Note"
VIDEO_LABEL = "Video"
POSITION_LABEL = "Position"
EQUIPMENT_LABEL = "You need"
TARGETS_LABEL = "Works on"


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def date_words(day) -> str:
    """2026-11-20 -> '20 November 2026': no reader mistakes day for month."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def exercise_count(count: int) -> str:
    return f"{count} exercise{'' if count == 1 else 's'}"


def page_label(number: int, total: int) -> str:
    return f"Page {number} of {total}"


def position_words(position: str) -> str:
    return {
        "long-sitting": "Long sitting (on the floor, legs straight)",
        "half-kneeling": "Half kneeling",
        "quadruped": "On hands and knees",
        "lying": "Lying on your back",
        "lying-face-down": "Lying face down",
        "side-lying": "Lying on your side",
        "any": "Any comfortable position",
    }.get(position, position.capitalize())


def seconds_words(seconds: int) -> str:
    """30 -> '30 s', 60 -> '1 min', 90 -> '1 min 30 s'."""
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min" + (f" {rest} s" if rest else "")


def how_often(dosage: Dosage) -> str | None:
    parts = []
    if dosage.per_day:
        parts.append(f"{dosage.per_day}× a day")
    if dosage.per_week:
        parts.append(f"{dosage.per_week} days a week" if dosage.per_day else f"{dosage.per_week}× a week")
    return ", ".join(parts) or None


SIDE_WORDS = {
    "both": "both sides",
    "left": "left side",
    "right": "right side",
    "each": "each side",
    "alternating": "alternate sides",
}


def weeks_words(weeks: str) -> str:
    """'1-2' -> '1–2', '5+' -> '5 and on'."""
    return weeks.replace("-", "–").replace("+", " and on")


def dosage_sentence(dosage: Dosage) -> str:
    """The dose on one line: '3 sets · 12 reps · rest 20 s'."""
    words = {"Sets": "sets", "Reps": "reps", "Hold": "hold", "Time": "for", "Rest": "rest"}
    parts = []
    for heading, value in dosage_columns(dosage):
        if heading in ("Sets", "Reps"):
            parts.append(f"{value} {words[heading]}")
        elif heading in words:
            parts.append(f"{words[heading]} {value}")
        else:
            parts.append(value)
    return " · ".join(parts)


def dosage_columns(dosage: Dosage) -> list[tuple[str, str]]:
    """(heading, value) for every dosage field given, in the order a handout shows them."""
    columns = [
        ("Sets", str(dosage.sets) if dosage.sets else None),
        ("Reps", str(dosage.reps) if dosage.reps else None),
        ("Hold", seconds_words(dosage.hold_seconds) if dosage.hold_seconds else None),
        ("Time", seconds_words(dosage.duration_seconds) if dosage.duration_seconds else None),
        ("Rest", seconds_words(dosage.rest_seconds) if dosage.rest_seconds else None),
        ("How often", how_often(dosage)),
        ("Side", SIDE_WORDS[dosage.side] if dosage.side else None),
    ]
    return [(heading, value) for heading, value in columns if value]
