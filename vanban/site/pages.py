"""Stage 4: every generated page as {relative path: Markdown text}. Writes nothing."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import vocab
from ..graph import implementers
from ..load import ORIGINALS_DIR, read_original
from ..problems import NOTE, BuildError
from ..studypack import implementation_report, study_pack
from .doc_page import render_document
from .fulltext import text_anchors
from .graph_data import graph_files, local_graph_path
from .graph_pages import GRAPH_PAGE, render_graph_page
from .html import e, forget_links
from .indexes import group_pages, paged, render_home, render_indexes
from .packs import PACK_DIR, REPORT_DIR, pack_page, pack_path, pack_pdf_html, report_csv, report_page, report_path
from .paths import doc_path, original_path, safe
from .pdf import render_pdf
from .previews import preview_files
from .search_index import SearchMemo, search_files

if TYPE_CHECKING:
    from ..checked import Checked

DEFAULT_PDF_PACKS = 20


def pdf_pack_ids(checked: Checked, limit: int) -> set[str]:
    """The packs built as PDF with the site: those of the documents with the most implementers."""
    docs = checked.central_policy
    ranked = sorted(docs, key=lambda d: (-len(implementers(checked.graph, checked.corpus, d.id)), d.id))
    return {d.id for d in ranked[: max(0, limit)]}


def pdf_ranking(checked: Checked) -> tuple[frozenset[str], frozenset[tuple[str, str, str]]]:
    """All pdf_pack_ids reads: the central documents and the implementing relations (a cheap key for it)."""
    documents = checked.corpus.documents  # the graph's implementing edges, read off the relations (faster)
    edges = frozenset(
        (rel.source, rel.target, rel.type)
        for rel in checked.corpus.relations()
        if rel.type in vocab.IMPLEMENTING and rel.target in documents
    )
    return frozenset(d.id for d in checked.central_policy), edges


def acknowledged(checked: Checked) -> dict[str, list[str]]:
    """Document id → the messages of the warnings its data acknowledges (shown on its page)."""
    out: dict[str, list[str]] = defaultdict(list)
    for problem in checked.problems:
        if problem.severity == NOTE and problem.doc_id:
            out[problem.doc_id].append(problem.message)
    return out


@dataclass(frozen=True)
class Partial:
    """What an incremental build makes again (site.affected says what an edit can change); it keeps the rest.

    The pages that list or count the whole corpus (home, the lists of groups, of study packs and reports,
    the global graph, search) are always made again."""

    documents: frozenset[str]  # the pages of these documents
    groups: frozenset[str]  # these index pages of one group (a type, an issuer, a year, a term, a topic)
    studies: frozenset[str]  # the study packs and reports (pages, CSV, PDF) of these central documents
    local_graphs: frozenset[str]  # the local graphs of these documents


def kept(checked: Checked, partial: Partial, with_pdf: set[str]) -> set[str]:
    """The pages and data files an incremental build keeps as the last build wrote them: every one it would
    write, but does not make again."""
    corpus = checked.corpus
    out = {doc_path(i) for i in corpus.documents.keys() - partial.documents}
    out |= group_pages(corpus) - partial.groups
    out |= {local_graph_path(i) for i in corpus.documents.keys() - partial.local_graphs}
    for doc in checked.central_policy:
        if doc.id not in partial.studies:
            out |= {pack_path(doc.id), report_path(doc.id), f"{REPORT_DIR}/{safe(doc.id)}.csv"}
            out |= {f"{PACK_DIR}/{safe(doc.id)}.pdf"} if doc.id in with_pdf else set()
    return out


def render_site(
    checked: Checked,
    site_name: str,
    progress: Callable[[int, int], None] | None = None,
    pdf_packs: int = DEFAULT_PDF_PACKS,
    partial: Partial | None = None,
    with_pdf: set[str] | None = None,
) -> Iterator[tuple[str, str]]:
    """Yield (path, markdown) pairs; a generator so that 10,000 pages never sit in memory at once.

    With `partial`, only what it names and the pages over the whole corpus. `with_pdf`: pdf_pack_ids, when
    the caller has them."""
    corpus, graph = checked.corpus, checked.graph
    forget_links()  # the documents' links of an earlier build
    yield "index.md", render_home(corpus, graph, site_name)
    yield from render_indexes(corpus, partial.groups if partial else None).items()
    yield GRAPH_PAGE, render_graph_page(corpus)
    with_pdf = pdf_pack_ids(checked, pdf_packs) if with_pdf is None else with_pdf
    yield from _pack_and_report_pages(checked, with_pdf, partial.studies if partial else None)
    notes = acknowledged(checked)
    total = len(corpus.documents)
    anchors_of = functools.lru_cache(maxsize=None)(
        lambda doc_id: text_anchors(checked.texts.get(doc_id, ""), checked.citations.get(doc_id, []))
    )
    for i, doc in enumerate(corpus.documents.values(), 1):
        if partial is not None and doc.id not in partial.documents:
            continue
        yield (
            doc_path(doc.id),
            render_document(
                corpus,
                graph,
                doc,
                checked.texts.get(doc.id, ""),
                checked.citations.get(doc.id, []),
                notes[doc.id],
                anchors_of,
            ),
        )
        if progress and (i % 1000 == 0 or i == total):
            progress(i, total)


def _pack_and_report_pages(
    checked: Checked, with_pdf: set[str], only: Collection[str] | None
) -> Iterator[tuple[str, str]]:
    corpus, graph = checked.corpus, checked.graph
    docs = list(checked.central_policy)
    for doc in docs:
        if only is not None and doc.id not in only:
            continue
        yield pack_path(doc.id), pack_page(study_pack(corpus, graph, doc), doc.id in with_pdf)
        yield report_path(doc.id), report_page(implementation_report(corpus, graph, doc))
    for folder, title, intro, path_of in (
        (
            PACK_DIR,
            "Tài liệu học tập",
            "Mỗi văn bản trung ương có một tài liệu học tập: thông tin chính, văn bản "
            "căn cứ và kế thừa, chuỗi văn bản thực hiện với ngày và số ngày, tình trạng hiệu lực, nội dung chính "
            "và câu hỏi thảo luận khi dữ liệu có.",
            pack_path,
        ),
        (
            REPORT_DIR,
            "Báo cáo tình hình thực hiện",
            "Những nơi có văn bản thực hiện mỗi văn bản trung ương, sau "
            "bao nhiêu ngày, và những địa phương chưa có văn bản nào trong cơ sở tri thức.",
            report_path,
        ),
    ):
        page = f"{folder}/index.md"
        head = f"<h1>{e(title)}</h1>\n<p>{e(intro)}</p>\n"
        yield from paged(page, title, head, corpus, docs, ("date", "issuer"), link_to=path_of).items()


def _originals(checked: Checked) -> Iterator[tuple[str, bytes]]:
    """The originals the pages link to ("Bản gốc"), one at a time: checked by the loader, and read
    again here as regular files only (a file swapped for a link meanwhile stops the build)."""
    corpus = checked.corpus
    for name in sorted({n for doc in corpus.documents.values() for n in doc.originals}):
        content = read_original(corpus.data_dir, name)
        if content is None:
            raise BuildError(
                f"bản gốc {ORIGINALS_DIR}/{name} đã bị đổi, xóa hoặc thay bằng liên kết trong lúc dựng; "
                "chạy `check` rồi dựng lại"
            )
        yield original_path(name), content


def render_data(
    checked: Checked,
    pdf_packs: int = DEFAULT_PDF_PACKS,
    pdf: Callable[[str], bytes] = render_pdf,
    partial: Partial | None = None,
    search_memo: SearchMemo | None = None,
    with_pdf: set[str] | None = None,
    local_graphs: bool = True,
    search_results: bool = True,
) -> Iterator[tuple[str, str | bytes]]:
    """Scripts, CSV and PDF files that pages link to, and copies of the originals; written beside the
    pages, not through MkDocs. `pdf` turns a study pack's HTML into its PDF (the build passes one that
    keeps what it made before). An incremental build asks for what `partial` names only, and keeps what
    the search index read of each document (`search_memo`); without `local_graphs`, the documents' local graphs
    are left out (local_graph_files: serve writes them first, with the pages); without `search_results`, the
    search's result files (search_index.result_parts: a full build shares them out)."""
    yield from search_files(checked, search_memo, search_results)
    yield from preview_files(checked)
    yield from graph_files(checked, (partial.local_graphs if partial else None) if local_graphs else ())
    yield from _originals(checked)
    corpus, graph = checked.corpus, checked.graph
    with_pdf = pdf_pack_ids(checked, pdf_packs) if with_pdf is None else with_pdf
    for doc in checked.central_policy:
        if partial is not None and doc.id not in partial.studies:
            continue
        yield f"{REPORT_DIR}/{safe(doc.id)}.csv", report_csv(implementation_report(corpus, graph, doc))
        if doc.id in with_pdf:
            yield f"{PACK_DIR}/{safe(doc.id)}.pdf", pdf(pack_pdf_html(study_pack(corpus, graph, doc)))
