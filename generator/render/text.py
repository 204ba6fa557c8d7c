"""User text into paragraphs, never read as markup."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

_BLANK_LINE = re.compile(r"\n\s*\n")


def plain(text: str) -> str:
    """Escape user text so that '&', '<' and '>' print as themselves."""
    return escape(" ".join(text.split()))


def paragraph(text: str, style: ParagraphStyle, **kwargs) -> Paragraph:
    return Paragraph(plain(text), style, **kwargs)


def labelled(label: str, text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph with a bold lead-in; the label is the tool's own words, the text the user's."""
    return Paragraph(f"<b>{escape(label)}:</b> {plain(text)}", style)


def paragraphs(text: str, style: ParagraphStyle) -> list[Paragraph]:
    """One paragraph per blank-line-separated block of ``text``."""
    return [paragraph(block, style) for block in _BLANK_LINE.split(text.strip()) if block.strip()]
