"""The one error hierarchy. The CLI prints these as messages, never as tracebacks."""

from __future__ import annotations

from dataclasses import dataclass

import click


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one input file, located like a compiler error."""

    file: str
    line: int = 0
    column: int = 0
    field: str = ""
    message: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column}"
        prefix = f"{where}: {self.field}: " if self.field else f"{where}: "
        return prefix + self.message


class WorksheetError(click.ClickException):
    """Base of every error a user can cause; exit status 1."""

    exit_code = 1

    def format_message(self) -> str:
        return self.message

    def show(self, file=None) -> None:  # noqa: D102 - click prints "Error: " by default; ours need no prefix
        click.echo(self.format_message(), file=file, err=True)


class InputError(WorksheetError):
    """One or more problems in files the user wrote, reported all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


class BuildError(WorksheetError):
    """Valid input that still could not be turned into a PDF."""


def raise_if_any(problems: list[Problem]) -> None:
    if problems:
        raise InputError(problems)
