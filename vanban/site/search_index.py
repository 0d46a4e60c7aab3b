"""The search index: folded tokens by field, sharded so that one query loads little.

Files (all `.js`, so that they load with a <script> tag from file:// as well as over HTTP):
- ``search-data/meta.js``: the number of documents and buckets, the field weights.
- ``search-data/t/<bucket>.js``: postings of the tokens that hash to the bucket:
  token → doc index delta, score, doc index delta, score, … written compactly (encode_postings).
- ``search-data/d/<index>.js``: one document: what a result shows, and its plain text for the
  snippet.
Documents are numbered by importance (how many relations, in classes; then recency), the most important
last: the browser breaks ties by the higher number, so 25-NQ/TW of 2013 comes before those of 2003 and
2008 without a table of priors.
The tokenizer here and in ``docs/assets/javascripts/vanban-search.js`` must agree.
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import vocab
from ..citations.normalise import normalise
from ..model import Document
from ..symbols import parse_symbol
from .jsdata import js_call

if TYPE_CHECKING:
    from ..checked import Checked

DIR = "search-data"
SEARCH_PAGE = "tim-kiem.md"  # the hand-written page (docs/) that searches the index
# How much a token counts, by where it stands. A symbol typed in full beats everything.
WEIGHTS = {
    "symbol": 40,
    "number": 8,
    "type": 6,
    "alias": 6,
    "year": 4,
    "term": 3,
    "title": 3,
    "issuer": 2,
    "topic": 2,
    "body": 1,
}
SNIPPET_TEXT = 6000  # characters of full text kept for snippets
TARGET_BUCKET_BYTES = 24_000  # roughly what one bucket file should weigh

_SPACED_SYMBOL = re.compile(r"\s*([-/])\s*")
_TU = re.compile(r"/\s*t\.?\s*ư(?![a-zà-ỹ])", re.IGNORECASE)
_SYMBOL = re.compile(r"\d{1,5}[a-z]?(?:[-/][a-z0-9&]{1,12}){1,4}")
_WORD = re.compile(r"[a-z0-9]+")


def tokens(text: str) -> list[str]:
    """Folded tokens; a symbol gives itself whole ("25-nq/tw") and its parts ("25", "nq", "tw")."""
    made = normalise(text)
    folded = made.folded
    # "/TƯ" read as "/TW" (the abbreviation written with Ư): put in the folded text where it stands in the
    # normalised one (folding keeps every character's place), rather than folding the whole text a second time.
    for m in reversed(list(_TU.finditer(made.text))):
        folded = folded[: m.start()] + "/tw" + folded[m.end() :]
    folded = _SPACED_SYMBOL.sub(r"\1", folded)
    out = [m.group() for m in _SYMBOL.finditer(folded)]
    out += _WORD.findall(folded)
    return out


@functools.lru_cache(maxsize=1 << 16)  # serve hashes every document id (previews) after each edit
def fnv1a(token: str) -> int:
    """32-bit FNV-1a over the token's UTF-8 bytes (the JS side computes the same)."""
    h = 0x811C9DC5
    for byte in token.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


# The order changes few numbers when a document is added or related. Relations count in classes, not one by
# one: a relation added to an ordinary document (fewer than 8) moves no number; counted exactly, it moved
# thousands of documents by one, and serve rewrote their result files and every bucket of postings (5,000
# files at 10,000 documents) for one added line. The most important come last, where a new document rarely
# goes: a plan of this year is inserted among the ordinary documents of this year, before the few hubs,
# instead of before every older document.
HUB_RELATIONS = 8


def relation_class(degree: int) -> int:
    """0 below HUB_RELATIONS relations, then one class more each time they double (8–15: 1, 16–31: 2, …)."""
    return max(0, degree.bit_length() - HUB_RELATIONS.bit_length() + 1)


def _order(checked: Checked) -> list[str]:
    degree = dict(checked.graph.degree())

    def importance(doc: Document) -> tuple[int, int, str]:
        # Least important first: fewest relations, then the oldest year (undated first), then the id.
        return (relation_class(degree[doc.id]), doc.year or 0, doc.id)

    return [d.id for d in sorted(checked.corpus.documents.values(), key=importance)]


def _fields(checked: Checked, doc: Document) -> dict[str, str]:
    corpus = checked.corpus
    sym = parse_symbol(doc.symbol)
    issuers = [corpus.issuers[k] for k in (doc.issuer, *doc.co_issuers) if k in corpus.issuers]
    doc_type = vocab.DOC_TYPES[doc.type]
    return {
        "symbol": doc.symbol,
        "number": sym.number,
        "type": " ".join([doc_type.label, *doc_type.codes, sym.type_code or ""]),
        "alias": " ".join(doc.aliases),
        "year": str(doc.year or ""),
        "term": f"khóa {doc.term}" if doc.term else "",
        "title": doc.title,
        "issuer": " ".join(
            [*(x for i in issuers for x in (i.name, i.short)), doc.draft.issuer_text if doc.draft else ""]
        ),
        "topic": " ".join(doc.topics),
        "body": checked.texts.get(doc.id, "") + " " + " ".join(doc.notes),
    }


def _scores(fields: dict[str, str]) -> dict[str, int]:
    """Token → score for one document: the best field weight, a little more for repeats."""
    best: dict[str, float] = {}
    for name, text in fields.items():
        counts: dict[str, int] = defaultdict(int)
        for token in tokens(text):
            counts[token] += 1
        for token, n in counts.items():
            value = WEIGHTS[name] * (1 + math.log(n)) if name == "body" else WEIGHTS[name]
            if value > best.get(token, 0):
                best[token] = value
    return {t: min(255, max(1, round(v * 4))) for t, v in best.items()}


def _snippet(text: str) -> str:
    # NFC with plain spaces: the browser folds it character by character for the snippet.
    return normalise(text[:SNIPPET_TEXT]).text if text else ""


def _result(checked: Checked, doc: Document, index: int, status: str) -> dict[str, object]:
    corpus = checked.corpus
    issuer = corpus.issuers.get(doc.issuer)
    text = checked.texts.get(doc.id, "")
    return {
        "i": index,
        "id": doc.id,
        "symbol": doc.symbol,
        "type": vocab.DOC_TYPES[doc.type].label,
        "date": doc.date.vietnamese() if doc.date else "chưa rõ ngày",
        "year": doc.year,
        "issuer": issuer.name if issuer else doc.issuer,
        "title": doc.title,
        "status": status,
        "aliases": list(doc.aliases),
        "unverified": list(doc.unverified),
        "draft": doc.draft is not None,
        "text": _snippet(text),
    }


# What the index made of each document, kept by `serve` between builds (most of the index's time): for each
# document, what it was made from (the document itself, its text, its status, its number) and what it gave
# (its token scores, its result file), valid for one registry of issuers; and the postings as last assembled.
@dataclass
class SearchMemo:
    issuers: object = None
    made: dict[str, tuple[Document, str, str, int, dict[str, int], str]] = field(default_factory=dict)
    postings: _Postings | None = None


@dataclass
class _Postings:
    """The postings of one order of documents, kept up to date document by document."""

    order: list[str]
    scores: list[dict[str, int]]  # by document number
    tokens: dict[str, dict[int, int]]  # token → document number → score
    size: int  # what the number of buckets is chosen by (_bucket_count)
    buckets: int
    shards: dict[int, set[str]]  # bucket → its tokens
    files: dict[int, str]  # bucket → its file
    # token → its postings as written (encode_postings): an edit makes again only the tokens whose postings it
    # changed, not every token of every bucket it touches (a document's tokens reach nearly every bucket).
    encoded: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, order: list[str], scores: list[dict[str, int]]) -> _Postings:
        tokens: dict[str, dict[int, int]] = defaultdict(dict)
        for index, doc_scores in enumerate(scores):
            for token, score in doc_scores.items():
                tokens[token][index] = score
        size = sum(len(t) + 8 * len(p) for t, p in tokens.items())
        made = cls(order, list(scores), dict(tokens), size, 0, {}, {})
        made.reshard()
        return made

    def reshard(self) -> None:
        self.buckets = _bucket_count(self.size)
        self.shards = defaultdict(set)
        for token in self.tokens:
            self.shards[fnv1a(token) % self.buckets].add(token)
        self.files = {b: self.bucket_file(b) for b in range(self.buckets)}

    def bucket_file(self, bucket: int) -> str:
        return _bucket_js(bucket, {token: self._encoded(token) for token in sorted(self.shards.get(bucket, ()))})

    def _encoded(self, token: str) -> str:
        if (made := self.encoded.get(token)) is None:
            made = self.encoded[token] = encode_postings(sorted(self.tokens[token].items()))
        return made

    def update(self, scores: list[dict[str, int]]) -> None:
        """The same order of documents; those whose scores are new objects changed."""
        rewrite: set[str] = set()  # tokens whose postings changed (come, gone or scored anew): their buckets
        for index, (before, now) in enumerate(zip(self.scores, scores, strict=True)):
            if before is now:
                continue
            for token in before:
                del self.tokens[token][index]
                self.size -= 8
                if not self.tokens[token]:
                    del self.tokens[token]
                    self.size -= len(token)
            for token, score in now.items():
                if token not in self.tokens:
                    self.tokens[token] = {}
                    self.size += len(token)
                self.tokens[token][index] = score
                self.size += 8
            changed = {token for token in before.keys() | now.keys() if before.get(token) != now.get(token)}
            for token in changed:
                self.encoded.pop(token, None)
            rewrite |= changed
        self.scores = list(scores)
        if _bucket_count(self.size) != self.buckets:
            self.reshard()
            return
        for token in rewrite:
            bucket = fnv1a(token) % self.buckets
            shard = self.shards.setdefault(bucket, set())
            if token in self.tokens:
                shard.add(token)
            else:
                shard.discard(token)
        for bucket in {fnv1a(token) % self.buckets for token in rewrite}:
            self.files[bucket] = self.bucket_file(bucket)


def _bucket_count(size: int) -> int:
    return 1 << max(4, math.ceil(math.log2(max(1, size / TARGET_BUCKET_BYTES))))


# Postings are written as text, a number in one or more characters of this alphabet, five bits of the number
# each, lowest first: a character's place below 32 ends the number, from 32 says more follow. A common word's
# postings (small gaps, small scores) take two characters a document, half of what JSON numbers took: at
# 100,000 documents a query of four common words ("kế hoạch triển khai") loaded 1.6 MB of them.
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"


def _varint(number: int) -> str:
    out = []
    while number >= 32:
        out.append(ALPHABET[32 + (number & 31)])
        number >>= 5
    out.append(ALPHABET[number])
    return "".join(out)


_CODES = [_varint(n) for n in range(1024)]  # gaps and scores are nearly all below 1,024: looked up


def encode_postings(plist: Iterable[tuple[int, int]]) -> str:
    """Postings (document number ascending, score) as gaps and scores in ALPHABET (the JS side decodes)."""
    codes, out, last = _CODES, [], 0
    for index, score in plist:  # indices ascend: store the gaps, they are small numbers
        gap, last = index - last, index
        out.append(codes[gap] if gap < 1024 else _varint(gap))
        out.append(codes[score] if score < 1024 else _varint(score))
    return "".join(out)


def _bucket_js(bucket: int, encoded: dict[str, str]) -> str:
    """One bucket's file: each token's postings as encode_postings writes them."""
    return js_call("VB_SEARCH.bucket", [bucket, encoded])


def _entry(checked: Checked, doc: Document, index: int, memo: SearchMemo | None) -> tuple[dict[str, int], str]:
    """A document's token scores and result file."""
    status = checked.statuses[doc.id].short()
    text = checked.texts.get(doc.id, "")
    kept = memo.made.get(doc.id) if memo is not None else None
    same = kept is not None and kept[0] is doc and kept[1] == text and kept[2] == status
    if kept is not None and same and kept[3] == index:
        return kept[4], kept[5]
    # Moved in the order only (a document added before it): its scores are the same, its number is not.
    scores = kept[4] if kept is not None and same else _scores(_fields(checked, doc))
    result = _result_file(checked, doc, index, status)
    if memo is not None:
        memo.made[doc.id] = (doc, text, status, index, scores, result)
    return scores, result


def search_files(checked: Checked, memo: SearchMemo | None = None, results: bool = True) -> Iterator[tuple[str, str]]:
    """(path, content) of every search file, for the build stage to write. With a memo (serve), only what
    changed since the last call is worked out again; the files are the same. Without `results`, the documents'
    result files are left out (result_parts makes them: a full build shares them between its processes)."""
    corpus = checked.corpus
    if memo is not None and memo.issuers != corpus.issuers:
        memo.issuers, memo.made, memo.postings = corpus.issuers, {}, None
    order = _order(checked)
    scores = []
    # Without a memo, each document's scores go straight into the postings, packed in one number each (index,
    # then the score in the low 8 bits): at 10,000 documents, the scores kept as dicts and their postings as pairs
    # took 104 MB at once in the process that writes the data files.
    postings: dict[str, list[int]] = defaultdict(list)
    for index, doc_id in enumerate(order):
        doc = corpus.documents[doc_id]
        if memo is None and not results:
            doc_scores = _scores(_fields(checked, doc))
        else:
            doc_scores, result = _entry(checked, doc, index, memo)
            yield _result_path(index), result
        if memo is None:
            for token, score in doc_scores.items():
                postings[token].append(index << 8 | score)
        else:
            scores.append(doc_scores)
    if memo is None:
        files = _buckets(postings)
    else:
        if memo.postings is None or memo.postings.order != order:
            memo.postings = _Postings.of(order, scores)
        else:
            memo.postings.update(scores)
        files = [memo.postings.files[b] for b in range(memo.postings.buckets)]
    for bucket, content in enumerate(files):
        yield f"{DIR}/t/{bucket}.js", content
    meta = {"documents": len(order), "buckets": len(files), "weights": WEIGHTS}
    yield f"{DIR}/meta.js", js_call("VB_SEARCH.meta", meta)


RESULT_PART = 200  # documents in a part of the result files that a process of the build takes at a time


def result_parts(checked: Checked) -> list[Callable[[], Iterator[tuple[str, str]]]]:
    """Every document's result file (search_files without its results), in parts of RESULT_PART documents, each
    made and written by whichever process of the build is free (site.build.DataWriter)."""
    order = _order(checked)

    def part(start: int, chunk: list[str]) -> Callable[[], Iterator[tuple[str, str]]]:
        def files() -> Iterator[tuple[str, str]]:
            for index, doc_id in enumerate(chunk, start):
                doc = checked.corpus.documents[doc_id]
                yield _result_path(index), _result_file(checked, doc, index, checked.statuses[doc_id].short())

        return files

    return [part(i, order[i : i + RESULT_PART]) for i in range(0, len(order), RESULT_PART)]


def _result_path(index: int) -> str:
    return f"{DIR}/d/{index}.js"


def _result_file(checked: Checked, doc: Document, index: int, status: str) -> str:
    """What the result file of the document numbered `index` holds (search_files, result_parts)."""
    return js_call("VB_SEARCH.doc", _result(checked, doc, index, status))


def _buckets(postings: dict[str, list[int]]) -> list[str]:
    """Every bucket's file at once (what _Postings keeps up to date, in less memory), from each token's postings
    packed as search_files packs them."""
    count = _bucket_count(sum(len(t) + 8 * len(p) for t, p in postings.items()))
    shards: dict[int, list[str]] = defaultdict(list)
    for token in postings:
        shards[fnv1a(token) % count].append(token)
    return [
        _bucket_js(b, {t: encode_postings(_unpacked(postings[t])) for t in sorted(shards.get(b, ()))})
        for b in range(count)
    ]


def _unpacked(packed: list[int]) -> Iterator[tuple[int, int]]:
    return ((p >> 8, p & 0xFF) for p in packed)
