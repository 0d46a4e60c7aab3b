#!/usr/bin/env python3
"""Search speed and transfer in headless Chromium on a synthetic site of N documents.

    docs=N queries=… first_result_ms_median=… first_result_ms_max=… first_query_kb_max=…

Each query runs in a fresh browser context (empty cache), so each is a "first query": from the
moment it is submitted (after the typing pause) to the first result on screen, and the bytes of
search data it loaded. Goals at 10,000 documents: ≤ 300 ms and ≤ 1 MB.

    python benchmarks/search_bench.py --docs 10000 [--site DIR]   # DIR: a site built already
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.common import serve, synthetic_site  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

QUERIES = [
    "25-NQ/TW",
    "16/CT-TTg",
    "NQ 25",
    "nghi quyet 25",
    "Nghị quyết Trung ương 7 khóa XI",
    "dan van kheo",
    "Dân vận khéo",
    "chuyển đổi số",
    "Pháp lệnh 3",
    "ke hoach trien khai",
    "01-CTr/TU",
    "Tỉnh ủy Hậu Giang 2017",
]

MEASURE = """async (q) => {
  const input = document.querySelector('#vb-q');
  input.value = q;
  const page = document.querySelector('#vb-search-page');
  page.setAttribute('data-state', 'typing');
  performance.clearMarks();
  document.querySelector('#vb-search-form').requestSubmit();
  while (page.getAttribute('data-state') === 'typing' || page.getAttribute('data-state') === 'loading')
    await new Promise(r => setTimeout(r, 2));
  const m = performance.measure('q', 'vb-query-start', 'vb-first-result');
  const bytes = performance.getEntriesByType('resource').filter(e => e.name.includes('/search-data/'))
    .reduce((s, e) => s + e.encodedBodySize, 0);
  return [m.duration, bytes, document.querySelectorAll('.vb-result').length];
}"""


def main() -> int:
    parser = argparse.ArgumentParser(description="Search benchmark in headless Chromium.")
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--site", type=Path, help="a site already built from the synthetic corpus")
    args = parser.parse_args()
    site = synthetic_site(args.docs, args.site)
    base, server = serve(site)
    from playwright.sync_api import sync_playwright

    times, sizes = [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for query in QUERIES:
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"{base}/tim-kiem.html")
            page.wait_for_selector("#vb-search-page[data-state=done]")
            ms, size, count = page.evaluate(MEASURE, query)
            times.append(ms)
            sizes.append(size)
            print(f"  {query!r}: {ms:.0f} ms, {size / 1024:.0f} KB, {count} shown", file=sys.stderr)
            context.close()
        browser.close()
    server.shutdown()
    print(
        f"docs={args.docs} queries={len(QUERIES)} first_result_ms_median={statistics.median(times):.0f} "
        f"first_result_ms_max={max(times):.0f} first_query_kb_max={max(sizes) / 1024:.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
