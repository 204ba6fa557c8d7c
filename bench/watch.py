"""How quickly `worksheet watch` rebuilds after a one-word edit, against a cold `worksheet build`.

Run from the repository root:  python bench/watch.py [--runs 15]

Prints the median (and range) of:
- a rebuild in a warm process after a one-word edit of the worksheet (the caches kept), as the watcher
  times it, and the watcher's whole step (noticing the change, letting the save settle, building);
- a rebuild after a one-word edit of an exercise the worksheet uses (the caches made anew);
- a cold `worksheet build` of the same worksheet, a new process each time;
- from saving the file to the watch process printing "built", through a real `worksheet watch` (this
  includes waiting for the next poll, 0.125 s on average).
The machine is shared and noisy: the ratios hold better than the absolute times.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.app.watch import POLL_SECONDS, Watcher  # noqa: E402
from generator.resolve.options import Options  # noqa: E402

WORKSHEET = "worksheets/upper-back-trigger-points.yaml"  # six exercises, five pages with its log
EXERCISE = "worksheets/exercises/scapular-squeeze.yaml"
WORDS = ("Knots", "Tender")  # swapped in turn for the first word of the title: a one-word edit


def one_word_edit(path: Path, turn: int) -> None:
    """Change one word of the file's first line; each turn's word differs in length from the last, so the
    file's size tells the change apart even where the clock is coarse."""
    first, rest = path.read_text(encoding="utf-8").split("\n", 1)
    key, _, value = first.partition(": ")
    words = value.split(" ")
    words[0] = WORDS[turn % 2]
    path.write_text(f"{key}: {' '.join(words)}\n{rest}", encoding="utf-8")


def warm(project: Path, runs: int) -> dict[str, list[float]]:
    watcher = Watcher(Path(WORKSHEET), Path("out/watch.pdf"), Options())
    assert watcher.build().error is None
    times: dict[str, list[float]] = {"worksheet build": [], "worksheet step": [], "exercise build": []}
    for turn in range(runs):
        for edited, name in ((WORKSHEET, "worksheet"), (EXERCISE, "exercise")):
            time.sleep(0.02)
            one_word_edit(project / edited, turn)
            started = time.perf_counter()
            outcome = watcher.rebuild_if_changed()
            step = time.perf_counter() - started
            assert outcome is not None and outcome.error is None, outcome
            times[f"{name} build"].append(outcome.seconds)
            if name == "worksheet":
                times["worksheet step"].append(step)
    return times


def cold(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "generator", "build", WORKSHEET, "-o", "out/cold.pdf"], check=True,
                       capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        times.append(time.perf_counter() - started)
    return times


def save_to_pdf(project: Path, runs: int) -> list[float]:
    """Through a real watch process: from the save to the line that says the PDF is written."""
    log = project / "watch.log"
    with log.open("wb") as out:
        watching = subprocess.Popen([sys.executable, "-m", "generator", "watch", WORKSHEET, "-o", "out/live.pdf"],
                                    stdout=out, stderr=subprocess.DEVNULL,
                                    env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"})
    try:
        times = []
        for turn in range(runs + 1):  # the first, the initial build, is not a rebuild
            if turn:  # saved at a different point of the poll's cycle each time, as a person would
                time.sleep(0.3 + (turn * 0.37) % 1 * POLL_SECONDS)
                one_word_edit(project / WORKSHEET, turn)
            started = time.perf_counter()
            while log.read_text().count("built ") <= turn:
                assert watching.poll() is None, log.read_text()
                time.sleep(0.002)
            times.append(time.perf_counter() - started)
        return times[1:]
    finally:
        watching.terminate()
        watching.wait()


def row(name: str, times: list[float]) -> str:
    return (f"| {name} | {statistics.median(times) * 1000:.0f} ms | "
            f"{min(times) * 1000:.0f}–{max(times) * 1000:.0f} | {len(times)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        project = Path(scratch)
        shutil.copytree(ROOT / "worksheets", project / "worksheets")
        shutil.copytree(ROOT / "layouts", project / "layouts")
        os.chdir(project)
        warm_times = warm(project, args.runs)
        cold_times = cold(args.runs)
        live = save_to_pdf(project, args.runs)
    print(f"{WORKSHEET}, a one-word edit each run\n")
    print("| measurement | median | min–max | runs |")
    print("| --- | --- | --- | --- |")
    print(row("warm rebuild after a worksheet edit (caches kept)", warm_times["worksheet build"]))
    print(row("watcher step after a worksheet edit (notice, settle, build)", warm_times["worksheet step"]))
    print(row("warm rebuild after an exercise edit (caches made anew)", warm_times["exercise build"]))
    print(row("cold `worksheet build`, a new process", cold_times))
    print(row("save to \"built\" through `worksheet watch` (poll included)", live))
    ratio = statistics.median(cold_times) / statistics.median(warm_times["worksheet build"])
    print(f"\nA warm rebuild is {ratio:.1f}× quicker than a cold build.")


if __name__ == "__main__":
    main()
