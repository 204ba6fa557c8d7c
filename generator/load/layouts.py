"""Finding and loading layouts: by name or path, with `extends:` cascading, fonts located."""

from __future__ import annotations

from pathlib import Path

from ..base.errors import InputError, Problem
from ..base.suggest import did_you_mean
from ..model import Layout
from ..model.choices import FACES
from ..model.layout import Fonts
from ..model.limits import Limits
from .fence import refusal
from .locate import SHIPPED_FONTS, is_path, layout_names
from .source import Document, Origin, load, merge
from .validate import check


def find_layout(reference: str, worksheet: Path | None, base: Path, limits: Limits,
                exclude: Path | None = None) -> tuple[Path | None, str]:
    """The layout file a name, or a path relative to ``base``, refers to; or None and why not."""
    if is_path(reference):
        path = base / reference
        why = refusal(reference, path, limits, "layout")
        if why:
            return None, why
        if path.is_file():
            return path, ""
        return None, f"layout file not found: '{reference}'"
    names = layout_names(worksheet, limits, exclude)
    if reference in names:
        return names[reference], ""
    known = ", ".join(sorted(names)) or "none found"
    return None, f"unknown layout '{reference}'{did_you_mean(reference, names)}; known layouts: {known}"


def load_layout(path: Path, limits: Limits, paper: str | None = None) -> tuple[Layout | None, Document | None, list[Problem]]:
    """The layout at ``path`` with everything it extends laid under it, and its fonts located."""
    try:
        doc = cascade(path, (), limits)
    except InputError as exc:
        return None, None, exc.problems
    layout, problems = check(doc, Layout)
    fonts, font_problems = _locate_fonts(doc, limits)
    if layout is None or font_problems:
        return None, doc, problems + font_problems
    layout = layout.replace(fonts=layout.fonts.replace(**fonts))
    return (with_paper(layout, paper) if paper else layout), doc, []


def cascade(path: Path, chain: tuple[Path, ...], limits: Limits) -> Document:
    """The layout at ``path`` read over every layout it extends, nearest last: the data the model checks."""
    doc = load(path, limits)
    parent = doc.data.get("extends") if isinstance(doc.data, dict) else None
    if not isinstance(parent, str):
        return doc
    found, why = find_layout(parent, path, path.parent, limits, exclude=path)
    if found is None:
        raise InputError([doc.problem(("extends",), why)])
    if found.resolve() in chain:
        raise InputError([doc.problem(("extends",), f"layouts extend each other in a loop through '{parent}'")])
    return merge(cascade(found, chain + (path.resolve(),), limits), doc)


def _locate_fonts(doc: Document, limits: Limits) -> tuple[dict[str, str], list[Problem]]:
    """Each face as the path of its TrueType file: a shipped name, or a file relative to the layout naming it."""
    located, problems = {}, []
    for field in FACES:
        loc = ("fonts", field)
        name = doc.get(loc) if isinstance(doc.get(loc), str) else getattr(Fonts(), field)
        path, why = _font_file(name, Origin(doc=doc).base_dir(loc), limits)
        if why:
            problems.append(doc.problem(loc, why))
        located[field] = str(path.resolve())
    return located, problems


def _font_file(name: str, base: Path, limits: Limits) -> tuple[Path, str]:
    if is_path(name) or name.lower().endswith((".ttf", ".otf")):
        path = base / name
        why = refusal(name, path, limits, "font file")
        if why:
            return path, why
        if not path.is_file():
            return path, f"font file not found: '{name}'"
        if path.suffix.lower() != ".ttf":
            return path, f"'{name}' is not a TrueType (.ttf) font file"
        return path, ""
    path = SHIPPED_FONTS / f"{name}.ttf"
    if not path.is_file():
        shipped = sorted(p.stem for p in SHIPPED_FONTS.glob("*.ttf"))
        return path, f"unknown font '{name}'{did_you_mean(name, shipped)}; give a .ttf file or one of: {', '.join(shipped)}"
    return path, ""


def with_paper(layout: Layout, paper: str) -> Layout:
    page = layout.page.replace(size=paper)
    return layout.replace(page=page)
