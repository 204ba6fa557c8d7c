"""Small building blocks every part of a handout uses: tables in the layout's font, tinted boxes, the dosage table."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from . import wording
from .styles import Styles
from .text import paragraph, styled


def dosage_table(columns: list[tuple[str, str]], styles: Styles, width: float) -> Table:
    """Sets | Reps | Hold | ... with only the fields given."""
    headings = [paragraph(h, styles.table_heading) for h, _ in columns]
    values = [paragraph(v, styles.table_value) for _, v in columns]
    colours = styles.colours
    table = grid([headings, values], [width / len(columns)] * len(columns), styles, [
        ("BACKGROUND", (0, 0), (-1, 0), colours.table_header_background),
        ("BOX", (0, 0), (-1, -1), 0.75, colours.table_border),
        ("INNERGRID", (0, 0), (-1, -1), 0.5, colours.table_border),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), styles.layout.spacing.cell_padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), styles.layout.spacing.cell_padding),
    ])
    table.spaceBefore = styles.layout.spacing.paragraph
    return table


def dosage_fits(columns: list[tuple[str, str]], styles: Styles, width: float) -> bool:
    """Whether every word of the dosage table fits its cell at ``width``, so none is broken mid-word."""
    padding = 2 * styles.layout.tables.cell_padding_x
    widest = max(
        stringWidth(word, styles.fonts.bold, size)
        for heading, value in columns
        for text, size in ((heading, styles.table_heading.fontSize), (value, styles.table_value.fontSize))
        for word in text.split()
    )
    return width / len(columns) >= widest + padding


def cautions_box(cautions: list[str], styles: Styles) -> Table:
    lines: list[Flowable] = [styled(f"<b>{wording.CAUTION_LABEL}</b>", styles.caution_label)]
    lines += [paragraph(caution, styles.caution, bulletText="•") for caution in cautions]
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
    ])
    table.spaceAfter = styles.layout.spacing.paragraph * 2
    return table


def grid(rows: list[list], widths: list, styles: Styles, commands: list[tuple]) -> Table:
    """A table in the layout's font; rows taller than a page may split."""
    table = Table(rows, colWidths=widths, splitInRow=1)
    padding = styles.layout.tables.cell_padding_x
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
                               ("LEFTPADDING", (0, 0), (-1, -1), padding),
                               ("RIGHTPADDING", (0, 0), (-1, -1), padding), *commands]))
    return table
