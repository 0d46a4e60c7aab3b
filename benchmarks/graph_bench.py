#!/usr/bin/env python3
"""How fast the global graph page becomes interactive, and how fluid it stays, in Chromium.

    docs=N global_interactive_ms=… nodes_shown=… labels=… redraw_ms=… frame_ms_p50=… frame_ms_p95=…

global_interactive_ms: from navigation start to every document of the corpus drawn and answering (the page
marks it). redraw_ms: one crisp drawing of the whole view (after a filter, or when a move stops).
frame_ms_p50/p95: frame times while the view is dragged and zoomed for 60 frames, as the page does it (the
drawn bitmap moved, vanban-globalgraph.js). Targets (issue 13 and 14, 2 cores, no GPU): interactive within
3 s at 10,000 documents and 5 s at 100,000, at least 30 frames a second (p95 ≤ 33 ms) while moving.

    python benchmarks/graph_bench.py --docs 10000 [--site DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.common import serve, synthetic_site  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

MOVE = """() => new Promise(resolve => {
  const g = VB_GRAPH.instances.global, frames = [];
  let last = performance.now(), i = 0;
  function step(now) {
    frames.push(now - last); last = now;
    g.move(6, 3, i < 30 ? 1.03 : 0.97);
    if (++i < 60) requestAnimationFrame(step); else resolve(frames.slice(1).sort((a, b) => a - b));
  }
  requestAnimationFrame(step);
})"""


def main() -> int:
    parser = argparse.ArgumentParser(description="Global graph benchmark in headless Chromium.")
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--site", type=Path)
    args = parser.parse_args()
    site = synthetic_site(args.docs, args.site)
    base, server = serve(site)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(f"{base}/do-thi.html")
        page.wait_for_selector(".vb-graph[data-graph=global][data-state=ready]", timeout=60_000)
        ready = page.evaluate("performance.getEntriesByName('vb-graph-ready-global')[0].startTime")
        shown = page.evaluate("VB_GRAPH.instances.global.nodes().length")
        labels = page.evaluate("VB_GRAPH.instances.global.labels().length")
        redraw = page.evaluate("VB_GRAPH.instances.global.redraw()")
        frames = page.evaluate(MOVE)
        browser.close()
    server.shutdown()
    p50, p95 = frames[len(frames) // 2], frames[int(len(frames) * 0.95) - 1]
    print(
        f"docs={args.docs} global_interactive_ms={ready:.0f} nodes_shown={shown} labels={labels} "
        f"redraw_ms={redraw:.0f} frame_ms_p50={p50:.0f} frame_ms_p95={p95:.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
