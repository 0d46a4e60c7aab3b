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


def extract(text: str, resolver: Resolver | None = None, citing: Document | None = None,
            date: PartialDate | None = None) -> list[Citation]:
    """Every citation in text, resolved against the resolver's corpus when one is given."""
    norm = normalise(text)
    if resolver is None:
        return find_citations(norm)
    citations = find_citations(norm, resolver.alias_pattern, resolver.alias_ids)
    for citation in citations:
        resolver.resolve(citation, citing, date)
    return citations
