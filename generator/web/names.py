"""The names the page may save a worksheet under: plain ``name.yaml`` files in worksheets/ or a folder of it
that already exists, in printable characters a file name holds on every system."""

from __future__ import annotations

import re
from pathlib import Path

from ..load.locate import LIBRARY_DIR, WORKSHEETS_DIR

MAX_LENGTH = 200
SUFFIX = ".yaml"
# A letter or digit first (no leading dot, dash or space), then letters, digits and a few marks: no '%' or
# backslash escapes, no control characters, nothing a file system elsewhere would refuse.
PART = re.compile(r"[^\W_][\w .()+,'-]*")
EXAMPLE = f"{WORKSHEETS_DIR}/neck{SUFFIX}"


def shown(text: str) -> str:
    """``text`` safe to echo in a message: characters no UTF-8 text can hold written as escapes."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def listable(relative: str) -> bool:
    """Whether a file found in the project may be offered to the page: a name UTF-8 can carry, nothing hidden."""
    return shown(relative) == relative and not any(part.startswith(".") for part in relative.split("/"))


def saving_refusal(root: Path, relative: str) -> str:
    """Why ``relative`` is no name to save a worksheet under in the project at ``root``; "" when it is one."""
    given = shown(relative)
    if len(relative) > MAX_LENGTH:
        return f"'{given[:40]}...': a name of {len(relative):,} characters; keep it under {MAX_LENGTH}"
    parts = relative.split("/")
    if len(parts) < 2 or parts[0] != WORKSHEETS_DIR or not parts[-1].endswith(SUFFIX):
        return f"'{given}': save as a .yaml file in the project's {WORKSHEETS_DIR}/ folder, such as {EXAMPLE}"
    stem = parts[-1][: -len(SUFFIX)]
    if not all(PART.fullmatch(part) for part in (*parts[1:-1], stem)):
        return (f"'{given}': a name starts with a letter or digit and holds only letters, digits, spaces and "
                f"- _ . ( ) + , ' ; such as {EXAMPLE}")
    if parts[1:2] == [LIBRARY_DIR]:
        return f"'{given}': {WORKSHEETS_DIR}/{LIBRARY_DIR}/ holds the exercise library, not worksheets"
    folder = root.joinpath(*parts[:-1])
    if not folder.is_dir():
        return f"'{given}': there is no folder {'/'.join(parts[:-1])}/; save in one that exists"
    return ""
