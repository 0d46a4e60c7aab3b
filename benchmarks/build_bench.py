#!/usr/bin/env python3
"""Build the whole site for N synthetic documents and print one line of figures:

    docs=N wall_s=… peak_mb=… site_mb=… largest_page_kb=… check_s=…

wall_s and peak_mb are those of `python build_graph.py build` run as a child process, the way a
user runs it (peak_mb adds the peak of the process it forks to write search and graph data);
check_s is `python build_graph.py check` on the same corpus. Targets on a 2-core
machine: 10,000 documents in ≤ 60 s, ≤ 2 GB peak, largest document page ≤ 100 KB, and the
10,000 time at most 12 times the 1,000 time.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.generate import generate  # noqa: E402
from vanban.site.build import site_size  # noqa: E402


def run(args: list[str], log: Path) -> tuple[float, float]:
    """Wall seconds and peak resident MB of `build_graph.py ARGS` as a child process."""
    start = time.perf_counter()
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "build_graph.py"), *args], stdout=out, stderr=subprocess.STDOUT
        )
        _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"build_graph.py {args[0]} failed:\n{log.read_text()[-3000:]}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description="Build-time benchmark on a synthetic corpus.")
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="keep corpus and site in this folder")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="vanban-bench-"))
    data, site = work / "data", work / "site"
    generate(args.docs, data)
    check_s, _ = run(["check", "--data", str(data)], work / "check.log")
    wall, peak_mb = run(["build", "--data", str(data), "--out", str(site)], work / "build.log")
    # The data files are written by a forked process; count its peak too (an upper bound: the
    # two share the corpus in memory after the fork).
    child = re.search(r"đỉnh bộ nhớ (\d+) MB", (work / "build.log").read_text(encoding="utf-8"))
    peak_mb += int(child[1]) if child else 0
    total, largest, _ = site_size(site)
    print(
        f"docs={args.docs} wall_s={wall:.1f} peak_mb={peak_mb:.0f} site_mb={total / 2**20:.0f} "
        f"largest_page_kb={largest / 1024:.0f} check_s={check_s:.1f}"
    )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
