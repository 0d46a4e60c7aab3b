"""Documents and relations in open formats: CSV, JSON (networkx node-link), GraphML, JSON-LD.

Each function returns text; the CLI decides where it goes. Every file parses back with the
standard readers (csv, json, xml.etree, networkx) whatever the data holds: a character the format
cannot carry is written as U+FFFD (�). That is, in GraphML, a control character other than tab
and line breaks (YAML escapes such as "\\0" or "\\e" make them; XML 1.0 forbids them) and U+FFFE,
U+FFFF; in every format, a lone surrogate, which UTF-8 cannot encode at all (the loader refuses
them; this is a safeguard). JSON escapes control characters; CSV keeps them as they are.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable
from typing import TypeAlias

import networkx as nx

from . import vocab
from .model import Corpus, Document, Relation

FORMATS = ("csv", "json", "graphml", "jsonld")
_NO_UTF8 = re.compile("[\ud800-\udfff]")  # lone surrogates
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")  # outside XML 1.0's Char
DOC_COLUMNS = [
    "id",
    "symbol",
    "type",
    "type_label",
    "issuer",
    "issuer_name",
    "date",
    "term",
    "title",
    "status",
    "effective",
    "ceased",
    "aliases",
    "topics",
    "unverified",
    "known_from_citation",
    "draft",
]
REL_COLUMNS = ["source", "target", "relation", "relation_label", "eli", "note", "place", "unverified"]

# One CSV row, or the attributes of one GraphML node or edge: scalars only.
Record: TypeAlias = dict[str, str | bool]


def _doc_record(corpus: Corpus, doc: Document) -> Record:
    issuer = corpus.issuers.get(doc.issuer)
    return {
        "id": doc.id,
        "symbol": doc.symbol,
        "type": doc.type,
        "type_label": vocab.DOC_TYPES[doc.type].label,
        "issuer": doc.issuer,
        "issuer_name": issuer.name if issuer else "",
        "date": doc.date.iso() if doc.date else "",
        "term": doc.term,
        "title": doc.title,
        "status": doc.status,
        "effective": doc.effective.iso() if doc.effective else "",
        "ceased": doc.ceased.iso() if doc.ceased else "",
        "aliases": "; ".join(doc.aliases),
        "topics": "; ".join(doc.topics),
        "unverified": "; ".join(doc.unverified),
        "known_from_citation": doc.known_from_citation,
        "draft": doc.draft is not None,  # imported by machine, not reviewed: not to be taken as fact
    }


def _rel_record(rel: Relation) -> Record:
    return {
        "source": rel.source,
        "target": rel.target,
        "relation": rel.type,
        "relation_label": vocab.RELATION_TYPES[rel.type].label,
        "eli": vocab.ELI[rel.type],
        "note": rel.note,
        "place": rel.place,
        "unverified": rel.unverified,
    }


def _documents(corpus: Corpus) -> list[Document]:
    return sorted(corpus.documents.values(), key=lambda d: d.id)


def csv_cell(value: str | bool) -> str | bool:
    """A text value as a CSV cell that no spreadsheet runs as a formula."""
    return vocab.csv_text(value) if isinstance(value, str) else value


def to_csv(corpus: Corpus) -> tuple[str, str]:
    """(documents CSV, relations CSV). Text cells are guarded against formulas (csv_cell)."""

    def table(columns: list[str], rows: Iterable[Record]) -> str:
        out = io.StringIO()
        writer = csv.DictWriter(out, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
        return out.getvalue()

    return (
        _encodable(table(DOC_COLUMNS, [_doc_record(corpus, d) for d in _documents(corpus)])),
        _encodable(table(REL_COLUMNS, [_rel_record(r) for r in corpus.relations()])),
    )


def to_graph(corpus: Corpus, clean: Callable[[str], str] = lambda text: text) -> nx.MultiDiGraph[str]:
    """Scalar attributes only (GraphML and Gephi accept nothing else), each text through clean."""

    def cleaned(record: Record) -> Record:
        return {k: clean(v) if isinstance(v, str) else v for k, v in record.items()}

    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for doc in _documents(corpus):
        graph.add_node(doc.id, **cleaned(_doc_record(corpus, doc)))
    for n, rel in enumerate(corpus.relations()):
        graph.add_edge(rel.source, rel.target, key=f"{rel.type}-{n}", **cleaned(_rel_record(rel)))
    return graph


def to_json(corpus: Corpus) -> str:
    data = nx.node_link_data(to_graph(corpus), edges="links")
    return _encodable(json.dumps(data, ensure_ascii=False, indent=1))


def to_graphml(corpus: Corpus) -> str:
    # ElementTree writes control characters as they are (and U+FFFF as &#65535;): no XML reader
    # accepts either, so they are replaced in the values, before any is written.
    graph = to_graph(corpus, lambda text: _NOT_XML.sub("\ufffd", text))
    return "\n".join(nx.generate_graphml(graph, prettyprint=True))


def _encodable(text: str) -> str:
    return _NO_UTF8.sub("\ufffd", text)


def to_jsonld(corpus: Corpus) -> str:
    context = {
        "eli": "http://data.europa.eu/eli/ontology#",
        "vb": "urn:vanban:vocab#",
        "@base": "urn:vanban:doc:",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
    }
    graph: list[dict[str, object]] = []  # JSON-LD nodes
    outgoing: dict[str, list[Relation]] = {}
    for rel in corpus.relations():
        outgoing.setdefault(rel.source, []).append(rel)
    for doc in _documents(corpus):
        issuer = corpus.issuers.get(doc.issuer)
        node: dict[str, object] = {
            "@id": doc.id,
            "@type": "eli:LegalResource",
            "eli:id_local": doc.symbol,
            "eli:type_document": vocab.DOC_TYPES[doc.type].label,
            "vb:type": doc.type,
        }
        if issuer is None or not issuer.unidentified:  # a draft's issuer not identified yet is no body
            node["eli:passed_by"] = issuer.name if issuer else doc.issuer
        node["eli:title"] = doc.title
        if doc.date and doc.date.day:
            node["eli:date_document"] = {"@value": doc.date.iso(), "@type": "xsd:date"}
        elif doc.date:
            node["vb:date"] = doc.date.iso()
        if doc.effective:
            node["eli:first_date_entry_in_force"] = doc.effective.iso()
        if doc.ceased:
            node["eli:date_no_longer_in_force"] = doc.ceased.iso()
        if doc.unverified:
            node["vb:unverified"] = list(doc.unverified)
        if doc.draft is not None:
            node["vb:draft"] = True  # imported by machine, not reviewed
        rels = outgoing.get(doc.id, [])
        for eli in sorted({vocab.ELI[r.type] for r in rels}):
            node[f"eli:{eli}"] = [{"@id": r.target} for r in rels if vocab.ELI[r.type] == eli]
        if rels:  # the Vietnamese relation, which ELI's terms only approximate
            node["vb:relation"] = [
                {
                    "vb:type": r.type,
                    "vb:label": vocab.RELATION_TYPES[r.type].label,
                    "vb:target": {"@id": r.target},
                    "vb:eli": f"eli:{vocab.ELI[r.type]}",
                    **({"vb:note": r.note} if r.note else {}),
                    **({"vb:unverified": True} if r.unverified else {}),
                }
                for r in rels
            ]
        graph.append(node)
    return _encodable(json.dumps({"@context": context, "@graph": graph}, ensure_ascii=False, indent=1))
