"""User text into paragraphs, never read as markup."""

from __future__ import annotations

import re

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from .reportlab_internals import LONG, paragraph_from_fragments, parse_markup

PARSED_PER_STYLE = 4096  # markup kept parsed in each style; a long-running process starts afresh past this

def escape(text: str, quotes: bool = False) -> str:
    """Text shown as written: the characters paragraph markup would read, and '"' inside an attribute.

    (xml.sax.saxutils.escape does the same, but importing it loads urllib, http and email: 10 ms.)
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if quotes else text


_BLANK_LINE = re.compile(r"\n\s*\n")


_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


class MarkupStyle(ParagraphStyle):
    """A paragraph style that keeps the markup parsed in it: a batch prints the same steps hundreds of times.

    The parsed markup lives and dies with the style, and so with the cache of styles that made it.
    """

    def __init__(self, name: str, parent: ParagraphStyle | None = None, **values):
        super().__init__(name, parent, **values)
        self.parsed: dict[tuple[str, str | None], tuple] = {}
        self.between_characters: MarkupStyle | None = None  # this style wrapping Chinese, Japanese and Korean

    def parse(self, markup: str, bullet: str | None) -> tuple:
        if len(markup) > LONG:  # pages of text: parsed each time (in time linear in it), not kept
            style, fragments, bullet_fragments = parse_markup(markup, self)
            return style, fragments, bullet_fragments or bullet
        key = (markup, bullet)
        if key not in self.parsed:
            if len(self.parsed) >= PARSED_PER_STYLE:
                self.parsed.clear()
            style, fragments, bullet_fragments = parse_markup(markup, self)
            self.parsed[key] = (style, fragments, bullet_fragments or bullet)
        return self.parsed[key]

    def wrapping_between_characters(self) -> MarkupStyle:
        if self.between_characters is None:
            self.between_characters = MarkupStyle(f"{self.name}-cjk", parent=self, wordWrap="CJK")
        return self.between_characters


def styled(markup: str, style: MarkupStyle, bulletText: str | None = None) -> Paragraph:  # noqa: N803
    """A paragraph from markup, parsed once per style.

    Chinese, Japanese and Korean text has no spaces to break at: such a paragraph wraps between characters.
    """
    if _CJK.search(markup):
        style = style.wrapping_between_characters()
    parsed_style, fragments, bullet = style.parse(markup, bulletText)
    return paragraph_from_fragments(markup, parsed_style, fragments, bullet)


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
