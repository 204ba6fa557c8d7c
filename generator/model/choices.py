"""Every list of allowed values, defined once, as a type a checker can read; the tuples of values the command
line, the wording tables and the renderer use are derived from them, and a test checks they agree."""

from __future__ import annotations

from typing import Literal, get_args

Language = Literal["en", "es", "fr", "de", "pt", "it"]
LANGUAGES: tuple[str, ...] = get_args(Language)
SOURCE_LANGUAGE = "en"  # the language the exercise library is written in
LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese",
                  "it": "Italian"}  # as messages to the user name them

_MM = 72.0 / 2.54 * 0.1  # points per millimetre, computed as ReportLab does so sizes match to the last bit
PAPER_SIZES = {  # portrait width and height in points
    "letter": (8.5 * 72.0, 11 * 72.0),
    "a4": (210 * _MM, 297 * _MM),
    "legal": (8.5 * 72.0, 14 * 72.0),
}
Paper = Literal["letter", "a4", "legal"]
PAPERS: tuple[str, ...] = get_args(Paper)
AUTO_PAPER = "auto"  # --paper when printing: the printer's default media, where it is one of PAPERS
Duplex = Literal["long", "short", "none"]  # --duplex: which edge a sheet turns on, or one-sided
DUPLEXES: tuple[str, ...] = get_args(Duplex)
Orientation = Literal["portrait", "landscape"]

# The base postures a figure starts from are the positions an exercise is done in: one list for both.
# side-lying lies on the right side (side-lying-right says so); standing-one-leg stands on the left leg.
Posture = Literal["standing", "standing-one-leg", "sitting", "long-sitting", "kneeling", "half-kneeling",
                  "quadruped", "lying", "lying-knees-bent", "lying-face-down", "side-lying", "side-lying-right",
                  "side-lying-left"]
POSTURES: tuple[str, ...] = get_args(Posture)
Position = Literal[Posture, "any"]
POSITIONS: tuple[str, ...] = get_args(Position)
Side = Literal["both", "left", "right", "each", "alternating"]
SIDES: tuple[str, ...] = get_args(Side)
Level = Literal["easier", "harder"]
# The body regions the library is sorted by: an exercise carries at least one of these among its tags.
BodyRegion = Literal["neck", "shoulder", "upper-back", "lower-back", "hip", "knee", "ankle-foot", "balance"]
BODY_REGIONS: tuple[str, ...] = get_args(BodyRegion)
Order = Literal["as-written", "by-position"]

UPRIGHT_FACES = ("regular", "bold")
SLANTED_FACES = ("italic", "bold_italic")  # read only when a handout sets notes in italics
FACES = UPRIGHT_FACES + SLANTED_FACES

IllustrationPlace = Literal["left", "right", "above"]
