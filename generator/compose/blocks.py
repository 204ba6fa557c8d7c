"""Composition: a resolved handout into flowables, one small function per block."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, NextPageTemplate, PageBreak, Paragraph, Spacer

from ..model import Personal
from ..resolve.handout import Handout, HandoutSection
from . import bilingual
from .card import dose_text, exercise_block, page_break_due
from .card_breaks import link_cards
from .flowables import AcrossBelow, Anchor, HereOrLater, Lowered, TopOnly
from .follow_through import notes_lines, stop_if_box
from .log import tracking_log
from .parts import boxed, grid
from .styles import Styles
from .text import escape, labelled, paragraph, paragraphs, plain, styled
from .wording import Words

LOG_TEMPLATE = "log"  # a page template with one full-width frame, whatever the layout's columns

LOWERED = 1 / 3  # of what a title page leaves empty: above its title block, as a book's part titles stand


def compose(handout: Handout, styles: Styles, words: Words, pictures: Mapping[Path, ImageReader], width: float,
            key: str = "sheet",
            full_width: float | None = None, log_template: str = LOG_TEMPLATE, in_set: bool = False) -> list[Flowable]:
    """Every flowable of the handout, in reading order; ``key`` names its bookmarks.

    ``width`` is a column's; ``full_width`` the page body's, for the tracking log on its ``log_template``.
    ``pictures`` are the decoded illustrations, by file. ``in_set``: one program of a set, whose cover carries
    the client's lines, their note and the stop box once for all; its log pages say whose log they are.
    """
    full_width = full_width or width
    story = title_block(handout, styles, words, width, key, in_set)
    if in_set and styles.layout.breaks.title_page_in_set:
        story = [Lowered(story, LOWERED), *story, PageBreak()]
    for section in handout.sections:
        story.extend(section_block(section, handout, styles, words, pictures, width, key))
    link_cards(story)
    closing: list[Flowable] = []
    if handout.worksheet.closing:
        closing = [Spacer(0, styles.layout.spacing.exercise_gap), *paragraphs(handout.worksheet.closing, styles.body)]
    notes = closing + _notes_at_end(handout, styles, words, width)
    if handout.log_weeks:
        # The closing words and the notes go on the page the exercises end on when they fit there; else after
        # the log, on its last page, rather than alone on a page of their own before it.
        log = tracking_log(handout, styles, words, full_width, in_set)
        if styles.layout.breaks.log_on_new_page:
            here = HereOrLater(notes, to_foot=True)
            story += [here, NextPageTemplate(log_template), PageBreak()]
        else:
            across = AcrossBelow(log_template, styles.layout.spacing.section_gap, log[0], full_width,
                                 columns=styles.layout.page.columns > 1)
            here = HereOrLater(notes, across)
            story += [here, across]
        story += [*log, here.later()]
    elif notes:
        story.append(KeepTogether(notes))
    return story


def _notes_at_end(handout: Handout, styles: Styles, words: Words, width: float) -> list[Flowable]:
    if not handout.notes_at_end:
        return []
    return [Spacer(0, styles.layout.spacing.section_gap), styled(escape(words.NOTES_HEADING), styles.section),
            notes_lines(handout.notes_at_end, styles, width)]


def title_block(handout: Handout, styles: Styles, words: Words, width: float, key: str,
                in_set: bool = False) -> list[Flowable]:
    """Title and subtitle; then, unless the handout is one of a set (whose cover has them), the client's lines
    and note; the intro; then the stop box, unless in a set."""
    worksheet = handout.worksheet
    # The anchor follows its heading so that the heading's space above still vanishes at a page top.
    story: list[Flowable] = [paragraph(worksheet.title, styles.title), *bilingual.again(handout.second_title,
                                                                                    styles.second_title),
                             Anchor(0, worksheet.title, key)]
    if worksheet.subtitle:
        story.append(paragraph(worksheet.subtitle, styles.subtitle))
    if not in_set:
        story += for_client(handout.personal, styles, words, width)
    if worksheet.intro:
        story.extend(paragraphs(worksheet.intro, styles.body))
    if worksheet.stop_if and not in_set:
        story.append(stop_if_box(worksheet.stop_if, styles, words, handout.second_stop_if))
    if styles.layout.page.exercise_list:
        story += exercise_list(handout, styles, words)
    story.append(Spacer(0, styles.layout.spacing.paragraph))
    return story


def exercise_list(handout: Handout, styles: Styles, words: Words) -> list[Flowable]:
    """Each exercise's number, name and dose, as its card heads it: what the pages after this one hold."""
    muted = styles.colours.muted.hexval()[2:]
    lines = [styled(f"{plain(item.exercise.name)} <font color='#{muted}'>· {dose_text(item.dosage, words)}</font>",
                    styles.step, bulletText=f"{item.number}.") for item in handout.exercises]
    # The first line stays with the heading; a line that begins a page is under the heading again, continued,
    # so the list's end never reads as a page of its own.
    again = styled(escape(words.continued(words.EXERCISES_HEADING)), styles.small_label)
    return [KeepTogether([styled(escape(words.EXERCISES_HEADING), styles.section), lines[0]]),
            *(KeepTogether([TopOnly(again), line]) for line in lines[1:])]


def for_client(personal: Personal | None, styles: Styles, words: Words, width: float) -> list[Flowable]:
    """The client's lines, and their note boxed under them: on page one of a handout, or a set's cover."""
    story = [client_lines(personal, styles, words, width), Spacer(0, styles.layout.spacing.paragraph * 2)]
    if personal is not None and personal.note:
        story.append(boxed([labelled(words.FOR_YOU_LABEL, personal.note, styles.note)], styles,
                           styles.colours.note_background))
    return story


def client_lines(personal: Personal | None, styles: Styles, words: Words, width: float) -> Flowable:
    """Client, date and clinician: printed where given, otherwise a line to write on."""
    client = personal.client if personal else None
    day = words.date_words(personal.date) if personal and personal.date else None
    clinician = personal.clinician if personal else None
    labels = [styled(f"{escape(text)}:", styles.label)
              for text in (words.CLIENT_LABEL, words.DATE_LABEL, words.CLINICIAN_LABEL)]
    label_widths = [stringWidth(f"{text}:", styles.fonts.bold, styles.label.fontSize) + 4
                    for text in (words.CLIENT_LABEL, words.DATE_LABEL, words.CLINICIAN_LABEL)]
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


def section_block(section: HandoutSection, handout: Handout, styles: Styles, words: Words,
                  pictures: Mapping[Path, ImageReader], width: float, key: str) -> list[Flowable]:
    """The section's exercises; its heading and intro travel in the first exercise's block."""
    lead: list[Flowable] = []
    if section.heading:
        lead.append(paragraph(section.heading, styles.section))
    if section.intro:
        lead.extend(paragraphs(section.intro, styles.body))
    story: list[Flowable] = []
    for index, exercise in enumerate(section.exercises):
        story.append(exercise_block(exercise, handout, styles, words, pictures, width, key, lead if index == 0 else []))
        if page_break_due(exercise, handout):
            story.append(PageBreak())
    return story
