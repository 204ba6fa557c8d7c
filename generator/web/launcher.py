"""A launcher for a project's builder page, for clinicians who never open a terminal: a file the desktop
runs (a freedesktop `.desktop` entry on Linux, a `.command` script on macOS, a `.cmd` script on Windows) that
starts `worksheet serve` for the project and opens the page; started again while the page is served, it
opens the running one (see server.py)."""

from __future__ import annotations

import hashlib
import re
import stat
from pathlib import Path
from typing import NamedTuple

DESKTOP_RESERVED = re.compile(r'[\s"\'\\><~|&;$*?#()`%]')  # the Exec key's characters that need quoting


class Launcher(NamedTuple):
    """A launcher file's name and text, and whether it must be made executable."""

    name: str
    text: str
    executable: bool


def fingerprint(root: Path) -> str:
    """Names a project folder to a second start, without giving its path away over the network."""
    return hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def command(python: str, root: Path, port: int) -> list[str]:
    """What a launcher runs: this Python serving ``root`` on ``port`` and opening the page."""
    return [python, "-m", "generator", "serve", str(root.resolve()), "--port", str(port), "--open"]


def launcher_for(root: Path, python: str, port: int, platform: str) -> Launcher:
    """The launcher for ``platform`` (``sys.platform``'s values: linux, darwin, win32)."""
    root = root.resolve()
    title = f"Worksheets - {root.name or root}"
    args = command(python, root, port)
    if platform == "darwin":
        script = " ".join(_sh_quoted(arg) for arg in args)
        return Launcher(f"{_file_name(title)}.command", f"#!/bin/sh\nexec {script}\n", True)
    if platform.startswith("win"):
        line = " ".join(_cmd_quoted(arg) for arg in args)
        return Launcher(f"{_file_name(title)}.cmd", f"@echo off\r\n{line}\r\n", False)
    entry = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.0",
        f"Name={_desktop_string(title)}",
        f"Comment={_desktop_string(f'Build exercise handouts from {root}')}",
        f"Exec={' '.join(_exec_quoted(arg) for arg in args)}",
        "Terminal=false",
        "Categories=Office;MedicalSoftware;",
        "",
    ]
    return Launcher(f"worksheet-{_slug(root.name)}-{fingerprint(root)[:8]}.desktop", "\n".join(entry), True)


def write_launcher(launcher: Launcher, folder: Path) -> Path:
    """The launcher written into ``folder`` (made if missing), replacing one of the same name."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / launcher.name
    path.write_text(launcher.text, encoding="utf-8", newline="")
    if launcher.executable:
        path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def _exec_quoted(arg: str) -> str:
    """One argument of a desktop entry's Exec key, quoted as the Desktop Entry Specification says: in double
    quotes with ", `, $ and \\ escaped by a backslash where it holds a reserved character, % doubled; then the
    string escaping every value has, which doubles each backslash again."""
    if DESKTOP_RESERVED.search(arg) or arg == "":
        arg = '"' + re.sub(r'(["`$\\])', r"\\\1", arg) + '"'
    return _desktop_string(arg.replace("%", "%%"))


def _desktop_string(text: str) -> str:
    """A desktop entry's string value: backslashes, newlines, tabs and returns escaped."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def _sh_quoted(arg: str) -> str:
    return "'" + arg.replace("'", "'\\''") + "'"


def _cmd_quoted(arg: str) -> str:
    """An argument for cmd.exe: in double quotes, a % doubled so it is not read as a variable."""
    return '"' + arg.replace('"', '""').replace("%", "%%") + '"'


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "project"


def _file_name(title: str) -> str:
    """A title made safe for a file name on every system."""
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", title).strip(" .-") or "Worksheets"
