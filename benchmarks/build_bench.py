#!/usr/bin/env python3
"""Build the whole site for N synthetic documents and print one line of figures:

    docs=N wall_s=… second_s=… edit_s=… edit_peak_mb=… peak_mb=… site_mb=… largest_page_kb=… check_s=… python_ref_s=…

wall_s and peak_mb are those of `python build_graph.py build` run as a child process, the way a
user runs it (peak_mb adds the peak of the process it forks to write search and graph data);
check_s is `python build_graph.py check` on the same corpus; second_s is a build with nothing
changed and edit_s a build after one document's title was edited, both with the first build's
site in place (the edited build takes up the state the first one kept in build/cache/builds/, and
makes again only what the edit changed; edit_peak_mb is its peak). Then the seconds of each stage of
the first build (`--full-only`: the full build's line and stages alone, for 100,000 documents, whose
other runs take another quarter of an hour). Study-pack PDFs made by an earlier run are taken from
build/cache/ (20 PDFs take about 11 s at 10,000 documents): `--cold` empties it first. Targets (issue 13,
2 cores): 10,000 documents in ≤ 20 s, second build ≤ 3 s, 100,000 in ≤ 4 min with ≤ 4 GB peak, largest page ≤ 100 KB,
t(100,000) / t(10,000) ≤ 11. python_ref_s is how fast the machine runs plain Python at the time
(benchmarks/common.py python_speed): figures of two days compare only beside it.
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
from benchmarks.common import python_speed  # noqa: E402
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


def _stages(log: Path) -> str:
    """Seconds between the build's progress lines: where the time goes."""
    text = log.read_text(encoding="utf-8")
    marks = [(float(m[1]), m[2]) for m in re.finditer(r"^\[\s*([\d.]+) s\] (.+)$", text, re.M)]
    done = re.search(r"(\d+(?:\.\d+)?) s →", text)
    end = float(done[1]) if done else (marks[-1][0] if marks else 0.0)
    rows = [m for m in marks if not m[1].lstrip().startswith("trang văn bản")]
    lines = []
    for (t, what), nxt in zip(rows, [*rows[1:], (end, "")], strict=True):
        lines.append(f"  {nxt[0] - t:6.1f} s  {what[:90]}")
    return "\n".join(lines)


def _again(data: Path, site: Path, work: Path) -> str:
    """Build again with nothing changed, then after one document's title is edited (the authoring loop): their
    figures."""
    second, _ = run(["build", "--data", str(data), "--out", str(site)], work / "second.log")
    documents = sorted((data / "documents").glob("*.yaml"))
    edited = documents[len(documents) // 2]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("title: ", "title: (sửa) ", 1), encoding="utf-8")
    edit, edit_peak_mb = run(["build", "--data", str(data), "--out", str(site)], work / "edit.log")
    return f"second_s={second:.1f} edit_s={edit:.1f} edit_peak_mb={edit_peak_mb:.0f} "


def main() -> int:
    parser = argparse.ArgumentParser(description="Build-time benchmark on a synthetic corpus.")
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="keep corpus and site in this folder")
    parser.add_argument("--cold", action="store_true", help="empty build/cache/ first: the PDFs are made again")
    parser.add_argument(
        "--full-only", action="store_true", help="the full build alone (no check, second or edited build): 100,000"
    )
    args = parser.parse_args()
    if args.cold:
        shutil.rmtree(ROOT / "build" / "cache", ignore_errors=True)
    work = args.keep or Path(tempfile.mkdtemp(prefix="vanban-bench-"))
    data, site = work / "data", work / "site"
    generate(args.docs, data)
    check_s = 0.0 if args.full_only else run(["check", "--data", str(data)], work / "check.log")[0]
    wall, peak_mb = run(["build", "--data", str(data), "--out", str(site)], work / "build.log")
    # The data files are written by a forked process; count its peak too (an upper bound: the
    # two share the corpus in memory after the fork).
    child = re.search(r"đỉnh bộ nhớ (\d+) MB", (work / "build.log").read_text(encoding="utf-8"))
    peak_mb += int(child[1]) if child else 0
    total, largest, _ = site_size(site)
    figures = f"docs={args.docs} wall_s={wall:.1f} "
    if not args.full_only:
        figures += _again(data, site, work)
    print(
        f"{figures}peak_mb={peak_mb:.0f} site_mb={total / 2**20:.0f} largest_page_kb={largest / 1024:.0f} "
        + ("" if args.full_only else f"check_s={check_s:.1f} ")
        + f"python_ref_s={python_speed():.2f}"
    )
    print(f"stages of the full build (build.log):\n{_stages(work / 'build.log')}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
