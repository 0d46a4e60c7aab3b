"""Stage "citations" over the whole corpus: extract once per full text, then compare with YAML."""

from __future__ import annotations

from pathlib import Path

from ..load import display_path
from ..model import Corpus, Document
from ..problems import WARNING, Problem
from . import Resolver, extract
from .find import Citation
from .relation_hint import suggest_relation


def cite_corpus(corpus: Corpus, texts: dict[str, str]) -> dict[str, list[Citation]]:
    """Citations of every document that has a full text, resolved with the citing date."""
    if not texts:
        return {}  # no resolver: its indexes cost a pass over the corpus that nothing would use
    resolver = Resolver(corpus)
    return {doc_id: extract(text, resolver, corpus.documents[doc_id]) for doc_id, text in texts.items()}


def check_citations(corpus: Corpus, texts: dict[str, str], cited: dict[str, list[Citation]]) -> list[Problem]:
    problems: list[Problem] = []
    for doc_id, citations in cited.items():
        doc = corpus.documents[doc_id]
        problems += _check_document(corpus, doc, texts[doc_id], citations)
    return problems


def _check_document(corpus: Corpus, doc: Document, text: str, citations: list[Citation]) -> list[Problem]:
    where = display_path(Path(corpus.data_dir) / doc.text_file)
    covered = {r.target for r in doc.relations}
    out: list[Problem] = []
    reported: set[str] = set()

    def problem(code: str, c: Citation, message: str, hint: str) -> None:
        line = text.count("\n", 0, c.start) + 1
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
