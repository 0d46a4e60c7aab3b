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
from vanban.ingest.run import ADDED, COMPLETED, PRESENT, REFUSED, ingest
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
    again = ingest([seed], data_copy)
    assert [o.status for o in again] == [PRESENT]  # the same file again: recognised by its content
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
