"""Turn plain-text exercise worksheets into printable PDF handouts.

    >>> import generator
    >>> generator.build("worksheets/upper-back-trigger-points.yaml")  # doctest: +SKIP
    BuildResult(output=PosixPath('out/upper-back-trigger-points.pdf'), pages=5)

The names below load on first use, so that `worksheet --help` starts at once.
"""

from __future__ import annotations

import importlib

from .base.version import VERSION as __version__

_EXPORTS = {
    "BuildResult": "app.pipeline",
    "Caches": "app.caches",
    "Result": "app.pipeline",
    "build": "app.pipeline",
    "build_bytes": "app.pipeline",
    "build_bundle": "app.pipeline",
    "build_handout": "app.pipeline",
    "BuildError": "base.errors",
    "InputError": "base.errors",
    "Problem": "base.errors",
    "WorksheetError": "base.errors",
    "Options": "resolve.options",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'generator' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
