"""A digest of everything a handout is made from, so a batch can skip what has not changed.

Everything: the tool's version; the whole options record (language, second language, strict, layout, paper,
library, clinic, log, the client's changes, limits); and every file read: the worksheet, each exercise and
its translations, the layout and what it extends, fonts, pictures, the clinic file, the language catalogues.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Iterable

from ..base.version import VERSION
from ..compose.i18n import catalogue_path
from ..resolve.handout import Handout
from ..resolve.options import Options

NOT_OUTPUT = {"layout_given_at", "language_given_at"}  # where a message about an option points; never printed


def fingerprint(handout: Handout, options: Options) -> str:
    digest = hashlib.sha256(f"worksheet-generator {VERSION}\n".encode())
    digest.update(json.dumps(options_data(options), sort_keys=True, default=str).encode())
    for path in sorted(set(input_files(handout, options))):
        digest.update(str(path).encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"(missing)")
    return digest.hexdigest()


def options_data(options: Options) -> dict[str, Any]:
    """Every option that can change a handout, as plain data."""
    data = {}
    for name in options.field_names:
        if name in NOT_OUTPUT:
            continue
        value = getattr(options, name)
        if name == "personal" and value is not None:
            value = value.personal.as_dict()
        elif hasattr(value, "as_dict"):
            value = value.as_dict()
        elif isinstance(value, Path):
            value = str(value.resolve())
        data[name] = value
    return data


def input_files(handout: Handout, options: Options) -> Iterable[Path]:
    yield handout.path.resolve()
    yield from (Path(mark.file).resolve() for mark in handout.layout_origin.doc.value_marks.values() if mark.file)
    yield from (Path(getattr(handout.layout.fonts, face)) for face in handout.layout.fonts.field_names)
    for item in handout.exercises:
        yield item.origin.doc.path.resolve()
        yield from (path.resolve() for path in item.files)
        yield from (path.resolve() for variation in item.variations for path in variation.files)
        if item.illustration is not None:
            yield item.illustration.resolve()
    if handout.second_origin is not None:  # the worksheet's copy in the second language
        yield handout.second_origin.doc.path.resolve()
    if handout.clinic is not None:
        yield handout.clinic.origin.doc.path.resolve()
        if handout.clinic.logo is not None:
            yield handout.clinic.logo.resolve()
    for language in (handout.language, options.second_language):
        if language is not None:
            yield catalogue_path(language)
