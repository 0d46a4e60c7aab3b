"""The one home of each domain rule: status wording, partial-date order, central documents, type
codes, the symbol index; and the frozen Citation (a mention with its resolution)."""

from __future__ import annotations

import dataclasses

import pytest

from tests.conftest import CORPUS
from vanban import typecodes, vocab
from vanban.citations import Citation, Mention, Resolution, Resolver, extract, patterns
from vanban.citations import corpus as citations_corpus
from vanban.dates import PartialDate, date_order
from vanban.graph import status_of
from vanban.model import Document
from vanban.pipeline import check, load_valid
from vanban.refs import RefIndex, SymbolIndex
from vanban.rules import Replacement, doc_order, is_central, is_central_policy
from vanban.rules import status_of as status_with
from vanban.symbols import STATE_ADMIN_CODES


@pytest.fixture(scope="module")
def checked():
    return load_valid(CORPUS)


def _doc(doc_id: str, status: str = "", ceased: PartialDate | None = None, year: int | None = 2022) -> Document:
    return Document(
        id=doc_id,
        symbol=doc_id.upper(),
        type="luat",
        issuer="quoc-hoi",
        date=PartialDate(year) if year else None,
        status=status,
        ceased=ceased,
    )


# -- status wording -----------------------------------------------------------------------------

NEW_LAW = Replacement("thay-the", _doc("10/2022/QH15"))
REPEAL = Replacement("bai-bo", _doc("9/2020/QH14", year=None))

# status, ceased, replaced by → label, line (CLI), short (search, packs), sentence (banner), ended
STATUS_TABLE = [
    ("", None, (), "", "", "", "", False),
    ("con-hieu-luc", None, (), "Còn hiệu lực", "Còn hiệu lực", "Còn hiệu lực", "", False),
    (
        "het-hieu-luc-mot-phan",
        None,
        (),
        "Hết hiệu lực một phần",
        "Hết hiệu lực một phần",
        "Hết hiệu lực một phần",
        "",
        False,
    ),
    (
        "het-hieu-luc",
        PartialDate(2023, 7, 1),
        (NEW_LAW,),
        "Hết hiệu lực toàn bộ",
        "Hết hiệu lực toàn bộ từ 01/07/2023; được thay thế bởi 10/2022/QH15 (2022)",
        "Được thay thế bởi 10/2022/QH15 (2022)",
        "Văn bản này đã hết hiệu lực từ ngày 01/07/2023.",
        True,
    ),
    (
        "",
        PartialDate(2023, 7),
        (),
        "Hết hiệu lực",
        "Hết hiệu lực từ tháng 07/2023",
        "Hết hiệu lực từ tháng 07/2023",
        "Văn bản này đã hết hiệu lực từ tháng 07/2023.",
        True,
    ),
    (
        "ngung-hieu-luc",
        None,
        (),
        "Ngưng hiệu lực",
        "Ngưng hiệu lực",
        "Ngưng hiệu lực",
        "Văn bản này đã hết hiệu lực.",
        True,
    ),
    (
        "",
        None,
        (NEW_LAW, REPEAL),
        "Bị thay thế",
        "Bị thay thế; được thay thế bởi 10/2022/QH15 (2022); bị bãi bỏ bởi 9/2020/QH14 (chưa rõ năm)",
        "Được thay thế bởi 10/2022/QH15 (2022); Bị bãi bỏ bởi 9/2020/QH14 (chưa rõ năm)",
        "",
        True,
    ),
]


@pytest.mark.parametrize("status,ceased,by,label,line,short,sentence,ended", STATUS_TABLE)
def test_status_is_worded_one_way(status, ceased, by, label, line, short, sentence, ended):
    s = status_with(_doc("x", status, ceased), by)
    assert (s.label, s.line(), s.short(), s.sentence(), s.ended) == (label, line, short, sentence, ended)


def test_status_of_a_replaced_document_in_the_corpus(checked):
    doc = checked.corpus.documents["34-2007-pl-ubtvqh11"]
    status = status_of(checked.graph, checked.corpus, doc)
    assert [r.doc.id for r in status.by] == ["10-2022-qh15"]
    assert status.line() == "Hết hiệu lực toàn bộ từ 01/07/2023; được thay thế bởi 10/2022/QH15 (2022)"
    assert status_of(checked.graph, checked.corpus, checked.corpus.documents["25-nq-tw-2013"]).line() == ""


# -- partial dates ------------------------------------------------------------------------------


def test_partial_dates_order_by_precision_without_failing():
    dates = [PartialDate(2017, 2), PartialDate(2017, 1, 31), PartialDate(2017), PartialDate(2016, 12, 31)]
    assert sorted(dates) == [
        PartialDate(2016, 12, 31),
        PartialDate(2017),
        PartialDate(2017, 1, 31),
        PartialDate(2017, 2),
    ]
    assert PartialDate(2017) < PartialDate(2017, 1) < PartialDate(2017, 1, 1)


def test_undated_documents_come_last_in_every_listing():
    assert sorted([None, PartialDate(2020), PartialDate(2003, 5)], key=date_order) == [
        PartialDate(2003, 5),
        PartialDate(2020),
        None,
    ]
    a, b, undated = _doc("b", year=2003), _doc("a", year=2003), _doc("c", year=None)
    assert sorted([undated, a, b], key=doc_order) == [b, a, undated]  # same date: by symbol


@pytest.mark.parametrize(
    "a,b,expected",
    [
        (PartialDate(2017, 3), PartialDate(2017), True),
        (PartialDate(2017, 3), PartialDate(2017, 3, 5), True),
        (PartialDate(2017, 3), PartialDate(2017, 4, 1), False),
        (PartialDate(2016, 12, 31), PartialDate(2017), False),
    ],
)
def test_overlaps_is_symmetric(a, b, expected):
    assert a.overlaps(b) is expected and b.overlaps(a) is expected


def test_ambiguous_reference_lists_candidates_oldest_first(checked):
    from vanban.refs import AmbiguousRef

    with pytest.raises(AmbiguousRef) as err:
        RefIndex(checked.corpus).resolve("25-NQ/TW")
    assert [d.id for d in err.value.candidates] == ["25-nq-tw-2003", "25-nq-tw-2008", "25-nq-tw-2013"]


# -- central documents --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "doc_id,central,policy",
    [
        ("25-nq-tw-2013", True, True),
        ("34-2007-pl-ubtvqh11", True, True),
        ("02-cv-bdvtw-2017", True, False),  # central, but a công văn
        ("160-bc-tu-hau-giang-2017", False, False),
        ("79-ct-tu-hau-giang-2017", False, False),
    ],
)
def test_central_rule(checked, doc_id, central, policy):
    doc = checked.corpus.documents[doc_id]
    assert (is_central(checked.corpus, doc), is_central_policy(checked.corpus, doc)) == (central, policy)


# -- type codes ---------------------------------------------------------------------------------


def test_every_table_of_type_codes_derives_from_the_one_table():
    codes = {tc.code for tc in typecodes.TYPE_CODES}
    assert len(codes) == len(typecodes.TYPE_CODES), "a code is listed once"
    assert set(vocab.CODE_MEANING) == codes
    assert {c for t in vocab.DOC_TYPES.values() for c in t.codes} <= codes
    assert vocab.DOC_TYPES["quy-dinh"].codes == ("QĐi", "QĐ", "QyĐ")
    assert typecodes.codes_in(typecodes.STATE_ADMIN) == STATE_ADMIN_CODES
    assert {"ĐA", "DA", "HĐ", "HD", "CV"} - STATE_ADMIN_CODES == {"CV"}
    for tc in typecodes.TYPE_CODES:  # each folded code spells back to itself
        assert tc.code in (patterns.CODES[tc.folded], patterns.WITH_D.get(tc.folded))
    assert set(patterns.TYPE_WORDS.values()) <= codes | {typecodes.LAW}
    assert all(vocab.TYPE_OF_CODE[c] in vocab.DOC_TYPES for c in vocab.TYPE_OF_CODE)


# -- one symbol index ---------------------------------------------------------------------------


def test_references_and_citations_share_one_symbol_index(checked):
    refs, resolver = RefIndex(checked.corpus), Resolver(checked.corpus)
    assert isinstance(refs.symbols, SymbolIndex) and isinstance(resolver.symbols, SymbolIndex)
    for typed in ["25-NQ/TW", "25 - nq/TƯ", "25-NQ/T.Ư"]:
        assert [d.id for d in refs.symbols.find(typed)] == [d.id for d in resolver.symbols.find(typed)]
        assert len(refs.symbols.find(typed)) == 3
    assert "25-NQ/TW" in refs.symbols.numbered("25")


# -- the citation: a mention and its resolution -------------------------------------------------


def test_a_citation_is_a_frozen_mention_with_a_frozen_resolution(checked):
    [c] = extract("Thực hiện Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ", Resolver(checked.corpus))
    assert isinstance(c, Citation) and isinstance(c.mention, Mention) and isinstance(c.resolution, Resolution)
    assert (c.symbol, c.resolved, c.candidates) == ("16/CT-TTg", None, ("16-ct-ttg-2016", "16-ct-ttg-2020"))
    for obj, name in ((c, "resolution"), (c.mention, "date"), (c.resolution, "resolved")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, name, None)
    assert list(c.as_json()) == [
        "text",
        "start",
        "end",
        "type",
        "number",
        "symbol",
        "date",
        "resolved",
        "candidates",
        "name",
        "term",
        "year",
        "pointer",
        "date_mismatch",
        "date_problem",
        "relation",
        "confidence",
    ]
    assert c.as_json()["candidates"] == ["16-ct-ttg-2016", "16-ct-ttg-2020"]


@pytest.mark.parametrize(
    "text,written",
    [
        ("Nghị quyết số 04-NQ/TW ngày 31/02/2016", "31/02/2016"),
        ("Nghị quyết số 04-NQ/TW, ngày 30 tháng 2 năm 2016", "30 tháng 2 năm 2016"),
        ("Nghị quyết Trung ương 4 khóa XII ngày 31/4/2017", "31/4/2017"),
    ],
)
def test_an_impossible_cited_date_keeps_the_citation_and_says_so(checked, text, written):
    [c] = extract(text, Resolver(checked.corpus))
    assert (c.date, c.date_problem, c.resolved) == (None, written, "04-nq-tw-2016")
    assert c.as_json()["date_problem"] == written


def test_check_reports_an_impossible_cited_date_with_file_and_line(data_copy):
    text = data_copy / "texts" / "160-bc-tu-hau-giang-2017.txt"
    original = text.read_text(encoding="utf-8")
    assert "Nghị quyết số 04-NQ/TW ngày 30/10/2016" in original
    text.write_text(original.replace("04-NQ/TW ngày 30/10/2016", "04-NQ/TW ngày 31/02/2016"), encoding="utf-8")
    found = [p for p in check(data_copy).problems if p.code == "impossible-cited-date"]
    assert len(found) == 1
    [problem] = found
    assert problem.severity == "warning" and problem.doc_id == "160-bc-tu-hau-giang-2017"
    assert problem.file.endswith("texts/160-bc-tu-hau-giang-2017.txt")
    line = next(i for i, s in enumerate(original.splitlines(), 1) if "04-NQ/TW ngày 30/10/2016" in s)
    assert problem.line == line
    assert "31/02/2016" in problem.message and "văn bản nguồn" in problem.hint


def test_no_texts_no_resolver(checked, monkeypatch):
    def refuse(corpus):
        raise AssertionError("a resolver was built for no text")

    monkeypatch.setattr(citations_corpus, "Resolver", refuse)
    assert citations_corpus.cite_corpus(checked.corpus, {}) == {}
