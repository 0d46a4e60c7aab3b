"""Which generated files an edit of the data can change: what `serve` makes again after an edit.

A document's page shows more than the document: its neighbours (relations both ways, banners of what
replaces it, the documents that cite it when only a citation knows it), its implementation tree (every
document below it, however deep), the documents its full text cites and those its draft suggests. Its local
graph shows every document within LOCAL_DEPTH relations, chosen by how connected they are, and its tree.
An index page of one group lists the documents of the group. A study pack shows the documents the central
document stands on and its implementation chain with the status of each (what replaces them); its report,
the chain by place. So an edit of one document changes the pages of the documents around it, and nothing
else of theirs; every file that shows the whole corpus (home, lists of groups, search, the global graph) is
made again and compared by the build.

The sets are computed on the graphs before and after the edit: a relation removed still changed the pages
at both its ends. The registries (issuers, regions, named sources) are shown everywhere: an edit to them
makes everything again (None).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..graph import above
from ..model import same_document
from .graph_data import LOCAL_DEPTH
from .indexes import listed_on
from .pages import Partial, acknowledged

if TYPE_CHECKING:
    import networkx as nx

    from ..checked import Checked


def affected(old: Checked, new: Checked, with_pdf: tuple[set[str], set[str]]) -> tuple[Partial, set[str]] | None:
    """What an incremental build makes again to go from old's site to new's, and the documents that changed
    (added, removed, or changed in data, full text, citations or notes); None: everything.

    with_pdf: the study packs made as PDF (pages.pdf_pack_ids) before and after."""
    a, b = old.corpus, new.corpus
    registries = (a.issuers, a.named_sources, a.regions, a.region_today, a.data_dir)
    if registries != (b.issuers, b.named_sources, b.regions, b.region_today, b.data_dir):
        return None
    changed = _changed(old, new)
    graphs = (old.graph, new.graph)
    near = set(changed).union(*(_near(graph, changed, 1) for graph in graphs))
    uptree = set().union(*(above(graph, changed) for graph in graphs))
    pages = near | uptree
    for checked in (old, new):
        pages |= _citing(checked, changed)
    local = uptree.union(*(_near(graph, changed, LOCAL_DEPTH + 1) for graph in graphs))
    # a pack shows the status of each document of its chain: what replaces them is one relation further
    studies = near.union(*(above(graph, near) for graph in graphs)) | (with_pdf[0] ^ with_pdf[1])
    central = {d.id for d in new.central_policy}
    groups = set().union(*(listed_on(docs[i]) for docs in (a.documents, b.documents) for i in changed if i in docs))
    present = b.documents.keys()
    partial = Partial(
        frozenset(pages & present), frozenset(groups), frozenset(studies & central), frozenset(local & present)
    )
    return partial, changed


def _changed(old: Checked, new: Checked) -> set[str]:
    a, b = old.corpus.documents, new.corpus.documents
    notes_a, notes_b = acknowledged(old), acknowledged(new)
    changed = set(a.keys() ^ b.keys())
    for doc_id in a.keys() & b.keys():
        if (
            not same_document(a[doc_id], b[doc_id])
            or old.texts.get(doc_id) != new.texts.get(doc_id)
            or old.citations.get(doc_id) != new.citations.get(doc_id)
            or notes_a.get(doc_id) != notes_b.get(doc_id)
        ):
            changed.add(doc_id)
    return changed


def _near(graph: nx.MultiDiGraph[str], start: Iterable[str], radius: int) -> set[str]:
    """Documents within radius relations of any of start, either direction (start included)."""
    depth = {s: 0 for s in start if s in graph}
    queue = deque(depth)
    while queue:
        node = queue.popleft()
        if depth[node] == radius:
            continue
        for other in (*graph.predecessors(node), *graph.successors(node)):
            if other not in depth:
                depth[other] = depth[node] + 1
                queue.append(other)
    return set(depth)


def _citing(checked: Checked, changed: set[str]) -> set[str]:
    """Documents whose full text cites, or whose draft suggests, one of the changed documents."""
    out = set()
    for doc_id, citations in checked.citations.items():
        if any(c.resolved in changed or not changed.isdisjoint(c.candidates) for c in citations):
            out.add(doc_id)
    for doc in checked.corpus.documents.values():
        if doc.draft is not None and any(s.target in changed for s in doc.draft.relations):
            out.add(doc.id)
    return out
