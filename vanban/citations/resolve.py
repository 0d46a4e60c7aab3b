"""Stage "resolve": which document of the knowledge base a citation means.

A symbol is not an identity (25-NQ/TW: 2003, 2008, 2013; 16/CT-TTg: 2016, 2020), so candidates
are narrowed in the order of shared/reference/symbols-and-citations.md: an explicit date; a year
or term nearby; the citing document's own date (a text cannot cite a later document); the
region of a local issuer; the issuer named. One candidate left: resolved. Several: all are
reported and none is picked.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from .. import vocab
from ..dates import PartialDate, definitely_before
from ..model import Corpus, Document
from ..refs import SymbolIndex
from ..symbols import fold, parse_symbol, symbol_key
from ..typecodes import LAW
from . import patterns as P
from .find import Citation, Mention, Resolution

# Issuer codes of local bodies: a citation with one of these means a document of the region of
# the citing document (79-CT/TU cited in Hậu Giang is Hậu Giang's).
LOCAL_CODES = re.compile(r"^(?:TU|HU|ĐU|DU|T?UBND.*|HĐND.*|UBND)$")
DATE_TOLERANCE_YEARS = 1  # a cited date this close to the only candidate's is reported, not refused
# The name find gives a meeting's resolution or conclusion: "Nghị quyết Trung ương 4", "Kết luận Hội nghị Trung ương 4".
_MEETING = re.compile(r"(?:Nghị quyết|Kết luận Hội nghị) Trung ương (\d+)")


def _space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class _Trie(dict[str, "_Trie"]):
    """A word trie: each word leads to the trie of the words that may follow it."""


def trie_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One regex for many folded phrases, as a word trie: linear on long texts, longest match."""
    end = ""  # marks the end of a phrase inside the trie
    trie = _Trie()
    for phrase in phrases:
        node = trie
        for word in phrase.split(" "):
            node = node.setdefault(word, _Trie())
        node[end] = _Trie()

    def build(node: _Trie) -> str | None:
        alternatives = []
        for word in sorted((w for w in node if w != end), key=len, reverse=True):
            child, rest = node[word], build(node[word])
            if rest is None:
                alternatives.append(re.escape(word))
            elif end in child:  # a phrase ends here and a longer one goes on
                alternatives.append(re.escape(word) + r"(?:\s{1,3}" + rest + ")?")
            else:
                alternatives.append(re.escape(word) + r"\s{1,3}" + rest)
        return "(?:" + "|".join(alternatives) + ")" if alternatives else None

    body = build(trie)
    return re.compile(r"(?<![a-z0-9])" + body + r"(?![a-z0-9])") if body else None


def _number_keys(doc: Document) -> set[tuple[str, str]]:
    """(type code, number): how a citation without a full symbol finds the document."""
    sym = parse_symbol(doc.symbol)
    number = sym.number.lstrip("0") or "0"
    codes = set(vocab.DOC_TYPES[doc.type].codes)
    codes |= {sym.type_code} if sym.type_code else set()
    if vocab.TYPE_OF_CODE[LAW] == doc.type:  # a law's symbol has no code; citations give it LAW
        codes.add(LAW)
    if codes & {"QĐ", "QĐi"}:  # texts write Quy định as QĐ as often as QĐi
        codes |= {"QĐ", "QĐi"}
    return {(code, number) for code in codes}


def _name_keys(folded_alias: str) -> set[tuple[str, int, str | None]]:
    """(kind, meeting, term) of an alias naming a meeting's resolution or conclusion; else none."""
    if (m := re.fullmatch(P.NAME, folded_alias)) is None:
        return set()
    term = m["name_term"].upper() if m["name_term"] else None
    code = "KL" if m["name_kind"].startswith("ket") else "NQ"
    return {(code, P.meeting_of(m), term), (code, P.meeting_of(m), None)}


class Resolver:
    """Indexes of one corpus; resolving a citation is then a few lookups and filters."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.symbols = SymbolIndex(corpus.documents.values())
        self.by_number: dict[tuple[str, str], list[Document]] = defaultdict(list)
        # (type code, meeting, term): a meeting's resolution (NQ) and its conclusion (KL) apart
        self.by_name: dict[tuple[str, int, str | None], list[Document]] = defaultdict(list)
        self.alias_ids: dict[str, tuple[str, ...]] = {}
        for doc in corpus.documents.values():
            self._index(doc)
        self.alias_pattern = trie_pattern(self.alias_ids)
        self.issuer_names = self._issuer_names()
        # When a set, every key a lookup reads is added to it (the keys of index_keys): a caller that keeps
        # what was resolved then knows which edits of the corpus can change it.
        self.reads: set[tuple[str, object]] | None = None

    @staticmethod
    def fields_read(doc: Document) -> tuple[object, ...]:
        """Every field of a document that finding and resolving read, as a citing or a cited document."""
        targets = tuple(r.target for r in doc.relations)
        return (doc.id, doc.symbol, doc.type, doc.issuer, doc.co_issuers, doc.date, doc.term, doc.aliases, targets)

    @staticmethod
    def index_keys(doc: Document) -> set[tuple[str, object]]:
        """The keys under which lookups find doc, and its relations (nested citations read them)."""
        keys: set[tuple[str, object]] = {("symbol", symbol_key(doc.symbol)), ("id", doc.id), ("relations", doc.id)}
        keys |= {("number", key) for key in _number_keys(doc)}
        return keys | {("name", key) for alias in doc.aliases for key in _name_keys(_space(fold(alias)))}

    def _read(self, key: tuple[str, object]) -> None:
        if self.reads is not None:
            self.reads.add(key)

    def _index(self, doc: Document) -> None:
        for number_key in _number_keys(doc):
            self.by_number[number_key].append(doc)
        aliases: dict[str, set[str]] = defaultdict(set)
        for alias in doc.aliases:
            key = _space(fold(alias))
            if names := _name_keys(key):
                for name_key in names:
                    if doc not in self.by_name[name_key]:
                        self.by_name[name_key].append(doc)
            elif len(key.split()) >= 2:
                aliases[key].add(doc.id)
        for key, ids in aliases.items():
            self.alias_ids[key] = tuple(sorted(set(self.alias_ids.get(key, ())) | ids))

    def _issuer_names(self) -> list[tuple[str, set[str]]]:
        """Folded issuer names without their place ("tinh uy"), longest first, with issuer keys."""
        names: dict[str, set[str]] = defaultdict(set)
        for issuer in self.corpus.issuers.values():
            for name in filter(None, (issuer.name, issuer.short)):
                generic = fold(name)
                if issuer.region:
                    generic = generic.replace(issuer.region.replace("-", " "), "")
                    generic = re.sub(r"\s(tinh|thanh pho)\s*$", "", generic.strip())
                names[_space(generic)].add(issuer.key)
        return sorted(names.items(), key=lambda kv: -len(kv[0]))

    # -- resolution --------------------------------------------------------------------------
    def resolve(self, c: Mention, citing: Document | None = None, date: PartialDate | None = None) -> Resolution:
        date = date or (citing.date if citing else None)
        docs = self._lookup(c)
        if citing is not None:
            docs = [d for d in docs if d.id != citing.id]
        docs, mismatch = self._by_date(c, docs)
        docs = self._narrow(c, docs, citing, date)
        # A local symbol (79-CT/TU) recurs in every province: without the citing document's region,
        # only an exact date makes a single known candidate the document meant.
        certain = len(docs) == 1 and not (
            c.symbol and self._is_local(c.symbol) and self._region(citing) is None and (c.date is None or mismatch)
        )
        if certain:
            return Resolution(docs[0].id, (), mismatch)
        return Resolution(None, tuple(sorted(d.id for d in docs)))

    def resolve_nested(self, c: Citation, outer: Citation) -> Resolution:
        """A citation in the quoted title of `outer` means a document related to it."""
        if c.resolved or not c.candidates or not outer.resolved:
            return c.resolution
        self._read(("relations", outer.resolved))
        related = {r.target for r in self.corpus.documents[outer.resolved].relations}
        hits = [i for i in c.candidates if i in related]
        return Resolution(hits[0]) if len(hits) == 1 else c.resolution

    def _lookup(self, c: Mention) -> list[Document]:
        if c.symbol:
            self._read(("symbol", symbol_key(c.symbol)))
            return self.symbols.find(c.symbol)
        if c.alias_of:
            for doc_id in c.alias_of:
                self._read(("id", doc_id))
            return [self.corpus.documents[i] for i in c.alias_of]
        if c.name and (meeting := _MEETING.match(c.name)):
            name_key = (c.type or "NQ", int(meeting[1]), c.term)
            self._read(("name", name_key))
            return list(self.by_name.get(name_key, []))
        if c.number and c.type:
            number_key = (c.type, c.number.lstrip("0") or "0")
            self._read(("number", number_key))
            return list(self.by_number.get(number_key, []))
        return []

    def _by_date(self, c: Mention, docs: list[Document]) -> tuple[list[Document], bool]:
        if c.date is None:
            return docs, False
        cited = c.date
        exact = [d for d in docs if d.date and d.date.overlaps(cited)]
        if exact:
            return exact, False
        # No candidate has the cited date: keep those within a year; the mismatch is reported.
        near = [d for d in docs if d.date and abs(d.date.year - cited.year) <= DATE_TOLERANCE_YEARS]
        return near, True

    def _narrow(
        self, c: Mention, docs: list[Document], citing: Document | None, date: PartialDate | None
    ) -> list[Document]:
        if c.year:
            docs = [d for d in docs if d.year == c.year or d.year is None]
        if c.term:
            docs = [d for d in docs if not d.term or d.term == c.term]
        if date is not None:
            docs = [d for d in docs if not (d.date and definitely_before(date, d.date))]
        region = self._region(citing)
        if region and c.symbol and self._is_local(c.symbol):
            docs = [d for d in docs if self._region_of(d) == region]
        if c.issuer_text and len(docs) > 1:
            named = self._named_issuers(c.issuer_text)
            narrowed = [d for d in docs if d.issuer in named]
            docs = narrowed or docs  # a wrong issuer in the source does not hide the document
        return docs

    def _region(self, doc: Document | None) -> str | None:
        return self._region_of(doc) if doc else None

    def _region_of(self, doc: Document) -> str | None:
        issuer = self.corpus.issuers.get(doc.issuer)
        return issuer.region if issuer else None

    @staticmethod
    def _is_local(symbol: str) -> bool:
        sym = parse_symbol(symbol)
        return bool(LOCAL_CODES.match(sym.issuer_code.split("-")[0])) if sym.issuer_code else False

    def _named_issuers(self, text: str) -> set[str]:
        for name, keys in self.issuer_names:
            if name and name in text:
                return keys
        return set()
