"""Study packs and implementation reports for central documents, as plain data.

Rendering (site pages, PDF, CSV) lives elsewhere; these only gather what trainers and analysts
need from the corpus and the graph.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import networkx as nx

from . import vocab
from .dates import date_order, days_between
from .graph import TreeNode, depth_first, implementers, neighbours, status_of
from .model import Corpus, Document

BASIS = ("can-cu", "thuc-hien", "tiep-tuc-thuc-hien", "huong-dan", "sua-doi-bo-sung", "thay-the")


def _ended(graph: nx.MultiDiGraph[str], corpus: Corpus, doc: Document) -> str:
    """ "" while nothing puts it out of force; otherwise what did (rules.Status.short).

    One relation away from each step of a chain: serve's incremental build relies on it (site.affected)."""
    status = status_of(graph, corpus, doc)
    return status.short() if status.ended else ""


@dataclass
class ChainStep:
    doc: Document
    parent: Document
    issuer: str
    relation: str
    depth: int
    days: int | None
    status: str
    unverified: bool


@dataclass
class StudyPack:
    doc: Document
    issuer: str
    status: str
    basis: list[tuple[str, Document]]  # (relation label, document it stands on)
    chain: list[ChainStep]
    key_points: tuple[str, ...]
    questions: tuple[str, ...]
    sources: list[str]


def study_pack(corpus: Corpus, graph: nx.MultiDiGraph[str], doc: Document) -> StudyPack:
    basis = [
        (vocab.RELATION_TYPES[n.relation.type].label, n.doc)
        for n in neighbours(graph, corpus, doc.id)
        if n.outgoing and n.relation.type in BASIS
    ]
    chain = []
    for node in depth_first(implementers(graph, corpus, doc.id), doc.id):
        parent = corpus.documents[node.via]
        days = days_between(parent.date, node.doc.date) if parent.date and node.doc.date else None
        issuer = corpus.issuers.get(node.doc.issuer)
        chain.append(
            ChainStep(
                node.doc,
                parent,
                issuer.name if issuer else node.doc.issuer,
                node.relation,
                node.depth,
                days,
                _ended(graph, corpus, node.doc),
                node.unverified,
            )
        )
    sources = []
    for src in doc.sources:
        named = corpus.named_sources.get(src.name)
        sources.append(" ".join(x for x in (named.title if named else src.name, src.path, src.note) if x))
    issuers = [corpus.issuers[k].name for k in (doc.issuer, *doc.co_issuers) if k in corpus.issuers]
    return StudyPack(
        doc, " và ".join(issuers), _ended(graph, corpus, doc), basis, chain, doc.key_points, doc.questions, sources
    )


UNKNOWN_PLACE = "Chưa rõ nơi ban hành"  # the place of a draft whose issuer is not identified yet
CENTRAL_PLACE = "Trung ương"  # the place of central bodies' documents


@dataclass
class ReportRow:
    place: str  # "Tỉnh Hậu Giang", or "Trung ương"
    issuers: list[str]
    documents: list[Document]  # carrying the document out, earliest first
    days: int | None  # from the central document to the first of them
    today: str = ""  # the province the place has been part of since a merger (regions.yaml `today:`), else ""

    @property
    def local(self) -> bool:
        """A province's or city's row: not the central bodies', nor unidentified drafts'."""
        return self.place not in (CENTRAL_PLACE, UNKNOWN_PLACE)


@dataclass
class ImplementationReport:
    doc: Document
    rows: list[ReportRow]  # places with documents, fastest first
    missing: list[str] = field(default_factory=list)  # provinces in the data with none


def implementation_report(
    corpus: Corpus, graph: nx.MultiDiGraph[str], doc: Document, nodes: Sequence[TreeNode] | None = None
) -> ImplementationReport:
    """Where doc was carried out; `nodes`: its implementers (graph.implementers), when the caller has them."""
    by_place: dict[str, list[Document]] = defaultdict(list)
    today: dict[str, str] = {}  # place → the province it has been part of since a merger
    for node in implementers(graph, corpus, doc.id) if nodes is None else nodes:
        issuer = corpus.issuers.get(node.doc.issuer)
        region = issuer.region if issuer else None
        if issuer is not None and issuer.unidentified:  # a draft's issuer, not identified yet
            by_place[UNKNOWN_PLACE].append(node.doc)
            continue
        place = corpus.regions.get(region, region) if region else CENTRAL_PLACE
        by_place[place].append(node.doc)
        if region and region in corpus.region_today:
            today[place] = corpus.regions[corpus.region_today[region]]
    rows = []
    for place, docs in by_place.items():
        docs.sort(key=lambda d: date_order(d.date))
        first = docs[0]
        days = days_between(doc.date, first.date) if doc.date and first.date else None
        issuers = sorted({corpus.issuers[d.issuer].name for d in docs if d.issuer in corpus.issuers})
        rows.append(ReportRow(place, issuers, docs, days, today.get(place, "")))
    rows.sort(key=lambda r: (not r.local, r.days is None, r.days or 0, r.place))
    covered = set(by_place)
    # The provinces some issuer of the data belongs to (not those named only as what merged ones became).
    issuing = {issuer.region for issuer in corpus.issuers.values() if issuer.region}
    missing = sorted(name for key, name in corpus.regions.items() if key in issuing and name not in covered)
    return ImplementationReport(doc, rows, missing)
