"""An exercise card: its picture first, then its name, steps and dose; what helps at home under them."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator, Mapping

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Paragraph, Spacer

from ..model import Dosage
from ..resolve.handout import Handout, HandoutExercise
from . import bilingual
from .figures import FigureDrawing, Ink
from .card_breaks import ExerciseBlock, StepCut, leading_in
from .flowables import Anchor, IllustrationBox
from .follow_through import notes_area, variations_list, video_code
from .parts import boxed, cautions_box, grid
from .picture_size import PictureSize, picture_size
from .styles import Styles
from .text import escape, labelled, paragraph, plain, styled
from .wording import Words


def page_break_due(item: HandoutExercise, handout: Handout) -> bool:
    """Whether the layout's exercises-per-page limit ends the page after this exercise."""
    per_page = handout.layout.page.exercises_per_page
    return bool(per_page) and item.number % per_page == 0 and item.number < len(handout.exercises)


def exercise_block(item: HandoutExercise, handout: Handout, styles: Styles, words: Words,
                   pictures: Mapping[Path, ImageReader], width: float, key: str,
                   lead: list[Flowable] | None = None) -> Flowable:
    """One exercise card (after ``lead``, a section's heading and intro), kept on one page where it fits.

    Its units: the picture beside (or above) the name, steps and dose, split only when taller than a page; then
    notes, cautions, tips with variations, lines to write on, each whole.
    """
    exercise, show = item.exercise, handout.layout.show
    anchor = Anchor(1, f"{item.number}. {exercise.name}", f"{key}-{item.number}")

    def opening(steps: int | None = None, picture_height: float | None = None) -> list[Flowable]:
        first = _first_part(item, handout, styles, words, pictures, width, steps, picture_height)
        # The gap above a card is its first part's space before, which a frame drops at its top; the anchor
        # follows that part so as not to take the top of the frame from it. A section's heading goes with the
        # first card.
        first[0].spaceBefore = 0 if lead else styles.layout.spacing.exercise_gap
        return [*leading_in(list(lead or [])), *first, anchor]

    units: list[list[Flowable]] = [opening()]
    notes = [labelled(label, text, styles.note)
             for label, text in ((words.NOTE_LABEL, item.note), (words.FOR_YOU_LABEL, item.client_note)) if text]
    if notes:
        units.append([boxed(notes, styles, styles.colours.note_background)])
    if exercise.cautions and show.cautions:
        units.append([cautions_box(exercise.cautions, styles, words, item.second_cautions)])
    tips = [labelled(words.TIP_LABEL, tip, styles.meta) for tip in (exercise.tips if show.tips else [])]
    if item.variations:
        tips += variations_list(item.variations, styles, words)
    if tips:
        units.append(tips)
    if handout.notes_per_exercise:
        units.append(notes_area(words.YOUR_NOTES_LABEL, handout.notes_per_exercise, styles, width))
    continued = continued_label(item, styles, words)
    kept = handout.layout.breaks.steps_kept

    box = styles.layout.illustration

    def picture_height(by: float) -> float | None:  # the picture ``by`` shorter, if still as tall as allowed
        height = box.height - by
        return height if height >= box.height * box.shortest else None

    def cuts(by: float = 0.0) -> Iterator[StepCut]:  # made only for a card that meets a page's end, most never do
        # Most steps first, down to the layout's fewest; then, where not even those fit, one.
        counts = [*range(len(exercise.steps) - 1, kept - 1, -1), *range(min(kept, len(exercise.steps)) - 1, 0, -1)]
        height = picture_height(by) if by else None
        beside = text_column(item, handout, styles, pictures, width)
        for steps in counts if kept and (height or not by) else []:
            yield StepCut(opening(steps, height), later_steps(item, styles, words, steps), beside)

    def shorter(by: float) -> list[Flowable] | None:  # the card under a picture ``by`` shorter, if still big enough
        height = picture_height(by)
        return opening(picture_height=height) if height is not None else None

    return ExerciseBlock(units, f"exercise {item.number} '{exercise.name}'", handout.layout.breaks, continued,
                         cuts, shorter, alone=page_break_due(item, handout))


def text_column(item: HandoutExercise, handout: Handout, styles: Styles, pictures: Mapping[Path, ImageReader],
                width: float) -> tuple[float, float]:
    """How far in from the card's left and right its text column stands beside the picture (none above it)."""
    box = styles.layout.illustration
    size = picture_size(box, frames(item, pictures), width, styles.layout.figure.gap)
    if size.above:
        return 0.0, 0.0
    aside = size.width + styles.layout.spacing.column_gap
    return (aside, 0.0) if box.position == "left" else (0.0, aside)


def _first_part(item: HandoutExercise, handout: Handout, styles: Styles, words: Words,
                pictures: Mapping[Path, ImageReader], width: float, steps: int | None = None,
                picture_height: float | None = None) -> list[Flowable]:
    """The picture, with the video's code under it, beside the name, steps and dose; or all above each other.
    With ``steps``, only that many steps and no dose: the part of a card that ends a page, its other steps
    going on over it; with ``picture_height``, the picture that tall rather than the layout's height."""
    box, gap = styles.layout.illustration, styles.layout.spacing.column_gap
    show_video = item.exercise.video is not None and handout.layout.show.video
    size = picture_size(box, frames(item, pictures), width, styles.layout.figure.gap)
    if picture_height is not None:
        size = size._replace(height=picture_height)
    if size.above:
        return _stacked(item, styles, words, pictures, width, show_video, size, steps)
    picture_width = size.width
    text_width = width - picture_width - gap
    picture_column: list[Flowable] = [illustration(item, styles, words, pictures, picture_width, size.height)]
    if show_video:
        picture_column += [Spacer(0, styles.layout.spacing.paragraph),
                           *video_code(str(item.exercise.video), styles, words)]
    text = card_text(item, styles, words, text_width, steps)
    if box.position == "left":
        row, widths = [picture_column, text], [picture_width + gap, text_width]
        padding = ("RIGHTPADDING", (0, 0), (0, 0), gap)
    else:
        row, widths = [text, picture_column], [text_width + gap, picture_width]
        padding = ("RIGHTPADDING", (0, 0), (0, 0), gap)
    table = grid([row], widths, styles, [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        padding,  # the first column's width includes the gap
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), styles.layout.spacing.paragraph),
    ])
    return [table]


def _stacked(item: HandoutExercise, styles: Styles, words: Words, pictures: Mapping[Path, ImageReader],
             width: float, show_video: bool, size: PictureSize, steps: int | None = None) -> list[Flowable]:
    """The picture across the column (the video's code beside it), then the name, steps and dose under it."""
    gap = styles.layout.spacing.column_gap
    code = video_code(str(item.exercise.video), styles, words) if show_video else []
    code_width = styles.layout.video.qr_size + 2 * gap if code else 0
    picture = illustration(item, styles, words, pictures, min(size.width, width - code_width), size.height)
    top: Flowable = picture
    if code:
        top = grid([[picture, code]], [width - code_width, code_width], styles, [
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ], split=False)
    else:
        picture.hAlign = "CENTER"
    return [*leading_in([top, Spacer(0, styles.layout.spacing.paragraph)]),
            *card_text(item, styles, words, width, steps)]


def card_text(item: HandoutExercise, styles: Styles, words: Words, width: float,
              steps: int | None = None) -> list[Flowable]:
    """Name, what the exercise needs, steps, dose and progression: the card's words, top to bottom; on a
    bilingual handout, the name, each step and the dose again in the second language. With ``steps``, the
    words only as far as that step."""
    exercise, show = item.exercise, styles.layout.show
    wide = item.number >= 10  # a two-digit number hangs further out
    text: list[Flowable] = [heading(item, styles.heading_wide if wide else styles.heading),
                            *bilingual.again(item.second_name, styles.second_name_wide if wide else styles.second_name)]
    facts = meta_line(item, styles, words)
    if facts is not None:
        text.append(facts)
    if exercise.summary and show.summary:
        text.append(paragraph(exercise.summary, styles.body))
    leading_in(text)
    if steps is not None:
        return text + step_lines(item, styles, range(steps))
    return text + later_steps(item, styles, words, 0)


def continued_label(item: HandoutExercise, styles: Styles, words: Words) -> Flowable:
    """'N. Name (continued)', over a part of the card that begins a page; a bilingual copy says it again."""
    label, second = escape(words.continued(item.exercise.name)), words.second
    if second is not None and item.second_name:  # on the same line where it fits, lighter, as a name's is
        label += f" · <font face='{styles.fonts.regular}'>{escape(second.continued(item.second_name))}</font>"
    return styled(label, styles.continued, f"{item.number}.")


def later_steps(item: HandoutExercise, styles: Styles, words: Words, start: int) -> list[Flowable]:
    """The steps from step ``start`` (0 the first) on, then the dose: what goes on over a page."""
    steps, dose = step_lines(item, styles, range(start, len(item.exercise.steps))), dose_lines(item, styles, words)
    if dose:
        leading_in(steps[-1:])  # the last step goes over with the dose, which alone would read as the next card's
    return [*steps, *dose]


def step_lines(item: HandoutExercise, styles: Styles, indices: range) -> list[Flowable]:
    """The numbered steps at ``indices``, each with its second-language line on a bilingual handout."""
    lines: list[Flowable] = []
    for index in indices:
        step = [paragraph(item.exercise.steps[index], styles.step, bulletText=f"{index + 1}.")]
        if index < len(item.second_steps):  # a bilingual handout: the same step, lighter, in the second language
            step.append(paragraph(item.second_steps[index], styles.second_step))
        lines += bilingual.together(step)
    return lines


def heading(item: HandoutExercise, style: ParagraphStyle) -> Paragraph:
    """The number hanging in the accent colour, a wrapped name under the name's first word."""
    return paragraph(item.exercise.name, style, bulletText=f"{item.number}.")


def meta_line(item: HandoutExercise, styles: Styles, words: Words) -> Paragraph | None:
    """Position, equipment and muscles, as far as the layout shows them."""
    exercise, show = item.exercise, styles.layout.show
    facts = []
    if show.position:
        facts.append((words.POSITION_LABEL, words.position_words(exercise.position)))
    if exercise.equipment and show.equipment:
        facts.append((words.EQUIPMENT_LABEL, ", ".join(exercise.equipment)))
    if exercise.targets and show.targets:
        facts.append((words.TARGETS_LABEL, ", ".join(exercise.targets)))
    if not facts:
        return None
    text = "&nbsp;&nbsp;·&nbsp; ".join(f"<b>{escape(label)}:</b> {plain(value)}" for label, value in facts)
    return styled(text, styles.meta)


def dose_text(dosage: Dosage, words: Words) -> str:
    """The dose as markup that wraps only between its parts: '2 sets · 10 reps · hold 5 s'."""
    return "&nbsp;· ".join(plain(part).replace(" ", "&nbsp;") for part in words.dose_line_parts(dosage))


def dose_lines(item: HandoutExercise, styles: Styles, words: Words) -> list[Flowable]:
    """The dose in one plain line (and again in a bilingual handout's second language); under it, a
    progression's stages, each captioned with its weeks."""
    lines: list[Flowable] = []
    stages = list(item.progression)
    # A first stage at the dose itself captions the dose line with its weeks rather than saying it twice.
    weeks = stages.pop(0).weeks if stages and stages[0].dosage == item.dosage else None

    def dose_line(said: Words) -> str:
        text = dose_text(item.dosage, said)
        return f"<b>{escape(said.weeks_caption(weeks))}:</b> {text}" if weeks else text

    if item.dosage.given():
        lines += bilingual.together([styled(dose_line(words), styles.dose),
                                     *bilingual.said_again(words.second, dose_line, styles.second_dose)])
    for stage in stages:
        caption = escape(words.weeks_caption(stage.weeks))
        lines.append(styled(f"<b>{caption}:</b> {dose_text(stage.dosage, words)}", styles.stage))
    return lines


def frames(item: HandoutExercise, pictures: Mapping[Path, ImageReader]) -> int:
    """How many frames the card's picture has: a photo or an empty box is one."""
    if item.illustration is not None and item.illustration in pictures:
        return 1
    return len(item.picture.panels) if item.picture is not None else 1


def illustration(item: HandoutExercise, styles: Styles, words: Words, pictures: Mapping[Path, ImageReader],
                 width: float, height: float) -> IllustrationBox:
    box = styles.layout.illustration
    image = pictures.get(item.illustration) if item.illustration is not None else None
    figure = None
    if image is None and item.picture is not None:
        figure = FigureDrawing(item.picture, styles.layout.figure, Ink.of(styles.layout.figure, styles.layout.colours),
                               styles.fonts.bold, styles.figures)
    return IllustrationBox(width, height, image, figure, words.DRAWING_SPACE, styles.placeholder,
                           styles.colours.placeholder_border, styles.colours.placeholder_background, box.padding)
