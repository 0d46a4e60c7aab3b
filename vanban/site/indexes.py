"""Index pages (by type, issuer, year, term, topic) and the home page."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import TypeVar

import networkx as nx

from .. import vocab
from ..graph import TreeNode, implementers
from ..model import Corpus, Document
from ..rules import is_central, is_central_policy
from ..studypack import implementation_report
from .html import doc_label, doc_table, e, front_matter, md_text, sort_docs
from .mdraw import raw
from .packs import report_path
from .paths import doc_path, href, issuer_page, term_page, topic_page, type_page, year_page
from .search_index import SEARCH_PAGE
from .tree import render_tree

HOME_TREES = 10  # central documents whose trees the home page shows (the page under 100 KB)
HOME_TREE_NODES = 12  # nodes per tree on the home page; the whole tree is on the document page

K = TypeVar("K")  # what documents are grouped by: a type key, a year, a term, a topic


def _roman(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for a, b in zip(text, text[1:] + " ", strict=False):
        total += -values.get(a, 0) if values.get(a, 0) < values.get(b, 0) else values.get(a, 0)
    return total


def listed_on(doc: Document) -> set[str]:
    """The index pages of one group that list the document."""
    pages = {type_page(doc.type), year_page(doc.year), *(issuer_page(k) for k in (doc.issuer, *doc.co_issuers))}
    pages |= {term_page(doc.term)} if doc.term else set()
    return pages | {topic_page(t) for t in doc.topics}


# Documents per index page: a long list goes on over several pages, so that the largest page at 100,000
# documents stays under 100 KB (one page of 23,000 công văn weighed 11 MB).
PAGE_ROWS = 100


def page_part(page: str, n: int) -> str:
    """The n-th page (from 1) of a group's list: "theo-loai/cong-van.md", "theo-loai/cong-van--trang-2.md"
    (no slug holds "--", so no group's own page can be named so)."""
    return page if n == 1 else f"{page[:-3]}--trang-{n}.md"


def group_pages(corpus: Corpus) -> set[str]:
    """Every index page of one group, all its parts: those that list a document, and one for each issuer."""
    counts: dict[str, int] = defaultdict(int)
    for doc in corpus.documents.values():
        for page in listed_on(doc):
            counts[page] += 1
    pages = {issuer_page(k) for k in corpus.issuers}
    for page, count in counts.items():
        pages |= {page_part(page, n) for n in range(1, math.ceil(count / PAGE_ROWS) + 1)}
    return pages


def paged(
    page: str,
    title: str,
    head_html: str,
    corpus: Corpus,
    docs: list[Document],
    columns: Sequence[str],
    link_to: Callable[[str], str] = doc_path,
) -> dict[str, str]:
    """A group's pages: its list (html.doc_table) cut into parts of PAGE_ROWS documents, linked to each other."""
    parts = [docs[i : i + PAGE_ROWS] for i in range(0, len(docs), PAGE_ROWS)] or [[]]
    out = {}
    for n, part in enumerate(parts, 1):
        this = page_part(page, n)
        pager = _pager(this, page, n, len(parts))
        table = doc_table(this, corpus, part, columns, link_to=link_to)
        name = title if n == 1 else f"{title} (trang {n})"
        out[this] = front_matter(name) + raw(head_html + pager + table + pager) + "\n"
    return out


def _pager(this: str, page: str, n: int, total: int) -> str:
    if total == 1:
        return ""
    shown = sorted({1, total, *range(max(1, n - 2), min(total, n + 2) + 1)})
    links, last = [], 0
    for k in shown:
        if k > last + 1:
            links.append("<span>…</span>")
        if k == n:
            links.append(f'<strong aria-current="page">{k}</strong>')
        else:
            links.append(f'<a href="{e(href(this, page_part(page, k)))}">{k}</a>')
        last = k
    return f'<nav class="vb-pager" aria-label="Các trang của danh sách">Trang {" ".join(links)}</nav>'


def render_indexes(corpus: Corpus, only: Collection[str] | None = None) -> dict[str, str]:
    """Index pages: the lists of groups, and with `only` the pages of those groups alone (listed_on)."""
    docs = list(corpus.documents.values())
    pages: dict[str, str] = {}
    pages.update(
        _grouped(
            corpus,
            docs,
            "theo-loai",
            "Văn bản theo loại",
            lambda d: [d.type],
            lambda k: vocab.DOC_TYPES[k].label,
            type_page,
            order=lambda k: list(vocab.DOC_TYPES).index(k),
            columns=("date", "issuer"),
            only=only,
        )
    )
    pages.update(_issuers(corpus, docs, only))
    pages.update(
        _grouped(
            corpus,
            docs,
            "theo-nam",
            "Văn bản theo năm ban hành",
            lambda d: [d.year],
            lambda k: f"Năm {k}" if k else "Chưa rõ năm",
            year_page,
            order=lambda k: -(k or 0),
            only=only,
        )
    )
    pages.update(
        _grouped(
            corpus,
            docs,
            "theo-khoa",
            "Văn bản theo khóa",
            lambda d: [d.term] if d.term else [],
            lambda k: f"Khóa {k}",
            term_page,
            order=lambda k: -_roman(k),
            intro="Khóa của cơ quan ban hành (Ban Chấp hành Trung ương, Quốc hội…). "
            "Số hiệu văn bản Đảng đánh lại từ đầu mỗi khóa.",
            only=only,
        )
    )
    pages.update(
        _grouped(
            corpus,
            docs,
            "chu-de",
            "Văn bản theo chủ đề",
            lambda d: list(d.topics),
            lambda k: k[:1].upper() + k[1:],
            topic_page,
            order=lambda k: k,
            only=only,
        )
    )
    return pages


def _grouped(
    corpus: Corpus,
    docs: list[Document],
    folder: str,
    heading: str,
    keys_of: Callable[[Document], Iterable[K]],
    label_of: Callable[[K], str],
    page_of: Callable[[K], str],
    order: Callable[[K], int | str],
    columns: Sequence[str] | None = None,
    intro: str = "",
    only: Collection[str] | None = None,
) -> dict[str, str]:
    groups: dict[K, list[Document]] = defaultdict(list)
    for doc in docs:
        for key in keys_of(doc):
            groups[key].append(doc)
    index_page = f"{folder}/index.md"
    rows = []
    pages = {}
    for key in sorted(groups, key=order):
        page = page_of(key)
        rows.append(
            f'<li><a href="{e(href(index_page, page))}">{e(label_of(key))}</a> '
            f'<span class="vb-count">{len(groups[key])}</span></li>'
        )
        if only is not None and page not in only:
            continue
        head = f"<h1>{e(label_of(key))}</h1>\n<p>{len(groups[key])} văn bản.</p>\n"
        pages.update(
            paged(page, label_of(key), head, corpus, sort_docs(groups[key]), columns or ("date", "type", "issuer"))
        )
    intro_html = f"<p>{e(intro)}</p>\n" if intro else ""
    pages[index_page] = (
        front_matter(heading)
        + raw(f"<h1>{e(heading)}</h1>\n" + intro_html + '<ul class="vb-groups">\n' + "\n".join(rows) + "\n</ul>")
        + "\n"
    )
    return pages


def _issuers(corpus: Corpus, docs: list[Document], only: Collection[str] | None) -> dict[str, str]:
    by_issuer: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        for key in (doc.issuer, *doc.co_issuers):
            by_issuer[key].append(doc)
    pages = {}
    index_page = "co-quan/index.md"
    sections = []
    for level, level_label in vocab.LEVEL_LABELS.items():
        issuers = sorted((i for i in corpus.issuers.values() if i.level == level), key=lambda i: i.name)
        if not issuers:
            continue
        items = [
            f'<li><a href="{e(href(index_page, issuer_page(i.key)))}">{e(i.name)}</a> '
            f'<span class="vb-count">{len(by_issuer[i.key])}</span></li>'
            for i in issuers
        ]
        sections.append(f"## {level_label}\n\n" + raw('<ul class="vb-groups">' + "".join(items) + "</ul>"))
    pages[index_page] = (
        front_matter("Văn bản theo cơ quan ban hành")
        + "<h1>Văn bản theo cơ quan ban hành</h1>\n\n"
        + "\n\n".join(sections)
        + "\n"
    )
    for issuer in corpus.issuers.values():
        page = issuer_page(issuer.key)
        if only is not None and page not in only:
            continue
        level = vocab.LEVEL_LABELS.get(issuer.level, "chưa rõ")
        facts = [f"<p>Cấp: {e(level)} · Hệ thống: {e(vocab.SYSTEM_LABELS.get(issuer.system, 'chưa rõ'))}</p>"]
        if issuer.unidentified:
            facts.append(
                "<p>Các bản nháp nhập tự động mà máy chưa xác định được cơ quan ban hành. Trang của mỗi văn bản "
                "ghi khối cơ quan ban hành đúng như in trên văn bản.</p>"
            )
        if issuer.parent and issuer.parent in corpus.issuers:
            parent = corpus.issuers[issuer.parent]
            facts.append(f'<p>Trực thuộc: <a href="{e(href(page, issuer_page(parent.key)))}">{e(parent.name)}</a></p>')
        if issuer.became:
            when = issuer.became.date.vietnamese() if issuer.became.date else ""
            flag = " (thời điểm chưa xác minh)" if issuer.became.date_unverified else ""
            facts.append(
                f'<div class="admonition note"><p class="admonition-title">Thay đổi về tổ chức</p>'
                f"<p>{e(issuer.became.text)}{' — ' + e(when) if when else ''}{e(flag)}. "
                f"Văn bản vẫn ghi cơ quan ban hành như tại thời điểm ban hành.</p></div>"
            )
        head = f"<h1>{e(issuer.name)}</h1>\n" + "\n".join(facts) + f"\n<p>{len(by_issuer[issuer.key])} văn bản.</p>\n"
        pages.update(paged(page, issuer.name, head, corpus, sort_docs(by_issuer[issuer.key]), ("date", "type")))
    return pages


def central_documents(corpus: Corpus, graph: nx.MultiDiGraph[str]) -> list[tuple[Document, list[TreeNode]]]:
    """Central documents that something carries out, with their trees, most implemented first."""
    out = []
    for doc in corpus.documents.values():
        if not is_central(corpus, doc):
            continue
        if not any(rtype in vocab.IMPLEMENTING for _, _, rtype in graph.in_edges(doc.id, keys=True)):
            continue
        out.append((doc, implementers(graph, corpus, doc.id)))
    out.sort(key=lambda pair: (-len(pair[1]), pair[0].symbol))
    return out


def _home_coverage(
    corpus: Corpus, graph: nx.MultiDiGraph[str], central: Sequence[tuple[Document, list[TreeNode]]], page: str
) -> str:
    """The central documents carried out most: in how many provinces, by how many documents, how soon."""
    rows = []
    for doc, nodes in central:
        report = implementation_report(corpus, graph, doc, nodes)
        local = [row for row in report.rows if row.local]
        days = [row.days for row in local if row.days is not None]
        table = (  # reports are made for central policy documents only
            f'<a href="{e(href(page, report_path(doc.id)))}">theo địa phương</a>'
            if is_central_policy(corpus, doc)
            else ""
        )
        rows.append(
            f'<tr><td><a href="{e(href(page, doc_path(doc.id)))}">{e(doc_label(doc))}</a></td>'
            f"<td>{len(local)}</td><td>{sum(len(r.documents) for r in local)}</td>"
            f"<td>{min(days) if days else ''}</td><td>{table}</td></tr>"
        )
    if not rows:
        return ""
    return (
        "## Thực hiện theo địa phương\n\n"
        + raw(
            '<div class="vb-scroll"><table class="vb-coverage"><thead><tr><th>Văn bản trung ương</th>'
            "<th>Số tỉnh, thành phố có văn bản "
            "thực hiện</th><th>Số văn bản của các tỉnh, thành phố</th><th>Nhanh nhất (số ngày)</th><th>Bảng</th>"
            "</tr></thead>"
            "<tbody>" + "".join(rows) + "</tbody></table></div>"
        )
        + "\n\n"
    )


def render_home(corpus: Corpus, graph: nx.MultiDiGraph[str], site_name: str) -> str:
    page = "index.md"
    central = central_documents(corpus, graph)
    links = [
        ("theo-loai/index.md", "Theo loại văn bản"),
        ("co-quan/index.md", "Theo cơ quan ban hành"),
        ("theo-nam/index.md", "Theo năm ban hành"),
        ("theo-khoa/index.md", "Theo khóa"),
        ("chu-de/index.md", "Theo chủ đề"),
        ("do-thi.md", "Đồ thị quan hệ giữa các văn bản"),
        ("hoc-tap/index.md", "Tài liệu học tập về các văn bản trung ương"),
        ("bao-cao-thuc-hien/index.md", "Tình hình thực hiện: nơi nào đã có văn bản triển khai"),
    ]
    ways = "".join(f'<li><a href="{e(href(page, p))}">{e(t)}</a></li>' for p, t in links)
    trees = []
    for doc, nodes in central[:HOME_TREES]:
        # A Markdown heading (it gets an id and a place in the page's contents), so the symbol
        # goes in as md_text: `[x](javascript:…)` in data would otherwise become a link.
        heading = md_text(f"{doc.symbol} ({doc.year or 'chưa rõ năm'})")
        trees.append(f"### {heading}\n\n" + raw(render_tree(corpus, doc, nodes, page, HOME_TREE_NODES)))
    more = (
        f"<p>… và {len(central) - HOME_TREES} văn bản trung ương khác có văn bản thực hiện; "
        "xem theo loại hoặc theo cơ quan ban hành.</p>"
        if len(central) > HOME_TREES
        else ""
    )
    coverage = _home_coverage(corpus, graph, central[:HOME_TREES], page)
    n_docs = len(corpus.documents)
    n_rel = sum(1 for _ in corpus.relations())
    return front_matter("Trang chủ") + (
        f"<h1>{e(site_name)}</h1>\n\n"
        '<p class="vb-lead">Cơ sở tri thức về các văn bản của Đảng và Nhà nước — nghị quyết, kết luận, '
        "chỉ thị, quyết định, luật, pháp lệnh — cùng các chương trình, kế hoạch, báo cáo, công văn của "
        "địa phương triển khai chúng. Mỗi văn bản có trang riêng cho biết nó căn cứ, thực hiện, thay thế "
        "văn bản nào và được văn bản nào thực hiện, để tra cứu nhanh một văn bản và mọi văn bản quanh nó.</p>\n\n"
        f"<p>Hiện có {n_docs} văn bản và {n_rel} quan hệ. Tìm theo số ký hiệu, cách gọi tắt, tên gọi hoặc "
        "từ ngữ, có dấu hay không dấu:</p>\n\n"
        f'<form class="vb-search-form" action="{e(href(page, SEARCH_PAGE))}" method="get" role="search">'
        '<input name="q" type="search" placeholder="25-NQ/TW · NQ 25 · Pháp lệnh 34 · dân vận khéo" '
        'aria-label="Tìm văn bản"><button type="submit" class="md-button md-button--primary">Tìm</button></form>\n\n'
        "<p>hoặc duyệt:</p>\n\n"
        f'<ul class="vb-ways">{ways}</ul>\n\n' + coverage + "## Cây thực hiện các văn bản trung ương\n\n"
        "<p>Mỗi cây cho thấy các văn bản thực hiện, triển khai, tiếp tục thực hiện, hướng dẫn, báo cáo "
        "kết quả hoặc chuyển một văn bản trung ương, kèm số ngày kể từ văn bản cấp trên.</p>\n\n"
        + "\n\n".join(trees)
        + "\n\n"
        + more
        + "\n"
    )
