"""Read the figure's body and base postures, shipped in generator/anatomy/."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from ..base.errors import BuildError
from ..base.record import Record
from ..model.anatomy import Anatomy, Body, Postures
from ..model.masses import Masses
from ..model.limits import Limits
from ..model.regions import Regions
from ..model.shading import Shading
from .validate import load_and_check

FOLDER = Path(__file__).resolve().parent.parent / "anatomy"
M = TypeVar("M", bound=Record)


def read_anatomy() -> Anatomy:
    return Anatomy(body=_read(FOLDER / "body.yaml", Body), postures=_read(FOLDER / "postures.yaml", Postures),
                   masses=_read(FOLDER / "masses.yaml", Masses),
                   shading=_read(FOLDER / "shading.yaml", Shading))


def read_regions() -> Regions:
    """The body regions' labels and search words."""
    return _read(FOLDER / "regions.yaml", Regions)


def _read(path: Path, model: type[M]) -> M:
    value, _, problems = load_and_check(path, model, Limits())
    if value is None:  # shipped data: a mistake here is the tool's, not the user's
        raise BuildError("; ".join(str(problem) for problem in problems))
    return value
