"""A page's program built through the front door: its worksheet text, its options, its PDF or its problems."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..app.pipeline import Result, build_handout
from ..app.scaffold import schema_reference
from ..base.deadline import Deadline
from ..base.errors import InputError, Problem, WorksheetError, raise_if_any
from ..load.changes import client_options
from ..load.source import display_path, parse, read_text
from ..model.choices import LANGUAGES, PAPERS
from ..resolve.options import Options
from .program import UNSAVED, field_of, program_problems, yaml_from_program
from .names import saving_refusal, shown
from .project import Project
from .security import inside, message_json, problem_json


class Refused(Exception):
    """A request the server will not act on: its status and a message for the page."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def worksheet_path(project: Project, relative: str | None, for_saving: bool = False) -> Path:
    """The project file a program names (or where an unsaved one is built under); Refused outside worksheets/."""
    if relative is None and not for_saving:
        return project.root / UNSAVED
    if not isinstance(relative, str):
        raise Refused(400, "give the worksheet's path, such as worksheets/neck.yaml")
    path, why = inside(project.root, relative)
    if path is not None and for_saving:
        why = saving_refusal(project.root, relative)
    if path is None or why:
        raise Refused(400, shown(why))
    return path


def read_worksheet(project: Project, path: Path) -> str | None:
    """A worksheet file's text, read as every loader reads one (its size, its encoding, inside the project)
    and its values counted and nesting measured before the round trip expands any alias; None when there is
    no such file. Raises InputError with the CLI's message."""
    if not _is_file(path):
        return None
    limits, display = project.build_options.limits, display_path(path, project.root)
    text = read_text(path, display, limits, "yaml_mb", "save it with UTF-8 encoding")
    parse(text, path, display)
    return text


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name longer than the system allows
        return False


class ProgramText(NamedTuple):
    """Where a program's worksheet lives, its YAML, and what is wrong with the program as the page sent it."""

    path: Path
    text: str
    problems: list[Problem]


def program_text(project: Project, program: dict) -> ProgramText:
    """Where the program's worksheet lives, and its YAML: the file it was opened from changed only where the
    program differs, so building it and saving it give the same worksheet. Its YAML is written even when
    the program has problems, so that building it finds the rest of them too (see ``problems_together``)."""
    if not isinstance(program, dict):
        raise Refused(400, "expected a program: a JSON object with title, exercises and options")
    path = worksheet_path(project, program.get("path"))
    shape = program_problems(program, display_of(project, program))
    original = read_worksheet(project, path)
    try:
        text = yaml_from_program(program, original, project.parsed_originals)
    except (TypeError, ValueError, AttributeError) as exc:  # a program of the wrong shape
        raise Refused(400, f"the program is not in the expected shape: {exc}") from None
    if original is None:  # a new worksheet points editors at its schema, as `worksheet new` writes it
        text = f"{schema_reference(path, 'worksheet')}\n{text}"
    return ProgramText(path, text, shape)


def problems_together(found: list[Problem], program: ProgramText, display: str) -> list[Problem]:
    """A build's problems, each with its line in the worksheet, then the program's own that none of them is
    about (an option, or a value the worksheet would not show the same)."""
    fields = {field_of(problem, display) for problem in found}
    return [*found, *(problem for problem in program.problems if field_of(problem, display) not in fields)]


def checked_build(project: Project, program: dict, target: Path | None = None,
                  deadline: Deadline | None = None) -> tuple[ProgramText, Result]:
    """The program built as the worksheet at ``target`` (its own place by default); raises InputError with
    every problem of the build and of the program together."""
    made = program_text(project, program)
    display = display_of(project, program)
    try:
        result = build_text(project, target or made.path, made.text, program_options(project, program), deadline)
    except InputError as exc:
        raise InputError(problems_together(exc.problems, made, display)) from None
    raise_if_any(made.problems)
    return made, result


def program_options(project: Project, program: dict) -> Options:
    """The options a program's 'options' give, checked as the command line checks them."""
    given = program.get("options") or {}
    if not isinstance(given, dict):
        raise Refused(400, "'options' must be an object")
    paper, second = given.get("paper"), given.get("second_language")
    problems = []
    if paper not in (None, *PAPERS):
        problems.append(Problem(file="--paper", message=f"expected one of {', '.join(PAPERS)}; got {paper!r}"))
    if second not in (None, *LANGUAGES):
        problems.append(Problem(file="--second-language",
                                message=f"expected one of {', '.join(LANGUAGES)}; got {second!r}"))
    values = {name: given.get(name) or None for name in ("client", "date", "clinician", "note")}
    changes, more = client_options(values, (), (), ())
    raise_if_any(problems + more)
    return project.build_options.replace(paper=paper, second_language=second, personal=changes)


def build(project: Project, program: dict, deadline: Deadline | None = None) -> Result:
    """The program's PDF; raises WorksheetError (with every problem), TimeLimit when ``deadline`` passes
    first, or Refused."""
    return checked_build(project, program, deadline=deadline)[1]


def build_text(project: Project, path: Path, text: str, options: Options, deadline: Deadline | None = None) -> Result:
    """``text`` built as the worksheet at ``path`` would build, under the build lock; a build that waited for
    the lock past its deadline is not started (the front door checks it first)."""
    with project.lock:
        project.refresh()
        return build_handout(path, options, project.caches, text, deadline=deadline)


def problems_of(exc: WorksheetError, display: str) -> list[dict]:
    """A failed build's problems as the page shows them: each with its program field and the CLI's exact line."""
    if isinstance(exc, InputError):
        return [problem_json(problem, field_of(problem, display)) for problem in exc.problems]
    return [message_json(exc.format_message())]


def display_of(project: Project, program: dict) -> str:
    relative = program.get("path") if isinstance(program, dict) else None
    return display_path(project.root / (relative if isinstance(relative, str) else UNSAVED), project.root)
