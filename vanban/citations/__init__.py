"""Finding and resolving citations in Vietnamese texts.

normalise (NFC, white space, quotes; offsets kept) → find (patterns over folded text: a frozen
Mention each) → resolve (a Resolution: to a document of the knowledge base, or to every
candidate). ``extract`` runs all three and pairs each mention with its resolution in a Citation.
Each stage is linear in the text; ``limits`` says how large a text may be.
"""

from __future__ import annotations

from ..dates import PartialDate
from ..model import SURE, Corpus, Document
from ..symbols import symbol_key
from .find import Citation, Mention, Resolution, find_mentions
from .header import read_header
from .limits import MAX_CITATIONS, MAX_TEXT_BYTES, TextTooLarge, check_size
from .normalise import normalise
from .relations import with_relations
from .resolve import Resolver

HEADER_CHARS = 20_000  # the header is read from the start of a text only

__all__ = [
    "MAX_CITATIONS",
    "MAX_TEXT_BYTES",
    "Citation",
    "Mention",
    "Resolution",
    "Resolver",
    "TextTooLarge",
    "check_size",
    "extract",
]


def extract(
    text: str, resolver: Resolver | None = None, citing: Document | None = None, date: PartialDate | None = None
) -> list[Citation]:
    """Every citation in text, resolved against the resolver's corpus when one is given.

    Raises TextTooLarge for a text above MAX_TEXT_BYTES or with more than MAX_CITATIONS citations.
    """
    check_size(text)
    norm = normalise(text)
    if resolver is None:
        mentions = _not_own(text, find_mentions(norm))
        return with_relations(text, [Citation(m) for m in mentions], folded=norm.folded)
    mentions = _not_own(text, find_mentions(norm, resolver.alias_pattern, resolver.alias_ids))
    # A text cites the same document in the same words many times: each distinct mention is
    # resolved once (the key holds every field resolve reads).
    resolved: dict[tuple[object, ...], Resolution] = {}
    citations = []
    for m in mentions:
        key = (m.symbol, m.alias_of, m.name, m.number, m.type, m.date, m.year, m.term, m.issuer_text)
        if (resolution := resolved.get(key)) is None:
            resolution = resolved[key] = resolver.resolve(m, citing, date)
        citations.append(Citation(m, resolution))
    citations = _same_text_same_document(citations)
    out: list[Citation] = []
    for c in citations:
        if c.nested_in is not None:  # the outer citation comes first, already final in out
            c = Citation(c.mention, resolver.resolve_nested(c, out[c.nested_in]))
        out.append(c)
    return with_relations(text, out, folded=norm.folded)


def _not_own(text: str, mentions: list[Mention]) -> list[Mention]:
    """Without the document's own number: "QUYẾT ĐỊNH CỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 106/1999/QĐ-TTG" under its
    header, "Quyết định này …" restated. A mention of the same symbol with another date is kept: a
    document may cite an earlier one that had its number (16/CT-TTg of 2016 and of 2020)."""
    if not mentions:
        return mentions
    head = read_header(text[:HEADER_CHARS], Corpus({}, {}, {}), signer=False)
    if not head.symbol or head.confidence.get("symbol", 0) < SURE or head.date is None:
        return mentions  # no header: a number and its date, both read surely
    # A header flattened onto one line may give no title nor issuer: its place and a date read surely do.
    placed = head.place and head.confidence.get("date", 0) >= SURE and head.confidence.get("place", 0) >= SURE
    if not (head.title or head.issuer_lines or placed):
        return mentions  # a line in capitals quoting a document, not a document's header
    # Hyphens apart: the header keeps "05/2019/QĐUBND" as printed, a mention of it reads "05/2019/QĐ-UBND".
    own = symbol_key(head.symbol).replace("-", "")
    return [
        m
        for m in mentions
        if not (m.symbol and symbol_key(m.symbol).replace("-", "") == own and (m.date is None or m.date == head.date))
    ]


def _same_text_same_document(citations: list[Citation]) -> list[Citation]:
    """An undated mention means the document a dated mention of it in the same text resolved to.

    "Kết quả thực hiện Kết luận số 16-KL/TW" in a title is ambiguous alone (16-KL/TW recurs
    every term); "Kết luận số 16-KL/TW, ngày 08/9/2024" in the same text is not.
    """
    known: dict[tuple[str | None, ...], str] = {}
    for c in citations:
        if c.resolved and c.date is not None and not c.date_mismatch:
            known.setdefault(_mention_key(c.mention), c.resolved)
    if not known:
        return citations
    out = []
    for c in citations:
        if not c.resolved and c.candidates and (doc_id := known.get(_mention_key(c.mention))) in c.candidates:
            c = Citation(c.mention, Resolution(doc_id))
        out.append(c)
    return out


def _mention_key(m: Mention) -> tuple[str | None, ...]:
    return ("symbol", symbol_key(m.symbol)) if m.symbol else ("number", m.type, (m.number or "").lstrip("0"))
