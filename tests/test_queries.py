"""`show`, `implementers`, `sources` on the test corpus, as a user types references."""

from __future__ import annotations

import json

import pytest

from tests.conftest import CORPUS
from vanban.pipeline import load_valid
from vanban.refs import AmbiguousRef, RefIndex, RefNotFound


@pytest.fixture(scope="module")
def index():
    corpus = load_valid(CORPUS).corpus
    return RefIndex(corpus)


@pytest.mark.parametrize(
    "ref,doc_id",
    [
        ("25-nq-tw-2013", "25-nq-tw-2013"),  # id
        ("25-NQ/TW 2013", "25-nq-tw-2013"),  # symbol with year
        ("25-NQ/TW (2013)", "25-nq-tw-2013"),
        ("25-nq/tư 2013", "25-nq-tw-2013"),  # case, TƯ for TW
        ("Nghị quyết Trung ương 7 khóa XI", "25-nq-tw-2013"),  # alias
        ("nghi quyet trung uong 7 khoa XI", "25-nq-tw-2013"),  # alias typed without diacritics
        ("Nghị quyết Trung ương 7 khoá XI", "25-nq-tw-2013"),  # khoá / khóa
        ("16/CT-TTg 2020", "16-ct-ttg-2020"),
        ("16/CT-TTg năm 2016", "16-ct-ttg-2016"),
        ("Pháp lệnh 34", "34-2007-pl-ubtvqh11"),
        ("34/2007/PL-UBTVQH11", "34-2007-pl-ubtvqh11"),
        ("290-QD/TW", "290-qd-tw-2010"),  # ASCII transliteration of QĐ
        ("1185/UBND-TH", "1185-ubnd-th-hau-giang-2017"),
        ("Nghi\u0323 quye\u0302\u0301t Trung u\u031bo\u031bng 4 kho\u0301a XII", "04-nq-tw-2016"),  # NFD
    ],
)
def test_references_resolve(index, ref, doc_id):
    assert index.resolve(ref).id == doc_id


def test_ambiguous_symbol_lists_every_candidate(index):
    with pytest.raises(AmbiguousRef) as exc:
        index.resolve("16/CT-TTg")
    assert [d.id for d in exc.value.candidates] == ["16-ct-ttg-2016", "16-ct-ttg-2020"]


def test_unknown_reference(index):
    with pytest.raises(RefNotFound):
        index.resolve("999-NQ/TW")


def test_show_lists_relations_both_ways_with_counts(cli):
    code, out, _ = cli("show", "160-BC/TU")
    assert code == 0
    assert out.startswith("160-BC/TU — Báo cáo, Ban Thường vụ Tỉnh ủy Hậu Giang, 22/06/2017")
    assert "Văn bản này tác động tới (11):" in out
    assert "Văn bản khác tác động tới văn bản này (2):" in out
    assert "Báo cáo kết quả thực hiện: 25-NQ/TW (2013)" in out
    assert "Trả lời, theo yêu cầu của: 02-CV/BDVTW (2017)" in out
    assert "Được thực hiện, triển khai bởi: 1185/UBND-TH (2017)" in out
    assert "Được chuyển, đính kèm bởi: 1185/UBND-TH (2017)" in out


def test_show_says_a_document_was_replaced(cli):
    code, out, _ = cli("show", "Pháp lệnh 34")
    assert code == 0
    assert "tình trạng: Hết hiệu lực toàn bộ từ 01/07/2023; được thay thế bởi 10/2022/QH15 (2022)" in out


@pytest.mark.parametrize(
    ("day", "status"),
    [
        # the law of 10/11/2022 replaced the ordinance when it took effect, 01/07/2023
        ("2022-12-31", "tình trạng: chưa ghi nhận văn bản thay thế hay ngày hết hiệu lực tính đến ngày đó"),
        ("2023-07-01", "tình trạng: Hết hiệu lực toàn bộ từ 01/07/2023; được thay thế bởi 10/2022/QH15 (2022)"),
    ],
)
def test_show_on_a_day_gives_the_status_and_relations_of_that_day(cli, day: str, status: str):
    code, out, _ = cli("show", "Pháp lệnh 34", "--on", day)
    assert code == 0 and status in out
    assert ("Được thay thế bởi: 10/2022/QH15" in out) == (day >= "2022-11-10")


def test_show_on_a_day_hides_documents_issued_later(cli):
    code, out, _ = cli("show", "25-nq-tw-2013", "--on", "2014-01-01")
    assert code == 0
    assert "(2 văn bản liên quan ban hành sau ngày đó không hiện)" in out
    assert "160-BC/TU" not in out and "114-KL/TW" not in out
    code, out, _ = cli("show", "25-nq-tw-2013", "--on", "2012-01-01")
    assert "văn bản này ban hành sau ngày đó" in out


def test_show_on_refuses_a_day_that_is_not_one(cli):
    with pytest.raises(SystemExit) as stop:
        cli("show", "25-nq-tw-2013", "--on", "2014-13-01")
    assert stop.value.code == 2


def test_show_ambiguous_exits_nonzero_with_years(cli):
    code, out, err = cli("show", "16/CT-TTg")
    assert code != 0
    assert "16-ct-ttg-2016" in err and "(2016)" in err
    assert "16-ct-ttg-2020" in err and "(2020)" in err
    assert out == ""


def test_show_unknown_suggests_close_symbols(cli):
    code, _, err = cli("show", "25-NQ/TU")
    assert code != 0 and "Không tìm thấy" in err and "25-NQ/TW" in err


def test_implementers_of_04_nq_tw(cli):
    code, out, _ = cli("implementers", "04-NQ/TW", "--json")
    assert code == 0
    rows = {r["id"]: r for r in json.loads(out)}
    assert {"79-ct-tu-hau-giang-2017", "21-kl-tw-2021", "160-bc-tu-hau-giang-2017"} <= rows.keys()
    for row in rows.values():
        assert {"id", "symbol", "date", "relation", "depth", "via"} <= row.keys()
    assert rows["79-ct-tu-hau-giang-2017"]["relation"] == "thuc-hien"
    assert rows["79-ct-tu-hau-giang-2017"]["date"] == "2017-02-07"
    assert rows["21-kl-tw-2021"]["relation"] == "tiep-tuc-thuc-hien"
    assert rows["160-bc-tu-hau-giang-2017"]["relation"] == "bao-cao-ket-qua"
    # Transitive: the dispatch that carries the report out hangs from the report.
    dispatch = rows["1185-ubnd-th-hau-giang-2017"]
    assert dispatch["depth"] == 2 and dispatch["via"] == "160-bc-tu-hau-giang-2017"
    assert all(
        r["depth"] == 1 and r["via"] == "04-nq-tw-2016" for k, r in rows.items() if k != "1185-ubnd-th-hau-giang-2017"
    )


def test_implementers_of_160_bc_tu(cli):
    code, out, _ = cli("implementers", "160-BC/TU", "--json")
    rows = json.loads(out)
    assert code == 0
    assert [(r["id"], r["relation"], r["depth"]) for r in rows] == [("1185-ubnd-th-hau-giang-2017", "thuc-hien", 1)]


def test_implementers_text_tree_nests_children_under_parents(cli):
    code, out, _ = cli("implementers", "04-NQ/TW")
    assert code == 0
    lines = out.splitlines()
    report = next(i for i, line in enumerate(lines) if "160-BC/TU" in line)
    assert "1185/UBND-TH" in lines[report + 1] and lines[report + 1].startswith("    └")


def test_unverified_relation_is_marked(cli):
    code, out, _ = cli("implementers", "25-NQ/TW 2013", "--json")
    assert code == 0
    rows = {r["id"]: r for r in json.loads(out)}
    assert rows["43-kl-tw-2019"]["unverified"] is True
    assert rows["160-bc-tu-hau-giang-2017"]["unverified"] is False


def test_sources_goes_upward(cli):
    code, out, _ = cli("sources", "1185/UBND-TH", "--json")
    assert code == 0
    rows = {r["id"]: r for r in json.loads(out)}
    assert rows["160-bc-tu-hau-giang-2017"]["depth"] == 1
    assert rows["25-nq-tw-2013"]["via"] == "160-bc-tu-hau-giang-2017"
    assert rows["04-nq-tw-2016"]["depth"] == 2


def test_sources_include_legal_basis(cli):
    code, out, _ = cli("sources", "01/QCPH/UBND-UBMTTQ", "--json")
    assert code == 0
    assert {r["id"]: r["relation"] for r in json.loads(out)} == {"217-qd-tw-2013": "can-cu", "218-qd-tw-2013": "can-cu"}
