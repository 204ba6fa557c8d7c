"""User text into paragraphs, never read as markup."""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paraparser import ParaParser

def escape(text: str, quotes: bool = False) -> str:
    """Text shown as written: the characters paragraph markup would read, and '"' inside an attribute.

    (xml.sax.saxutils.escape does the same, but importing it loads urllib, http and email: 10 ms.)
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if quotes else text


_BLANK_LINE = re.compile(r"\n\s*\n")


_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


def styled(markup: str, style: ParagraphStyle, bulletText: str | None = None) -> Paragraph:  # noqa: N803
    """A paragraph whose markup is parsed once per process: a batch prints the same steps hundreds of times.

    Chinese, Japanese and Korean text has no spaces to break at: such a paragraph wraps between characters.
    """
    if _CJK.search(markup):
        style = _wrapping_between_characters(style)
    style, frags, bullet = _parsed(markup, style, bulletText)
    # Copies, since laying a paragraph out may change its fragments, and the next document must not see that.
    return Paragraph(markup, style, bulletText=bullet, frags=[frag.clone() for frag in frags])


@lru_cache(maxsize=None)
def _wrapping_between_characters(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-cjk", parent=style, wordWrap="CJK")


@lru_cache(maxsize=4096)
def _parsed(markup: str, style: ParagraphStyle, bullet: str | None):
    parser = ParaParser()
    style, frags, bullet_frags = parser.parse(markup, style)
    if frags is None:
        raise ValueError(f"markup error in {markup[:30]!r}")
    return style, tuple(frags), bullet_frags or bullet


def plain(text: str) -> str:
    """Escape user text so that '&', '<' and '>' print as themselves."""
    return escape(" ".join(text.split()))


def paragraph(text: str, style: ParagraphStyle, bulletText: str | None = None) -> Paragraph:  # noqa: N803
    return styled(plain(text), style, bulletText)


def labelled(label: str, text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph with a bold lead-in; the label is the tool's own words, the text the user's."""
    return styled(f"<b>{escape(label)}:</b> {plain(text)}", style)


def paragraphs(text: str, style: ParagraphStyle) -> list[Paragraph]:
    """One paragraph per blank-line-separated block of ``text``."""
    return [paragraph(block, style) for block in _BLANK_LINE.split(text.strip()) if block.strip()]
