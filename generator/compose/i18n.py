"""The handout's language: gettext catalogues (kept as .po files, read with Babel), dates by Babel's locale data.

The language is set for the span of one build with ``speaking(code)``; outside it, English.
"""

from __future__ import annotations

import datetime
import gettext
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Iterator

LOCALES = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "worksheet"
# English dates as day, month name, year: no reader mistakes the day for the month.
DATE_LOCALES = {"en": "en_GB"}

_language: ContextVar[str] = ContextVar("language", default="en")


@contextmanager
def speaking(language: str) -> Iterator[None]:
    token = _language.set(language)
    try:
        yield
    finally:
        _language.reset(token)


def current() -> str:
    return _language.get()


def catalogue_path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=None)  # the catalogues ship inside the package and never change while it runs
def catalogue(language: str) -> gettext.NullTranslations:
    """The language's messages, compiled from its .po file in memory the first time they are needed."""
    path = catalogue_path(language)
    if language == "en" or not path.is_file():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as file:
        messages = read_po(file, locale=language)
    compiled = BytesIO()
    write_mo(compiled, messages)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _(message: str) -> str:
    return catalogue(_language.get()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return catalogue(_language.get()).ngettext(singular, plural, count)


def N_(message: str) -> str:  # noqa: N802 - marks a message for extraction, translated where it is used
    return message


def long_date(day: datetime.date) -> str:
    from babel.dates import format_date

    language = _language.get()
    return format_date(day, format="long", locale=DATE_LOCALES.get(language, language))
