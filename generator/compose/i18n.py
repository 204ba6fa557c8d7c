"""The handout's language: gettext catalogues (kept as .po files, read with Babel), dates by Babel's locale data.

The language is set for the span of one build with ``speaking(code, catalogues)``; outside it, English. A
bilingual handout's second language is spoken for a moment with ``speaking_too(code)``.
"""

from __future__ import annotations

import datetime
import gettext
from contextlib import contextmanager
from contextvars import ContextVar
from io import BytesIO
from pathlib import Path
from typing import Iterator

LOCALES = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "worksheet"
# English dates as day, month name, year: no reader mistakes the day for the month.
DATE_LOCALES = {"en": "en_GB"}
ENGLISH = gettext.NullTranslations()  # the messages are written in English

_Spoken = tuple[str, gettext.NullTranslations, "Catalogues | None"]
_spoken: ContextVar[_Spoken] = ContextVar("spoken", default=("en", ENGLISH, None))


class Catalogues:
    """Each language's messages, compiled from its .po file the first time they are needed, then kept."""

    def __init__(self) -> None:
        self._read: dict[str, gettext.NullTranslations] = {}

    def get(self, language: str) -> gettext.NullTranslations:
        if language not in self._read:
            self._read[language] = catalogue(language)
        return self._read[language]


@contextmanager
def speaking(language: str, catalogues: Catalogues) -> Iterator[None]:
    token = _spoken.set((language, catalogues.get(language), catalogues))
    try:
        yield
    finally:
        _spoken.reset(token)


@contextmanager
def speaking_too(language: str) -> Iterator[None]:
    """Another language for a moment, from the catalogues the build speaks from: a bilingual handout's second."""
    with speaking(language, _spoken.get()[2] or Catalogues()):
        yield


def current() -> str:
    return _spoken.get()[0]


def catalogue_path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def catalogue(language: str) -> gettext.NullTranslations:
    """The language's messages, compiled from its .po file in memory."""
    path = catalogue_path(language)
    if language == "en" or not path.is_file():
        return ENGLISH
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as file:
        messages = read_po(file, locale=language)
    compiled = BytesIO()
    write_mo(compiled, messages)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _(message: str) -> str:
    return _spoken.get()[1].gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _spoken.get()[1].ngettext(singular, plural, count)


def N_(message: str) -> str:  # noqa: N802 - marks a message for extraction, translated where it is used
    return message


def long_date(day: datetime.date) -> str:
    from babel.dates import format_date

    language = current()
    return format_date(day, format="long", locale=DATE_LOCALES.get(language, language))
