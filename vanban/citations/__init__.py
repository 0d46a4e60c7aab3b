"""Finding and resolving citations in Vietnamese texts.

normalise (NFC, white space, quotes; offsets kept) → find (patterns over folded text) →
resolve (to a document of the knowledge base, or to every candidate). ``extract`` runs all three.
"""

from __future__ import annotations

from ..dates import PartialDate
from ..model import Document
from .find import Citation, find_citations
from .normalise import normalise
from .resolve import Resolver

__all__ = ["Citation", "Resolver", "extract"]


def extract(
    text: str, resolver: Resolver | None = None, citing: Document | None = None, date: PartialDate | None = None
) -> list[Citation]:
    """Every citation in text, resolved against the resolver's corpus when one is given."""
    norm = normalise(text)
    if resolver is None:
        return find_citations(norm)
    citations = find_citations(norm, resolver.alias_pattern, resolver.alias_ids)
    for citation in citations:
        resolver.resolve(citation, citing, date)
    _same_text_same_document(citations)
    for citation in citations:
        if citation.nested_in is not None:
            resolver.resolve_nested(citation, citations[citation.nested_in])
    return citations


def _same_text_same_document(citations: list[Citation]) -> None:
    """An undated mention means the document a dated mention of it in the same text resolved to.

    "Kết quả thực hiện Kết luận số 16-KL/TW" in a title is ambiguous alone (16-KL/TW recurs
    every term); "Kết luận số 16-KL/TW, ngày 08/9/2024" in the same text is not.
    """
    known: dict[tuple, str] = {}
    for c in citations:
        if c.resolved and c.date is not None and not c.date_mismatch:
            known.setdefault(_mention_key(c), c.resolved)
    for c in citations:
        if not c.resolved and c.candidates and (doc_id := known.get(_mention_key(c))) in c.candidates:
            c.resolved, c.candidates = doc_id, []


def _mention_key(c: Citation) -> tuple:
    from ..symbols import symbol_key

    return ("symbol", symbol_key(c.symbol)) if c.symbol else ("number", c.type, (c.number or "").lstrip("0"))
