"""The system's print service (CUPS), through its command-line clients: the printers and their state, a
printer's default paper, a job sent and cancelled. Nothing else in the package talks to CUPS.

The clients (`lpstat`, `lpoptions`, `lp`, `cancel`, from Debian's cups-client) rather than pycups, which
needs libcups's headers and a compiler to install. They find the server as every CUPS program does: from
``CUPS_SERVER`` (or ``~/.cups/client.conf``), or from ``server`` given here, passed as ``-h``. Their output
is read in the C locale, the only one whose wording is fixed.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from typing import Literal, Optional

from ..base.errors import PrintError
from ..base.record import Record
from ..base.suggest import did_you_mean
from ..model.choices import Duplex

State = Literal["idle", "printing", "stopped"]
SIDES = {"long": "two-sided-long-edge", "short": "two-sided-short-edge", "none": "one-sided"}
# A printer's media names, in CUPS's PPD spelling and in IPP's (PWG 5101.1), as the papers a handout knows.
MEDIA = {"letter": "letter", "na_letter_8.5x11in": "letter", "a4": "a4", "iso_a4_210x297mm": "a4",
         "legal": "legal", "na_legal_8.5x14in": "legal"}


class Printer(Record):
    name: str
    state: State
    accepting: bool
    default: bool = False
    reason: str = ""  # why it is stopped or refusing jobs, as the service says it


class Cups:
    """One print service. Holds only where it is and how long to wait, so it can be made anywhere."""

    def __init__(self, server: Optional[str] = None, timeout: float = 60.0):
        self.server = server
        self.timeout = timeout

    def where(self) -> str:
        return self.server or os.environ.get("CUPS_SERVER") or "this computer"

    def printers(self) -> list[Printer]:
        """Every printer with its state, the default marked; raises PrintError when there is no service."""
        if "scheduler is running" not in self._run("lpstat", "-r").stdout:
            raise PrintError(f"no print service: CUPS is not running on {self.where()} "
                             "(start it, or point CUPS_SERVER at a print server)")
        done = self._run("lpstat", "-d", "-p", "-a")
        if done.returncode != 0 and "No destinations" not in done.stderr:
            raise PrintError(f"the print service on {self.where()} would not list its printers: {_said(done)}")
        return _parse_lpstat(done.stdout)

    def printer(self, name: Optional[str]) -> Printer:
        """The printer called ``name`` (the default when None), ready to take a job; else one line saying
        what is wrong and what to do."""
        printers = self.printers()
        names = [printer.name for printer in printers]
        if name is None:
            found = next((printer for printer in printers if printer.default), None)
            if found is None:
                known = ", ".join(names) or "none"
                raise PrintError(f"no default printer on {self.where()}; choose one with --printer "
                                 f"(printers: {known})")
        else:
            found = next((printer for printer in printers if printer.name == name), None)
            if found is None:
                known = ", ".join(names) or "none"
                raise PrintError(f"--printer: unknown printer '{name}'{did_you_mean(name, names)}; "
                                 f"printers: {known}")
        if found.state == "stopped":
            raise PrintError(f"printer '{found.name}' is stopped{_because(found)}; start it with "
                             f"'cupsenable {found.name}', or choose another with --printer")
        if not found.accepting:
            raise PrintError(f"printer '{found.name}' is not accepting jobs{_because(found)}; open it to jobs with "
                             f"'cupsaccept {found.name}', or choose another with --printer")
        return found

    def default_media(self, name: str) -> Optional[str]:
        """The printer's default paper as the name it gives (``A4``, ``na_letter_8.5x11in``), or None."""
        options = shlex.split(self._run("lpoptions", "-p", name).stdout)
        for option in options:  # a default the user or admin set, as IPP's media
            key, _, value = option.partition("=")
            if key == "media" and value:
                return value.split(",")[0]
        for line in self._run("lpoptions", "-p", name, "-l").stdout.splitlines():  # else the driver's
            key, _, values = line.partition(":")
            if key.split("/")[0] in ("PageSize", "media"):
                return next((value[1:] for value in values.split() if value.startswith("*")), None)
        return None

    def submit(self, printer: str, pdf: bytes, title: str, copies: int = 1, duplex: Optional[Duplex] = None) -> str:
        """Queue ``pdf`` as one job; its id (``pdf-12``). When the service refuses the document, `lp`
        cancels the job it had created before failing, so a refused job never prints half."""
        arguments = ["-d", printer, "-t", title, "-n", str(copies)]
        if duplex is not None:
            arguments += ["-o", f"sides={SIDES[duplex]}"]
        done = self._run("lp", *arguments, stdin=pdf)
        found = re.search(r"request id is (\S+)", done.stdout)
        if done.returncode != 0 or found is None:
            raise PrintError(f"printer '{printer}' refused the job: {_said(done)}; the job was cancelled and "
                             "nothing prints")
        return found.group(1)

    def cancel(self, job: str) -> None:
        done = self._run("cancel", job)
        if done.returncode != 0:
            raise PrintError(f"could not cancel print job {job}: {_said(done)}")

    def _run(self, program: str, *arguments: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
        command = [program, *(["-h", self.server] if self.server else []), *arguments]
        environment = {**os.environ, "LC_ALL": "C", "LANG": "C"}
        try:
            done = subprocess.run(command, input=stdin, capture_output=True, timeout=self.timeout, env=environment)
        except FileNotFoundError:
            raise PrintError(f"no print service: the CUPS client program '{program}' is not installed "
                             "(install cups-client)") from None
        except subprocess.TimeoutExpired:
            raise PrintError(f"the print service on {self.where()} did not answer '{program}' within "
                             f"{self.timeout:g} s") from None
        return subprocess.CompletedProcess(command, done.returncode, done.stdout.decode("utf-8", "replace"),
                                           done.stderr.decode("utf-8", "replace"))


def _parse_lpstat(text: str) -> list[Printer]:
    """`lpstat -d -p -a` in the C locale: the default, each printer's state and whether it takes jobs, a
    reason on the tab-indented line under one that is stopped or refusing."""
    default = ""
    states: dict[str, State] = {}
    accepting: dict[str, bool] = {}
    reasons: dict[str, str] = {}
    last = ""
    for line in text.splitlines():
        if line.startswith("\t"):
            if last and line.strip():
                reasons.setdefault(last, line.strip())
            continue
        words = line.split()
        if line.startswith("system default destination:"):
            default, last = words[-1], ""
        elif len(words) >= 3 and words[0] == "printer":
            last = words[1]
            states[last] = "printing" if words[2] == "now" else "stopped" if words[2] == "disabled" else "idle"
        elif len(words) >= 2 and words[1] in ("accepting", "not"):
            last = words[0]
            accepting[last] = words[1] == "accepting"
            if accepting[last]:
                last = ""  # a printer's status message under a printer that takes jobs is no reason to refuse
    return [Printer(name=name, state=state, accepting=accepting.get(name, False), default=name == default,
                    reason=reasons.get(name, "")) for name, state in states.items()]


def paper_of(media: Optional[str]) -> Optional[str]:
    """The handout paper a printer's media name is, or None when it is none of them."""
    return MEDIA.get((media or "").lower())


def _because(printer: Printer) -> str:
    return f" ({printer.reason})" if printer.reason else ""


def _said(done: subprocess.CompletedProcess) -> str:
    """What a client said on failing, as one line, without its own name in front."""
    text = " ".join((done.stderr or done.stdout).split()) or f"exit status {done.returncode}"
    text = re.sub(r"^\w+: (Error - )?", "", text)
    return text.rstrip(".")
