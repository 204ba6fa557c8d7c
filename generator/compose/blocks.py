"""Composition: a resolved handout into flowables, one small function per block."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, NextPageTemplate, PageBreak, Paragraph, Spacer

from ..resolve.handout import Handout, HandoutExercise, HandoutSection
from . import wording
from .figures import FigureDrawing, Ink
from .flowables import Anchor, ExerciseBlock, IllustrationBox
from .follow_through import notes_lines, progression_table, stop_if_box, variations_list, video_block
from .log import tracking_log
from .parts import boxed, cautions_box, dosage_fits, dosage_table, grid
from .styles import Styles
from .text import escape, labelled, paragraph, paragraphs, plain, styled

LOG_TEMPLATE = "log"  # a page template with one full-width frame, whatever the layout's columns


def compose(handout: Handout, styles: Styles, pictures: Mapping[Path, ImageReader], width: float, key: str = "sheet",
            full_width: float | None = None, log_template: str = LOG_TEMPLATE) -> list[Flowable]:
    """Every flowable of the handout, in reading order; ``key`` names its bookmarks.

    ``width`` is a column's; ``full_width`` the page body's, for the tracking log on its ``log_template``.
    ``pictures`` are the decoded illustrations, by file.
    """
    full_width = full_width or width
    story = title_block(handout, styles, width, key)
    for section in handout.sections:
        story.extend(section_block(section, handout, styles, pictures, width, key))
    if handout.worksheet.closing:
        gap = Spacer(0, styles.layout.spacing.exercise_gap)
        story.append(KeepTogether([gap, *paragraphs(handout.worksheet.closing, styles.body)]))
    if handout.notes_at_end:
        story.append(KeepTogether([Spacer(0, styles.layout.spacing.section_gap),
                                   styled(escape(wording.NOTES_HEADING), styles.section),
                                   notes_lines(handout.notes_at_end, styles, width)]))
    if handout.log_weeks:
        story += [NextPageTemplate(log_template), PageBreak(), *tracking_log(handout, styles, full_width)]
    return story


def page_break_due(item: HandoutExercise, handout: Handout) -> bool:
    """Whether the layout's exercises-per-page limit ends the page after this exercise."""
    per_page = handout.layout.page.exercises_per_page
    return bool(per_page) and item.number % per_page == 0 and item.number < len(handout.exercises)


def title_block(handout: Handout, styles: Styles, width: float, key: str) -> list[Flowable]:
    worksheet = handout.worksheet
    # The anchor follows its heading so that the heading's space above still vanishes at a page top.
    story: list[Flowable] = [paragraph(worksheet.title, styles.title), Anchor(0, worksheet.title, key)]
    if worksheet.subtitle:
        story.append(paragraph(worksheet.subtitle, styles.subtitle))
    story.append(client_lines(handout, styles, width))
    story.append(Spacer(0, styles.layout.spacing.paragraph * 2))
    if handout.personal is not None and handout.personal.note:
        story.append(boxed([labelled(wording.FOR_YOU_LABEL, handout.personal.note, styles.note)], styles,
                           styles.colours.note_background))
    if worksheet.intro:
        story.extend(paragraphs(worksheet.intro, styles.body))
    if worksheet.stop_if:
        story.append(stop_if_box(worksheet.stop_if, styles))
    story.append(Spacer(0, styles.layout.spacing.paragraph))
    return story


def client_lines(handout: Handout, styles: Styles, width: float) -> Flowable:
    """Client, date and clinician: printed where given, otherwise a line to write on."""
    personal = handout.personal
    client = personal.client if personal else None
    day = wording.date_words(personal.date) if personal and personal.date else None
    clinician = personal.clinician if personal else None
    labels = [styled(f"{escape(text)}:", styles.label)
              for text in (wording.CLIENT_LABEL, wording.DATE_LABEL, wording.CLINICIAN_LABEL)]
    label_widths = [stringWidth(f"{text}:", styles.fonts.bold, styles.label.fontSize) + 4
                    for text in (wording.CLIENT_LABEL, wording.DATE_LABEL, wording.CLINICIAN_LABEL)]
    gap = styles.layout.spacing.column_gap
    first_label = max(label_widths[0], label_widths[2])
    tables = styles.layout.tables
    # A printed date gets the room it takes in the language printed; a blank line, room to write one by hand.
    date_room = stringWidth(day, styles.fonts.regular, styles.body.fontSize) + 8 if day else tables.date_line
    date_value = max(width * tables.date_share, date_room)
    client_value = width - first_label - gap - label_widths[1] - date_value

    def value(text: str | None) -> Paragraph:
        return paragraph(text or "", styles.filled_in)

    rows = [
        [labels[0], value(client), "", labels[1], value(day)],
        [labels[2], value(clinician), "", "", ""],
    ]
    spacing = styles.layout.spacing.paragraph
    return grid(rows, [first_label, client_value, gap, label_widths[1], date_value], styles, [
        ("SPAN", (1, 1), (4, 1)),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), spacing * 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LINEBELOW", (1, 0), (1, 0), 0.7, styles.colours.muted),
        ("LINEBELOW", (4, 0), (4, 0), 0.7, styles.colours.muted),
        ("LINEBELOW", (1, 1), (4, 1), 0.7, styles.colours.muted),
    ])


def section_block(section: HandoutSection, handout: Handout, styles: Styles, pictures: Mapping[Path, ImageReader],
                  width: float, key: str) -> list[Flowable]:
    """The section's exercises; its heading and intro travel in the first exercise's block."""
    lead: list[Flowable] = []
    if section.heading:
        lead.append(paragraph(section.heading, styles.section))
    if section.intro:
        lead.extend(paragraphs(section.intro, styles.body))
    story: list[Flowable] = []
    for index, exercise in enumerate(section.exercises):
        story.append(exercise_block(exercise, handout, styles, pictures, width, key, lead if index == 0 else []))
        if page_break_due(exercise, handout):
            story.append(PageBreak())
    return story


def exercise_block(item: HandoutExercise, handout: Handout, styles: Styles, pictures: Mapping[Path, ImageReader],
                   width: float, key: str, lead: list[Flowable] | None = None) -> Flowable:
    """One exercise (after ``lead``, a section's heading), kept on one page unless taller than a page.

    The gap above an exercise belongs to its heading, so that it vanishes at the top of a page.
    """
    exercise, show = item.exercise, handout.layout.show
    anchor = Anchor(1, f"{item.number}. {exercise.name}", f"{key}-{item.number}")
    parts: list[Flowable] = [*(lead or []), heading(item, styles.heading_first if lead else styles.heading), anchor]
    facts = meta_line(item, styles)
    if facts is not None:
        parts.append(facts)
    if exercise.summary and show.summary:
        parts.append(paragraph(exercise.summary, styles.body))
    parts.extend(instructions(item, styles, pictures, width))
    notes = [labelled(label, text, styles.note)
             for label, text in ((wording.NOTE_LABEL, item.note), (wording.FOR_YOU_LABEL, item.client_note)) if text]
    if notes:
        parts.append(boxed(notes, styles, styles.colours.note_background))
    if exercise.cautions and show.cautions:
        parts.append(cautions_box(exercise.cautions, styles))
    for tip in exercise.tips if show.tips else []:
        parts.append(labelled(wording.TIP_LABEL, tip, styles.meta))
    if item.variations:
        parts.extend(variations_list(item.variations, styles))
    if item.progression:
        parts.append(progression_table(item.progression, styles, width))
    if exercise.video and show.video:
        parts.append(video_block(str(exercise.video), styles, width))
    if handout.notes_per_exercise:
        parts.append(notes_lines(handout.notes_per_exercise, styles, width))
    return ExerciseBlock(parts, f"exercise {item.number} '{exercise.name}'")


def heading(item: HandoutExercise, style: ParagraphStyle) -> Paragraph:
    accent = style.bulletColor.hexval()[2:]
    return styled(f'<font color="#{accent}">{item.number}.</font>&nbsp;&nbsp;{plain(item.exercise.name)}', style)


def meta_line(item: HandoutExercise, styles: Styles) -> Paragraph | None:
    """Position, equipment and muscles, as far as the layout shows them."""
    exercise, show = item.exercise, styles.layout.show
    facts = []
    if show.position:
        facts.append((wording.POSITION_LABEL, wording.position_words(exercise.position)))
    if exercise.equipment and show.equipment:
        facts.append((wording.EQUIPMENT_LABEL, ", ".join(exercise.equipment)))
    if exercise.targets and show.targets:
        facts.append((wording.TARGETS_LABEL, ", ".join(exercise.targets)))
    if not facts:
        return None
    text = "&nbsp;&nbsp;·&nbsp;&nbsp;".join(f"<b>{label}:</b> {plain(value)}" for label, value in facts)
    return styled(text, styles.meta)


def instructions(item: HandoutExercise, styles: Styles, pictures: Mapping[Path, ImageReader],
                 width: float) -> list[Flowable]:
    """The numbered steps and the dosage table, with the illustration above them or in a column beside."""
    box = styles.layout.illustration
    gap = styles.layout.spacing.column_gap
    beside = box.position != "above"
    text_width = width - box.width - gap if beside else width
    steps: list[Flowable] = []
    for number, step in enumerate(item.exercise.steps, start=1):
        steps.append(paragraph(step, styles.step, bulletText=f"{number}."))
        if number <= len(item.second_steps):  # a bilingual handout: the same step, lighter, in the second language
            steps.append(paragraph(item.second_steps[number - 1], styles.second_step))
    columns = wording.dosage_columns(item.dosage)
    table_below = columns and not dosage_fits(columns, styles, text_width)
    if columns and not table_below:
        steps.append(dosage_table(columns, styles, text_width))
    after = [dosage_table(columns, styles, width)] if table_below else []
    picture = illustration(item, styles, pictures, min(box.width, width))
    if not beside:
        picture.hAlign = "CENTER"
        return [picture, Spacer(0, styles.layout.spacing.paragraph), *steps, *after]
    if box.position == "left":
        row, widths = [picture, steps], [box.width + gap, text_width]
    else:
        row, widths = [steps, picture], [text_width + gap, box.width]
    table = grid([row], widths, styles, [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, 0), gap),  # the first column's width includes the gap
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), styles.layout.spacing.paragraph),
    ])
    return [table, *after]


def illustration(item: HandoutExercise, styles: Styles, pictures: Mapping[Path, ImageReader],
                 width: float) -> IllustrationBox:
    box = styles.layout.illustration
    image = pictures.get(item.illustration) if item.illustration is not None else None
    figure = None
    if image is None and item.picture is not None:
        figure = FigureDrawing(item.picture, styles.layout.figure, Ink.of(styles.layout.figure, styles.layout.colours),
                               styles.fonts.bold, styles.figures)
    label = wording.DRAWING_SPACE
    return IllustrationBox(width, box.height, image, figure, label, styles.placeholder,
                           styles.colours.placeholder_border, styles.colours.placeholder_background, box.padding)
