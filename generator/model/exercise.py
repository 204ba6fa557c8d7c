"""An exercise as the library (or a worksheet, inline) describes it."""

import re
from typing import Annotated, Any, Optional

from ..base.record import Record
from .choices import Level, Position, Side
from .common import Text, WebAddress
from .figure import Figure
from .rules import Before, Doc, ExactlyOne, Invalid, NotEmpty, Range

Count = Annotated[int, Range(1, 1000)]
Seconds = Annotated[int, Range(1, 24 * 3600)]


class Dosage(Record):
    """How much to do. Every field is optional; a handout shows only what is given."""

    sets: Annotated[Optional[Count], Doc("printed as Sets: a whole number from 1")] = None
    reps: Annotated[Optional[Count], Doc("printed as Reps: a whole number from 1")] = None
    hold_seconds: Annotated[Optional[Seconds], Doc("printed as Hold: 30 is '30 s', 90 is '1 min 30 s'")] = None
    rest_seconds: Annotated[Optional[Seconds], Doc("printed as Rest, in seconds: 10 is '10 s'")] = None
    duration_seconds: Annotated[Optional[Seconds], Doc("printed as Time, in seconds: 60 is '1 min'")] = None
    per_day: Annotated[Optional[Annotated[int, Range(1, 24)]], Doc("printed as How often: 2 is '2× a day'")] = None
    per_week: Annotated[Optional[Annotated[int, Range(1, 50)]],
                        Doc("printed as How often: 3 is '3× a week'; with per_day, '2× a day, 5 days a week'")] = None
    side: Annotated[Optional[Side], Doc("which side: both, left, right, each ('each side') or alternating "
                                        "('alternate sides')")] = None

    def overridden_by(self, other: "Dosage") -> "Dosage":
        """This dosage with every field that ``other`` sets replaced."""
        return self.replace(**other.given())


class Variation(Record):
    """An easier or harder way to do the exercise: described in words, or another library exercise."""

    level: Annotated[Level, Doc("easier or harder")]
    text: Annotated[Optional[Text], Doc("the variation in words; give this or 'exercise'")] = None
    exercise: Annotated[Optional[Text], Doc("a library exercise id: its name, dose and summary are printed; give "
                                            "this or 'text'")] = None
    dosage: Annotated[Dosage, Doc("the variation's own dose, shown with it")] = Dosage()

    exactly_one = ExactlyOne("text", "exercise")

    def verify(self) -> None:
        self.exactly_one.check(self)


_WEEKS = re.compile(r"^\s*\d+\s*(?:-\s*\d+|\+)?\s*$")


def parse_weeks(value: Any) -> str:
    """'1-2', '3' or '5+', spaces dropped."""
    if not _WEEKS.match(str(value)):
        raise Invalid(f"expected weeks like '1-2', '3' or '5+', got {str(value)!r}")
    return str(value).replace(" ", "")


WEEKS_VALUES = {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": _WEEKS.pattern}]}


class Stage(Record):
    """A dose for a span of weeks: a progression is a list of these."""

    weeks: Annotated[str, Before(parse_weeks, accepts=WEEKS_VALUES), Doc("the weeks: '1-2', '3' or '5+'")]
    dosage: Annotated[Dosage, Doc("the dose for those weeks, printed as 'Weeks 1–2: 2 sets · 10 reps'")]


class Exercise(Record):
    """An exercise of the library (worksheets/exercises/<id>.yaml), or one written in place in a worksheet."""

    name: Annotated[Text, Doc("the name printed as the exercise heading")]
    summary: Annotated[Optional[Text], Doc("one sentence: what it is and what it is for")] = None
    # A library converted from elsewhere may not say.
    position: Annotated[Position, Doc("the position it is done in: 'any' when not given")] = "any"
    equipment: Annotated[list[Text], Doc("what is needed, e.g. [towel] or [tennis ball, wall]")] = []
    targets: Annotated[list[Text], Doc("muscles or regions, e.g. [rhomboids, middle trapezius]")] = []
    steps: Annotated[list[Text], NotEmpty(), Doc("the steps, at least one; printed numbered 1, 2, 3…")]
    dosage: Annotated[Dosage, Doc("how much to do")] = Dosage()
    cautions: Annotated[list[Text], Doc("printed in a box headed 'Take care'")] = []
    tips: Annotated[list[Text], Doc("printed small under the exercise")] = []
    illustration: Annotated[Optional[Text], Doc(
        "an image file (PNG, JPEG or GIF), relative to this file: printed instead of the figure; without either, "
        "an empty box labelled with the name")] = None
    figure: Annotated[Optional[Figure], Doc("a drawn figure: a base posture, joint angles, props and frames")] = None
    video: Annotated[Optional[WebAddress], Doc("a web address (https://…), printed with a QR code a phone can "
                                               "scan")] = None
    variations: Annotated[list[Variation], Doc("easier or harder ways to do it")] = []
    progression: Annotated[list[Stage], Doc("doses that change over the weeks")] = []
    tags: Annotated[list[Text], Doc("words to find the exercise by: worksheet list exercises --tag neck")] = []


class VariationText(Record):
    """A variation's words: the text of one written in words, none for one that names another exercise."""

    text: Annotated[Optional[Text], Doc("the variation in this language")] = None


class ExerciseTranslation(Record):
    """An exercise's words in another language: the same fields, lists of the same length."""

    name: Annotated[Optional[Text], Doc("the exercise's name")] = None
    summary: Annotated[Optional[Text], Doc("the one-sentence summary")] = None
    equipment: Annotated[Optional[list[Text]], Doc("as many items as the original, in its order")] = None
    targets: Annotated[Optional[list[Text]], Doc("as many items as the original, in its order")] = None
    steps: Annotated[Optional[list[Text]], Doc("as many steps as the original, in its order")] = None
    cautions: Annotated[Optional[list[Text]], Doc("as many items as the original, in its order")] = None
    tips: Annotated[Optional[list[Text]], Doc("as many items as the original, in its order")] = None
    variations: Annotated[Optional[list[VariationText]], Doc(
        "one per variation of the original: '- text: …', or '- {}' for one that names another exercise")] = None
