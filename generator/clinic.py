"""The clinic block: from a --clinic file, the worksheet or the layout, the first one given."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .model.layout import Clinic
from .source import Origin, display_path
from .validate import load_and_check


@dataclass(frozen=True)
class HandoutClinic:
    clinic: Clinic
    logo: Path | None
    origin: Origin


def load_clinic_file(path: Path) -> tuple[tuple[Clinic, Origin] | None, list[Problem]]:
    clinic, doc, problems = load_and_check(path, Clinic)
    if clinic is None or doc is None:
        return None, problems
    return (clinic, Origin(doc)), []


def settle_clinic(candidates: list[tuple[Clinic | None, Origin]]) -> tuple[HandoutClinic | None, list[Problem]]:
    """The first clinic given, its logo located relative to the file that names it."""
    for clinic, origin in candidates:
        if clinic is None:
            continue
        if clinic.logo is None:
            return HandoutClinic(clinic, None, origin), []
        logo = origin.base_dir(("logo",)) / clinic.logo
        if not logo.is_file():
            where = display_path(logo.parent)
            return None, [origin.problem(("logo",), f"logo not found: '{clinic.logo}' (looked in {where})")]
        return HandoutClinic(clinic, logo, origin), []
    return None, []
