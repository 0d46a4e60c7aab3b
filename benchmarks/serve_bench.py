#!/usr/bin/env python3
"""The authoring loop, timed as an author meets it: `serve` running on N synthetic documents, a document's page
open in headless Chromium (Debian's), a YAML file saved; the time from the save to the open page showing the
edit after it reloaded by itself. Prints one line per edit, then the median:

    docs=N edit=title s=… written=…
    docs=N median_s=… max_s=… python_ref_s=… (benchmarks/common.py python_speed: the machine's speed today)

Edits, in turn: a title; a relation added (the pages at both ends, the trees above); a new document; a title
again. Each is checked on the page that shows it. Target (issue 13, 2 cores): ≤ 2 s at 10,000 documents.
The first build (and the full build serve makes before it can rebuild incrementally) is not timed here:
benchmarks/build_bench.py times builds.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.common import python_speed  # noqa: E402
from benchmarks.generate import generate  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _status(port: int) -> dict[str, object]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/__vanban/status", timeout=5) as answer:
        return dict(json.load(answer))


def _wait_serving(port: int, proc: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("serve stopped before serving")
        try:
            _status(port)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("serve did not answer in time")


def main() -> int:
    parser = argparse.ArgumentParser(description="Edit-to-reload benchmark of `serve` in Chromium.")
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="keep corpus and site in this folder (and reuse a corpus there)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    work = args.keep or Path(tempfile.mkdtemp(prefix="vanban-serve-bench-"))
    data, site, log = work / "data", work / "site", work / "serve.log"
    if not (data / "documents").is_dir():
        generate(args.docs, data)
    shutil.rmtree(site, ignore_errors=True)
    docs = sorted((data / "documents").glob("*.yaml"))
    port = _free_port()
    with open(log, "w") as out:
        command = ["serve", "--data", str(data), "--out", str(site), "--port", str(port)]
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "build_graph.py"), *command],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_serving(port, proc, 900)  # a site built afresh: serve then rebuilds what edits change
        times = _edits(port, data, docs, args.docs, sync_playwright)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    print(
        f"docs={args.docs} median_s={statistics.median(times):.2f} max_s={max(times):.2f} "
        f"python_ref_s={python_speed():.2f}"
    )
    print(f"serve's log: {log}" if args.keep else "", end="\n" if args.keep else "")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _edits(port: int, data: Path, docs: list[Path], n: int, sync_playwright: object) -> list[float]:
    times = []
    target, other = docs[len(docs) // 2], docs[len(docs) // 3]
    new = data / "documents" / "9999-kh-ubnd-ha-noi-2024.yaml"
    steps = [
        ("title", target, lambda: _edit(target, "title: ", "title: (sửa 1) "), "(sửa 1)"),
        ("relation", _earlier(target, other), lambda: _relate(target, other), "đo thời gian"),
        ("new-document", None, lambda: new.write_text(_new_doc(target), encoding="utf-8"), NEW_SYMBOL),
        ("title", target, lambda: _edit(target, "title: (sửa 1) ", "title: (sửa 2) "), "(sửa 2)"),
    ]
    # The corpus is left as the generator wrote it: a corpus kept (--keep) and timed again must start without the
    # edits (a relation already there, a title already edited: the page would show them before any rebuild).
    originals = {path: path.read_bytes() for path in (target, other)}
    try:
        return _timed(port, steps, target, n, sync_playwright, times)
    finally:
        for path, content in originals.items():
            path.write_bytes(content)
        new.unlink(missing_ok=True)


def _timed(port: int, steps: list, target: Path, n: int, sync_playwright: object, times: list[float]) -> list[float]:
    with sync_playwright() as pw:  # type: ignore[attr-defined]
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page()
        for name, shown_on, change, expect in steps:
            doc_id = (shown_on or target).stem
            page.goto(f"http://127.0.0.1:{port}/van-ban/{doc_id}.html")
            page.wait_for_timeout(600)  # the live script has asked the version once
            written_before = _status(port)["version"]
            start = time.perf_counter()
            change()
            page.wait_for_function(f"document.body.innerText.includes({json.dumps(expect)})", timeout=120_000)
            took = time.perf_counter() - start
            times.append(took)
            print(f"docs={n} edit={name} s={took:.2f} version={written_before}->{_status(port)['version']}", flush=True)
        browser.close()
    return times


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _date(path: Path) -> str:
    found = re.search(r"^date: '?([\d-]+)", path.read_text(encoding="utf-8"), re.M)
    return found[1] if found else ""


def _earlier(a: Path, b: Path) -> Path:
    return a if _date(a) <= _date(b) else b


def _relate(a: Path, b: Path) -> None:
    """The later of two documents based on the earlier (the generator's YAML style), with a note that both
    pages show."""
    source, target = (b, a) if _earlier(a, b) == a else (a, b)
    text = source.read_text(encoding="utf-8")
    relation = f"- type: can-cu\n  target: {target.stem}\n  note: đo thời gian\n"
    if re.search(r"^relations:\s*$", text, re.M):
        text = re.sub(r"^relations:\s*\n", lambda _: "relations:\n" + relation, text, count=1, flags=re.M)
    else:
        text += "relations:\n" + relation
    source.write_text(text, encoding="utf-8")


NEW_SYMBOL = "9999/KH-UBND"


def _new_doc(target: Path) -> str:
    """A plan of Hà Nội's people's committee carrying out target (its id: 9999-kh-ubnd-ha-noi-2024)."""
    return (
        f"symbol: {NEW_SYMBOL}\ntype: ke-hoach\nissuer: ubnd-ha-noi\ndate: '2024-05-05'\n"
        f"title: Kế hoạch đo thời gian\nsources:\n- synthetic\nrelations:\n- type: thuc-hien\n  target: {target.stem}\n"
    )


if __name__ == "__main__":
    sys.exit(main())
