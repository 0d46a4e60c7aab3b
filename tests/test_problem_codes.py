"""Every problem code of the registry is triggered by a small, realistic mistake.

Each case starts from a tiny valid corpus written here (two documents, one full text) and makes
one mistake a user makes; `check` must report the code, with the file (and line, where the
mistake is on one). A code added to problems.CODES without a case here fails the first test.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from vanban.pipeline import check
from vanban.problems import CODES, Problem

ISSUERS = """\
bct:
  name: Ban Chấp hành Trung ương Đảng
  level: trung-uong
  system: dang
tu-hau-giang:
  name: Tỉnh ủy Hậu Giang
  level: tinh
  system: dang
  region: hau-giang
"""
NQ = """\
symbol: 04-NQ/TW
type: nghi-quyet
issuer: bct
date: 2016-10-30
term: XII
title: Về tăng cường xây dựng, chỉnh đốn Đảng
sources: [mau]
"""
CT = """\
symbol: 79-CT/TU
type: chi-thi
issuer: tu-hau-giang
date: 2017-02-07
relations:
  - type: thuc-hien
    target: 04-nq-tw-2016
sources: [mau]
"""
TEXT = "Thực hiện Nghị quyết số 04-NQ/TW ngày 30/10/2016 của Ban Chấp hành Trung ương Đảng khóa XII.\n"


def write_corpus(root: Path) -> Path:
    (root / "documents").mkdir(parents=True)
    (root / "texts").mkdir()
    (root / "issuers.yaml").write_text(ISSUERS, encoding="utf-8")
    (root / "regions.yaml").write_text("hau-giang: Tỉnh Hậu Giang\n", encoding="utf-8")
    (root / "sources.yaml").write_text("mau:\n  title: Dữ liệu mẫu của bài kiểm thử\n", encoding="utf-8")
    (root / "documents" / "04-nq-tw-2016.yaml").write_text(NQ, encoding="utf-8")
    (root / "documents" / "79-ct-tu-hau-giang-2017.yaml").write_text(CT, encoding="utf-8")
    (root / "texts" / "79-ct-tu-hau-giang-2017.txt").write_text(TEXT, encoding="utf-8")
    return root


def doc(root: Path, name: str = "04-nq-tw-2016") -> Path:
    return root / "documents" / f"{name}.yaml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def new_doc(root: Path, name: str, text: str) -> None:
    doc(root, name).write_text(text, encoding="utf-8")


CT_TEXT = "texts/79-ct-tu-hau-giang-2017.txt"
Case = Callable[[Path], Path | None]

# code → the mistake (it may return another folder to check, for no-data).
CASES: dict[str, Case] = {
    "no-data": lambda r: r / "khong-co",
    # "Về" as cp1258 writes it: V, ê, combining grave (0xCC) — not UTF-8.
    "encoding": lambda r: (
        doc(r).write_bytes(NQ.replace("Về", "V").encode("utf-8").replace(b"V t", b"V\xea\xcc t")) and None
    ),
    "unreadable": lambda r: (r / CT_TEXT).write_bytes(b"Th\xf1c hi\xean \xff") and None,
    "yaml-syntax": lambda r: append(doc(r), "aliases: [chưa đóng\n"),
    "wrong-type": lambda r: append(doc(r), "topics: {a: b}\n"),
    "duplicate-key": lambda r: append(doc(r), "title: Lần nữa\n"),
    "unknown-field": lambda r: append(doc(r), "titel: Gõ nhầm\n"),
    "missing-field": lambda r: edit(doc(r), "issuer: bct\n", ""),
    "bad-date": lambda r: edit(doc(r), "date: 2016-10-30", "date: 2016-02-30"),
    "bad-id": lambda r: new_doc(r, "Nghi quyet 04", NQ),
    "duplicate-id": lambda r: (r / "documents" / "04-nq-tw-2016.yml").write_text(NQ, encoding="utf-8") and None,
    "orphan-text": lambda r: (r / "texts" / "khong-co-2017.txt").write_text("…", encoding="utf-8") and None,
    "unknown-type": lambda r: edit(doc(r), "type: nghi-quyet", "type: nghiquyet"),
    "unknown-status": lambda r: append(doc(r), "status: het-hieu-luc-1-phan\n"),
    "unknown-relation": lambda r: edit(doc(r, "79-ct-tu-hau-giang-2017"), "type: thuc-hien", "type: trien-khai"),
    "unknown-level": lambda r: edit(r / "issuers.yaml", "level: tinh\n", "level: tinh-uy\n"),
    "unknown-system": lambda r: edit(r / "issuers.yaml", "system: dang\n", "system: chinh-quyen\n"),
    "unknown-region": lambda r: edit(r / "regions.yaml", "hau-giang:", "can-tho:"),
    "unknown-issuer": lambda r: edit(doc(r), "issuer: bct", "issuer: bct-khong-co"),
    "unknown-source": lambda r: edit(doc(r), "sources: [mau]", "sources: [bao-nhan-dan]"),
    "unusual-symbol": lambda r: edit(doc(r), "symbol: 04-NQ/TW", "symbol: NQ 04 TW"),
    "symbol-type-mismatch": lambda r: edit(doc(r, "79-ct-tu-hau-giang-2017"), "type: chi-thi", "type: ke-hoach"),
    "symbol-year-mismatch": lambda r: new_doc(
        r, "59-2023-nd-cp", "symbol: 59/2023/NĐ-CP\ntype: nghi-dinh\nissuer: bct\ndate: 2022-08-17\nsources: [mau]\n"
    ),
    "id-mismatch": lambda r: doc(r).rename(doc(r, "04-nq-tw")) and None,
    "bad-term": lambda r: edit(doc(r), "term: XII", "term: 12"),
    "date-order": lambda r: append(doc(r), "effective: 2015-01-01\n"),
    "unknown-target": lambda r: edit(
        doc(r, "79-ct-tu-hau-giang-2017"), "target: 04-nq-tw-2016", "target: 04-nq-tw-2061"
    ),
    "self-relation": lambda r: edit(
        doc(r, "79-ct-tu-hau-giang-2017"), "target: 04-nq-tw-2016", "target: 79-ct-tu-hau-giang-2017"
    ),
    "duplicate-relation": lambda r: edit(
        doc(r, "79-ct-tu-hau-giang-2017"),
        "relations:\n",
        "relations:\n  - type: thuc-hien\n    target: 04-nq-tw-2016\n",
    ),
    "relation-date-order": lambda r: edit(doc(r, "79-ct-tu-hau-giang-2017"), "date: 2017-02-07", "date: 2015-02-07"),
    "duplicate-symbol": lambda r: new_doc(r, "04-nq-tw-2016-ban-sao", NQ),
    "relation-cycle": lambda r: (
        append(doc(r), "relations:\n  - type: thay-the\n    target: 79-ct-tu-hau-giang-2017\n")
        or edit(doc(r, "79-ct-tu-hau-giang-2017"), "type: thuc-hien", "type: thay-the")
    ),
    "stale-acknowledgement": lambda r: append(doc(r), "acknowledged:\n  unusual-symbol: ký hiệu lạ trong nguồn\n"),
    "uncovered-citation": lambda r: edit(
        doc(r, "79-ct-tu-hau-giang-2017"), "relations:\n  - type: thuc-hien\n    target: 04-nq-tw-2016\n", ""
    ),
    "cited-date-mismatch": lambda r: edit(r / CT_TEXT, "30/10/2016", "30/10/2015"),
    "ambiguous-citation": lambda r: (
        new_doc(r, "04-nq-tw-2011", NQ.replace("2016-10-30", "2011-05-10").replace("term: XII\n", ""))
        or edit(r / CT_TEXT, " ngày 30/10/2016 của Ban Chấp hành Trung ương Đảng khóa XII", "")
    ),
    "unresolved-citation": lambda r: append(r / CT_TEXT, "Căn cứ Nghị quyết số 18-NQ/TW ngày 25/10/2017.\n"),
    "impossible-cited-date": lambda r: edit(r / CT_TEXT, "30/10/2016", "31/02/2016"),
}


def test_every_registered_code_has_a_case_and_no_case_is_unknown():
    assert set(CASES) == set(CODES)


def test_the_tiny_corpus_is_clean(tmp_path):
    checked = check(write_corpus(tmp_path / "data"))
    assert checked.problems == []


@pytest.mark.parametrize("code", sorted(CASES))
def test_code_is_reported_with_its_file(code, tmp_path):
    root = write_corpus(tmp_path / "data")
    other = CASES[code](root)
    checked = check(other if isinstance(other, Path) else root)
    found = [p for p in checked.problems if p.code == code]
    assert found, f"{code} not reported; got {[p.code for p in checked.problems]}"
    for problem in found:
        assert problem.file, problem
        assert problem.message, problem
        assert problem.hint or code == "unreadable", problem
    if code not in {"no-data", "encoding", "unreadable", "bad-id", "duplicate-id", "orphan-text", "id-mismatch"}:
        assert all(p.line for p in found), found


def test_an_unregistered_code_is_a_programming_error():
    with pytest.raises(ValueError, match=r"not in problems\.CODES"):
        Problem("made-up-code", "…")
