"""Paragraph styles and colours built from a layout, once per build."""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from ..model import Layout
from ..base.record import Record
from ..render.fonts import FontFamily, family


class Palette(Record):
    text: Color
    muted: Color
    accent: Color
    rule: Color
    table_header_background: Color
    table_border: Color
    caution_text: Color
    caution_background: Color
    caution_border: Color
    note_background: Color
    placeholder_background: Color
    placeholder_border: Color


class Styles(Record):
    layout: Layout
    fonts: FontFamily
    colours: Palette
    title: ParagraphStyle
    subtitle: ParagraphStyle
    section: ParagraphStyle
    heading: ParagraphStyle
    heading_first: ParagraphStyle
    body: ParagraphStyle
    meta: ParagraphStyle
    step: ParagraphStyle
    second_step: ParagraphStyle
    table_heading: ParagraphStyle
    table_value: ParagraphStyle
    caution: ParagraphStyle
    caution_label: ParagraphStyle
    stop_label: ParagraphStyle
    variation: ParagraphStyle
    log_name: ParagraphStyle
    note: ParagraphStyle
    placeholder: ParagraphStyle
    footer: ParagraphStyle
    page_number: ParagraphStyle
    label: ParagraphStyle
    filled_in: ParagraphStyle
    clinic_name: ParagraphStyle
    clinic_line: ParagraphStyle
    running_header: ParagraphStyle
    running_header_right: ParagraphStyle


@lru_cache(maxsize=32)  # layouts compare by value: the same objects let parsed paragraphs be reused
def build_styles(layout: Layout) -> Styles:
    """The styles for a layout, built once per process."""
    palette = Palette(**{name: HexColor(value) for name, value in layout.colours.given().items()})
    sizes, spacing = layout.sizes, layout.spacing
    fonts = family(layout.fonts)

    def style(name: str, size: float, font: str = fonts.regular, colour: Color = palette.text, **extra) -> ParagraphStyle:
        extra.setdefault("leading", size * sizes.line_height)
        extra.setdefault("bulletFontName", font)
        extra.setdefault("bulletFontSize", size)
        return ParagraphStyle(name, fontName=font, fontSize=size, textColor=colour, **extra)

    return Styles(
        layout=layout,
        fonts=fonts,
        colours=palette,
        title=style("title", sizes.title, fonts.bold, palette.accent, leading=sizes.title * 1.15, spaceAfter=2),
        subtitle=style("subtitle", sizes.subtitle, colour=palette.muted, spaceAfter=spacing.paragraph),
        section=style(
            "section", sizes.section, fonts.bold, palette.accent,
            spaceBefore=spacing.section_gap, spaceAfter=spacing.paragraph,
        ),
        heading=style("heading", sizes.heading, fonts.bold, spaceAfter=1, spaceBefore=spacing.exercise_gap,
                      bulletColor=palette.accent),
        heading_first=style("heading_first", sizes.heading, fonts.bold, spaceAfter=1, bulletColor=palette.accent),
        body=style("body", sizes.body, spaceAfter=spacing.paragraph),
        meta=style("meta", sizes.small, colour=palette.muted, spaceAfter=spacing.paragraph),
        step=style(
            "step", sizes.body, leftIndent=spacing.step_indent, bulletIndent=0,
            bulletFontName=fonts.bold, bulletColor=palette.accent, spaceAfter=spacing.paragraph * 0.75,
        ),
        second_step=style("second_step", sizes.body * 0.92, fonts.regular, palette.muted,
                          leftIndent=spacing.step_indent, spaceAfter=spacing.paragraph),
        table_heading=style("table_heading", sizes.small, fonts.bold, palette.muted, alignment=TA_CENTER),
        table_value=style("table_value", sizes.body, fonts.bold, alignment=TA_CENTER),
        caution=style("caution", sizes.body, colour=palette.caution_text, leftIndent=10, bulletIndent=0),
        caution_label=style("caution_label", sizes.body, fonts.bold, palette.caution_text, spaceAfter=1),
        stop_label=style("stop_label", sizes.heading, fonts.bold, palette.caution_text, spaceAfter=2),
        variation=style("variation", sizes.body, spaceAfter=spacing.paragraph * 0.75),
        log_name=style("log_name", sizes.small),
        note=style("note", sizes.body, fonts.italic),
        placeholder=style("placeholder", sizes.small, colour=palette.muted, alignment=TA_CENTER),
        footer=style("footer", sizes.footer, colour=palette.muted),
        page_number=style("page_number", sizes.footer, fonts.bold, palette.muted, alignment=TA_RIGHT),
        label=style("label", sizes.body, fonts.bold, palette.muted),
        filled_in=style("filled_in", sizes.body, leftIndent=3),
        clinic_name=style("clinic_name", sizes.subtitle, fonts.bold, palette.accent, alignment=TA_RIGHT),
        clinic_line=style("clinic_line", sizes.small, colour=palette.muted, alignment=TA_RIGHT),
        running_header=style("running_header", sizes.footer, colour=palette.muted),
        running_header_right=style("running_header_right", sizes.footer, fonts.bold, palette.muted, alignment=TA_RIGHT),
    )
