"""Flowables ReportLab does not have: an illustration box and an exercise block."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer
from reportlab.platypus.doctemplate import ActionFlowable, FrameBreak, Indenter, NullActionFlowable

from ..model.layout import Breaks
from .figures import FigureDrawing
from .reportlab_internals import at_top, canvas_of, frame_height, frame_of, go_on_below, kept_height, left_in
from .text import plain, styled


def column_id(index: int) -> str:
    """The id of a page's frame of columns, 0 the first."""
    return f"column{index + 1}"


class IllustrationBox(Flowable):
    """A fixed-size box holding an image scaled to fit with its aspect kept, the exercise's figure, or a
    placeholder: a dashed space to draw in."""

    def __init__(self, width: float, height: float, image: ImageReader | None, figure: FigureDrawing | None,
                 label: str, label_style: ParagraphStyle, border: Color, background: Color, padding: float):
        super().__init__()
        self.width, self.height, self.padding = width, height, padding
        self.image, self.figure, self.label, self.label_style = image, figure, label, label_style
        self.border, self.background = border, background

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        if self.image is not None:
            self._draw_image()
        elif self.figure is not None:
            self.figure.draw(self.canv, self.width, self.height)
        else:
            self._draw_placeholder()

    def _draw_image(self) -> None:
        assert self.image is not None
        image_width, image_height = self.image.getSize()
        scale = min(self.width / image_width, self.height / image_height)
        width, height = image_width * scale, image_height * scale
        x, y = (self.width - width) / 2, (self.height - height) / 2
        self.canv.drawImage(self.image, x, y, width, height, mask="auto")

    def _draw_placeholder(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.background)
        canvas.setStrokeColor(self.border)
        canvas.setLineWidth(0.8)
        canvas.setDash(3, 2)
        canvas.roundRect(0, 0, self.width, self.height, 4, stroke=1, fill=1)
        canvas.restoreState()
        label, label_height = self._fitted_label()
        if label is not None:
            label.drawOn(canvas, self.padding, (self.height - label_height) / 2)

    def _fitted_label(self) -> tuple[Paragraph | None, float]:
        """The label, shortened with an ellipsis until it fits inside the box."""
        width, height = self.width - 2 * self.padding, self.height - 2 * self.padding
        text = self.label
        while text:
            label = styled(plain(text), self.label_style)
            _, label_height = label.wrap(width, height)
            if label_height <= height:
                return label, label_height
            text = text[: int(len(text) * 0.8) - 1].rstrip() + "…" if len(text) > 2 else ""
        return None, 0.0


NEARLY_NOTHING = 0.01  # points
HALF = 0.5  # of a frame: no page but a handout's last is used less
INKED = 0.04  # of a frame: what is used of it but not inked (the gaps under its last line and at its foot)
SLACK = 6.0  # points: a card measured this close to a page's height may not fit it once laid out


@dataclass(frozen=True)
class StepCut:
    """A card's first unit made again to end after one of its steps, and the steps and dose that then go on
    over the page."""

    head: list[Flowable]
    rest: list[Flowable]
    beside: tuple[float, float] = (0.0, 0.0)  # the head's text column, left and right in: where the rest begins


class ExerciseBlock(KeepTogether):
    """Kept on one page where it fits. Where it does not, it goes on over the page between its units (each unit
    stays whole unless taller than a page) when the layout allows it and moving it whole would leave this page
    less than its fill used; when even its first unit (picture, name, steps, dose) does not fit, that unit
    goes on over the page between its steps, as many kept here as fit (the layout's ``steps_kept``, or else one,
    under a picture as much shorter as the layout allows); what goes on is spread as ``GoingOn`` says.
    A block taller than a whole page starts where it is when at least half a page is left, and otherwise at
    the top of the next frame. An ``alone`` block (a new page follows it) too tall for a page, or one that would
    leave this page less than half used, goes on over the page where this page and the next are most evenly
    used."""

    def __init__(self, units: list[list[Flowable]], label: str, breaks: Breaks, continued: Flowable,
                 cuts: Callable[[float], Iterable[StepCut]] = lambda by: (),
                 shorter: Callable[[float], list[Flowable] | None] = lambda by: None, alone: bool = False):
        super().__init__([flowable for unit in units for flowable in unit])
        self.units, self.exercise_label, self.breaks, self.continued = units, label, breaks, continued
        self.cuts, self.shorter, self.alone = cuts, shorter, alone
        self.following: ExerciseBlock | None = None  # the next card, when it comes straight after this one

    def least_start(self, available_width: float, frame: float) -> float:
        """The least height this card can begin a page's rest with: its picture, name and one step."""
        fewest = None
        for fewest in self.cuts(0.0):
            pass
        head = fewest.head if fewest is not None else self.units[0]
        return kept_height(KeepTogether(head), available_width, frame, self.canv)

    def _again(self, units: list[list[Flowable]] | None = None, shorter: bool = True) -> "ExerciseBlock":
        """This card laid out afresh, of ``units`` when given; ``shorter`` False when its picture already is."""
        block = ExerciseBlock(units or self.units, self.exercise_label, self.breaks, self.continued, self.cuts,
                              self.shorter if shorter else (lambda by: None), self.alone)
        block.following = self.following
        return block

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        height = kept_height(self, available_width, available_height)
        frame = frame_height(self)
        if frame is None:
            return self._moved(available_width, available_height, frame)
        shorter = self._under_shorter_picture(available_width, available_height, height, frame)
        if shorter is not None:
            return shorter
        if self.alone and height > available_height and (height > frame or frame - available_height < frame * HALF):
            return self._balanced(available_width, available_height, frame - available_height)
        over = self._over_the_page(available_width, available_height, height, frame) if height > available_height \
            else None
        return over if over is not None else self._moved(available_width, available_height, frame)

    def _under_shorter_picture(self, available_width: float, available_height: float, height: float,
                               frame: float) -> list[Flowable] | None:
        """A little too tall for any page (or so near it that spacing may tip it over): a shorter picture may
        make it fit here; None when it does not."""
        if height <= frame - SLACK:
            return None
        opening = self.shorter(height - frame + 2 * SLACK)
        if opening is None:
            return None
        block = self._again([opening, *self.units[1:]], shorter=False)
        # Only where it then fits here: moved on to a fresh page, it would leave this one emptier.
        block.canv = self.canv
        if kept_height(block, available_width, frame, self.canv) > available_height - SLACK:
            return None
        return block.split(available_width, available_height)

    def _over_the_page(self, available_width: float, available_height: float, height: float,
                       frame: float) -> list[Flowable] | None:
        """Going on over the page, between units or steps, where the layout allows and it must; None to move on
        whole."""
        taller_than_page = height > frame and available_height >= frame / 2
        page_too_empty = self.breaks.split_exercises and frame - available_height < frame * (self.breaks.fill + INKED)
        if taller_than_page or page_too_empty:
            first = kept_height(KeepTogether(self.units[0]), available_width, available_height, self.canv)
            if first <= available_height:
                return self._by_units(available_width, available_height)
            # Its first part ends here after as many steps as fit, the others going on across the next page.
            cut = self._cut(available_width, available_height)
            if cut is not None:
                return cut
            # A first part taller than a page splits wherever it starts, so it may as well start here.
            if first > frame and available_height >= frame / 2:
                return self._by_units(available_width, available_height)
        return [FrameBreak(), self._again()] if height > frame else None  # laid out afresh on the next frame

    def _moved(self, available_width: float, available_height: float, frame: float | None) -> list[Flowable]:
        """Whole, on to the next frame if it does not fit here."""
        moved = super().split(available_width, available_height)
        ahead = moved[: len(moved) - sum(len(unit) for unit in self.units)]  # a break, when it moves on
        if ahead and frame is not None:
            # Moved on whole to a frame that may be shorter (a later page's, under its header): laid out there
            # afresh, where a shorter picture may make it fit.
            return [*ahead, self._again()]
        # Each later unit says whose it is if it begins a page after all.
        return [*ahead, *self._by_units()]

    def _balanced(self, available_width: float, available_height: float, used_here: float) -> list[Flowable]:
        """Over the page where this frame (``used_here`` of it already used) and the next are most evenly used
        (the less full of the two as full as it can be): between its units, or between its steps as a cut."""
        ways: list[tuple[list[Flowable], list[list[Flowable]]]] = [([], self.units)]  # what stays, what goes on
        ways += [([flowable for unit in self.units[:count] for flowable in unit], self.units[count:])
                 for count in range(1, len(self.units))]
        ways += [(cut.head, [cut.rest, *self.units[1:]]) for cut in self.cuts(0.0)]

        def height(flowables: list[Flowable]) -> float:
            return kept_height(KeepTogether(flowables), available_width, available_height, self.canv)

        heads = [height(head) if head else 0.0 for head, _ in ways]
        rests = [height([self.continued, *(flowable for unit in rest for flowable in unit)]) for _, rest in ways]
        fitting = [index for index, head in enumerate(heads) if head <= available_height - SLACK]
        best = max(fitting, key=lambda index: min(used_here + heads[index], rests[index]))
        head, rest = ways[best]
        if not head:  # all of it on to the next frame, to be laid out afresh there
            return [FrameBreak(), self._again()]
        return [*head, FrameBreak(), *(KeepTogether([TopOnly(self.continued), *unit]) for unit in rest)]

    def _cut(self, available_width: float, available_height: float) -> list[Flowable] | None:
        """The first unit ended after as many steps as fit here, the rest of it and each later unit going on
        under the card's name; where not even one step fits, under a picture made as much shorter as the layout
        allows; None when neither fits."""
        def height(cut: StepCut) -> float:
            return kept_height(KeepTogether(cut.head), available_width, available_height, self.canv)

        fewest = None  # the fewest steps' cut, under the full picture
        for fewest in self.cuts(0.0):
            if height(fewest) <= available_height:
                return self._cut_at(fewest)
        if fewest is not None:
            for cut in self.cuts(height(fewest) - available_height + NEARLY_NOTHING):
                if height(cut) <= available_height:
                    return self._cut_at(cut)
        return None

    def _cut_at(self, cut: StepCut) -> list[Flowable]:
        return [*cut.head, self._going_on(runs_of(cut.rest), cut.beside)]

    def _runs(self, available_width: float, available_height: float) -> list[list[Flowable]]:
        """The first unit's flowables (a first one too tall for the space already split), in runs that each end
        with one that does not lead into the next: the picture, name and position with the first step."""
        first = list(self.units[0])
        if available_height and first[0].wrapOn(self.canv, available_width, available_height)[1] > available_height:
            first[:1] = first[0].splitOn(self.canv, available_width, available_height) or first[:1]
        return runs_of(first)

    def _by_units(self, available_width: float = 0.0, available_height: float = 0.0) -> list[Flowable]:
        """The first unit flowable by flowable, each run kept together (the frame lays out the first at once, and
        a KeepTogether it cannot, so a first flowable too tall for the space comes already split); each later
        unit kept whole, and saying whose it is when it begins a page."""
        runs = self._runs(available_width, available_height)
        # A split's first flowable must go in the frame at once, which a KeepTogether cannot: after a no-op, the
        # frame takes them all as they come.
        head = runs[0] if len(runs[0]) == 1 else [NullActionFlowable(), KeepTogether(runs[0])]
        return [*head, self._going_on(runs[1:])]

    def _going_on(self, runs: list[list[Flowable]], beside: tuple[float, float] = (0.0, 0.0)) -> GoingOn:
        """The runs, then each later unit, kept whole and under the card's name where one begins a page (a step
        as much as a unit); those that follow on this page stand ``beside`` in, under the steps above them."""
        return GoingOn([KeepTogether([TopOnly(self.continued), *run]) for run in [*runs, *self.units[1:]]],
                       self.continued, self.following, beside)


def leading_in(flowables: list[Flowable]) -> list[Flowable]:
    """Marks what leads into what follows it (a picture over a name, a name over the steps): a card going on
    over a page between its steps keeps each with the next, rather than leave a name at a page's foot."""
    for flowable in flowables:
        flowable.leads_in = True
    return flowables


def runs_of(flowables: list[Flowable]) -> list[list[Flowable]]:
    """The flowables in runs that each end with one that does not lead into the next."""
    runs: list[list[Flowable]] = []
    for flowable in flowables:
        if runs and leads_in(runs[-1][-1]):
            runs[-1].append(flowable)
        else:
            runs.append([flowable])
    return runs


def leads_in(flowable: Flowable) -> bool:
    return getattr(flowable, "leads_in", False)


class GoingOn(Flowable):
    """The parts of a card that go on over a page, each kept whole under the card's name. Where they would end
    on a further page using less than half of it, and leave too little room there for the next card to begin,
    the page breaks between them earlier, when both pages are then at least half used. Never drawn itself:
    asked to split, it gives its parts."""

    def __init__(self, parts: list[Flowable], continued: Flowable, following: ExerciseBlock | None,
                 beside: tuple[float, float] = (0.0, 0.0)):
        super().__init__()
        self.parts, self.continued, self.following, self.beside = parts, continued, following, beside

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, available_height + 1.0  # always split, into its parts

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        # The frame places a split's first flowable at once, which a part may not fit: a no-op goes first.
        frame = frame_of(self)
        if any(self.beside) and frame is not None and not at_top(frame):
            return [NullActionFlowable(), *self._beside(available_width, available_height)]
        return [NullActionFlowable(), *self._spread(available_width, available_height)]

    def _beside(self, available_width: float, available_height: float) -> list[Flowable]:
        """Those that fit here in the text column over them, set in as far as it is; the others over the page."""
        left, right = self.beside
        narrow, room, here = available_width - left - right, available_height, 0
        for part in self.parts:
            room -= kept_height(part, narrow, available_height, self.canv)
            if room < 0:
                break
            here += 1
        # What does not fit in the column goes over the page, not out under the picture here.
        later = [FrameBreak(), GoingOn(self.parts[here:], self.continued, self.following)] \
            if here < len(self.parts) else []
        if not here:
            return later
        return [Indenter(left, right), *self.parts[:here], Indenter(-left, -right), *later]

    def _spread(self, available_width: float, available_height: float) -> list[Flowable]:
        frame = frame_height(self)
        if frame is None or self.following is None or not self.parts:
            return list(self.parts)
        heights = [kept_height(part, available_width, frame, self.canv) for part in self.parts]
        here = len(list(itertools.takewhile(lambda total: total <= available_height,
                                            itertools.accumulate(heights))))
        if here == 0 and not at_top(frame_of(self)):
            return [FrameBreak(), GoingOn(self.parts, self.continued, self.following)]  # spread from the top
        label = self.continued.wrapOn(self.canv, available_width, frame)[1] + self.continued.getSpaceAfter()
        over = label + sum(heights[here:])
        if here == len(heights) or over >= frame * HALF or over > frame:
            return list(self.parts)
        self.following.canv = self.canv
        if frame - over - SLACK >= self.following.least_start(available_width, frame):
            return list(self.parts)  # the next card begins under them
        used = frame - available_height
        for count in range(here - 1, 0, -1):
            over = label + sum(heights[count:])
            if over > frame:
                break
            if over >= frame * HALF and used + sum(heights[:count]) >= frame * HALF:
                return [*self.parts[:count], FrameBreak(), *self.parts[count:]]
        return list(self.parts)


def link_cards(story: list[Flowable]) -> None:
    """Tells each card of the card that follows it straight after, to leave room for its start."""
    for card, following in itertools.pairwise(story):
        if isinstance(card, ExerciseBlock) and isinstance(following, ExerciseBlock):
            card.following = following


class TopOnly(Flowable):
    """A paragraph printed only at the top of a frame, such as whose part a page begins with; elsewhere nothing."""

    def __init__(self, content: Paragraph):
        super().__init__()
        self.content, self.height, self.gap = content, 0.0, 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        frame = frame_of(self)
        on_top = frame is not None and at_top(frame)
        self.gap = self.content.getSpaceAfter()  # inside its height: the frame asks the TopOnly, not the label
        self.height = self.content.wrapOn(self.canv, available_width, available_height)[1] + self.gap if on_top else 0.0
        # Never quite nothing: KeepTogether skips what has no height when it measures, and so would measure what
        # follows as at the top of a frame, without its space before, which the frame, past this, does count.
        return available_width, self.height or NEARLY_NOTHING

    def draw(self) -> None:
        if self.height:
            self.content.drawOn(self.canv, 0, self.gap)


class WholeOrFromHere(KeepTogether):
    """Headings over a table, kept on one page where they fit one; where they are taller than a page, they
    begin where they are, the headings over the table's first rows, rather than on a page of their own, and
    each page the table goes on to begins under ``again``."""

    def __init__(self, content: list[Flowable], again: Flowable):
        super().__init__(content)
        self.again = again

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        frame, canvas = frame_height(self), canvas_of(self)  # measuring itself, it lets go of the canvas
        *lead, table = self._content
        if frame is None or kept_height(self, available_width, frame, canvas) <= frame:
            self.canv = canvas
            return super().split(available_width, available_height)
        room = available_height - kept_height(KeepTogether(lead), available_width, available_height, canvas)
        parts = table.splitOn(canvas, available_width, room) if room > 0 else []
        if len(parts) < 2:  # not a row under the headings here
            return [FrameBreak(), WholeOrFromHere(self._content, self.again)]
        return [NullActionFlowable(), *lead, parts[0],
                *(KeepTogether([TopOnly(self.again), HeadedAgain(part, self.again, 0.0)]) for part in parts[1:])]


class Lowered(Flowable):
    """Space at a page's top that sets what follows it, ``content``, ``share`` of the way down what it leaves."""

    def __init__(self, content: list[Flowable], share: float):
        super().__init__()
        self.content, self.share = content, share

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        height = kept_height(KeepTogether(self.content), available_width, available_height, self.canv)
        self.width, self.height = available_width, max(0.0, (available_height - height - SLACK) * self.share)
        return self.width, self.height

    def draw(self) -> None:
        pass


class HeadedAgain(Flowable):
    """A table whose every part that goes on over a page begins under its heading again, as its repeated rows
    begin it with its column headings: whose log a page is, for one week of many exercises."""

    def __init__(self, table: Flowable, heading: Paragraph, gap: float):
        super().__init__()
        self.table, self.heading, self.gap = table, heading, gap

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.table.wrapOn(self.canv, available_width, available_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = self.table.splitOn(self.canv, available_width, available_height)
        frame = frame_height(self)
        if len(parts) == 2 and frame is not None:
            # A last part shorter than half a page moves rows on to it, where this page stays half used.
            heading = self.heading.wrapOn(self.canv, available_width, frame)[1] + self.gap
            short = frame * HALF - heading - parts[1].wrapOn(self.canv, available_width, frame)[1]
            if short > 0 and frame - available_height + parts[0].wrapOn(self.canv, available_width, frame)[1] \
                    - short >= frame * HALF:
                parts = self.table.splitOn(self.canv, available_width, available_height - short) or parts
        # Each later part on to a fresh frame with its heading: a heading left at the foot of this one says nothing.
        return parts[:1] + [KeepTogether([TopOnly(self.heading), Spacer(0, self.gap),
                                          HeadedAgain(part, self.heading, self.gap)]) for part in parts[1:]]

    def getSpaceBefore(self) -> float:  # noqa: N802 - ReportLab's name
        return self.table.getSpaceBefore()

    def getSpaceAfter(self) -> float:  # noqa: N802 - ReportLab's name
        return self.table.getSpaceAfter()

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803 - ReportLab's names
        self.table.drawOn(canvas, x, y, _sW)


class HereOrLater(Flowable):
    """Content kept whole that goes here if it fits in what is left of the frame, and otherwise where its
    ``later()`` stands, further on; the space it would leave empty here is left to what follows.

    With ``across`` (a full-width part that may begin across the page under this, the first column), the content
    waits when the part would begin here without it but not with it; and when the part cannot begin on this page
    at all, the content goes to the top of the next column, its ruled lines (when it ends with some) taking the
    column's height, rather than leaving that column empty. With ``to_foot`` (a new page follows it), ruled lines
    the content ends with take what is left of the frame.
    """

    def __init__(self, content: list[Flowable], across: "AcrossBelow | None" = None, to_foot: bool = False):
        super().__init__()
        self.content, self.deferred, self.across, self.to_foot = content, False, across, to_foot
        self.kept = KeepTogether(content)
        self.next_column = False

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        height = kept_height(self.kept, available_width, available_height, self.canv)
        self.deferred, self.next_column = height > available_height, False
        frame, across = frame_of(self), self.across
        if self.content and across is not None and across.may_begin_in(frame):
            if self.deferred or not across.fits(available_height - height, self.canv):
                # Waiting lets the part begin here; else, in columns, the next column is better than after the part
                waits = across.fits(available_height, self.canv)
                self.next_column = across.columns and not waits and height <= (frame_height(self) or 0)
                self.deferred = (self.deferred or waits) and not self.next_column
        return (available_width, 0.0) if self.deferred or not self.content else (available_width, 0xFFFFFF)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if not (self.next_column or self.to_foot):
            return list(self.content)
        room = (frame_height(self) or available_height) if self.next_column else available_height
        *above, last = self.content
        if isinstance(last, RuledLines):
            last = last.filling(room - kept_height(self.kept, available_width, room, self.canv) + last.height)
        return [FrameBreak(), *above, last] if self.next_column else [*above, last]

    def draw(self) -> None:
        pass  # drawn only when deferred, as nothing: its content is laid out instead of it

    def later(self) -> Flowable:
        return _Later(self)


class _Later(Flowable):
    """Where a HereOrLater's content goes when it did not fit where it stood."""

    def __init__(self, here: HereOrLater):
        super().__init__()
        self.here = here

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (available_width, 0xFFFFFF) if self.here.deferred and self.here.content else (available_width, 0.0)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        kept = KeepTogether(list(self.here.content))
        kept.wrapOn(self.canv, available_width, available_height)
        return kept.split(available_width, available_height)  # on to the next page, whole, if it must

    def draw(self) -> None:
        pass


class AcrossBelow(ActionFlowable):
    """Where a full-width part (the tracking log) begins: in a layout of ``columns``, across the page under the
    first column's content while the columns after it are still empty, rather than on a new page that leaves this
    one mostly blank, and on the next page otherwise; in one column, simply next. Later pages use ``template``.
    ``gap`` stands above the part; ``first`` is its first block, kept whole, laid out ``width`` wide."""

    def __init__(self, template: str, gap: float, first: Flowable, width: float, columns: bool):
        super().__init__()
        self.template, self.gap, self.first, self.width, self.columns = template, gap, first, width, columns

    def may_begin_in(self, frame) -> bool:
        """Whether the part could begin under this frame's content: in columns, the first of the page's."""
        return frame is not None and (not self.columns or frame.id == column_id(0))

    def fits(self, height: float, canvas) -> bool:
        """Whether the part's first block fits across the page in ``height`` of a column's space."""
        return kept_height(self.first, self.width, height, canvas) <= height - self.gap

    def apply(self, doc) -> None:
        if not self.columns:
            return
        frame = doc.frame
        doc.handle_nextPageTemplate(self.template)
        height = left_in(frame) - self.gap
        if not self.may_begin_in(frame) or at_top(frame) or height <= 0:
            doc.handle_pageBreak()
            return
        go_on_below(doc, self.width, height, "across")


class Anchor(Flowable):
    """An invisible mark that becomes a bookmark and a contents line where it lands; never split from what follows."""

    def __init__(self, level: int, text: str, key: str):
        super().__init__()
        self.outline = (level, text, key)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        pass


class TickBox(Flowable):
    """An empty square to tick with a pen."""

    def __init__(self, size: float, colour: Color):
        super().__init__()
        self.size, self.colour = size, colour

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(self.colour)
        self.canv.setLineWidth(0.9)
        self.canv.rect(0, 0, self.size, self.size)
        self.canv.restoreState()


class RuledLines(Flowable):
    """Lines to write on, ``gap`` apart."""

    def __init__(self, count: int, width: float, gap: float, colour: Color):
        super().__init__()
        self.count, self.width, self.gap, self.colour = count, width, gap, colour
        self.height = count * gap

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = min(self.width, available_width)
        return self.width, self.height

    def filling(self, height: float) -> "RuledLines":
        """As many lines, at least as many as these, as fit in ``height``."""
        count = max(self.count, int(height // self.gap))
        return RuledLines(count, self.width, self.gap, self.colour)

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(self.colour)
        self.canv.setLineWidth(0.6)
        for line in range(self.count):
            self.canv.line(0, line * self.gap, self.width, line * self.gap)
        self.canv.restoreState()


class QrCode(Flowable):
    """A QR code drawn straight onto the page as squares, with the four-module quiet zone scanners need."""

    QUIET_ZONE = 4

    def __init__(self, text: str, size: float):
        super().__init__()
        from reportlab.graphics.barcode.qr import QrCodeWidget  # only handouts with videos need it: 5 ms

        widget = QrCodeWidget(text, barLevel="M")
        widget.qr.make()
        self.modules = widget.qr.modules
        self.url = text
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        count = len(self.modules)
        module = self.width / (count + 2 * self.QUIET_ZONE)
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColorRGB(0, 0, 0)
        for row, cells in enumerate(self.modules):
            y = self.height - (row + 1 + self.QUIET_ZONE) * module
            column = 0
            for dark, run in itertools.groupby(bool(cell) for cell in cells):
                length = len(list(run))
                if dark:
                    canvas.rect((column + self.QUIET_ZONE) * module, y, length * module, module, stroke=0, fill=1)
                column += length
        canvas.restoreState()
        canvas.linkURL(self.url, (0, 0, self.width, self.height), relative=1, thickness=0)
