"""Stage 4: every generated page as {relative path: Markdown text}. Writes nothing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ..graph import implementers
from ..load import ORIGINALS_DIR, read_original
from ..model import Document
from ..problems import NOTE, BuildError
from ..rules import is_central_policy
from ..studypack import implementation_report, study_pack
from .doc_page import render_document
from .graph_data import graph_files
from .graph_pages import GRAPH_PAGE, render_graph_page
from .html import doc_table, e, front_matter, sort_docs
from .indexes import render_home, render_indexes
from .mdraw import raw
from .packs import PACK_DIR, REPORT_DIR, pack_page, pack_path, pack_pdf_html, report_csv, report_page, report_path
from .paths import doc_path, original_path, safe
from .pdf import render_pdf
from .search_index import search_files

if TYPE_CHECKING:
    from ..checked import Checked

DEFAULT_PDF_PACKS = 20


def central_policy(checked: Checked) -> list[Document]:
    return sort_docs(d for d in checked.corpus.documents.values() if is_central_policy(checked.corpus, d))


def pdf_pack_ids(checked: Checked, limit: int) -> set[str]:
    """The packs built as PDF with the site: those of the documents with the most implementers."""
    docs = central_policy(checked)
    ranked = sorted(docs, key=lambda d: (-len(implementers(checked.graph, checked.corpus, d.id)), d.id))
    return {d.id for d in ranked[: max(0, limit)]}


def render_site(
    checked: Checked,
    site_name: str,
    progress: Callable[[int, int], None] | None = None,
    pdf_packs: int = DEFAULT_PDF_PACKS,
) -> Iterator[tuple[str, str]]:
    """Yield (path, markdown) pairs; a generator so that 10,000 pages never sit in memory at once."""
    corpus, graph = checked.corpus, checked.graph
    yield "index.md", render_home(corpus, graph, site_name)
    yield from render_indexes(corpus).items()
    yield GRAPH_PAGE, render_graph_page(corpus)
    yield from _pack_and_report_pages(checked, pdf_pack_ids(checked, pdf_packs))
    acknowledged: dict[str, list[str]] = defaultdict(list)
    for problem in checked.problems:
        if problem.severity == NOTE and problem.doc_id:
            acknowledged[problem.doc_id].append(problem.message)
    total = len(corpus.documents)
    for i, doc in enumerate(corpus.documents.values(), 1):
        yield (
            doc_path(doc.id),
            render_document(
                corpus,
                graph,
                doc,
                checked.texts.get(doc.id, ""),
                checked.citations.get(doc.id, []),
                acknowledged[doc.id],
            ),
        )
        if progress and (i % 1000 == 0 or i == total):
            progress(i, total)


def _pack_and_report_pages(checked: Checked, with_pdf: set[str]) -> Iterator[tuple[str, str]]:
    corpus, graph = checked.corpus, checked.graph
    docs = central_policy(checked)
    for doc in docs:
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
        yield (
            page,
            (
                front_matter(title)
                + raw(
                    f"<h1>{e(title)}</h1>\n<p>{e(intro)}</p>\n"
                    + doc_table(page, corpus, docs, ("date", "issuer"), link_to=path_of)
                )
                + "\n"
            ),
        )


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
    checked: Checked, pdf_packs: int = DEFAULT_PDF_PACKS, pdf: Callable[[str], bytes] = render_pdf
) -> Iterator[tuple[str, str | bytes]]:
    """Scripts, CSV and PDF files that pages link to, and copies of the originals; written beside the
    pages, not through MkDocs. `pdf` turns a study pack's HTML into its PDF (the build passes one that
    keeps what it made before)."""
    yield from search_files(checked)
    yield from graph_files(checked)
    yield from _originals(checked)
    corpus, graph = checked.corpus, checked.graph
    with_pdf = pdf_pack_ids(checked, pdf_packs)
    for doc in central_policy(checked):
        yield f"{REPORT_DIR}/{safe(doc.id)}.csv", report_csv(implementation_report(corpus, graph, doc))
        if doc.id in with_pdf:
            yield f"{PACK_DIR}/{safe(doc.id)}.pdf", pdf(pack_pdf_html(study_pack(corpus, graph, doc)))
