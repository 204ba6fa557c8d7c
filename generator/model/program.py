"""The builder page's program: the one contract between the page and `worksheet serve`. The page sends it
to preview, build, save and batch; opening a worksheet answers with one. It is checked by the validator
that checks a worksheet, and its JSON Schema (`worksheet schema program`, served at /api/schema) comes from
these records, as every file's does. What it says about the handout is written into a worksheet
(generator/web/program.py); its options are what the command line's options give."""

from typing import Annotated, Optional

from ..base.record import Record
from .choices import Language, Level, Paper
from .exercise import Dosage
from .rules import Doc, Range


class ProgramEntry(Record):
    """One exercise of the program, as the page lists it."""

    exercise: Annotated[str, Doc("a library exercise id, or inline-N for a one-off exercise the worksheet "
                                 "writes in place (kept as written)")]
    dosage: Annotated[Dosage, Doc("the fields given change the exercise's own dose; null ones keep it")] = Dosage()
    note: Annotated[Optional[str], Doc("printed under the exercise")] = None
    variation: Annotated[Optional[Level], Doc("print only the exercise's own variations of this level")] = None


class ProgramOptions(Record):
    """What the command line's --paper, --second-language, --client, --date, --clinician and --note give:
    never saved into the worksheet."""

    paper: Annotated[Optional[Paper], Doc("print on this paper whatever the layout says")] = None
    second_language: Annotated[Optional[Language], Doc("each step printed again in this language")] = None
    client: Annotated[Optional[str], Doc("the client's name, on page one")] = None
    date: Annotated[Optional[str], Doc("the date on page one, as 2026-11-20")] = None
    clinician: Annotated[Optional[str], Doc("the clinician's name, on page one")] = None
    note: Annotated[Optional[str], Doc("a note for the client, on page one")] = None


class Program(Record):
    """A handout being built on the page: the worksheet's fields the page edits, its exercises in order,
    and the options it is built with."""

    path: Annotated[Optional[str], Doc("the worksheet it was opened from or saved as, such as "
                                       "worksheets/neck.yaml; null for one never saved")] = None
    title: Annotated[str, Doc("the handout's title")] = ""
    subtitle: Annotated[str, Doc("under the title")] = ""
    intro: Annotated[str, Doc("the introduction on page one")] = ""
    stop_if: Annotated[list[str], Doc("the warning signs of the stop box, one a line")] = []
    log_weeks: Annotated[Optional[Annotated[int, Range(0, 12)]], Doc(
        "weeks of tracking log; null or 0 for none")] = None
    layout: Annotated[str, Doc("a layout name, as layouts/ and /api/choices list them")] = "standard"
    language: Annotated[Optional[Language], Doc("the handout's language; null for the worksheet's own")] = None
    exercises: Annotated[list[ProgramEntry], Doc("the program's exercises, in order")] = []
    options: Annotated[ProgramOptions, Doc("what it is built with, not saved")] = ProgramOptions()
