"""Stage "find": every citation in a normalised text, with its date and the hints around it.

Only finds: what leaves here is a frozen ``Mention`` each; ``resolve`` gives the ``Resolution``
that a ``Citation`` pairs with it.
"""

from __future__ import annotations

import bisect
import contextlib
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
HEAD_CHARS = 400  # a symbol alone on a line this near the top is the document's own number


# What as_json may hold: it is printed as JSON by `extract --json`.
JSONValue: TypeAlias = str | int | float | bool | list[str] | None


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
    confidence: float = 0.95  # how sure the reader is of the symbol and date (low: OCR damage, repairs)
    relation: str | None = None  # can-cu, thuc-hien, tiep-tuc-thuc-hien, thay-the; None: not clear (relations)


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

    @property
    def confidence(self) -> float:
        return self.mention.confidence

    @property
    def relation(self) -> str | None:
        return self.mention.relation

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
            "relation": self.relation,
            "confidence": self.confidence,
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
    year: int | None = None  # a year written with a bare number ("59/2023")


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
            if m["name"].startswith("nq") and not norm.text[m.start() : m.start() + 2].isupper():
                pos = m.start() + 2  # "nq" names a resolution only when written NQ
                continue
            if not _own_title(norm, m):
                found.append(_name_mention(norm, m))
            pos = m.end()
        elif m["congress"] or m["named"]:
            named = _named_mention(norm, m)
            if named is not None:
                found.append(named)
                pos = m.end()
            else:
                pos = m.start() + 3
        elif m["law"]:
            law = _law_mention(norm, m)
            if law is not None:
                found.append(law)
                pos = _norm_offsets(norm, law)[1]
            else:
                pos = m.end("law_kind")
        elif m["tw"]:
            if m["tw"] in P.TYPE_ABBREVIATIONS and not norm.text[m.start("tw") : m.end("tw")].isupper():
                pos = m.end("tw")
                continue
            items = _items(norm, m.end())
            if items and not m["so"] and (items[0].match is None or not items[0].match["norm"]):
                items = []  # "Thông tư liên tịch03/2000/TTLT-…": glued only to a full symbol
            if items and items[0].match is None and _not_a_number(norm, m, items[0]):
                items = []
            if items and _not_citation(norm, m.start()):
                pos = max(i.date_end or i.end for i in items)  # its symbol is no citation either
                continue
            if not items:
                pos = m.end()
                continue
            group += 1
            found += _list_mentions(norm, m, items, group)
            pos = max(i.date_end or i.end for i in items)
        else:
            if (
                _plausible(norm, m)
                and not m["old"]  # "2013-CP" alone is no citation: the old form needs its type word
                and not _is_header(norm, m.start(), alone=True)
                and not _not_citation(norm, m.start())
            ):
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
    if "ngay" in folded:  # no date anywhere, none to read before a citation
        found = _dates_before(norm, found)
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
        if sym and _plausible(norm, sym) and not _is_header(norm, sym.start()):
            item = _Item(sym.start(), sym.end(), sym, _number(sym))
        else:
            bare = P.BARE_NUMBER_AT.match(folded, pos)
            if not bare:
                break
            item = _Item(bare.start(), bare.end(), None, bare["bare"])
            if bare["bare_year"]:
                item.year = int(bare["bare_year"])  # "Nghị định 59/2023": number and year
        _date_after(norm, item)
        items.append(item)
        join = P.LIST_JOIN_AT.match(folded, item.date_end or item.end)
        if not join or (
            _CLAUSE_NUMBER.match(folded, join.end()) and "\n" in norm.original[slice(*norm.span(*join.span()))]
        ):
            break  # "… Điều 2 QĐ 20;\n\n9. Trong quá trình …": the next clause's number, not a list's item
        pos = join.end()
    return items


_CLAUSE_NUMBER = re.compile(r"\d{1,3}\.\s")


@functools.cache
def _type_word(word: str) -> str | None:
    """The type code a type word or abbreviation names ("nghi  quyet" → NQ)."""
    return P.TYPE_WORDS_UNSPACED.get(re.sub(r"\s+", "", word)) or P.CODES.get(word)


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
    for key in ("n_num", "p_num", "sl_num", "ps_num", "a_num", "c_num", "o_num", "od_num"):
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
            qh = m["n_qh"].upper()
            dash = "-" if "-" in norm.text[m.end("n_year") : m.start("n_qh")] else "/"  # "01/1997-QH9" as printed
            return f"{num}/{year}{dash}{qh}", ("NQ" if qh.startswith("UBTV") else LAW), year
        if m["n_org"]:  # 04/1999/BVGCP-TLSX: an issuer without type code
            unit = f"-{_issuer(norm, m, 'n_unit')}" if m["n_unit"] else ""
            return f"{num}/{year}/{_issuer(norm, m, 'n_org')}{unit}", "CV", year
        dot = "." if m["n_dot"] else "-"  # "2093/2005/QĐ.UBND": a dotted issuer, kept as printed
        return (
            f"{num}/{year}/{_code(norm, m, 'n_type')}{dot}{_issuer(norm, m, 'n_iss')}",
            _code(norm, m, "n_type"),
            year,
        )
    if m["party"]:
        code, issuer = _code(norm, m, "p_type"), _issuer(norm, m, "p_iss")
        between = norm.text[m.end("p_num") : m.start("p_type")]
        if "-" not in between and P.UNHYPHENATED_ISSUER.fullmatch(issuer):
            return f"{number or m['p_num']}{code}/{issuer}", code, None
        return f"{number or m['p_num']}-{code}/{issuer}", code, None
    if m["pslash"]:  # 646/QĐ/QUTW: a slash where the hyphen was
        code = _code(norm, m, "sl_type")
        return f"{number or m['sl_num']}-{code}/{_issuer(norm, m, 'sl_iss')}", code, None
    if m["pstate"]:  # a Party symbol written State-style: 218/QĐ-TW
        code = _code(norm, m, "ps_type")
        return f"{number or m['ps_num']}-{code}/{_issuer(norm, m, 'ps_iss')}", code, None
    if m["admin"]:
        code = _code(norm, m, "a_type")
        issuer = _issuer(norm, m, "a_iss" if m["a_iss"] else "a_glued")
        dot = "." if m["a_dot"] else "-"  # "8202/TTr.UBND.VX": Nghệ An's dotted form, kept as printed
        return f"{number or m['a_num']}/{code}{dot}{issuer}", code, None
    if m["old"]:  # 214-CP, 64b-HĐBT: the State's form before 1992
        return f"{number or m['od_num']}-{_issuer(norm, m, 'od_iss')}", "CV", None
    if m["org"]:  # 197/STTTT, 6815/NHNN, 50/CP: an issuer without type code
        return f"{number or m['o_num']}/{_issuer(norm, m, 'o_iss')}", "CV", None
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
        source = borrow
        symbol, code, year = symbol_of(norm, borrow, item.number)
    elif item.match is not None:
        source = item.match
        symbol, code, year = symbol_of(norm, item.match)
    else:
        raise AssertionError("a symbol mention needs a symbol match")
    if code == LAW and type_word:
        code = type_word  # 202/2025/QH15 may be a Nghị quyết of the Quốc hội
    if source["old"] and type_word:
        code = type_word  # "Quyết định số 214-CP": the pre-1992 symbol names no type, the word does
    if type_word == "NĐ" and source["norm"] and source["n_org"] and symbol.endswith("/CP"):
        # "Nghị định số 51/1998/CP": a decree numbered with its year always carries NĐ-CP; the type code lost
        symbol, code = f"{symbol[:-2]}NĐ-CP", "NĐ"
    text, a, b = _orig(norm, start, item.end)
    confidence = _symbol_confidence(norm, source)
    if borrow is not None:
        confidence = min(confidence, 0.85)  # the form is borrowed from the list's closing symbol
    if item.date_problem:
        confidence = min(confidence, 0.5)
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
        confidence=confidence,
    )


def _symbol_confidence(norm: Normalised, m: Match) -> float:
    """0.97 for a symbol written as the rules write it; less for one repaired or read through noise."""
    if m["pslash"] or m["a_glued"] or m["org"] or m["n_org"]:
        return 0.6  # a slash for a hyphen, a lost hyphen, an issuer without type code
    written = norm.folded[m.start() : m.end()]
    if m["cv"] and written.count("/") > 1:
        return 0.6  # 1303/CP/KTTH: a slash for the hyphen
    if m["n_type"]:
        tail = written[m.end("n_type") - m.start() :]
        if not tail.lstrip().startswith(("-", "/")):
            return 0.7  # 48/2008/NĐCP: the hyphen after the type code lost
        if m["n_type"] in ("nqlt", "ttlt") and tail.lstrip().startswith("/"):
            return 0.8  # 19/2008/NQLT/CP-…: joint symbols are written both ways
    if " " in written:
        return 0.8  # spaces inside the symbol
    return 0.97


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
        item.year,
        type_word=type_word,
        group=group,
        date_problem=item.date_problem,
        confidence=0.5 if item.date_problem else 0.9,
    )


_LAW_CODES = {"luat": LAW, "bo luat": LAW, "phap lenh": "PL", "hien phap": "HP"}
_ALSO_CALLED = re.compile(
    rf"{P._S}\((?:goi{P._W}tat{P._W}la|sau{P._W}day{P._W}goi{P._W}(?:tat{P._W})?la)[^()]{{1,80}}\)"
)


def _law_mention(norm: Normalised, m: Match) -> Mention | None:
    """A law, code, ordinance or constitution by name, with the date or year that follows it."""
    written = norm.text[m.start() : m.start() + 1]
    before = norm.folded[max(0, m.start() - 12) : m.start()]
    # "Luật" with a capital (not "pháp luật", "văn bản luật"); "Hiến pháp" and "Pháp lệnh" likewise.
    if not written.isupper() or re.search(r"(?:phap|ban)\s{1,3}$", before):
        return None
    kind = re.sub(r"\s+", " ", m["law_kind"])
    words = norm.text[m.start("law_words") : m.end("law_words")].split()
    if _NOT_A_NAME.match(m["law_words"]) and not (words and words[0][:1].isupper()):
        return None  # "Luật này có hiệu lực từ ngày …": the text itself ("Pháp lệnh Đo lường" is a name)
    end = m.end("law_words")
    if end == m.end("law_kind") and kind != "hien phap":
        return None  # "Luật ngày …": no name
    item = _Item(m.start(), end, None, "")
    year: int | None = None
    tail = m.end()
    date_item = _at(item, tail)
    _date_after(norm, date_item)
    if date_item.date is None and date_item.date_problem is None:
        y = P.YEAR_AFTER.match(norm.folded, tail) or P.BARE_YEAR_AFTER.match(norm.folded, tail)
        if y is None:
            year = date_item.year  # "ngày 26 tháng năm 2014": OCR lost the month, the year is sure
        else:
            year = int(y["year"])
            tail = y.end()
            # "… năm 2022 được Quốc hội khóa XV thông qua ngày 10/11/2022"
            passed = re.compile(P._PASSED).match(norm.folded, tail)
            if passed is not None and passed.end() > tail:
                _date_after(norm, late := _at(item, passed.end()))
                if late.date is not None:
                    date_item = late
    elif date_item.date is not None:
        year = date_item.date.year
    else:
        year = date_item.year
    stop = end
    also = _ALSO_CALLED.match(norm.folded, date_item.date_end or (tail if year else end))
    if also is not None:
        stop = also.end()  # an apposition: one citation, its span the whole of it
    text, a, b = _orig(norm, m.start(), stop)
    name = " ".join(norm.original[slice(*norm.span(m.start(), end))].split())
    confidence = 0.9 if date_item.date is not None else 0.75
    number, symbol, name = _amending_own_number(norm, m, end, year, name)
    return Mention(
        text,
        a,
        b,
        _LAW_CODES.get(kind, LAW),
        number,
        symbol,
        date_item.date,
        year,
        name=name,
        type_word=_LAW_CODES.get(kind, LAW),
        date_problem=date_item.date_problem,
        confidence=confidence if not date_item.date_problem else 0.5,
    )


_LAW_NUMBER_IN_NAME = re.compile(r"\s{1,3}so\s{0,3}(?P<n>\d{1,4})/(?P<y>(?:19|20)\d\d)/(?:ubtv)?qh\d{1,2},?")


def _amending_own_number(
    norm: Normalised, m: Match, end: int, year: int | None, name: str
) -> tuple[str | None, str | None, str]:
    """(number, symbol, name) of an amending law named with a number. "Luật sửa đổi, bổ sung … của Luật Ngân
    sách Nhà nước số 06/1998/QH10 ngày 20/5/1998": one number, of the law's own year, at the end of the name,
    is its own; several ("… Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15 …") are the laws it
    amends, and it has none printed."""
    found = list(_LAW_NUMBER_IN_NAME.finditer(norm.folded, m.start("law_words"), end))
    if len(found) != 1 or found[0].end() != end or year is None or int(found[0]["y"]) != year:
        return None, None, name
    own = found[0]
    symbol = "".join(norm.original[slice(*norm.span(own.start("n"), own.end()))].split()).rstrip(",").upper()
    return own["n"], symbol, " ".join(norm.original[slice(*norm.span(m.start(), own.start()))].split())


_NOT_A_NAME = re.compile(r"\s{1,3}(?:nay|cua|so|va|theo|de|tai|nam|ngay|duoc|do|quy|co)(?![a-z])")


def _at(item: _Item, end: int) -> _Item:
    return _Item(item.start, end, None, "")


# "Mẫu số 02/BCĐ…": a form; "QCVN 34:2022/BTTTT", "TCVN 5574:2018": a standard's code, its year after a colon.
_MODEL_BEFORE = re.compile(
    r"(?:mau|bieu)\s{1,3}(?:so\s{0,3}:?\s{0,3})?$|(?:qcvn|tcvn)\s{0,3}[\d.]{1,8}\s{0,2}:\s{0,2}$|\d:$"
)
_OWN_ANNEX_BEFORE = re.compile(r"(?:^|\n)[ \t*_]{0,20}\(?[ \t]{0,3}ban\s{1,3}hanh\s{1,3}(?:kem\s{1,3})?theo\s{1,3}$")
# "NGHỊ QUYẾT SỐ 297 NQ/UBTVQH9 NGÀY …" opening the text (Công báo, printed collections): its own number.
_OWN_HEADING = re.compile(r"^[\w ]{1,40}\s{1,3}(?:SỐ|Số)\s{0,3}:?\s{0,3}$")
OWN_HEADING_CHARS = 300


def _head_words(line: str) -> str:
    """The words of a heading line before its number: "NGHỊ QUYẾT SỐ " of "NGHỊ QUYẾT SỐ 297 NQ/…"."""
    m = re.match(r"\D{1,60}", line)
    return m[0] if m else ""


def _not_citation(norm: Normalised, start: int) -> bool:
    """A form template ("Mẫu số 02/BCĐ…") or the document's own number in its annex."""
    before = norm.folded[max(0, start - 12) : start]
    if _MODEL_BEFORE.search(before):
        return True
    a, _ = norm.span(start, start)
    if a < OWN_HEADING_CHARS and _own_heading(norm.original, a):
        return True
    if "theo" not in norm.folded[max(0, start - 30) : start]:
        return False
    return _OWN_ANNEX_BEFORE.search(_fold_tail(norm.original, a)) is not None


def _own_heading(original: str, a: int) -> bool:
    """The number opening a heading line in capitals that goes on below: "NGHỊ QUYẾT SỐ 297 NQ/…" / "CỦA …"."""
    line_start = original.rfind("\n", 0, a) + 1
    line_end = original.find("\n", a)
    if line_end == -1:
        line_end = len(original)
    rest, after = original[line_start:line_end], original[line_end : line_end + 200].split()
    return (
        original[line_start:a].strip() == ""
        and all(w.isupper() for w in rest.split() if w.isalpha())
        and _OWN_HEADING.match(_head_words(rest)) is not None
        and bool(after)
        and after[0] in ("CỦA", "VỀ", "QUY", "BAN", "NGÀY")  # the heading goes on: date, issuer or title
    )


_NOT_A_NUMBER_AFTER = re.compile(r"\s{1,3}(?:nam|thang|lan|nguoi)(?![a-z])(?!\s{1,3}(?:19|20)\d\d)")
# After "quy định 05" written in lower case and without "số": words a citation goes on with.
_CITATION_GOES_ON = re.compile(
    r"\s{0,3}(?:[^a-z\s]|$|(?:ngay|cua|ve|va|hoac|tai|da|duoc|khoa|nam|hoi|nay|do|cac)(?![a-z]))"
)


def _not_a_number(norm: Normalised, lead: Match, item: _Item) -> bool:
    """ "Kế hoạch 5 năm", "QUYẾT ĐỊNH:\n1.", "Chương trình 135": a type word and a number that is no
    document's."""
    if _NOT_A_NUMBER_AFTER.match(norm.folded, item.end):
        return True
    if "so" in lead["so"] or lead["urgent"]:
        return False  # "công văn khẩn 3072": a count is not urgent
    if re.sub(r"\s+", " ", lead["tw"]) == "chuong trinh" and not P.DATE_AFTER.match(norm.folded, item.end):
        return True  # "Chương trình 135", "Chương trình 30a": national programmes named by a number
    written = norm.text[lead.start("tw") : lead.start("tw") + 1]
    if written.islower() and not _CITATION_GOES_ON.match(norm.folded, item.end):
        return True  # "quy định 05 nguyên tắc": a count
    a, b = norm.span(lead.end("tw"), item.start)
    return "\n" in norm.original[a:b] or ":" in lead["so"]


def _plausible(norm: Normalised, m: Match) -> bool:
    """An issuer without type code ("197/STTTT", "6815/NHNN") is one only when written in capitals."""
    for group in ("o_iss", "n_org"):
        if m[group]:
            written = norm.text[m.start(group) : m.end(group)]
            if sum(ch.isupper() for ch in written) < 2 or not written[0].isupper():
                return False
    return True


def _own_title(norm: Normalised, m: Match) -> bool:
    """ "KẾT LUẬN / HỘI NGHỊ LẦN THỨ BA / BAN CHẤP HÀNH TRUNG ƯƠNG …" in capitals at the head of the text:
    the document's own title, not a citation."""
    text, a, _ = _orig(norm, m.start(), m.end())
    line_start = norm.original.rfind("\n", 0, a) + 1
    return a < 2 * HEAD_CHARS and text.isupper() and not norm.original[line_start:a].strip(" *_#")


def _name_mention(norm: Normalised, m: Match) -> Mention:
    term = m["name_term"].upper() if m["name_term"] else None
    # A conclusion of the meeting is named, not resolved by the meeting's number (that is its resolution).
    kind, code = ("Kết luận Hội nghị", "KL") if m["name_kind"].startswith("ket") else ("Nghị quyết", "NQ")
    name = f"{kind} Trung ương {P.meeting_of(m)}" + (f" khóa {term}" if term else "")
    text, a, b = _orig(norm, m.start(), m.end())
    item = _Item(m.start(), m.end(), None, "")
    _date_after(norm, item)
    return Mention(
        text, a, b, code, None, None, item.date, term=term, name=name, type_word=code, date_problem=item.date_problem
    )


_ISSUES_IT = re.compile(r"(?:^|\n)[ \t]{0,20}(?:dieu\s{1,3}1\s{0,3}[.:]\s{0,3})?ban\s{1,3}hanh\s{1,3}$")
_NAMED_KINDS = {"quy che": "QC", "dieu le": "ĐL"}


def _named_mention(norm: Normalised, m: Match) -> Mention | None:
    """A congress resolution or a rule named with its khóa; None when the capitals say it is prose."""
    text, a, b = _orig(norm, m.start(), m.end())
    if m["congress"]:
        if m["cg_bare"] and not norm.text[m.start("cg_bare") : m.end("cg_bare")].isupper():
            return None  # "nghị quyết đại hội vi …": no numeral
        code, term = "NQ", None
    else:
        if not text[:1].isupper() or _ISSUES_IT.search(_fold_tail(norm.original, a)):
            return None  # prose, or "Điều 1. Ban hành Quy chế …": the document's own content
        code, term = _NAMED_KINDS[re.sub(r"\s+", " ", m["nd_kind"])], m["nd_term"].upper()
    item = _Item(m.start(), m.end(), None, "")
    _date_after(norm, item)
    return Mention(
        text,
        a,
        b,
        code,
        None,
        None,
        item.date,
        term=term,
        name=" ".join(text.split()),
        type_word=code,
        date_problem=item.date_problem,
        confidence=0.8,
    )


_OCR_ONES = str.maketrans({"i": "1", "l": "1", "|": "1", "]": "1", " ": None})


def _ocr_date(norm: Normalised, item: _Item, m: Match) -> bool:
    """ "ngày 22 tháng II năm 2019": a month OCR read as look-alike letters; True when it is a day."""
    if m["m"] == "o":
        if norm.text[m.start("m")] not in "óÓ":  # only "ó" is the 6 OCR misread
            return False
        month = 6
    else:
        month = int(m["m"].translate(_OCR_ONES))
    try:
        item.date = parse_date(f"{m['y']}-{month:02d}-{int(m['d']):02d}")
    except ValueError:
        return False
    item.date_end = m.end()
    return True


def _date_after(norm: Normalised, item: _Item) -> None:
    folded = norm.folded
    m = P.DATE_AFTER.match(folded, item.end)
    if not m and (page := P.PAGE_NUMBER_AFTER.match(folded, item.end)) and _own_line(norm, page):
        m = P.DATE_AFTER.match(folded, page.end())  # "… 43/2018/TT-BCT / [page 2] / ngày 15/11/2018"
    if not m:
        # Most citations have no date after them: the words each pattern needs are looked for first.
        if folded.find("ngay", item.end, item.end + 12) != -1:
            if (ocr := P.OCR_MONTH_DATE_AFTER.match(folded, item.end)) and _ocr_date(norm, item, ocr):
                return
            if damaged := P.DAMAGED_DATE_AFTER.match(folded, item.end):
                item.year = item.year or int(damaged["year"])  # "ngày 26 tháng năm 2014": the year is sure
            return
        if folded.find("cua", item.end, item.end + 8) == -1 or not (by := P.BY_ISSUER_AFTER.match(folded, item.end)):
            return
        m = P.DATE_AFTER.match(folded, by.end())  # "Nghị định số 94/CP của Chính phủ ngày …"
        if not m:
            return
    prefix = "a" if m["ad"] else "w" if m["wd"] else "b"
    d, mo, y = m[prefix + "d"], m[prefix + "m"], m[prefix + "y"].replace(" ", "")
    try:
        item.date = parse_date(f"{y}-{int(mo):02d}-{int(d):02d}")
        item.date_end = m.end()
    except ValueError:
        # 31/02/2017 is no day: the citation stays, undated, and carries the date as written so
        # that `check` can report it.
        item.date_problem = _orig(norm, m.start(prefix + "d"), m.end())[0]


def _own_line(norm: Normalised, m: Match) -> bool:
    """The number a PAGE_NUMBER_AFTER match jumps is on a line of its own (not a cell of the same row)."""
    gap = _orig(norm, m.start(), m.end())[0]
    number = re.search(r"\d{1,3}", gap)
    return number is not None and "\n" in gap[: number.start()] and "\n" in gap[number.end() :]


def _is_header(norm: Normalised, start: int, alone: bool = False) -> bool:
    """ "Số: 1185/UBND-TH" at the start of a line is the document's own number, not a citation.

    alone: a symbol with no type word; on a line of its own near the top it is the number too.
    """
    if alone and start < HEAD_CHARS:
        a, _ = norm.span(start, start)
        line = norm.original[max(0, a - 40) : a].rsplit("\n", 1)
        wrapped = re.search(r"\bsố[ \t]{0,3}\n[ \t*_]{0,3}$", norm.original[max(0, a - 12) : a])  # "… Luật X số\n72/…"
        if not wrapped and ((len(line) == 2 and not line[1].strip()) or (a < 40 and not norm.original[:a].strip())):
            return True
    if "so" not in norm.folded[max(0, start - 40) : start]:  # "số" comes first: most citations stop here
        return False
    a, _ = norm.span(start, start)
    if P.HEADER_BEFORE.search(_fold_tail(norm.original, a)) is None:
        return False
    # "Luật\nsố 65/2020/QH14": a sentence wrapped before a lower-case "số" goes on; "Số:" heads the number.
    mark = re.search(r"([Ss])[ốỐoO]\s{0,3}(:?)\s{0,3}$", norm.original[max(0, a - 40) : a])
    return not (mark and mark[1] == "s" and not mark[2])


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
    """Two full citations joined by "và" share the date written after the second: of one type, or a report
    and the scheme sent with it ("Tờ trình số 394/TTr-CP và Đề án số 395/ĐA-CP ngày 09 tháng 5 năm 2025").
    Of other types, the date is the second's alone ("Chỉ thị …, Kế hoạch … ngày")."""
    found = list(found)
    for i, (a, b) in enumerate(itertools.pairwise(found)):
        if a.date is None and b.date is not None and a.symbol and b.symbol:
            same_type = b.type_word is None or b.type_word == a.type_word
            between = norm.folded[_norm_offsets(norm, a)[1] : _norm_offsets(norm, b)[0]]
            if same_type:
                joined = bool(re.fullmatch(r"\s{0,3}(?:,|va)\s{0,3}", between))
            else:  # "Nghị định số 130-CP và Quyết định số 64b-HĐBT ngày …": the date is the decision's alone
                joined = between.strip() == "va" and {a.type_word, b.type_word} <= _SENT_TOGETHER
            if joined:
                found[i] = replace(a, date=b.date)
    return found


_SENT_TOGETHER = frozenset({"TTr", "ĐA"})

_ISSUE_ENDINGS = ("hanh", "ky", "ra", "ban", "so", "qua", "co")  # the verb, or "văn bản (số)" after it


def _dates_before(norm: Normalised, found: list[Mention]) -> list[Mention]:
    """ "Ngày 06/4/2023, Thủ tướng Chính phủ ban hành Quyết định số …": the date heads the clause."""
    folded = norm.folded
    out = []
    for i, c in enumerate(found):
        first_of_list = c.group is None or i == 0 or found[i - 1].group != c.group
        if c.date is None and c.date_problem is None and first_of_list:
            start = _norm_offsets(norm, c)[0]
            written_on = P.WRITTEN_ON_BEFORE.search(folded, max(0, start - 80), start)
            if written_on is not None:
                c = _dated(c, written_on)
            elif (
                folded.find("ngay", max(0, start - 240), start) != -1
                and (
                    (
                        folded[max(0, start - 24) : start].rstrip().endswith(_ISSUE_ENDINGS)
                        and (m := P.ISSUED_BEFORE.search(folded, max(0, start - 240), start))
                    )
                    or (
                        folded[max(0, start - 8) : start].rstrip().endswith("tai")
                        and (m := P.DATED_AT_BEFORE.search(folded, max(0, start - 60), start))
                    )
                )
                and _opens_sentence(norm, m)
            ):
                c = _dated(c, m)
        out.append(c)
    return out


def _dated(c: Mention, m: Match) -> Mention:
    """c with the date m read (its day, month and year in the groups of _dmy('i') or _IN_WORDS)."""
    prefix = "i" if m["id"] else "w"
    iso = f"{m[prefix + 'y']}-{int(m[prefix + 'm']):02d}-{int(m[prefix + 'd']):02d}"
    with contextlib.suppress(ValueError):  # no day: the citation stays undated
        return replace(c, date=parse_date(iso))
    return c


def _opens_sentence(norm: Normalised, m: Match) -> bool:
    """ "Ngày …" after a stop, or with a capital N at a line's start ("CỤM DÂN CƯ\nNgày 11 tháng 05 năm
    1998, Chính phủ đã ban hành …"): it heads the clause; a "ngày" inside a sentence does not."""
    if m.start() == 0 or m["lead"]:
        return True
    at = m.start() + len(m[0]) - len(m[0].lstrip())
    a, _ = norm.span(at, at + 1)
    return norm.original[a : a + 1] == "N"


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
