"""Stage 2: checks across documents, on a Corpus that ``load`` has read field by field."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import os
import re
import unicodedata
from collections import defaultdict

import networkx as nx

from . import vocab
from .dates import PartialDate, definitely_before
from .model import Corpus, Document, Draft, Figure
from .problems import ERROR, NOTE, WARNING, Problem
from .schema import RESERVED_KEYS, UNKNOWN_ISSUER, key_problem
from .symbols import ID_PATTERN, OTHER, expected_id, parse_symbol, slug, symbol_key

_ROMAN = re.compile(r"^[IVXL]+$")
_UNREAD = {"unreadable", "encoding", "over-limit", "link-outside-data", "empty-file"}
_CITATION_CODES = {
    "uncovered-citation",
    "cited-date-mismatch",
    "ambiguous-citation",
    "unresolved-citation",
    "impossible-cited-date",
}
CYCLE_SHOWN = 12  # documents named in one cycle report; the rest are counted
# Warnings that `acknowledged:` cannot turn into notes: a draft is reviewed, not acknowledged.
_UNACKNOWLEDGEABLE = frozenset({"draft-unreviewed"})


@dataclasses.dataclass
class CheckMemo:
    """What `serve` keeps between builds of the checks of one document: the document, the documents its relations
    point to, its problems. They are given again while these are the very same objects (the pipeline keeps an
    unchanged document the same object) and the registries and the day are the same: nothing else is read."""

    around: tuple[object, ...] = ()  # the registries and the day the problems were found with
    documents: dict[str, tuple[Document, tuple[Document | None, ...], list[Problem]]] = dataclasses.field(
        default_factory=dict
    )


def check_corpus(corpus: Corpus, today: dt.date | None = None, memo: CheckMemo | None = None) -> list[Problem]:
    problems: list[Problem] = []
    today = today or dt.date.today()
    around = (corpus.issuers, corpus.named_sources, today)
    kept = memo.documents if memo is not None and memo.around == around else {}
    checked = {}
    for doc in corpus.documents.values():
        targets = tuple(corpus.documents.get(rel.target) for rel in doc.relations)
        before = kept.get(doc.id)
        if before is not None and before[0] is doc and _same_objects(before[1], targets):
            found = before[2]
        else:
            found = _check_document(corpus, doc, today)
        checked[doc.id] = (doc, targets, found)
        problems += found
    if memo is not None:
        memo.around, memo.documents = around, checked
    problems += _check_duplicate_symbols(corpus)
    problems += _check_cycles(corpus)
    return problems


def _same_objects(before: tuple[Document | None, ...], now: tuple[Document | None, ...]) -> bool:
    """The same documents, every one found: a relation to no document is checked again (its hint names the
    closest id, which any new document may change)."""
    return all(a is b and b is not None for a, b in zip(before, now, strict=True))


def _check_document(corpus: Corpus, doc: Document, today: dt.date) -> list[Problem]:
    """The problems of one document: of it alone, and of what it points to."""
    return (
        _check_references(corpus, doc)
        + _check_identity(corpus, doc)
        + _check_dates(doc, today)
        + _check_relations(corpus, doc)
        + _check_draft(corpus, doc)
    )


def check_figures(corpus: Corpus, texts: dict[str, str]) -> list[Problem]:
    """Every figure's value is in its sentence, as a number of its own (not "2" in "02", nor "1" in "1960"), and
    its sentence, of three words at least, is in the document's full text or in one of its sources' quotes: a
    figure shown on a report is a fact like any other (white space and Unicode forms aside). A full text not
    read (`texts` without it) is not held against the figure."""
    out: list[Problem] = []
    for doc in corpus.documents.values():
        if not doc.figures:  # (most documents: their sources' quotes are not even read)
            continue
        said = [_plain(src.quote) for src in doc.sources if src.quote]
        text = _plain(texts[doc.id]) if doc.id in texts else None
        for i, fig in enumerate(doc.figures):
            out += _figure_problems(doc, i, fig, said, text)
    return out


def _figure_problems(doc: Document, i: int, fig: Figure, said: list[str], text: str | None) -> list[Problem]:
    field, quote, value = f"figures[{i}]", _plain(fig.quote), _plain(fig.value)
    out = []
    if not value or not _in_sentence(value, quote):
        out.append(
            _p(
                doc,
                "figure-not-in-quote",
                f"con số '{fig.value}' không có trong câu trích: «{fig.quote}»",
                "chép con số đúng như câu nguyên văn ghi",
                field,
            )
        )
    if doc.text_file and text is None:
        return out
    sourced = len(quote.split()) >= 3 and ((text is not None and quote in text) or any(quote in s for s in said))
    if not sourced:
        where = "toàn văn hay " if text is not None else ""
        out.append(
            _p(
                doc,
                "figure-unsourced",
                f"câu trích của số liệu '{fig.label}' không có trong {where}câu trích của nguồn nào",
                "chép nguyên văn cả câu (ít nhất ba từ) từ toàn văn (data/texts), hoặc thêm nguồn có câu ấy",
                field,
            )
        )
    return out


def _in_sentence(value: str, quote: str) -> bool:
    """The value in the quote, a number of its own: "02 đợt" in "… tổ chức 02 đợt …", not "2" in "02"."""
    before = r"(?<![\d.,])" if value[0].isdigit() else ""
    after = r"(?![.,]?\d)" if value[-1].isdigit() else ""
    return re.search(before + re.escape(value) + after, quote) is not None


def _plain(text: str) -> str:
    """NFC, white space as one space: what two copies of one sentence share."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _p(
    doc: Document,
    code: str,
    message: str,
    hint: str = "",
    field: str = "",
    severity: str = ERROR,
    line: int | None = None,
) -> Problem:
    return Problem(
        code,
        message,
        hint,
        doc.file,
        line or doc.line_of.get(field.split("[")[0].split(".")[0]),
        field,
        severity,
        doc.id,
    )


def _check_references(corpus: Corpus, doc: Document) -> list[Problem]:
    out = []
    for field, key in [("issuer", doc.issuer)] + [(f"co_issuers[{i}]", k) for i, k in enumerate(doc.co_issuers)]:
        if why := key_problem(key):
            out.append(
                _p(doc, "bad-id", f"khóa cơ quan '{key}' không hợp lệ: {why}", "dùng một khóa của issuers.yaml", field)
            )
        elif key == UNKNOWN_ISSUER and doc.draft is None:
            out.append(
                _p(
                    doc,
                    "unknown-issuer",
                    f"khóa '{key}' chỉ dành cho bản nháp chưa xác định được cơ quan ban hành",
                    "ghi khóa của cơ quan ban hành trong data/issuers.yaml (thêm cơ quan nếu chưa có)",
                    field,
                )
            )
        elif key not in corpus.issuers:
            close = difflib.get_close_matches(key, corpus.issuers, n=1)
            hint = f"có phải '{close[0]}'?" if close else "thêm cơ quan vào data/issuers.yaml"
            out.append(_p(doc, "unknown-issuer", f"cơ quan ban hành không có trong issuers.yaml: '{key}'", hint, field))
    cited = [(f"sources[{i}]", src) for i, src in enumerate(doc.sources)]
    cited += [
        (f"relations[{i}].sources[{j}]", src)
        for i, rel in enumerate(doc.relations)
        for j, src in enumerate(rel.sources)
    ]
    for field, src in cited:
        if not src.path and not src.note and "." not in src.name and src.name not in corpus.named_sources:
            out.append(
                _p(
                    doc,
                    "unknown-source",
                    f"nguồn '{src.name}' không có trong data/sources.yaml",
                    "dùng một khóa của sources.yaml, hoặc `- site: tên-trang.vn` kèm `path:`",
                    field,
                )
            )
    if not doc.sources:
        out.append(
            _p(
                doc,
                "missing-field",
                "văn bản không có nguồn nào",
                "ghi ít nhất một nguồn cho các thông tin về văn bản",
                "sources",
            )
        )
    return out


def _check_identity(corpus: Corpus, doc: Document) -> list[Problem]:
    out = []
    sym = parse_symbol(doc.symbol)
    if sym.family == OTHER:
        out.append(
            _p(
                doc,
                "unusual-symbol",
                f"ký hiệu '{doc.symbol}' không theo mẫu của Đảng (25-NQ/TW), hành chính "
                "(16/CT-TTg, 1185/UBND-TH) hay quy phạm (59/2023/NĐ-CP)",
                "kiểm tra lại ký hiệu trên văn bản gốc; nếu đúng như vậy thì giữ nguyên",
                "symbol",
                WARNING,
            )
        )
    doc_type = vocab.DOC_TYPES.get(doc.type)
    if sym.type_code and doc_type and sym.type_code not in doc_type.codes:
        meaning = vocab.CODE_MEANING.get(sym.type_code, "không rõ")
        usual = ", ".join(doc_type.codes) or "không có mã"
        out.append(
            _p(
                doc,
                "symbol-type-mismatch",
                f"ký hiệu '{doc.symbol}' mang mã {sym.type_code} ({meaning}) nhưng loại văn bản "
                f"là {doc_type.label} (mã thường dùng: {usual})",
                "kiểm tra loại và ký hiệu trên văn bản gốc; nếu nguồn ghi như vậy, giữ nguyên và "
                "ghi lý do dưới `acknowledged: {symbol-type-mismatch: …}`",
                "symbol",
                WARNING,
            )
        )
    issuer = corpus.issuers.get(doc.issuer)
    if issuer is not None and sym.year and doc.year and sym.year != doc.year:
        out.append(
            _p(
                doc,
                "symbol-year-mismatch",
                f"năm trong ký hiệu ({sym.year}) khác năm ban hành ({doc.year})",
                "sửa ngày ban hành hoặc ký hiệu",
                "date",
            )
        )
    if issuer is not None and not issuer.unidentified:  # an unknown issuer: its region, hence the id, unknown
        want = expected_id(doc.symbol, doc.year, issuer.region)
        if doc.id != want:
            out.append(
                _p(
                    doc,
                    "id-mismatch",
                    f"id '{doc.id}' không khớp ký hiệu, cơ quan và năm (cần '{want}')",
                    f"đổi tên tệp thành {want}.yaml, đổi cả các tệp mang id cũ trong data/texts/ và "
                    f"data/originals/ ({doc.id}.txt, {doc.id}.pdf…) thành {want}.txt, {want}.pdf… "
                    "(sửa dòng `original:` nếu nó nêu tên cũ), và sửa các quan hệ trỏ tới nó",
                    "symbol",
                )
            )
    if doc.term and not _ROMAN.match(doc.term):
        # The term names a page (theo-khoa/<slug>): one the site keeps for itself is an error.
        reserved = slug(doc.term) in RESERVED_KEYS
        out.append(
            _p(
                doc,
                "bad-term",
                f"khóa '{doc.term}' không phải số La Mã" + (", và trùng tên trang dành riêng" if reserved else ""),
                "viết khóa bằng số La Mã: XI, XII, XIII",
                "term",
                ERROR if reserved else WARNING,
            )
        )
    return out


def _check_dates(doc: Document, today: dt.date) -> list[Problem]:
    out = []
    if doc.date and doc.date.earliest() > today:
        shown_today = PartialDate(today.year, today.month, today.day).vietnamese()
        out.append(
            _p(
                doc,
                "future-date",
                f"ngày ban hành {doc.date.vietnamese()} ở sau hôm nay ({shown_today})",
                "kiểm tra năm và ngày trên văn bản gốc (2099 thay cho 2019?)",
                "date",
            )
        )
    if doc.date and doc.effective and definitely_before(doc.effective, doc.date):
        out.append(
            _p(doc, "date-order", "ngày có hiệu lực trước ngày ban hành", "kiểm tra `effective` và `date`", "effective")
        )
    start = doc.effective or doc.date
    if start and doc.ceased and definitely_before(doc.ceased, start):
        out.append(
            _p(doc, "date-order", "ngày hết hiệu lực trước ngày ban hành/có hiệu lực", "kiểm tra `ceased`", "ceased")
        )
    if doc.status in vocab.CEASED_STATUSES and not doc.ceased:
        out.append(
            _p(
                doc,
                "missing-field",
                "văn bản hết hiệu lực nhưng không ghi ngày hết hiệu lực",
                "thêm `ceased: YYYY-MM-DD`, hoặc đánh dấu `unverified: [ceased]`",
                "status",
                WARNING,
            )
        )
    if doc.date is None and "date" not in doc.unverified:
        out.append(
            _p(
                doc,
                "missing-field",
                "văn bản không có ngày ban hành",
                "thêm `date:`; nếu chưa biết, ghi `unverified: [date]` và `date_note:`",
                "date",
                WARNING,
            )
        )
    return out


def _check_relations(corpus: Corpus, doc: Document) -> list[Problem]:
    out, seen = [], set()
    for i, rel in enumerate(doc.relations):
        field = f"relations[{i}].target"
        rtype = vocab.RELATION_TYPES[rel.type]
        if not ID_PATTERN.match(rel.target):
            out.append(
                _p(
                    doc,
                    "bad-id",
                    f"id đích '{rel.target}' không hợp lệ",
                    "id chỉ gồm chữ thường không dấu, số và '-', như 25-nq-tw-2013",
                    field,
                    line=rel.line,
                )
            )
            continue
        target = corpus.documents.get(rel.target)
        if target is None:
            close = difflib.get_close_matches(rel.target, corpus.documents, n=1)
            hint = (
                f"có phải '{close[0]}'?"
                if close
                else "thêm văn bản đó (có thể chỉ với `known_from_citation: true`) rồi trỏ tới id của nó"
            )
            out.append(
                _p(doc, "unknown-target", f"quan hệ trỏ tới id không có: '{rel.target}'", hint, field, line=rel.line)
            )
            continue
        if rel.target == doc.id:
            out.append(
                _p(doc, "self-relation", "văn bản có quan hệ với chính nó", "xóa quan hệ này", field, line=rel.line)
            )
        if (rel.type, rel.target) in seen:
            out.append(
                _p(
                    doc,
                    "duplicate-relation",
                    f"quan hệ '{rel.type}' tới '{rel.target}' ghi hai lần",
                    "xóa một dòng",
                    field,
                    WARNING,
                    line=rel.line,
                )
            )
        seen.add((rel.type, rel.target))
        if rtype.chronological and doc.date and target.date and definitely_before(doc.date, target.date):
            out.append(
                _p(
                    doc,
                    "relation-date-order",
                    f"'{rtype.label.lower()}' một văn bản ban hành sau nó: {target.symbol} "
                    f"({target.date.vietnamese()}) sau {doc.symbol} ({doc.date.vietnamese()})",
                    "kiểm tra ngày của hai văn bản, hoặc quan hệ có trỏ nhầm năm không "
                    "(ký hiệu lặp lại qua các khóa, các năm)",
                    field,
                    line=rel.line,
                )
            )
    return out


def _check_draft(corpus: Corpus, doc: Document) -> list[Problem]:
    """A draft passes `check` with a warning, so `check --strict` fails until it is reviewed."""
    draft = doc.draft
    if draft is None:
        return []
    source = f", từ tệp {draft.file}" if draft.file else ""
    parts = [f"bản nháp nhập tự động chưa được xem xét (đọc bằng {draft.reader}{source})", uncertain_summary(draft)]
    issuer = corpus.issuers.get(doc.issuer)
    if issuer is not None and issuer.unidentified:
        printed = f" (đầu văn bản ghi: {draft.issuer_text})" if draft.issuer_text else ""
        parts.append(f"chưa xác định cơ quan ban hành{printed}")
    if draft.relations:
        parts.append(f"{len(draft.relations)} quan hệ gợi ý chưa xác nhận")
    return [
        _p(
            doc,
            "draft-unreviewed",
            "; ".join(parts),
            f"đối chiếu với bản gốc, sửa tệp, rồi chạy `vanban accept {doc.id}` (văn bản đã xem xét xong) "
            f"hoặc `vanban accept {doc.id} TRƯỜNG…` (từng trường); `vanban review` liệt kê mọi bản nháp",
            "draft",
            WARNING,
            line=draft.line,
        )
    ]


def uncertain_summary(draft: Draft) -> str:
    """The fields a draft marks as uncertain, with confidence and reason, as `check` and `review` say it."""
    marks = [
        f"{name} ({mark.confidence:g}{': ' + mark.reason if mark.reason else ''})" for name, mark in draft.uncertain()
    ]
    return "cần xem lại: " + "; ".join(marks) if marks else "không trường nào bị đánh dấu chưa chắc"


def _check_duplicate_symbols(corpus: Corpus) -> list[Problem]:
    # A symbol is unique within a year and a region (central bodies share one region).
    groups = defaultdict(list)
    for doc in corpus.documents.values():
        issuer = corpus.issuers.get(doc.issuer)
        if issuer is not None and issuer.unidentified:  # a draft's unknown issuer: its region unknown
            continue
        region = issuer.region if issuer else None
        groups[(symbol_key(doc.symbol), doc.year, region)].append(doc)
    out = []
    for (_, year, _), docs in groups.items():
        if len(docs) < 2 or year is None:
            continue
        for doc in docs:
            others = ", ".join(d.file for d in docs if d is not doc)
            out.append(
                _p(
                    doc,
                    "duplicate-symbol",
                    f"ký hiệu '{doc.symbol}' năm {year} đã có ở {others}",
                    "hai văn bản cùng ký hiệu, cùng năm, cùng địa phương: kiểm tra ngày hoặc gộp làm một",
                    "symbol",
                )
            )
    return out


def _check_cycles(corpus: Corpus) -> list[Problem]:
    """One problem per knot of replacements, linear in the relations.

    Every cycle lies inside one strongly connected component; listing the cycles themselves
    (nx.simple_cycles) is exponential: ten documents that all replace one another have millions.
    So each component is reported once, with its documents and one cycle through it as example.
    """
    graph: nx.DiGraph[str] = nx.DiGraph()
    for rel in corpus.relations():
        if vocab.RELATION_TYPES[rel.type].acyclic and rel.target in corpus.documents and rel.target != rel.source:
            graph.add_edge(rel.source, rel.target, line=rel.line)
    out = []
    for component in nx.strongly_connected_components(graph):
        if len(component) < 2:
            continue
        members = sorted(component)
        cycle = [u for u, _ in nx.find_cycle(graph.subgraph(component), members[0])]
        doc = corpus.documents[cycle[0]]
        path = _shown_symbols(corpus, cycle + cycle[:1], " → ")
        others = (
            ""
            if len(members) == len(cycle)
            else f"; cả nhóm gồm {len(members)} văn bản: {_shown_symbols(corpus, members, ', ')}"
        )
        out.append(
            _p(
                doc,
                "relation-cycle",
                f"vòng lặp thay thế/bãi bỏ/sửa đổi: {path}{others}",
                "một văn bản không thể (trực tiếp hay gián tiếp) thay thế chính nó; xóa hoặc đảo chiều một quan hệ",
                "relations",
                line=graph.edges[cycle[0], cycle[1 % len(cycle)]]["line"],
            )
        )
    return out


def _shown_symbols(corpus: Corpus, ids: list[str], sep: str) -> str:
    shown = sep.join(corpus.documents[d].symbol for d in ids[:CYCLE_SHOWN])
    return shown + (f"{sep}… ({len(ids) - CYCLE_SHOWN} văn bản nữa)" if len(ids) > CYCLE_SHOWN else "")


def apply_acknowledgements(corpus: Corpus, problems: list[Problem]) -> list[Problem]:
    """Downgrade warnings the data acknowledges with a reason; flag stale acknowledgements."""
    used = set()
    out = []
    for p in problems:
        doc = corpus.documents.get(p.doc_id)
        reason = doc.acknowledged.get(p.code) if doc and p.severity == WARNING else None
        if p.code in _UNACKNOWLEDGEABLE:
            reason = None
        if doc and reason:
            used.add((doc.id, p.code))
            p = Problem(p.code, f"{p.message} — đã ghi nhận: {reason}", "", p.file, p.line, p.field, NOTE, p.doc_id)
        out.append(p)
    # A full text that could not be read says nothing about its citations: not stale, just unknown.
    # Matched on the last two path parts, as text_file is always texts/<name>.
    unread = {"/".join(p.file.replace(os.sep, "/").rsplit("/", 2)[-2:]) for p in problems if p.code in _UNREAD}
    for doc in corpus.documents.values():
        text_unread = bool(doc.text_file) and doc.text_file in unread
        for code in doc.acknowledged:
            if text_unread and code in _CITATION_CODES:
                continue
            if code in _UNACKNOWLEDGEABLE:
                out.append(
                    _p(
                        doc,
                        "stale-acknowledgement",
                        f"cảnh báo '{code}' không ghi nhận được: bản nháp phải được xem xét, không ghi nhận",
                        f"xóa dòng này khỏi `acknowledged`; khi đã xem xét, chạy `vanban accept {doc.id}`",
                        "acknowledged",
                        WARNING,
                    )
                )
            elif (doc.id, code) not in used:
                out.append(
                    _p(
                        doc,
                        "stale-acknowledgement",
                        f"ghi nhận cảnh báo '{code}' nhưng không còn cảnh báo đó",
                        "xóa dòng này khỏi `acknowledged`",
                        "acknowledged",
                        WARNING,
                    )
                )
    return out
