"""Stage "find": every citation in a normalised text, with its date and the hints around it.

Only finds: what leaves here is a frozen ``Mention`` each; ``resolve`` gives the ``Resolution``
that a ``Citation`` pairs with it.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass, replace
from typing import TypeAlias

from ..dates import PartialDate, parse_date
from ..typecodes import LAW
from . import patterns as P
from .limits import MAX_CITATIONS, too_many_citations
from .normalise import Normalised, fold

MAX_LIST = 30  # items in one list ("các Chỉ thị số 11, 12, 14 …")
CONTEXT = 200  # characters after a citation searched for its term and issuer


# What as_json may hold: it is printed as JSON by `extract --json`.
JSONValue: TypeAlias = str | int | bool | list[str] | None


@dataclass(frozen=True)
class Mention:
    """What a text says when it cites a document: the span and every hint written around it."""

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
    date_problem: str | None = None  # a cited date that is no day ("31/02/2017"), as written; date is None


@dataclass(frozen=True)
class Resolution:
    """Which document of the knowledge base a mention means (``resolve``)."""

    resolved: str | None = None  # the id, when exactly one document fits
    candidates: tuple[str, ...] = ()  # every id that fits, when several do (sorted)
    date_mismatch: bool = False  # resolved, but the cited date is not the document's


UNRESOLVED = Resolution()


@dataclass(frozen=True)
class Citation:
    """A mention and what it resolved to. Reads like either: ``c.symbol``, ``c.resolved``."""

    mention: Mention
    resolution: Resolution = UNRESOLVED

    # What the text says.
    @property
    def text(self) -> str:
        return self.mention.text

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end

    @property
    def type(self) -> str | None:
        return self.mention.type

    @property
    def number(self) -> str | None:
        return self.mention.number

    @property
    def symbol(self) -> str | None:
        return self.mention.symbol

    @property
    def date(self) -> PartialDate | None:
        return self.mention.date

    @property
    def year(self) -> int | None:
        return self.mention.year

    @property
    def term(self) -> str | None:
        return self.mention.term

    @property
    def issuer_text(self) -> str:
        return self.mention.issuer_text

    @property
    def name(self) -> str | None:
        return self.mention.name

    @property
    def pointer(self) -> str | None:
        return self.mention.pointer

    @property
    def type_word(self) -> str | None:
        return self.mention.type_word

    @property
    def alias_of(self) -> tuple[str, ...]:
        return self.mention.alias_of

    @property
    def group(self) -> int | None:
        return self.mention.group

    @property
    def nested_in(self) -> int | None:
        return self.mention.nested_in

    @property
    def date_problem(self) -> str | None:
        return self.mention.date_problem

    # What it resolved to.
    @property
    def resolved(self) -> str | None:
        return self.resolution.resolved

    @property
    def candidates(self) -> tuple[str, ...]:
        return self.resolution.candidates

    @property
    def date_mismatch(self) -> bool:
        return self.resolution.date_mismatch

    def as_json(self) -> dict[str, JSONValue]:
        """The object `extract --json` prints (README); date_problem came last, after the others."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "number": self.number,
            "symbol": self.symbol,
            "date": self.date.iso() if self.date else None,
            "resolved": self.resolved,
            "candidates": list(self.candidates),
            "name": self.name,
            "term": self.term,
            "year": self.year,
            "pointer": self.pointer,
            "date_mismatch": self.date_mismatch,
            "date_problem": self.date_problem,
        }


Match: TypeAlias = "re.Match[str]"


@dataclass
class _Item:
    """One element of a citation before it becomes a Mention (normalised offsets)."""

    start: int
    end: int
    match: Match | None  # a symbol match, or None for a bare number
    number: str
    date: PartialDate | None = None
    date_end: int | None = None
    date_problem: str | None = None  # a date written after it that is no day, as written


def find_mentions(
    norm: Normalised, alias_pattern: re.Pattern[str] | None = None, alias_ids: dict[str, tuple[str, ...]] | None = None
) -> list[Mention]:
    folded, pos, group = norm.folded, 0, 0
    # Every position where a citation may start, found in one pass: the scan below and the
    # context of each citation (where the next one starts) both read it instead of searching
    # the text again, so a text dense with citations is not read once per citation.
    starts = [m.start() for m in P.MASTER_ANYWHERE.finditer(folded)]
    found: list[Mention] = []
    k = 0
    while (k := bisect.bisect_left(starts, pos, k)) < len(starts):
        m = P.MASTER.match(folded, starts[k])
        if m is None:  # cannot happen: starts are where MASTER matches
            raise AssertionError("MASTER_ANYWHERE and MASTER disagree")
        if m["name"]:
            found.append(_name_mention(norm, m))
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
            found += _list_mentions(norm, m, items, group)
            pos = max(i.date_end or i.end for i in items)
        else:
            if not _is_header(norm, m.start()):
                item = _Item(m.start(), m.end(), m, _number(m))
                _date_after(norm, item)
                found.append(_symbol_mention(norm, item, item.start, None))
            pos = m.end()
        if len(found) > MAX_CITATIONS:  # refused early, before the costlier stages below
            raise too_many_citations(found[MAX_CITATIONS].start)
    if alias_pattern is not None:
        found = _merge_aliases(found, _alias_mentions(norm, alias_pattern, alias_ids or {}))
        if len(found) > MAX_CITATIONS:
            raise too_many_citations(found[MAX_CITATIONS].start)
    found = _share_dates(norm, found)
    found = [_context(norm, mention, starts) for mention in found]
    found = _share_group_context(found)
    return _mark_nested(norm, found)


def _quote_spans(original: str) -> list[tuple[int, int]]:
    """Spans between quotes: “…” by depth, ASCII "…" by pairs."""
    spans: list[tuple[int, int]] = []
    opened: list[int] = []
    ascii_open: int | None = None
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


def _mark_nested(norm: Normalised, found: list[Mention]) -> list[Mention]:
    """A citation inside the quoted title that follows another citation describes that one."""
    if len(found) < 2:
        return found
    found = list(found)
    ends = [c.end for c in found]
    starts = [c.start for c in found]
    # Next index not yet marked, with path halving: nested quotes (“ “ … ” ”) would otherwise
    # walk the same citations once per quote, quadratic in the depth.
    after = list(range(len(found) + 1))

    def unmarked(j: int) -> int:
        while after[j] != j:
            after[j] = after[after[j]]
            j = after[j]
        return j

    for q_start, q_end in _quote_spans(norm.original):
        i = bisect.bisect_right(ends, q_start) - 1  # the last citation ending before the quote
        if i < 0 or q_start - found[i].end > 160 or "\n" in norm.original[found[i].end : q_start]:
            continue
        stop = bisect.bisect_left(starts, q_end)  # the first citation at or after the quote's end
        j = unmarked(max(i + 1, bisect.bisect_right(starts, q_start)))
        while j < stop:
            found[j] = replace(found[j], nested_in=i)
            after[j] = j + 1
            j = unmarked(j + 1)
    return found


def _share_group_context(found: list[Mention]) -> list[Mention]:
    """What is said after a list ("… của Bộ Chính trị (khóa XI)") holds for each of its items."""
    last: dict[int, Mention] = {c.group: c for c in found if c.group is not None}
    out = []
    for c in found:
        if c.group is not None and c is not last[c.group]:
            tail = last[c.group]
            shared = (
                c.term or tail.term,
                c.issuer_text or tail.issuer_text,
                c.year or (tail.year if not c.symbol else None),
            )
            if shared != (c.term, c.issuer_text, c.year):
                c = replace(c, term=shared[0], issuer_text=shared[1], year=shared[2])
        out.append(c)
    return out


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


@functools.cache
def _type_word(word: str) -> str | None:
    """The type code a type word or abbreviation names ("nghi  quyet" → NQ)."""
    return P.TYPE_WORDS.get(re.sub(r"\s+", " ", word)) or P.CODES.get(word)


def _list_mentions(norm: Normalised, lead: Match, items: list[_Item], group: int) -> list[Mention]:
    type_word = _type_word(lead["tw"])
    # "217 và 218-QĐ/TW": bare numbers borrow the form of the symbol that closes the list, when
    # nothing but bare numbers stands between them and it.
    symbols = [index for index, item in enumerate(items) if item.match is not None]
    closing = items[symbols[-1]].match if symbols else None
    borrow_from = symbols[-2] if len(symbols) > 1 else -1
    borrow_to = symbols[-1] if symbols else -1
    shared_date = items[-1].date
    in_group = group if len(items) > 1 else None
    out = []
    for index, item in enumerate(items):
        start = lead.start() if index == 0 else item.start
        if item.match is None and item.date is None:
            item.date = shared_date  # "số 217 và 218-QĐ/TW ngày …": the date closes the list
        if item.match is None and closing is not None and borrow_from < index < borrow_to:
            out.append(_symbol_mention(norm, item, start, type_word, borrow=closing, group=in_group))
        elif item.match is not None:
            out.append(_symbol_mention(norm, item, start, type_word, group=in_group))
        else:
            out.append(_bare_mention(norm, item, start, type_word, group=in_group))
    return out


def _number(m: Match) -> str:
    for key in ("n_num", "p_num", "ps_num", "a_num", "c_num"):
        if m[key]:
            return m[key]
    raise AssertionError("symbol without number")


def _orig(norm: Normalised, start: int, end: int) -> tuple[str, int, int]:
    a, b = norm.span(start, end)
    return norm.original[a:b], a, b


def _code(norm: Normalised, m: Match, group: str) -> str:
    folded = m[group]
    if folded in P.WITH_D and "Đ" in norm.text[m.start(group) : m.end(group)].upper():
        return P.WITH_D[folded]
    return P.CODES.get(folded, folded.upper())


def _issuer(norm: Normalised, m: Match, group: str) -> str:
    return _issuer_code(norm.text[m.start(group) : m.end(group)])


@functools.lru_cache(maxsize=4096)  # a text names the same few issuers again and again
def _issuer_code(written: str) -> str:
    raw = re.sub(r"\s+", "", written).upper()
    raw = raw.replace("T.Ư", "TW").replace("T.U", "TW")
    if raw == "TƯ":
        return "TW"
    return re.sub(r"(?<![A-Z])TTG(?![A-Z])", "TTg", raw)


def symbol_of(norm: Normalised, m: Match, number: str | None = None) -> tuple[str, str, int | None]:
    """(official symbol, type code, year) for a symbol match; number overrides the match's own."""
    if m["norm"]:
        num = number or m["n_num"]
        year = int(m["n_year"])
        if m["n_qh"]:
            return f"{num}/{year}/{m['n_qh'].upper()}", LAW, year
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


def _symbol_mention(
    norm: Normalised,
    item: _Item,
    start: int,
    type_word: str | None,
    borrow: Match | None = None,
    group: int | None = None,
) -> Mention:
    if borrow is not None:
        symbol, code, year = symbol_of(norm, borrow, item.number)
    elif item.match is not None:
        symbol, code, year = symbol_of(norm, item.match)
    else:
        raise AssertionError("a symbol mention needs a symbol match")
    if code == LAW and type_word:
        code = type_word  # 202/2025/QH15 may be a Nghị quyết of the Quốc hội
    text, a, b = _orig(norm, start, item.end)
    return Mention(
        text,
        a,
        b,
        code,
        item.number,
        symbol,
        item.date,
        year,
        type_word=type_word,
        group=group,
        date_problem=item.date_problem,
    )


def _bare_mention(norm: Normalised, item: _Item, start: int, type_word: str | None, group: int | None) -> Mention:
    text, a, b = _orig(norm, start, item.end)
    return Mention(
        text,
        a,
        b,
        type_word,
        item.number,
        None,
        item.date,
        type_word=type_word,
        group=group,
        date_problem=item.date_problem,
    )


def _name_mention(norm: Normalised, m: Match) -> Mention:
    term = m["name_term"].upper() if m["name_term"] else None
    name = f"Nghị quyết Trung ương {int(m['meeting'])}" + (f" khóa {term}" if term else "")
    text, a, b = _orig(norm, m.start(), m.end())
    item = _Item(m.start(), m.end(), None, "")
    _date_after(norm, item)
    return Mention(
        text, a, b, "NQ", None, None, item.date, term=term, name=name, type_word="NQ", date_problem=item.date_problem
    )


def _date_after(norm: Normalised, item: _Item) -> None:
    m = P.DATE_AFTER.match(norm.folded, item.end)
    if not m:
        return
    prefix = "a" if m["ad"] else "w" if m["wd"] else "b"
    d, mo, y = m[prefix + "d"], m[prefix + "m"], m[prefix + "y"]
    try:
        item.date = parse_date(f"{y}-{int(mo):02d}-{int(d):02d}")
        item.date_end = m.end()
    except ValueError:
        # 31/02/2017 is no day: the citation stays, undated, and carries the date as written so
        # that `check` can report it.
        item.date_problem = _orig(norm, m.start(prefix + "d"), m.end())[0]


def _is_header(norm: Normalised, start: int) -> bool:
    """ "Số: 1185/UBND-TH" at the start of a line is the document's own number, not a citation."""
    if "so" not in norm.folded[max(0, start - 40) : start]:  # "số" comes first: most citations stop here
        return False
    a, _ = norm.span(start, start)
    return P.HEADER_BEFORE.search(_fold_tail(norm.original, a)) is not None


def _fold_tail(original: str, end: int) -> str:
    return fold(original[max(0, end - 40) : end])


def _context(norm: Normalised, c: Mention, starts: list[int]) -> Mention:
    """Term, year and issuer named after the citation; a pointer named before it."""
    folded = norm.folded
    start, end = _norm_offsets(norm, c)
    after = folded[end : end + CONTEXT]
    # Stop at the next citation: one starting right here, or the next place MASTER matches.
    if P.MASTER.match(after):
        after = ""
    elif (k := bisect.bisect_right(starts, end)) < len(starts) and starts[k] < end + CONTEXT:
        after = after[: starts[k] - end]
    year, term, issuer_text, pointer = c.year, c.term, c.issuer_text, c.pointer
    if year is None and (y := P.YEAR_AFTER.match(after)):
        year = int(y["year"])
    if term is None and (t := P.TERM.search(after[:120])):
        term = t["term"].upper()
    # The word each pattern needs is looked for first: most citations have neither, and a plain
    # substring test costs less than a regex tried at every position of the window.
    if "cua" in after and ((of := P.OF_ISSUER.match(after)) or (of := P.OF_ISSUER.search(after[:60]))):
        issuer_text = after[of.end() : of.end() + 90]
    before = folded[max(0, start - 80) : start]
    if P.POINTER_WORD.search(before) and (p := P.POINTER_BEFORE.search(before)):
        pointer = norm.original[slice(*norm.span(start - len(p.group()), start))].strip()
    if (year, term, issuer_text, pointer) == (c.year, c.term, c.issuer_text, c.pointer):
        return c
    return replace(c, year=year, term=term, issuer_text=issuer_text, pointer=pointer)


def _norm_offsets(norm: Normalised, c: Mention) -> tuple[int, int]:
    if norm.offsets is None:
        return c.start, c.end
    return bisect.bisect_left(norm.offsets, c.start), bisect.bisect_left(norm.offsets, c.end)


def _share_dates(norm: Normalised, found: list[Mention]) -> list[Mention]:
    """Two full citations joined by "và" share the date written after the second."""
    found = list(found)
    for i, (a, b) in enumerate(itertools.pairwise(found)):
        if a.date is None and b.date is not None and a.symbol and b.symbol:
            between = norm.folded[_norm_offsets(norm, a)[1] : _norm_offsets(norm, b)[0]]
            if re.fullmatch(r"\s{0,3}(?:,|va)\s{0,3}", between):
                found[i] = replace(a, date=b.date)
    return found


def _alias_mentions(norm: Normalised, pattern: re.Pattern[str], alias_ids: dict[str, tuple[str, ...]]) -> list[Mention]:
    out: list[Mention] = []
    known: dict[str, tuple[str, str | None]] = {}  # what each spelling met means: key, type word
    for m in pattern.finditer(norm.folded):
        text, a, b = _orig(norm, m.start(), m.end())
        if (meaning := known.get(m.group())) is None:
            key = re.sub(r"\s+", " ", m.group())
            first = next((code for word, code in P.TYPE_WORDS.items() if key.startswith(word + " ")), None)
            meaning = known[m.group()] = (key, first)
        key, first = meaning
        if len(out) == MAX_CITATIONS:
            raise too_many_citations(a)
        item = _Item(m.start(), m.end(), None, "")
        _date_after(norm, item)
        out.append(
            Mention(
                text,
                a,
                b,
                first,
                None,
                None,
                item.date,
                name=text,
                type_word=first,
                alias_of=alias_ids.get(key, ()),
                date_problem=item.date_problem,
            )
        )
    return out


def _merge_aliases(found: list[Mention], aliases: list[Mention]) -> list[Mention]:
    """An alias wins over an overlapping citation that has no symbol; a symbol always wins.

    Both lists are in text order, so the citations an alias overlaps are found by bisection,
    not by a scan of every citation: the merge stays linear on a text of one alias repeated.
    """
    starts = [c.start for c in found]
    reach = list(itertools.accumulate((c.end for c in found), max))  # furthest end so far
    removed: set[int] = set()
    keep = []
    for alias in aliases:
        first = bisect.bisect_right(reach, alias.start)  # before it, nothing reaches the alias
        last = bisect.bisect_left(starts, alias.end)  # from it on, everything starts after
        clash = [i for i in range(first, last) if i not in removed and alias.start < found[i].end]
        if any(found[i].symbol for i in clash):
            continue
        if all(alias.end - alias.start >= found[i].end - found[i].start for i in clash):
            for i in clash:
                if (term := alias.term or found[i].term) != alias.term:
                    alias = replace(alias, term=term)
                removed.add(i)
            keep.append(alias)
    rest = [c for i, c in enumerate(found) if i not in removed]
    return sorted(rest + keep, key=lambda c: c.start)
