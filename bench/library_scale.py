"""How the library's size weighs on what reads all of it: `worksheet list exercises`, the builder page's
first look at the library (GET /api/library) and its first preview, with the shipped library and with a
generated one of 1,000 exercises, side by side in one run.

Run from the repository root:  python bench/library_scale.py [--exercises 1000] [--runs 5]
The generated library copies the shipped exercises (figures included) under new ids until it holds
--exercises; the worksheet previewed is the six-exercise one. Prints each median and the ratio of the large
library's to the shipped one's. Goal: each ratio at most 1.2.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKSHEET = "worksheets/upper-back-trigger-points.yaml"
GOAL = 1.2


def project(folder: Path, exercises: int) -> Path:
    """A copy of the project whose library holds ``exercises`` (at least the shipped ones)."""
    shutil.copytree(ROOT / "worksheets", folder / "worksheets")
    shutil.copytree(ROOT / "layouts", folder / "layouts")
    library = folder / "worksheets" / "exercises"
    shipped = sorted(library.glob("*.yaml"))
    for number in range(max(0, exercises - len(shipped))):
        source = shipped[number % len(shipped)]
        copy = f"{source.stem}-copy-{number:04d}.yaml"
        text = source.read_text("utf-8").replace("$schema=../../schemas/", f"$schema={ROOT}/schemas/")
        (library / copy).write_text(text, "utf-8")
        translation = library / "es" / source.name
        if translation.exists():
            (library / "es" / copy).write_text(translation.read_text("utf-8"), "utf-8")
    return folder


def list_seconds(folder: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", "list", "exercises"], cwd=folder, check=True,
                   capture_output=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    return time.perf_counter() - started


def page_seconds(folder: Path) -> tuple[float, float]:
    """A fresh server's GET /api/library, then its first POST /api/preview (in process, no network)."""
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

    from generator.web.app import create_app

    client = TestClient(create_app(folder, "bench"), base_url="http://127.0.0.1:8765")
    started = time.perf_counter()
    assert client.get("/api/library").status_code == 200
    listed = time.perf_counter() - started
    program = client.get("/api/worksheet", params={"path": WORKSHEET}).json()["program"]
    started = time.perf_counter()
    answer = client.post("/api/preview", json=program, headers={"X-Worksheet-Token": "bench"}).json()
    assert answer["ok"], answer["problems"]
    return listed, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exercises", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as scratch:
        small = project(Path(scratch) / "shipped", 0)
        large = project(Path(scratch) / "large", args.exercises)
        sizes = {small: len(list((small / "worksheets/exercises").glob("*.yaml"))),
                 large: len(list((large / "worksheets/exercises").glob("*.yaml")))}
        times: dict[tuple[Path, str], list[float]] = {}
        for _ in range(args.runs):
            for folder in (small, large):  # taken turn about, so a busy machine weighs on both alike
                times.setdefault((folder, "list"), []).append(list_seconds(folder))
                listed, previewed = page_seconds(folder)
                times.setdefault((folder, "library"), []).append(listed)
                times.setdefault((folder, "preview"), []).append(previewed)
    print(f"shipped library: {sizes[small]} exercises; generated: {sizes[large]}; {args.runs} runs each")
    print("| measurement | shipped | generated | ratio | goal | met |")
    print("| --- | --- | --- | --- | --- | --- |")
    for key, label in (("list", "`worksheet list exercises`"), ("library", "GET /api/library, a fresh server"),
                       ("preview", "first POST /api/preview")):
        a, b = statistics.median(times[small, key]), statistics.median(times[large, key])
        print(f"| {label} | {a * 1000:.0f} ms | {b * 1000:.0f} ms | {b / a:.2f} | {GOAL} | {'yes' if b / a <= GOAL else 'no'} |")


if __name__ == "__main__":
    main()
