"""The seed as a whole: every citation found and resolved, nothing else reported."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import CORPUS, shared_seed
from vanban.citations import Resolver, extract
from vanban.pipeline import check, load_valid

# Every citation of the two seed documents, in order: (span, resolved id).
DISPATCH = [("Báo cáo số 160-BC/TU", "160-bc-tu-hau-giang-2017"), ("Báo cáo số 160-BC/TU", "160-bc-tu-hau-giang-2017")]
REPORT = [
    ("Công văn số 02-CV/BDVTW", "02-cv-bdvtw-2017"),
    ("Nghị quyết Trung ương 4 (khóa XII)", "04-nq-tw-2016"),
    ("Nghị quyết số 25-NQ/TW", "25-nq-tw-2013"),
    ("Nghị quyết số 04-NQ/TW", "04-nq-tw-2016"),
    ("Chương trình hành động số 79-CT/TU", "79-ct-tu-hau-giang-2017"),
    ("Nghị quyết số 04-NQ/TW", "04-nq-tw-2016"),
    ("Quyết định số 217", "217-qd-tw-2013"),
    ("218-QĐ/TW", "218-qd-tw-2013"),
    ("Nghị quyết số 25-NQ/TW", "25-nq-tw-2013"),
    ("Kết luận số 114-KL/TW", "114-kl-tw-2015"),
    ("Chỉ thị số 16/CT-TTg", "16-ct-ttg-2016"),
    ("Kết luận số 114-KL/TW", "114-kl-tw-2015"),
    ("Quyết định số 290-QĐ/TW", "290-qd-tw-2010"),
    ("Quyết định số 290-QĐ/TW", "290-qd-tw-2010"),
    ("Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "05-ct-tw-2016"),
    ("Đẩy mạnh học tập và làm theo tư tưởng, đạo đức,\n\nphong cách Hồ Chí Minh", "05-ct-tw-2016"),
    ("Quyết định 217-QĐ/TW", "217-qd-tw-2013"),
    ("Nghị quyết TW 4 (khóa XII)", "04-nq-tw-2016"),
    ("Kết luận số 114-KL/TW", "114-kl-tw-2015"),
    ("Quyết định số 290-QĐ/TW", "290-qd-tw-2010"),
    ("Pháp lệnh số 34/2007/PL-UBTVQH11", "34-2007-pl-ubtvqh11"),
]


@pytest.fixture(scope="module")
def checked():
    return check(CORPUS)


@pytest.mark.parametrize(
    "doc_id,expected", [("1185-ubnd-th-hau-giang-2017", DISPATCH), ("160-bc-tu-hau-giang-2017", REPORT)]
)
def test_seed_documents_every_citation_found_and_resolved(checked, doc_id, expected):
    found = checked.citations[doc_id]
    assert [(c.text, c.resolved) for c in found] == expected
    text = checked.texts[doc_id]
    assert all(text[c.start : c.end] == c.text for c in found)


def test_seed_stamp_page_numbers_and_own_numbers_are_not_citations(checked):
    spans = [c.text for cs in checked.citations.values() for c in cs]
    assert not any("1703" in s or s.strip() in {"2", "1185 /UBND-TH", "160 - BC/TU"} for s in spans)


def test_seed_attachment_date_disagreement_is_reported(checked):
    wrong = [c for c in checked.citations["1185-ubnd-th-hau-giang-2017"] if c.date_mismatch]
    assert [(c.text, c.date.iso()) for c in wrong] == [("Báo cáo số 160-BC/TU", "2016-06-22")]
    note = next(p for p in checked.problems if p.code == "cited-date-mismatch")
    assert note.file.endswith("1185-ubnd-th-hau-giang-2017.txt") and note.line == 41
    assert "22/06/2016" in note.message and "22/06/2017" in note.message
    assert note.severity == "note"  # acknowledged in the YAML, still shown


def test_whole_seed_file_through_the_cli(cli):
    code, out, _ = cli("extract", str(shared_seed()), "--json", "--date", "2017-07-13")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == len(DISPATCH) + len(REPORT)
    for row in rows:
        assert {"text", "start", "end", "type", "number", "symbol", "date", "resolved", "candidates"} <= row.keys()
    assert all(r["resolved"] or r["candidates"] for r in rows)


def test_check_reports_citations_without_relations_with_the_relation_to_add(data_copy, cli):
    doc = data_copy / "documents" / "160-bc-tu-hau-giang-2017.yaml"
    doc.write_text(
        doc.read_text(encoding="utf-8").replace(
            "  - type: bao-cao-ket-qua\n    target: 114-kl-tw-2015\n    place: Mục II.1.2 và III\n", ""
        ),
        encoding="utf-8",
    )
    code, out, _ = cli("check", "--data", str(data_copy))
    assert code == 0  # a warning: the data stays usable
    line = next(x for x in out.splitlines() if "không có quan hệ nào" in x)
    assert line.startswith("CẢNH BÁO")
    assert "160-bc-tu-hau-giang-2017.txt:48" in line and "114-KL/TW (2015)" in line
    assert "{type: bao-cao-ket-qua, target: 114-kl-tw-2015}" in out
    assert cli("check", "--data", str(data_copy), "--strict")[0] == 1


def test_check_reports_citations_that_resolve_to_nothing(data_copy, cli):
    text = data_copy / "texts" / "160-bc-tu-hau-giang-2017.txt"
    text.write_text(
        text.read_text(encoding="utf-8") + "\nThực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017.\n", encoding="utf-8"
    )
    code, out, _ = cli("check", "--data", str(data_copy))
    assert code == 0  # a warning: the data stays usable
    line = next(x for x in out.splitlines() if "«Nghị quyết số 18-NQ/TW» không có trong cơ sở tri thức" in x)
    assert line.startswith("CẢNH BÁO")
    assert cli("check", "--data", str(data_copy), "--strict")[0] == 1


def test_suggest_drafts_header_and_relations(cli):
    code, out, _ = cli("suggest", str(CORPUS / "texts" / "1185-ubnd-th-hau-giang-2017.txt"))
    assert code == 0
    for line in [
        "symbol: 1185/UBND-TH",
        "issuer: ubnd-hau-giang",
        "date: 2017-07-13",
        "place: Hậu Giang",
        "  name: Đông Văn Thanh",
        "  capacity: KT. Chủ tịch, Phó Chủ tịch",
        "    target: 160-bc-tu-hau-giang-2017",
    ]:
        assert line in out.splitlines(), line
    assert "title: V/v triển khai thực hiện chỉ đạo của Ban Thường vụ Tỉnh ủy về công tác dân vận" in out
    assert "# «Báo cáo số 160-BC/TU»: văn bản ghi ngày 22/06/2016, khác ngày của 160-BC/TU (22/06/2017)" in out
    code, out, _ = cli("suggest", str(CORPUS / "texts" / "160-bc-tu-hau-giang-2017.txt"))
    assert code == 0
    assert "symbol: 160-BC/TU" in out and "place: Vị Thanh" in out and "type: bao-cao" in out
    assert "  - type: tra-loi  # «Công văn số 02-CV/BDVTW»" in out
    assert "  - type: kien-nghi  # «Pháp lệnh số 34/2007/PL-UBTVQH11»" in out
    assert "    note: 'Câu trích: Thực hiện Công văn số 02-CV/BDVTW" in out  # each relation with its sentence
    assert "«Báo cáo số 160-BC/TU»" not in out  # never the document's own number


@pytest.fixture(scope="module")
def resolver():
    return Resolver(load_valid(CORPUS).corpus)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.text(
        alphabet=st.sampled_from(list('0123456789/-–., :()\n“”"&sốSỐốnqNQTWƯtưQĐđcCKLklngàythángnămkhóaXIV'))
        | st.characters(),
        max_size=300,
    )
)
def test_extractor_never_raises_and_spans_stay_in_the_text(resolver, text):
    for c in extract(text, resolver):
        assert 0 <= c.start <= c.end <= len(text)
        assert text[c.start : c.end] == c.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_extractor_without_corpus_never_raises(text):
    for c in extract(text):
        assert text[c.start : c.end] == c.text
