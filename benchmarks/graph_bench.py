#!/usr/bin/env python3
"""How fast the global graph page becomes interactive, and how fluid it stays, in Chromium.

    docs=N global_interactive_ms=… nodes_shown=… all_levels_render_ms=… all_levels_nodes=… frame_ms_p95=…

global_interactive_ms: from navigation start to the graph drawn and answering (cytoscape ready,
preset layout applied), with the default filters (a big corpus opens on its central documents).
all_levels_render_ms: redrawing after ticking every level (capped at 1,500 nodes). frame_ms_p95:
95th percentile of frame times while panning and zooming that view for about a second.
Goal at 10,000 documents: interactive within 3 s, frames well under 50 ms.

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

ALL_LEVELS = """() => {
  const t0 = performance.now();
  document.querySelectorAll('input[name=level]').forEach(b => { b.checked = true; });
  document.querySelector('#vb-graph-filters').dispatchEvent(new Event('change', { bubbles: true }));
  return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() =>
    r([performance.now() - t0, VB_GRAPH.instances.global.nodes().length]))));
}"""
PAN_ZOOM = """() => new Promise(resolve => {
  const cy = VB_GRAPH.instances.global, frames = [];
  let last = performance.now(), i = 0;
  function step(now) {
    frames.push(now - last); last = now;
    cy.panBy({ x: 6, y: 3 });
    cy.zoom({ level: cy.zoom() * (i < 30 ? 1.03 : 0.97), renderedPosition: { x: 300, y: 200 } });
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
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}/do-thi.html")
        page.wait_for_selector(".vb-graph[data-graph=global][data-state=ready]", timeout=60_000)
        ready = page.evaluate("performance.getEntriesByName('vb-graph-ready-global')[0].startTime")
        shown = page.evaluate("VB_GRAPH.instances.global.nodes().length")
        render_ms, all_nodes = page.evaluate(ALL_LEVELS)
        frames = page.evaluate(PAN_ZOOM)
        browser.close()
    server.shutdown()
    p95 = frames[int(len(frames) * 0.95) - 1]
    print(
        f"docs={args.docs} global_interactive_ms={ready:.0f} nodes_shown={shown} "
        f"all_levels_render_ms={render_ms:.0f} all_levels_nodes={all_nodes} frame_ms_p95={p95:.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
