"""A full text with its citations linked, in two views of one markup: for reading, and exactly as kept.

The reading view rejoins lines broken inside a sentence, sets apart page numbers, the Công báo's running
heads and the signing service's lines, hides the "**" that OCR converters leave, and gives Phần, Chương,
Mục, Điều and khoản their anchors ("#dieu-5-khoan-2"), so that a citation of "khoản 2 Điều 5 Nghị định
59/2023/NĐ-CP" leads to the article itself. The exact view shows every character as the source has it.
Both are the same HTML: what the reading view adds or hides is in its own elements, which the stylesheet
shows or hides by the view chosen (docs/assets/vanban.css, ".vb-exact-toggle"), so a page carries its text
once and its citation links work in both.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..citations import Citation
from ..citations.normalise import fold
from ..model import Corpus
from .html import doc_link, e
from .paths import doc_path, href

Anchors = Callable[[str], frozenset[str]]  # a document's id → the anchors of its full text

# Lines set apart in the reading view: a page number, the Công báo's running head, a signing service's line.
_PAGE_NUMBER = re.compile(r"^[\s\-–—]*(?:\d{1,3}|[Tt]rang\s{1,3}\d{1,4}(?:\s{0,2}/\s{0,2}\d{1,4})?)[\s\-–—]*$")
_RUNNING_HEAD = re.compile(r"^\s*(?:c[ôo]ng\s{1,3}b[áa]o|CÔNG\s{1,3}BÁO)\s{0,3}/\s{0,3}s[ốo]", re.IGNORECASE)
_SIGNING = re.compile(r"^\s*(?:Ký bởi|Người ký|Thời gian ký|Ngày ký|Email|Cơ quan|Chức vụ)\s{0,3}:", re.IGNORECASE)
# Headings: "Điều 5." (a word or a stop after the number), "Chương II", "MỤC 2. …", "PHẦN THỨ NHẤT" is left.
_HEADING = re.compile(
    r"^\s*(?:\*\*)?\s*(?P<kind>PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục|Điều)\s{1,3}(?P<n>[IVXLC]{1,6}|\d{1,3}[a-zđ]?)"
    r"(?P<rest>(?:\s{0,3}[.:\-–]|\s*$|\s{1,3}(?=[A-ZĐÀ-Ỹ])).*)$"
)
_CLAUSE = re.compile(r"^\s*(?P<k>\d{1,2})\.\s{1,3}\S")
_SENTENCE_END = (".", ";", ":", "!", "?", "…", "./.")
_ITEM = re.compile(r"^\s*(?:[-–+•*]\s|[a-zđ]\)\s|\d{1,2}[.)]\s|[IVX]{1,4}[.-]\s)")
_POINTER = re.compile(r"(?:khoản\s{1,3}(?P<k>\d{1,2})\s{1,3})?Điều\s{1,3}(?P<d>\d{1,3}[a-zđ]?)", re.IGNORECASE)


def no_anchors(doc_id: str) -> frozenset[str]:
    return frozenset()


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    kind: str  # "" (text), "blank", "aside", "heading", "clause"
    anchor: str = ""


def text_anchors(text: str, citations: Sequence[Citation] = ()) -> frozenset[str]:
    """The anchors the reading view gives a full text ("dieu-5", "dieu-5-khoan-2", "chuong-ii", "muc-1"), with
    the citations its page links (a line a citation crosses gets none): what other pages may link to."""
    return frozenset(line.anchor for line in _lines(text, _non_overlapping(citations)) if line.anchor)


def render_full_text(
    page: str, corpus: Corpus, text: str, citations: Sequence[Citation], anchors_of: Anchors = no_anchors
) -> str:
    spans = _non_overlapping(citations)
    lines = _lines(text, spans)
    breaks = _breaks(text, lines)
    out: list[str] = []
    pos, ci = 0, 0
    for i, line in enumerate(lines):
        wrapped = line.kind in ("aside", "heading", "clause")
        if wrapped:
            ident = f' id="{line.anchor}"' if line.anchor else ""
            out.append(f'<span class="vb-{line.kind}"{ident}>')
        while ci < len(spans) and spans[ci].start < line.end:
            c = spans[ci]
            out.append(_plain(text, pos, c.start, breaks))
            inner = _plain(text, c.start, c.end, breaks)
            out.append(_citation(page, corpus, inner, c, anchors_of))
            pos, ci = c.end, ci + 1
        if pos < line.end:
            out.append(_plain(text, pos, line.end, breaks))
            pos = line.end
        if wrapped:
            out.append("</span>")
        if i + 1 < len(lines) and pos == line.end:
            out.append(breaks[line.end])
            pos = lines[i + 1].start
    return "".join(out)


def _non_overlapping(citations: Sequence[Citation]) -> list[Citation]:
    out: list[Citation] = []
    for c in sorted(citations, key=lambda c: c.start):
        if not out or c.start >= out[-1].end:  # overlapping spans cannot both be links
            out.append(c)
    return out


def _lines(text: str, spans: Sequence[Citation]) -> list[_Line]:
    """Each line with what the reading view makes of it (its end before a "\r\n" or "\n"). A line a citation
    runs into or out of stays text, without an anchor; an article it opens still holds the clauses below."""
    out: list[_Line] = []
    start, ci = 0, 0
    seen: set[str] = set()
    article, before = "", ""  # the article the clauses belong to; the line above
    for raw in text.split("\n"):
        end = start + len(raw) - (1 if raw.endswith("\r") else 0)
        while ci < len(spans) and spans[ci].end <= start:
            ci += 1
        crossed = ci < len(spans) and spans[ci].start < end and (spans[ci].start < start or spans[ci].end > end)
        kind, anchor = _kind(text[start:end], before)
        if kind == "heading":
            article = anchor if anchor.startswith("dieu-") else ""
        elif kind == "clause":
            anchor = f"{article}-khoan-{anchor}" if article else ""
            kind = "clause" if anchor else ""
        if crossed or anchor in seen:  # an amending text quotes "Điều 1" again: the first keeps the anchor
            anchor = ""
        if crossed:
            kind = ""
        seen.add(anchor)
        out.append(_Line(start, end, kind, anchor))
        before = "" if kind == "blank" else text[start:end].strip()  # after an empty line, a line of its own
        start += len(raw) + 1
    return out


def _kind(line: str, before: str) -> tuple[str, str]:
    """What a line is, given the last line with text above it: a heading opens a line of its own, after a
    finished sentence, a heading or nothing ("… theo quy định tại / Điều 5 Luật …" goes on)."""
    stripped = line.strip()
    if not stripped:
        return "blank", ""
    if _PAGE_NUMBER.match(stripped) or _RUNNING_HEAD.match(stripped) or _SIGNING.match(stripped):
        return "aside", ""
    m = _HEADING.match(stripped)
    if m and len(stripped) <= 300 and _heading_rest(m, before):
        return "heading", f"{fold(m['kind'])}-{m['n'].lower()}"
    m = _CLAUSE.match(stripped)
    if m:
        return "clause", m["k"]
    return "", ""


def _heading_rest(m: re.Match[str], before: str) -> bool:
    """ "Điều 5." always; "Điều 5" alone, or "Chương II QUY ĐỊNH CHUNG" in capitals, only where a line of its
    own begins (after a finished sentence, a heading, an item or nothing): not "… quy định tại / Điều 5 Luật
    Phí …", a sentence wrapped before the article it names."""
    rest = m["rest"].strip()
    if rest[:1] in (".", ":"):
        return True
    opens = (
        not before
        or before.endswith(_SENTENCE_END)
        or before.isupper()
        or bool(_HEADING.match(before) or _ITEM.match(before))
    )
    if not rest or rest[0] in "-–":
        return opens
    return opens and m["kind"].lower() != "điều" and rest.isupper()


def _breaks(text: str, lines: Sequence[_Line]) -> dict[int, str]:
    """The markup of each line break, by where its line ends: a break within a sentence is a space to read, a
    break before an empty line or another paragraph ends one, the breaks of empty lines below it are hidden;
    each keeps its "\n" (and the "\r" before it) for the exact view."""
    out: dict[int, str] = {}
    for a, b in itertools.pairwise(lines):
        nl = text[a.end : b.start]  # "\n" or "\r\n"
        prev, cur = text[a.start : a.end].strip(), text[b.start : b.end].strip()
        if a.kind == "" and b.kind == "" and prev and cur and not prev.endswith(_SENTENCE_END) and not _ITEM.match(cur):
            if prev.endswith(("-", "–")) and (cur[0].isupper() or cur[0].isdigit()):
                out[a.end] = f'<span class="vb-nl">{nl}</span>'  # "…/TT-" / "NHNN": a symbol broken at its hyphen
                continue
            if cur[0].islower() or cur[0].isdigit() or prev.endswith((",", "(")) or _goes_on(prev):
                out[a.end] = f'<span class="vb-j"> </span><span class="vb-nl">{nl}</span>'
                continue
        more = " vb-pb-more" if a.kind == "blank" else ""  # a paragraph already ended above it
        out[a.end] = f'<span class="vb-pb{more}">{nl}</span>'
    return out


# A line ending on one of these goes on below, whatever the case of the next ("… quy định tại / Điều 5 …").
_GOES_ON = frozenset(
    {"tại", "của", "theo", "và", "số", "ngày", "về", "với", "cho", "các", "những", "là", "tháng", "năm"}
)


def _goes_on(line: str) -> bool:
    words = line.lower().split()
    return bool(words) and words[-1] in _GOES_ON


def _plain(text: str, start: int, end: int, breaks: dict[int, str]) -> str:
    """text[start:end] escaped, its line breaks as _breaks made them, OCR's "**" kept for the exact view."""
    out, pos = [], start
    nl = text.find("\n", pos, end)
    while nl != -1:
        stop = nl - 1 if nl > pos and text[nl - 1] == "\r" else nl
        out.append(_escaped(text[pos:stop]))
        out.append(breaks.get(stop, text[stop : nl + 1]))
        pos = nl + 1
        nl = text.find("\n", pos, end)
    out.append(_escaped(text[pos:end]))
    return "".join(out)


def _escaped(segment: str) -> str:
    html = e(segment)
    return html.replace("**", '<span class="vb-x">**</span>') if "**" in html else html


def _citation(page: str, corpus: Corpus, inner: str, c: Citation, anchors_of: Anchors) -> str:
    if c.resolved:
        doc = corpus.documents[c.resolved]
        target = href(page, doc_path(doc.id)) + _article(c, anchors_of(doc.id))
        link = (
            f'<a class="vb-cite" href="{e(target)}" data-target="{e(doc.id)}" '
            f'title="{e(doc.symbol)} ({doc.year or "chưa rõ năm"}): {e(doc.title)}">{inner}</a>'
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
            f'<span class="vb-cite vb-cite-ambiguous" title="Chưa xác định được văn bản">{inner}</span>'
            f'<span class="vb-cite-flag">có thể là: {options}</span>'
        )
    return (
        f'<span class="vb-cite vb-cite-missing" title="Văn bản này không có trong cơ sở tri thức">{inner}</span>'
        '<span class="vb-cite-flag">không có trong cơ sở tri thức</span>'
    )


def _article(c: Citation, anchors: frozenset[str]) -> str:
    """ "#dieu-5-khoan-2" when the citation names an article (and clause) its target's text has."""
    m = _POINTER.search(c.pointer or "")
    if not m:
        return ""
    article = f"dieu-{m['d'].lower()}"
    clause = f"{article}-khoan-{m['k']}" if m["k"] else ""
    for anchor in (clause, article):
        if anchor and anchor in anchors:
            return f"#{anchor}"
    return ""
