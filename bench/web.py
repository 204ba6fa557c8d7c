"""How quickly `worksheet serve` answers: a dose change's preview, and the server's start.

Run from the repository root:  python bench/web.py [--runs 40] [--starts 5]
Prints, for the six-exercise worksheet (worksheets/upper-back-trigger-points.yaml), the median and 95th
percentile of POST /api/preview with a new hold each time, measured in process through the ASGI app
(Starlette's test client) with the project's warm caches, until the whole answer: as the page asks (saying
which pages it holds, so only the changed page is drawn) and, side by side, asking for every page. Then the
median time from starting `python -m generator serve` until its port answers.
Last, in headless Chromium (Debian's, driven by Playwright) against the real server: from a new hold typed
into the page to the new page image decoded and on screen, no timer in between.
Goals: preview as the page asks median <= 100 ms; in the browser, change to image median <= 250 ms; start
under 2 s.
"""

from __future__ import annotations

import argparse
import os
import re
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


# A new value typed into a hold field, timed in the page until the preview has answered it and every page
# image is decoded and painted: the pages-drawn event, then decode(), then the next frame.
TYPED_TO_SHOWN = """([input, value]) => new Promise((resolve) => {
  const pages = document.getElementById("pages");
  const started = performance.now();
  pages.addEventListener("pages-drawn", () => {
    Promise.all([...pages.querySelectorAll("img")].map((image) => image.decode()))
      .then(() => requestAnimationFrame(() => resolve(performance.now() - started)));
  }, { once: true });
  input.value = String(value);
  input.dispatchEvent(new Event("input", { bubbles: true }));
})"""


def browser_times(runs: int) -> list[float] | None:
    """Seconds from a typed hold to its page on screen, in headless Chromium; None without Chromium."""
    chromium = Path("/usr/bin/chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not chromium.exists():
        return None
    import threading

    import uvicorn

    from generator.web.app import create_app

    server = uvicorn.Server(uvicorn.Config(create_app(ROOT, TOKEN), host="127.0.0.1", port=0, log_level="warning",
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    times = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(chromium))
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector("body[data-ready]")
            page.get_by_role("button", name="Open worksheet").click()
            page.locator(".worksheet-choice", has_text=WORKSHEET).click()
            page.wait_for_selector("#pages figure.page img")
            hold = page.locator("#program-list > li").nth(3).get_by_label(re.compile("^Hold for"))
            handle = hold.element_handle()
            for run in range(runs + 2):  # the first two warm the caches and the browser
                seconds = page.evaluate(TYPED_TO_SHOWN, [handle, 5 + run % 30]) / 1000
                if run >= 2:
                    times.append(seconds)
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    return times


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
    typed = browser_times(args.runs)
    if typed is None:
        print("in the browser: skipped (needs Playwright and /usr/bin/chromium)")
    else:
        ms = [t * 1000 for t in typed]
        print(f"in headless Chromium, a typed hold to its page on screen, {len(ms)} changes: median "
              f"{statistics.median(ms):.1f} ms  p95 {p95(ms):.1f} ms  min {min(ms):.1f}  max {max(ms):.1f}"
              "   goal: median <= 250")
    print(f"server start until the port answers, {args.starts} starts: median {statistics.median(starts) * 1000:.0f} ms"
          f"  max {max(starts) * 1000:.0f} ms   goal: < 2000")


if __name__ == "__main__":
    main()
