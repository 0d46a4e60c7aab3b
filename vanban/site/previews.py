"""Preview cards: what a link to a document shows when hovered or focused, anywhere in the site.

Files (`.js`, loaded with a <script> tag, so that they work from file:// too):
- ``preview/meta.js``: how many shards there are.
- ``preview/<shard>.js``: for about SHARD_SIZE documents, id → [type, symbol, date, issuer, status, title,
  unverified]. A document's shard is fnv1a(id) % shards: the search's hash (search_index.fnv1a; in the
  browser ``VB_SEARCH.fnv1a``, which ``docs/assets/javascripts/vanban-preview.js`` uses).

A card shows what the site already shows of a document, no more: one shard per SHARD_SIZE documents keeps
the number of files small (a file per document would cost a build at 100,000 documents half a minute of
file creation), and a hover loads one shard of about 20 KB.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .. import vocab
from .jsdata import js_call
from .search_index import fnv1a

if TYPE_CHECKING:
    from ..checked import Checked

DIR = "preview"
SHARD_SIZE = 128


def shard_count(documents: int) -> int:
    return max(1, math.ceil(documents / SHARD_SIZE))


def preview_files(checked: Checked) -> Iterator[tuple[str, str]]:
    """(path, content) of every preview file, for the build stage to write."""
    corpus = checked.corpus
    count = shard_count(len(corpus.documents))
    shards: list[dict[str, list[object]]] = [{} for _ in range(count)]
    for doc_id in sorted(corpus.documents):
        doc = corpus.documents[doc_id]
        issuer = corpus.issuers.get(doc.issuer)
        shards[fnv1a(doc_id) % count][doc_id] = [
            vocab.DOC_TYPES[doc.type].label,
            doc.symbol,
            doc.date.vietnamese() if doc.date else "chưa rõ ngày",
            issuer.name if issuer else doc.issuer,
            checked.statuses[doc_id].short(),
            doc.title,
            bool(doc.unverified) or doc.draft is not None,
        ]
    yield f"{DIR}/meta.js", js_call("VB_PREVIEW.meta", {"shards": count})
    for number, cards in enumerate(shards):
        yield f"{DIR}/{number}.js", js_call("VB_PREVIEW.shard", cards)
