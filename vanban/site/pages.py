"""Stage 4: every generated page as {relative path: Markdown text}. Writes nothing."""
from __future__ import annotations

from typing import Callable, Iterator

import networkx as nx

from ..load import read_text
from ..model import Corpus
from .doc_page import render_document
from .html import doc_path
from .indexes import render_home, render_indexes


def render_site(corpus: Corpus, graph: nx.MultiDiGraph, site_name: str,
                progress: Callable[[int, int], None] | None = None) -> Iterator[tuple[str, str]]:
    """Yield (path, markdown) pairs; a generator so that 10,000 pages never sit in memory at once."""
    yield "index.md", render_home(corpus, graph, site_name)
    yield from render_indexes(corpus).items()
    total = len(corpus.documents)
    for i, doc in enumerate(corpus.documents.values(), 1):
        yield doc_path(doc.id), render_document(corpus, graph, doc, read_text(corpus, doc))
        if progress and (i % 1000 == 0 or i == total):
            progress(i, total)
