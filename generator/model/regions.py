"""Body regions' labels and the words a clinician searches them by, from generator/anatomy/regions.yaml; the
regions themselves are BODY_REGIONS, and an exercise is in a region by carrying its id among its tags."""

from __future__ import annotations

from typing import Annotated

from ..base.record import Record
from .choices import BODY_REGIONS, BodyRegion
from .common import Text
from .rules import NotEmpty


class Region(Record):
    id: BodyRegion
    label: Text
    words: Annotated[list[Text], NotEmpty()]  # what a search for the region may say: "knee pain", "stairs"


class Regions(Record):
    regions: Annotated[list[Region], NotEmpty()]

    def verify(self) -> None:
        listed = [region.id for region in self.regions]
        if listed != list(BODY_REGIONS):
            raise ValueError(f"list the regions once each, in the order {', '.join(BODY_REGIONS)}")

    def of(self, tags: list[str]) -> list[str]:
        """The regions among an exercise's ``tags``, in BODY_REGIONS' order."""
        return [region for region in BODY_REGIONS if region in tags]

    def words_of(self, tags: list[str]) -> list[str]:
        """The labels and search words of the regions among ``tags``."""
        return [word for region in self.regions if region.id in tags for word in (region.label, *region.words)]

    def labels(self) -> list[tuple[str, str]]:
        return [(region.id, region.label) for region in self.regions]
