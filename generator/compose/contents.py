"""A booklet's contents: each program's title across the page, its exercises under it in two columns, every
line with its page number at the right of its column; split over two pages so that both are as full."""

from __future__ import annotations

import itertools
from typing import Any, Optional

from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents, drawPageNumbers

from .reportlab_internals import contents_entries, frame_height, kept_height
from .text import MarkupStyle

END = "contentsEntryEnd"  # the canvas callback each line's paragraph calls where its text ends
WIDE = 22  # the fewest ems of a column of exercise names
Entry = tuple[int, str, int, Any]  # level, text, page, bookmark key
BARE = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]


class Contents(TableOfContents):
    """Filled in by a multi-pass build from the programs' and exercises' bookmarks, as ReportLab's is.

    ``follows`` is what comes straight after it (the checklist, kept whole): where the two do not fit on
    the page, the contents break between programs where the page and the next come out as full."""

    def __init__(self, heading: Flowable, program: MarkupStyle, exercise: MarkupStyle, gap: float, font: str,
                 follows: Optional[Flowable] = None):
        super().__init__(dotsMinLevel=0)
        self.heading = heading  # held in the first program's block, so it never ends a page alone
        self.levelStyles = [program, exercise]
        self.gap, self.follows = gap, follows
        self.tableStyle = TableStyle([("FONTNAME", (0, 0), (-1, -1), font), *BARE])

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        entries = contents_entries(self) or [(0, "…", 0, None)]  # the first pass: nothing gathered yet
        self.canv.setNamedCB(END, self._page_number(availHeight))
        blocks = [self._block(program, availWidth) for program in _programs(entries)]
        blocks[0] = Table([[self.heading], [blocks[0]]], colWidths=(availWidth,), style=self.tableStyle)
        self._heights = [block.wrap(availWidth, 1e6)[1] for block in blocks]
        self._table = Table([[block] for block in blocks], colWidths=(availWidth,), style=self.tableStyle,
                            splitInRow=0)
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        if self.height <= availHeight < self.height + self._following(availWidth):
            return self.width, availHeight + 1  # over the page with what follows: to be split, evenly
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        frame = frame_height(self) or availHeight
        used, following = frame - availHeight, self._following(availWidth)
        ends = list(itertools.accumulate(self._heights))[:-1]  # the heights at which it can break
        fitting = [end for end in ends if end <= availHeight and self.height - end + following <= frame]
        if not fitting:
            return self._table.splitOn(self.canv, availWidth, availHeight)
        # Where this page and the next, the rest with what follows, come out most alike.
        end = min(fitting, key=lambda end: abs((used + end) - (self.height - end + following)))
        parts = self._table.splitOn(self.canv, availWidth, end + 0.5)
        return [parts[0], PageBreak(), *parts[1:]]  # else the rest would fill up this page again

    def _following(self, width: float) -> float:
        """What follows, where it is kept with the contents' end: not when taller than a page, as it then
        begins wherever they end."""
        frame = frame_height(self) or 1e6
        following = 0.0 if self.follows is None else kept_height(self.follows, width, frame, self.canv)
        return following if following <= frame else 0.0

    def _block(self, program: list[Entry], width: float) -> Table:
        """One program: its title, then its exercises down the left column and on down the right."""
        heading, exercises = program[0], program[1:]
        space = Spacer(1, self.levelStyles[0].spaceBefore)
        if (width - self.gap) / 2 < WIDE * self.levelStyles[1].fontSize:  # large type: one column reads better
            lines = [[space], *([self._line(entry, width)] for entry in program)]
            return Table(lines, colWidths=(width,), style=self.tableStyle)
        column = (width - self.gap) / 2
        rows: list[list[Any]] = [[space, ""], [self._line(heading, width), ""]]
        half = (len(exercises) + 1) // 2
        for left, right in zip(exercises[:half], [*exercises[half:], None]):
            rows.append([self._line(left, column), self._line(right, column) if right else ""])
        style = TableStyle([("SPAN", (0, 0), (1, 0)), ("SPAN", (0, 1), (1, 1)),
                            ("RIGHTPADDING", (0, 2), (0, -1), self.gap)], parent=self.tableStyle)
        return Table(rows, colWidths=(column + self.gap, column), style=style)

    def _line(self, entry: Entry, width: float) -> Paragraph:
        level, text, page, key = entry
        if key:
            text = f'<a href="#{key}">{text}</a>'
        label = f"{page},{min(level, 1)},{width:.3f},{key or ''}"
        return Paragraph(f'{text}<onDraw name="{END}" label="{label}"/>', self.levelStyles[min(level, 1)])

    def _page_number(self, height: float):
        def draw(canvas: Any, kind: str, label: str) -> None:
            page, level, width, key = label.split(",", 3)
            drawPageNumbers(canvas, self.levelStyles[int(level)], [(int(page), key or None)], float(width),
                            height, " . ")
        return draw


def _programs(entries: list[Entry]) -> list[list[Entry]]:
    """Each program's title with its exercises' entries."""
    programs: list[list[Entry]] = []
    for entry in entries:
        if entry[0] == 0 or not programs:
            programs.append([entry])
        else:
            programs[-1].append(entry)
    return programs
