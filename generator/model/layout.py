"""A layout: everything about how a handout looks, as data."""

from typing import Annotated, Literal, Optional

from ..base.record import Record
from .choices import IllustrationPlace, Orientation, Paper
from .common import Colour, Length, Text
from .rules import Range

TypeSize = Annotated[float, Range(4, 96)]


class Margins(Record):
    top: Length
    right: Length
    bottom: Length
    left: Length


class Page(Record):
    size: Paper = "letter"
    orientation: Orientation = "portrait"
    margins: Margins
    columns: Literal[1, 2] = 1
    column_gap: Length = 24.0
    exercises_per_page: Annotated[int, Range(0, 20)] = 0  # 0: as many as fit


class Fonts(Record):
    """A shipped font's name (see generator/fonts/) or a TrueType file relative to the layout."""

    regular: Text = "DejaVuSans"
    bold: Text = "DejaVuSans-Bold"
    italic: Text = "DejaVuSans-Oblique"
    bold_italic: Text = "DejaVuSans-BoldOblique"


class TypeSizes(Record):
    """Sizes in points; ``line_height`` is a multiple of the size."""

    title: TypeSize
    subtitle: TypeSize
    section: TypeSize
    heading: TypeSize
    body: TypeSize
    small: TypeSize
    footer: TypeSize
    line_height: Annotated[float, Range(1.0, 3.0)] = 1.3


class Colours(Record):
    text: Colour
    muted: Colour
    accent: Colour
    rule: Colour
    table_header_background: Colour
    table_border: Colour
    caution_text: Colour
    caution_background: Colour
    caution_border: Colour
    note_background: Colour
    placeholder_background: Colour
    placeholder_border: Colour


class Spacing(Record):
    paragraph: Length
    exercise_gap: Length
    section_gap: Length
    step_indent: Length
    column_gap: Length
    cell_padding: Length  # above and below the text of a table cell
    footer_gap: Length
    rule_gap: Length = 4.0  # between the header or footer text and its rule
    caution_indent: Length = 10.0  # of a caution's text, after its bullet


class Tables(Record):
    """Cell paddings and column widths of the handout's tables."""

    cell_padding_x: Length = 6.0  # left and right of the text of a table cell
    log_cell_padding: Length = 3.0  # around each tick box of the tracking log
    checklist_item_share: Annotated[float, Range(0.1, 0.9)] = 0.35  # of the width, for a set's checklist items
    date_share: Annotated[float, Range(0.1, 0.6)] = 0.3  # of the width, at least, for page one's date line
    date_line: Length = 32 * 72 / 25.4  # at least, for a date written by hand on page one's blank line


class Illustration(Record):
    width: Length
    height: Length
    position: IllustrationPlace = "left"
    padding: Length = 6.0  # around the words of an empty box's label


class FigureStyle(Record):
    """How exercise figures are drawn: line weight and colours; unset colours come from ``colours``."""

    line: Length = 0.9  # the outline's weight: heavier in large print
    ink: Optional[Colour] = None  # outlines; the text colour when unset
    accent: Optional[Colour] = None  # arrows and frame numbers; the accent colour when unset
    far: Colour = "#dfe3e8"  # limbs on the far side of the body
    far_ink: Colour = "#7c8794"
    skin: Colour = "#ffffff"
    shade: Colour = "#f6c9a8"  # where the stretch should be felt
    prop: Colour = "#eef1f4"
    prop_ink: Colour = "#8a96a3"
    dont: Colour = "#c0392b"  # the slash over a picture of what not to do
    gap: Length = 3 * 72 / 25.4  # between frames
    margin: Length = 1.5 * 72 / 25.4  # inside the illustration box
    number: TypeSize = 6.5  # type size of a frame's number; its disc grows with it


class Breaks(Record):
    """Where pages may end. A block that must stay whole moves to the next page, unless that would leave the
    page less than ``fill`` used: then what the layout allows here moves up to fill it."""

    fill: Annotated[float, Range(0.0, 0.9)] = 0.5  # of a page, used at least before a block moves on
    split_exercises: bool = True  # an exercise may go on over the page between its parts, never inside one
    log_on_new_page: bool = False  # the tracking log always starts a page (a two-column layout's always does)


class Show(Record):
    """Which parts of an exercise a handout prints."""

    summary: bool = True
    position: bool = True
    equipment: bool = True
    targets: bool = True
    tips: bool = True
    cautions: bool = True
    video: bool = True


class LogStyle(Record):
    box: Length = 7 * 72 / 25.4  # the square to tick: big enough for a pen
    name_width: Length = 55 * 72 / 25.4  # the exercise-name column, at most


class NotesStyle(Record):
    lines_per_exercise: Annotated[int, Range(0, 20)] = 0
    lines_at_end: Annotated[int, Range(0, 40)] = 5
    line_gap: Length = 8 * 72 / 25.4


class VideoStyle(Record):
    qr_size: Length = 22 * 72 / 25.4  # printed QR codes under about 2 cm scan poorly


class Header(Record):
    """Page one's clinic block, and the running header (title, clinic name) on later pages."""

    running: bool = True
    logo_width: Length = 40 * 72 / 25.4
    logo_height: Length = 16 * 72 / 25.4
    gap: Length = 8.0  # between the header and the body


class Footer(Record):
    disclaimer: Optional[Text] = None
    rule: bool = True


class Clinic(Record):
    """Who hands the sheet out: printed at the top of page one, and small on later pages."""

    name: Text
    logo: Optional[Text] = None
    lines: list[Text] = []
    accent: Optional[Colour] = None


class Layout(Record):
    extends: Optional[Text] = None
    name: Text
    description: Optional[Text] = None
    page: Page
    fonts: Fonts = Fonts()
    sizes: TypeSizes
    colours: Colours
    spacing: Spacing
    tables: Tables = Tables()
    illustration: Illustration
    figure: FigureStyle = FigureStyle()
    show: Show = Show()
    breaks: Breaks = Breaks()
    log: LogStyle = LogStyle()
    notes: NotesStyle = NotesStyle()
    video: VideoStyle = VideoStyle()
    header: Header = Header()
    footer: Footer = Footer()
    clinic: Optional[Clinic] = None
