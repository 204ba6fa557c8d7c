"""A bilingual handout: its words again, lighter, in the second language, each under the words it repeats.

The worksheet's and the exercises' own words in the second language come resolved (``Handout.second_title``,
``HandoutExercise.second_name`` and the like); the fixed words, headings and doses, are said again from the
second language's catalogue. Where there is no second language, or no words in it, each helper gives nothing.
"""

from __future__ import annotations

from typing import Callable, Sequence

from reportlab.platypus import Flowable

from .flowables import Unbroken
from .text import MarkupStyle, escape, paragraph, styled
from .wording import Words


def again(text: str | None, style: MarkupStyle) -> list[Flowable]:
    """User text in the second language, or nothing."""
    return [paragraph(text, style)] if text else []


def said_again(second: Words | None, markup: Callable[[Words], str], style: MarkupStyle) -> list[Flowable]:
    """The markup ``markup`` makes, made again with the second language's words, or nothing."""
    said = markup(second) if second is not None else None
    return [styled(said, style)] if said else []


def together(lines: list[Flowable]) -> list[Flowable]:
    """Words and their second-language lines as one piece that never splits over a page: a dose line alone at
    the top of a page, its first-language half on the page before, reads as another exercise's."""
    return [Unbroken(lines)] if len(lines) > 1 else lines


def heading(label: Callable[[Words], str], style: MarkupStyle, second_style: MarkupStyle,
            words: Words) -> list[Flowable]:
    """A box's bold heading, the fixed words ``label`` gives; under it, the same in the second language."""

    def bold(said: Words) -> str:
        return f"<b>{escape(label(said))}</b>"

    return [styled(bold(words), style), *said_again(words.second, bold, second_style)]


def bullets(items: Sequence[str], seconds: Sequence[str], style: MarkupStyle,
            second_style: MarkupStyle) -> list[Flowable]:
    """Each item bulleted, and under it the same in the second language where ``seconds`` has one for each."""
    seconds = seconds if len(seconds) == len(items) else ()
    lines: list[Flowable] = []
    for number, item in enumerate(items):
        lines.append(paragraph(item, style, bulletText="•"))
        if seconds:
            lines.append(paragraph(seconds[number], second_style))
    return lines
