"""The clinic block: from a --clinic file, the worksheet or the layout, the first one given."""

from __future__ import annotations

from pathlib import Path

from ..base.errors import Problem
from ..load.images import find_image
from ..load.source import Origin
from ..load.validate import load_and_check
from ..model.layout import Clinic
from ..model.limits import Limits
from .handout import HandoutClinic


def load_clinic_file(path: Path, limits: Limits) -> tuple[tuple[Clinic, Origin] | None, list[Problem]]:
    clinic, doc, problems = load_and_check(path, Clinic, limits)
    if clinic is None or doc is None:
        return None, problems
    return (clinic, Origin(doc=doc)), []


def settle_clinic(candidates: list[tuple[Clinic | None, Origin]], limits: Limits,
                  allow_outside: bool = False) -> tuple[HandoutClinic | None, list[Problem]]:
    """The first clinic given, its logo located relative to the file that names it."""
    for clinic, origin in candidates:
        if clinic is None:
            continue
        if clinic.logo is None:
            return HandoutClinic(clinic=clinic, logo=None, origin=origin), []
        logo, why = find_image(clinic.logo, origin, "logo", allow_outside, limits)
        if why:
            return None, [origin.problem(("logo",), why)]
        return HandoutClinic(clinic=clinic, logo=logo, origin=origin), []
    return None, []
