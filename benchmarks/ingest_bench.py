"""Ingest speed and header quality: the issue's targets, the ten real samples, the grown material.

Prints three parts, and asserts nothing:

(a) speed against the targets: text files a second (200 small .txt made here from the real texts
    of benchmarks/realtexts/, in UTF-8, UTF-8 with BOM, UTF-16, cp1258, TCVN3 and VNI), PDF pages a
    second read from a text layer (the material's PDFs), OCR seconds a page (the material's scans,
    one file at a time, then all of them in one PDF so that read_file OCRs pages in parallel);
(b) the ten real samples (../shared/samples/ingest/expected.yaml): per sample and per field
    (symbol, date, place, title, issuer, signer) right, marked for review, wrong or not read, and
    the time per file and per page;
(c) the material made by benchmarks/ingest_material.py: the same per field, per half (dev or held
    out, fixed by the source id) and per variant.

    python benchmarks/ingest_bench.py [--material build/ingest-material] [--half dev|heldout|all]
                                      [--samples ../shared/samples/ingest] [--json] [--only speed,samples,material]

Fields are read by vanban.ingest.read.read_file, then vanban.citations.header.read_header with an
empty corpus. A field is "marked for review" when its confidence is below 0.8 (header.SURE); on a
file read by OCR the number and the day are capped at the draft's OCR_DIGITS, as `vanban ingest`
writes them (--raw-confidence: the header's confidence alone). Review is the right answer where
the sample notes (or the material's manifest) say a value is handwritten or missing; elsewhere it
is safe but not right. Values are compared as benchmarks/realtext_quality.py does: NFC, spaces
collapsed, case and diacritics folded; symbols by symbol_key; capacity lines joined.

The held-out half of the material is measured once, at the end of a change to the readers.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import fold_norm  # noqa: E402
from vanban.citations.header import SURE, read_header  # noqa: E402
from vanban.ingest.draft import OCR_DIGITS, cap_ocr, central_issuer, mend_signer  # noqa: E402
from vanban.ingest.model import Reading  # noqa: E402
from vanban.ingest.read import read_file  # noqa: E402
from vanban.model import Corpus  # noqa: E402
from vanban.symbols import fold, symbol_key  # noqa: E402

REALTEXTS = ROOT / "benchmarks" / "realtexts" / "texts"
DEFAULT_MATERIAL = ROOT / "build" / "ingest-material"
DEFAULT_SAMPLES = ROOT.parent / "shared" / "samples" / "ingest"
FIELDS = ("symbol", "date", "place", "title", "issuer", "signer")
TARGETS = {"txt_files_per_s": 50.0, "pdf_pages_per_s": 10.0, "ocr_s_per_page": 8.0}
OUTCOMES = ("right", "review", "wrong", "unread")
SHORT = {"right": "right", "review": "review", "wrong": "WRONG", "unread": "unread"}
TEXT_FILES = 200

# ../shared/reference/ingest.md: 'Handwritten numbers and days ("07", "20") are often misread' — the
# number 07 and the day 20 of the Quảng Ngãi chỉ thị scan. expected.yaml's notes do not repeat it.
HANDWRITTEN_BY_REFERENCE = {"scan_ct07-2018-ubnd-quangngai.pdf": {"symbol", "date"}}


# ---------------------------------------------------------------------------------------------
# Comparing


def _title_norm(value: Any) -> str:
    # "40/2000 /TT-BTC" as printed, "40/2000/TT-BTC" as read by hand: a space beside a slash is noise
    return re.sub(r"\s*/\s*", "/", re.sub(r"^v/v:?\s*", "", fold_norm(value)))


def _capacity_norm(lines: list[str]) -> str:
    """Capacity lines as one text: commas aside, "KT/" and "KT." alike (the hand-read truth writes "KT.")."""
    text = fold_norm(" ".join(lines).replace(",", " "))
    return re.sub(r"\b(tm|kt|tl|t/m|k/t|t/l)\s*[./]\s*", lambda m: m[1].replace("/", "") + ". ", text)


_ABBREVIATIONS = {"ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "mttq": "mat tran to quoc"}


def _words(value: Any) -> list[str]:
    words = re.findall(r"[\w/]+", fold_norm(value))
    return sorted(w for word in words for w in _ABBREVIATIONS.get(word, word).split())


@dataclass
class Gold:
    symbol: str | None
    date: str | None
    place: str | None
    title: str | None
    issuer: list[list[str]]  # the ways the issuer block may read, each as lines; [] when none
    signer: tuple[str, list[str]] | None  # name, capacity lines
    reviewable: set[str] = field(default_factory=set)  # where review is the right answer
    issuer_any_order: bool = False  # free-text issuer (samples): compare words, not lines


@dataclass
class Judged:
    outcome: str  # right | review | wrong | unread
    value_right: bool
    got: str
    want: str
    confidence: float
    ok: bool  # right, or marked for review (or not read) where that is the right answer


_CENTRAL_NAMES = {"chinh-phu": "Chính phủ", "thu-tuong": "Thủ tướng Chính phủ", "quoc-hoi": "Quốc hội",
                  "ubtvqh": "Ủy ban Thường vụ Quốc hội"}  # fmt: skip


def _issuer_from_symbol(symbol: str | None) -> str | None:
    """The central body a symbol names ("28/2021/NĐ-CP": Chính phủ), as the draft infers it."""
    key = central_issuer(symbol)
    return _CENTRAL_NAMES[key] if key else None


def judge(
    text: str, gold: Gold, ocr: bool, cap: float | None, doubtful: Any = None, signature: str = ""
) -> dict[str, Judged]:
    head = read_header(text, Corpus({}, {}, {}))
    mend_signer(head, signature)  # as `vanban ingest` does for a file's last document
    confidence = dict(head.confidence)
    if ocr and cap is not None:  # the caps `vanban ingest` applies to what OCR read and doubted
        cap_ocr(confidence, {}, head, doubtful)
    lines = head.issuer_lines or ([head.issuer_text] if head.issuer_text else [])
    got: dict[str, str] = {
        "symbol": head.symbol or "",
        "date": head.date.iso() if head.date else "",
        "place": head.place or "",
        "title": head.title or "",
        "issuer": " / ".join(lines),
        "signer": (
            f"{head.signer} ({' / '.join(head.capacity_lines or [head.capacity or ''])})" if head.signer else ""
        ),
    }
    right: dict[str, bool] = {}
    want: dict[str, str] = {}
    right["symbol"] = (
        bool(head.symbol) and symbol_key(head.symbol or "") == symbol_key(gold.symbol)
        if gold.symbol
        else not head.symbol
    )
    want["symbol"] = gold.symbol or ""
    right["date"] = got["date"] == gold.date if gold.date else not head.date
    want["date"] = gold.date or ""
    right["place"] = fold_norm(head.place) == fold_norm(gold.place) if gold.place else not head.place
    want["place"] = gold.place or ""
    right["title"] = _title_norm(head.title) == _title_norm(gold.title) if gold.title else not head.title
    want["title"] = gold.title or ""
    if not lines and (inferred := _issuer_from_symbol(head.symbol)):
        lines = [inferred]  # a cropped page: `vanban ingest` names the issuer from the symbol, marked
        confidence["issuer"] = min(confidence.get("issuer", 0) or 0.7, 0.7)
        got["issuer"] = inferred
    if gold.issuer:
        if gold.issuer_any_order:
            right["issuer"] = any(_words(" ".join(lines)) == _words(" ".join(o)) for o in gold.issuer)
        else:
            right["issuer"] = any(fold_norm(" ".join(lines)) == fold_norm(" ".join(o)) for o in gold.issuer)
    else:
        right["issuer"] = not lines
    want["issuer"] = " | ".join(" / ".join(o) for o in gold.issuer)
    if gold.signer:
        name, capacity = gold.signer
        predicted = head.capacity_lines or [head.capacity or ""]
        right["signer"] = fold_norm(head.signer) == fold_norm(name) and _capacity_norm(predicted) == _capacity_norm(
            capacity
        )
        want["signer"] = f"{name} ({' / '.join(capacity)})"
    else:
        right["signer"] = not head.signer
        want["signer"] = ""
    out = {}
    for name in FIELDS:
        c = float(confidence.get(name, 0.0))
        if not got[name]:
            outcome = "right" if right[name] else "unread"
        elif c < SURE:
            outcome = "review"
        else:
            outcome = "right" if right[name] else "wrong"
        # As the issue asks: the value right (a right value marked for review is still right; the marks it
        # did not need are counted apart), or marked where the value is handwritten or missing.
        ok = right[name] or (outcome in ("review", "unread") and name in gold.reviewable)
        out[name] = Judged(outcome, right[name], got[name], want[name], c, ok)
    return out


# ---------------------------------------------------------------------------------------------
# (a) Speed


def _text_files(folder: Path) -> list[tuple[Path, str, str]]:
    """200 small text files from the real texts, in the encodings offices use: (path, encoding, text)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from ingest_material import check_encoders, encode_plain

    check_encoders()
    # A few sources are themselves legacy bytes read as Latin-1 ("v¨n phßng"): not a Unicode text to start from.
    texts = [p for p in sorted(REALTEXTS.glob("*.txt")) if not _LEGACY_MARKS.search(p.read_text(encoding="utf-8"))]
    encodings = ["utf-8"] * 10 + ["utf-8-sig"] * 2 + ["utf-16"] * 2 + ["cp1258"] * 2 + ["tcvn3"] * 2 + ["vni"] * 2
    out = []
    for i in range(TEXT_FILES):
        source = texts[i % len(texts)]
        text = source.read_text(encoding="utf-8")
        cut = text.rfind("\n", 0, 1500 + (i * 37) % 2500)
        text = text[: cut if cut > 200 else 1500]
        encoding = encodings[i % len(encodings)]
        if encoding in ("tcvn3", "vni"):
            data = encode_plain(text, encoding)
        elif encoding == "cp1258":
            data = _cp1258(text)
        else:
            data = text.encode(encoding)
        path = folder / f"{i:03d}-{source.stem[:40]}.txt"
        path.write_bytes(data)
        out.append((path, encoding, text))
    return out


_LEGACY_MARKS = re.compile(r"[µ¸¶·¹¨©ª«¬®]")
_SHAPE_MARKS = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn: precomposed in cp1258


def _cp1258(text: str) -> bytes:
    """cp1258 as Windows writes it: letters with their shape precomposed, tones as combining marks."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize(
            "NFC", "".join(p for p in parts if not unicodedata.combining(p) or p in _SHAPE_MARKS)
        )
        tones = "".join(p for p in parts if unicodedata.combining(p) and p not in _SHAPE_MARKS)
        try:
            out += base.encode("cp1258") + tones.encode("cp1258")
        except UnicodeEncodeError:
            out += b"?"
    return bytes(out)


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(unicodedata.normalize("NFC", text)))


def _against(value: float, key: str) -> str:
    """The clause "(target ≥ 50) ok": a rate must reach its target (else BELOW), seconds a page stay under it."""
    target = TARGETS[key]
    if key.endswith("_per_s"):
        return f"(target ≥ {target:.0f}) {'ok' if value >= target else 'BELOW'}"
    return f"(target ≤ {target:.0f}) {'ok' if value <= target else 'ABOVE'}"


def _timed_pages(files: list[Path], pages_of: Callable[[Any], int]) -> tuple[int, float]:
    """(pages, seconds) for reading the files one after the other."""
    started = time.perf_counter()
    pages = sum(pages_of(read_file(path)) for path in files)
    return pages, time.perf_counter() - started


def _ocr_pages(reading: Reading) -> int:
    return max(1, reading.ocr_pages)


def speed(rows: list[dict[str, Any]], material: Path) -> dict[str, Any]:
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="vanban-ingest-bench-") as tmp:
        result["txt"] = _speed_text(Path(tmp))
        pdfs = [material / r["file"] for r in rows if r["kind"] == "pdf-text"]
        if pdfs:
            result["pdf_text"] = _speed_pdf(pdfs)
        scans = [material / r["file"] for r in rows if r["kind"] in ("image", "pdf-scan")]
        if scans:
            result["ocr_files"] = _speed_ocr(scans)
            images = [s for s in scans if s.suffix == ".png"]
            if len(images) >= 2:
                result["ocr_parallel"] = _speed_ocr_parallel(images, Path(tmp) / "scans.pdf")
    return result


def _speed_text(folder: Path) -> dict[str, Any]:
    files = _text_files(folder)
    started = time.perf_counter()
    readings: list[Reading | None] = []
    refused = 0
    for path, _, _ in files:
        try:
            readings.append(read_file(path))
        except Exception:  # a refusal is a figure here, not a failure
            readings.append(None)
            refused += 1
    seconds = time.perf_counter() - started
    intact: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for (_, encoding, text), reading in zip(files, readings, strict=True):
        total[encoding] += 1
        if reading is not None and _letters(reading.text) == _letters(text):
            intact[encoding] += 1
    rate = len(files) / seconds
    figures: dict[str, Any] = {
        "files": len(files),
        "seconds": round(seconds, 3),
        "files_per_s": round(rate, 1),
        "refused": refused,
        "text_intact": {k: f"{intact[k]}/{total[k]}" for k in total},
    }
    print(
        f"[speed] text files: {len(files)} in {seconds:.2f} s = {rate:.0f} files/s "
        f"{_against(rate, 'txt_files_per_s')}" + (f"; refused {refused}" if refused else "")
    )
    print("[speed]   text back letter for letter: " + ", ".join(f"{k} {v}" for k, v in figures["text_intact"].items()))
    return figures


def _speed_pdf(pdfs: list[Path]) -> dict[str, Any]:
    pages, seconds = _timed_pages(pdfs, lambda reading: reading.pages)
    rate = pages / seconds
    print(
        f"[speed] PDF text layer: {pages} pages in {len(pdfs)} files, {seconds:.2f} s = {rate:.1f} pages/s "
        f"{_against(rate, 'pdf_pages_per_s')}"
    )
    return {"files": len(pdfs), "pages": pages, "seconds": round(seconds, 3), "pages_per_s": round(rate, 1)}


def _speed_ocr(scans: list[Path]) -> dict[str, Any]:
    pages, seconds = _timed_pages(scans, _ocr_pages)
    per_page = seconds / pages
    print(
        f"[speed] OCR, one page a file: {pages} pages in {seconds:.1f} s = {per_page:.1f} s/page "
        f"{_against(per_page, 'ocr_s_per_page')}"
    )
    return {"files": len(scans), "pages": pages, "seconds": round(seconds, 2), "s_per_page": round(per_page, 2)}


def _speed_ocr_parallel(images: list[Path], combined: Path) -> dict[str, Any]:
    """The scans in one PDF: read_file OCRs its pages in parallel."""
    from PIL import Image

    frames = [Image.open(p).convert("RGB") for p in images]
    frames[0].save(combined, "PDF", resolution=200, save_all=True, append_images=frames[1:], quality=85)
    pages, seconds = _timed_pages([combined], _ocr_pages)
    per_page = seconds / pages
    print(
        f"[speed] OCR, {pages} pages in one PDF (pages in parallel, {os.cpu_count()} cores): "
        f"{seconds:.1f} s = {per_page:.1f} s/page {_against(per_page, 'ocr_s_per_page')}"
    )
    return {"pages": pages, "seconds": round(seconds, 2), "s_per_page": round(per_page, 2), "cores": os.cpu_count()}


# ---------------------------------------------------------------------------------------------
# (b) Samples and (c) material


_REVIEW_WORDS = re.compile(
    r"handwritten|hand-written|viet tay|missing|blank|not on this page|not shown|not visible|illegible"
)
_FIELD_WORDS = {
    "symbol": re.compile(r"\bnumber|\bsymbol|\bso\b"),
    "date": re.compile(r"\bday|\bdate|\bngay\b"),
    "place": re.compile(r"\bplace"),
    "title": re.compile(r"\btitle|trich yeu"),
    "issuer": re.compile(r"\bissuer"),
    "signer": re.compile(r"\bsigner|\bsignature|\bcapacity"),
}


def sample_gold(doc: dict[str, Any]) -> Gold:
    reviewable = set(HANDWRITTEN_BY_REFERENCE.get(doc["file"], set()))
    for note in doc.get("notes") or []:
        for clause in re.split(r";", fold(str(note))):
            if _REVIEW_WORDS.search(clause):
                reviewable |= {name for name, rx in _FIELD_WORDS.items() if rx.search(clause)}
    issuer: list[list[str]] = []
    if doc.get("issuer"):
        text = str(doc["issuer"])
        issuer.append([re.sub(r"\s*\(.*\)\s*$", "", text)])
        issuer += [m.split(" / ") for m in re.findall(r'letterhead "([^"]+)"', text)]
        for note in doc.get("notes") or []:
            issuer += [m.split(" / ") for m in re.findall(r'issuer block in [^"]*"([^"]+)"', str(note))]
    signer = None
    if doc.get("signer"):
        signer = (str(doc["signer"]["name"]), str(doc["signer"].get("capacity") or "").split(" / "))
    gold = Gold(
        symbol=str(doc["symbol"]) if doc.get("symbol") else None,
        date=str(doc["date"]) if doc.get("date") else None,
        place=doc.get("place"),
        title=doc.get("title"),
        issuer=issuer,
        signer=signer,
        reviewable=reviewable,
        issuer_any_order=True,
    )
    for name, value in (("symbol", gold.symbol), ("date", gold.date), ("place", gold.place), ("title", gold.title)):
        if not value:
            gold.reviewable.add(name)
    if not issuer:
        gold.reviewable.add("issuer")
    if not signer:
        gold.reviewable.add("signer")
    return gold


def material_gold(row: dict[str, Any]) -> Gold:
    e = row["expected"]
    signer = e.get("signer")
    gold = Gold(
        symbol=e.get("symbol"),
        date=e.get("date"),
        place=e.get("place"),
        title=e.get("title"),
        issuer=[list(e["issuer"])] if e.get("issuer") else [],
        signer=(signer["name"], list(signer.get("capacity") or [])) if signer else None,
        reviewable=set(row.get("handwritten") or []),
    )
    for name in ("symbol", "date", "place", "title"):
        if not getattr(gold, name):
            gold.reviewable.add(name)
    if not gold.signer:
        gold.reviewable.add("signer")
    return gold


@dataclass
class Measured:
    name: str
    kind: str
    group: str  # variant, or the sample's kind
    pages: int
    seconds: float
    reader: str
    encoding: str
    fields: dict[str, Judged] | None  # None: the file was refused
    refused: str = ""


def measure(path: Path, gold: Gold, kind: str, group: str, cap: float | None) -> Measured:
    started = time.perf_counter()
    try:
        reading = read_file(path)
    except Exception as e:  # a refused file is a result to print
        return Measured(
            path.name, kind, group, 0, time.perf_counter() - started, "", "", None, f"{type(e).__name__}: {e}"
        )
    seconds = time.perf_counter() - started
    fields = judge(reading.text, gold, reading.ocr, cap, reading.doubtful, reading.signature)
    return Measured(path.name, reading.kind, group, reading.pages, seconds, reading.reader, reading.encoding, fields)


def _cell(j: Judged) -> str:
    """right; review✓ (marked, the value right) or review✗; WRONG (a silent error); unread. "!": not as required."""
    text = SHORT[j.outcome] + (("✓" if j.value_right else "✗") if j.outcome == "review" else "")
    return text + ("" if j.ok else "!")


def _summary(measured: list[Measured], label: str) -> dict[str, Any]:
    counts: dict[str, Counter[str]] = {name: Counter() for name in FIELDS}
    ok: Counter[str] = Counter()
    value: Counter[str] = Counter()
    n = 0
    for m in measured:
        if m.fields is None:
            for name in FIELDS:
                counts[name]["refused"] += 1
            continue
        n += 1
        for name, j in m.fields.items():
            counts[name][j.outcome] += 1
            ok[name] += j.ok
            value[name] += j.value_right
    total = len(measured)
    parts = []
    for name in FIELDS:
        c = counts[name]
        detail = " ".join(f"{SHORT[o]} {c[o]}" for o in OUTCOMES if c[o]) + (
            f" từ chối {c['refused']}" if c["refused"] else ""
        )
        parts.append(f"{name:6} {ok[name]:3}/{total} as required; value right {value[name]}/{total}; {detail}")
    print(f"[{label}] per field (as required: right, or review/unread where the value is handwritten or missing):")
    for p in parts:
        print(f"[{label}]   {p}")
    silent = sum(1 for m in measured if m.fields and any(j.outcome == "wrong" for j in m.fields.values()))
    print(f"[{label}] files with a silent error (a wrong value not marked for review): {silent}/{total}")
    needless = sum(1 for m in measured for j in (m.fields or {}).values() if j.outcome == "review" and j.value_right)
    print(f"[{label}] review marks on a right value (work for the reviewer, not an error): {needless}")
    pages = sum(m.pages for m in measured)
    seconds = sum(m.seconds for m in measured)
    print(
        f"[{label}] time: {seconds:.1f} s for {total} files, {pages} pages = {seconds / max(1, total):.2f} s/file, "
        f"{seconds / max(1, pages):.2f} s/page"
    )
    return {
        "files": total,
        "read": n,
        "fields": {name: {"ok": ok[name], "value_right": value[name], **dict(counts[name])} for name in FIELDS},
        "silent_errors": silent,
        "needless_marks": needless,
        "seconds": round(seconds, 2),
        "pages": pages,
        "s_per_file": round(seconds / max(1, total), 3),
        "s_per_page": round(seconds / max(1, pages), 3),
    }


def _detail_line(m: Measured) -> str:
    if m.fields is None:
        return f"  {m.name[:46]:46} TỪ CHỐI {m.refused[:100]}"
    cells = " ".join(f"{name}={_cell(m.fields[name])}" for name in FIELDS)
    per_page = m.seconds / max(1, m.pages)
    return f"  {m.name[:46]:46} {m.kind:8} {m.pages:3}p {m.seconds:6.2f}s {per_page:5.2f}s/p  {cells}"


def _misses(m: Measured) -> list[str]:
    out = []
    for name, j in (m.fields or {}).items():
        if not j.ok:
            out.append(f"      {name} [{j.outcome}, {j.confidence:.2f}]: got {j.got[:110]!r} want {j.want[:110]!r}")
    return out


def run_samples(folder: Path, cap: float | None) -> dict[str, Any]:
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    measured = []
    print(f"[samples] {folder}")
    for doc in expected["documents"]:
        gold = sample_gold(doc)
        m = measure(folder / doc["file"], gold, doc.get("kind", ""), doc.get("kind", ""), cap)
        measured.append(m)
        print(_detail_line(m) + f"  [{m.encoding or '-'}]")
        for line in _misses(m):
            print(line)
    passed = _passed(measured)
    print(f"[samples] every field right or rightly marked: {passed}/{len(measured)} samples")
    result = _summary(measured, "samples")
    result["passed"] = passed
    result["per_file"] = [_as_json(m) for m in measured]
    return result


def _passed(measured: list[Measured]) -> int:
    """Files read with every field right or rightly marked."""
    return sum(1 for m in measured if m.fields and all(j.ok for j in m.fields.values()))


def _as_json(m: Measured) -> dict[str, Any]:
    return {
        "file": m.name,
        "kind": m.kind,
        "group": m.group,
        "pages": m.pages,
        "seconds": round(m.seconds, 3),
        "reader": m.reader,
        "encoding": m.encoding,
        "refused": m.refused or None,
        "fields": (
            {
                name: {"outcome": j.outcome, "ok": j.ok, "value_right": j.value_right, "confidence": j.confidence}
                for name, j in m.fields.items()
            }
            if m.fields
            else None
        ),
    }


def material_rows(material: Path, half: str) -> list[dict[str, Any]]:
    manifest = material / "manifest.yaml"
    if not manifest.exists():
        return []
    rows = (yaml.safe_load(manifest.read_text(encoding="utf-8")) or {}).get("files") or []
    if half == "all":
        return list(rows)
    return [r for r in rows if bool(r.get("held_out")) == (half == "heldout")]


def run_material(material: Path, half: str, cap: float | None, misses: int) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for which in ("dev", "heldout") if half == "all" else (half,):
        rows = material_rows(material, which)
        label = f"material {which}"
        if not rows:
            print(f"[{label}] no files (run benchmarks/ingest_material.py)")
            continue
        measured = []
        by_variant: dict[str, list[Measured]] = defaultdict(list)
        shown = 0
        for row in rows:
            gold = material_gold(row)
            m = measure(material / row["file"], gold, row["kind"], row["variant"], cap)
            measured.append(m)
            by_variant[row["variant"]].append(m)
            print(_detail_line(m))
            if shown < misses and (lines := _misses(m)):
                for line in lines:
                    print(line)
                shown += 1
        passed = _passed(measured)
        print(f"[{label}] every field right or rightly marked: {passed}/{len(measured)} files")
        figures = _summary(measured, label)
        figures["passed"] = passed
        figures["variants"] = {}
        for variant, ms in sorted(by_variant.items()):
            ok = {name: sum(m.fields[name].ok for m in ms if m.fields) for name in FIELDS}
            per_field = [f"{name} {ok[name]}/{len(ms)}" for name in FIELDS]
            seconds = sum(m.seconds for m in ms)
            pages = sum(m.pages for m in ms)
            print(
                f"[{label}] {variant:16} {len(ms):2} files: {', '.join(per_field)}; {seconds / len(ms):.2f} s/file, "
                f"{seconds / max(1, pages):.2f} s/page"
            )
            figures["variants"][variant] = {
                "files": len(ms),
                "fields": ok,
                "s_per_file": round(seconds / len(ms), 3),
            }
        figures["per_file"] = [_as_json(m) for m in measured]
        result[which] = figures
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--material", type=Path, default=DEFAULT_MATERIAL)
    parser.add_argument("--half", choices=["dev", "heldout", "all"], default="dev")
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    parser.add_argument("--only", default="speed,samples,material", help="which parts, comma-separated")
    parser.add_argument("--misses", type=int, default=40, help="print the misses of the first N material files")
    parser.add_argument("--raw-confidence", action="store_true", help="do not cap OCR'd numbers and days")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    parts = {p.strip() for p in args.only.split(",")}
    cap = None if args.raw_confidence else OCR_DIGITS
    print(
        f"review marks: confidence < {SURE}"
        + (f"; on OCR'd files the number and the day at most {cap} (the draft's OCR_DIGITS)" if cap is not None else "")
    )
    result: dict[str, Any] = {}
    started = time.perf_counter()
    if "speed" in parts:
        t = time.perf_counter()
        result["speed"] = speed(material_rows(args.material, args.half), args.material)
        print(f"[speed] took {time.perf_counter() - t:.1f} s")
    if "samples" in parts:
        if (args.samples / "expected.yaml").exists():
            t = time.perf_counter()
            result["samples"] = run_samples(args.samples, cap)
            print(f"[samples] took {time.perf_counter() - t:.1f} s")
        else:
            print(f"[samples] no expected.yaml in {args.samples}")
    if "material" in parts:
        t = time.perf_counter()
        result["material"] = run_material(args.material, args.half, cap, args.misses)
        print(f"[material] took {time.perf_counter() - t:.1f} s")
    print(f"total {time.perf_counter() - started:.1f} s")
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
