"""Exercise figures drawn alone, for tuning a figure block without building a whole handout."""

from __future__ import annotations

from pathlib import Path

from ..base.errors import InputError, Problem, raise_if_any
from ..base.suggest import did_you_mean
from ..load.layouts import find_layout, load_layout
from ..load.library import solve_figure
from ..load.locate import shipped_layouts
from ..load.source import Origin
from ..model.common import POINTS_PER_UNIT
from ..pose.picture import Picture
from ..resolve.options import Options
from .caches import Caches
from .raster import page_pngs

DEFAULT_LAYOUT = "standard"


def figure_pictures(names: list[str], options: Options, caches: Caches) -> list[tuple[str, Picture]]:
    """Each named library exercise's figure, solved; every problem with any of them raised at once."""
    library = caches.library((options.limits.root or Path.cwd()) / "worksheet.yaml", options)
    pictures, problems = [], []
    for name in names:
        found, broken = library.get(name)
        if found is None:
            problems += broken or [Problem(file="(command line)", field="EXERCISE",
                                           message=f"unknown exercise '{name}'{did_you_mean(name, library.ids())}")]
            continue
        if found.exercise.figure is None:
            problems.append(found.doc.problem((), "this exercise has no 'figure' block yet"))
            continue
        picture, troubles = solve_figure(found.exercise, Origin(doc=found.doc), library.poser)
        problems += troubles
        if picture is not None:
            pictures.append((name, picture))
    raise_if_any(problems)
    return pictures


def figure_pdf(names: list[str], options: Options, caches: Caches, width_mm: float | None = None) -> bytes:
    """One page per figure, the size of the box a card of the layout gives it (or ``width_mm`` wide, same
    shape): a figure in two frames gets the wider box its card would."""
    pictures = figure_pictures(names, options, caches)
    layout_name = options.layout or DEFAULT_LAYOUT
    path, why = find_layout(layout_name, None, options.limits.root or Path.cwd(), options.limits)
    if path is None:
        path, why = find_layout(layout_name, None, shipped_layouts(), options.limits)
    if path is None:
        raise InputError([Problem(file="--layout", field="layout", message=why)])
    layout, _, problems = load_layout(path, options.limits, options.paper)
    raise_if_any(problems)
    assert layout is not None
    from ..compose.picture_size import picture_size
    from ..render.document import column_width, page_size
    from ..render.figure_sheet import figure_sheet

    card = column_width(layout, page_size(layout))
    sized = []
    for name, picture in pictures:
        box = picture_size(layout.illustration, len(picture.panels), card, layout.figure.gap)
        width, height = box.width, box.height
        if width_mm is not None:
            width, height = width_mm * POINTS_PER_UNIT["mm"], width_mm * POINTS_PER_UNIT["mm"] * height / width
        sized.append((name, picture, width, height))
    return figure_sheet(sized, layout, caches.typesetter.fonts)


def figure_pngs(pdf: bytes, names: list[str], dpi: int) -> dict[str, bytes]:
    """Each page of a figure sheet as a PNG image, by exercise id."""
    return dict(zip(names, page_pngs(pdf, dpi)))
