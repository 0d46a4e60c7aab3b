"""The page of one document: card, banners, relations both ways, implementation tree, text."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

import networkx as nx

from .. import vocab
from ..citations import Citation
from ..dates import PartialDate, date_order, show_date
from ..graph import Neighbour, TreeNode, implementers, neighbours, status_of
from ..model import Corpus, Document, Source
from ..rules import is_central, is_central_policy, takes_effect
from ..schema import UNKNOWN_ISSUER
from ..studypack import implementation_report
from .fulltext import Anchors, no_anchors, render_full_text
from .graph_pages import impl_section, local_section, neighbour_count, scripts
from .html import (
    DATE_CONTROL,
    admonition,
    date_html,
    date_text,
    day_attr,
    doc_label,
    doc_link,
    e,
    front_matter,
    mark_unverified,
    title_html,
)
from .mdraw import keep_spaces, raw
from .packs import coverage_table, pack_path, places_with_documents, report_figures, report_path
from .paths import doc_path, href, issuer_page, original_path, term_page, topic_page, type_page, year_page
from .tree import render_tree

# Caps keep the largest page small on a corpus where one resolution has thousands of
# implementers; the full lists stay reachable through the index pages.
MAX_RELATED_PER_GROUP = 40
MAX_TREE_NODES = 60  # at 100,000 documents, 80 made a hub's page 104 KB (about 440 bytes a node)


def render_document(
    corpus: Corpus,
    graph: nx.MultiDiGraph[str],
    doc: Document,
    text: str,
    citations: Sequence[Citation],
    acknowledged: Sequence[str] = (),
    anchors_of: Anchors = no_anchors,
) -> str:
    """acknowledged: the messages of warnings the data acknowledges for this document; anchors_of: the anchors
    of other documents' full texts (fulltext.text_anchors), for citations of an article."""
    page = doc_path(doc.id)
    nodes = implementers(graph, corpus, doc.id)  # the tree's and the coverage table's
    head = [
        f'<h1 class="vb-h1"{day_attr(doc.date, "issued")}>{e(vocab.DOC_TYPES[doc.type].label)} {e(doc.symbol)} '
        f'<span class="vb-year">({e(str(doc.year) if doc.year else "chưa rõ năm")})</span></h1>',
        _draft_banner(doc, page),
        _title(doc),
        *_banners(corpus, graph, doc, page),
        _card(corpus, doc, page),
        _study_links(corpus, doc, page),
    ]
    parts = [
        front_matter(doc_label(doc), doc.title),
        raw("\n".join(head)),
        _relations(corpus, graph, doc, page),
        _timeline(corpus, graph, doc, page),
        _suggestions(corpus, doc, page),
        _graph(graph, doc, page),
        _tree(corpus, doc, nodes, page),
        _coverage(corpus, graph, doc, nodes, page),
        _figures(doc),
        _notes(doc, acknowledged),
        _full_text(page, corpus, text, citations, anchors_of),
    ]
    return "\n\n".join(p for p in parts if p) + "\n"


# The events of the timeline, by the relation that makes them (incoming: another document acts on this one).
_EVENTS = {"thuc-hien": "Được thực hiện bởi", "tiep-tuc-thuc-hien": "Được tiếp tục thực hiện bởi"}


TIMELINE_CARRIED = 10  # the first documents that carry it out, by day; the rest counted


def _timeline(corpus: Corpus, graph: nx.MultiDiGraph[str], doc: Document, page: str) -> str:
    """Issued, in force, carried out, continued, replaced, ceased: each with its day, in order; the control
    that shows the page as it stood on a chosen day. Every replacement and ceasing is kept; of the documents
    that carry it out (thousands for a resolution), the first ones, then how many more and until when."""
    events: list[tuple[PartialDate | None, str, str]] = [(doc.date, "Ban hành", "")]
    if doc.effective:
        events.append((doc.effective, "Có hiệu lực", ""))
    carried: list[tuple[PartialDate | None, str, str]] = []
    for n in neighbours(graph, corpus, doc.id):
        if n.outgoing:
            continue
        if n.relation.type in vocab.REPLACING:
            label = vocab.RELATION_TYPES[n.relation.type].inverse_label
            events.append((takes_effect(n.doc), label, doc_link(page, n.doc)))
        elif n.relation.type in _EVENTS:
            carried.append((n.doc.date, _EVENTS[n.relation.type], doc_link(page, n.doc)))
    if doc.ceased:
        events.append((doc.ceased, "Hết hiệu lực", ""))
    carried = sorted((ev for ev in carried if ev[0] is not None), key=lambda ev: date_order(ev[0]))
    rest = carried[TIMELINE_CARRIED:]
    if rest:
        last = rest[-1][0]
        events.append((rest[0][0], f"… và {len(rest)} văn bản khác thực hiện, đến {date_text(last)}", ""))
    dated = sorted(
        (ev for ev in events + carried[:TIMELINE_CARRIED] if ev[0] is not None), key=lambda ev: date_order(ev[0])
    )
    if not dated:
        return ""
    items = "".join(
        f'<li{day_attr(when)}><span class="vb-date">{e(date_text(when))}</span> · {e(what)}'
        + (f" {link}" if link else "")
        + "</li>"
        for when, what, link in dated
    )
    return "## Dòng thời gian\n\n" + raw(DATE_CONTROL + f'<ol class="vb-timeline">{items}</ol>')


def _study_links(corpus: Corpus, doc: Document, page: str) -> str:
    if not is_central_policy(corpus, doc):
        return ""
    pack, report = e(href(page, pack_path(doc.id))), e(href(page, report_path(doc.id)))
    return (
        f'<p class="vb-study-links"><a class="md-button" href="{pack}">Tài liệu học tập</a> '
        f'<a class="md-button" href="{report}">Báo cáo tình hình thực hiện</a></p>'
    )


def _title(doc: Document) -> str:
    if doc.title:
        return f'<p class="vb-title">{e(doc.title)}{mark_unverified(doc, "title")}</p>'
    return '<p class="vb-title vb-missing">Chưa rõ trích yếu.</p>'


def _banners(corpus: Corpus, graph: nx.MultiDiGraph[str], doc: Document, page: str) -> list[str]:
    out = []
    status = status_of(graph, corpus, doc)
    if status.ended:
        # Each line carries the day it became true, for the view of an earlier day (vanban-ondate.js).
        body = [f"<p{day_attr(doc.ceased)}>{e(status.sentence())}</p>"] if status.ceased else []
        for r in status.by:
            body.append(
                f"<p{day_attr(takes_effect(r.doc))}>{e(r.verb)} {e(vocab.DOC_TYPES[r.doc.type].label)} "
                f"{doc_link(page, r.doc)}{_note(r.note)}.</p>"
            )
        out.append(admonition("warning vb-banner-replaced", status.HEADING, "\n".join(body)))
    if doc.known_from_citation:
        citing = [n.doc for n in neighbours(graph, corpus, doc.id) if not n.outgoing]
        via = ", ".join(doc_link(page, d) for d in citing[:5])
        known = (
            "<p>Toàn văn chưa có trong cơ sở tri thức; các thông tin dưới đây lấy từ văn bản trích dẫn"
            + (f": {via}" if via else "")
            + ".</p>"
        )
        out.append(admonition("info vb-banner-citation", "Chỉ biết qua trích dẫn", known))
    if doc.unverified:
        fields = ", ".join(FIELD_LABELS.get(f, f) for f in doc.unverified)
        out.append(
            admonition(
                "question vb-banner-unverified",
                "Có thông tin chưa xác minh",
                f"<p>Chưa xác minh: {e(fields)}. Không dùng các thông tin này như dữ kiện.</p>",
            )
        )
    return out


FIELD_LABELS = {
    "symbol": "số, ký hiệu",
    "date": "ngày ban hành",
    "title": "trích yếu",
    "signer": "người ký",
    "issuer": "cơ quan ban hành",
    "term": "khóa",
    "effective": "ngày có hiệu lực",
    "ceased": "ngày hết hiệu lực",
    "status": "tình trạng hiệu lực",
    "place": "nơi ban hành",
    "type": "loại văn bản",
    "co_issuers": "cơ quan cùng ban hành",
    "aliases": "tên gọi khác",
    "topics": "chủ đề",
}
DRAFT_HEADING = "Bản nháp nhập tự động, chưa được xem xét"
SUGGESTIONS_ID = "quan-he-goi-y"


def _percent(confidence: float) -> str:
    return f"{round(confidence * 100)}%"


def _draft_banner(doc: Document, page: str) -> str:
    """At the top of a draft's page: not reviewed, how it was read, what is uncertain."""
    draft = doc.draft
    if draft is None:
        return ""
    source = f" từ tệp <code>{e(draft.file)}</code>" if draft.file else ""
    when = f", ngày {e(date_text(draft.ingested))}" if draft.ingested else ""
    body = [
        f"<p>Máy đã nhập văn bản này{source}{when}; chữ được đọc bằng {e(draft.reader)}. Chưa có người đối chiếu "
        "với bản gốc: các thông tin dưới đây có thể sai, không dùng như dữ kiện.</p>"
    ]
    uncertain = draft.uncertain()
    if uncertain:
        items = "".join(
            f"<li>{e(FIELD_LABELS.get(name, name))} (độ tin cậy {_percent(mark.confidence)})"
            + (f": {e(mark.reason)}" if mark.reason else "")
            + "</li>"
            for name, mark in uncertain
        )
        body.append(f'<p>Máy đọc chưa chắc, cần xem lại:</p>\n<ul class="vb-draft-fields">{items}</ul>')
    else:
        body.append("<p>Máy không đánh dấu trường nào là chưa chắc, nhưng văn bản vẫn cần được xem lại.</p>")
    if doc.issuer == UNKNOWN_ISSUER:
        printed = f"; đầu văn bản ghi: «{e(draft.issuer_text)}»" if draft.issuer_text else ""
        body.append(f"<p>Chưa xác định được cơ quan ban hành{printed}.</p>")
    if doc.originals:
        body.append(f"<p>Bản gốc để đối chiếu: {_original_links(doc, page)}.</p>")
    if draft.relations:
        body.append(
            f'<p><a href="#{SUGGESTIONS_ID}">{len(draft.relations)} quan hệ gợi ý</a> từ toàn văn, chưa được '
            "xác nhận.</p>"
        )
    return admonition("warning vb-banner-draft", DRAFT_HEADING, "\n".join(body))


def _suggestions(corpus: Corpus, doc: Document, page: str) -> str:
    """The relations a draft's text suggests: each with its sentence, shown as suggestions, never as facts."""
    if doc.draft is None or not doc.draft.relations:
        return ""
    items = []
    for s in doc.draft.relations:
        target = corpus.documents.get(s.target) if s.target else None
        if target is not None:
            what = doc_link(page, target) + f' <span class="vb-suggest-cited">(văn bản ghi: «{e(s.cited)}»)</span>'
        else:
            what = (
                f'<span class="vb-suggest-cited">«{e(s.cited)}»</span> '
                '<span class="vb-missing">(chưa xác định được văn bản trong cơ sở tri thức)</span>'
            )
        sentence = f'<br><span class="vb-suggest-sentence">Câu: «{e(s.sentence)}»</span>' if s.sentence else ""
        label = vocab.RELATION_TYPES[s.type].label
        items.append(f'<li><span class="vb-suggest-type">{e(label)} (gợi ý)</span>: {what}{sentence}</li>')
    note = (
        '<p class="vb-suggest-note">Máy đọc các trích dẫn trong toàn văn và gợi ý những quan hệ dưới đây. '
        "Đây chỉ là gợi ý, chưa phải quan hệ đã xác nhận: chúng không có trong đồ thị, cây thực hiện hay danh "
        "sách quan hệ. Người biên soạn xem lại và ghi quan hệ đúng vào <code>relations:</code>.</p>"
    )
    heading = f"## Quan hệ gợi ý, chưa xác nhận ({len(items)}) {{#{SUGGESTIONS_ID}}}"
    return heading + "\n\n" + raw(note + '\n<ul class="vb-suggest">' + "".join(items) + "</ul>")


def _original_links(doc: Document, page: str) -> str:
    """Links to the site's copies of the document's originals ("Bản gốc")."""
    return ", ".join(f'<a href="{e(href(page, original_path(n)))}">{e(n)}</a>' for n in doc.originals)


def _card(corpus: Corpus, doc: Document, page: str) -> str:
    rows = [
        ("Số, ký hiệu", e(doc.symbol) + mark_unverified(doc, "symbol")),
        (
            "Loại văn bản",
            f'<a href="{e(href(page, type_page(doc.type)))}">'
            f"{e(vocab.DOC_TYPES[doc.type].label)}</a>" + mark_unverified(doc, "type"),
        ),
        ("Cơ quan ban hành", _issuers(corpus, doc, page)),
        ("Ngày ban hành", _date_cell(doc, page)),
    ]
    if doc.term:
        rows.append(
            ("Khóa", f'<a href="{e(href(page, term_page(doc.term)))}">{e(doc.term)}</a>' + mark_unverified(doc, "term"))
        )
    if doc.place:
        rows.append(("Nơi ban hành", e(doc.place) + mark_unverified(doc, "place")))
    if doc.signer:
        signer = ", ".join(e(x) for x in (doc.signer.capacity, doc.signer.name) if x)
        rows.append(("Người ký", signer + mark_unverified(doc, "signer")))
    if doc.effective:
        rows.append(("Ngày có hiệu lực", e(date_text(doc.effective)) + mark_unverified(doc, "effective")))
    if doc.ceased:
        rows.append(("Ngày hết hiệu lực", e(date_text(doc.ceased)) + mark_unverified(doc, "ceased")))
    if doc.status:
        status = e(vocab.STATUSES[doc.status])
        if doc.ceased and doc.status in vocab.CEASED_STATUSES:  # seen on an earlier day (?ngay=), not yet
            status = f'<span{day_attr(doc.ceased)}>{status}</span><span class="vb-until">chưa, tại ngày đang xem</span>'
        rows.append(("Tình trạng", status + mark_unverified(doc, "status")))
    if doc.aliases:
        rows.append(("Tên gọi khác", "; ".join(e(a) for a in doc.aliases)))
    if doc.topics:
        rows.append(("Chủ đề", ", ".join(f'<a href="{e(href(page, topic_page(t)))}">{e(t)}</a>' for t in doc.topics)))
    if doc.originals:
        rows.append(("Bản gốc", _original_links(doc, page)))
    rows.append(("Nguồn", _sources(corpus, doc)))
    if doc.conflicts:
        rows.append(("Các nguồn ghi khác nhau", _conflicts(doc)))
    body = "\n".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return f'<table class="vb-card">\n<tbody>\n{body}\n</tbody>\n</table>'


def _date_cell(doc: Document, page: str) -> str:
    if not doc.date:
        return '<span class="vb-missing">chưa rõ</span>' + mark_unverified(doc, "date")
    return f'<a href="{e(href(page, year_page(doc.date.year)))}">{e(date_text(doc.date))}</a>' + mark_unverified(
        doc, "date"
    )


def _issuers(corpus: Corpus, doc: Document, page: str) -> str:
    out = []
    for key in (doc.issuer, *doc.co_issuers):
        issuer = corpus.issuers[key]
        text = f'<a href="{e(href(page, issuer_page(key)))}">{e(issuer.name)}</a>'
        if issuer.became:
            text += (
                f' <span class="vb-became">(sau này: {e(issuer.became.text)}'
                f"{' — thời điểm chưa xác minh' if issuer.became.date_unverified else ''})</span>"
            )
        out.append(text)
    if doc.issuer == UNKNOWN_ISSUER and doc.draft is not None and doc.draft.issuer_text:
        out[0] += f' <span class="vb-issuer-text">(đầu văn bản ghi: «{e(doc.draft.issuer_text)}»)</span>'
    return "; ".join(out) + mark_unverified(doc, "issuer")


def _sources(corpus: Corpus, doc: Document) -> str:
    items = [f"<li>{source_html(corpus, src)}</li>" for src in doc.sources]
    return '<ul class="vb-sources">' + "".join(items) + "</ul>"


# A site named by its host ("baodaknong.vn"), and a path on it: the source's address, linked.
_HOST = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d{1,5})?")
_PATH = re.compile(r"/[^\s\"'<>…]*")


def source_html(corpus: Corpus, src: Source) -> str:
    """A source as a reader needs it: who (linked to the page when its address is whole), the page's date, the
    words that state the facts, and any note."""
    named = corpus.named_sources.get(src.name)
    text = e(named.title) if named else e(src.name)
    if src.path:
        if _HOST.fullmatch(src.name) and _PATH.fullmatch(src.path):
            url = f"https://{src.name}{src.path}"
            text = f'<a href="{e(url)}" rel="noopener noreferrer">{e(src.name)}<code>{e(src.path)}</code></a>'
        else:
            text += f" <code>{e(src.path)}</code>"
    if src.date:
        text += f" (đăng ngày {e(show_date(src.date))})"
    if src.quote:
        text += f' <q class="vb-quote">{e(src.quote)}</q>'
    if src.note:
        text += f" — {e(src.note)}"
    return text


def _conflicts(doc: Document) -> str:
    items = "".join(f"<li>{e(FIELD_LABELS.get(c.field, c.field))}: {e(c.note)}</li>" for c in doc.conflicts)
    return f'<ul class="vb-conflicts">{items}</ul>'


def _note(note: str) -> str:
    return f' <span class="vb-rel-note">({e(note.rstrip("."))})</span>' if note else ""


def _relations(corpus: Corpus, graph: nx.MultiDiGraph[str], doc: Document, page: str) -> str:
    groups: dict[tuple[bool, str], list[Neighbour]] = defaultdict(list)
    for n in neighbours(graph, corpus, doc.id):
        groups[(n.outgoing, n.relation.type)].append(n)
    total = sum(len(v) for v in groups.values())
    out = [f"## Quan hệ ({total})"]
    if not total:
        out.append(raw('<p class="vb-missing">Chưa ghi nhận quan hệ nào với văn bản khác.</p>'))
        return "\n\n".join(out)
    order = list(vocab.RELATION_TYPES)
    for outgoing, heading in ((True, "Văn bản này tác động tới"), (False, "Văn bản khác tác động tới văn bản này")):
        keys = sorted((k for k in groups if k[0] == outgoing), key=lambda k: order.index(k[1]))
        if not keys:
            continue
        count = sum(len(groups[k]) for k in keys)
        blocks = [
            f'<section class="vb-rel-dir" data-direction="{"out" if outgoing else "in"}">',
            f"<h3>{heading} ({count})</h3>",
        ]
        for key in keys:
            rtype = vocab.RELATION_TYPES[key[1]]
            label = rtype.label if outgoing else rtype.inverse_label
            items = sorted(groups[key], key=lambda n: date_order(n.doc.date))
            blocks.append(f'<h4 data-relation="{e(key[1])}">{e(label)} ({len(items)})</h4>')
            blocks.append(
                '<ul class="vb-rel">'
                + "".join(_rel_item(corpus, page, n) for n in items[:MAX_RELATED_PER_GROUP])
                + (
                    f'<li class="vb-more">… và {len(items) - MAX_RELATED_PER_GROUP} văn bản khác</li>'
                    if len(items) > MAX_RELATED_PER_GROUP
                    else ""
                )
                + "</ul>"
            )
        blocks.append("</section>")
        out.append(raw("\n".join(blocks)))
    return "\n\n".join(out)


def _rel_item(corpus: Corpus, page: str, n: Neighbour) -> str:
    doc, rel = n.doc, n.relation
    bits = [
        doc_link(page, doc),
        f'<span class="vb-date">{date_html(doc)}</span>',
        f'<span class="vb-rel-title">{title_html(doc, 140)}</span>',
    ]
    extra = []
    if rel.place:
        extra.append(f'<span class="vb-rel-place">tại {e(rel.place)}</span>')
    if rel.note:
        extra.append(f'<span class="vb-rel-note">{e(rel.note)}</span>')
    if rel.unverified:
        extra.append('<span class="vb-unverified" title="Quan hệ này chưa được xác minh">quan hệ chưa xác minh</span>')
    if rel.sources:
        cited = "; ".join(source_html(corpus, src) for src in rel.sources)
        extra.append(f'<span class="vb-rel-source">nguồn: {cited}</span>')
    if doc.known_from_citation:
        extra.append('<span class="vb-citation-mark">chỉ biết qua trích dẫn</span>')
    return f"<li{day_attr(doc.date)}>" + " · ".join(bits) + (("<br>" + " · ".join(extra)) if extra else "") + "</li>"


def _graph(graph: nx.MultiDiGraph[str], doc: Document, page: str) -> str:
    section = local_section(doc, page, neighbour_count(graph, doc.id))
    return "## Đồ thị quan hệ\n\n" + raw(section + "\n" + scripts(page)) if section else ""


# A central document's page lists this many places that carried it out (its report lists them all).
MAX_COVERAGE_ROWS = 40


def _coverage(corpus: Corpus, graph: nx.MultiDiGraph[str], doc: Document, nodes: list[TreeNode], page: str) -> str:
    """Which provinces carried a central document out (nodes: its implementers), with which kinds of documents,
    how soon."""
    if not is_central(corpus, doc):
        return ""
    report = implementation_report(corpus, graph, doc, nodes)
    if not report.rows:
        return ""
    link = lambda d: href(page, doc_path(d.id))  # noqa: E731
    reported = is_central_policy(
        corpus, doc
    )  # reports are made for central policy documents only (Checked.central_policy)
    full = (
        f'<p><a href="{e(href(page, report_path(doc.id)))}">Bảng đầy đủ, các nơi chưa có văn bản, tải CSV</a></p>'
        if reported
        else ""
    )
    table = coverage_table(report, link, MAX_COVERAGE_ROWS) + full
    figures = report_figures(report, link, MAX_COVERAGE_ROWS, reported)
    places = places_with_documents(report)
    heading = f"## Thực hiện theo địa phương ({places} tỉnh, thành phố)" if places else "## Văn bản thực hiện theo nơi"
    return heading + "\n\n" + raw(table + figures)


def _tree(corpus: Corpus, doc: Document, nodes: list[TreeNode], page: str) -> str:
    if not nodes:
        return ""
    view = impl_section(doc) if is_central(corpus, doc) else ""
    return f"## Cây thực hiện ({len(nodes)})\n\n" + raw(render_tree(corpus, doc, nodes, page, MAX_TREE_NODES) + view)


def _figures(doc: Document) -> str:
    """What the document counts, each figure beside the sentence that gives it."""
    if not doc.figures:
        return ""
    rows = "".join(
        f"<tr><td>{e(f.label)}</td><td>{e(f.value)}</td>"
        f'<td><q class="vb-quote">{e(f.quote)}</q>{f" ({e(f.place)})" if f.place else ""}</td></tr>'
        for f in doc.figures
    )
    return "## Số liệu văn bản nêu\n\n" + raw(
        '<div class="vb-scroll"><table class="vb-figures"><thead><tr><th>Nội dung</th><th>Số liệu</th>'
        f"<th>Câu nguyên văn</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )


def _notes(doc: Document, acknowledged: Sequence[str]) -> str:
    notes = list(doc.notes) + list(acknowledged)
    if not notes:
        return ""
    return "## Ghi chú\n\n" + raw('<ul class="vb-notes">' + "".join(f"<li>{e(n)}</li>" for n in notes) + "</ul>")


def _full_text(page: str, corpus: Corpus, text: str, citations: Sequence[Citation], anchors_of: Anchors) -> str:
    if not text.strip():
        return ""
    linked = keep_spaces(render_full_text(page, corpus, text, citations, anchors_of))
    # One text, two views (fulltext.py): for reading, the default; exactly as kept, one click away.
    toggle = (
        '<input type="checkbox" id="vb-exact" class="vb-exact-toggle">'
        '<label for="vb-exact" class="vb-exact-label md-button">Xem nguyên văn như bản lưu</label>'
    )
    body = f'<div class="vb-fulltext">{linked.strip(chr(10))}</div>'
    return "## Toàn văn\n\n" + raw(f'<div class="vb-textbox">{toggle}{body}</div>')
