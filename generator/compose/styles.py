"""Paragraph styles and colours built from a layout, kept by a StyleBook."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..base.record import Record
from ..model import Layout
from ..model.layout import Colours
from .faces import FontFamily, family
from .figures import FigureForms
from .text import MarkupStyle


class Palette:
    """The layout's colours, by the same names, as ReportLab colours."""

    def __init__(self, colours: Colours):
        for name in Colours.field_names:
            setattr(self, name, HexColor(getattr(colours, name)))

    if TYPE_CHECKING:  # the names are Colours' fields, set above; tell type checkers what they hold
        def __getattr__(self, name: str) -> Color: ...


class Styles(Record):
    layout: Layout
    fonts: FontFamily
    colours: Palette
    title: MarkupStyle
    second_title: MarkupStyle
    subtitle: MarkupStyle
    section: MarkupStyle
    heading: MarkupStyle  # an exercise's name, its number hanging: numbers 1 to 9
    heading_wide: MarkupStyle  # from 10
    heading_first: MarkupStyle
    second_name: MarkupStyle
    second_name_wide: MarkupStyle
    body: MarkupStyle
    meta: MarkupStyle
    step: MarkupStyle
    second_step: MarkupStyle
    table_heading: MarkupStyle
    table_value: MarkupStyle
    caution: MarkupStyle
    second_caution: MarkupStyle
    caution_label: MarkupStyle
    second_caution_label: MarkupStyle
    stop_label: MarkupStyle
    second_stop_label: MarkupStyle
    variation: MarkupStyle
    log_name: MarkupStyle
    note: MarkupStyle
    dose: MarkupStyle
    second_dose: MarkupStyle
    stage: MarkupStyle
    small_label: MarkupStyle
    continued: MarkupStyle
    qr_label: MarkupStyle
    placeholder: MarkupStyle
    footer: MarkupStyle
    page_number: MarkupStyle
    label: MarkupStyle
    filled_in: MarkupStyle
    clinic_name: MarkupStyle
    clinic_line: MarkupStyle
    running_header: MarkupStyle
    running_header_right: MarkupStyle
    figures: FigureForms  # figures drawn in this layout, kept as PDF operators


class StyleBook:
    """The styles of each layout seen, built once: the same style objects keep their parsed markup."""

    LAYOUTS = 32  # a long-running process starts afresh past this many layouts

    def __init__(self) -> None:
        self._built: dict[Layout, Styles] = {}

    def styles(self, layout: Layout) -> Styles:
        if layout not in self._built:
            if len(self._built) >= self.LAYOUTS:
                self._built.clear()
            self._built[layout] = build_styles(layout)
        return self._built[layout]


def build_styles(layout: Layout) -> Styles:
    """The styles for a layout."""
    palette = Palette(layout.colours)
    sizes, spacing = layout.sizes, layout.spacing
    fonts = family(layout.fonts)

    def style(name: str, size: float, font: str = fonts.regular, colour: Color = palette.text, **extra) -> MarkupStyle:
        extra.setdefault("leading", size * sizes.line_height)
        extra.setdefault("bulletFontName", font)
        extra.setdefault("bulletFontSize", size)
        return MarkupStyle(name, fontName=font, fontSize=size, textColor=colour, **extra)

    def hanging(widest_bullet: str, font: str, size: float, indent: float) -> float:
        """Room for the widest bullet and a gap, so wrapped lines start under the first line's text."""
        return max(indent, stringWidth(widest_bullet, font, size) + size * 0.6 + 0.5)  # ReportLab's gap: 0.6 em

    step_indent = hanging("10.", fonts.bold, sizes.body, spacing.step_indent)
    bullet_indent = hanging("•", fonts.regular, sizes.body, spacing.caution_indent)
    name_indent, wide_name_indent = (hanging(number, fonts.bold, sizes.heading, 0) for number in ("9.", "10."))
    # A bilingual handout's second language: a little smaller than the first, in the muted colour, and never
    # under the layout's small type (large print promises every word at 16 pt).
    second_body = max(sizes.body * 0.92, sizes.small)

    return Styles(
        layout=layout,
        fonts=fonts,
        colours=palette,
        title=style("title", sizes.title, fonts.bold, palette.accent, leading=sizes.title * 1.15, spaceAfter=2),
        second_title=style("second_title", sizes.title * 0.75, fonts.bold, palette.muted,
                           leading=sizes.title * 0.75 * 1.15, spaceAfter=spacing.paragraph),
        subtitle=style("subtitle", sizes.subtitle, colour=palette.muted, spaceAfter=spacing.paragraph),
        section=style(
            "section", sizes.section, fonts.bold, palette.accent,
            spaceBefore=spacing.section_gap, spaceAfter=spacing.paragraph,
        ),
        heading=style("heading", sizes.heading, fonts.bold, spaceAfter=1, spaceBefore=spacing.exercise_gap,
                      bulletColor=palette.accent, leftIndent=name_indent, bulletIndent=0),
        heading_wide=style("heading_wide", sizes.heading, fonts.bold, spaceAfter=1, spaceBefore=spacing.exercise_gap,
                           bulletColor=palette.accent, leftIndent=wide_name_indent, bulletIndent=0),
        heading_first=style("heading_first", sizes.heading, fonts.bold, spaceAfter=1, bulletColor=palette.accent),
        second_name=style("second_name", sizes.heading * 0.8, colour=palette.muted, spaceAfter=spacing.paragraph * 0.5,
                          leftIndent=name_indent),
        second_name_wide=style("second_name_wide", sizes.heading * 0.8, colour=palette.muted,
                               spaceAfter=spacing.paragraph * 0.5, leftIndent=wide_name_indent),
        body=style("body", sizes.body, spaceAfter=spacing.paragraph),
        meta=style("meta", sizes.small, colour=palette.muted, spaceAfter=spacing.paragraph),
        step=style(
            "step", sizes.body, leftIndent=step_indent, bulletIndent=0,
            bulletFontName=fonts.bold, bulletColor=palette.accent, spaceAfter=spacing.paragraph * 0.75,
        ),
        second_step=style("second_step", second_body, fonts.regular, palette.muted,
                          leftIndent=step_indent, spaceAfter=spacing.paragraph),
        table_heading=style("table_heading", sizes.small, fonts.bold, palette.muted, alignment=TA_CENTER),
        table_value=style("table_value", sizes.body, fonts.bold, alignment=TA_CENTER),
        caution=style("caution", sizes.body, colour=palette.caution_text, leftIndent=bullet_indent, bulletIndent=0),
        second_caution=style("second_caution", second_body, colour=palette.muted, leftIndent=bullet_indent,
                             spaceAfter=spacing.paragraph * 0.5),
        caution_label=style("caution_label", sizes.body, fonts.bold, palette.caution_text, spaceAfter=1),
        second_caution_label=style("second_caution_label", second_body, fonts.bold, palette.muted,
                                   spaceAfter=2),
        stop_label=style("stop_label", sizes.section, fonts.bold, palette.caution_text, spaceAfter=2),
        second_stop_label=style("second_stop_label", sizes.section * 0.85, fonts.bold, palette.muted, spaceAfter=3),
        variation=style("variation", sizes.body, spaceAfter=spacing.paragraph * 0.75),
        log_name=style("log_name", sizes.small),
        note=style("note", sizes.body, fonts.italic),
        # A dose is read as one phrase: never broken inside a word, even in a narrow column.
        dose=style("dose", sizes.body, fonts.bold, spaceBefore=spacing.paragraph, spaceAfter=spacing.paragraph * 0.5,
                   splitLongWords=0),
        second_dose=style("second_dose", second_body, fonts.bold, palette.muted,
                          spaceAfter=spacing.paragraph * 0.5, splitLongWords=0),
        stage=style("stage", sizes.body, leftIndent=step_indent, firstLineIndent=-step_indent, splitLongWords=0,
                    spaceAfter=spacing.paragraph * 0.5),
        small_label=style("small_label", sizes.small, fonts.bold, palette.muted, spaceAfter=2),
        continued=style("continued", sizes.small, fonts.bold, palette.muted, spaceAfter=spacing.paragraph,
                        bulletIndent=0, leftIndent=hanging("10.", fonts.bold, sizes.small, 0)),
        qr_label=style("qr_label", sizes.small, colour=palette.muted, alignment=TA_CENTER, splitLongWords=0),
        placeholder=style("placeholder", sizes.small, colour=palette.muted, alignment=TA_CENTER),
        footer=style("footer", sizes.footer, colour=palette.muted),
        page_number=style("page_number", sizes.footer, fonts.bold, palette.muted, alignment=TA_RIGHT),
        label=style("label", sizes.body, fonts.bold, palette.muted),
        filled_in=style("filled_in", sizes.body, leftIndent=3),
        clinic_name=style("clinic_name", sizes.subtitle, fonts.bold, palette.accent, alignment=TA_RIGHT),
        clinic_line=style("clinic_line", sizes.small, colour=palette.muted, alignment=TA_RIGHT),
        running_header=style("running_header", sizes.footer, colour=palette.muted),
        running_header_right=style("running_header_right", sizes.footer, fonts.bold, palette.muted, alignment=TA_RIGHT),
        figures=FigureForms(),
    )
