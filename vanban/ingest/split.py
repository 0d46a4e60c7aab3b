"""Where one file holds several documents, each with its own header.

The seed is a UBND công văn that forwards a Tỉnh ủy báo cáo in the same file: after the công văn's
signature, a second header ("Số 160 - BC/TU", "Vị Thanh, ngày 22 tháng 6 năm 2017", "BÁO CÁO")
starts the second document. A document starts at a line that opens with its number ("Số:", "SỐ")
and is followed within a few lines by the place and date; it takes with it the issuer block and
motto printed just above. A received stamp ("Số: 1703" / "Ngày: 19/7/2017") has no "…, ngày d
tháng m năm yyyy" under it, so it starts nothing.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..citations.normalise import fold

# "Số: 565/TB-UBND", "Số 160 - BC/TU", "SỐ: 28 /2003/NĐ-CP", markdown emphasis around it.
_NUMBER_LINE = re.compile(r"^[\s*_|#]{0,6}so\s{0,3}:?\s{0,3}\d")
_PLACE_DATE = re.compile(r"(?:^|[\s*_|])[^\W\d_][^,\n]{0,50},\s{0,3}ngay\s{1,3}\d{1,2}\s{1,3}thang\s{1,3}\d{1,2}")
_LOOK_AHEAD = 6  # lines between the number and the place and date (two columns interleaved)
_LOOK_BACK = 10  # lines above the number that may belong to its header (issuer block, motto)
_MIN_BODY = 400  # characters of a document before another may start: a header is not a document


@dataclass(frozen=True)
class Part:
    """One document of a file: its text and where it starts in the file's text."""

    text: str
    start: int


def split_documents(text: str) -> list[Part]:
    """The documents of a text, in order; the whole text when it holds one."""
    lines = text.splitlines(keepends=True)
    offsets = list(itertools.accumulate(map(len, lines), initial=0))  # where each line starts; then the end
    folded = [fold(line) for line in lines]
    starts = [i for i in range(len(lines)) if _header_at(folded, i)]
    cuts: list[int] = []
    for i in starts[1:]:  # the first header belongs to the first document
        start = _header_start(lines, folded, i)
        previous = cuts[-1] if cuts else 0
        if offsets[start] - offsets[previous] >= _MIN_BODY:  # (so start > previous)
            cuts.append(start)
    bounds = [0, *cuts, len(lines)]
    parts = (Part("".join(lines[a:b]), offsets[a]) for a, b in itertools.pairwise(bounds))
    return [part for part in parts if part.text.strip()] or [Part(text, 0)]


def _header_at(folded: list[str], i: int) -> bool:
    """A number line with the place and date right below it (or on the same line)."""
    if not _NUMBER_LINE.match(folded[i]):
        return False
    return any(_PLACE_DATE.search(folded[j]) for j in range(i, min(len(folded), i + _LOOK_AHEAD + 1)))


def _header_start(lines: list[str], folded: list[str], i: int) -> int:
    """Go up over the issuer block and motto printed above the number (capitals, rules, blank lines)."""
    start = i
    for j in range(i - 1, max(-1, i - _LOOK_BACK - 1), -1):
        bare = lines[j].strip().strip("*_|#").strip()
        if not bare or re.fullmatch(r"[\W_]{1,80}", bare):
            continue  # blank lines and rules ("-------", "*") between the parts of a header
        if _header_line(bare, folded[j]):
            start = j
            continue
        break
    while start < i and not lines[start].strip():
        start += 1
    return start


def _header_line(bare: str, folded: str) -> bool:
    """An issuer or motto line: in capitals, or the motto's second line."""
    letters = [ch for ch in bare if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters) and len(bare) <= 90:
        return True
    return "doc lap" in folded and "hanh phuc" in folded
