"""Contacts as a grammar: ``[left-|right-]PART-RELATION-TARGET``, read into what touches what.

A plural part, or a part the body has only one of, needs no side; a singular paired part does. A target
that is a body part may be sided, ``opposite-`` (the other side from the touching part) or neither (the
touching part's own side, each side for a plural).
"""

from __future__ import annotations

from typing import Literal, NamedTuple, Optional, get_args

from ..base.suggest import did_you_mean
from .rules import Invalid

# The singular of each part and whether the body has two of it.
PARTS: dict[str, tuple[str, bool]] = {
    "hand": ("hand", True), "hands": ("hand", True), "forearm": ("forearm", True), "forearms": ("forearm", True),
    "elbow": ("elbow", True), "elbows": ("elbow", True), "foot": ("foot", True), "feet": ("foot", True),
    "heel": ("heel", True), "heels": ("heel", True), "toes": ("toes", True), "knee": ("knee", True),
    "knees": ("knee", True), "hip": ("hip", True), "hips": ("hip", True), "pelvis": ("pelvis", False),
    "back": ("back", False), "upper-back": ("upper-back", False), "lower-back": ("lower-back", False),
    "head": ("head", False),
}
PLURALS = ("hands", "forearms", "elbows", "feet", "heels", "knees", "hips")
ARM_PARTS = ("hand", "forearm", "elbow")
LEG_PARTS = ("foot", "heel", "toes", "knee")
TRUNK_PARTS = ("hip", "pelvis", "back", "upper-back", "lower-back", "head")
Relation = Literal["on", "behind", "over", "against"]
RELATIONS: tuple[str, ...] = get_args(Relation)
Surface = Literal["floor", "seat", "chair-back", "wall", "step", "table", "bed", "ball", "exercise-ball",
                  "medicine-ball", "roller", "pillow", "towel", "towel-roll", "post", "door-frame", "band"]
SURFACES: tuple[str, ...] = get_args(Surface)
BODY_TARGETS: dict[str, tuple[str, bool]] = {
    "thigh": ("thigh", False), "thighs": ("thigh", True), "knee": ("knee", False), "knees": ("knee", True),
    "head": ("head", False), "shoulder": ("shoulder", False), "shoulders": ("shoulder", True),
    "chest": ("chest", False), "hip": ("hip", False), "hips": ("hip", True), "shin": ("shin", False),
    "shins": ("shin", True),
}
TARGET_SIDES = ("left", "right", "opposite")
# Spellings shipped before the grammar: the medicine ball was the only ball a hand held.
OLD_SPELLINGS = {"hands-on-ball": "hands-on-medicine-ball"}


class Contact(NamedTuple):
    """One contact, read: which sides touch (both for a plural), with what, how, and on what."""

    text: str
    sides: tuple[str, ...]  # ("left",), ("right",), ("left", "right"), or () for an unpaired part
    part: str  # singular: hand, foot, back...
    relation: str
    target: str  # a surface, or a body part in the singular
    target_side: Optional[str]  # left, right, opposite, or None: the touching part's own side

    @property
    def on_body(self) -> bool:
        return self.target in {name for name, _ in BODY_TARGETS.values()}


def read_contact(text: str) -> Contact:
    """The contact a name spells, or Invalid naming the word that is wrong and the words allowed there."""
    words = OLD_SPELLINGS.get(text, text)
    side, rest = _side(words, ("left", "right"))
    part, rest = _longest(rest, PARTS, "body part", text)
    singular, paired = PARTS[part]
    if side and part in PLURALS:
        raise Invalid(f"'{text}': '{side}-{part}' gives a side to both {part}; write '{side}-{singular}' for one "
                      f"or '{part}' for both")
    if side and not paired:
        raise Invalid(f"'{text}': the {part} has no side; leave out '{side}-'")
    if paired and not side and part not in PLURALS and part != "toes":
        raise Invalid(f"'{text}': say which {part}: add left- or right-, or use '{_plural(part)}' for both")
    relation, rest = _longest(rest, {word: word for word in RELATIONS}, "relation", text)
    target, target_side = _target(rest, text)
    if relation in ("behind", "over") and target != "head":
        raise Invalid(f"'{text}': '{relation}' is for a hand on the head; use 'on' or 'against'")
    sides = (side,) if side else (("left", "right") if paired else ())
    return Contact(text, sides, singular, relation, target, target_side)


def check_contact(text: str) -> str:
    """A contact name as given, once it reads; for the model's rule."""
    if not isinstance(text, str):
        raise Invalid(f"expected a contact such as 'hands-on-floor', got {text!r}")
    read_contact(text)
    return text


def _side(text: str, sides: tuple[str, ...]) -> tuple[Optional[str], str]:
    for side in sides:
        if text.startswith(side + "-"):
            return side, text[len(side) + 1:]
    return None, text


def _longest(text: str, words: dict, kind: str, whole: str) -> tuple[str, str]:
    """The longest word of ``words`` the text starts with (followed by a dash), and what follows it."""
    for word in sorted(words, key=len, reverse=True):
        if text.startswith(word + "-"):
            return word, text[len(word) + 1:]
    first = text.split("-")[0] if text else ""
    raise Invalid(f"'{whole}': unknown {kind} '{first}'; expected one of {', '.join(words)}"
                  f"{did_you_mean(first, words)}")


def _target(text: str, whole: str) -> tuple[str, Optional[str]]:
    if text in SURFACES:
        return text, None
    side, rest = _side(text, TARGET_SIDES)
    if rest in BODY_TARGETS:
        return BODY_TARGETS[rest][0], side
    raise Invalid(f"'{whole}': unknown target '{text}'; expected a surface ({', '.join(SURFACES)}) or a body "
                  f"part ({', '.join(BODY_TARGETS)}), which may follow left-, right- or opposite-"
                  f"{did_you_mean(rest, [*SURFACES, *BODY_TARGETS])}")


def _plural(part: str) -> str:
    return next(plural for plural in PLURALS if PARTS[plural][0] == part)


def contact_pattern() -> str:
    """The grammar as a regular expression, for editors to check names as they are typed (the sided and
    plural rules are the validator's)."""
    def either(words: object) -> str:
        return "|".join(sorted(words, key=len, reverse=True))  # type: ignore[call-overload]
    body = f"(?:(?:{either(TARGET_SIDES)})-)?(?:{either(BODY_TARGETS)})"
    return (f"^(?:(?:left|right)-)?(?:{either(PARTS)})-(?:{either(RELATIONS)})-(?:{either(SURFACES)}|{body})$"
            f"|^(?:{either(OLD_SPELLINGS)})$")
