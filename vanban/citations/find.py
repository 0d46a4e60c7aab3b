"""Stage "find": every citation in a normalised text, with its date and the hints around it.

Only finds; ``resolve`` decides which document a citation means.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..dates import PartialDate
from . import patterns as P
from .normalise import Normalised

MAX_LIST = 30  # items in one list ("các Chỉ thị số 11, 12, 14 …")
CONTEXT = 200  # characters after a citation searched for its term and issuer


@dataclass
class Citation:
    text: str  # the exact span of the original
    start: int  # offsets into the original
    end: int
    type: str | None  # NQ, KL, CT, QĐ, QĐi, PL, Luật, NĐ, TT, TTLT, CV, BC, KH, CTr, HD, …
    number: str | None
    symbol: str | None  # official form; None when the text gives only a number or a name
    date: PartialDate | None = None
    year: int | None = None  # a year stated with the citation ("năm 2022", or in the symbol)
    term: str | None = None  # khóa, Roman numerals
    issuer_text: str = ""  # folded words after "của", for resolution
    name: str | None = None  # "Nghị quyết Trung ương 4 khóa XII", an alias
    pointer: str | None = None  # "Điều 4", "khoản 3 mục II"
    type_word: str | None = None  # the type the words say, when they say one
    alias_of: tuple[str, ...] = ()  # ids whose alias the text names
    group: int | None = None  # citations of one list share a group number
    nested_in: int | None = None  # index of the citation whose quoted title this one sits in
    # Filled by ``resolve``:
    resolved: str | None = None
    candidates: list[str] = field(default_factory=list)
    date_mismatch: bool = False

    def as_json(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "number": self.number,
            "symbol": self.symbol,
            "date": self.date.iso() if self.date else None,
            "resolved": self.resolved,
            "candidates": self.candidates,
            "name": self.name,
            "term": self.term,
            "year": self.year,
            "pointer": self.pointer,
            "date_mismatch": self.date_mismatch,
        }


@dataclass
class _Item:
    """One element of a citation before it becomes a Citation (normalised offsets)."""

    start: int
    end: int
    match: re.Match | None  # a symbol match, or None for a bare number
    number: str
    date: PartialDate | None = None
    date_end: int | None = None


def find_citations(
    norm: Normalised, alias_pattern: re.Pattern | None = None, alias_ids: dict[str, tuple[str, ...]] | None = None
) -> list[Citation]:
    folded, found, pos, group = norm.folded, [], 0, 0
    while (m := P.MASTER.search(folded, pos)) is not None:
        if m["name"]:
            found.append(_name_citation(norm, m))
            pos = m.end()
        elif m["tw"]:
            if m["tw"] in P.TYPE_ABBREVIATIONS and not norm.text[m.start("tw") : m.end("tw")].isupper():
                pos = m.end("tw")
                continue
            items = _items(norm, m.end())
            if not items:
                pos = m.end()
                continue
            group += 1
            found += _list_citations(norm, m, items, group)
            pos = max(i.date_end or i.end for i in items)
        else:
            if not _is_header(norm, m.start()):
                item = _Item(m.start(), m.end(), m, _number(m))
                _date_after(norm, item)
                found.append(_symbol_citation(norm, item, item.start, None))
            pos = m.end()
    if alias_pattern is not None:
        found = _merge_aliases(found, _alias_citations(norm, alias_pattern, alias_ids or {}))
    _share_dates(norm, found)
    for citation in found:
        _context(norm, citation)
    _share_group_context(found)
    _mark_nested(norm, found)
    return found


def _quote_spans(original: str) -> list[tuple[int, int]]:
    """Spans between quotes: “…” by depth, ASCII "…" by pairs."""
    spans, opened, ascii_open = [], [], None
    for m in re.finditer('[\u201c\u201d"]', original):
        char = m.group()
        if char == "\u201c":
            opened.append(m.start())
        elif char == "\u201d" and opened:
            spans.append((opened.pop(), m.end()))
        elif char == '"':
            if ascii_open is None:
                ascii_open = m.start()
            else:
                spans.append((ascii_open, m.end()))
                ascii_open = None
    return spans


def _mark_nested(norm: Normalised, found: list[Citation]) -> None:
    """A citation inside the quoted title that follows another citation describes that one."""
    if len(found) < 2:
        return
    import bisect

    ends = [c.end for c in found]
    for q_start, q_end in _quote_spans(norm.original):
        i = bisect.bisect_right(ends, q_start) - 1  # the last citation ending before the quote
        if i < 0 or q_start - found[i].end > 160 or "\n" in norm.original[found[i].end : q_start]:
            continue
        for j in range(i + 1, len(found)):
            if found[j].start >= q_end:
                break
            if found[j].start > q_start and found[j].nested_in is None:
                found[j].nested_in = i


def _share_group_context(found: list[Citation]) -> None:
    """What is said after a list ("… của Bộ Chính trị (khóa XI)") holds for each of its items."""
    last: dict[int, Citation] = {c.group: c for c in found if c.group is not None}
    for c in found:
        if c.group is not None and c is not last[c.group]:
            tail = last[c.group]
            c.term = c.term or tail.term
            c.issuer_text = c.issuer_text or tail.issuer_text
            c.year = c.year or (tail.year if not c.symbol else None)


def _items(norm: Normalised, pos: int) -> list[_Item]:
    """The number or symbol after a type word, and any list that continues it."""
    items: list[_Item] = []
    folded = norm.folded
    while len(items) < MAX_LIST:
        sym = P.SYMBOL_AT.match(folded, pos)
        if sym and not _is_header(norm, sym.start()):
            item = _Item(sym.start(), sym.end(), sym, _number(sym))
        else:
            bare = P.BARE_NUMBER_AT.match(folded, pos)
            if not bare:
                break
            item = _Item(bare.start(), bare.end(), None, bare["bare"])
        _date_after(norm, item)
        items.append(item)
        join = P.LIST_JOIN_AT.match(folded, item.date_end or item.end)
        if not join:
            break
        pos = join.end()
    return items


def _list_citations(norm: Normalised, lead: re.Match, items: list[_Item], group: int) -> list[Citation]:
    word = lead["tw"]
    type_word = P.TYPE_WORDS.get(re.sub(r"\s+", " ", word)) or P.CODES.get(word)
    # "217 và 218-QĐ/TW": bare numbers borrow the form of the symbol that closes the list.
    closing = next((i.match for i in reversed(items) if i.match is not None), None)
    shared_date = items[-1].date
    out = []
    for index, item in enumerate(items):
        start = lead.start() if index == 0 else item.start
        if item.match is None and closing is not None and _follows_all_bare(items, item, closing):
            citation = _symbol_citation(norm, item, start, type_word, borrow=closing)
        elif item.match is not None:
            citation = _symbol_citation(norm, item, start, type_word)
        else:
            citation = _bare_citation(norm, item, start, type_word)
        citation.group = group if len(items) > 1 else None
        if citation.date is None and shared_date is not None and item.match is None:
            citation.date = shared_date
        out.append(citation)
    return out


def _follows_all_bare(items, item, closing) -> bool:
    """A bare number borrows only from a symbol after it, with nothing but bare numbers between."""
    seen = False
    for other in items:
        if other is item:
            seen = True
        elif seen and other.match is not None:
            return other.match is closing
    return False


def _number(m: re.Match) -> str:
    for key in ("n_num", "p_num", "ps_num", "a_num", "c_num"):
        if m[key]:
            return m[key]
    raise AssertionError("symbol without number")


def _orig(norm: Normalised, start: int, end: int) -> tuple[str, int, int]:
    a, b = norm.span(start, end)
    return norm.original[a:b], a, b


def _code(norm: Normalised, m: re.Match, group: str) -> str:
    folded = m[group]
    if folded in P.WITH_D and "Đ" in norm.text[m.start(group) : m.end(group)].upper():
        return P.WITH_D[folded]
    return P.CODES.get(folded, folded.upper())


def _issuer(norm: Normalised, m: re.Match, group: str) -> str:
    raw = re.sub(r"\s+", "", norm.text[m.start(group) : m.end(group)]).upper()
    raw = raw.replace("T.Ư", "TW").replace("T.U", "TW")
    if raw == "TƯ":
        return "TW"
    return re.sub(r"(?<![A-Z])TTG(?![A-Z])", "TTg", raw)


def symbol_of(norm: Normalised, m: re.Match, number: str | None = None) -> tuple[str, str, int | None]:
    """(official symbol, type code, year) for a symbol match; number overrides the match's own."""
    if m["norm"]:
        num = number or m["n_num"]
        year = int(m["n_year"])
        if m["n_qh"]:
            return f"{num}/{year}/{m['n_qh'].upper()}", "Luật", year
        return f"{num}/{year}/{_code(norm, m, 'n_type')}-{_issuer(norm, m, 'n_iss')}", _code(norm, m, "n_type"), year
    if m["party"]:
        code = _code(norm, m, "p_type")
        return f"{number or m['p_num']}-{code}/{_issuer(norm, m, 'p_iss')}", code, None
    if m["pstate"]:  # a Party symbol written State-style: 218/QĐ-TW
        code = _code(norm, m, "ps_type")
        return f"{number or m['ps_num']}-{code}/{_issuer(norm, m, 'ps_iss')}", code, None
    if m["admin"]:
        code = _code(norm, m, "a_type")
        return f"{number or m['a_num']}/{code}-{_issuer(norm, m, 'a_iss')}", code, None
    return (f"{number or m['c_num']}/{_issuer(norm, m, 'c_iss')}-{_issuer(norm, m, 'c_unit')}", "CV", None)


def _symbol_citation(norm, item: _Item, start: int, type_word: str | None, borrow=None) -> Citation:
    if borrow is not None:
        symbol, code, year = symbol_of(norm, borrow, item.number)
    else:
        symbol, code, year = symbol_of(norm, item.match)
    if code == "Luật" and type_word:
        code = type_word  # 202/2025/QH15 may be a Nghị quyết of the Quốc hội
    text, a, b = _orig(norm, start, item.end)
    return Citation(text, a, b, code, item.number, symbol, item.date, year, type_word=type_word)


def _bare_citation(norm, item: _Item, start: int, type_word: str | None) -> Citation:
    text, a, b = _orig(norm, start, item.end)
    return Citation(text, a, b, type_word, item.number, None, item.date, type_word=type_word)


def _name_citation(norm: Normalised, m: re.Match) -> Citation:
    term = m["name_term"].upper() if m["name_term"] else None
    name = f"Nghị quyết Trung ương {int(m['meeting'])}" + (f" khóa {term}" if term else "")
    text, a, b = _orig(norm, m.start(), m.end())
    citation = Citation(text, a, b, "NQ", None, None, term=term, name=name, type_word="NQ")
    item = _Item(m.start(), m.end(), None, "")
    _date_after(norm, item)
    citation.date = item.date
    return citation


def _date_after(norm: Normalised, item: _Item) -> None:
    m = P.DATE_AFTER.match(norm.folded, item.end)
    if not m:
        return
    d, mo, y = (
        (m["ad"], m["am"], m["ay"])
        if m["ad"]
        else (m["wd"], m["wm"], m["wy"])
        if m["wd"]
        else (m["bd"], m["bm"], m["by"])
    )
    try:
        from ..dates import parse_date

        item.date = parse_date(f"{y}-{int(mo):02d}-{int(d):02d}")
        item.date_end = m.end()
    except ValueError:
        pass  # 31/2/2017 is no date; the citation stays, undated


def _is_header(norm: Normalised, start: int) -> bool:
    """ "Số: 1185/UBND-TH" at the start of a line is the document's own number, not a citation."""
    a, _ = norm.span(start, start)
    return P.HEADER_BEFORE.search(_fold_tail(norm.original, a)) is not None


def _fold_tail(original: str, end: int) -> str:
    from .normalise import fold

    return fold(original[max(0, end - 40) : end])


def _context(norm: Normalised, c: Citation) -> None:
    """Term, year and issuer named after the citation; a pointer named before it."""
    folded = norm.folded
    start, end = _norm_offsets(norm, c)
    after = folded[end : end + CONTEXT]
    cut = P.MASTER.search(after)  # stop at the next citation
    if cut:
        after = after[: cut.start()]
    if c.year is None and (y := P.YEAR_AFTER.match(after)):
        c.year = int(y["year"])
    if c.term is None and (t := P.TERM.search(after[:120])):
        c.term = t["term"].upper()
    if (of := P.OF_ISSUER.match(after)) or (of := P.OF_ISSUER.search(after[:60])):
        c.issuer_text = after[of.end() : of.end() + 90]
    if p := P.POINTER_BEFORE.search(folded[max(0, start - 80) : start]):
        c.pointer = norm.original[slice(*norm.span(start - len(p.group()), start))].strip()


def _norm_offsets(norm: Normalised, c: Citation) -> tuple[int, int]:
    if norm.offsets is None:
        return c.start, c.end
    import bisect

    return bisect.bisect_left(norm.offsets, c.start), bisect.bisect_left(norm.offsets, c.end)


def _share_dates(norm: Normalised, found: list[Citation]) -> None:
    """Two full citations joined by "và" share the date written after the second."""
    for a, b in itertools.pairwise(found):
        if a.date is None and b.date is not None and a.symbol and b.symbol:
            between = norm.folded[_norm_offsets(norm, a)[1] : _norm_offsets(norm, b)[0]]
            if re.fullmatch(r"\s{0,3}(?:,|va)\s{0,3}", between):
                a.date = b.date


def _alias_citations(norm, pattern: re.Pattern, alias_ids) -> list[Citation]:
    out = []
    for m in pattern.finditer(norm.folded):
        text, a, b = _orig(norm, m.start(), m.end())
        key = re.sub(r"\s+", " ", m.group())
        first = next((code for word, code in P.TYPE_WORDS.items() if key.startswith(word + " ")), None)
        citation = Citation(text, a, b, first, None, None, name=text, type_word=first, alias_of=alias_ids.get(key, ()))
        item = _Item(m.start(), m.end(), None, "")
        _date_after(norm, item)
        citation.date = item.date
        out.append(citation)
    return out


def _merge_aliases(found: list[Citation], aliases: list[Citation]) -> list[Citation]:
    """An alias wins over an overlapping citation that has no symbol; a symbol always wins."""
    keep = []
    for alias in aliases:
        clash = [c for c in found if c.start < alias.end and alias.start < c.end]
        if any(c.symbol for c in clash):
            continue
        if all(alias.end - alias.start >= c.end - c.start for c in clash):
            for c in clash:
                alias.term = alias.term or c.term
                found.remove(c)
            keep.append(alias)
    return sorted(found + keep, key=lambda c: c.start)
