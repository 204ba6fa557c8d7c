"""Every use of ReportLab's undocumented internals, in one place, so an upgrade is checked here first.

pyproject.toml pins ReportLab to the minor versions these were tested with. Each function says which
internal it touches and why the public API does not serve.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph
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
    """A paragraph made from parsed fragments; copies, since laying a paragraph out may change its fragments."""
    return Paragraph(markup, style, bulletText=bullet, frags=[fragment.clone() for fragment in fragments])


def frame_height(flowable: Any) -> float | None:
    """The height of the frame a flowable is being laid out in (Frame sets ``_frame`` and its ``_height``), or
    None before it is placed. A block taller than a whole frame needs it to decide where to start."""
    frame = getattr(flowable, "_frame", None)
    return None if frame is None else frame._height


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
