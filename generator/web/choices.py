"""The allowed values the page offers (layouts, papers, languages, positions, dose fields, sides), taken
from the model's lists and the project's layouts, so the page never repeats them."""

from __future__ import annotations

from pathlib import Path

from ..compose import wording
from ..load.layouts import load_layout
from ..load.locate import layout_names
from ..model.choices import LANGUAGE_NAMES, LANGUAGES, PAPERS, POSITIONS, SIDES
from ..model.exercise import Dosage
from ..model.limits import Limits
from ..model.regions import Regions

SECONDS = ("hold_seconds", "duration_seconds", "rest_seconds")
OFTEN = {"per_day": "Times a day", "per_week": "Times a week"}  # one heading, "How often", covers both in print


def position_label(position: str) -> str:
    return wording.POSITIONS[position]  # the English words, untranslated: the page is in English


def choices(worksheet_dir: Path, limits: Limits, regions: Regions) -> dict:
    return {
        "layouts": _layouts(worksheet_dir, limits),
        "papers": list(PAPERS),
        "languages": [{"code": code, "name": LANGUAGE_NAMES[code]} for code in LANGUAGES],
        "positions": [{"id": position, "label": position_label(position)} for position in POSITIONS],
        "dose_fields": [_dose_field(field) for field in Dosage.field_names if field != "side"],
        "sides": list(SIDES),
        "regions": [{"id": region, "label": label} for region, label in regions.labels()],
    }


def _dose_field(field: str) -> dict:
    label = OFTEN.get(field) or wording.HEADINGS[field]
    return {"id": field, "label": label, "unit": "s" if field in SECONDS else ""}


def _layouts(worksheet_dir: Path, limits: Limits) -> list[dict]:
    """Every layout a worksheet in the project can name; one that does not load is listed by its file name."""
    found = []
    for name, path in sorted(layout_names(worksheet_dir / "any.yaml", limits).items()):
        layout, _doc, _problems = load_layout(path, limits)
        description = (layout.description or "") if layout else "has problems: run 'worksheet validate'"
        found.append({"id": name, "name": layout.name if layout else name, "description": description})
    return found
