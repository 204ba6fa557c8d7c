"""Every use of ReportLab's undocumented internals, in one place, so an upgrade is checked here first.

pyproject.toml pins ReportLab to the minor versions these were tested with. Each function says which
internal it touches and why the public API does not serve.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Frame, KeepTogether, Paragraph
from reportlab.platypus import paragraph as paragraphs
from reportlab.platypus.paraparser import ParaParser


def parse_markup(markup: str, style: Any) -> tuple[Any, tuple, Any]:
    """Paragraph markup parsed into ReportLab's fragments: (style, fragments, bullet fragments).

    Paragraph() parses its markup every time it is made; a batch makes the same steps hundreds of times,
    so the fragments are parsed once (ParaParser.parse) and handed to Paragraph's ``frags`` argument.
    """
    style, frags, bullet_frags = ParaParser().parse(markup, style)
    if frags is None:
        raise ValueError(f"markup error in {markup[:30]!r}")
    return style, tuple(frags), bullet_frags


def paragraph_from_fragments(markup: str, style: Any, fragments: tuple, bullet: Any) -> Paragraph:
    """A paragraph made from parsed fragments; copies, since laying a paragraph out may change its fragments.

    Markup longer than LONG makes a LongParagraph, which prints the same in time linear in its length.
    """
    copies = [fragment.clone() for fragment in fragments]
    if len(markup) > LONG and breaks_in_windows(style, copies):
        return LongParagraph(markup, style, bullet, [_Part.of(copies, style)])
    return MeasuredParagraph(markup, style, bulletText=bullet, frags=copies)


class MeasuredParagraph(Paragraph):
    """A Paragraph that breaks its lines once for each width it is given. Keeping a card together, trying its
    steps beside the picture and splitting it over a page wrap the same paragraph at the same width many times
    (some 500 wraps of 140 paragraphs in a six-exercise handout); its lines for a width never change, and
    ``Paragraph.wrap`` ignores the height. ``split`` throws the lines away (``del self.blPara``) when none fit,
    which is noticed here, and the pieces it makes start unmeasured."""

    _measured: tuple | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - ReportLab's
        key = (availWidth, id(self.style))
        measured = self._measured
        if measured is not None and measured[0] == key and self.__dict__.get("blPara") is measured[2]:
            self.width, self.height = measured[1]
            return measured[1]
        size = super().wrap(availWidth, availHeight)
        if "blPara" in self.__dict__:  # not a width too narrow for any line, which Paragraph answers unmeasured
            self._measured = (key, size, self.blPara)
        return size


def frame_height(flowable: Any) -> float | None:
    """The height of the frame a flowable is being laid out in (Frame sets ``_frame`` and its ``_height``), or
    None before it is placed. A block taller than a whole frame needs it to decide where to start."""
    frame = frame_of(flowable)
    return None if frame is None else frame._height


def frame_of(flowable: Any) -> Any:
    """The frame a flowable is being laid out in (Frame.add sets ``_frame``), or None before it is placed."""
    return getattr(flowable, "_frame", None)


def canvas_of(flowable: Any) -> Any:
    """The canvas a flowable is being laid out on: ``wrapOn`` sets it, and takes it away again after."""
    return flowable.canv


def left_in(frame: Any) -> float:
    """How much of a frame's height is still free: from its ``_y``, where the next flowable goes, down to its
    ``_y1``. The public API says this only to a flowable being wrapped, not to an action between flowables."""
    return frame._y - frame._y1


def at_top(frame: Any) -> bool:
    """Whether nothing is placed in a frame yet (its ``_atTop``)."""
    return bool(getattr(frame, "_atTop", False))


def go_on_below(doc: Any, width: float, height: float, frame_id: str) -> None:
    """The page goes on in a new frame ``width`` wide and ``height`` tall under the current frame's content,
    from its left edge, and ends with it. ReportLab moves between a page template's frames only in order; a
    frame made mid-page is set as the document's ``frame``, marked ``lastFrame`` for handle_frameEnd."""
    frame = doc.frame
    below = Frame(frame._x1, frame._y1, width, height, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id=frame_id)
    below.lastFrame = True
    doc.frame = below
    doc.handle_frameBegin()


def kept_content(flowables: list[Any]) -> list[Any]:
    """The flowables with each KeepTogether among them opened into what it keeps: one inside another answers
    a huge height on purpose when measured (to be split), so a stack is measured opened."""
    return [inner for flowable in flowables
            for inner in (kept_content(flowable._content) if isinstance(flowable, KeepTogether) else [flowable])]


def kept_height(block: Any, width: float, height: float, canvas: Any = None) -> float:
    """The total height KeepTogether measured for its content at this size (its ``_H``, set by wrap: its wrap
    answers a huge height on purpose, to be split)."""
    if getattr(block, "_wrapInfo", None) != (width, height):
        block.wrapOn(canvas, width, height) if canvas is not None else block.wrap(width, height)
    return block._H


def page_state(canvas: Any) -> dict:
    """Everything a canvas holds about the page being drawn (its ``__dict__``), to draw the page again later:
    'Page N of M' needs the total, known only at the end, and ReportLab has no public way to hold pages back."""
    return dict(canvas.__dict__)


def restore_page(canvas: Any, state: dict) -> None:
    canvas.__dict__.update(state)


def start_next_page(canvas: Any) -> None:
    """Begin a new page without writing the last one (``_startPage``), which page_state has kept."""
    canvas._startPage()


def page_number(canvas: Any) -> int:
    return canvas._pageNumber


def page_code(canvas: Any) -> str:
    """The drawing operators of the page being drawn (``_code``). They say all the page shows but for what
    the names in them stand for, which ``font_codes`` and ``graphics_states`` say."""
    return "\n".join(canvas._code)


def font_codes(canvas: Any) -> dict[str, tuple[str, tuple[int, ...]]]:
    """Each font's internal name (``_doc.fontMapping``) -> (its name, for an embedded font the character each
    code stands for, code by code: ``state.subsets`` flattened). Codes are handed out in order of first use
    and never change after; a standard font has none."""
    doc = canvas._doc
    found = {}
    for name, internal in doc.fontMapping.items():
        state = getattr(getFont(name), "state", {}).get(doc)
        codes = tuple(char for subset in state.subsets for char in subset) if state is not None else ()
        found[internal.lstrip("/")] = (name, codes)
    return found


def graphics_states(canvas: Any) -> dict[str, tuple]:
    """Each graphics state's name -> what it sets (``_extgstate._c``), named in order of first use."""
    return {name: setting for setting, name in canvas._extgstate._c.items()}


LONG = 8000  # characters of markup past which a paragraph is a LongParagraph: some two pages of one column
WINDOW = 1000  # words broken into lines at a time by a LongParagraph
GROUP = 6000  # characters of fragments of several styles read into frag words at a time


def breaks_in_windows(style: Any, fragments: list) -> bool:
    """Whether a LongParagraph can lay out these fragments in this style exactly as a Paragraph would: ReportLab's
    plain word wrapping (Paragraph.breakLines) with no hyphenation, soft hyphens, pictures, shaping or
    right-to-left text, so that each line depends only on the word it begins with and its width."""
    return (bool(fragments) and not (style.wordWrap or style.hyphenationLang or style.uriWasteReduce
                                     or style.embeddedHyphenation or style.shaping)
            and all(hasattr(fragment, "text") and not hasattr(fragment, "cbDefn") and "\xad" not in fragment.text
                    for fragment in fragments))


class LongParagraph(Paragraph):
    """A Paragraph of many words that lays out in time linear in its words, line for line and byte for byte as
    the Paragraph of the same fragments would; but for one case: in fragments of several styles (a bold label,
    or text with '&', '<' or '>'), a word wider than the column after a split over pages is drawn, as the
    whole paragraph unsplit would draw it, without the empty text runs ReportLab's part after a split adds
    (the same page; its content stream differs in whitespace).

    A Paragraph breaks all of its words into lines at every wrap, popping words off the front of a list (time
    quadratic in the words), and the part it leaves for the next page after a split is a new Paragraph that
    breaks all of the rest again: a text of many pages takes time cubic in its length. This one breaks its
    words a window of WINDOW words at a time with ReportLab's own breakLines, keeping the lines of each window
    but its last few (which the next window's words may change) and starting the next window at the word a kept
    line after them begins with; it keeps those lines by width, and the part after a split takes the lines it
    begins with instead of breaking them again. ReportLab's own Paragraph.split decides where to split;
    only the part after the split (``_get_split_blParaFunc``, ``frags``) and the breaking (``breakLines``,
    ``blPara``, ``sFW``, ``_SplitWord``, ``_getFragWords``) are touched.
    """

    def __init__(self, text: Any, style: Any = None, bulletText: Any = None, frags: Any = None,  # noqa: N803
                 caseSensitive: int = 1, encoding: str = "utf8") -> None:  # noqa: N803 - ReportLab's names
        # ReportLab makes the parts of a split with this class: the first with its words, the rest with a _Part.
        self._part = frags[0] if frags and isinstance(frags[0], _Part) else None
        if self._part is not None:
            frags = self._part.fragments()
        super().__init__(text, style, bulletText, frags, caseSensitive, encoding)

    def breakLines(self, width: Any) -> Any:  # noqa: N802 - ReportLab's name
        part = self._part
        if part is None or not isinstance(width, list) or len(width) > 2:
            return super().breakLines(width)
        key = tuple(width)
        if key not in part.known:
            part.known[key] = self._break(list(width))
        broken = part.known[key]
        width[:] = broken.widths  # as breakLines leaves them: a bullet wider than its indent narrows line one
        self._width_max, self.height = broken.width_max, 0
        if part.kind == 1:
            self.frags = broken.fragments  # as breakLines leaves them: the words its lines' sFW count in
        return broken.lines

    def _get_split_blParaFunc(self) -> Any:  # noqa: N802 - ReportLab's name
        between = super()._get_split_blParaFunc()
        part = self._part
        broken = next((b for b in part.known.values() if b.lines is self.blPara), None) if part else None
        if part is None or broken is None:
            return between

        def split_lines(lines: Any, start: int, stop: int) -> Any:
            if start == 0 or stop < len(lines.lines):
                return between(lines, start, stop)
            return [part.rest(broken, start, between)]

        return split_lines

    def _break(self, widths: list) -> _Broken:
        """All of this part's words in lines ``widths`` wide, a window at a time."""
        part = self._part
        assert part is not None
        deadline = self._doctemplateAttr("deadline")  # the document's being laid out: see HandoutTemplate
        at, size, first, later = 0, WINDOW, True, widths[-1]
        lines: list = []
        starts: list[int] = []
        fragments: list = []
        width_max, template = 0.0, None
        while True:
            if deadline is not None:
                deadline.check()
            window = part[at:at + size]
            last = not part.has(at + len(window))
            given = list(widths) if first else [later]
            piece = Paragraph(None, self.style, frags=part.window(window))
            piece.bulletText = self.bulletText if first else None  # only line one has the bullet
            broken = piece.breakLines(given)
            begins = part.line_begins(broken, window, piece.frags)
            keep = len(broken.lines) if last else next(
                (k for k in range(len(broken.lines) - 1, 1, -1) if begins[k] >= 0), 0)
            if not keep:  # no line to start the next window at: a longer window
                size *= 2
                continue
            if first:
                widths, later, template = given, given[-1], broken
            kept = broken.lines[:keep]
            if part.kind == 1:
                end = len(piece.frags) if last else broken.lines[keep].sFW
                for line in kept:
                    line.sFW += len(fragments)
                fragments.extend(piece.frags[:end])
            lines += kept
            starts += [part.absolute(at + begin) if begin >= 0 else -1 for begin in begins[:keep]]
            width_max = max(width_max, piece._width_max)
            if last:
                break
            at, first, size = at + begins[keep], False, WINDOW
        assert template is not None
        found = template.clone(lines=lines)
        found.__dict__.pop("words", None)  # the window's, as the Paragraph's own lines keep no words
        return _Broken(widths, found, starts, fragments, width_max)


class _Broken:
    """A part's words broken into lines at one width: the widths as breakLines leaves them, the lines, for
    each line the index in the paragraph's words of the word it begins with (-1: it begins inside a word
    split over lines, or with the rest of one), and for fragments of several styles the frag words its lines'
    sFW count in."""

    __slots__ = ("widths", "lines", "starts", "fragments", "width_max")

    def __init__(self, widths: list, lines: Any, starts: list[int], fragments: list, width_max: float):
        self.widths, self.lines, self.starts, self.fragments, self.width_max = (widths, lines, starts, fragments,
                                                                               width_max)

    def after(self, line: int) -> _Broken:
        """The lines from ``line`` on, as the part after a split there breaks them: its first line as wide as
        the others, no bullet (which is why ``line`` is at least 2: line one may be wider than the rest)."""
        later = self.widths[-1]
        return _Broken([later, later], self.lines.clone(lines=self.lines.lines[line:]), self.starts[line:],
                       self.fragments, self.width_max)


class _Words:
    """All the words of a long paragraph, shared by its parts: strings (kind 0), or frag words (kind 1) read from
    its fragments a group at a time as they are needed, so that reading a long text costs the layout's time,
    where the document's deadline is checked, not the composing's."""

    def __init__(self, words: list, groups: list | None = None):
        self.words, self._groups, self._read = words, groups or [], 0

    @classmethod
    def of_fragments(cls, fragments: list) -> _Words:
        """Frag words as _getFragWords reads them from ``fragments``, in groups of some GROUP characters ending at a
        space (a fragment longer than that cut there into copies): read one group at a time, the words are those
        it reads from all at once, as a word after a space starts afresh."""
        groups: list[list] = []
        group: list = []
        length = 0
        for fragment in fragments:
            text, at = fragment.text, 0
            while len(text) - at > GROUP:
                cut = text.find(" ", at + GROUP)
                if cut < 0 or cut + 1 == len(text):
                    break
                while text[cut + 1] == " ":
                    cut += 1
                groups.append([*group, fragment.clone(text=text[at:cut + 1])])
                group, length, at = [], 0, cut + 1
            group.append(fragment.clone(text=text[at:]) if at else fragment)
            length += len(text) - at
            if length > GROUP and text.endswith(" "):
                groups.append(group)
                group, length = [], 0
        return cls([], [group for group in [*groups, group] if any(fragment.text.strip() for fragment in group)])

    def has(self, index: int) -> bool:
        """Whether there is an ``index``-th word, reading groups until there is or none are left."""
        while len(self.words) <= index and self._read < len(self._groups):
            self.words += paragraphs._getFragWords(self._groups[self._read])
            self._groups[self._read] = None  # read: kept as words
            self._read += 1
        return index < len(self.words)

    def __len__(self) -> int:
        self.has(sys.maxsize)
        return len(self.words)

    def __getitem__(self, index: Any) -> Any:
        last = (sys.maxsize if index.stop is None else index.stop - 1) if isinstance(index, slice) else index
        self.has(sys.maxsize if last < 0 else last)
        return self.words[index]


class _Part(Sequence):
    """The words of one part of a long paragraph: ``head`` (what a split left of a word split over lines,
    as ReportLab's split leaves it), then ``words[start:]``; and the lines already found for it, by widths.

    ``kind`` is ReportLab's: 0, one style (the words are strings); 1, several (frag words, lists).
    """

    def __init__(self, kind: int, template: Any, words: _Words, start: int = 0, head: list | None = None):
        self.kind, self.template, self.words, self.start, self.head = kind, template, words, start, head or []
        self.known: dict[tuple, _Broken] = {}

    @classmethod
    def of(cls, fragments: list, style: Any) -> _Part:
        first = fragments[0]
        if len(fragments) == 1 and not (style.endDots or hasattr(first, "backColor")):  # as breakLines decides
            template = first.clone()
            del template.text
            return cls(0, template, _Words(paragraphs.split(paragraphs.strip(first.text))))
        return cls(1, None, _Words.of_fragments(fragments))

    def __len__(self) -> int:
        return len(self.head) + len(self.words) - self.start

    def has(self, index: int) -> bool:
        """Whether this part has an ``index``-th word."""
        return index < len(self.head) or self.words.has(self.start + index - len(self.head))

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            start, stop, step = index.start, index.stop, index.step
            if step is not None or start is None or stop is None or start < 0 or stop < 0:  # ReportLab's f.words[:]
                start, stop, step = index.indices(len(self))
                if step != 1:
                    return list(self)[index]
            offset = len(self.head)
            words = self.words[self.start + max(start - offset, 0):self.start + max(stop - offset, 0)]
            return self.head[start:stop] + words
        if index < 0:
            index += len(self)
        if not (index >= 0 and self.has(index)):
            raise IndexError(index)
        return self.head[index] if index < len(self.head) else self.words[self.start + index - len(self.head)]

    def absolute(self, index: int) -> int:
        """The index in ``words`` of this part's ``index``-th word; -1 for one of ``head``."""
        return self.start + index - len(self.head) if index >= len(self.head) else -1

    def window(self, words: list) -> list:
        """Fragments for a Paragraph of some of these words."""
        return [self.template.clone(words=words)] if self.kind == 0 else words

    def fragments(self) -> list:
        """Fragments standing for all of these words, as a Paragraph's ``frags``."""
        return self.window(self)  # type: ignore[arg-type]

    def line_begins(self, broken: Any, window: list, fragments: list) -> list[int]:
        """For each line ``broken`` from ``window``, the index in the window of the whole word it begins with,
        or -1 when it begins with part of a word split over lines (after which a window may not start)."""
        begins = []
        if self.kind == 0:
            at = 0
            for _, words in broken.lines:
                begins.append(at if words and type(words[0]) is str else -1)
                at += sum(1 for word in words if type(word) is str or type(word) is paragraphs._SplitWordEnd)
        else:
            index = {id(word): i for i, word in enumerate(window)}
            for line in broken.lines:
                word = fragments[line.sFW]
                i = index.get(id(word), -1)
                begins.append(i if i >= 0 and window[i] is word else -1)
        return begins

    def rest(self, broken: _Broken, line: int, between: Any) -> _Part:
        """The part after a split before ``line`` of ``broken``: what ReportLab's split would leave."""
        start = broken.starts[line]
        if start >= 0:
            rest = _Part(self.kind, self.template, self.words, start)
            if line >= 2:
                later = broken.widths[-1]
                rest.known[(later, later)] = broken.after(line)
            return rest
        clean = next((i for i in range(line + 1, len(broken.starts)) if broken.starts[i] >= 0), None)
        if clean is None:
            head = between(broken.lines, line, len(broken.lines.lines))
            return _Part(self.kind, self.template, self.words, len(self.words), self._words_of(head))
        head = between(broken.lines, line, clean)
        return _Part(self.kind, self.template, self.words, broken.starts[clean], self._words_of(head))

    def _words_of(self, fragments: list) -> list:
        return list(fragments[0].words) if self.kind == 0 else list(fragments)


def contents_entries(toc: Any) -> list[tuple[int, str, int, Any]]:
    """The (level, text, page, key) entries a table of contents gathered in the last pass of a multi-pass
    build (its ``_lastEntries``): laying them out other than one per row needs them, and no public call
    hands them out."""
    return list(toc._lastEntries)
