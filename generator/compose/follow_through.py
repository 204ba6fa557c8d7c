"""What helps a client keep going at home: stop signs, notes lines, video codes, variations, progressions."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..model import Dosage
from ..model.exercise import Stage
from ..resolve.handout import HandoutVariation
from . import wording
from .flowables import QrCode, RuledLines
from .parts import boxed, grid
from .styles import Styles
from .text import escape, labelled, paragraph, plain, styled


def stop_if_box(reasons: list[str], styles: Styles) -> Flowable:
    """The worksheet's warning signs, boxed and headed so they cannot be missed."""
    lines: list[Flowable] = [styled(f"<b>{escape(wording.STOP_IF_LABEL)}</b>", styles.stop_label)]
    lines += [paragraph(reason, styles.caution, bulletText="•") for reason in reasons]
    box = boxed(lines, styles, styles.colours.caution_background)
    box.setStyle([("BOX", (0, 0), (-1, -1), 1.5, styles.colours.caution_border)])
    return box


def notes_lines(count: int, styles: Styles, width: float) -> Flowable:
    return RuledLines(count, width, styles.layout.notes.line_gap, styles.colours.rule)


def video_block(url: str, styles: Styles, width: float) -> Flowable:
    """A QR code a phone can scan at its printed size, beside the address, which is also a link in the PDF."""
    size = styles.layout.video.qr_size
    target = escape(url, quotes=True)
    text = [
        styled(f'<b>{escape(wording.VIDEO_LABEL)}:</b> <link href="{target}">{plain(url)}</link>', styles.meta),
        styled(escape(wording.SCAN_HINT), styles.meta),
    ]
    gap = styles.layout.spacing.column_gap
    return grid([[QrCode(url, size), text]], [size + gap, width - size - gap], styles, [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, 0), gap),
    ])


def variations_list(variations: tuple[HandoutVariation, ...], styles: Styles) -> list[Flowable]:
    lines = []
    for variation in variations:
        label = wording.EASIER_LABEL if variation.level == "easier" else wording.HARDER_LABEL
        parts = [variation.name, wording.dosage_sentence(variation.dosage), variation.text]
        lines.append(labelled(label, " — ".join(part for part in parts if part), styles.variation))
    return lines


def progression_table(stages: tuple[Stage, ...], styles: Styles, width: float) -> Flowable:
    """Weeks | Sets | Reps | ... with the columns any stage uses."""
    headings = [heading for heading, _ in wording.dosage_columns(_union(stages))]
    rows = [[paragraph(wording.PROGRESSION_WEEKS, styles.table_heading),
             *(paragraph(h, styles.table_heading) for h in headings)]]
    for stage in stages:
        given = dict(wording.dosage_columns(stage.dosage))
        rows.append([paragraph(wording.weeks_words(stage.weeks), styles.table_value),
                     *(paragraph(given.get(h, "–"), styles.table_value) for h in headings)])
    column = min(width / len(rows[0]), styles.layout.tables.progression_column)
    colours = styles.colours
    table = grid(rows, [column] * len(rows[0]), styles, [
        ("BACKGROUND", (0, 0), (-1, 0), colours.table_header_background),
        ("BOX", (0, 0), (-1, -1), 0.75, colours.table_border),
        ("INNERGRID", (0, 0), (-1, -1), 0.5, colours.table_border),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ])
    table.hAlign = "LEFT"
    table.spaceBefore = table.spaceAfter = styles.layout.spacing.paragraph
    return table


def _union(stages: tuple[Stage, ...]) -> Dosage:
    merged = Dosage()
    for stage in stages:
        merged = merged.overridden_by(stage.dosage)
    return merged
