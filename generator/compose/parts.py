"""Small building blocks every part of a handout uses: tables in the layout's font, tinted boxes."""

from __future__ import annotations

from reportlab.platypus import Flowable, Table, TableStyle

from . import bilingual
from .styles import Styles
from .wording import Words


def cautions_box(cautions: list[str], styles: Styles, words: Words, second_cautions: tuple[str, ...] = ()) -> Table:
    """The exercise's cautions under their heading; on a bilingual handout, each again in the second language."""
    lines: list[Flowable] = bilingual.heading(lambda said: said.CAUTION_LABEL, styles.caution_label,
                                              styles.second_caution_label, words)
    lines += bilingual.bullets(cautions, second_cautions, styles.caution, styles.second_caution)
    box = boxed(lines, styles, styles.colours.caution_background)
    box.setStyle(TableStyle([("LINEBEFORE", (0, 0), (0, -1), 3, styles.colours.caution_border)]))
    return box


def boxed(content: list[Flowable], styles: Styles, background) -> Table:
    """Content set apart on a tinted background, full width."""
    padding = styles.layout.spacing.cell_padding
    table = grid([[content]], ["100%"], styles, [
        ("BACKGROUND", (0, 0), (-1, -1), background),
        ("LEFTPADDING", (0, 0), (-1, -1), padding * 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding * 2),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding * 1.5),
    ], split=False)  # a box and its heading are read together: never split over a page
    table.spaceAfter = styles.layout.spacing.paragraph * 2
    return table


def grid(rows: list[list], widths: list, styles: Styles, commands: list[tuple], split: bool = True) -> Table:
    """A table in the layout's font; where ``split``, it may split between rows and inside a row taller than a
    page."""
    table = Table(rows, colWidths=widths, splitInRow=int(split), splitByRow=int(split))
    padding = styles.layout.tables.cell_padding_x
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
                               ("LEFTPADDING", (0, 0), (-1, -1), padding),
                               ("RIGHTPADDING", (0, 0), (-1, -1), padding), *commands]))
    return table
