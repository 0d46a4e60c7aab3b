"""Resolve what a user types to a document: an id, a symbol, a symbol with a year, an alias.

``SymbolIndex`` is the one index from symbol to documents: user references here and citations in
full texts (citations.resolve) are both looked up in it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from .dates import date_order
from .model import Corpus, Document
from .problems import VanbanError
from .symbols import fold, symbol_key


class RefNotFound(VanbanError):
    def __init__(self, ref: str, suggestions: list[str]):
        self.ref = ref
        self.suggestions = suggestions
        super().__init__(f"không tìm thấy văn bản '{ref}'")


class AmbiguousRef(VanbanError):
    def __init__(self, ref: str, candidates: list[Document]):
        self.ref = ref
        self.candidates = candidates  # every document that fits, oldest first
        super().__init__(f"'{ref}' ứng với {len(candidates)} văn bản")


class RefTooLong(RefNotFound):
    """A reference longer than MAX_REF_CHARS: no id, symbol or name is, so it is not looked up."""

    def __init__(self, ref: str):
        self.length = len(ref)
        super().__init__(ref[:60] + "…", [])


# Ids, symbols and the names texts use are well under a hundred characters; a reference above this
# is refused before any lookup, so that a pasted page costs nothing (and is not printed back).
MAX_REF_CHARS = 300


def normal_ref(ref: str) -> str:
    """The reference as it is looked up (NFC, trimmed); RefTooLong above MAX_REF_CHARS."""
    ref = unicodedata.normalize("NFC", ref).strip()
    if len(ref) > MAX_REF_CHARS:
        raise RefTooLong(ref)
    return ref


_TRAILING_YEAR = re.compile(r"^(.*?)[\s,(]+(?:năm\s+)?((?:19|20)\d\d)\)?$", re.IGNORECASE)


class SymbolIndex:
    """Documents by symbol, folded (symbols.symbol_key). A symbol recurs (25-NQ/TW in 2003, 2008
    and 2013), so a symbol finds every document that bears it, in corpus order."""

    def __init__(self, documents: Iterable[Document]) -> None:
        self._by_key: dict[str, list[Document]] = defaultdict(list)
        for doc in documents:
            self._by_key[symbol_key(doc.symbol)].append(doc)

    def find(self, symbol: str) -> list[Document]:
        """Every document with this symbol however it is typed (case, spaces, TƯ/T.Ư); a new list."""
        return list(self._by_key.get(symbol_key(symbol), ()))

    def numbered(self, number: str) -> set[str]:
        """The symbols that start with this number (25 → 25-NQ/TW, 25/CT-TTg)."""
        return {
            d.symbol
            for key, docs in self._by_key.items()
            if key.startswith(number + "-") or key.startswith(number + "/")
            for d in docs
        }


class RefIndex:
    """Lookup tables built once per corpus; resolving is then a few dict reads."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.symbols = SymbolIndex(corpus.documents.values())
        self.by_alias: dict[str, list[Document]] = defaultdict(list)
        for doc in corpus.documents.values():
            for alias in doc.aliases:
                self.by_alias[_alias_key(alias)].append(doc)

    def resolve(self, ref: str) -> Document:
        """One document, or AmbiguousRef listing every candidate, or RefNotFound (RefTooLong)."""
        ref = normal_ref(ref)
        if ref in self.corpus.documents:
            return self.corpus.documents[ref]
        candidates = self._candidates(ref)
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            candidates.sort(key=lambda d: date_order(d.date))
            raise AmbiguousRef(ref, candidates)
        raise RefNotFound(ref, self._suggest(ref))

    def _candidates(self, ref: str) -> list[Document]:
        found = self.symbols.find(ref) or self.by_alias.get(_alias_key(ref))
        if found:
            return list(found)
        m = _TRAILING_YEAR.match(ref)
        if m:
            year = int(m[2])
            base = self.symbols.find(m[1]) or self.by_alias.get(_alias_key(m[1])) or []
            return [d for d in base if d.year == year]
        return []

    def _suggest(self, ref: str) -> list[str]:
        number = re.match(r"\d+", symbol_key(ref))
        return sorted(self.symbols.numbered(number[0]))[:10] if number else []


def _alias_key(text: str) -> str:
    text = fold(text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()
