"""The implementation tree as nested lists, shared by document pages and the home page."""

from __future__ import annotations

from collections import defaultdict

from .. import vocab
from ..dates import days_between
from ..graph import TreeNode
from ..model import Corpus, Document
from .html import date_html, day_attr, doc_link, e, issuer_html


def render_tree(corpus: Corpus, root: Document, nodes: list[TreeNode], page: str, limit: int) -> str:
    """Nested lists: each document under the one it carries out, with days elapsed."""
    children: dict[str, list[TreeNode]] = defaultdict(list)
    for n in nodes[:limit]:
        children[n.via].append(n)

    def walk(parent: Document) -> str:
        items = []
        for n in children.get(parent.id, []):
            rel = vocab.RELATION_TYPES[n.relation].label.lower()
            days = days_between(parent.date, n.doc.date) if parent.date and n.doc.date else None
            when = f' <span class="vb-days">sau {days} ngày</span>' if days is not None else ""
            flag = ' <span class="vb-unverified">chưa xác minh</span>' if n.unverified else ""
            items.append(
                f'<li{day_attr(n.doc.date)}><span class="vb-rel-kind">{e(rel)}</span> {doc_link(page, n.doc)} · '
                f"{date_html(n.doc)} · {issuer_html(corpus, n.doc)}{when}{flag}"
                f"{walk(n.doc)}</li>"
            )
        return "<ul>" + "".join(items) + "</ul>" if items else ""

    more = f'<p class="vb-more">… và {len(nodes) - limit} văn bản khác trong cây.</p>' if len(nodes) > limit else ""
    return f'<div class="vb-tree"><p>{doc_link(page, root)} · {date_html(root)}</p>{walk(root)}</div>{more}'
