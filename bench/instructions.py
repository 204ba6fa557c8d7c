"""The benchmark's main ratios in instructions executed, which a busy machine does not change.

Run from the repository root:  python bench/instructions.py [--tree DIR]

Times on a shared machine swing by half from one minute to the next; valgrind's callgrind counts the
instructions a process executes, the same each run for the same code, input and hash seed. This prints
the counts for the import floor, a whole `worksheet build`, `--help`, `validate` and one in-process
build, and the ratio the speed goal is stated in. ``--tree`` measures another checkout of the tool the same way, for a
before-and-after comparison.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPICAL = ROOT / "worksheets" / "upper-back-trigger-points.yaml"
WARM = """
import sys, generator
if hasattr(generator, "Caches"):
    caches = generator.Caches()
    build = lambda: generator.build_handout(sys.argv[1], caches=caches)
else:  # a checkout from before the caches were an object: they were kept by the modules
    build = lambda: generator.build_bytes(sys.argv[1])
build()
for _ in range(int(sys.argv[2])):
    build()
"""


def instructions(tree: Path, arguments: list[str]) -> int:
    """Instructions a fresh Python process executes, the tool taken from ``tree``."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, *arguments]
    environment = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    run = subprocess.run(command, cwd=tree, env=environment, capture_output=True, text=True, check=True)
    return int(run.stderr.rsplit("Collected : ", 1)[1].split()[0])


def measure(tree: Path) -> dict[str, float]:
    compileall.compile_dir(tree / "generator", quiet=1)  # as an installed wheel would be
    out = Path("/tmp") / f"instructions-{os.getpid()}.pdf"
    build = ["-m", "generator", "build", str(TYPICAL), "-o", str(out)]
    counts = {
        "import floor": instructions(tree, ["-c", "import reportlab.platypus, yaml, click"]),
        "process: worksheet build": instructions(tree, build),
        "process: worksheet --help": instructions(tree, ["-m", "generator", "--help"]),
        "process: worksheet validate": instructions(tree, ["-m", "generator", "validate", str(TYPICAL)]),
    }
    one, eleven = (instructions(tree, ["-c", WARM, str(TYPICAL), str(n)]) for n in (0, 10))
    counts["in process: one build, warm"] = (eleven - one) / 10
    out.unlink(missing_ok=True)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, help="another checkout to measure beside this one")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("needs valgrind (Debian: apt-get install valgrind)")
    trees = {"this checkout": ROOT, **({str(args.tree): args.tree.resolve()} if args.tree else {})}
    results = {name: measure(tree) for name, tree in trees.items()}
    names = list(results)
    print("| measurement | " + " | ".join(f"{name} (M instructions)" for name in names) + " |")
    print("| --- |" + " --- |" * len(names))
    for row in results[names[0]]:
        print(f"| {row} | " + " | ".join(f"{results[name][row] / 1e6:.1f}" for name in names) + " |")
    for name in names:
        counts = results[name]
        whole = counts["process: worksheet build"] / (counts["import floor"] + counts["in process: one build, warm"])
        print(f"{name}: whole build / (import floor + in-process build) = {whole:.2f}")


if __name__ == "__main__":
    main()
