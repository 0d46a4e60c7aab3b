"""Stage 3: the graph of documents and relations, and the queries over it.

Nodes are document ids. Edges go from the acting document to its target, as stored, keyed by the
relation type, with the Relation under "relation"; the inverse is read off the same edge. A
MultiDiGraph because two documents may stand in several relations (1185/UBND-TH both carries out
and forwards 160-BC/TU).
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Collection
from dataclasses import dataclass

import networkx as nx

from . import vocab
from .model import Corpus, Document, Relation
from .rules import Replacement, Status, doc_order
from .rules import status_of as status_with
from .rules import status_on as status_on_day


def build_graph(corpus: Corpus) -> nx.MultiDiGraph[str]:
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    graph.add_nodes_from(corpus.documents)
    for rel in corpus.relations():
        if rel.target in corpus.documents:
            graph.add_edge(rel.source, rel.target, key=rel.type, relation=rel)
    return graph


@dataclass(frozen=True)
class TreeNode:
    doc: Document
    relation: str  # the relation type linking it to `via`
    depth: int
    via: str  # id of the document it hangs from
    unverified: bool = False


def implementers(
    graph: nx.MultiDiGraph[str], corpus: Corpus, doc_id: str, types: Collection[str] = vocab.IMPLEMENTING
) -> list[TreeNode]:
    """Documents that carry doc_id out, transitively, breadth first; each listed once.

    The trees of the implementing relations are kept with the graph (TREES in its attributes): a build asks for
    the same trees on the home page, the study packs, the document pages and the local graphs, and the walks
    were a tenth of `serve`'s rebuild at 10,000 documents. The graph is not changed once built."""
    if types is not vocab.IMPLEMENTING:
        return _walk(graph, corpus, doc_id, types, downward=True)
    trees: dict[str, tuple[TreeNode, ...]] = graph.graph.setdefault(TREES, {})
    tree = trees.get(doc_id)
    if tree is None:
        tree = trees[doc_id] = tuple(_walk(graph, corpus, doc_id, types, downward=True))
    return list(tree)


# The graph attribute under which implementers keeps the trees it walked: document id → its tree.
TREES = "implementer_trees"


def keep_trees(old: nx.MultiDiGraph[str], new: nx.MultiDiGraph[str], changed: Collection[str]) -> None:
    """The implementation trees old's graph holds, handed to new's where no document of `changed` (added, removed
    or edited) is in the tree before or after: `serve` walks again only the trees an edit can change. A tree
    holds only the documents below its root and the relations they state, so a tree that holds no changed
    document, in either graph, is the same tree of the same objects (pipeline keeps an unchanged document the
    same object)."""
    walked_again = above(old, changed) | above(new, changed)
    trees: dict[str, tuple[TreeNode, ...]] = new.graph.setdefault(TREES, {})
    for root, tree in old.graph.get(TREES, {}).items():
        if root not in walked_again and root in new:
            trees.setdefault(root, tree)


def above(graph: nx.MultiDiGraph[str], start: Collection[str]) -> set[str]:
    """The documents whose implementation tree holds any of start (start included): up the implementing
    relations."""
    seen = {s for s in start if s in graph}
    queue = deque(seen)
    while queue:
        node = queue.popleft()
        for _, target, kind in graph.out_edges(node, keys=True):
            if kind in vocab.IMPLEMENTING and target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def sources(
    graph: nx.MultiDiGraph[str], corpus: Corpus, doc_id: str, types: Collection[str] = vocab.UPWARD
) -> list[TreeNode]:
    """What doc_id carries out or stands on, transitively upward."""
    return _walk(graph, corpus, doc_id, types, downward=False)


def _walk(
    graph: nx.MultiDiGraph[str], corpus: Corpus, start: str, types: Collection[str], downward: bool
) -> list[TreeNode]:
    seen = {start}
    out: list[TreeNode] = []
    queue = deque([(start, 0)])
    while queue:
        node, depth = queue.popleft()
        found = []
        edges = graph.in_edges(node, data=True) if downward else graph.out_edges(node, data=True)
        for u, v, data in edges:
            rel: Relation = data["relation"]
            other = u if downward else v
            if rel.type in types and other not in seen:
                found.append(TreeNode(corpus.documents[other], rel.type, depth + 1, node, rel.unverified))
        # One entry per document even if it hangs from node by several relations.
        for item in sorted(_first_per_doc(found), key=lambda n: doc_order(n.doc)):
            seen.add(item.doc.id)
            out.append(item)
            queue.append((item.doc.id, depth + 1))
    return out


def _first_per_doc(nodes: list[TreeNode]) -> list[TreeNode]:
    order = list(vocab.RELATION_TYPES)
    best: dict[str, TreeNode] = {}
    for n in sorted(nodes, key=lambda n: order.index(n.relation)):
        best.setdefault(n.doc.id, n)
    return list(best.values())


@dataclass(frozen=True)
class Neighbour:
    doc: Document
    relation: Relation
    outgoing: bool  # True: this document acts on doc; False: doc acts on this one


def neighbours(graph: nx.MultiDiGraph[str], corpus: Corpus, doc_id: str) -> list[Neighbour]:
    """Its relations either way. Kept with the graph (NEIGHBOURS in its attributes), like the trees: a document's
    page asks for them three or four times, and its neighbours' pages again (networkx's views are slow)."""
    kept: dict[str, tuple[Neighbour, ...]] = graph.graph.setdefault(NEIGHBOURS, {})
    made = kept.get(doc_id)
    if made is None:
        out = [Neighbour(corpus.documents[v], d["relation"], True) for _, v, d in graph.out_edges(doc_id, data=True)]
        out += [Neighbour(corpus.documents[u], d["relation"], False) for u, _, d in graph.in_edges(doc_id, data=True)]
        made = kept[doc_id] = tuple(out)
    return list(made)


NEIGHBOURS = "neighbours"  # the graph attribute under which neighbours keeps what it found: document id → them


def replaced_by(graph: nx.MultiDiGraph[str], corpus: Corpus, doc_id: str) -> list[Neighbour]:
    return [n for n in neighbours(graph, corpus, doc_id) if not n.outgoing and n.relation.type in vocab.REPLACING]


def status_of(graph: nx.MultiDiGraph[str], corpus: Corpus, doc: Document) -> Status:
    """The document's status (rules.Status), with what the graph says replaces or repeals it."""
    return status_with(doc, _replacements(graph, corpus, doc))


def status_on(graph: nx.MultiDiGraph[str], corpus: Corpus, doc: Document, day: dt.date) -> Status:
    """The document's status as it stood on `day` (rules.status_on)."""
    return status_on_day(doc, _replacements(graph, corpus, doc), day)


def _replacements(graph: nx.MultiDiGraph[str], corpus: Corpus, doc: Document) -> list[Replacement]:
    return [Replacement(n.relation.type, n.doc, n.relation.note) for n in replaced_by(graph, corpus, doc.id)]


def statuses(graph: nx.MultiDiGraph[str], corpus: Corpus) -> dict[str, Status]:
    """status_of of every document, in one pass over the edges: only the few that something replaces or
    repeals need their neighbours looked at (asked one by one, that was a tenth of a rebuild in serve)."""
    replaced = {v for _, v, rtype in graph.edges(keys=True) if rtype in vocab.REPLACING}
    return {
        doc_id: status_of(graph, corpus, doc) if doc_id in replaced else status_with(doc)
        for doc_id, doc in corpus.documents.items()
    }


def depth_first(nodes: list[TreeNode], root: str) -> list[TreeNode]:
    """The same nodes ordered so that each one follows the document it hangs from."""
    children: dict[str, list[TreeNode]] = {}
    for n in nodes:
        children.setdefault(n.via, []).append(n)
    out: list[TreeNode] = []
    stack = list(reversed(children.get(root, [])))
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(reversed(children.get(n.doc.id, [])))
    return out
