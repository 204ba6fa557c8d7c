"""Body regions, as the builder page filters the exercise library by them: read from generator/anatomy/regions.yaml."""

from __future__ import annotations

from typing import Annotated

from ..base.record import Record
from .common import Text
from .rules import NotEmpty


class Region(Record):
    id: Text
    label: Text
    targets: Annotated[list[Text], NotEmpty()]


class Regions(Record):
    regions: Annotated[list[Region], NotEmpty()]

    def of(self, targets: list[str]) -> list[str]:
        """The ids of the regions any of ``targets`` belongs to, in this file's order."""
        wanted = {target.strip().lower() for target in targets}
        return [region.id for region in self.regions if wanted & {t.lower() for t in region.targets}]
