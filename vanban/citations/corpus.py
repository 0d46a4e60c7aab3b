"""Stage "citations" over the whole corpus: extract once per full text, then compare with YAML."""

from __future__ import annotations

import bisect
import multiprocessing
import os
import re
import threading
from pathlib import Path

from ..load import display_path
from ..model import Corpus, Document
from ..problems import WARNING, Problem
from . import Resolver, extract
from .find import Citation
from .limits import MAX_CITATIONS, MAX_TEXT_BYTES, TextTooLarge, number
from .relation_hint import suggest_relation


def cite_corpus(corpus: Corpus, texts: dict[str, str], jobs: int = 1) -> dict[str, list[Citation]]:
    """Citations of every document that has a full text, resolved with the citing date; on `jobs` processes
    (0: every core) when there are enough texts to be worth it. The result is the same either way.

    A text over the limits (citations.limits) has no entry: check_citations reports it.
    """
    if not texts:
        return {}  # no resolver: its indexes cost a pass over the corpus that nothing would use
    global _WORK
    _WORK = (corpus, Resolver(corpus), texts)
    workers = min(jobs or os.cpu_count() or 1, len(texts) // _PER_WORKER)
    try:
        # Only a process that runs no other thread forks: a child of one that does (serve's server, a test's
        # browser driver) may inherit a lock held for ever and hang the build.
        if workers > 1 and threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
            # Forked workers share corpus, resolver and texts as they are; only ids go out and citations
            # (plain data) come back, in the order of the texts.
            ids = list(texts)
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                found = pool.map(_cite_one, ids, chunksize=max(1, len(ids) // (workers * 8)))
        else:
            found = [_cite_one(doc_id) for doc_id in texts]
    finally:
        _WORK = None
    return {doc_id: citations for doc_id, citations in zip(texts, found, strict=True) if citations is not None}


_PER_WORKER = 200  # texts a process must have to be worth starting
_WORK: tuple[Corpus, Resolver, dict[str, str]] | None = None  # what cite_corpus's workers read


def _cite_one(doc_id: str) -> list[Citation] | None:
    assert _WORK is not None
    corpus, resolver, texts = _WORK
    try:
        return extract(texts[doc_id], resolver, corpus.documents[doc_id])
    except TextTooLarge:
        return None


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
    where = display_path(Path(corpus.data_dir) / doc.text_file)
    covered = {r.target for r in doc.relations}
    out: list[Problem] = []
    reported: set[str] = set()
    # Line of an offset by bisection: counting line breaks from the top for each citation would
    # be quadratic in a long text dense with citations.
    breaks = [m.start() for m in re.finditer("\n", text)]

    def problem(code: str, c: Citation, message: str, hint: str) -> None:
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
