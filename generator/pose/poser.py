"""Figures solved once each: the same library exercise is drawn again and again in a batch."""

from __future__ import annotations

from typing import Callable, Optional

from ..model.anatomy import Anatomy
from ..model.figure import Figure
from .picture import Picture, picture


class Poser:
    """Solves figures against one body, keeping each picture by its figure block's value."""

    def __init__(self, anatomy: Callable[[], Anatomy]):
        self._read = anatomy
        self._anatomy: Optional[Anatomy] = None
        self._pictures: dict[str, Picture] = {}

    @property
    def anatomy(self) -> Anatomy:
        if self._anatomy is None:
            self._anatomy = self._read()
        return self._anatomy

    def picture(self, figure: Figure) -> Picture:
        key = repr(figure)  # records print every field, so equal blocks give equal keys
        if key not in self._pictures:
            self._pictures[key] = picture(self.anatomy, figure)
        return self._pictures[key]
