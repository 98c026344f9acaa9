"""Time each chapter's execution and the whole build; write benchmarks/report.md.

A benchmark, not a test: it measures and reports, and fails nothing. Run with `make bench`.
Each chapter is executed as `make notebooks` executes it (a fresh kernel, every cell), but
nothing is written back. The build is the full `jupyter-book build --all` of `make book`,
into a temporary folder.
"""

from __future__ import annotations

import datetime
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sinorus import notebooks  # noqa: E402

REPORT = ROOT / "benchmarks" / "report.md"
TARGET_SECONDS = 10
RUNS = 3


def time_chapter(md: pathlib.Path) -> list[float]:
    seconds = []
    for _ in range(RUNS):
        nb = notebooks.notebook_from_markdown(md)
        start = time.perf_counter()
        notebooks.execute(nb, md.parent)
        seconds.append(time.perf_counter() - start)
    return seconds


def time_build() -> float:
    jupyter_book = pathlib.Path(sys.executable).parent / "jupyter-book"
    with tempfile.TemporaryDirectory() as output:
        start = time.perf_counter()
        subprocess.run([str(jupyter_book), "build", str(ROOT), "--all", "-W", "-n", "--keep-going",
                        "--path-output", output], check=True, capture_output=True, cwd=ROOT)
        return time.perf_counter() - start


def folder_size_mb(path: pathlib.Path) -> float:
    if not path.exists():
        return float("nan")
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def main() -> int:
    rows = []
    for md in notebooks.chapter_sources():
        seconds = time_chapter(md)
        rows.append((md.stem, statistics.median(seconds), max(seconds)))
        print(f"{md.stem}: median {rows[-1][1]:.1f} s, max {rows[-1][2]:.1f} s", flush=True)
    build = time_build()
    import axelrod_import  # benchmarks/axelrod_import.py: the cached import changes nothing
    axelrod_problems = axelrod_import.check()
    venv = folder_size_mb(pathlib.Path(sys.prefix))
    total = sum(median for _, median, _ in rows)

    lines = [
        "# Benchmark report",
        "",
        f"Written by `make bench` on {datetime.date.today().isoformat()}: "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}.",
        f"Each chapter executed {RUNS} times in a fresh kernel (kernel start-up included); "
        f"target under {TARGET_SECONDS} s.",
        "",
        "| chapter | median (s) | slowest (s) | under target |",
        "|---|---:|---:|---|",
        *[f"| {name} | {median:.1f} | {slowest:.1f} | {'yes' if slowest < TARGET_SECONDS else 'NO'} |"
          for name, median, slowest in rows],
        f"| **all chapters (sum of medians)** | {total:.1f} | | |",
        "",
        f"- Full build (`jupyter-book build --all -W -n --keep-going`): {build:.1f} s",
        f"- Cached axelrod import (benchmarks/axelrod_import.py): "
        f"{'changes nothing' if not axelrod_problems else '; '.join(axelrod_problems)}",
        f"- Size of the environment ({pathlib.Path(sys.prefix).name}): {venv:,.0f} MB",
        "",
    ]
    REPORT.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 1 if axelrod_problems else 0


if __name__ == "__main__":
    sys.exit(main())
