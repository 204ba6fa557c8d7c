"""Suggestions for a mistyped name."""

from __future__ import annotations

import difflib
from typing import Iterable


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' when a close choice exists, else ''."""
    choices = list(choices)
    close = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    if not close and len(str(word)) >= 3:
        close = [choice for choice in choices if choice.startswith(str(word))][:1]
    return f" (did you mean '{close[0]}'?)" if close else ""
