"""Small HTML helpers for generated pages. Every value from data passes through ``e``."""

from __future__ import annotations

import html
import json
import posixpath
import string
from collections.abc import Callable, Iterable, Sequence

from .. import vocab
from ..dates import PartialDate
from ..model import Corpus, Document
from ..rules import doc_order
from .paths import doc_path, href

e = html.escape

# ASCII punctuation is all that Markdown and its extensions build syntax from: links, emphasis,
# code, HTML, attribute lists ({: onmouseover=…}), escapes. As character references it is
# plain text to Python-Markdown and the same characters to the reader.
_MD_SPECIAL = {ord(c): f"&#{ord(c)};" for c in string.punctuation}


def md_text(value: str) -> str:
    """A data value inside Markdown (a heading): shown as its text, never read as syntax.

    Prefer HTML in raw() blocks built with `e`; this is for headings, which must stay Markdown to
    get their id and table-of-contents entry.
    """
    # Whitespace collapsed first: a line break (U+2028 is one to str.split) would end the heading.
    return " ".join(value.split()).translate(_MD_SPECIAL)


def date_text(date: PartialDate | None) -> str:
    return date.vietnamese() if date else "chưa rõ"


def year_text(doc: Document) -> str:
    return str(doc.year) if doc.year else "chưa rõ năm"


DRAFT_MARK = '<span class="vb-draft-mark" title="Bản nháp nhập tự động, chưa được xem xét">nháp</span>'


def mark_unverified(doc: Document, field: str) -> str:
    """The mark of a field that is not verified, or that a draft's machine reading is unsure of."""
    if doc.draft is not None and doc.draft.is_uncertain(field):
        return (
            ' <span class="vb-unverified vb-draft-uncertain" title="Máy đọc chưa chắc; chưa được người xem lại">'
            "cần xem lại</span>"
        )
    if doc.is_unverified(field):
        return ' <span class="vb-unverified" title="Thông tin này chưa được xác minh">chưa xác minh</span>'
    return ""


def title_html(doc: Document, limit: int = 160) -> str:
    """A title as lists show it: shortened, escaped, and marked when unverified."""
    if not doc.title:
        return '<span class="vb-missing">chưa rõ trích yếu</span>'
    return e(short(doc.title, limit)) + mark_unverified(doc, "title")


def date_html(doc: Document) -> str:
    return e(date_text(doc.date)) + mark_unverified(doc, "date")


# "Xem theo ngày" (vanban-ondate.js): the day goes into the address, ?ngay=YYYY-MM-DD.
DATE_CONTROL = (
    '<form class="vb-ondate" role="search" aria-label="Xem cơ sở tri thức theo một ngày">'
    '<label>Xem theo ngày <input type="date" name="ngay" min="1945-01-01" max="2100-12-31"></label> '
    '<button type="submit" class="md-button">Xem</button> '
    '<button type="button" class="md-button vb-ondate-clear">Như hôm nay</button></form>'
)


def day_attr(date: PartialDate | None, name: str = "date") -> str:
    """data-date="2013-06-03": the first day a date can be, for the "Xem theo ngày" view (vanban-ondate.js),
    which hides what had not happened by the chosen day; nothing for an unknown date (never hidden)."""
    return f' data-{name}="{date.earliest().isoformat()}"' if date is not None else ""


def doc_label(doc: Document) -> str:
    """'Nghị quyết 25-NQ/TW (2013)' — what a reader needs to tell same-symbol documents apart."""
    return f"{vocab.DOC_TYPES[doc.type].label} {doc.symbol} ({year_text(doc)})"


# A document is linked the same way from every page of a folder: each link made once (at 10,000 documents, 107,000
# links of 10,000 documents). Keyed by the document object, which the entry holds, so that no other object takes
# its id meanwhile; emptied by each rendering of the pages (forget_links) and when it grows large.
_links: dict[tuple[int, str, bool, str | None], tuple[Document, str]] = {}
_MAX_LINKS = 1 << 18


def forget_links() -> None:
    _links.clear()


def doc_link(page: str, doc: Document, with_year: bool = True, target: str | None = None) -> str:
    key = (id(doc), posixpath.dirname(page), with_year, target)
    kept = _links.get(key)
    if kept is not None and kept[0] is doc:
        return kept[1]
    text = f"{doc.symbol} ({year_text(doc)})" if with_year else doc.symbol
    cls = "vb-doclink vb-citation-only" if doc.known_from_citation else "vb-doclink"
    title = f"{vocab.DOC_TYPES[doc.type].label} {doc.symbol}: {doc.title}" if doc.title else doc_label(doc)
    if doc.draft is not None:
        title += " (bản nháp nhập tự động, chưa được xem xét)"
    elif doc.unverified:
        title += " (có thông tin chưa xác minh)"
    made = f'<a class="{cls}" href="{e(href(page, target or doc_path(doc.id)))}" title="{e(title)}">{e(text)}</a>'
    if len(_links) >= _MAX_LINKS:
        _links.clear()
    _links[key] = (doc, made)
    return made


def short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def issuer_name(corpus: Corpus, doc: Document) -> str:
    names = [corpus.issuers[k].name for k in (doc.issuer, *doc.co_issuers) if k in corpus.issuers]
    return " và ".join(names)


def issuer_html(corpus: Corpus, doc: Document) -> str:
    return e(issuer_name(corpus, doc)) + mark_unverified(doc, "issuer")


def admonition(kind: str, title: str, body_html: str) -> str:
    return f'<div class="admonition {kind}">\n<p class="admonition-title">{e(title)}</p>\n{body_html}\n</div>'


def doc_table(
    page: str,
    corpus: Corpus,
    docs: Iterable[Document],
    columns: Sequence[str] = ("date", "type", "issuer"),
    link_to: Callable[[str], str] = doc_path,
) -> str:
    """A listing of documents, one row each; used by every index page. link_to: where rows lead."""
    heads = {"date": "Ngày", "type": "Loại", "issuer": "Cơ quan ban hành"}
    rows = []
    for doc in docs:
        cells = [doc_link(page, doc, target=link_to(doc.id)) + (" " + DRAFT_MARK if doc.draft is not None else "")]
        for col in columns:
            if col == "date":
                cells.append(date_html(doc))
            elif col == "type":
                cells.append(e(vocab.DOC_TYPES[doc.type].label))
            elif col == "issuer":
                cells.append(issuer_html(corpus, doc))
        cells.append(title_html(doc))
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in ["Số, ký hiệu", *(heads[c] for c in columns), "Trích yếu"])
    # No class on the table itself: Material styles only `table:not([class])`.
    return (
        f'<div class="vb-list"><table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody>\n</table></div>"
    )


def sort_docs(docs: Iterable[Document]) -> list[Document]:
    return sorted(docs, key=doc_order)


def front_matter(title: str, description: str = "", hide: Sequence[str] = ()) -> str:
    """YAML front matter, each value a double-quoted string (nothing in it can be misread).

    Both values are HTML-escaped because Material prints them as HTML, unescaped: the title in
    <title>, the header and the navigation, the description in a <meta> attribute. The title is
    one line: a line break in it (U+2028 too) would be one in the header.
    """
    lines = [f"title: {_yaml_string(e(' '.join(title.split())))}"]
    if description:
        lines.append(f"description: {_yaml_string(e(short(description, 200)))}")
    if hide:  # Material folds these parts away: "navigation", "toc"
        lines.append("hide: [" + ", ".join(_yaml_string(part) for part in hide) + "]")
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def _yaml_string(value: str) -> str:
    """A YAML double-quoted scalar: JSON's string escapes are YAML's, and the characters YAML takes for
    line breaks are escaped too. (yaml.safe_dump took a third of the time of writing 10,000 pages.)"""
    text = json.dumps(value, ensure_ascii=False)
    for char, escape in (("\x85", "\\N"), ("\u2028", "\\L"), ("\u2029", "\\P")):
        text = text.replace(char, escape)
    return text
