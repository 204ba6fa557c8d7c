"""Every list of allowed values, defined once. The model's field types, the command line's choices, the
wording tables and the renderer's paper sizes are all derived from these; a test checks they agree."""

from __future__ import annotations

LANGUAGES = ("en", "es", "fr", "de", "pt", "it")
SOURCE_LANGUAGE = "en"  # the language the exercise library is written in
LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese",
                  "it": "Italian"}  # as messages to the user name them

_MM = 72.0 / 2.54 * 0.1  # points per millimetre, computed as ReportLab does so sizes match to the last bit
PAPER_SIZES = {  # portrait width and height in points
    "letter": (8.5 * 72.0, 11 * 72.0),
    "a4": (210 * _MM, 297 * _MM),
    "legal": (8.5 * 72.0, 14 * 72.0),
}
PAPERS = tuple(PAPER_SIZES)
ORIENTATIONS = ("portrait", "landscape")

POSITIONS = ("standing", "sitting", "long-sitting", "kneeling", "half-kneeling", "quadruped", "lying",
             "lying-face-down", "side-lying", "any")
SIDES = ("both", "left", "right", "each", "alternating")
LEVELS = ("easier", "harder")
ORDERS = ("as-written", "by-position")

UPRIGHT_FACES = ("regular", "bold")
SLANTED_FACES = ("italic", "bold_italic")  # read only when a handout sets notes in italics
FACES = UPRIGHT_FACES + SLANTED_FACES

ILLUSTRATION_PLACES = ("left", "right", "above")
