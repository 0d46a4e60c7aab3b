#!/usr/bin/env python3
"""Precision and recall of citation extraction on the table of forms (tests/citation_forms.py).

A found citation counts as right only when its span, type, number, symbol, date and resolution
(or candidate list) all equal the expected ones ("strict"); "span" counts a right span alone.

    forms=… expected=… found=… strict_precision=… strict_recall=… span_precision=… span_recall=…
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.citation_forms import FORMS  # noqa: E402
from tests.citation_heldout import HELDOUT  # noqa: E402
from tests.test_citation_forms import expected_rows, parse  # noqa: E402
from vanban.citations import Resolver  # noqa: E402
from vanban.pipeline import load_valid  # noqa: E402


def score(found: list, expected: list) -> tuple[int, int, int]:
    hits = sum((Counter(found) & Counter(expected)).values())
    return hits, len(found), len(expected)


def evaluate(resolver: Resolver, table: list) -> tuple[str, list[str]]:
    strict, span = [0, 0, 0], [0, 0, 0]
    misses = []
    for name, text, date, expected in table:
        got, want = parse(resolver, text, date), expected_rows(expected)
        for total, (a, b) in ((strict, (got, want)), (span, ([g[0] for g in got], [w[0] for w in want]))):
            for i, n in enumerate(score(a, b)):
                total[i] += n
        if got != want:
            misses.append(f"{name}: got {got}")
    p = lambda hit, n: hit / n if n else 1.0  # noqa: E731
    line = (
        f"forms={len(table)} expected={strict[2]} found={strict[1]} "
        f"strict_precision={p(strict[0], strict[1]):.3f} strict_recall={p(strict[0], strict[2]):.3f} "
        f"span_precision={p(span[0], span[1]):.3f} span_recall={p(span[0], span[2]):.3f}"
    )
    return line, misses


def main() -> int:
    resolver = Resolver(load_valid().corpus)
    for label, table in (("table", FORMS), ("heldout", HELDOUT)):
        line, misses = evaluate(resolver, table)
        print(f"{label}: {line}")
        for miss in misses:
            print(f"  miss: {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
