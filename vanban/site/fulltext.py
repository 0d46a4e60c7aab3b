"""A full text with its citations linked; the wording stays exactly as the source has it."""

from __future__ import annotations

from collections.abc import Sequence

from ..citations import Citation
from ..model import Corpus
from .html import doc_link, e
from .paths import doc_path, href


def render_full_text(page: str, corpus: Corpus, text: str, citations: Sequence[Citation]) -> str:
    out, pos = [], 0
    for c in sorted(citations, key=lambda c: c.start):
        if c.start < pos:  # overlapping spans cannot both be links
            continue
        out.append(e(text[pos : c.start]))
        out.append(_citation(page, corpus, text[c.start : c.end], c))
        pos = c.end
    out.append(e(text[pos:]))
    return "".join(out)


def _citation(page: str, corpus: Corpus, span: str, c: Citation) -> str:
    if c.resolved:
        doc = corpus.documents[c.resolved]
        link = (
            f'<a class="vb-cite" href="{e(href(page, doc_path(doc.id)))}" data-target="{e(doc.id)}" '
            f'title="{e(doc.symbol)} ({doc.year or "chưa rõ năm"}): {e(doc.title)}">{e(span)}</a>'
        )
        if c.date_mismatch:
            link += (
                f'<span class="vb-cite-flag" title="Văn bản ban hành ngày '
                f'{e(doc.date.vietnamese() if doc.date else "chưa rõ")}">ngày trích dẫn khác ngày văn bản</span>'
            )
        return link
    if c.candidates:
        options = ", ".join(doc_link(page, corpus.documents[i]) for i in c.candidates)
        return (
            f'<span class="vb-cite vb-cite-ambiguous" title="Chưa xác định được văn bản">{e(span)}</span>'
            f'<span class="vb-cite-flag">có thể là: {options}</span>'
        )
    return (
        f'<span class="vb-cite vb-cite-missing" title="Văn bản này không có trong cơ sở tri thức">{e(span)}</span>'
        '<span class="vb-cite-flag">không có trong cơ sở tri thức</span>'
    )
