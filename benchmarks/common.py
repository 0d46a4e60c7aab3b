"""What the benchmarks share: a synthetic site, a quiet local server for it, and header values as compared."""

from __future__ import annotations

import functools
import http.server
import re
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.generate import generate  # noqa: E402
from vanban.symbols import fold  # noqa: E402


def python_speed() -> float:
    """Seconds this machine takes now for a fixed piece of plain Python (the best of three runs of 5,000,000
    additions): machines of the same kind ran the same build 2.3 times apart, so each benchmark prints this beside
    its figures, to compare two days' figures."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        total = 0
        for i in range(5_000_000):
            total += i
        best = min(best, time.perf_counter() - start)
    return best


def synthetic_site(docs: int, site: Path | None) -> Path:
    """The given site, or a site built here from `docs` synthetic documents."""
    if site is not None:
        return site
    work = Path(tempfile.mkdtemp(prefix="vanban-bench-"))
    generate(docs, work / "data")
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "build_graph.py"),
            "build",
            "--data",
            str(work / "data"),
            "--out",
            str(work / "site"),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return work / "site"


def serve(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve folder on 127.0.0.1, on a free port, from a background thread."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


def fold_norm(value: Any) -> str:
    """A header value as the quality benchmarks compare it: NFC, spaces collapsed, case and diacritics
    folded, edge punctuation dropped."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(value or ""))).strip()
    return fold(text).strip(" .,;:")
