"""Every fixed word the handout prints, in the language it is printed in, and doses in plain words.

``Words(language)`` says them in one language: ``words.CLIENT_LABEL``, ``words.dosage_sentence(dose)``.
"""

from __future__ import annotations

from ..model import Dosage
from .i18n import N_, Language

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
    "EXERCISES_HEADING": N_("Your exercises"),
    "EQUIPMENT_OPTIONAL": N_("Optional: only for an easier or harder version"),
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


class Words:
    """The fixed words and doses of one language, for the composing functions a build hands it to."""

    def __init__(self, language: Language, second: str | None = None):
        self.language = language
        self._ = language.gettext
        self.ngettext = language.ngettext
        # a bilingual handout's second language, whose words print again under these
        self.second: Words | None = Words(language.other(second)) if second else None

    def __getattr__(self, name: str) -> str:
        if name in _TEXTS:
            return self._(_TEXTS[name])
        raise AttributeError(f"no fixed words named {name!r}")

    def date_words(self, day) -> str:
        """2026-11-20 -> '20 November 2026', '20 de noviembre de 2026', ..."""
        return self.language.long_date(day)

    def exercise_count(self, count: int) -> str:
        return self.ngettext("{count} exercise", "{count} exercises", count).format(count=count)

    def continued(self, name: str) -> str:
        """Over a part of an exercise that goes on at the top of a page."""
        return self._("{name} (continued)").format(name=name)

    def log_heading(self, title: str) -> str:
        """Over each page of a tracking log in a set: whose log it is."""
        return self._("Tracking log: {title}").format(title=title)

    def page_label(self, number: int, total: int) -> str:
        return self._("Page {number} of {total}").format(number=number, total=total)

    def position_words(self, position: str) -> str:
        return self._(POSITIONS[position])

    def seconds_words(self, seconds: int) -> str:
        """30 -> '30 s', 60 -> '1 min', 90 -> '1 min 30 s'."""
        minutes, rest = divmod(seconds, 60)
        if not minutes:
            return self._("{seconds} s").format(seconds=rest)
        if not rest:
            return self._("{minutes} min").format(minutes=minutes)
        return self._("{minutes} min {seconds} s").format(minutes=minutes, seconds=rest)

    def how_often(self, dosage: Dosage) -> str | None:
        """'1× a day, 5 days a week', '3× a week': each count in the grammatical number its language gives it."""
        parts = []
        if dosage.per_day:
            count = dosage.per_day
            parts.append(self.ngettext("{count}× a day", "{count}× a day", count).format(count=count))
        if dosage.per_week:
            count = dosage.per_week
            if dosage.per_day:
                text = self.ngettext("{count} day a week", "{count} days a week", count)
            else:
                text = self.ngettext("{count}× a week", "{count}× a week", count)
            parts.append(text.format(count=count))
        return ", ".join(parts) or None

    def side_words(self, side: str) -> str:
        return self._(SIDES[side])

    def weeks_caption(self, weeks: str) -> str:
        """'1-2' -> 'Weeks 1–2', '3' -> 'Week 3', '5+' -> 'From week 5'."""
        if weeks.endswith("+"):
            return self._("From week {week}").format(week=weeks[:-1])
        if "-" in weeks:
            return self._("Weeks {weeks}").format(weeks=weeks.replace("-", "–"))
        return self._("Week {week}").format(week=weeks)

    def dosage_sentence(self, dosage: Dosage) -> str:
        """The dose on a line of its own: '3 sets · 12 reps · rest 20 s', 'Hold 30 s · 2× a day'."""
        return " · ".join(self.dose_line_parts(dosage))

    def dosage_parts(self, dosage: Dosage) -> list[str]:
        """The dose's phrases in the order a handout says them: '3 sets', '12 reps', 'rest 20 s'."""
        parts = []
        if dosage.sets:
            parts.append(self.ngettext("{count} set", "{count} sets", dosage.sets).format(count=dosage.sets))
        if dosage.reps:
            parts.append(self.ngettext("{count} rep", "{count} reps", dosage.reps).format(count=dosage.reps))
        for field, phrase in (("hold_seconds", self._("hold {time}")), ("duration_seconds", self._("for {time}")),
                              ("rest_seconds", self._("rest {time}"))):
            if getattr(dosage, field):
                parts.append(phrase.format(time=self.seconds_words(getattr(dosage, field))))
        parts += [part for part in (self.how_often(dosage), self.side_words(dosage.side) if dosage.side else None)
                  if part]
        return parts

    def dose_line_parts(self, dosage: Dosage) -> list[str]:
        """The dose's phrases as a line of their own, which starts as a line does: 'For 1 min', 'Durante 1 min'."""
        parts = self.dosage_parts(dosage)
        if parts:
            parts[0] = parts[0][:1].upper() + parts[0][1:]
        return parts

    def dosage_columns(self, dosage: Dosage) -> list[tuple[str, str]]:
        """(heading, value) for every dosage field given, in the order a handout shows them."""
        seconds = self.seconds_words
        columns = [
            ("sets", str(dosage.sets) if dosage.sets else None),
            ("reps", str(dosage.reps) if dosage.reps else None),
            ("hold_seconds", seconds(dosage.hold_seconds) if dosage.hold_seconds else None),
            ("duration_seconds", seconds(dosage.duration_seconds) if dosage.duration_seconds else None),
            ("rest_seconds", seconds(dosage.rest_seconds) if dosage.rest_seconds else None),
            ("often", self.how_often(dosage)),
            ("side", self.side_words(dosage.side) if dosage.side else None),
        ]
        return [(self._(HEADINGS[key]), value) for key, value in columns if value]
