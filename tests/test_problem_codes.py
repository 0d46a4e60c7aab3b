"""Every problem code of the registry is triggered by a small, realistic mistake.

Each case starts from a tiny valid corpus written here (two documents, one full text) and makes
one mistake a user makes; `check` must report the code, with the file (and line, where the
mistake is on one). A code added to problems.CODES without a case here fails the first test.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.tiny import NQ, TEXT, write_corpus
from vanban.pipeline import check
from vanban.problems import CODES, Problem


def test_a_figure_is_a_number_of_its_own_in_a_whole_sentence(tmp_path: Path) -> None:
    """ "2" is not in "02 đợt", "1" is not in "năm 1960"; a quote of blanks or of the number alone is no source."""
    root = write_corpus(tmp_path)
    append(
        doc(root, "79-ct-tu-hau-giang-2017"),
        "figures:\n"
        "  - {label: đợt, value: '2', quote: Thực hiện Nghị quyết số 04-NQ/TW ngày 30/10/2016}\n"
        "  - {label: trống, value: ' ', quote: '   '}\n"
        "  - {label: số, value: '04', quote: '04'}\n"
        "  - {label: ngày, value: '30/10/2016', quote: Thực hiện Nghị quyết số 04-NQ/TW ngày 30/10/2016}\n",
    )
    found = [(p.code, p.field) for p in check(root).problems if p.code.startswith("figure-")]
    assert ("figure-not-in-quote", "figures[0]") in found
    assert ("figure-not-in-quote", "figures[1]") in found and ("figure-unsourced", "figures[1]") in found
    assert ("figure-unsourced", "figures[2]") in found
    assert not [f for f in found if f[1] == "figures[3]"]


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
# Ten levels of ten: 10^10 values once expanded, a few hundred bytes as written.
ALIAS_BOMB = "aliases: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"notes: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 10)
)


DRAFT = "draft:\n  reader: OCR (tesseract, tiếng Việt)\n  fields:\n    title: {confidence: 0.5, reason: chữ mờ}\n"


def orphan_original(root: Path) -> None:
    (root / "originals").mkdir()
    (root / "originals" / "khong-co-2017.pdf").write_bytes(b"%PDF-1.4\n")


def texts_as_a_file(root: Path) -> None:
    (root / CT_TEXT).unlink()
    (root / "texts").rmdir()
    (root / "texts").write_text(TEXT, encoding="utf-8")


def link_outside(root: Path) -> None:
    outside = root.parent / "ngoai-du-lieu.txt"
    outside.write_text(TEXT, encoding="utf-8")
    (root / CT_TEXT).unlink()
    (root / CT_TEXT).symlink_to(outside)


# code → the mistake (it may return another folder to check, for no-data).
CASES: dict[str, Case] = {
    "no-data": lambda r: r / "khong-co",
    # "Về" as cp1258 writes it: V, ê, combining grave (0xCC) — not UTF-8.
    "encoding": lambda r: (
        doc(r).write_bytes(NQ.replace("Về", "V").encode("utf-8").replace(b"V t", b"V\xea\xcc t")) and None
    ),
    "unreadable": texts_as_a_file,
    "empty-file": lambda r: doc(r).write_text("# chỉ có chú thích\n", encoding="utf-8") and None,
    "over-limit": lambda r: append(doc(r), ALIAS_BOMB),
    "link-outside-data": link_outside,
    "ignored-file": lambda r: (r / "documents" / "04-nq-tw-2016.yaml.bak").write_text(NQ, encoding="utf-8") and None,
    "too-many-problems": lambda r: append(doc(r), "".join(f"truong-la-{i}: x\n" for i in range(60))),
    "future-date": lambda r: edit(doc(r), "date: 2016-10-30", "date: 2099-10-30"),
    "topic-variant": lambda r: (
        append(doc(r), "topics: [Xây dựng Đảng]\n")
        or append(doc(r, "79-ct-tu-hau-giang-2017"), "topics: [xây dựng đảng]\n")
    ),
    "bad-topic": lambda r: append(doc(r), "topics: ['---']\n"),
    "figure-not-in-quote": lambda r: append(
        doc(r, "79-ct-tu-hau-giang-2017"),
        "figures:\n  - {label: văn bản được thực hiện, value: '05', quote: Thực hiện Nghị quyết số 04-NQ/TW}\n",
    ),
    "figure-unsourced": lambda r: append(
        doc(r, "79-ct-tu-hau-giang-2017"),
        "figures:\n  - {label: mô hình dân vận khéo, value: '196', quote: toàn tỉnh có 196 mô hình dân vận khéo}\n",
    ),
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
    # A full text of 6 MB (the limit is citations.MAX_TEXT_BYTES, 5 MB): refused, not read for minutes.
    "draft-unreviewed": lambda r: append(doc(r), DRAFT),
    "bad-original": orphan_original,
    "missing-original": lambda r: append(doc(r), DRAFT + "  original: 04-nq-tw-2016.pdf\n"),
    "text-too-large": lambda r: append(r / CT_TEXT, "Nội dung báo cáo, không trích dẫn văn bản nào.\n" * 120_000),
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
    no_line = {
        "no-data",
        "encoding",
        "unreadable",
        "bad-id",
        "duplicate-id",
        "orphan-text",
        "id-mismatch",
        "bad-original",
    }
    if code not in no_line | {"link-outside-data", "ignored-file", "too-many-problems"}:
        assert all(p.line for p in found), found


def test_an_unregistered_code_is_a_programming_error():
    with pytest.raises(ValueError, match=r"not in problems\.CODES"):
        Problem("made-up-code", "…")
