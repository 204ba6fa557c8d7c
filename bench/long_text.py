"""How build time grows with the length of one text: a worksheet's intro (or an exercise's note, a step, the closing)
of 40, 80, 160 and 320 kB of ordinary prose, built in process side by side in one run.

Run from the repository root:  python bench/long_text.py [--runs 5] [--field intro] [--sizes 40,80,160,320]

Each size is a copy of worksheets/between-shoulder-blades.yaml with that field made long: sentences, a blank line
every few of them, written as a folded block (``>-``) as the source writes its intro, which YAML reads as one
paragraph (see long_worksheet); --paragraphs keeps the paragraphs apart. A long note's box never splits over a
page, so its build fails: timed until it says so. The sizes are built turn about, so that a busy spell on the
machine falls on each alike; the machine is shared and noisy, so the figure that holds is the ratio, not the times.
Goal: t(largest) / t(a quarter of it), divided by 4, at most 1.2: time linear in the text.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

import generator  # noqa: E402
from generator.base.errors import WorksheetError  # noqa: E402

SOURCE = ROOT / "worksheets/between-shoulder-blades.yaml"
FIELDS = ("intro", "note", "step", "closing")
WORDS = ("slowly gently shoulder blade upper back breathe out relax the muscles between your shoulders keep your "
         "chin tucked and your neck long hold the stretch without bouncing ease off if anything hurts sit tall "
         "on a sturdy chair turn your upper body a little further each time rest for a moment then repeat the "
         "movement on the other side").split()


def prose(kilobytes: float, seed: int = 1) -> str:
    """About ``kilobytes`` kB of sentences of six to eighteen words, a new paragraph every three to eight."""
    rng = random.Random(seed)
    target, paragraphs, length = int(kilobytes * 1000), [], 0
    while length < target:
        sentences = []
        for _ in range(rng.randint(3, 8)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(6, 18))]
            sentences.append(" ".join(words).capitalize() + rng.choice(".....!?"))
        paragraphs.append(" ".join(sentences))
        length += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)


def long_worksheet(folder: Path, field: str, kilobytes: float, text: str | None = None, folded: bool = True) -> Path:
    """A copy of the source worksheet in ``folder`` (beside a copy of its exercise library) with ``field`` made
    ``kilobytes`` of prose (or ``text``) long.

    ``folded``: written as a person writes it, as a folded block (``>-``) of lines under 100 characters with a
    blank line between paragraphs, as the source's intro is; YAML reads each blank line in such a block as one
    line break, which the worksheet joins like any other, so the text prints as one paragraph. Otherwise the
    paragraphs are kept: written as a quoted string with a blank line between paragraphs.
    """
    sheet = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    text = prose(kilobytes) if text is None else text
    mark = "LONG-TEXT-HERE"
    first = sheet["sections"][0]["exercises"][0]
    if field in ("intro", "closing"):
        sheet[field] = mark
    elif field == "note":
        first["note"] = mark
    else:  # a step: a one-off exercise in place, the library's with its second step long
        library = yaml.safe_load((SOURCE.parent / "exercises" / f"{first['exercise']}.yaml").read_text("utf-8"))
        library["steps"][1] = mark
        first["exercise"] = library
    written = yaml.safe_dump(sheet, allow_unicode=True, sort_keys=False, width=100)
    line = next(line for line in written.splitlines() if mark in line)
    indent = " " * (len(line) - len(line.lstrip(" -")) + 2)
    if folded:
        block = "\n\n".join(textwrap.fill(paragraph, 96, initial_indent=indent, subsequent_indent=indent,
                                           break_long_words=False, break_on_hyphens=False)
                             for paragraph in text.split("\n\n"))
        written = written.replace(line, line.replace(mark, ">-") + "\n" + block)
    else:
        written = written.replace(line, line.replace(mark, json.dumps(text, ensure_ascii=False)))
    path = folder / f"long-{field}-{kilobytes:g}.yaml"
    path.write_text(written, encoding="utf-8")
    return path


def build(path: Path, caches: generator.Caches) -> int | str:
    """The pages of the handout, or the error that stops it (a long note's box is never split over a page)."""
    try:
        return generator.build_handout(path, caches=caches).pages
    except WorksheetError as error:
        return error.format_message()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds of each size")
    parser.add_argument("--field", choices=FIELDS, default="intro")
    parser.add_argument("--paragraphs", action="store_true", help="keep the paragraphs (a quoted string) instead "
                                                                   "of a folded block, which prints as one")
    parser.add_argument("--sizes", default="40,80,160,320", help="kB, comma-separated; the ratio is of the last "
                                                                "to the one a quarter of it, if given")
    args = parser.parse_args()
    sizes = [float(size) for size in args.sizes.split(",")]
    caches = generator.Caches()  # warm, as in a server: what grows with the text is measured, not fonts read
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        shutil.copytree(ROOT / "worksheets", folder / "worksheets")  # the library and layouts beside the copies
        shutil.copytree(ROOT / "layouts", folder / "layouts")
        paths = {size: long_worksheet(folder / "worksheets", args.field, size, folded=not args.paragraphs)
                 for size in sizes}
        pages = {size: build(path, caches) for size, path in paths.items()}  # and a warm-up
        times: dict[float, list[float]] = {size: [] for size in sizes}
        for _ in range(args.runs):
            for size, path in paths.items():
                started = time.perf_counter()
                build(path, caches)
                times[size].append(time.perf_counter() - started)

    written = "paragraphs kept" if args.paragraphs else "a folded block: one paragraph"
    print(f"a long {args.field} ({written}) in {SOURCE.name}, {args.runs} builds of each size, in process, "
          "warm caches")
    print("| size | pages | median | min–max | per 100 kB |")
    print("| --- | --- | --- | --- | --- |")
    for size in sizes:
        median, low, high = statistics.median(times[size]), min(times[size]), max(times[size])
        shown = pages[size] if isinstance(pages[size], int) else "error"
        print(f"| {size:g} kB | {shown} | {median * 1000:.0f} ms | {low * 1000:.0f}–{high * 1000:.0f} | "
              f"{median / size * 100 * 1000:.0f} ms |")
    failed = [found for found in pages.values() if not isinstance(found, int)]
    if failed:
        print(f"error: timed until it is said, which for the first was: {failed[0]}")
    largest = sizes[-1]
    if largest / 4 in times:
        ratio = statistics.median(times[largest]) / statistics.median(times[largest / 4]) / 4
        print(f"\nt({largest:g}) / t({largest / 4:g}) / 4 = {ratio:.2f}   goal: <= 1.2 (1.0: linear)")


if __name__ == "__main__":
    main()
