"""`worksheet watch` as a user runs it: a real process over a copy of the project, files saved under it.

Every wait polls for what the user would see, with a generous limit, so a busy machine is slow, not red.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

from conftest import ROOT, read_pages

from generator.app.caches import Caches
from generator.app.watch import Watcher
from generator.resolve.options import Options

NECK = "worksheets/neck-and-upper-back-knots.yaml"
CHIN_TUCK = "worksheets/exercises/chin-tuck.yaml"
TARGET = "out/neck.pdf"
PATIENCE = 90.0  # seconds; a build takes well under one, but the machine is shared


def wait_for(condition: Callable[[], bool], what: str, timeout: float = PATIENCE) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.05)


class Watching:
    """`python -m generator watch` running in ``project``, its output in files the test reads as it goes."""

    def __init__(self, project: Path, *args: str) -> None:
        self.project = project
        self.out, self.err = project / "watch.stdout", project / "watch.stderr"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
        with self.out.open("wb") as out, self.err.open("wb") as err:
            self.process = subprocess.Popen([sys.executable, "-m", "generator", "watch", *args], cwd=project,
                                            stdout=out, stderr=err, env=env)

    def stdout(self) -> str:
        return self.out.read_text()

    def stderr(self) -> str:
        return self.err.read_text()

    def builds(self) -> int:
        return sum(line.startswith("built ") for line in self.stdout().splitlines())

    def kept(self) -> int:
        return self.stderr().count(f"kept the last good {TARGET}\n")

    def wait_for_builds(self, count: int) -> None:
        wait_for(lambda: self.builds() >= count or self.process.poll() is not None, f"build {count}")
        assert self.builds() == count, self.stdout() + self.stderr()

    def stop(self) -> int:
        """Ctrl-C, as a terminal sends it; the exit status."""
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=PATIENCE)

    def pdf_text(self) -> str:
        return "\n".join(page.text for page in read_pages((self.project / TARGET).read_bytes()))


def save(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def watch(project: Path) -> Watching:
    watching = Watching(project, NECK, "-o", TARGET)
    watching.wait_for_builds(1)
    return watching


def test_a_word_saved_in_the_worksheet_or_an_exercise_it_uses_is_in_the_rebuilt_pdf(project: Path):
    watching = watch(project)
    assert "Glide your head straight back" in watching.pdf_text()
    save(project / NECK, "Nine moves for trigger points", "Nine moves for Zanzibar points")
    watching.wait_for_builds(2)
    assert "Zanzibar" in watching.pdf_text()
    save(project / CHIN_TUCK, "Glide your head straight back", "Glide your head straight backwards")
    watching.wait_for_builds(3)
    assert "Glide your head straight backwards" in watching.pdf_text()
    assert watching.stop() == 0
    lines = watching.stdout().splitlines()
    assert all(line.startswith(f"built {TARGET} (") and line.endswith(" s") for line in lines), lines


def test_a_broken_save_says_where_and_keeps_the_last_good_pdf_byte_for_byte(project: Path):
    watching = watch(project)
    good = (project / TARGET).read_bytes()
    save(project / NECK, "  - chin-tuck\n", "  - chin-tuck: [\n")
    wait_for(lambda: watching.kept() == 1, "the failed build")
    assert watching.stderr().splitlines()[-2:] == [
        f"{NECK}:13:3: YAML syntax error: while parsing a flow node, did not find expected node content",
        f"kept the last good {TARGET}",
    ]
    assert (project / TARGET).read_bytes() == good
    save(project / NECK, "  - chin-tuck: [\n", "  - chin-tuk\n")
    save(project / NECK, "  - cat-dog\n", "  - cat-dgo\n")
    wait_for(lambda: watching.kept() == 2, "the second failed build")
    assert watching.stderr().splitlines()[-3:] == [  # every problem, all at once
        f"{NECK}:12:5: exercises[1]: unknown exercise 'chin-tuk' (did you mean 'chin-tuck'?)",
        f"{NECK}:17:5: exercises[5]: unknown exercise 'cat-dgo' (did you mean 'cat-dog'?)",
        f"kept the last good {TARGET}",
    ]
    assert (project / TARGET).read_bytes() == good
    save(project / NECK, "  - chin-tuk\n", "  - chin-tuck\n")
    save(project / NECK, "  - cat-dgo\n", "  - cat-dog\n")
    watching.wait_for_builds(2)
    assert (project / TARGET).read_bytes() == good  # the same input again: the same bytes
    assert watching.stop() == 0


def test_a_changed_layout_is_rebuilt(project: Path):
    watching = watch(project)
    assert round(read_pages((project / TARGET).read_bytes())[0].height) == 792  # letter
    save(project / "layouts/standard.yaml", "size: letter", "size: a4")
    watching.wait_for_builds(2)
    page = read_pages((project / TARGET).read_bytes())[0]
    assert (round(page.width), round(page.height)) == (595, 842)
    assert watching.stop() == 0


def test_an_exercise_added_to_the_worksheet_is_watched_from_then_on(project: Path):
    watching = watch(project)
    save(project / NECK, "  - cat-dog\n", "  - cat-dog\n  - rhomboid-stretch-seated\n")
    watching.wait_for_builds(2)
    rhomboid = project / "worksheets/exercises/rhomboid-stretch-seated.yaml"
    name = next(line for line in rhomboid.read_text().splitlines() if line.startswith("name: "))
    save(rhomboid, name, "name: Quokka stretch")
    watching.wait_for_builds(3)
    assert "Quokka stretch" in watching.pdf_text()
    assert watching.stop() == 0


def test_ctrl_c_stops_the_watch_with_status_0_and_no_traceback(project: Path):
    watching = watch(project)
    assert watching.stop() == 0
    assert watching.stderr() == f"watching {NECK} and every file it uses (Ctrl-C stops)\nstopped\n"


def test_the_caches_stay_warm_while_only_the_worksheet_changes(project: Path):
    """The warmth a quick rebuild rests on: kept for the worksheet's own edits, made anew for the library's."""
    watcher = Watcher(Path(NECK), Path(TARGET), Options())
    first = watcher.build()
    assert first.error is None and first.pages > 0
    caches = watcher.caches
    assert watcher.rebuild_if_changed() is None  # nothing saved, nothing built
    save(project / NECK, "Nine moves", "Ten moves")
    assert watcher.rebuild_if_changed() is not None
    assert watcher.caches is caches
    save(project / CHIN_TUCK, "name: Chin tuck", "name: Chin tucks")
    outcome = watcher.rebuild_if_changed()
    assert outcome is not None and outcome.error is None
    assert watcher.caches is not caches and isinstance(watcher.caches, Caches)
    assert "Chin tucks" in "\n".join(page.text for page in read_pages((project / TARGET).read_bytes()))


def test_a_fault_in_the_tool_is_one_line_and_the_watch_goes_on(project: Path, monkeypatch, capsys):
    import click

    from generator.app import watch as watch_module
    from generator.cli.main import main
    from generator.cli.watch_report import reporter

    watcher = Watcher(Path(NECK), Path(TARGET), Options())
    report = reporter(click.Context(main))
    report(watcher.build())
    good = (project / TARGET).read_bytes()

    def broken(*_args):
        raise RuntimeError("boom")

    working = watch_module.draw_handout
    monkeypatch.setattr(watch_module, "draw_handout", broken)
    save(project / NECK, "Nine moves", "Ten moves")
    outcome = watcher.rebuild_if_changed()
    assert outcome is not None
    report(outcome)
    said = capsys.readouterr()
    assert said.out.startswith(f"built {TARGET} ({len(read_pages(good))} pages) in ")
    assert said.err == (f"internal error: RuntimeError('boom') (run with --debug to see the traceback)\n"
                        f"kept the last good {TARGET}\n")
    assert (project / TARGET).read_bytes() == good
    monkeypatch.setattr(watch_module, "draw_handout", working)
    save(project / NECK, "Ten moves", "Eleven moves")
    outcome = watcher.rebuild_if_changed()
    assert outcome is not None and outcome.error is None
