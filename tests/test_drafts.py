"""Drafts: documents an automatic import wrote into data/ and nobody has reviewed yet.

A draft carries a `draft:` block (how it was read, the confidence of each machine-read field,
relations suggested by its text). It loads, builds and is searchable; `check` warns about it, so
`check --strict` fails until it is reviewed; `review` lists drafts and `accept` marks fields, or
the whole document, as reviewed by editing the YAML file and nothing else in it. Its page says at
the top that it is a draft, and links "Bản gốc" to a copy of the original file.

Every corpus here is the tiny one of tests/tiny.py with a draft added: tests never read data/.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest
import yaml

from tests.tiny import write_corpus
from vanban import vocab
from vanban.export import to_jsonld
from vanban.graph import build_graph
from vanban.load import MAX_ORIGINAL_BYTES, load_corpus, read_original
from vanban.pipeline import build_site, check
from vanban.review import ReviewError, UnknownDraftField, accept, drafts
from vanban.schema import UNKNOWN_ISSUER
from vanban.site.packs import report_body
from vanban.studypack import UNKNOWN_PLACE, implementation_report

DRAFT_ID = "565-tb-ubnd-hau-giang-2024"  # the id its symbol, year and (once known) issuer give
ORIGINAL = f"{DRAFT_ID}.pdf"
PDF = b"%PDF-1.4\n% ban goc\n" + bytes(range(256))
# As `vanban ingest` writes a draft whose issuer is not in issuers.yaml (no `issuer:`), with the
# comments and layout a person may have left in it since.
DRAFT = f"""\
# Bản nháp do `vanban ingest` đọc bằng máy. Xem lại từng trường.
symbol: 565/TB-UBND
type: thong-bao
date: 2024-11-15
place: Hậu Giang
title: Kết luận của Chủ tịch Ủy ban nhân dân tỉnh  # máy đọc, còn lẫn thân văn bản?
signer: {{name: Phùng Tô Long, capacity: "TL. Chủ tịch, KT. Chánh văn phòng, Phó Chánh văn phòng"}}
sources:
  - site: tệp gốc do người dùng nhập
    note: pdftext_tb565.pdf, nhập ngày 2024-12-01
draft:
  reader: lớp chữ của PDF (pdftotext)
  file: pdftext_tb565-2024-ubnd.pdf
  original: {ORIGINAL}
  sha256: 9f2c0000
  ingested: '2024-12-01'
  issuer_text: ỦY BAN NHÂN DÂN / TỈNH HẬU GIANG
  fields:
    date:
      confidence: 0.95
    signer: {{confidence: 0.9}}
    # the title runs into the body on this layout
    title:
      confidence: 0.6
      reason: trích yếu có thể lẫn phần thân văn bản
    symbol:
      confidence: 0.7
      reason: 'đọc bằng OCR: số có thể viết tay'
  relations:
  - type: thuc-hien
    target: 04-nq-tw-2016
    cited: Nghị quyết số 04-NQ/TW
    sentence: Thực hiện Nghị quyết số 04-NQ/TW ngày 30/10/2016 của Ban Chấp hành Trung ương Đảng khóa
      XII về tăng cường xây dựng, chỉnh đốn Đảng.
  - type: can-cu
    target: Quyết định số 18/2024/QĐ-UBND
    cited: Quyết định số 18/2024/QĐ-UBND
    sentence: Căn cứ Quyết định số 18/2024/QĐ-UBND của Ủy ban nhân dân tỉnh.

# ghi chú của người biên soạn, sau khối draft
notes:
  - Văn bản nhập từ tệp PDF có lớp chữ.
"""


def draft_corpus(root: Path, text: str = DRAFT, original: bool = True) -> Path:
    write_corpus(root)
    (root / "documents" / f"{DRAFT_ID}.yaml").write_text(text, encoding="utf-8")
    if original:
        (root / "originals").mkdir()
        (root / "originals" / ORIGINAL).write_bytes(PDF)
    return root


def draft_file(root: Path) -> Path:
    return root / "documents" / f"{DRAFT_ID}.yaml"


def with_issuer(text: str = DRAFT) -> str:
    return text.replace("type: thong-bao\n", "type: thong-bao\nissuer: tu-hau-giang  # đã đối chiếu\n")


def codes(root: Path) -> list[str]:
    return sorted(p.code for p in check(root).problems)


def without_lines(text: str, *fragments: str) -> str:
    """text without the lines that start with each fragment (each must be there once)."""
    for fragment in fragments:
        assert text.count(fragment) == 1, fragment
        text = text.replace(fragment, "")
    return text


# -- loading ---------------------------------------------------------------------------------------


def test_a_draft_loads_with_its_marks_suggestions_and_original(tmp_path):
    corpus, problems = load_corpus(draft_corpus(tmp_path / "data"))
    assert problems.items == []
    doc = corpus.documents[DRAFT_ID]
    draft = doc.draft
    assert draft is not None and draft.reader == "lớp chữ của PDF (pdftotext)"
    assert draft.file == "pdftext_tb565-2024-ubnd.pdf" and draft.original == ORIGINAL and draft.sha256 == "9f2c0000"
    assert draft.ingested is not None and draft.ingested.iso() == "2024-12-01"
    assert [(name, mark.confidence) for name, mark in draft.uncertain()] == [("title", 0.6), ("symbol", 0.7)]
    assert draft.fields["date"].confidence == 0.95 and not draft.is_uncertain("date")
    assert draft.fields["title"].reason == "trích yếu có thể lẫn phần thân văn bản"
    assert [(s.type, s.target) for s in draft.relations] == [
        ("thuc-hien", "04-nq-tw-2016"),
        ("can-cu", "Quyết định số 18/2024/QĐ-UBND"),
    ]
    assert draft.relations[0].sentence.endswith("khóa XII về tăng cường xây dựng, chỉnh đốn Đảng.")
    assert doc.originals == (ORIGINAL,)
    # Suggestions are not relations: no edge in the graph.
    assert doc.relations == ()
    assert build_graph(corpus).number_of_edges() == 1  # the tiny corpus's own relation only


def test_a_draft_without_issuer_gets_the_reserved_one_and_an_honest_level(tmp_path):
    corpus, _ = load_corpus(draft_corpus(tmp_path / "data"))
    assert corpus.documents[DRAFT_ID].issuer == UNKNOWN_ISSUER
    issuer = corpus.issuers[UNKNOWN_ISSUER]
    assert issuer.name == "Cơ quan ban hành chưa xác định"
    assert issuer.level == vocab.UNKNOWN and issuer.system == vocab.UNKNOWN
    assert issuer.level not in vocab.LEVELS and vocab.LEVEL_LABELS[issuer.level] == "Chưa rõ cấp"
    # No id-mismatch (the region, hence the id, is unknown) and nothing but the draft warning.
    assert codes(tmp_path / "data") == ["draft-unreviewed"]


def test_a_draft_with_its_issuer_uses_it_and_no_reserved_issuer_appears(tmp_path):
    corpus, problems = load_corpus(draft_corpus(tmp_path / "data", with_issuer()))
    assert problems.items == []
    assert corpus.documents[DRAFT_ID].issuer == "tu-hau-giang"
    assert UNKNOWN_ISSUER not in corpus.issuers


def test_only_a_draft_may_leave_out_its_issuer_or_use_the_reserved_key(tmp_path):
    root = draft_corpus(tmp_path / "data")
    path = draft_file(root)
    no_draft = DRAFT[: DRAFT.index("draft:\n")]
    path.write_text(no_draft, encoding="utf-8")
    assert "missing-field" in codes(root)
    path.write_text(no_draft.replace("type: thong-bao\n", f"type: thong-bao\nissuer: {UNKNOWN_ISSUER}\n"))
    found = [p for p in check(root).problems if p.code == "unknown-issuer"]
    assert found and "chỉ dành cho bản nháp" in found[0].message and found[0].line == 4


def test_issuers_yaml_may_not_take_the_reserved_key(tmp_path):
    root = draft_corpus(tmp_path / "data")
    with open(root / "issuers.yaml", "a", encoding="utf-8") as f:
        f.write(f"{UNKNOWN_ISSUER}:\n  name: Giả\n  level: tinh\n  system: dang\n")
    problems = [p for p in check(root).problems if p.code == "bad-id"]
    assert problems and "dành riêng" in problems[0].message and problems[0].line


def test_a_draft_of_an_unknown_issuer_is_no_duplicate_of_a_document_with_its_symbol(tmp_path):
    root = draft_corpus(tmp_path / "data")
    text = DRAFT.replace("symbol: 565/TB-UBND", "symbol: 79-CT/TU").replace("type: thong-bao", "type: chi-thi")
    draft_file(root).write_text(text.replace("date: 2024-11-15", "date: 2017-02-07"), encoding="utf-8")
    assert codes(root) == ["draft-unreviewed"]


# -- check -----------------------------------------------------------------------------------------


def test_check_warns_about_each_draft_so_strict_fails(tmp_path, cli):
    root = draft_corpus(tmp_path / "data")
    [problem] = check(root).problems
    assert problem.code == "draft-unreviewed" and problem.severity == "warning"
    assert problem.file.endswith(f"{DRAFT_ID}.yaml") and problem.line == 11 and problem.field == "draft"
    assert "title (0.6: trích yếu có thể lẫn phần thân văn bản)" in problem.message
    assert "symbol (0.7: đọc bằng OCR" in problem.message and "date" not in problem.message.split("cần xem lại")[1]
    assert "chưa xác định cơ quan ban hành (đầu văn bản ghi: ỦY BAN NHÂN DÂN / TỈNH HẬU GIANG)" in problem.message
    assert "2 quan hệ gợi ý" in problem.message and f"vanban accept {DRAFT_ID}" in problem.hint
    code, out, _ = cli("check", "--data", str(root))
    assert code == 0 and "CẢNH BÁO" in out and "1 cảnh báo" in out
    code, _, _ = cli("check", "--strict", "--data", str(root))
    assert code == 1
    # Reviewed: the issuer written, the whole draft accepted: strict passes.
    draft_file(root).write_text(with_issuer(), encoding="utf-8")
    assert cli("accept", DRAFT_ID, "--data", str(root))[0] == 0
    code, out, _ = cli("check", "--strict", "--data", str(root))
    assert code == 0, out


def test_a_draft_cannot_be_acknowledged_instead_of_reviewed(tmp_path, cli):
    root = draft_corpus(tmp_path / "data")
    with open(draft_file(root), "a", encoding="utf-8") as f:
        f.write("acknowledged:\n  draft-unreviewed: đã xem rồi\n")
    found = {p.code: p for p in check(root).problems}
    assert found["draft-unreviewed"].severity == "warning"
    assert "không ghi nhận được" in found["stale-acknowledgement"].message
    assert cli("check", "--strict", "--data", str(root))[0] == 1


# -- review and accept -----------------------------------------------------------------------------


def test_review_lists_drafts_with_their_uncertain_fields_and_suggestions(tmp_path, cli):
    root = draft_corpus(tmp_path / "data")
    [item] = drafts(check(root).corpus)
    assert item.id == DRAFT_ID and [n for n, _ in item.uncertain] == ["title", "symbol"] and not item.issuer_known
    code, out, err = cli("review", "--data", str(root))
    assert code == 0, err
    assert out.startswith("1 bản nháp chưa được xem xét:")
    assert f"{DRAFT_ID} — Thông báo 565/TB-UBND, 15/11/2024" in out
    assert f"{DRAFT_ID}.yaml:11" in out
    assert "đọc bằng lớp chữ của PDF (pdftotext) từ pdftext_tb565-2024-ubnd.pdf, nhập ngày 01/12/2024" in out
    assert f"bản gốc: originals/{ORIGINAL}" in out
    assert "cần xem lại: title (0.6: trích yếu có thể lẫn phần thân văn bản); symbol (0.7: đọc bằng OCR" in out
    assert "cơ quan ban hành: chưa xác định (đầu văn bản ghi: ỦY BAN NHÂN DÂN / TỈNH HẬU GIANG)" in out
    assert "quan hệ gợi ý: 2" in out
    assert "vanban accept ID" in out


def test_review_without_drafts_says_so(tmp_path, cli):
    code, out, _ = cli("review", "--data", str(write_corpus(tmp_path / "data")))
    assert code == 0 and out.strip() == "0 bản nháp chưa được xem xét."


def test_accept_fields_removes_only_their_entries_byte_for_byte(tmp_path, cli):
    root = draft_corpus(tmp_path / "data")
    code, out, err = cli("accept", DRAFT_ID, "title", "date", "--data", str(root))
    assert code == 0, err
    assert "Đã xác nhận title, date" in out and "Còn cần xem lại: symbol" in out
    expected = without_lines(
        DRAFT,
        "    date:\n      confidence: 0.95\n",
        "    title:\n      confidence: 0.6\n      reason: trích yếu có thể lẫn phần thân văn bản\n",
    )  # the comment above `title:` stays: only the entry's own lines go
    assert draft_file(root).read_text(encoding="utf-8") == expected
    [item] = drafts(check(root).corpus)
    assert [n for n, _ in item.uncertain] == ["symbol"]
    # The last marks: the `fields:` entry goes with them.
    assert cli("accept", DRAFT_ID, "symbol", "signer", "--data", str(root))[0] == 0
    text = draft_file(root).read_text(encoding="utf-8")
    assert "  fields:" not in text and "confidence" not in text
    assert text == expected[: expected.index("  fields:\n")] + expected[expected.index("  relations:\n") :]
    assert check(root).corpus.documents[DRAFT_ID].draft is not None  # still a draft: not reviewed yet


def test_accept_without_fields_removes_the_whole_draft_block_and_nothing_else(tmp_path, cli):
    root = draft_corpus(tmp_path / "data", with_issuer())
    code, out, err = cli("accept", DRAFT_ID, "--data", str(root))
    assert code == 0, err
    assert "văn bản đã được xem xét" in out
    assert "bỏ quan hệ gợi ý: thuc-hien → 04-nq-tw-2016 («Nghị quyết số 04-NQ/TW»)" in out
    text = with_issuer()
    start, end = text.index("draft:\n"), text.index("\n# ghi chú của người biên soạn")
    # draft.original stays, as the document's own `original:`, where the block was
    assert draft_file(root).read_text(encoding="utf-8") == text[:start] + f"original: {ORIGINAL}\n" + text[end:]
    corpus = check(root).corpus
    assert corpus.documents[DRAFT_ID].draft is None
    assert corpus.documents[DRAFT_ID].original == ORIGINAL and corpus.documents[DRAFT_ID].originals == (ORIGINAL,)


def test_accept_keeps_line_endings_byte_order_mark_and_file_mode(tmp_path):
    root = draft_corpus(tmp_path / "data", with_issuer())
    path = draft_file(root)
    path.write_bytes(b"\xef\xbb\xbf" + with_issuer().replace("\n", "\r\n").encode("utf-8"))
    path.chmod(0o600)
    accept(root, DRAFT_ID, ["title"])
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    assert b"title:\r\n      confidence: 0.6" not in data and b"symbol:\r\n      confidence: 0.7" in data
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    done = accept(root, DRAFT_ID)
    assert done.reviewed and b"draft:" not in path.read_bytes() and b"notes:" in path.read_bytes()
    assert f"\r\noriginal: {ORIGINAL}\r\n".encode() in path.read_bytes() and done.original == ORIGINAL


def test_accept_edits_what_ingest_writes_long_lines_folded(tmp_path):
    """The layout of yaml.safe_dump (lists at the key's column, long strings folded) as ingest writes it."""
    data = yaml.safe_load(with_issuer())
    data["draft"]["fields"]["title"]["reason"] = "trích yếu có thể lẫn phần thân văn bản " * 5
    data["notes"] = ["Sau khối draft."]
    root = draft_corpus(tmp_path / "data", yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))
    accept(root, DRAFT_ID, ["title", "symbol"])
    after = yaml.safe_load(draft_file(root).read_text(encoding="utf-8"))
    assert list(after["draft"]["fields"]) == ["date", "signer"]
    assert {k: v for k, v in after.items() if k != "draft"} == {k: v for k, v in data.items() if k != "draft"}
    accept(root, DRAFT_ID)
    after = yaml.safe_load(draft_file(root).read_text(encoding="utf-8"))
    assert after == {k: v for k, v in data.items() if k != "draft"} | {"original": ORIGINAL}
    assert list(after) == [*(k for k in data if k not in ("draft", "notes")), "original", "notes"]


def test_accept_a_field_of_a_flow_mapping_keeps_the_others_as_written(tmp_path):
    text = with_issuer(
        DRAFT[: DRAFT.index("  fields:\n")]
        + "  fields: {date: {confidence: 0.95}, title: {confidence: 0.6, reason: 'lẫn, thân'},"
        " symbol: {confidence: 1}}\n"
    )
    root = draft_corpus(tmp_path / "data", text)
    accept(root, DRAFT_ID, ["title"])
    assert draft_file(root).read_text(encoding="utf-8") == text.replace(
        "{date: {confidence: 0.95}, title: {confidence: 0.6, reason: 'lẫn, thân'}, symbol: {confidence: 1}}",
        "{date: {confidence: 0.95}, symbol: {confidence: 1}}",
    )


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("titel",), 2, r"không đánh dấu trường 'titel' \(có phải 'title'\?\); các trường được đánh dấu: date, signer"),
        (("title", "place"), 2, r"không đánh dấu trường 'place'"),
        ((), 1, r"chưa có cơ quan ban hành: ghi `issuer: <khóa trong data/issuers\.yaml>`"),
    ],
    ids=["typo", "not-marked", "no-issuer-yet"],
)
def test_accept_refuses_with_a_message_and_changes_nothing(tmp_path, cli, args, code, message):
    root = draft_corpus(tmp_path / "data")
    before = draft_file(root).read_bytes()
    got, out, err = cli("accept", DRAFT_ID, *args, "--data", str(root))
    assert got == code and out == ""
    assert re.search(message, err) and "Tệp không bị thay đổi" in err, err
    assert draft_file(root).read_bytes() == before


def test_accept_refuses_unknown_ids_and_documents_that_are_no_drafts(tmp_path, cli):
    root = draft_corpus(tmp_path / "data")
    code, _, err = cli("accept", "565-tb-ubnd-hau-giang-2042", "--data", str(root))
    assert code == 2 and "Không tìm thấy văn bản '565-tb-ubnd-hau-giang-2042'" in err and DRAFT_ID in err
    before = (root / "documents" / "04-nq-tw-2016.yaml").read_bytes()
    code, _, err = cli("accept", "04-nq-tw-2016", "--data", str(root))
    assert code == 1 and "không phải bản nháp" in err
    assert (root / "documents" / "04-nq-tw-2016.yaml").read_bytes() == before
    with pytest.raises(UnknownDraftField):
        accept(root, DRAFT_ID, ["khong-co"])


def test_accept_refuses_a_file_with_broken_yaml(tmp_path):
    root = draft_corpus(tmp_path / "data")
    broken = DRAFT.replace("  reader: lớp", "  reader: [lớp")
    draft_file(root).write_text(broken, encoding="utf-8")
    with pytest.raises(ReviewError, match=r"\.yaml:\d+: lỗi YAML"):
        accept(root, DRAFT_ID, ["title"])
    assert draft_file(root).read_text(encoding="utf-8") == broken
    assert not [p for p in draft_file(root).parent.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_accept_refuses_a_file_it_cannot_edit_line_by_line(tmp_path):
    root = draft_corpus(tmp_path / "data")
    one_line = "{symbol: 565/TB-UBND, type: thong-bao, issuer: tu-hau-giang, sources: [mau], draft: {reader: OCR}}\n"
    draft_file(root).write_text(one_line, encoding="utf-8")
    with pytest.raises(ReviewError, match="không sửa được khối draft một cách an toàn"):
        accept(root, DRAFT_ID)
    assert draft_file(root).read_text(encoding="utf-8") == one_line


def test_accept_refuses_a_link_out_of_the_data_folder_as_check_does(tmp_path, cli):
    root = draft_corpus(tmp_path / "data")
    outside = tmp_path / "ngoai.yaml"
    outside.write_text(with_issuer(), encoding="utf-8")
    draft_file(root).unlink()
    draft_file(root).symlink_to(outside)
    assert "link-outside-data" in codes(root)
    code, out, err = cli("accept", DRAFT_ID, "--data", str(root))
    assert code == 1 and out == "" and "trỏ ra ngoài thư mục dữ liệu" in err and "Traceback" not in err
    with pytest.raises(ReviewError, match="ra ngoài thư mục dữ liệu"):
        accept(root, DRAFT_ID, ["title"])
    assert outside.read_text(encoding="utf-8") == with_issuer() and draft_file(root).is_symlink()
    # Only a data folder: the file itself is no way around the check.
    with pytest.raises(ReviewError, match="không thấy thư mục"):
        accept(outside, DRAFT_ID)
    # A link inside data/ is followed, as check follows it: the file it leads to is edited.
    inside = root / "giu" / "ban-nhap.yaml"
    inside.parent.mkdir()
    inside.write_text(with_issuer(), encoding="utf-8")
    draft_file(root).unlink()
    draft_file(root).symlink_to(inside)
    assert accept(root, DRAFT_ID).reviewed and "draft:" not in inside.read_text(encoding="utf-8")
    assert draft_file(root).is_symlink() and outside.read_text(encoding="utf-8") == with_issuer()


def test_accept_refuses_a_tab_after_a_colon_that_check_accepts(tmp_path, cli):
    text = with_issuer().replace("place: Hậu Giang", "place:\tHậu Giang")
    root = draft_corpus(tmp_path / "data", text)
    assert codes(root) == ["draft-unreviewed"]  # libyaml reads it
    for fields in ((), ("title",)):
        code, out, err = cli("accept", DRAFT_ID, *fields, "--data", str(root))
        assert code == 1 and out == "" and "Traceback" not in err
        assert "không sửa được an toàn" in err and "sửa tay" in err and "Tệp không bị thay đổi" in err
    assert draft_file(root).read_text(encoding="utf-8") == text


def test_accept_refuses_an_edit_that_would_leave_a_key_twice(tmp_path):
    """A quoted string wrapped by hand back to the left margin: the line that ends it looks like a key."""
    text = with_issuer().replace(
        "    cited: Quyết định số 18/2024/QĐ-UBND\n",
        '    cited: "Quyết định số 18/2024/QĐ-UBND,\nnotes: như trên"\n',
    )
    root = draft_corpus(tmp_path / "data", text)
    assert check(root).corpus.documents[DRAFT_ID].notes == ("Văn bản nhập từ tệp PDF có lớp chữ.",)
    with pytest.raises(ReviewError, match="không sửa được khối draft một cách an toàn"):
        accept(root, DRAFT_ID)
    assert draft_file(root).read_text(encoding="utf-8") == text
    # A key the file already has twice is refused before any edit, with its line.
    twice = with_issuer() + "notes: [lần hai]\n"
    draft_file(root).write_text(twice, encoding="utf-8")
    with pytest.raises(ReviewError, match=r"\.yaml:\d+: khóa 'notes' viết hai lần"):
        accept(root, DRAFT_ID, ["title"])
    assert draft_file(root).read_text(encoding="utf-8") == twice


@pytest.mark.parametrize(
    "fields",
    [
        "  fields: {date: {confidence: 0.95},\n    title: {confidence: 0.6}, symbol: {confidence: 1}}\n",
        "  fields: {date: {confidence: 0.95}, title: {confidence: 0.6}, # xem lại\n    symbol: {confidence: 1}}\n",
        "  fields: {date: {confidence: 0.95}, title: {confidence: 0.6}} # ghi chú sau\n",
    ],
    ids=["several-lines", "comment-inside", "comment-after"],
)
def test_accept_refuses_a_flow_mapping_of_fields_over_lines_or_with_comments(tmp_path, fields):
    text = with_issuer(DRAFT[: DRAFT.index("  fields:\n")] + fields)
    root = draft_corpus(tmp_path / "data", text)
    if "\n  " in fields.rstrip("\n"):  # over several lines: its comments and layout would be lost
        with pytest.raises(ReviewError, match="không sửa được khối draft một cách an toàn"):
            accept(root, DRAFT_ID, ["title"])
        assert draft_file(root).read_text(encoding="utf-8") == text
    else:  # one line, the comment after it: nothing inside is lost
        accept(root, DRAFT_ID, ["title"])
        assert draft_file(root).read_text(encoding="utf-8") == text.replace(", title: {confidence: 0.6}", "")


def test_build_graph_py_dispatches_review_and_accept(tmp_path):
    import subprocess
    import sys

    root = draft_corpus(tmp_path / "data", with_issuer())
    script = Path(__file__).resolve().parent.parent / "build_graph.py"
    out = subprocess.run([sys.executable, script, "review", "--data", root], capture_output=True, text=True)
    assert out.returncode == 0 and DRAFT_ID in out.stdout
    out = subprocess.run([sys.executable, script, "accept", DRAFT_ID, "--data", root], capture_output=True, text=True)
    assert out.returncode == 0 and "đã được xem xét" in out.stdout


# -- originals -------------------------------------------------------------------------------------


def test_only_regular_files_named_after_an_id_are_originals(tmp_path):
    root = draft_corpus(tmp_path / "data")
    outside = tmp_path / "bi-mat.pdf"
    outside.write_bytes(PDF)
    originals = root / "originals"
    (originals / "04-nq-tw-2016.pdf").symlink_to(outside)
    (originals / "79-ct-tu-hau-giang-2017.exe").write_bytes(b"MZ")
    (originals / "Bản gốc.pdf").write_bytes(PDF)
    (originals / "khong-co-2017.docx").write_bytes(PDF)
    (originals / "79-ct-tu-hau-giang-2017.png").write_bytes(b"")
    (originals / "79-ct-tu-hau-giang-2017").mkdir()
    os.mkfifo(originals / "79-ct-tu-hau-giang-2017.txt")
    (originals / ".565-tb-ubnd.ingest-tmp").write_bytes(PDF)  # a running ingest's: hidden, not reported
    corpus, problems = load_corpus(root)
    found = {Path(p.file).name: p.message for p in problems.items if p.code == "bad-original"}
    assert found == {
        "04-nq-tw-2016.pdf": "bản gốc không được đăng: là liên kết tượng trưng",
        "79-ct-tu-hau-giang-2017.exe": found["79-ct-tu-hau-giang-2017.exe"],
        "Bản gốc.pdf": found["Bản gốc.pdf"],
        "khong-co-2017.docx": found["khong-co-2017.docx"],
        "79-ct-tu-hau-giang-2017.png": "bản gốc không được đăng: tệp rỗng",
        "79-ct-tu-hau-giang-2017": "bản gốc không được đăng: là thư mục con",
        "79-ct-tu-hau-giang-2017.txt": "bản gốc không được đăng: không phải tệp thường (FIFO, socket hay thiết bị)",
    }
    assert "đuôi tệp" in found["79-ct-tu-hau-giang-2017.exe"] and "id" in found["Bản gốc.pdf"]
    assert "không ứng với văn bản nào" in found["khong-co-2017.docx"]
    assert all(p.severity == "warning" and p.hint for p in problems.items)
    assert {d.id: d.originals for d in corpus.documents.values() if d.originals} == {DRAFT_ID: (ORIGINAL,)}


def test_a_reviewed_document_links_the_original_named_after_its_id(tmp_path):
    root = write_corpus(tmp_path / "data")
    (root / "originals").mkdir()
    (root / "originals" / "04-nq-tw-2016.docx").write_bytes(b"PK\x03\x04")
    corpus, problems = load_corpus(root)
    assert problems.items == [] and corpus.documents["04-nq-tw-2016"].originals == ("04-nq-tw-2016.docx",)


def test_a_draft_naming_a_missing_original_is_warned_about(tmp_path):
    root = draft_corpus(tmp_path / "data", original=False)
    [problem] = [p for p in check(root).problems if p.code == "missing-original"]
    assert ORIGINAL in problem.message and problem.field == "draft.original"
    assert problem.line == 14  # the line of `original:`, not of `draft:`
    draft_file(root).write_text(DRAFT.replace(f"original: {ORIGINAL}", "original: ../../etc/passwd"), encoding="utf-8")
    [problem] = [p for p in check(root).problems if p.code == "bad-original"]
    assert problem.line == 14 and "../../etc/passwd" in problem.message


def test_a_document_keeps_its_original_after_review_when_its_id_changes(tmp_path, cli):
    """The usual flow: ingest names the draft by symbol and year; once `issuer:` is written, check asks
    for the id with the region. The original stays linked through `original:`, written by accept."""
    old_id = "565-tb-ubnd-2024"
    root = draft_corpus(tmp_path / "data", original=False)
    draft_file(root).unlink()
    (root / "originals").mkdir()
    (root / "originals" / f"{old_id}.pdf").write_bytes(PDF)
    old = root / "documents" / f"{old_id}.yaml"
    old.write_text(with_issuer().replace(f"original: {ORIGINAL}", f"original: {old_id}.pdf"), encoding="utf-8")
    [mismatch] = [p for p in check(root).problems if p.code == "id-mismatch"]
    assert f"{DRAFT_ID}.yaml" in mismatch.hint and "data/texts/" in mismatch.hint and "data/originals/" in mismatch.hint
    assert f"{old_id}.pdf" in mismatch.hint
    assert cli("accept", old_id, "--data", str(root))[0] == 0
    assert f"\noriginal: {old_id}.pdf\n" in old.read_text(encoding="utf-8")
    old.rename(draft_file(root))  # the YAML renamed, the original not (yet)
    checked = check(root)
    assert checked.corpus.documents[DRAFT_ID].originals == (f"{old_id}.pdf",)
    assert not [p for p in checked.problems if "original" in p.code]
    # A document that already has its own `original:` keeps it; no second line.
    text = with_issuer().replace("sources:\n", f"original: {old_id}.pdf\nsources:\n", 1)
    draft_file(root).write_text(text, encoding="utf-8")
    (root / "originals" / ORIGINAL).write_bytes(PDF)
    assert check(root).corpus.documents[DRAFT_ID].originals == (f"{old_id}.pdf", ORIGINAL)
    done = accept(root, DRAFT_ID)
    assert done.original == "" and draft_file(root).read_text(encoding="utf-8").count("original:") == 1


def test_the_documents_own_original_is_checked_like_the_drafts(tmp_path):
    root = write_corpus(tmp_path / "data")
    path = root / "documents" / "04-nq-tw-2016.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "original: ban-goc-chung-2016.pdf\n", encoding="utf-8")
    [problem] = check(root).problems
    assert problem.code == "missing-original" and problem.field == "original" and problem.line == 8
    assert "văn bản nêu bản gốc 'ban-goc-chung-2016.pdf'" in problem.message
    (root / "originals").mkdir()
    (root / "originals" / "ban-goc-chung-2016.pdf").write_bytes(PDF)  # one file, two documents in it
    other = root / "documents" / "79-ct-tu-hau-giang-2017.yaml"
    other.write_text(other.read_text(encoding="utf-8") + "original: ban-goc-chung-2016.pdf\n", encoding="utf-8")
    checked = check(root)
    assert checked.problems == []
    assert {d.id: d.originals for d in checked.corpus.documents.values()} == {
        "04-nq-tw-2016": ("ban-goc-chung-2016.pdf",),
        "79-ct-tu-hau-giang-2017": ("ban-goc-chung-2016.pdf",),
    }
    path.write_text(text + "original: ../bi-mat.pdf\n", encoding="utf-8")
    [problem] = check(root).problems
    assert problem.code == "bad-original" and problem.field == "original" and problem.line == 8
    # accept refuses to carry a draft.original that could not be one
    root = draft_corpus(tmp_path / "other", with_issuer().replace(f"original: {ORIGINAL}", "original: ../x.pdf"))
    with pytest.raises(ReviewError, match=r"draft\.original '\.\./x\.pdf' không phải tên bản gốc"):
        accept(root, DRAFT_ID)


def test_reading_an_original_again_refuses_what_changed_into_a_link_or_grew(tmp_path, monkeypatch):
    root = draft_corpus(tmp_path / "data")
    assert read_original(root, ORIGINAL) == PDF
    assert read_original(root, "../documents/04-nq-tw-2016.yaml") is None
    monkeypatch.setattr("vanban.load.MAX_ORIGINAL_BYTES", 10)
    assert read_original(root, ORIGINAL) is None
    monkeypatch.setattr("vanban.load.MAX_ORIGINAL_BYTES", MAX_ORIGINAL_BYTES)
    (root / "originals" / ORIGINAL).unlink()
    (root / "originals" / ORIGINAL).symlink_to(root / "documents" / "04-nq-tw-2016.yaml")
    assert read_original(root, ORIGINAL) is None
    (root / "originals" / ORIGINAL).unlink()
    os.mkfifo(root / "originals" / ORIGINAL)
    assert read_original(root, ORIGINAL) is None  # and it did not block


# -- the site --------------------------------------------------------------------------------------

SCRIPT = "<script>alert('nháp')</script>"


@pytest.fixture(scope="module")
def draft_site(tmp_path_factory) -> Path:
    """A real MkDocs build of the tiny corpus with the draft, its original, and markup in draft text."""
    base = tmp_path_factory.mktemp("drafts")
    root = draft_corpus(base / "data", DRAFT.replace("phần thân văn bản\n", f"phần thân văn bản {SCRIPT}\n"))
    (root / "originals" / "04-nq-tw-2016.docx").write_bytes(b"PK\x03\x04 docx")
    (root / "originals" / "79-ct-tu-hau-giang-2017.pdf").symlink_to(base / "data" / "originals" / ORIGINAL)
    build_site(root, base / "site", pdf_packs=0)
    return base / "site"


def article(site: Path, page: str) -> str:
    html = (site / page).read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


def test_a_draft_page_says_at_the_top_it_is_an_unreviewed_draft(draft_site):
    page = article(draft_site, f"van-ban/{DRAFT_ID}.html")
    h1_end = page.index("</h1>")
    banner = page[h1_end : page.index("</div>", h1_end)]
    assert page.index("vb-banner-draft") < page.index('class="vb-title"') < page.index("vb-card")
    assert "Bản nháp nhập tự động, chưa được xem xét" in banner
    assert "lớp chữ của PDF (pdftotext)" in banner and "<code>pdftext_tb565-2024-ubnd.pdf</code>" in banner
    assert "trích yếu (độ tin cậy 60%): trích yếu có thể lẫn phần thân văn bản" in banner
    assert "số, ký hiệu (độ tin cậy 70%)" in banner and "ngày ban hành" not in banner
    assert "Chưa xác định được cơ quan ban hành; đầu văn bản ghi: «ỦY BAN NHÂN DÂN / TỈNH HẬU GIANG»" in banner
    assert "cần xem lại</span>" in page[page.index('class="vb-title"') :]  # the uncertain title, marked
    assert '<tr><th>Số, ký hiệu</th><td>565/TB-UBND <span class="vb-unverified vb-draft-uncertain"' in page
    assert '<tr><th>Ngày ban hành</th><td><a href="../theo-nam/2024.html">15/11/2024</a></td></tr>' in page
    assert '<a href="../co-quan/chua-xac-dinh.html">Cơ quan ban hành chưa xác định</a>' in page


def test_the_page_links_bản_gốc_to_a_copy_of_the_original(draft_site):
    page = article(draft_site, f"van-ban/{DRAFT_ID}.html")
    link = f'<a href="../ban-goc/{ORIGINAL}">{ORIGINAL}</a>'
    assert f"<tr><th>Bản gốc</th><td>{link}</td></tr>" in page and f"Bản gốc để đối chiếu: {link}" in page
    assert (draft_site / "ban-goc" / ORIGINAL).read_bytes() == PDF
    assert "ban-goc/04-nq-tw-2016.docx" in article(draft_site, "van-ban/04-nq-tw-2016.html")
    # A link in data/originals/ is neither copied nor linked, even to a file inside data/.
    assert sorted(p.name for p in (draft_site / "ban-goc").iterdir()) == ["04-nq-tw-2016.docx", ORIGINAL]
    assert "Bản gốc" not in article(draft_site, "van-ban/79-ct-tu-hau-giang-2017.html")


def test_suggested_relations_are_shown_as_suggestions_with_their_sentence(draft_site):
    page = article(draft_site, f"van-ban/{DRAFT_ID}.html")
    assert '<h2 id="quan-he-0">Quan hệ (0)</h2>' in page  # not among the relations
    section = page[page.index('<h2 id="quan-he-goi-y">') :]
    assert section.startswith('<h2 id="quan-he-goi-y">Quan hệ gợi ý, chưa xác nhận (2)</h2>')
    assert "Đây chỉ là gợi ý, chưa phải quan hệ đã xác nhận" in section
    assert "Thực hiện, triển khai (gợi ý)</span>: <a class=" in section and 'href="04-nq-tw-2016.html"' in section
    assert (
        "Câu: «Thực hiện Nghị quyết số 04-NQ/TW ngày 30/10/2016 của Ban Chấp hành Trung ương Đảng khóa XII" in section
    )
    assert '«Quyết định số 18/2024/QĐ-UBND»</span> <span class="vb-missing">(chưa xác định được văn bản' in section
    # The document it suggests to carry out does not list it as an implementer.
    assert DRAFT_ID not in article(draft_site, "van-ban/04-nq-tw-2016.html")


def test_draft_text_with_markup_is_shown_as_text(draft_site):
    html = (draft_site / "van-ban" / f"{DRAFT_ID}.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "phần thân văn bản &lt;script&gt;alert(&#x27;nháp&#x27;)&lt;/script&gt;</li>" in html


def test_drafts_are_marked_in_lists_and_searchable(draft_site):
    listing = article(draft_site, "theo-loai/thong-bao.html")
    assert f'href="../van-ban/{DRAFT_ID}.html"' in listing and ">nháp</span>" in listing
    assert ">nháp</span>" not in article(draft_site, "theo-loai/nghi-quyet.html")
    docs = [p.read_text(encoding="utf-8") for p in (draft_site / "search-data" / "d").glob("*.js")]
    [mine] = [d for d in docs if f'"id":"{DRAFT_ID}"' in d]
    assert '"draft":true' in mine and sum('"draft":false' in d for d in docs) == 2
    issuers = article(draft_site, "co-quan/index.html")
    assert '<h2 id="chua-ro-cap">Chưa rõ cấp</h2>' in issuers
    assert "Cấp: Chưa rõ cấp · Hệ thống: Chưa rõ hệ thống" in article(draft_site, "co-quan/chua-xac-dinh.html")
    vocab_js = (draft_site / "graph-data" / "vocab.js").read_text(encoding="utf-8")
    assert '"chua-ro":{"label":"Chưa rõ cấp","shape":"hexagon"}' in vocab_js
    assert f'["{DRAFT_ID}","565/TB-UBND","thong-bao","chua-ro"' in (draft_site / "graph-data" / "global.js").read_text()


def test_every_link_of_the_draft_pages_resolves(draft_site):
    for page in (f"van-ban/{DRAFT_ID}.html", "co-quan/chua-xac-dinh.html", "co-quan/index.html", "do-thi.html"):
        html = (draft_site / page).read_text(encoding="utf-8")
        for url in re.findall(r'(?:href|src)="([^"#?]+)', html):
            if ":" in url:
                continue
            assert (draft_site / page).parent.joinpath(url).resolve().exists(), (page, url)


def test_a_draft_of_an_unknown_issuer_is_never_counted_as_central_or_local(tmp_path, cli):
    """A person added a relation but has not named the issuer yet: the report does not guess a place."""
    text = DRAFT.replace("sources:\n", "relations:\n  - type: thuc-hien\n    target: 04-nq-tw-2016\nsources:\n")
    checked = check(draft_corpus(tmp_path / "data", text))
    corpus = checked.corpus
    report = implementation_report(corpus, checked.graph, corpus.documents["04-nq-tw-2016"])
    assert {row.place: [d.id for d in row.documents] for row in report.rows} == {
        "Tỉnh Hậu Giang": ["79-ct-tu-hau-giang-2017"],
        UNKNOWN_PLACE: [DRAFT_ID],
    }
    code, out, _ = cli("show", DRAFT_ID, "--data", str(tmp_path / "data"))
    assert code == 0 and "565/TB-UBND — Thông báo, Cơ quan ban hành chưa xác định, 15/11/2024" in out
    assert "bản nháp nhập tự động, chưa được xem xét" in out


def test_the_reserved_issuer_is_no_body_in_check_reports_or_exports(tmp_path, cli):
    text = DRAFT.replace("sources:\n", "relations:\n  - type: thuc-hien\n    target: 04-nq-tw-2016\nsources:\n")
    root = draft_corpus(tmp_path / "data", text)
    code, out, _ = cli("check", "--data", str(root))
    assert code == 0 and "3 văn bản, 2 cơ quan:" in out  # issuers.yaml has 2; the reserved one is none
    checked = check(root)
    corpus = checked.corpus
    body = report_body(implementation_report(corpus, checked.graph, corpus.documents["04-nq-tw-2016"]), None)
    assert "<p>1 nơi có văn bản thực hiện (và 1 văn bản chưa rõ nơi ban hành);" in body
    nodes = {n["@id"]: n for n in json.loads(to_jsonld(corpus))["@graph"]}
    assert "eli:passed_by" not in nodes[DRAFT_ID] and nodes[DRAFT_ID]["vb:draft"] is True
    assert nodes["04-nq-tw-2016"]["eli:passed_by"] == "Ban Chấp hành Trung ương Đảng"
    assert "Cơ quan ban hành chưa xác định" not in json.dumps(nodes[DRAFT_ID], ensure_ascii=False)
