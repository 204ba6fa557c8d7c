"""How fast, and how much memory: every figure the README quotes, measured side by side in one run.

Run from the repository root:  python bench/speed.py [--runs 50] [--batch-rows 500] [--batch-repeat 1]

The machine is shared and noisy, so the figures that hold are the ratios between
things measured in the same run, not the absolute times.
"""

from __future__ import annotations

import argparse
import compileall
import io
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import batch_500  # noqa: E402
import reference  # noqa: E402

import generator  # noqa: E402

TYPICAL = ROOT / "worksheets/upper-back-trigger-points.yaml"  # six exercises, five pages with its log
FLOOR = "import reportlab.platypus, yaml, click"


def timed(action, runs: int, warm_up: int = 3) -> list[float]:
    for _ in range(warm_up):
        action()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def timed_alternately(first, second, runs: int) -> tuple[list[float], list[float]]:
    """Both measured turn about, so that a busy spell on the machine falls on each alike."""
    times: tuple[list[float], list[float]] = ([], [])
    first(), second()
    for _ in range(runs):
        for action, bucket in ((first, times[0]), (second, times[1])):
            started = time.perf_counter()
            action()
            bucket.append(time.perf_counter() - started)
    return times


def process(command: list[str], cwd: Path = ROOT) -> None:
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)


def peak_mib(code: str, cwd: Path = ROOT) -> float:
    """The peak resident memory of a fresh Python process running ``code``.

    Read from /proc (VmHWM), which starts afresh at exec; getrusage's figure would carry over the parent's.
    """
    probe = code + "\nprint([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1])"
    output = subprocess.run([sys.executable, "-c", probe], cwd=cwd, check=True, capture_output=True, text=True)
    return int(output.stdout.split()[-1]) / 1024


def words_on_pages(pdf: bytes) -> int:
    from pypdf import PdfReader

    return sum(len(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def scaled_worksheet(folder: Path, count: int) -> Path:
    library = sorted(p.stem for p in (ROOT / "worksheets/exercises").glob("*.yaml"))
    entries = [library[n % len(library)] for n in range(count)]
    path = folder / "worksheets" / f"scale-{count}.yaml"
    path.write_text(json.dumps({"title": f"{count} exercises", "exercises": entries}), encoding="utf-8")
    return path


def without_figures(folder: Path) -> Path:
    """A copy of the worksheets whose exercises have no figure blocks: every box a space to draw in."""
    import yaml

    copy = folder / "placeholders"
    shutil.copytree(ROOT / "worksheets", copy / "worksheets")
    shutil.copytree(ROOT / "layouts", copy / "layouts")
    for path in (copy / "worksheets/exercises").glob("*.yaml"):
        exercise = yaml.safe_load(path.read_text(encoding="utf-8"))
        exercise.pop("figure", None)
        path.write_text(yaml.safe_dump(exercise, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return copy / "worksheets" / TYPICAL.name


def row(name: str, times: list[float], unit: float = 1000, suffix: str = "ms") -> str:
    median, low, high = statistics.median(times), min(times), max(times)
    return f"| {name} | {median * unit:.1f} {suffix} | {low * unit:.1f}–{high * unit:.1f} | {len(times)} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50, help="in-process repetitions")
    parser.add_argument("--process-runs", type=int, default=15)
    parser.add_argument("--batch-rows", type=int, default=500)
    parser.add_argument("--batch-repeat", type=int, default=1)
    args = parser.parse_args()

    # An installed wheel carries compiled bytecode; a checkout run with PYTHONDONTWRITEBYTECODE=1 would
    # recompile the package's forty modules (~25 ms) in every process and measure that instead.
    compileall.compile_dir(ROOT / "generator", quiet=1)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        shutil.copytree(ROOT / "worksheets", folder / "worksheets")
        shutil.copytree(ROOT / "layouts", folder / "layouts")
        pdf = folder / "out.pdf"

        floor, whole = timed_alternately(
            lambda: process([sys.executable, "-c", FLOOR]),
            lambda: process([sys.executable, "-m", "generator", "build", str(TYPICAL), "-o", str(pdf)]),
            args.process_runs)
        help_times = timed(lambda: process([sys.executable, "-m", "generator", "--help"]), args.process_runs, 1)
        validate_times = timed(lambda: process([sys.executable, "-m", "generator", "validate", str(TYPICAL)]),
                               args.process_runs, 1)
        caches = generator.Caches()  # warm, as in a batch worker or a long-running server
        theirs = timed(lambda: reference.render(TYPICAL), args.runs, 5)
        # A build solves and draws every figure afresh (fresh caches); a batch worker reuses solved ones.
        plain_sheet = without_figures(folder)
        drawn, placeholders = timed_alternately(lambda: generator.build_handout(TYPICAL, caches=generator.Caches()).pdf,
                                                lambda: generator.build_handout(plain_sheet,
                                                                                caches=generator.Caches()).pdf,
                                                args.runs)
        drawn_process, placeholder_process = timed_alternately(
            lambda: process([sys.executable, "-m", "generator", "build", str(TYPICAL), "-o", str(pdf)]),
            lambda: process([sys.executable, "-m", "generator", "build", str(plain_sheet), "-o", str(pdf)]),
            args.process_runs)
        plain_caches = generator.Caches()
        ours, placeholders_warm = timed_alternately(  # ours: the build with figures, warm as in a batch
            lambda: generator.build_handout(TYPICAL, caches=caches).pdf,
            lambda: generator.build_handout(plain_sheet, caches=plain_caches).pdf, args.runs)
        small, large = scaled_worksheet(folder, 8), scaled_worksheet(folder, 200)
        small_pages = generator.build_handout(small, caches=caches).pages
        large_pages = generator.build_handout(large, caches=caches).pages
        small_times = timed(lambda: generator.build_handout(small, caches=caches).pdf, 10, 1)
        large_times = timed(lambda: generator.build_handout(large, caches=caches).pdf, 5, 1)

        clients = folder / "clients.csv"
        batch_500.write_clients(clients, args.batch_rows)
        batches = {workers: [batch_500.timed_batch(clients, workers, folder) for _ in range(args.batch_repeat)]
                   for workers in (1, 2)}

        memory = {
            "import floor": peak_mib(FLOOR),
            "typical handout": peak_mib(f"import generator; generator.build_bytes({str(TYPICAL)!r})"),
            "reference renderer": peak_mib(f"import sys; sys.path.insert(0, {str(ROOT / 'bench')!r}); import reference; "
                                           f"from pathlib import Path; reference.render(Path({str(TYPICAL)!r}))"),
            "200 exercises": peak_mib(f"import generator; generator.build_bytes({str(large)!r})"),
        }

    print(f"Machine: {platform.machine()}, {platform.system()} {platform.release()}, Python {platform.python_version()}")
    print()
    print("| measurement | median | min–max | runs |")
    print("| --- | --- | --- | --- |")
    print(row("process: `python -c 'import reportlab.platypus, yaml, click'` (floor)", floor))
    print(row("process: `worksheet build` of the six-exercise sheet", whole))
    print(row("process: `worksheet --help`", help_times))
    print(row("process: `worksheet validate` of the six-exercise sheet", validate_times))
    print(row("in process: build of the six-exercise sheet", ours))
    print(row("in process: hand-written plain platypus reference", theirs))
    print(row("process: `worksheet build` of the six-exercise sheet with its figures", drawn_process))
    print(row("process: `worksheet build` of the same sheet with placeholders", placeholder_process))
    print(row("in process, fresh caches: the six-exercise sheet with its figures", drawn))
    print(row("in process, fresh caches: the same sheet with placeholders", placeholders))
    print(row("in process, warm caches: the same sheet with placeholders", placeholders_warm))
    print(row(f"in process: 8 exercises ({small_pages} pages), per page", [t / small_pages for t in small_times]))
    print(row(f"in process: 200 exercises ({large_pages} pages), per page", [t / large_pages for t in large_times]))
    for workers, times in batches.items():
        print(row(f"batch of {args.batch_rows} personalised handouts, -j {workers}", times, 1, "s"))
    print()
    print("| peak memory of a fresh process | MiB |")
    print("| --- | --- |")
    for name, mib in memory.items():
        print(f"| {name} | {mib:.1f} |")

    median = statistics.median
    goals = [
        ("in-process build with placeholders (as the reference draws) / reference renderer",
         median(placeholders_warm) / median(theirs), 1.3),
        ("`worksheet build` with figures / with placeholders",
         median(drawn_process) / median(placeholder_process), 1.2),
        ("build with figures / with placeholders, warm caches (a batch)",
         median(ours) / median(placeholders_warm), 1.2),
        ("whole build / (import floor + in-process build)", median(whole) / (median(floor) + median(ours)), 1.3),
        ("throughput with -j 2 / with -j 1 (at least)",
         median(batches[1]) / median(batches[2]), 1.8),
        ("time per page, 200 exercises / 8 exercises",
         (median(large_times) / large_pages) / (median(small_times) / small_pages), 1.0),
        ("peak memory, typical handout (MiB)", memory["typical handout"], 60),
        ("peak memory, 200 exercises (MiB)", memory["200 exercises"], 120),
    ]
    print()
    print("| goal | measured | limit | met |")
    print("| --- | --- | --- | --- |")
    for name, value, limit in goals:
        met = value >= limit if "at least" in name else value <= limit
        print(f"| {name} | {value:.2f} | {limit:g} | {'yes' if met else 'no'} |")
    print(f"\nThe in-process build with its figures / the reference renderer, which draws none: "
          f"{median(ours) / median(theirs):.2f}")
    print(f"Figures in process with fresh caches (solved and drawn, no interpreter start): "
          f"{median(drawn) / median(placeholders):.2f}x the build with placeholders")
    print(f"{args.batch_rows / median(batches[2]):.1f} handouts per second with -j 2")
    print(f"Words on the pages: {words_on_pages(generator.build_bytes(TYPICAL))} in the handout, "
          f"{words_on_pages(reference.render(TYPICAL))} from the reference renderer (the same text, or the "
          "comparison is unfair)")


if __name__ == "__main__":
    main()
