"""The jobs of a batch: one per worksheet found, or one per row of a clients CSV."""

from __future__ import annotations

import glob
from pathlib import Path

from ..base.errors import Problem
from ..load.clients import ClientRow, read_clients
from ..load.source import display_path
from ..resolve.options import Options, Where
from .batch import Job
from .catalog import kind_of, yaml_files
from .naming import UniqueNames, check_pattern, file_name


def worksheet_jobs(patterns: tuple[str, ...], directory: Path, options: Options) -> tuple[list[Job], list[str]]:
    """A job per worksheet found in the paths or globs; and a message per pattern that found nothing.

    A worksheet found in a folder keeps its place below that folder: worksheets/es/neck.yaml -> DIR/es/neck.pdf.
    """
    found: dict[Path, Path] = {}  # worksheet -> its PDF's path below the output folder
    missing = []
    for pattern in patterns or ("worksheets",):
        matches = sorted(glob.glob(pattern, recursive=True)) or ([pattern] if Path(pattern).exists() else [])
        if not matches:
            missing.append(f"{pattern}: no such file or folder")
        for match in map(Path, matches):
            files, _ = yaml_files([match])
            for path in files:
                if kind_of(path) == "worksheet":
                    below = path.relative_to(match).with_suffix(".pdf") if match.is_dir() else Path(f"{path.stem}.pdf")
                    found.setdefault(path, below)
    names = UniqueNames()
    jobs = [Job(label=display_path(path, options.limits.root), worksheet=path,
                output=directory / names.claim(str(below)), options=options)
            for path, below in found.items()]
    return jobs, missing


def client_jobs(csv_path: Path, directory: Path, pattern: str, options: Options,
                text: str | None = None) -> tuple[list[Job], list[Problem]]:
    """A job per good row of the clients CSV (``text``, when given, standing in for its file); and the problems
    of the rows that cannot be built."""
    check_pattern(pattern)
    names = UniqueNames()
    jobs: list[Job] = []
    problems: list[Problem] = []
    for row in read_clients(csv_path, options.limits, text):
        if row.problems or row.worksheet is None:
            problems.extend(row.problems)
            continue
        values = {**row.values, "worksheet": row.worksheet.stem, "row": str(row.line)}
        output = directory / names.claim(file_name(pattern, values))
        column = _column(row, "layout")
        where = Where(file=display_path(csv_path, options.limits.root), line=row.line, column=column, field="layout")
        cell = Where(file=where.file, line=row.line, column=_column(row, "language"), field="language")
        row_options = options.replace(
            layout=row.layout or options.layout, personal=row.changes,
            language=row.language or options.language,
            layout_given_at=where if row.layout else options.layout_given_at,
            language_given_at=cell if row.language else options.language_given_at,
        )
        jobs.append(Job(label=f"{where.file} row {row.line}", worksheet=row.worksheet, output=output,
                        options=row_options))
    return jobs, problems


def _column(row: ClientRow, name: str) -> int:
    """The column, counted from 1, of a row's cell; 0 where the CSV has no such column."""
    return list(row.values).index(name) + 1 if name in row.values else 0
