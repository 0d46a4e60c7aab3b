"""Stage 4: every generated page as {relative path: Markdown text}. Writes nothing."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterator

from .doc_page import render_document
from .indexes import render_home, render_indexes
from .paths import doc_path
from .graph_data import graph_files
from .graph_pages import GRAPH_PAGE, render_graph_page
from .search_index import search_files

if TYPE_CHECKING:
    from ..pipeline import Checked


def render_site(checked: "Checked", site_name: str,
                progress: Callable[[int, int], None] | None = None) -> Iterator[tuple[str, str]]:
    """Yield (path, markdown) pairs; a generator so that 10,000 pages never sit in memory at once."""
    corpus, graph = checked.corpus, checked.graph
    yield "index.md", render_home(corpus, graph, site_name)
    yield from render_indexes(corpus).items()
    yield GRAPH_PAGE, render_graph_page(corpus)
    total = len(corpus.documents)
    for i, doc in enumerate(corpus.documents.values(), 1):
        yield doc_path(doc.id), render_document(corpus, graph, doc, checked.texts.get(doc.id, ""),
                                                checked.citations.get(doc.id, []))
        if progress and (i % 1000 == 0 or i == total):
            progress(i, total)



def render_data(checked: "Checked") -> Iterator[tuple[str, str]]:
    """Search and graph data: scripts the pages load, written next to the pages, not through MkDocs."""
    yield from search_files(checked)
    yield from graph_files(checked)
