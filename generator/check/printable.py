"""The check stage: everything a handout or booklet will print, known printable before anything is drawn.

Every character of every text against the fonts that will draw it, every illustration and logo decoded.
`worksheet validate` runs the same checks as a build, so a worksheet that validates builds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from ..base.errors import Problem, raise_if_any
from ..base.record import Record
from ..load.source import Origin
from ..model import Layout
from ..model.choices import FACES, SLANTED_FACES, UPRIGHT_FACES
from ..model.limits import Limits
from ..resolve.handout import Bundle, Handout, HandoutClinic
from .coverage import FontCoverage, UnreadableFont
from .glyphs import bundle_texts, missing_glyphs, printed_texts
from .images import DecodedImages


class Checked(Record):
    """What drawing needs beyond the handout: the decoded pictures, and whether italic faces are used."""

    images: dict[Path, Any]
    slanted: bool


class Checker:
    """Runs the checks, keeping what it read (font maps, decoded pictures) for the next handout."""

    def __init__(self, kept_pictures: int = 64) -> None:
        self.coverage = FontCoverage()
        self.images = DecodedImages(kept_pictures)

    def handout(self, handout: Handout, limits: Limits) -> Checked:
        """Raises InputError with every problem found."""
        slanted = needs_italics([handout])
        problems = self._glyphs(printed_texts(handout), handout.layout, handout.layout_origin, slanted)
        images, image_problems = self._pictures([handout], limits)
        raise_if_any(problems + image_problems)
        return Checked(images=images, slanted=slanted)

    def bundle(self, bundle: Bundle, limits: Limits) -> Checked:
        slanted = needs_italics(bundle.handouts)
        booklet = bundle.handouts[0].layout_origin  # the booklet's layout is the first worksheet's, or the set's
        problems = self._glyphs(bundle_texts(bundle), bundle.layout, booklet, slanted)  # the cover's note slants
        for handout in bundle.handouts:
            problems += self._glyphs(printed_texts(handout), handout.layout, handout.layout_origin, slanted)
        images, image_problems = self._pictures(bundle.handouts, limits, bundle.clinic)
        raise_if_any(problems + image_problems)
        return Checked(images=images, slanted=slanted)

    def picture_problems(self, path: Path, name: str, origin: Origin, field: str, limits: Limits) -> list[Problem]:
        """What is wrong with one picture, located at the field that names it."""
        _image, why = self.images.decode(path, name, limits)
        return [origin.problem((field,), why)] if why else []

    def _glyphs(self, texts, layout: Layout, layout_origin: Origin, slanted: bool) -> list[Problem]:
        faces = (*UPRIGHT_FACES, *(SLANTED_FACES if slanted else ()))
        try:
            coverage = self.coverage.of([getattr(layout.fonts, face) for face in faces])
        except UnreadableFont:
            return self.font_problems(layout, layout_origin)
        return missing_glyphs(texts, layout.fonts.regular, coverage)

    def font_problems(self, layout: Layout, origin: Origin) -> list[Problem]:
        """A problem at each face of the layout whose file cannot be read as a font."""
        problems = []
        for face in FACES:
            try:
                self.coverage.of([getattr(layout.fonts, face)])
            except UnreadableFont as exc:
                problems.append(origin.problem(("fonts", face), str(exc)))
        return problems

    def _pictures(self, handouts: Iterable[Handout], limits: Limits,
                  clinic: HandoutClinic | None = None) -> tuple[dict[Path, Any], list[Problem]]:
        wanted: list[tuple[Path, str, Origin, str]] = []
        for owner in [clinic, *(handout.clinic for handout in handouts)]:
            if owner is not None and owner.logo is not None and owner.clinic.logo is not None:
                wanted.append((owner.logo, owner.clinic.logo, owner.origin, "logo"))
        for handout in handouts:
            wanted += [(item.illustration, item.exercise.illustration, item.origin, "illustration")
                       for item in handout.exercises if item.illustration is not None and item.exercise.illustration]
        images: dict[Path, Any] = {}
        problems: list[Problem] = []
        for path, name, origin, field in wanted:
            image, why = self.images.decode(path, name, limits)
            if why:
                problems.append(origin.problem((field,), why))
            else:
                images[path] = image
        return images, problems


def needs_italics(handouts: Iterable[Handout]) -> bool:
    """Only notes are set in italics, so only handouts with notes need the italic faces."""
    return any((handout.personal is not None and bool(handout.personal.note))
               or any(item.note or item.client_note for item in handout.exercises) for handout in handouts)


