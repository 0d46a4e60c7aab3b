"""Data for the link graphs, written as `.js` files that load by <script> tag (also from file://).

- ``graph-data/vocab.js``: types, levels and relations with their labels and styles: the one
  place colours are decided, read by the pages' legends and by the graph script.
- ``graph-data/local/<id>.js``: a document's neighbourhood to depth 3 (the reader picks 1 to
  3), capped for documents with thousands of neighbours, and its implementation tree with the
  days elapsed at each step.
- ``graph-data/global.js``: every document with a position computed here (x: date, y: level,
  then type or province), every relation; the browser shows a filtered part of it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict, deque
from collections.abc import Callable, Collection, Iterator
from typing import TYPE_CHECKING, TypedDict

from .. import vocab
from ..dates import days_between
from ..graph import implementers
from ..model import Document
from ..rules import is_central, level_of
from .jsdata import js_call
from .paths import safe

if TYPE_CHECKING:
    from ..checked import Checked

DIR = "graph-data"
LOCAL_DEPTH = 3
LOCAL_MAX_NODES = 60  # a hub's neighbourhood is cut here, nearest and most connected first
IMPL_MAX_NODES = 120
TITLE_CHARS = 70  # enough for the hover card; the page itself has the full title

TYPE_COLOURS = [
    "#c62828",
    "#ad1457",
    "#6a1b9a",
    "#4527a0",
    "#283593",
    "#1565c0",
    "#0277bd",
    "#00838f",
    "#00695c",
    "#2e7d32",
    "#558b2f",
    "#9e9d24",
    "#f9a825",
    "#ff8f00",
    "#ef6c00",
    "#d84315",
    "#4e342e",
    "#37474f",
    "#5d4037",
    "#455a64",
    "#827717",
]
LEVEL_SHAPES = {
    vocab.CENTRAL: "diamond",
    "tinh": "ellipse",
    "huyen": "triangle",
    "xa": "rectangle",
    vocab.UNKNOWN: "hexagon",  # a draft's issuer not identified yet
}
RELATION_STYLES = {  # colour, line style
    "can-cu": ("#5d4037", "solid"),
    "thuc-hien": ("#2e7d32", "solid"),
    "tiep-tuc-thuc-hien": ("#1565c0", "solid"),
    "huong-dan": ("#00838f", "solid"),
    "bao-cao-ket-qua": ("#6a1b9a", "dashed"),
    "tra-loi": ("#455a64", "dashed"),
    "chuyen": ("#ef6c00", "dotted"),
    "dan-chieu": ("#9e9e9e", "dotted"),
    "sua-doi-bo-sung": ("#ad1457", "solid"),
    "thay-the": ("#c62828", "solid"),
    "bai-bo": ("#b71c1c", "dashed"),
    "kien-nghi": ("#827717", "dotted"),
}


class TypeStyle(TypedDict):
    label: str
    colour: str


class LevelStyle(TypedDict):
    label: str
    shape: str


class RelationStyle(TypedDict):
    label: str
    inverse: str
    colour: str
    line: str
    implements: bool


class VocabPayload(TypedDict):
    types: dict[str, TypeStyle]
    levels: dict[str, LevelStyle]
    relations: dict[str, RelationStyle]


def vocab_payload() -> VocabPayload:
    return {
        "types": {
            k: {"label": t.label, "colour": TYPE_COLOURS[i % len(TYPE_COLOURS)]}
            for i, (k, t) in enumerate(vocab.DOC_TYPES.items())
        },
        "levels": {k: {"label": label, "shape": LEVEL_SHAPES[k]} for k, label in vocab.LEVEL_LABELS.items()},
        "relations": {
            k: {
                "label": r.label,
                "inverse": r.inverse_label,
                "colour": RELATION_STYLES[k][0],
                "line": RELATION_STYLES[k][1],
                "implements": r.implements,
            }
            for k, r in vocab.RELATION_TYPES.items()
        },
    }


def _neighbourhood(root: str, local: _Local) -> dict[str, int]:
    """Documents within LOCAL_DEPTH relations of root (either direction) → depth, capped; nearer documents by
    number of relations (local.near).

    What it reads reaches LOCAL_DEPTH + 1 relations (the degree of the last ring decides the cap): serve's
    incremental build relies on it (site.affected); reading further needs a wider reach there."""
    depth = {root: 0}
    queue = deque([root])
    while queue:
        node = queue.popleft()
        if depth[node] == LOCAL_DEPTH:
            continue
        for other in local.near(node):
            if other in depth:
                continue
            if len(depth) >= LOCAL_MAX_NODES:
                return depth
            depth[other] = depth[node] + 1
            queue.append(other)
    return depth


NODE_FIELDS = ["id", "symbol", "year", "type", "level", "date", "title", "depth"]


def _level(checked: Checked, doc: Document) -> str:
    # An unknown issuer (an error that stops the build before this) would be drawn as central.
    return level_of(checked.corpus, doc) or vocab.CENTRAL


def _date_text(doc: Document) -> str:
    return doc.date.vietnamese() if doc.date else "chưa rõ ngày"


def _row(checked: Checked, doc: Document) -> list[str | int | None]:
    """A node's row but its depth (NODE_FIELDS)."""
    return [
        doc.id,
        doc.symbol,
        doc.year,
        doc.type,
        _level(checked, doc),
        _date_text(doc),
        doc.title[:TITLE_CHARS],
    ]


class _Local:
    """What every local graph reads of the whole corpus, worked out once for all of them: each document's
    number of relations, its neighbours in order, its relations out, and its row (a document shows in the local
    graphs of up to 60 others). networkx's views, asked again for every local graph, took most of their time."""

    def __init__(self, checked: Checked) -> None:
        self.checked = checked
        self.degree: dict[str, int] = dict(checked.graph.degree())
        self._rows: dict[str, list[str | int | None]] = {}
        self._near: dict[str, list[str]] = {}
        self._out: dict[str, list[tuple[str, str]]] = {}

    def near(self, doc_id: str) -> list[str]:
        """Its neighbours either way, most related first, ties by id (the same in every build)."""
        made = self._near.get(doc_id)
        if made is None:
            graph, degree = self.checked.graph, self.degree
            nearby = set(graph.predecessors(doc_id)) | set(graph.successors(doc_id))
            made = self._near[doc_id] = sorted(nearby, key=lambda n: (-degree[n], n))
        return made

    def out(self, doc_id: str) -> list[tuple[str, str]]:
        """Its relations out, as (target, relation type), in the graph's order."""
        made = self._out.get(doc_id)
        if made is None:
            made = self._out[doc_id] = [(v, k) for _, v, k in self.checked.graph.out_edges(doc_id, keys=True)]
        return made

    def row(self, doc_id: str, depth: int | None) -> list[str | int | None]:
        made = self._rows.get(doc_id)
        if made is None:
            made = self._rows[doc_id] = _row(self.checked, self.checked.corpus.documents[doc_id])
        return [*made, depth]


def local_payload(checked: Checked, doc: Document, local: _Local | None = None) -> dict[str, object]:
    """Compact: nodes as rows (NODE_FIELDS), edges and the tree by node index."""
    graph, corpus = checked.graph, checked.corpus
    local = local or _Local(checked)
    depth = _neighbourhood(doc.id, local)
    full_tree = implementers(graph, corpus, doc.id)
    tree = full_tree[:IMPL_MAX_NODES]
    order = list(depth) + [n.doc.id for n in tree if n.doc.id not in depth]
    index = {d: i for i, d in enumerate(order)}
    rows = [local.row(d, depth.get(d)) for d in order]
    edges = [[index[u], index[v], k] for u in depth for v, k in local.out(u) if v in depth]
    impl = []
    for n in tree:
        parent = corpus.documents[n.via]
        days = days_between(parent.date, n.doc.date) if parent.date and n.doc.date else None
        impl.append([index[n.doc.id], index[n.via], n.relation, days])
    neighbours = len(local.near(doc.id))
    return {
        "fields": NODE_FIELDS,
        "nodes": rows,
        "edges": edges,
        "neighbours": neighbours,
        "cut": len(depth) >= LOCAL_MAX_NODES,
        "impl": {"edges": impl, "total": len(full_tree)},
    }


def _timeline(checked: Checked) -> dict[str, tuple[int, int]]:
    """Positions: x by date (120 px a year); y by level band, then type (central) or province.

    Only lanes that hold documents take room, so a small corpus is not spread over empty rows.
    """
    corpus = checked.corpus
    start = min((d.date.earliest() for d in corpus.documents.values() if d.date), default=dt.date(2000, 1, 1))

    def lane_of(doc: Document) -> str:
        """A central document's lane is its type; a local one's, its province."""
        issuer = corpus.issuers.get(doc.issuer)
        return doc.type if is_central(corpus, doc) else (issuer.region or "") if issuer else ""

    band = {doc.id: (_level(checked, doc), lane_of(doc)) for doc in corpus.documents.values()}
    lanes: dict[str, list[str]] = defaultdict(list)
    for level, lane in band.values():
        if lane not in lanes[level]:
            lanes[level].append(lane)
    order = list(vocab.DOC_TYPES)
    top = 0
    y_of: dict[tuple[str, str], int] = {}
    for level in vocab.LEVEL_LABELS:  # an issuer not identified yet: its own band, at the bottom
        names = sorted(lanes.get(level, []), key=lambda n: (order.index(n) if n in order else 0, n))
        for i, name in enumerate(names):
            y_of[(level, name)] = top + i * 150
        top += len(names) * 70 + 200  # a gap between the bands of two levels
    crowd: dict[tuple[int, int], int] = defaultdict(int)
    out = {}
    for doc in sorted(corpus.documents.values(), key=lambda d: d.id):
        x = ((doc.date.earliest() - start).days * 120 // 365) if doc.date else -240
        y = y_of[band[doc.id]]
        slot = (x // 30, y)
        out[doc.id] = (x + (crowd[slot] // 4) * 14, y + (crowd[slot] % 4) * 34)  # fan out a crowded month
        crowd[slot] += 1
    return out


def global_payload(checked: Checked) -> dict[str, object]:
    corpus, graph = checked.corpus, checked.graph
    degree = dict(graph.degree())
    ids = sorted(corpus.documents, key=lambda i: (-degree[i], i))  # most connected first, then by id
    index = {d: n for n, d in enumerate(ids)}
    pos = _timeline(checked)
    topics = sorted({t for d in corpus.documents.values() for t in d.topics})
    topic_index = {t: n for n, t in enumerate(topics)}
    nodes = []
    for doc_id in ids:
        doc = corpus.documents[doc_id]
        nodes.append(
            [
                doc_id,
                doc.symbol,
                doc.type,
                _level(checked, doc),
                doc.year or 0,
                [topic_index[t] for t in doc.topics],
                pos[doc_id][0],
                pos[doc_id][1],
                degree[doc_id],
                _date_text(doc),
                doc.title[:TITLE_CHARS],
            ]
        )
    edges = [[index[u], index[v], k] for u, v, k in graph.edges(keys=True)]
    return {
        "fields": ["id", "symbol", "type", "level", "year", "topics", "x", "y", "degree", "date", "title"],
        "nodes": nodes,
        "edges": edges,
        "topics": topics,
    }


def graph_files(checked: Checked, only: Collection[str] | None = None) -> Iterator[tuple[str, str]]:
    """Every graph data file; with `only`, the local graphs of those documents alone (an incremental build)."""
    yield f"{DIR}/vocab.js", js_call("VB_GRAPH.vocab", vocab_payload())
    yield from local_graph_files(checked, only)
    yield f"{DIR}/global.js", js_call("VB_GRAPH.global", global_payload(checked))


def local_graph_files(checked: Checked, only: Collection[str] | None = None) -> Iterator[tuple[str, str]]:
    """The local graph of every document (with `only`, of those documents): what a document's page draws."""
    local = None  # made for the first one
    for doc in checked.corpus.documents.values():
        if only is not None and doc.id not in only:
            continue
        local = local or _Local(checked)
        yield _local_file(checked, doc, local)


def _local_file(checked: Checked, doc: Document, local: _Local) -> tuple[str, str]:
    return local_graph_path(doc.id), js_call("VB_GRAPH.local", local_payload(checked, doc, local))


LOCAL_PART = 100  # documents in a part of the local graphs that a process of the build takes at a time


def local_graph_parts(checked: Checked) -> list[Callable[[], Iterator[tuple[str, str]]]]:
    """Every document's local graph, in parts of LOCAL_PART documents, each made and written by whichever
    process of the build is free (site.build.DataWriter). Each process reads the corpus for them once (_Local)."""
    documents = checked.corpus.documents
    ids = list(documents)
    local: list[_Local] = []  # made in the process that takes its first part: forked, each has its own

    def part(chunk: list[str]) -> Callable[[], Iterator[tuple[str, str]]]:
        def files() -> Iterator[tuple[str, str]]:
            if not local:
                local.append(_Local(checked))
            for doc_id in chunk:
                yield _local_file(checked, documents[doc_id], local[0])

        return files

    return [part(ids[i : i + LOCAL_PART]) for i in range(0, len(ids), LOCAL_PART)]


def local_graph_path(doc_id: str) -> str:
    return f"{DIR}/local/{safe(doc_id)}.js"
