"""The handout's language: gettext catalogues (kept as .po files, read with Babel), dates by Babel's locale data.

A build asks its ``Catalogues`` for the handout's ``Language`` and hands it to every composing function;
a bilingual handout's second language comes from the first with ``language.other(code)``.
"""

from __future__ import annotations

import datetime
import gettext
from io import BytesIO
from pathlib import Path

LOCALES = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "worksheet"
# English dates as day, month name, year: no reader mistakes the day for the month.
DATE_LOCALES = {"en": "en_GB"}
ENGLISH = gettext.NullTranslations()  # the messages are written in English


class Catalogues:
    """Each language's messages, compiled from its .po file the first time they are needed, then kept."""

    def __init__(self) -> None:
        self._read: dict[str, gettext.NullTranslations] = {}

    def get(self, language: str) -> gettext.NullTranslations:
        if language not in self._read:
            self._read[language] = catalogue(language)
        return self._read[language]

    def language(self, code: str) -> Language:
        return Language(code, self.get(code), self)


class Language:
    """One language's messages and dates, handed to whatever composes words in it."""

    def __init__(self, code: str, messages: gettext.NullTranslations, catalogues: Catalogues):
        self.code = code
        self.messages = messages
        self.catalogues = catalogues

    def gettext(self, message: str) -> str:
        return self.messages.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.messages.ngettext(singular, plural, count)

    def long_date(self, day: datetime.date) -> str:
        from babel.dates import format_date

        return format_date(day, format="long", locale=DATE_LOCALES.get(self.code, self.code))

    def other(self, code: str) -> Language:
        """Another language from the same catalogues: a bilingual handout's second."""
        return self.catalogues.language(code)


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


def N_(message: str) -> str:  # noqa: N802 - marks a message for extraction, translated where it is used
    return message
