"""Resolve what a user types to a document: an id, a symbol, a symbol with a year, an alias."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from .model import Corpus, Document
from .problems import AmbiguousRef, RefNotFound
from .symbols import fold, symbol_key

_TRAILING_YEAR = re.compile(r"^(.*?)[\s,(]+(?:năm\s+)?((?:19|20)\d\d)\)?$", re.IGNORECASE)


class RefIndex:
    """Lookup tables built once per corpus; resolving is then a few dict reads."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.by_symbol: dict[str, list[Document]] = defaultdict(list)
        self.by_alias: dict[str, list[Document]] = defaultdict(list)
        for doc in corpus.documents.values():
            self.by_symbol[symbol_key(doc.symbol)].append(doc)
            for alias in doc.aliases:
                self.by_alias[_alias_key(alias)].append(doc)

    def resolve(self, ref: str) -> Document:
        """One document, or AmbiguousRef listing every candidate, or RefNotFound."""
        ref = unicodedata.normalize("NFC", ref).strip()
        if ref in self.corpus.documents:
            return self.corpus.documents[ref]
        candidates = self._candidates(ref)
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            raise AmbiguousRef(ref, sorted(candidates, key=lambda d: d.date.sort_key() if d.date else (0,)))
        raise RefNotFound(ref, self._suggest(ref))

    def _candidates(self, ref: str) -> list[Document]:
        found = self.by_symbol.get(symbol_key(ref)) or self.by_alias.get(_alias_key(ref))
        if found:
            return list(found)
        m = _TRAILING_YEAR.match(ref)
        if m:
            year = int(m[2])
            base = self.by_symbol.get(symbol_key(m[1])) or self.by_alias.get(_alias_key(m[1])) or []
            return [d for d in base if d.year == year]
        return []

    def _suggest(self, ref: str) -> list[str]:
        key = symbol_key(ref)
        number = re.match(r"\d+", key)
        if not number:
            return []
        return sorted(
            {
                d.symbol
                for k, docs in self.by_symbol.items()
                if k.startswith(number[0] + "-") or k.startswith(number[0] + "/")
                for d in docs
            }
        )[:10]


def _alias_key(text: str) -> str:
    text = fold(text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()
