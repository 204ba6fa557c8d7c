"""Plain typed data validated from YAML. Nothing here knows about ReportLab.

The names below load on first use: `worksheet --help` needs the lists of allowed values (choices.py)
and none of the models.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "POSITIONS": "choices",
    "Dosage": "exercise",
    "Exercise": "exercise",
    "Layout": "layout",
    "ExerciseChange": "personal",
    "Personal": "personal",
    "Entry": "worksheet",
    "Section": "worksheet",
    "Worksheet": "worksheet",
}

__all__ = list(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'generator.model' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
