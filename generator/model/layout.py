"""A layout: everything about how a handout looks, as data."""

from typing import Annotated, Literal, Optional

from ..base.record import Record
from .choices import IllustrationPlace, Orientation, Paper
from .common import Colour, Length, Text
from .rules import Doc, Range

TypeSize = Annotated[float, Range(4, 96)]
_FONT = "the {} face: a shipped font (DejaVuSans…) or a .ttf file relative to the layout"


class Margins(Record):
    """The page's margins: nothing is printed outside them."""

    top: Annotated[Length, Doc("the top margin")]
    right: Annotated[Length, Doc("the right margin")]
    bottom: Annotated[Length, Doc("the bottom margin")]
    left: Annotated[Length, Doc("the left margin")]


class Page(Record):
    """The paper and where on it the handout goes."""

    size: Annotated[Paper, Doc("letter, a4 or legal; --paper overrides it")] = "letter"
    orientation: Annotated[Orientation, Doc("portrait or landscape")] = "portrait"
    margins: Annotated[Margins, Doc("lengths; nothing is printed outside them")]
    columns: Annotated[Literal[1, 2], Doc("1 or 2 columns of exercises")] = 1
    column_gap: Annotated[Length, Doc("the space between two columns")] = 24.0
    exercises_per_page: Annotated[int, Range(0, 20), Doc(
        "start a new page after this many exercises; 0 fits as many as there is room for")] = 0
    exercise_list: Annotated[bool, Doc(
        "list the exercises with their doses on page one, under the stop box: where each has a page of its own, "
        "page one then says what the pages hold")] = False


class Fonts(Record):
    """A shipped font's name (see generator/fonts/) or a TrueType file relative to the layout."""

    regular: Annotated[Text, Doc(_FONT.format("upright"))] = "DejaVuSans"
    bold: Annotated[Text, Doc(_FONT.format("bold"))] = "DejaVuSans-Bold"
    italic: Annotated[Text, Doc(_FONT.format("italic"))] = "DejaVuSans-Oblique"
    bold_italic: Annotated[Text, Doc(_FONT.format("bold italic"))] = "DejaVuSans-BoldOblique"


class TypeSizes(Record):
    """Sizes in points; ``line_height`` is a multiple of the size."""

    title: Annotated[TypeSize, Doc("the handout's title, in points")]
    subtitle: Annotated[TypeSize, Doc("the subtitle, in points")]
    section: Annotated[TypeSize, Doc("section headings, in points")]
    heading: Annotated[TypeSize, Doc("exercise names, in points")]
    body: Annotated[TypeSize, Doc("steps and other body text, in points")]
    small: Annotated[TypeSize, Doc("tips and other small text, in points")]
    footer: Annotated[TypeSize, Doc("the footer and running header, in points")]
    line_height: Annotated[float, Range(1.0, 3.0), Doc("line spacing as a multiple of the type size")] = 1.3


class Colours(Record):
    """Colours as '#rrggbb' (quote them: # starts a YAML comment)."""

    text: Annotated[Colour, Doc("body text")]
    muted: Annotated[Colour, Doc("secondary text")]
    accent: Annotated[Colour, Doc("headings and numbers")]
    rule: Annotated[Colour, Doc("thin lines")]
    table_header_background: Annotated[Colour, Doc("the heading rows of tables (the tracking log, a set's checklist)")]
    table_border: Annotated[Colour, Doc("the rules of tables")]
    caution_text: Annotated[Colour, Doc("the text of the 'Take care' box")]
    caution_background: Annotated[Colour, Doc("the ground of the 'Take care' box")]
    caution_border: Annotated[Colour, Doc("the border of the 'Take care' box")]
    note_background: Annotated[Colour, Doc("the ground of the clinician's note")]
    placeholder_background: Annotated[Colour, Doc("the box drawn where there is no illustration")]
    placeholder_border: Annotated[Colour, Doc("the border of the box drawn where there is no illustration")]


class Spacing(Record):
    """Space between the parts of a handout, as lengths."""

    paragraph: Annotated[Length, Doc("after each paragraph")]
    exercise_gap: Annotated[Length, Doc("above each exercise")]
    section_gap: Annotated[Length, Doc("above a section heading (dropped at the top of a page)")]
    step_indent: Annotated[Length, Doc("the hanging indent of numbered steps")]
    column_gap: Annotated[Length, Doc("between the steps and the illustration")]
    cell_padding: Annotated[Length, Doc("above and below the text in tables and boxes")]
    footer_gap: Annotated[Length, Doc("between the body and the footer")]
    rule_gap: Annotated[Length, Doc("between the header or footer text and its thin rule")] = 4.0
    caution_indent: Annotated[Length, Doc("of a caution's text, after its bullet")] = 10.0


class Tables(Record):
    """Cell paddings and column widths of the handout's tables."""

    cell_padding_x: Annotated[Length, Doc("left and right of the text in every table cell")] = 6.0
    log_cell_padding: Annotated[Length, Doc("around each tick box of the tracking log")] = 3.0
    checklist_item_share: Annotated[float, Range(0.1, 0.9), Doc(
        "the share of the width a booklet's equipment checklist gives the item names")] = 0.35
    date_share: Annotated[float, Range(0.1, 0.6), Doc(
        "page one's date line takes at least this share of the width")] = 0.3
    date_line: Annotated[Length, Doc(
        "a blank date line is at least this long, to write a date by hand")] = 32 * 72 / 25.4


class Illustration(Record):
    """The box an exercise's picture is fitted into."""

    width: Annotated[Length, Doc("the box's width (narrowed to the column if wider)")]
    height: Annotated[Length, Doc("the box's height")]
    position: Annotated[IllustrationPlace, Doc("left or right of the name, steps and dose, or above them")] = "left"
    padding: Annotated[Length, Doc("around the label of an empty illustration box")] = 6.0
    share: Annotated[float, Range(0.0, 0.9), Doc(
        "the box is at least this share of the card's width, on any paper")] = 0.0
    frame: Annotated[Length, Doc(
        "the least width of each frame of a figure in frames: the box widens to give every frame this much")] = 0.0
    beside: Annotated[float, Range(0.1, 0.9), Doc(
        "beside the steps a picture takes at most this share of the card; a figure whose frames need more "
        "goes above the steps, across the card")] = 0.5
    shortest: Annotated[float, Range(0.3, 1.0), Doc(
        "a card a little taller than a page may make its picture shorter to fit it, or to begin at a page's "
        "foot with one step, down to this share of its height (1: never)")] = 0.6


class FigureStyle(Record):
    """How exercise figures are drawn: line weight and colours; unset colours come from ``colours``."""

    line: Annotated[Length, Doc("the outline's weight: heavier in large print")] = 0.9
    ink: Annotated[Optional[Colour], Doc("outlines; the text colour when unset")] = None
    accent: Annotated[Optional[Colour], Doc("arrows and frame numbers; the accent colour when unset")] = None
    far: Annotated[Colour, Doc("limbs on the far side of the body")] = "#dfe3e8"
    far_ink: Annotated[Colour, Doc("the outline of limbs on the far side")] = "#7c8794"
    skin: Annotated[Colour, Doc("the body's fill")] = "#ffffff"
    shade: Annotated[Colour, Doc("where the stretch should be felt")] = "#f6c9a8"
    prop: Annotated[Colour, Doc("the fill of props (chair, wall, mat…)")] = "#eef1f4"
    prop_ink: Annotated[Colour, Doc("the outline of props")] = "#8a96a3"
    towel: Annotated[Colour, Doc("a towel's fill: cloth, apart from the grey of props and far limbs")] = "#b9d7e8"
    band: Annotated[Colour, Doc("an exercise band: a coloured cord, where a grey bar would read as a rod")] = "#c4553f"
    dont: Annotated[Colour, Doc("the slash over a picture of what not to do")] = "#c0392b"
    paper: Annotated[Colour, Doc("the band that parts a nearer limb from what is behind it")] = "#ffffff"
    part_gap: Annotated[Length, Doc("that band's width round each part, and round an arrow")] = 0.6
    hair: Annotated[Colour, Doc("the hair on the back and crown of the head: which way it faces")] = "#aab3bd"
    ghost: Annotated[Colour, Doc("the dashed line where a part that moves a little was in frame 1")] = "#9aa5b1"
    gap: Annotated[Length, Doc("between frames")] = 3 * 72 / 25.4
    margin: Annotated[Length, Doc("inside the illustration box")] = 1.5 * 72 / 25.4
    number: Annotated[TypeSize, Doc("type size of a frame's number; its disc grows with it")] = 6.5


class Breaks(Record):
    """Where pages may end. A block that must stay whole moves to the next page, unless that would leave the
    page less than ``fill`` used: then what the layout allows here moves up to fill it."""

    fill: Annotated[float, Range(0.0, 0.9), Doc(
        "a page is at least this share used before a block that must stay whole moves on")] = 0.5
    split_exercises: Annotated[bool, Doc(
        "an exercise may go on over the page between its parts, never inside one")] = True
    steps_kept: Annotated[int, Range(0, 10), Doc(
        "a card too tall for what is left of a page may go on over it between its steps, this many at least "
        "staying with its picture and name (where not even those fit, one at least); "
        "0: never between steps")] = 2
    log_on_new_page: Annotated[bool, Doc(
        "the tracking log always starts a page; else it follows the last card, in columns across the page under "
        "the first column's content while the others are empty")] = False
    title_page_in_set: Annotated[bool, Doc(
        "in a set, each program's title, intro and list of exercises stand on a page of their own, a third of "
        "the way down it: the page one a set's cover leaves without the client's lines and the stop box")] = False


class Show(Record):
    """Which parts of an exercise a handout prints."""

    summary: Annotated[bool, Doc("print each exercise's summary")] = True
    position: Annotated[bool, Doc("print each exercise's position")] = True
    equipment: Annotated[bool, Doc("print each exercise's equipment")] = True
    targets: Annotated[bool, Doc("print each exercise's targets")] = True
    tips: Annotated[bool, Doc("print each exercise's tips")] = True
    cautions: Annotated[bool, Doc("print each exercise's cautions")] = True
    video: Annotated[bool, Doc("print each exercise's video address and QR code")] = True


class LogStyle(Record):
    """The tracking log's boxes and columns."""

    box: Annotated[Length, Doc("the square to tick: big enough for a pen")] = 7 * 72 / 25.4
    name_width: Annotated[Length, Doc("the exercise-name column, at most")] = 55 * 72 / 25.4


class NotesStyle(Record):
    """Ruled lines for notes, unless the worksheet says otherwise."""

    lines_per_exercise: Annotated[int, Range(0, 20), Doc("ruled lines under each exercise")] = 0
    lines_at_end: Annotated[int, Range(0, 40), Doc("ruled lines in a notes area at the end")] = 5
    line_gap: Annotated[Length, Doc("between ruled lines")] = 8 * 72 / 25.4


class VideoStyle(Record):
    """How video addresses print."""

    qr_size: Annotated[Length, Doc("the printed size of QR codes: under about 2 cm they scan poorly")] = 22 * 72 / 25.4


class Header(Record):
    """Page one's clinic block, and the running header (title, clinic name) on later pages."""

    running: Annotated[bool, Doc("on pages after the first, a small line with the title and the clinic name")] = True
    logo_width: Annotated[Length, Doc("the width of the box the clinic logo is fitted into")] = 40 * 72 / 25.4
    logo_height: Annotated[Length, Doc("the height of the box the clinic logo is fitted into")] = 16 * 72 / 25.4
    gap: Annotated[Length, Doc("between the header and the body")] = 8.0


class Footer(Record):
    """The footer of every page."""

    disclaimer: Annotated[Optional[Text], Doc(
        "replaces the tool's own disclaimer (a worksheet's wins over this)")] = None
    rule: Annotated[bool, Doc("a thin line above the footer")] = True


class Clinic(Record):
    """Who hands the sheet out: printed at the top of page one, and small on later pages."""

    name: Annotated[Text, Doc("the clinic's name")]
    logo: Annotated[Optional[Text], Doc("a PNG, JPEG or GIF, relative to the file that names it")] = None
    lines: Annotated[list[Text], Doc("address, phone, website: one line each")] = []
    accent: Annotated[Optional[Colour], Doc(
        "a colour that replaces the layout's accent (headings, step numbers)")] = None


class Layout(Record):
    """A layout (layouts/<name>.yaml): everything about how a handout looks. One that extends another says only
    what differs."""

    extends: Annotated[Optional[Text], Doc("the layout this one starts from: a name, or a path relative to this "
                                           "file; then every other field may be left out")] = None
    name: Annotated[Text, Doc("shown by worksheet list layouts and in error messages")]
    description: Annotated[Optional[Text], Doc("shown by worksheet list layouts")] = None
    page: Annotated[Page, Doc("paper size, orientation, margins and columns")]
    fonts: Annotated[Fonts, Doc("the four faces; every font is embedded in the PDF")] = Fonts()
    sizes: Annotated[TypeSizes, Doc("type sizes in points, and the line height")]
    colours: Annotated[Colours, Doc("colours as '#rrggbb'")]
    spacing: Annotated[Spacing, Doc("space between the parts of a handout")]
    tables: Annotated[Tables, Doc("cell paddings and column widths of tables")] = Tables()
    illustration: Annotated[Illustration, Doc("the box each exercise's picture is fitted into")]
    figure: Annotated[FigureStyle, Doc("how exercise figures are drawn")] = FigureStyle()
    show: Annotated[Show, Doc("which parts of each exercise print")] = Show()
    breaks: Annotated[Breaks, Doc("where pages may end")] = Breaks()
    log: Annotated[LogStyle, Doc("the tracking log's tick box and name column")] = LogStyle()
    notes: Annotated[NotesStyle, Doc("ruled lines for notes, unless the worksheet says otherwise")] = NotesStyle()
    video: Annotated[VideoStyle, Doc("the size of printed QR codes")] = VideoStyle()
    header: Annotated[Header, Doc("page one's clinic block and the running header")] = Header()
    footer: Annotated[Footer, Doc("the footer of every page")] = Footer()
    clinic: Annotated[Optional[Clinic], Doc("a clinic block for every handout printed with this layout")] = None
