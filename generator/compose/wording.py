"""Every fixed word the handout prints, in the language being spoken (see i18n), and doses in plain words.

Module attributes such as ``wording.CLIENT_LABEL`` are looked up in the current language each time.
"""

from __future__ import annotations

from ..model import Dosage
from .i18n import N_, _, long_date, ngettext

_TEXTS = {
    "DEFAULT_DISCLAIMER": N_(
        "This handout is general education, not medical advice, and does not replace care from your own "
        "clinician. Ask your clinician before you start. Move gently, and stop and seek advice if pain "
        "increases or you feel numbness, tingling or dizziness."
    ),
    "CLIENT_LABEL": N_("Client"),
    "DATE_LABEL": N_("Date"),
    "CLINICIAN_LABEL": N_("Clinician"),
    "SET_TITLE": N_("Home exercise program"),
    "STOP_IF_LABEL": N_("Stop and call your clinician if:"),
    "SCAN_LABEL": N_("Scan for the video"),
    "EASIER_LABEL": N_("Easier"),
    "HARDER_LABEL": N_("Harder"),
    "NOTES_HEADING": N_("Notes"),
    "LOG_HEADING": N_("Tracking log"),
    "LOG_INTRO": N_("Tick a box each day you do the exercise. Each evening, write your pain from 0 (none) to 10 (worst)."),
    "LOG_WEEK": N_("Week"),
    "LOG_DAY": N_("Day"),
    "LOG_PAIN": N_("Pain (0–10)"),
    "LEFT_SHORT": N_("L"),
    "RIGHT_SHORT": N_("R"),
    "CONTENTS_HEADING": N_("Contents"),
    "EQUIPMENT_HEADING": N_("What you will need"),
    "EQUIPMENT_INTRO": N_("Tick each item once you have it ready."),
    "WORKSHEETS_IN_SET": N_("In this set"),
    "FOR_YOU_LABEL": N_("For you"),
    "CAUTION_LABEL": N_("Take care"),
    "TIP_LABEL": N_("Tip"),
    "NOTE_LABEL": N_("Note"),
    "YOUR_NOTES_LABEL": N_("Your notes"),
    "POSITION_LABEL": N_("Position"),
    "EQUIPMENT_LABEL": N_("You need"),
    "TARGETS_LABEL": N_("Works on"),
    "DRAWING_SPACE": N_("Draw or paste a picture of this exercise here"),
}

POSITIONS = {
    "standing": N_("Standing"),
    "standing-one-leg": N_("Standing on one leg"),
    "sitting": N_("Sitting"),
    "long-sitting": N_("Long sitting (on the floor, legs straight)"),
    "kneeling": N_("Kneeling"),
    "half-kneeling": N_("Half kneeling"),
    "quadruped": N_("On hands and knees"),
    "lying": N_("Lying on your back"),
    "lying-knees-bent": N_("Lying on your back, knees bent"),
    "lying-face-down": N_("Lying face down"),
    "side-lying": N_("Lying on your side"),
    "side-lying-right": N_("Lying on your right side"),
    "side-lying-left": N_("Lying on your left side"),
    "any": N_("Any comfortable position"),
}

SIDES = {
    "both": N_("both sides"),
    "left": N_("left side"),
    "right": N_("right side"),
    "each": N_("each side"),
    "alternating": N_("alternate sides"),
}

HEADINGS = {
    "sets": N_("Sets"),
    "reps": N_("Reps"),
    "hold_seconds": N_("Hold"),
    "duration_seconds": N_("Time"),
    "rest_seconds": N_("Rest"),
    "often": N_("How often"),
    "side": N_("Side"),
}


def __getattr__(name: str) -> str:
    if name in _TEXTS:
        return _(_TEXTS[name])
    raise AttributeError(f"module 'generator.wording' has no attribute {name!r}")


def date_words(day) -> str:
    """2026-11-20 -> '20 November 2026', '20 de noviembre de 2026', ..."""
    return long_date(day)


def exercise_count(count: int) -> str:
    return ngettext("{count} exercise", "{count} exercises", count).format(count=count)


def continued(name: str) -> str:
    """Over a part of an exercise that goes on at the top of a page."""
    return _("{name} (continued)").format(name=name)


def log_heading(title: str) -> str:
    """Over each page of a tracking log in a set: whose log it is."""
    return _("Tracking log: {title}").format(title=title)


def page_label(number: int, total: int) -> str:
    return _("Page {number} of {total}").format(number=number, total=total)


def position_words(position: str) -> str:
    return _(POSITIONS[position])


def seconds_words(seconds: int) -> str:
    """30 -> '30 s', 60 -> '1 min', 90 -> '1 min 30 s'."""
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return _("{seconds} s").format(seconds=rest)
    if not rest:
        return _("{minutes} min").format(minutes=minutes)
    return _("{minutes} min {seconds} s").format(minutes=minutes, seconds=rest)


def how_often(dosage: Dosage) -> str | None:
    """'1× a day, 5 days a week', '3× a week': each count in the grammatical number its language gives it."""
    parts = []
    if dosage.per_day:
        parts.append(ngettext("{count}× a day", "{count}× a day", dosage.per_day).format(count=dosage.per_day))
    if dosage.per_week:
        count = dosage.per_week
        if dosage.per_day:
            text = ngettext("{count} day a week", "{count} days a week", count)
        else:
            text = ngettext("{count}× a week", "{count}× a week", count)
        parts.append(text.format(count=count))
    return ", ".join(parts) or None


def side_words(side: str) -> str:
    return _(SIDES[side])


def weeks_caption(weeks: str) -> str:
    """'1-2' -> 'Weeks 1–2', '3' -> 'Week 3', '5+' -> 'From week 5'."""
    if weeks.endswith("+"):
        return _("From week {week}").format(week=weeks[:-1])
    if "-" in weeks:
        return _("Weeks {weeks}").format(weeks=weeks.replace("-", "–"))
    return _("Week {week}").format(week=weeks)


def dosage_sentence(dosage: Dosage) -> str:
    """The dose on one line: '3 sets · 12 reps · rest 20 s'."""
    return " · ".join(dosage_parts(dosage))


def dosage_parts(dosage: Dosage) -> list[str]:
    """The dose's phrases in the order a handout says them: '3 sets', '12 reps', 'rest 20 s'."""
    parts = []
    if dosage.sets:
        parts.append(ngettext("{count} set", "{count} sets", dosage.sets).format(count=dosage.sets))
    if dosage.reps:
        parts.append(ngettext("{count} rep", "{count} reps", dosage.reps).format(count=dosage.reps))
    for field, phrase in (("hold_seconds", _("hold {time}")), ("duration_seconds", _("for {time}")),
                          ("rest_seconds", _("rest {time}"))):
        if getattr(dosage, field):
            parts.append(phrase.format(time=seconds_words(getattr(dosage, field))))
    parts += [part for part in (how_often(dosage), side_words(dosage.side) if dosage.side else None) if part]
    return parts


def dosage_columns(dosage: Dosage) -> list[tuple[str, str]]:
    """(heading, value) for every dosage field given, in the order a handout shows them."""
    columns = [
        ("sets", str(dosage.sets) if dosage.sets else None),
        ("reps", str(dosage.reps) if dosage.reps else None),
        ("hold_seconds", seconds_words(dosage.hold_seconds) if dosage.hold_seconds else None),
        ("duration_seconds", seconds_words(dosage.duration_seconds) if dosage.duration_seconds else None),
        ("rest_seconds", seconds_words(dosage.rest_seconds) if dosage.rest_seconds else None),
        ("often", how_often(dosage)),
        ("side", side_words(dosage.side) if dosage.side else None),
    ]
    return [(_(HEADINGS[key]), value) for key, value in columns if value]
