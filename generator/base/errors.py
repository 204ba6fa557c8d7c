"""The one error hierarchy, and the located problems it carries. Plain exceptions: the CLI prints them as
messages (never as tracebacks), the server as problems, a batch as failed rows."""

from __future__ import annotations

from typing import Iterable, Literal

from .record import Record

Severity = Literal["error", "warning"]


class Problem(Record):
    """One thing wrong with one input, located like a compiler's message.

    An error stops the handout; a warning is said to the user, and the handout is made.
    """

    file: str
    line: int = 0
    column: int = 0
    field: str = ""
    message: str = ""
    severity: Severity = "error"

    def __str__(self) -> str:
        parts = [f"{self.file}:{self.line}:{self.column}" if self.line else self.file]
        if self.severity == "warning":
            parts.append("warning")
        if self.field:
            parts.append(self.field)
        return ": ".join([*parts, self.message])

    def sort_key(self) -> tuple:
        return self.file, self.line, self.column, self.field, self.message, self.severity

    def __lt__(self, other: Problem) -> bool:
        return self.sort_key() < other.sort_key()

    def as_warning(self) -> Problem:
        return self.replace(severity="warning")


def in_order(problems: Iterable[Problem]) -> list[Problem]:
    """Each problem once, by file and place."""
    return sorted(set(problems))


class WorksheetError(Exception):
    """Base of every error a user can cause: a message for them, complete on its own."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def format_message(self) -> str:
        return self.message


class InputError(WorksheetError):
    """One or more problems in files the user wrote, reported all at once."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = in_order(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class BuildError(WorksheetError):
    """Valid input that still could not be turned into a PDF."""


class PrintError(WorksheetError):
    """The print service is missing, or a printer or a job cannot be printed: nothing was left queued."""


def raise_if_any(problems: Iterable[Problem]) -> None:
    errors = [problem for problem in problems if problem.severity == "error"]
    if errors:
        raise InputError(errors)
