"""What helps a client keep going at home: stop signs, notes lines, video codes, variations, progressions."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..resolve.handout import HandoutVariation
from . import bilingual
from .flowables import QrCode, RuledLines
from .parts import boxed
from .styles import Styles
from .text import escape, labelled, styled
from .wording import Words


def stop_if_box(reasons: list[str], styles: Styles, words: Words, second_reasons: tuple[str, ...] = ()) -> Flowable:
    """The worksheet's warning signs, boxed and headed so they cannot be missed; on a bilingual handout, the
    heading again in the second language, and each sign where the worksheet's copy in it gives them."""
    lines: list[Flowable] = bilingual.heading(lambda said: said.STOP_IF_LABEL, styles.stop_label,
                                              styles.second_stop_label, words)
    lines += bilingual.bullets(reasons, second_reasons, styles.caution, styles.second_caution)
    box = boxed(lines, styles, styles.colours.caution_background)
    box.setStyle([("BOX", (0, 0), (-1, -1), 1.5, styles.colours.caution_border)])
    return box


def notes_lines(count: int, styles: Styles, width: float) -> Flowable:
    return RuledLines(count, width, styles.layout.notes.line_gap, styles.colours.rule)


def notes_area(label: str, count: int, styles: Styles, width: float) -> list[Flowable]:
    """Lines to write on under their label (unlabelled lines read as stray rules): to be kept together."""
    return [styled(f"<b>{escape(label)}</b>", styles.small_label), notes_lines(count, styles, width)]


def video_code(url: str, styles: Styles, words: Words) -> list[Flowable]:
    """A QR code a phone can scan at its printed size, linked to the video in the PDF, over a short label: the
    address itself would wrap in a narrow column and nobody types it."""
    code = QrCode(url, styles.layout.video.qr_size)
    code.hAlign = "CENTER"
    return [code, styled(escape(words.SCAN_LABEL), styles.qr_label)]


def variations_list(variations: tuple[HandoutVariation, ...], styles: Styles, words: Words) -> list[Flowable]:
    lines = []
    for variation in variations:
        label = words.EASIER_LABEL if variation.level == "easier" else words.HARDER_LABEL
        dose = " · ".join(words.dosage_parts(variation.dosage))
        # 'Harder: Medicine ball rotational throw (3 sets · 12 reps). Stand side-on to a wall.': one line of its own
        lead = f"{variation.name} ({dose})" if variation.name and dose else (variation.name or dose)
        said = f"{lead}. {variation.text}" if lead and variation.text else (lead or variation.text or "")
        lines.append(labelled(label, said, styles.variation))
    return lines
