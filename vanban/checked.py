"""What flows from the checks to the graph and the site: a corpus with its problems and citations."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import networkx as nx

from .citations import Citation
from .graph import build_graph, statuses
from .model import Corpus, Document
from .problems import ERROR, WARNING, Problem
from .rules import Status, doc_order, is_central_policy


@dataclass(frozen=True)
class Checked:
    """A corpus after every check: its problems, full texts and the citations found in them."""

    corpus: Corpus
    problems: list[Problem]
    texts: dict[str, str] = field(default_factory=dict)
    citations: dict[str, list[Citation]] = field(default_factory=dict)

    def failing(self, strict: bool) -> list[Problem]:
        bad = {ERROR, WARNING} if strict else {ERROR}
        return [p for p in self.problems if p.severity in bad]

    @cached_property
    def graph(self) -> nx.MultiDiGraph[str]:
        # cached_property writes to the instance dict directly, so it works on a frozen dataclass.
        return build_graph(self.corpus)

    @cached_property
    def statuses(self) -> dict[str, Status]:
        """Every document's status (graph.status_of), worked out once."""
        return statuses(self.graph, self.corpus)

    @cached_property
    def central_policy(self) -> tuple[Document, ...]:
        """The central documents of a policy type (rules.is_central_policy), in listing order: those with a
        study pack and a report. Asked by several stages of one build."""
        corpus = self.corpus
        return tuple(sorted((d for d in corpus.documents.values() if is_central_policy(corpus, d)), key=doc_order))
