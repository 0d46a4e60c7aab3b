"""Stage "citations" over the whole corpus: extract once per full text, then compare with YAML."""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..load import display_path
from ..model import Corpus, Document
from ..problems import WARNING, Problem
from ..workers import fork_workers, forked_map
from . import Resolver, extract
from .find import Citation
from .limits import MAX_CITATIONS, MAX_TEXT_BYTES, TextTooLarge, number
from .relation_hint import suggest_relation

# Keys a text's resolution read (Resolver.index_keys): a text is read again when an edited document sits under one.
Reads = frozenset[tuple[str, object]]


@dataclass
class CiteMemo:
    """What cite_corpus found, kept by `serve` between builds. A text is read again only when it changed, its
    document changed, or an edited document sits under a key its citations were looked up by (a new document
    with a symbol it cites, a cited document's date changed …); everything when what finds citations changed
    (the aliases, the issuers)."""

    finding: bytes = b""  # digest of what finding and naming read: every alias, the issuers
    documents: dict[str, Document] = field(default_factory=dict)  # the corpus as last read
    found: dict[str, tuple[bytes, Document, list[Citation] | None, Reads]] = field(default_factory=dict)


def _finding_key(corpus: Corpus) -> bytes:
    digest = hashlib.blake2b(repr(sorted(corpus.issuers.items())).encode(), digest_size=16)
    for doc in corpus.documents.values():
        if doc.aliases:
            digest.update(repr((doc.id, doc.aliases)).encode())
    return digest.digest()


def _edited_keys(before: dict[str, Document], now: dict[str, Document]) -> set[tuple[str, object]]:
    """The index keys of every document added, removed, or changed in what resolution reads, as it was and as
    it is (a title edited changes nothing here)."""
    keys: set[tuple[str, object]] = set()
    for doc_id in before.keys() | now.keys():
        old, new = before.get(doc_id), now.get(doc_id)
        if old is not None and new is not None and (old is new or _read_same(old, new)):
            continue
        for doc in (old, new):
            if doc is not None:
                keys |= Resolver.index_keys(doc)
    return keys


def _stale(
    kept: tuple[bytes, Document, list[Citation] | None, Reads] | None,
    digest: bytes,
    doc: Document,
    edited: set[tuple[str, object]],
) -> bool:
    """Whether a text's citations must be read again: it, its document, or what they were looked up by changed."""
    return kept is None or kept[0] != digest or not _read_same(kept[1], doc) or not edited.isdisjoint(kept[3])


def _read_same(a: Document, b: Document) -> bool:
    return a is b or Resolver.fields_read(a) == Resolver.fields_read(b)


def cite_corpus(
    corpus: Corpus, texts: dict[str, str], jobs: int = 1, memo: CiteMemo | None = None
) -> dict[str, list[Citation]]:
    """Citations of every document that has a full text, resolved with the citing date; on `jobs` processes
    (0: every core) when there are enough texts to be worth it. The result is the same either way, and the
    same with a `memo` of an earlier call (only what an edit can change is read again).

    A text over the limits (citations.limits) has no entry: check_citations reports it.
    """
    if not texts:
        return {}  # no resolver: its indexes cost a pass over the corpus that nothing would use
    if memo is None:
        found = dict(zip(texts, _cite_all(corpus, texts, list(texts), jobs, False), strict=True))
        return {i: f[0] for i, f in found.items() if f[0] is not None}
    digests = {doc_id: hashlib.blake2b(text.encode(), digest_size=16).digest() for doc_id, text in texts.items()}
    finding = _finding_key(corpus)
    if memo.finding != finding:
        memo.finding, memo.found = finding, {}
    edited = _edited_keys(memo.documents, corpus.documents)
    docs = corpus.documents
    todo = [i for i in texts if _stale(memo.found.get(i), digests[i], docs[i], edited)]
    fresh = dict(zip(todo, _cite_all(corpus, texts, todo, jobs, True), strict=True))
    memo.found = {i: (digests[i], docs[i], *fresh[i]) if i in fresh else memo.found[i] for i in texts}
    memo.documents = dict(docs)
    return {i: f[2] for i, f in memo.found.items() if f[2] is not None}


def _cite_all(
    corpus: Corpus, texts: dict[str, str], ids: list[str], jobs: int, reads: bool
) -> list[tuple[list[Citation] | None, Reads]]:
    if not ids:
        return []
    global _WORK
    _WORK = (corpus, Resolver(corpus), texts, reads)
    workers = fork_workers(jobs, len(ids), _PER_WORKER)
    try:
        if workers:  # they share corpus, resolver and texts; ids go out, citations (plain data) come back
            return forked_map(_cite_one, ids, workers)
        return [_cite_one(doc_id) for doc_id in ids]
    finally:
        _WORK = None


_PER_WORKER = 200  # texts a process must have to be worth starting
_WORK: tuple[Corpus, Resolver, dict[str, str], bool] | None = None  # what cite_corpus's workers read


def _cite_one(doc_id: str) -> tuple[list[Citation] | None, Reads]:
    assert _WORK is not None
    corpus, resolver, texts, reads = _WORK
    resolver.reads = set() if reads else None
    try:
        return extract(texts[doc_id], resolver, corpus.documents[doc_id]), frozenset(resolver.reads or ())
    except TextTooLarge:
        return None, frozenset()


def check_citations(corpus: Corpus, texts: dict[str, str], cited: dict[str, list[Citation]]) -> list[Problem]:
    problems: list[Problem] = []
    resolver: Resolver | None = None
    for doc_id, text in texts.items():
        doc = corpus.documents[doc_id]
        if doc_id in cited:
            problems += _check_document(corpus, doc, text, cited[doc_id])
            continue
        # Refused by cite_corpus: extract says again why (at once for a size, within the citation
        # limit's time for a count), rather than cite_corpus returning more than citations.
        resolver = resolver or Resolver(corpus)
        try:
            extract(text, resolver, doc)
        except TextTooLarge as exc:
            problems.append(_refused(corpus, doc, text, exc))
    return problems


def _refused(corpus: Corpus, doc: Document, text: str, exc: TextTooLarge) -> Problem:
    return Problem(
        "text-too-large",
        f"không tìm trích dẫn trong toàn văn: {exc.reason}",
        f"giới hạn mỗi toàn văn là {number(MAX_TEXT_BYTES)} byte và {number(MAX_CITATIONS)} trích dẫn; "
        "chỉ giữ toàn văn của chính văn bản này (không gộp nhiều văn bản hay phụ lục dài vào một tệp)",
        display_path(Path(corpus.data_dir) / doc.text_file),
        text.count("\n", 0, exc.offset) + 1,
        doc_id=doc.id,
    )


def _check_document(corpus: Corpus, doc: Document, text: str, citations: list[Citation]) -> list[Problem]:
    covered = {r.target for r in doc.relations}
    out: list[Problem] = []
    reported: set[str] = set()
    # Line of an offset by bisection: counting line breaks from the top for each citation would
    # be quadratic in a long text dense with citations. Found at the first problem: most texts have none.
    breaks: list[int] = []
    where = ""

    def problem(code: str, c: Citation, message: str, hint: str) -> None:
        nonlocal where
        if not where:
            where = display_path(Path(corpus.data_dir) / doc.text_file)
            breaks.extend(m.start() for m in re.finditer("\n", text))
        line = bisect.bisect_left(breaks, c.start) + 1
        out.append(Problem(code, message, hint, where, line, f"«{' '.join(c.text.split())}»", WARNING, doc.id))

    for c in citations:
        shown = " ".join(c.text.split())
        nested = c.nested_in is not None  # it describes another cited document, not this one
        if c.date_problem:
            problem(
                "impossible-cited-date",
                c,
                f"«{shown}» ghi ngày {c.date_problem}, một ngày không có thật",
                "kiểm tra ngày trong văn bản nguồn; nếu nguồn ghi đúng như vậy thì giữ nguyên toàn văn và ghi "
                "nhận dưới `acknowledged: {impossible-cited-date: …}`",
            )
        if c.resolved and not nested and c.resolved not in covered and c.resolved not in reported:
            reported.add(c.resolved)
            target = corpus.documents[c.resolved]
            relation = suggest_relation(text, c, doc.type)
            problem(
                "uncovered-citation",
                c,
                f"văn bản trích dẫn {target.symbol} ({target.year or 'chưa rõ năm'}) nhưng không có quan hệ nào tới nó",
                f"thêm vào {doc.file}: relations: - {{type: {relation}, target: {target.id}}}",
            )
        if c.resolved and c.date_mismatch and c.date is not None:  # a mismatch needs a cited date
            target = corpus.documents[c.resolved]
            problem(
                "cited-date-mismatch",
                c,
                f"trích dẫn ghi ngày {c.date.vietnamese()} nhưng {target.symbol} ban hành ngày "
                f"{target.date.vietnamese() if target.date else 'chưa rõ'}",
                "lỗi trong văn bản nguồn thì giữ nguyên toàn văn và ghi nhận dưới "
                "`acknowledged: {cited-date-mismatch: …}`; nếu không thì kiểm tra lại ngày trong dữ liệu",
            )
        if not c.resolved and c.candidates:
            problem(
                "ambiguous-citation",
                c,
                f"«{shown}» ứng với nhiều văn bản: {', '.join(c.candidates)}",
                "thêm quan hệ tới đúng văn bản; trang web sẽ nêu mọi khả năng",
            )
        elif not c.resolved:
            problem(
                "unresolved-citation",
                c,
                f"«{shown}» không có trong cơ sở tri thức",
                "thêm văn bản đó (có thể chỉ với `known_from_citation: true`) nếu biết nó là văn bản nào",
            )
    return out
