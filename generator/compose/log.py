"""The tracking log: a page the client fills in by hand over the weeks, a box per exercise per day."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from ..resolve.handout import Handout
from .flowables import HeadedAgain, TickBox, TopOnly
from .parts import grid
from .styles import Styles
from .text import escape, plain, styled
from .wording import Words

DAYS = 7


def log_rows(handout: Handout, words: Words) -> list[str]:
    """One row per exercise; two, left and right, for an exercise done on each side."""
    rows = []
    for item in handout.exercises:
        name = f"{item.number}. {item.exercise.name}"
        if item.dosage.side == "each":
            rows += [f"{name} ({words.LEFT_SHORT})", f"{name} ({words.RIGHT_SHORT})"]
        else:
            rows.append(name)
    return rows


def tracking_log(handout: Handout, styles: Styles, words: Words, width: float, in_set: bool = False) -> list[Flowable]:
    """A table a week, each kept whole; the first under the log's heading and what to do.

    Every page the log goes on to begins under its heading again, as a card's part does under its name: in a
    set, whose logs all look alike, the heading that names the program; else the heading, continued.
    """
    heading = plain(words.log_heading(handout.worksheet.title) if in_set else words.LOG_HEADING)
    lead: list[Flowable] = [styled(heading, styles.section), styled(escape(words.LOG_INTRO), styles.meta)]
    story: list[Flowable] = []
    gap = styles.layout.spacing.paragraph * 2
    for week in range(1, (handout.log_weeks or 0) + 1):
        # over a week that begins a page, and over each part of a week too long for one; small, as over a card
        again = styled(heading, styles.section) if in_set else \
            styled(plain(words.continued(words.LOG_HEADING)), styles.small_label)
        table = HeadedAgain(week_table(week, handout, styles, words, width), again, gap)
        story.append(KeepTogether([*(lead if week == 1 else [TopOnly(again)]), Spacer(0, gap), table]))
    return story


def _day_width(last_day: int, styles: Styles) -> float:
    """The narrowest day column that holds a tick box and the week's widest day number on one line."""
    style = styles.table_heading
    number = stringWidth(str(last_day), styles.fonts.bold, style.fontSize)
    return max(styles.layout.log.box, number) + 2 * styles.layout.tables.cell_padding_x + 1


def week_table(week: int, handout: Handout, styles: Styles, words: Words, width: float) -> Table:
    """Seven day columns of tick boxes, a row per exercise, and a row for the day's pain score."""
    box, padding = styles.layout.log.box, styles.layout.tables.log_cell_padding
    first_day = (week - 1) * DAYS + 1
    day_width = _day_width((handout.log_weeks or 1) * DAYS, styles)  # the same columns every week
    name_width = min(styles.layout.log.name_width, width - DAYS * day_width)
    day_width = (width - name_width) / DAYS
    # 'Day' once over the seven columns and the numbers under it: 'Giorno 14' would not fit a column in large print.
    header = [[styled(f"<b>{escape(words.LOG_WEEK)} {week}</b>", styles.table_heading),
               styled(f"<b>{escape(words.LOG_DAY)}</b>", styles.table_heading), *[""] * (DAYS - 1)],
              ["", *(styled(f"<b>{day}</b>", styles.table_heading) for day in range(first_day, first_day + DAYS))]]
    rows = list(header)
    for name in [*log_rows(handout, words), words.LOG_PAIN]:
        rows.append([styled(plain(name), styles.log_name), *(TickBox(box, styles.colours.text) for _ in range(DAYS))])
    colours = styles.colours
    table = grid(rows, [name_width, *[day_width] * DAYS], styles, [
        ("SPAN", (0, 0), (0, 1)),
        ("SPAN", (1, 0), (-1, 0)),
        ("BACKGROUND", (0, 0), (-1, 1), colours.table_header_background),
        ("LINEBELOW", (0, 1), (-1, -1), 0.5, colours.table_border),
        ("BOX", (0, 0), (-1, -1), 0.75, colours.table_border),
        ("BACKGROUND", (0, -1), (-1, -1), colours.caution_background),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 2), (-1, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (1, 0), (-1, 1), padding / 2),
        ("BOTTOMPADDING", (1, 0), (-1, 1), padding / 2),
    ])
    table.repeatRows = 2
    return table
