"""How long 500 personalised handouts take with one worker and with two.

Run from the repository root:  python bench/batch_500.py [--rows 500] [--repeat 3]
Prints the median wall time of each and the speed-up. Each run builds into a
fresh folder (--force is not needed), so nothing is skipped as unchanged.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKSHEETS = ["neck-and-upper-back-knots", "upper-back-trigger-points", "between-shoulder-blades"]


def write_clients(path: Path, rows: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["client", "worksheet", "date", "clinician", "note", "*.sets"])
        for n in range(rows):
            writer.writerow([f"Client Zoë {n:04d}", WORKSHEETS[n % 3], f"2026-11-{n % 28 + 1:02d}",
                             "Clinic Staff, DPT", "Start with one set", n % 3 + 1])


def timed_batch(clients: Path, workers: int, scratch: Path) -> float:
    out = Path(tempfile.mkdtemp(dir=scratch))
    command = [sys.executable, "-m", "generator", "batch", "--clients", str(clients), "-o", str(out), "-j", str(workers)]
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    seconds = time.perf_counter() - started
    assert len(list(out.glob("*.pdf"))) == sum(1 for _ in clients.open()) - 1
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        clients = Path(scratch) / "clients.csv"
        write_clients(clients, args.rows)
        medians = {}
        for workers in (1, 2):
            runs = [timed_batch(clients, workers, Path(scratch)) for _ in range(args.repeat)]
            medians[workers] = statistics.median(runs)
            print(f"-j {workers}: median {medians[workers]:.1f} s over {args.repeat} runs "
                  f"({args.rows / medians[workers]:.1f} handouts/s); runs: {', '.join(f'{r:.1f}' for r in runs)}")
        print(f"speed-up with two workers: {medians[1] / medians[2]:.2f}x on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
