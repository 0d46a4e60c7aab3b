"""Finding and resolving citations in Vietnamese texts.

normalise (NFC, white space, quotes; offsets kept) → find (patterns over folded text: a frozen
Mention each) → resolve (a Resolution: to a document of the knowledge base, or to every
candidate). ``extract`` runs all three and pairs each mention with its resolution in a Citation.
"""

from __future__ import annotations

from ..dates import PartialDate
from ..model import Document
from ..symbols import symbol_key
from .find import Citation, Mention, Resolution, find_mentions
from .normalise import normalise
from .resolve import Resolver

__all__ = ["Citation", "Mention", "Resolution", "Resolver", "extract"]


def extract(
    text: str, resolver: Resolver | None = None, citing: Document | None = None, date: PartialDate | None = None
) -> list[Citation]:
    """Every citation in text, resolved against the resolver's corpus when one is given."""
    norm = normalise(text)
    if resolver is None:
        return [Citation(m) for m in find_mentions(norm)]
    mentions = find_mentions(norm, resolver.alias_pattern, resolver.alias_ids)
    citations = _same_text_same_document([Citation(m, resolver.resolve(m, citing, date)) for m in mentions])
    out: list[Citation] = []
    for c in citations:
        if c.nested_in is not None:  # the outer citation comes first, already final in out
            c = Citation(c.mention, resolver.resolve_nested(c, out[c.nested_in]))
        out.append(c)
    return out


def _same_text_same_document(citations: list[Citation]) -> list[Citation]:
    """An undated mention means the document a dated mention of it in the same text resolved to.

    "Kết quả thực hiện Kết luận số 16-KL/TW" in a title is ambiguous alone (16-KL/TW recurs
    every term); "Kết luận số 16-KL/TW, ngày 08/9/2024" in the same text is not.
    """
    known: dict[tuple[str | None, ...], str] = {}
    for c in citations:
        if c.resolved and c.date is not None and not c.date_mismatch:
            known.setdefault(_mention_key(c.mention), c.resolved)
    out = []
    for c in citations:
        if not c.resolved and c.candidates and (doc_id := known.get(_mention_key(c.mention))) in c.candidates:
            c = Citation(c.mention, Resolution(doc_id))
        out.append(c)
    return out


def _mention_key(m: Mention) -> tuple[str | None, ...]:
    return ("symbol", symbol_key(m.symbol)) if m.symbol else ("number", m.type, (m.number or "").lstrip("0"))
