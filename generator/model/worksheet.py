"""A worksheet as its author writes it: which exercises, in what order, with what changes."""

from typing import Annotated, Any, Optional, Union

from ..base.record import Record
from .choices import Language, Level, Order
from .common import Text
from .exercise import Dosage, Exercise, Stage, Variation
from .layout import Clinic
from .rules import Doc, ExactlyOne, NotEmpty, Pick, Range


def _entry_kind(value: Any) -> Any:
    return Exercise if isinstance(value, dict) else Text


# An entry names a library exercise by id, or defines a one-off exercise in place.
ExerciseRef = Annotated[Union[Text, Exercise], Pick(_entry_kind)]


class Entry(Record):
    """One exercise of a worksheet: a library id alone, or a mapping that changes the exercise for this worksheet."""

    exercise: Annotated[ExerciseRef, Doc("a library exercise id (the file name without .yaml), or a one-off exercise "
                                         "written in place with the fields of a library file")]
    dosage: Annotated[Dosage, Doc("only the fields given change the exercise's own dose")] = Dosage()
    note: Annotated[Optional[Text], Doc("printed under the exercise")] = None
    variations: Annotated[list[Variation], Doc("added to the exercise's own")] = []
    variation: Annotated[Optional[Level], Doc("print only the exercise's own variations of this level")] = None
    progression: Annotated[Optional[list[Stage]], Doc("replaces the exercise's own")] = None

    shorthand = "exercise"  # a bare value stands for this field: `- chin-tuck`

    @classmethod
    def prepare(cls, value: Any) -> Any:
        return {cls.shorthand: value} if isinstance(value, str) else value


class Section(Record):
    """A heading over some of the exercises; exercises are numbered on across sections."""

    heading: Annotated[Text, Doc("the section's heading")]
    intro: Annotated[Optional[Text], Doc("text under the heading")] = None
    exercises: Annotated[list[Entry], NotEmpty(), Doc("the section's exercises, at least one")]


class Log(Record):
    """The tracking log: a grid of days to tick, and a pain score for each day."""

    weeks: Annotated[int, Range(1, 12), Doc("how many weeks the log covers")] = 2


class Notes(Record):
    """Ruled lines for the client's notes; the layout gives the defaults."""

    lines_per_exercise: Annotated[Optional[Annotated[int, Range(0, 20)]], Doc("ruled lines under each exercise")] = None
    lines_at_end: Annotated[Optional[Annotated[int, Range(0, 40)]], Doc(
        "ruled lines in a notes area at the end")] = None


class Worksheet(Record):
    """A worksheet (worksheets/<name>.yaml): which exercises, in what order, with what changes."""

    title: Annotated[Text, Doc("the handout's title, and the PDF's title")]
    subtitle: Annotated[Optional[Text], Doc("printed under the title; the PDF's subject")] = None
    intro: Annotated[Optional[Text], Doc("text before the exercises; a blank line starts a new paragraph")] = None
    layout: Annotated[Text, Doc("a layout name from layouts/ (standard, compact, large-print, one-per-page) or a "
                                "path to a layout file, relative to the worksheet")] = "standard"
    exercises: Annotated[Optional[Annotated[list[Entry], NotEmpty()]],
                         Doc("the exercises, in order: give this or 'sections'")] = None
    sections: Annotated[Optional[Annotated[list[Section], NotEmpty()]],
                        Doc("exercises under headings: give this or 'exercises'")] = None
    closing: Annotated[Optional[Text], Doc("text after the last exercise")] = None
    stop_if: Annotated[list[Text], Doc("warning signs, printed boxed on page one under 'Stop and call your "
                                       "clinician if:'")] = []
    order: Annotated[Order, Doc("as-written, or by-position: standing, sitting, kneeling, on hands and knees, lying, "
                                "so the client gets down to the floor once")] = "as-written"
    log: Annotated[Optional[Log], Doc("a tracking log page: a tick box per exercise and day, and the day's pain "
                                      "from 0 to 10")] = None
    notes: Annotated[Notes, Doc("ruled lines for notes, unless the layout's defaults will do")] = Notes()
    language: Annotated[Optional[Language], Doc("the language of the tool's own words; library exercises print "
                                                "from their translation files (default en)")] = None
    disclaimer: Annotated[Optional[Text], Doc("replaces the disclaimer in the footer of every page")] = None
    clinic: Annotated[Optional[Clinic], Doc("who hands the sheet out, printed at the top of page one")] = None
    tags: Annotated[list[Text], Doc("words to find it by (worksheet list worksheets --tag …), and the PDF's "
                                    "keywords")] = []

    exactly_one = ExactlyOne("exercises", "sections")

    def verify(self) -> None:
        self.exactly_one.check(self)
