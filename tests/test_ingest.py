"""`vanban ingest` end to end, with the real readers: drafts written, nothing duplicated, bad files reported.

The files are the seed and the real samples of ../shared/ (read for real, no mocked reader), ingested
into a copy of the test corpus.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import SHARED, shared_seed
from vanban.ingest.run import ADDED, COMPLETED, PRESENT, REFUSED, UNREAD, StoreError, ingest
from vanban.ingest.split import split_documents

SAMPLES = SHARED / "samples" / "ingest"


def _sample(name: str) -> Path:
    path = SAMPLES / name
    if not path.is_file():
        pytest.fail(f"sample {path} not found: the repository must be checked out beside shared/", pytrace=False)
    return path


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_seed_holds_two_documents_already_present(data_copy: Path) -> None:
    seed = shared_seed()
    parts = split_documents(seed.read_text(encoding="utf-8"))
    assert len(parts) == 2
    assert "1185" in parts[0].text[:300] and parts[1].text.lstrip().startswith("Số 160")
    before = _tree(data_copy)
    outcomes = ingest([seed], data_copy)
    assert [(o.status, o.doc_id) for o in outcomes] == [
        (COMPLETED, "1185-ubnd-th-hau-giang-2017"),
        (COMPLETED, "160-bc-tu-hau-giang-2017"),
    ]
    assert all("bản gốc" in o.message for o in outcomes)  # the file they came in, kept as their original
    after = _tree(data_copy)
    assert {k: v for k, v in after.items() if not k.startswith("originals/")} == before  # nothing duplicated
    assert sorted(k for k in after if k.startswith("originals/")) == [
        "originals/1185-ubnd-th-hau-giang-2017.txt",
        "originals/160-bc-tu-hau-giang-2017.txt",
    ]
    again = ingest([seed], data_copy)  # the same file again: recognised by its content, a line per document
    assert [(o.status, o.doc_id) for o in again] == [
        (PRESENT, "1185-ubnd-th-hau-giang-2017"),
        (PRESENT, "160-bc-tu-hau-giang-2017"),
    ]
    assert _tree(data_copy) == after


def test_a_word_file_becomes_a_draft_once(data_copy: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(_sample("docx_kh16-2025-mttq-luongminh.docx"), folder / "kh16.docx")
    code, out, _ = cli("ingest", str(folder), "--data", str(data_copy), "--json")
    assert code == 0, out
    [row] = json.loads(out)
    assert row["status"] == ADDED and row["id"].startswith("16-kh-mttq-btt")
    draft = yaml.safe_load((data_copy / "documents" / f"{row['id']}.yaml").read_text(encoding="utf-8"))
    assert draft["symbol"] == "16/KH-MTTQ-BTT" and str(draft["date"]) == "2025-11-18"
    assert (
        draft["draft"]["reader"] and draft["draft"]["sha256"] and draft["draft"]["fields"]["symbol"]["confidence"] > 0
    )
    assert (data_copy / "texts" / f"{row['id']}.txt").read_text(encoding="utf-8").count("Lương Minh") > 0
    assert (data_copy / "originals" / draft["draft"]["original"]).read_bytes() == (folder / "kh16.docx").read_bytes()
    snapshot = _tree(data_copy)
    code, out, _ = cli("ingest", str(folder), "--data", str(data_copy), "--json")
    assert code == 0 and [r["status"] for r in json.loads(out)] == [PRESENT]
    assert _tree(data_copy) == snapshot  # the same folder twice changes nothing


def test_a_bad_file_gets_one_line_and_the_batch_goes_on(data_copy: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-empty.pdf").write_bytes(b"")
    (folder / "b-not-a-pdf.pdf").write_text("Đây không phải PDF", encoding="utf-8")
    shutil.copy(_sample("docx_kh16-2025-mttq-luongminh.docx"), folder / "c.docx")
    code, out, _ = cli("ingest", str(folder), "--data", str(data_copy))
    lines = out.strip().splitlines()
    assert code == 1
    assert lines[0].startswith("! ") and "a-empty.pdf" in lines[0] and "Cách xử lý" in lines[0]
    assert lines[1].startswith("! ") and "b-not-a-pdf.pdf" in lines[1]
    assert lines[2].startswith("+ 16-kh-mttq-btt")
    assert "3 tệp: 1 bản nháp mới" in lines[-1] and "2 tệp không đọc được" in lines[-1]
    assert not list(data_copy.rglob("*.ingest-tmp"))


def test_a_link_out_of_the_folder_is_refused(data_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("Số: 1/KH-UBND\nHà Nội, ngày 1 tháng 1 năm 2020\nKẾ HOẠCH\nBí mật\n", encoding="utf-8")
    (folder / "link.txt").symlink_to(secret)
    [outcome] = ingest([folder], data_copy)
    assert outcome.status == REFUSED
    assert not (data_copy / "documents" / "1-kh-ubnd-2020.yaml").exists()


def test_a_different_document_with_the_same_id_is_not_merged(data_copy: Path, tmp_path: Path) -> None:
    """411/KH-UBND of another day gets the id of the 411-kh-ubnd-dak-nong-2015 already there: not taken as it."""
    before = (data_copy / "documents" / "411-kh-ubnd-dak-nong-2015.yaml").read_bytes()
    other = tmp_path / "other.txt"
    other.write_text(
        "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK NÔNG\nSố: 411/KH-UBND\nGia Nghĩa, ngày 2 tháng 12 năm 2015\nKẾ HOẠCH\n"
        "Về một việc khác hẳn\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
        + "Nội dung.\n"
        * 50,
        encoding="utf-8",
    )
    [outcome] = ingest([other], data_copy)
    assert outcome.status == UNREAD and "văn bản khác" in outcome.message
    assert (data_copy / "documents" / "411-kh-ubnd-dak-nong-2015.yaml").read_bytes() == before
    assert not list((data_copy / "originals").glob("411-kh-ubnd-dak-nong-2015.*"))


def test_no_data_folder_is_refused_not_created(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Số: 1/KH-UBND\nHà Nội, ngày 1 tháng 1 năm 2020\nKẾ HOẠCH\nVề việc\n", encoding="utf-8")
    with pytest.raises(StoreError):
        ingest([text], tmp_path / "khong-co")
    assert not (tmp_path / "khong-co").exists()


def test_a_text_above_the_citation_limit_is_drafted_without_suggestions(data_copy: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    body = "Căn cứ Nghị định số 12/2020/NĐ-CP; " * 200_000  # ~7 MB, above the citation reader's 5 MB
    big.write_text("Số: 9/KH-UBND\nHà Nội, ngày 1 tháng 1 năm 2020\nKẾ HOẠCH\nVề việc lớn\n" + body, encoding="utf-8")
    [outcome] = ingest([big], data_copy)
    assert outcome.status == ADDED and outcome.relations == 0
