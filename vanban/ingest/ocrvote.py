"""Two OCR readings of one page, word by word: where the main reading doubts a word and a second reading of
the same page at a lower resolution reads the same place with more confidence, the second one's word is
kept. Tesseract's slips with Vietnamese marks ("điện tứ", "chuyển đôi", "của:") rarely fall on the same
word at two resolutions; measured on the samples and the grown material (benchmarks/ingest_bench.py).

Plain functions over tesseract's tsv output and its text; nothing here runs a tool.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word the main reading is sure of is never replaced; below this, a better reading of the same place is.
TRUST = 90.0
_OVERLAP = 0.6  # share of each box that the other covers for two words to be the same word
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Word:
    text: str
    confidence: float  # 0–100, as tesseract gives it
    box: tuple[float, float, float, float]  # left, top, right, bottom, in the main reading's pixels
    line: tuple[str, ...]  # block, paragraph, line: the words of one printed line share it


def words(tsv: str, scale: float = 1.0) -> list[Word]:
    """The words of tesseract's tsv, in reading order; `scale` brings a reading's pixels to the main one's."""
    out: list[Word] = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        try:
            left, top, width, height = (int(c) * scale for c in cells[6:10])
            confidence = float(cells[10])
        except ValueError:
            continue
        out.append(Word(cells[11].strip(), confidence, (left, top, left + width, top + height), tuple(cells[1:5])))
    return out


def vote(main: list[Word], other: list[Word]) -> list[Word]:
    """The main reading, with each doubted word replaced by the other reading's word in the same place when
    that one is read with more confidence."""
    out: list[Word] = []
    for word in main:
        better = None
        if 0 <= word.confidence < TRUST:
            better = max(
                (w for w in other if w.confidence > word.confidence and _same_place(word.box, w.box)),
                key=lambda w: w.confidence,
                default=None,
            )
        out.append(Word(better.text, better.confidence, word.box, word.line) if better else word)
    return out


def _same_place(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    if width <= 0 or height <= 0:
        return False
    common = width * height
    return all(common >= _OVERLAP * (box[2] - box[0]) * (box[3] - box[1]) for box in (a, b))


def rebuild(text: str, before: list[Word], after: list[Word]) -> str:
    """The main reading's text with its words replaced as voted, its spacing and lines kept. When the text's
    words are not the tsv's words one for one, the text is kept as it was read."""
    tokens = list(_WORD.finditer(text))
    if [m[0] for m in tokens] != [w.text for w in before]:  # `after` is vote's: one word for each
        return text
    pieces: list[str] = []
    last = 0
    for m, new in zip(tokens, after, strict=True):
        pieces += [text[last : m.start()], new.text]
        last = m.end()
    return "".join(pieces) + text[last:]
