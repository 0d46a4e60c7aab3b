"""Citation and header quality on real texts annotated by hand (benchmarks/realtexts/).

Prints, for the development half and the held-out third apart (see realtexts/README.md):
citations recall, precision, symbol and date accuracy among the citations found, and the kinds
of misses; header accuracy per field; and the same citation figures on the press snippets.

    python benchmarks/realtext_quality.py [--half dev|heldout|all] [--misses N] [--json]

Nothing here feeds the extractor: the texts and annotations were written by people reading the
sources, and the extractor runs without a knowledge base (what `extract` does on a new text).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import fold_norm  # noqa: E402
from vanban.citations import extract  # noqa: E402
from vanban.citations.header import read_header  # noqa: E402
from vanban.model import Corpus  # noqa: E402
from vanban.symbols import symbol_key  # noqa: E402

SET = ROOT / "benchmarks" / "realtexts"
BATCH: int | None = None  # --batch: measure one batch of the set alone
TARGETS = {"recall": 0.97, "precision": 0.97, "symbol": 0.99, "date": 0.99}
SNIPPET_TARGETS = {"recall": 0.98, "precision": 0.98}
HEADER_TARGETS = {"symbol": 0.97, "date": 0.97, "title": 0.90, "issuer": 0.90, "place": 0.95, "signer": 0.90}


# Batches whose held-out third has been measured: their texts now count in the development half.
SPENT_BATCHES = frozenset({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})


def held_out(doc_id: str, batch: int = 1) -> bool:
    """A third of each unspent batch, fixed by the id alone: the first hex digit of sha1(id) is 0–4."""
    if batch in SPENT_BATCHES:
        return False
    return hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[0] in "01234"


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    symbol: str | None
    date: str | None
    number: str | None
    type: str | None
    relation: str | None = None  # can-cu, thuc-hien, …; "none" when the text names none; None: not annotated


def _span(text: str, needle: str, occurrence: int) -> tuple[int, int]:
    pos = -1
    for _ in range(occurrence):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            raise ValueError(f"{needle!r} occurs fewer than {occurrence} times")
    return pos, pos + len(needle)


def _date_text(value: Any) -> str | None:
    if value is None:
        return None
    return str(value)


def gold_citations(text: str, rows: list[dict[str, Any]]) -> list[Gold]:
    out = []
    for row in rows or []:
        start, end = _span(text, row["text"], int(row.get("occurrence") or 1))
        out.append(
            Gold(
                start,
                end,
                row.get("symbol"),
                _date_text(row.get("date")),
                row.get("number"),
                row.get("type"),
                row.get("relation"),
            )
        )
    return out


def _same_symbol(predicted: str | None, gold: str | None) -> bool:
    if predicted is None or gold is None:
        return predicted is None and gold is None
    return symbol_key(predicted) == symbol_key(gold)


def _same_date(c: Any, gold: str | None) -> bool:
    if gold is None:
        return c.date is None
    if len(gold) == 4:  # the text gives a year only
        return (c.date is not None and c.date.year == int(gold)) or c.year == int(gold)
    return c.date is not None and c.date.iso() == gold


relation_misses: list[str] = []


def score(text: str, gold: list[Gold], kinds: Counter[str], misses: list[str], name: str) -> Counter[str]:
    found = extract(text)
    counts: Counter[str] = Counter(gold=len(gold), found=len(found))
    used: set[int] = set()
    for g in gold:
        best, overlap = None, 0
        for i, c in enumerate(found):
            if i in used:
                continue
            o = min(c.end, g.end) - max(c.start, g.start)
            if o > overlap:
                best, overlap = i, o
        if best is None:
            kinds["missed"] += 1
            misses.append(f"{name}: MISSED {text[g.start : g.end]!r}")
            continue
        used.add(best)
        c = found[best]
        counts["matched"] += 1
        if _same_symbol(c.symbol, g.symbol):
            counts["symbol_ok"] += 1
        else:
            kinds["wrong symbol"] += 1
            misses.append(f"{name}: SYMBOL {c.symbol!r} for {g.symbol!r} in {text[g.start : g.end]!r}")
        if _same_date(c, g.date):
            counts["date_ok"] += 1
        else:
            kinds["wrong date"] += 1
            got = c.date.iso() if c.date else c.year
            misses.append(f"{name}: DATE {got!r} for {g.date!r} in {text[g.start : g.end]!r}")
        if g.relation is not None:  # a figure apart: not a kind of miss of the citation itself
            counts["relation_gold"] += 1
            predicted = getattr(c, "relation", None) or "none"
            if predicted == g.relation:
                counts["relation_ok"] += 1
            else:
                relation_misses.append(
                    f"{name}: RELATION {predicted!r} for {g.relation!r} in {text[g.start : g.end]!r}"
                )
    for i, c in enumerate(found):
        if i not in used:
            kinds["false positive"] += 1
            misses.append(f"{name}: EXTRA {c.text!r}")
    return counts


def _title_norm(value: Any) -> str:
    """Annotators differ on whether a công văn's leading "V/v" belongs to its trích yếu: ignore it on both sides."""
    return re.sub(r"^v/v:?\s*", "", fold_norm(value))


def header_fields(text: str, gold: dict[str, Any]) -> dict[str, bool | None]:
    """Each header field right (True), wrong (False) or not annotated (None)."""
    head = read_header(text, Corpus({}, {}, {}))
    out: dict[str, bool | None] = {}
    g_symbol = gold.get("symbol")
    out["symbol"] = (
        None if not g_symbol else bool(head.symbol) and symbol_key(head.symbol or "") == symbol_key(g_symbol)
    )
    g_date = gold.get("date")
    out["date"] = None if not g_date else head.date is not None and head.date.iso() == str(g_date)
    g_place = gold.get("place")
    out["place"] = None if not g_place else fold_norm(head.place) == fold_norm(g_place)
    g_title = gold.get("title")
    out["title"] = None if not g_title else _title_norm(head.title) == _title_norm(g_title)
    g_issuer = gold.get("issuer")
    if g_issuer:
        lines = g_issuer if isinstance(g_issuer, list) else [g_issuer]
        predicted = getattr(head, "issuer_lines", None) or [head.issuer_text]
        out["issuer"] = fold_norm(" ".join(predicted)) == fold_norm(" ".join(lines))
    else:
        out["issuer"] = None
    g_signer = gold.get("signer")
    if g_signer:
        capacity = g_signer.get("capacity") or []
        capacity = capacity if isinstance(capacity, list) else [capacity]
        predicted_capacity = getattr(head, "capacity_lines", None) or [head.capacity or ""]
        # Capacity lines compared as one text, commas aside: annotators split "KT. BỘ TRƯỞNG, CHỦ NHIỆM"
        # into lines or not.
        out["signer"] = fold_norm(head.signer) == fold_norm(g_signer.get("name")) and fold_norm(
            " ".join(predicted_capacity).replace(",", " ")
        ) == fold_norm(" ".join(capacity).replace(",", " "))
    else:
        out["signer"] = None
    return out


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def _report(label: str, counts: Counter[str], kinds: Counter[str], header: dict[str, list[bool]]) -> dict[str, Any]:
    figures: dict[str, Any] = {
        "texts": counts["texts"],
        "citations": counts["gold"],
        "recall": _ratio(counts["matched"], counts["gold"]),
        "precision": _ratio(counts["matched"], counts["found"]),
        "symbol": _ratio(counts["symbol_ok"], counts["matched"]),
        "date": _ratio(counts["date_ok"], counts["matched"]),
        "relation": _ratio(counts["relation_ok"], counts["relation_gold"]),
        "misses": dict(kinds),
        "header": {k: (_ratio(sum(v), len(v)), len(v)) for k, v in header.items()},
    }
    line = " ".join(
        f"{k}={figures[k]:.3f}{'' if figures[k] >= TARGETS[k] else '(<' + str(TARGETS[k]) + ')'}" for k in TARGETS
    )
    print(
        f"[{label}] texts={counts['texts']} citations={counts['gold']} {line}"
        f" relation={figures['relation']:.3f} of {counts['relation_gold']}"
    )
    if kinds:
        print(f"[{label}] misses by kind: " + ", ".join(f"{k}={n}" for k, n in kinds.most_common()))
    if header:
        parts = []
        for k, (ratio, n) in figures["header"].items():
            flag = "" if ratio >= HEADER_TARGETS[k] else f"(<{HEADER_TARGETS[k]})"
            parts.append(f"{k}={ratio:.2f}{flag} of {n}")
        print(f"[{label}] header: " + " ".join(parts))
    return figures


def _selected(doc_id: str, row: dict[str, Any], half: str) -> bool:
    """In the half asked for and, with --batch, in that batch (a text's or snippet's `batch:`, 1 when absent)."""
    batch = int(row.get("batch") or 1)
    if BATCH is not None and batch != BATCH:
        return False
    return half == "all" or held_out(doc_id, batch) == (half == "heldout")


def texts(half: str) -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for path in sorted((SET / "annotations").glob("*.yaml")):
        ann = yaml.safe_load(path.read_text(encoding="utf-8"))
        doc_id = ann["id"]
        if not _selected(doc_id, ann, half):
            continue
        text = (SET / "texts" / f"{doc_id}.txt").read_text(encoding="utf-8")
        out.append((doc_id, text, ann))
    return out


def run_texts(half: str, misses_shown: int) -> dict[str, Any]:
    counts: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    misses: list[str] = []
    header: dict[str, list[bool]] = defaultdict(list)
    header_misses: list[str] = []
    for doc_id, text, ann in texts(half):
        counts["texts"] += 1
        counts += score(text, gold_citations(text, ann.get("citations") or []), kinds, misses, doc_id)
        for field, ok in header_fields(text, ann.get("header") or {}).items():
            if ok is not None:
                header[field].append(ok)
            if ok is False:
                header_misses.append(f"{doc_id}: HEADER {field} wrong")
    if not counts["texts"]:
        print(f"[{half}] no texts: every batch's held-out third has been measured (SPENT_BATCHES)")
        return {}
    figures = _report(half, counts, kinds, dict(header))
    for line in misses[:misses_shown]:
        print("   ", line)
    for line in relation_misses[:misses_shown]:
        print("   ", line)
    relation_misses.clear()
    for line in header_misses[:misses_shown]:
        print("   ", line)
    return figures


def run_snippets(half: str, misses_shown: int) -> dict[str, Any]:
    counts: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    misses: list[str] = []
    for path in sorted((SET / "snippets").glob("*.yaml")):
        for row in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if not _selected(row["id"], row, half):
                continue
            counts["texts"] += 1
            counts += score(
                row["text"], gold_citations(row["text"], row.get("citations") or []), kinds, misses, row["id"]
            )
    figures = {
        "snippets": counts["texts"],
        "citations": counts["gold"],
        "recall": _ratio(counts["matched"], counts["gold"]),
        "precision": _ratio(counts["matched"], counts["found"]),
    }
    line = " ".join(
        f"{k}={figures[k]:.3f}{'' if figures[k] >= SNIPPET_TARGETS[k] else '(<' + str(SNIPPET_TARGETS[k]) + ')'}"
        for k in SNIPPET_TARGETS
    )
    print(f"[snippets {half}] snippets={counts['texts']} citations={counts['gold']} {line}")
    if kinds:
        print(f"[snippets {half}] misses by kind: " + ", ".join(f"{k}={n}" for k, n in kinds.most_common()))
    for m in misses[:misses_shown]:
        print("   ", m)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=["dev", "heldout", "all"], default="dev")
    parser.add_argument("--misses", type=int, default=0, help="print the first N misses")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--batch", type=int, help="only texts of this batch (annotations' `batch:`, 1 when absent)")
    args = parser.parse_args()
    global BATCH
    BATCH = args.batch
    halves = ["dev", "heldout"] if args.half == "all" else [args.half]
    result = {}
    for half in halves:
        result[half] = {"texts": run_texts(half, args.misses), "snippets": run_snippets(half, args.misses)}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
