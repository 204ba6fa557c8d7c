"""How quickly `worksheet serve` answers: a dose change's preview, and the server's start.

Run from the repository root:  python bench/web.py [--runs 40] [--starts 5]
Prints, for the six-exercise worksheet (worksheets/upper-back-trigger-points.yaml), the median and 95th
percentile of POST /api/preview with a new hold each time, measured in process through the ASGI app
(Starlette's test client) with the project's warm caches, until the whole answer: as the page asks (saying
which pages it holds, so only the changed page is drawn) and, side by side, asking for every page. Then the
median time from starting `python -m generator serve` until its port answers.
Goals: preview as the page asks median <= 100 ms; start under 2 s. The browser's part (from a typed change
to the new image on screen) is timed by tests/test_web_browser.py's timing test, which prints its median.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKSHEET = "worksheets/upper-back-trigger-points.yaml"
TOKEN = "bench"


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def preview_times(runs: int) -> tuple[list[float], list[float], int]:
    warnings.simplefilter("ignore")  # Starlette's note about httpx, once per client
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    from starlette.testclient import TestClient

    from generator.web.app import create_app

    client = TestClient(create_app(ROOT, TOKEN), base_url="http://127.0.0.1:8765")
    program = client.get("/api/worksheet", params={"path": WORKSHEET}).json()["program"]
    headers = {"X-Worksheet-Token": TOKEN}
    # warms the caches, as the page's first view does
    keys = client.post("/api/preview", json=program, headers=headers).json()["keys"]
    held, every = [], []
    for run in range(runs):
        program["exercises"][3]["dosage"]["hold_seconds"] = 5 + run % 30  # one without a progression
        for times, have in ((held, ",".join(keys)), (every, "")):
            started = time.perf_counter()
            answer = client.post("/api/preview", params={"have": have}, json=program, headers=headers).json()
            times.append(time.perf_counter() - started)
            assert answer["ok"] and len(answer["images"]) == answer["pages"], answer["problems"]
            if have:
                assert sum(image is not None for image in answer["images"]) == 1, "one page changes"
        keys = answer["keys"]
    return held, every, answer["pages"]


def start_time() -> float:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", str(port)], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.05).close()
                return time.perf_counter() - started
            except OSError:
                if process.poll() is not None or time.perf_counter() - started > 20:
                    raise SystemExit("the server did not start")
                time.sleep(0.01)
    finally:
        process.terminate()
        process.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--starts", type=int, default=5)
    args = parser.parse_args()
    starts = [start_time() for _ in range(args.starts)]
    held, every, pages = preview_times(args.runs)
    print(f"preview of {WORKSHEET} ({pages} pages), {args.runs} dose changes, warm caches:")
    for label, times, goal in (("as the page asks (the changed page drawn)", held, "   goal: median <= 100"),
                               ("every page drawn", every, "")):
        ms = [t * 1000 for t in times]
        print(f"  {label}: median {statistics.median(ms):.1f} ms  p95 {p95(ms):.1f} ms  min {min(ms):.1f}"
              f"  max {max(ms):.1f}{goal}")
    print(f"  ratio every page / as the page asks: {statistics.median(every) / statistics.median(held):.2f}")
    print(f"server start until the port answers, {args.starts} starts: median {statistics.median(starts) * 1000:.0f} ms"
          f"  max {max(starts) * 1000:.0f} ms   goal: < 2000")


if __name__ == "__main__":
    main()
