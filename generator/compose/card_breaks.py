"""Where an exercise card breaks over a page: whole where it fits, else between its parts or its steps, each
part that begins a page under the card's name, spread so no page but the last is left less than half used."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Flowable, KeepTogether
from reportlab.platypus.doctemplate import FrameBreak, Indenter, NullActionFlowable

from ..model.layout import Breaks
from .flowables import HALF, INKED, NEARLY_NOTHING, SLACK, TopOnly
from .reportlab_internals import at_top, frame_height, frame_of, kept_height


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

    def least_start(self, available_width: float, frame: float, canvas: Any) -> float:
        """The least height this card can begin a page's rest with: its picture, name and one step."""
        fewest = None
        for fewest in self.cuts(0.0):
            pass
        head = fewest.head if fewest is not None else self.units[0]
        return kept_height(KeepTogether(head), available_width, frame, canvas)

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
            # Made short enough with room to spare: measured to the point, spacing could still tip it over the
            # page, splitting the picture's row from the name and steps beside it.
            for cut in self.cuts(height(fewest) - available_height + SLACK):
                if height(cut) <= available_height - SLACK / 2:
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
                       self.continued, self.following, beside, len(runs))


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
                 beside: tuple[float, float] = (0.0, 0.0), steps: int = 0):
        super().__init__()
        self.parts, self.continued, self.following, self.beside = parts, continued, following, beside
        self.steps = steps  # the first parts are steps (and the dose), which may stand in the text column

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, available_height + 1.0  # always split, into its parts

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        # The frame places a split's first flowable at once, which a part may not fit: a no-op goes first.
        frame = frame_of(self)
        if any(self.beside) and frame is not None and not at_top(frame):
            return [NullActionFlowable(), *self._beside(available_width, available_height)]
        return [NullActionFlowable(), *self._spread(available_width, available_height)]

    def _beside(self, available_width: float, available_height: float) -> list[Flowable]:
        """The steps that fit here in the text column over them, set in as far as it is; the others over the
        page (a box, made as wide as the card, never stands in the column)."""
        left, right = self.beside
        narrow, room, here = available_width - left - right, available_height, 0
        for part in self.parts[: self.steps]:
            room -= kept_height(part, narrow, available_height, self.canv)
            if room < 0:
                break
            here += 1
        # A step that does not fit in the column goes over the page, not out under the picture here; once the
        # steps are all placed, what follows them (boxes, tips) goes on across the card as it would anyway.
        rest = GoingOn(self.parts[here:], self.continued, self.following)
        later = ([FrameBreak()] if here < self.steps else []) + ([rest] if here < len(self.parts) else [])
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
        if frame - over - SLACK >= self.following.least_start(available_width, frame, self.canv):
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
