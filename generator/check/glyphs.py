"""Every character a handout will print, checked against its fonts before anything is drawn."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Container, Iterable, Iterator

from ..base.errors import Problem
from ..load.source import Loc, Origin
from ..model.layout import Show
from ..resolve.handout import Bundle, Handout, HandoutClinic

Text = tuple[str, Origin, Loc]  # a piece of text, where it was written, and its field there

COLLAPSED = " \t\n\r"  # whitespace the typesetter folds away, never drawn
SHOWN = 5


def printed_texts(handout: Handout) -> Iterator[Text]:
    """(text, where it was written, field) for every piece of user text the handout prints."""
    worksheet, origin = handout.worksheet, handout.origin
    for field in ("title", "subtitle", "intro", "closing", "disclaimer"):
        if getattr(worksheet, field):
            yield getattr(worksheet, field), origin, (field,)
    for i, reason in enumerate(worksheet.stop_if):
        yield reason, origin, ("stop_if", i)
    if handout.second_origin is not None:  # the worksheet's copy in a bilingual handout's second language
        if handout.second_title:
            yield handout.second_title, handout.second_origin, ("title",)
        for i, reason in enumerate(handout.second_stop_if):
            yield reason, handout.second_origin, ("stop_if", i)
    for i, section in enumerate(worksheet.sections or []):
        yield section.heading, origin, ("sections", i, "heading")
        if section.intro:
            yield section.intro, origin, ("sections", i, "intro")
    if not worksheet.disclaimer and handout.layout.footer.disclaimer:
        yield handout.layout.footer.disclaimer, handout.layout_origin, ("footer", "disclaimer")
    yield from clinic_texts(handout.clinic)
    if handout.personal is not None and handout.personal_origin is not None:
        for field in ("client", "clinician", "note"):
            if getattr(handout.personal, field):
                yield getattr(handout.personal, field), handout.personal_origin, (field,)
    show = handout.layout.show
    for item in handout.exercises:
        yield from _exercise_texts(item.exercise, item.origin, show)
        if item.note:
            yield item.note, item.entry, ("note",)
        for variation in item.variations:  # each once, where it was written
            for said, where in ((variation.text, ("text",)), (variation.name, ("exercise",))):
                if said:
                    yield said, variation.origin, where
        if item.client_note and handout.personal_origin is not None:
            yield item.client_note, handout.personal_origin, ("exercises", item.id, "note")
        if item.second_origin is not None:
            if item.second_name:
                yield item.second_name, item.second_origin, ("name",)
            cautions = item.second_cautions if show.cautions else ()
            for field, texts in (("steps", item.second_steps), ("cautions", cautions)):
                for i, text in enumerate(texts):
                    yield text, item.second_origin, (field, i)


def clinic_texts(clinic: HandoutClinic | None) -> Iterator[Text]:
    if clinic is not None:
        yield clinic.clinic.name, clinic.origin, ("name",)
        for i, line in enumerate(clinic.clinic.lines):
            yield line, clinic.origin, ("lines", i)


def bundle_texts(bundle: Bundle) -> Iterator[Text]:
    """What a booklet prints in its own layout's fonts: its cover (with the client's lines and every stop sign),
    contents, checklist, header and footer."""
    for field in ("title", "subtitle", "intro", "disclaimer"):
        if getattr(bundle, field):
            yield getattr(bundle, field), bundle.origin, (field,)
    yield from clinic_texts(bundle.clinic)
    if bundle.personal is not None and bundle.personal_origin is not None:  # the client's lines on the cover
        for field in ("client", "clinician", "note"):
            if getattr(bundle.personal, field):
                yield getattr(bundle.personal, field), bundle.personal_origin, (field,)
    for handout in bundle.handouts:
        yield handout.worksheet.title, handout.origin, ("title",)
        for i, reason in enumerate(handout.worksheet.stop_if):  # the cover's stop box gathers them all
            yield reason, handout.origin, ("stop_if", i)
        for item in handout.exercises:
            yield item.exercise.name, item.origin, ("name",)
            for i, thing in enumerate(item.exercise.equipment):
                yield thing, item.origin, ("equipment", i)
            for variation in item.variations:  # the checklist lists what variation exercises need too
                yield from ((thing, variation.origin, ("exercise",)) for thing in variation.equipment)


def _exercise_texts(exercise, origin: Origin, show: Show) -> Iterator[tuple[str, Origin, Loc]]:
    """What the card prints of an exercise: its name and steps, and the parts the layout shows."""
    for field in ("name", "summary", "video"):
        if getattr(exercise, field) and getattr(show, field, True):
            yield str(getattr(exercise, field)), origin, (field,)
    for field in ("equipment", "targets", "steps", "cautions", "tips"):
        if getattr(show, field, True):
            for i, text in enumerate(getattr(exercise, field)):
                yield text, origin, (field, i)


def missing_glyphs(texts: Iterable[Text], font_file: str, coverage: Container[int]) -> list[Problem]:
    """A problem for each field holding a character the layout's fonts cannot draw, or cannot draw in order."""
    texts = list(texts)
    # Each distinct character of the whole handout is looked up once; only texts holding a bad one are read again.
    every = set().union(*(text for text, _, _ in texts)) - set(COLLAPSED)
    unprintable = {c for c in every if ord(c) not in coverage}
    backwards = {c for c in every if not c.isascii() and _right_to_left(c)}
    if not unprintable and not backwards:
        return []
    font = Path(font_file).stem
    problems = []
    for text, origin, loc in texts:
        chars = set(text)
        if chars & backwards:
            problems.append(origin.problem(loc, RIGHT_TO_LEFT))
            continue
        missing = sorted(chars & unprintable)
        if missing:
            shown = ", ".join(_show(c) for c in missing[:SHOWN])
            more = f" and {len(missing) - SHOWN} more" if len(missing) > SHOWN else ""
            message = f"the font '{font}' cannot draw {shown}{more}; use a layout whose fonts have them, or remove them"
            problems.append(origin.problem(loc, message))
    return problems


RIGHT_TO_LEFT = ("Arabic and Hebrew text cannot be printed yet: its letters would come out unjoined and in the "
                 "wrong order; write this field in a left-to-right script")


def _right_to_left(char: str) -> bool:
    # Invisible direction marks are harmless; a right-to-left letter is not.
    return unicodedata.bidirectional(char) in ("R", "AL") and unicodedata.category(char) != "Cf"


def _show(char: str) -> str:
    code = f"U+{ord(char):04X}"
    return f"'{char}' ({code})" if char.isprintable() else f"the invisible character {code}"
