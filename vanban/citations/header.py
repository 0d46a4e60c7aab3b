"""The header and closing block of an official text: số và ký hiệu, place and date, issuer,
trích yếu, signer and capacity (Nghị định 30/2020/NĐ-CP and Hướng dẫn 36-HD/VPTW layouts)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import vocab
from ..dates import PartialDate, parse_date
from ..model import Corpus
from . import patterns as P
from .find import symbol_of
from .normalise import fold, normalise

_NATIONAL = re.compile(r"cong hoa xa hoi chu nghia|dang cong san viet nam|doc lap - tu do")
_PLACE_DATE = re.compile(
    r"^\s*(?:(?P<place>[^\n,]{2,40}),\s*)?ngay\s+(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})"
    r"\s+nam\s+(?P<y>(?:19|20)\d\d)",
    re.M,
)
# Runs of spaces and stars are possessive (*+): nothing after them can match a space or a star,
# so giving some back never helps, and a line of many spaces costs one pass, not a cube of it.
_NUMBER = re.compile(r"^\s*+\**+\s*+so\s*+:?\s*(?P<rest>.{1,40})$", re.M)
_CAPACITY = re.compile(
    r"^\s*+\**+\s*+(?:kt\.?|t/?m\.?|tm\.?|tl\.?|tuq\.?)?\s*+(?:chu tich|pho chu tich|bi thu|"
    r"pho bi thu|tong bi thu|thu tuong|pho thu tuong|bo truong|giam doc|truong ban|"
    r"pho truong ban|chanh van phong)\b",
    re.M,
)
_CLOSING = re.compile(r"^\s*(?:noi nhan|\*\*noi nhan)", re.M)

TYPE_BY_HEADING = {
    "bao cao": "bao-cao",
    "ke hoach": "ke-hoach",
    "chuong trinh hanh dong": "chuong-trinh",
    "chuong trinh": "chuong-trinh",
    "nghi quyet": "nghi-quyet",
    "ket luan": "ket-luan",
    "chi thi": "chi-thi",
    "quyet dinh": "quyet-dinh",
    "quy dinh": "quy-dinh",
    "huong dan": "huong-dan",
    "thong bao": "thong-bao",
    "to trinh": "to-trinh",
    "cong van": "cong-van",
}


@dataclass
class Header:
    symbol: str | None = None
    type: str | None = None
    issuer: str | None = None  # key in the corpus, when the header names a known body
    issuer_text: str = ""  # as the header writes it
    place: str | None = None
    date: PartialDate | None = None
    title: str | None = None
    signer: str | None = None
    capacity: str | None = None
    notes: list[str] = field(default_factory=list)


def _lines(text: str) -> list[str]:
    return [line.strip().strip("*").strip() for line in text.splitlines()]


def read_header(text: str, corpus: Corpus) -> Header:
    head = Header()
    folded_lines = fold(text).splitlines()
    lines = _lines(text)
    _symbol(head, text, folded_lines)
    _place_date(head, text)
    _issuer(head, lines, corpus)
    _type_and_title(head, lines, folded_lines)
    _signer(head, lines, folded_lines)
    return head


def _symbol(head: Header, text: str, folded_lines: list[str]) -> None:
    lines = text.splitlines()[:40]
    for line_no, line in enumerate(folded_lines[:40]):
        m = _NUMBER.match(line)
        if not m:
            continue
        norm = normalise(lines[line_no])
        sym = P.SYMBOL_AT.search(norm.folded)
        if sym:
            head.symbol, code, _ = symbol_of(norm, sym)
            head.type = vocab.TYPE_OF_CODE.get(code)
            return


def _place_date(head: Header, text: str) -> None:
    m = _PLACE_DATE.search(fold(text[:3000]))
    if not m:
        return
    try:
        head.date = parse_date(f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}")
    except ValueError:
        head.notes.append("ngày ở đầu văn bản không hợp lệ")
    if m["place"]:
        start = m.start("place")
        head.place = text[start : m.end("place")].strip().strip("*").strip()


def _issuer(head: Header, lines: list[str], corpus: Corpus) -> None:
    """Capital lines at the top, before the national motto: the issuing body."""
    block: list[str] = []
    for line in lines[:12]:
        if not line:
            if block:
                break
            continue
        if _NATIONAL.search(fold(line)) or not line.isupper():
            break
        block.append(line)
    head.issuer_text = " ".join(block)
    wanted = " ".join(fold(head.issuer_text).split())
    for issuer in corpus.issuers.values():
        if wanted and wanted in {" ".join(fold(n).split()) for n in (issuer.name, issuer.short) if n}:
            head.issuer = issuer.key


def _type_and_title(head: Header, lines: list[str], folded_lines: list[str]) -> None:
    for i, line in enumerate(folded_lines[:60]):
        stripped = line.strip().strip("*").strip()
        if stripped.startswith("v/v"):
            head.type = head.type or "cong-van"
            head.title = _gather(lines, i, first=lines[i])
            return
        if stripped in TYPE_BY_HEADING and lines[i].isupper():
            head.type = head.type or TYPE_BY_HEADING[stripped]
            nxt = next((j for j in range(i + 1, min(i + 6, len(lines))) if lines[j]), None)
            if nxt is not None:
                head.title = _gather(lines, nxt, first=lines[nxt])
            return


def _gather(lines: list[str], start: int, first: str) -> str:
    """A trích yếu runs over several lines, sometimes broken by an empty one (OCR)."""
    parts = [first]
    for line in lines[start + 1 : start + 12]:
        if not line:
            continue
        if line.isupper() or fold(line).startswith(("kinh gui", "so:", "so ", "thuc hien", "can cu")):
            break
        parts.append(line)
    return " ".join(" ".join(parts).split())


def _signer(head: Header, lines: list[str], folded_lines: list[str]) -> None:
    """The closing block: capacity in capitals, the name on the last line."""
    tail = [i for i, line in enumerate(lines) if line]
    if not tail:
        return
    last = lines[tail[-1]]
    if 1 < len(last.split()) <= 5 and last[:1].isupper() and not last.endswith((".", ":", ";")):
        head.signer = last
    for i in reversed(tail[-12:]):
        if _CAPACITY.match(folded_lines[i]) and lines[i].isupper():
            block = [lines[i]]
            if i > 0 and lines[i - 1].isupper() and _CAPACITY.match(folded_lines[i - 1]):
                block.insert(0, lines[i - 1])
            head.capacity = ", ".join(_title_case(b) for b in block)
            break


def _title_case(text: str) -> str:
    """ "KT. CHỦ TỊCH" → "KT. Chủ tịch": abbreviations kept, the rest in sentence case."""
    words = text.split()
    keep = [w for w in words if w.endswith(".") or "/" in w]
    rest = " ".join(words[len(keep) :]).lower() if words[: len(keep)] == keep else text.lower()
    rest = rest[:1].upper() + rest[1:]
    rest = re.sub(r"\bPhó (\w)", lambda m: "Phó " + m[1].upper(), rest)  # Phó Chủ tịch, Phó Bí thư
    return " ".join(keep + ([rest] if rest else []))
