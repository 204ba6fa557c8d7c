"""What Tab offers on the command line, through click's shell completion (docs/shell.md sets it up).

Each answer is made from file names alone, never by reading YAML: the shell asks at every Tab press, and
a project's worksheets or library may hold a broken file that must not stop completion.
"""

from __future__ import annotations

import os
from pathlib import Path

import click
from click.shell_completion import CompletionItem

from ..load.locate import LIBRARY_DIR, WORKSHEETS_DIR, is_path, layout_names, library_dir, project_root
from ..model.limits import Limits


def worksheets(_ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """The project's worksheets (every YAML file under worksheets/ but the exercise library) as paths from
    here; any other path the shell completes as a file name."""
    root = project_root(Path.cwd()) / WORKSHEETS_DIR
    found = sorted(_relative(path) for path in root.rglob("*.yaml")
                   if LIBRARY_DIR not in path.relative_to(root).parts[:-1]) if root.is_dir() else []
    matches = [CompletionItem(path) for path in found if path.startswith(incomplete)]
    return matches or [CompletionItem(incomplete, type="file")]


def layouts(_ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Layout names, the project's and the shipped ones; a path to a layout file as a file name."""
    if is_path(incomplete):
        return [CompletionItem(incomplete, type="file")]
    return [CompletionItem(name) for name in sorted(layout_names(None, Limits())) if name.startswith(incomplete)]


def exercises(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Exercise ids; after a comma (``--skip a,b``, as --skip accepts) the next one."""
    from ..load.changes import SKIP_SEPARATORS  # the model with it: only when completing, not at every start

    cut = max((match.end() for match in SKIP_SEPARATORS.finditer(incomplete)), default=0)
    done, last = incomplete[:cut], incomplete[cut:]
    return [CompletionItem(done + name) for name in exercise_ids(ctx) if name.startswith(last)]


def exercise_changes(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """``--set``: an exercise id (or * for every one) and a dot, then each field a client's dose may change."""
    from ..load.changes import DOSAGE_FIELDS, EVERY_EXERCISE

    exercise, dot, field = incomplete.rpartition(".")
    if not dot:
        return [CompletionItem(f"{name}.") for name in (EVERY_EXERCISE, *exercise_ids(ctx))
                if name.startswith(incomplete)]
    fields = DOSAGE_FIELDS if exercise == EVERY_EXERCISE else (*DOSAGE_FIELDS, "note")
    return [CompletionItem(f"{exercise}.{name}=") for name in fields if name.startswith(field)]


def exercise_notes(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """``--exercise-note``: an exercise id and an equals sign, the note to follow."""
    return [CompletionItem(f"{name}=") for name in exercise_ids(ctx) if name.startswith(incomplete)]


def exercise_ids(ctx: click.Context) -> list[str]:
    """The ids in the library a build would use: --library when already typed, else the one found from the
    first worksheet typed, else the nearest from here."""
    folder = ctx.params.get("library")
    if folder is None:
        given = ctx.params.get("worksheet") or next(iter(ctx.params.get("worksheets") or ()), None)
        folder = library_dir(Path(given) if given else None, Limits())
    if folder is None or not Path(folder).is_dir():
        return []
    return sorted(path.stem for path in Path(folder).glob("*.yaml"))


def _relative(path: Path) -> str:
    return Path(os.path.relpath(path)).as_posix()
