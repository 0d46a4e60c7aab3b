"""Stage "normalise": make Vietnamese text matchable while keeping offsets into the original.

Two views of the text are produced, both the same length:
- ``text``: NFC, every white-space character (line breaks, tabs, no-break spaces) a plain space,
  typographic quotes and dashes in ASCII. Case and diacritics are kept: the finder looks here
  to tell "TƯ" (= TW) from "TU" (Tỉnh ủy), or "ĐA" from "DA".
- ``folded``: the same, lower case and without diacritics ("nghi quyet"). The patterns run here.

For NFC input every step maps one character to one character, so an offset in ``text`` is an
offset in the original. Only NFD input, input with invisible characters (soft hyphens,
zero-width spaces), and text spelt letter by letter (whose spaces are left out for matching)
take a slower path that records an offset map.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

_SPACES = (
    "\t\n\r\x0b\x0c\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000\u2424\u21b4"
)  # ↴ marks line ends in some OCR output


def _whole(table: dict[int, Any]) -> dict[int, Any]:
    """The table with every other character below U+3000 mapped to itself: the same translation, twice as fast.
    str.translate raises and catches a KeyError inside for each character its table lacks, in any text that is
    not all ASCII (a Vietnamese one): Latin, Vietnamese, punctuation and combining marks now find themselves."""
    return {**{code: code for code in range(0x3000)}, **table}


_SAME_LENGTH = _whole(
    str.maketrans(
        {
            **dict.fromkeys(_SPACES, " "),
            "\u201c": '"',
            "\u201d": '"',
            "\u201e": '"',
            "\u00ab": '"',
            "\u00bb": '"',
            "\u2018": "'",
            "\u2019": "'",
            "\u201a": "'",
            "\u2010": "-",
            "\u2011": "-",
            "\u2012": "-",
            "\u2013": "-",
            "\u2014": "-",
            "\u2212": "-",
            "\u2044": "/",
            "\u2215": "/",
            "\uff0f": "/",
            # Cyrillic letters that look Latin, pasted into symbols by some converters: "BТС" for BTC
            **dict(zip("АВСЕНКМОРТХаеорсух", "ABCEHKMOPTXaeopcyx", strict=True)),
        }
    )
)
_INVISIBLES = "[\u00ad\u200b\u200c\u200d\u2060\ufeff]"
_MARKS = "[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"  # combining marks
_INVISIBLE = re.compile(_INVISIBLES)
_CLUSTER = re.compile(f".{_MARKS}*", re.S)
# A cluster that has combining marks, or an invisible character: what the slow path works on.
_SPECIAL = re.compile(f".{_MARKS}+|{_INVISIBLES}", re.S)


def _fold_table() -> dict[int, str]:
    """Every precomposed Latin letter to its base letter, lower case: one char to one char."""
    table = {}
    for code in range(0x00C0, 0x1F00):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base.isascii() and base.isalpha() and base != char:
            table[code] = base.lower()
    table[ord("Đ")] = table[ord("đ")] = "d"
    table[ord("Ð")] = "d"
    return table


_FOLD = _whole(str.maketrans(_fold_table()))


@dataclass(frozen=True)
class Normalised:
    original: str
    text: str
    folded: str
    offsets: tuple[int, ...] | None = None  # None: offsets equal; else len(text)+1 entries
    ends: tuple[int, ...] | None = None  # where a span ending there ends, when characters were left out before it

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``text``/``folded`` back to the original."""
        if self.offsets is None:
            return start, end
        return self.offsets[start], (self.ends or self.offsets)[end]


# Line breaks written out as "\\r\\n" or "\\n" by a table conversion: spaces, as many as characters.
_LITERAL_BREAK = re.compile(r"\\r\\n|\\n")


def _literal_breaks(text: str) -> str:
    if "\\" not in text:
        return text
    return _LITERAL_BREAK.sub(lambda m: " " * len(m.group()), text)


# A line spelt letter by letter, as some PDF text layers give a heading ("N g h ị q u y ế t s ố 1 6 / N Q - H Đ N D",
# "q u y ế t"): every piece of it one character. Its spaces are dropped for matching, like invisible characters.
# Also a run of five or more such pieces inside a line ("… quà tết t h e o N g h ị q u y ế t s ố 1 6 / N Q …").
_SPACED_LINE = re.compile(r"(?m)^[ \t]{0,40}(?:\S[ \t]){1,300}\S[ \t]{0,40}$|(?<!\S)(?:\S[ \t]){4,300}\S(?!\S)")


def _letter_spaced(original: str) -> list[int]:
    """The positions of the spaces inside letter-spaced lines."""
    drops: list[int] = []
    for m in _SPACED_LINE.finditer(original):
        line = m.group()
        if not any(ch.isalnum() for ch in line):
            continue  # ". . . . .": a dotted leader, nothing to read in it
        start, end = m.start() + len(line) - len(line.lstrip()), m.start() + len(line.rstrip())
        drops.extend(i for i in range(start, end) if original[i] in " \t" and not _word_break(original, i, end))
    return drops


# The words that may follow a code in capitals: "H Đ N D c ủ a" parts there, "C T - T T g" (TTg) does not.
_AFTER_CODE = ("của", "ngày", "về", "và", "tại", "theo", "năm", "trên", "đã", "được", "với", "để", "thì", "là")


def _word_break(text: str, i: int, end: int) -> bool:
    """Where the words of a letter-spaced run part: lower case then a capital ("t h e o N g h ị": theo | Nghị); a
    code in capitals, then a word of lower case that may follow it ("H Đ N D c ủ a": HĐND | của)."""
    left, right = text[i - 1], text[i + 1]
    if left.islower() and right.isupper():
        return True
    if not (left.isupper() and right.islower() and text[i - 3 : i - 2].isupper()):
        return False
    word = "".join(text[k] for k in range(i + 1, end, 2) if text[k].isalpha())  # the letters after, one by one
    following = unicodedata.normalize("NFC", word)
    return following.startswith(_AFTER_CODE)


def normalise(original: str) -> Normalised:
    drops = _letter_spaced(original)
    if drops:
        return _without(original, drops)
    if unicodedata.is_normalized("NFC", original) and not _INVISIBLE.search(original):
        text = _literal_breaks(original.translate(_SAME_LENGTH))
        return Normalised(original, text, fold(text))
    pieces: list[str] = []
    offsets: list[int] = []
    done = 0
    # Only the clusters with combining marks, and invisible characters, need work; the text
    # between them is copied whole when it is already NFC (cluster by cluster otherwise).
    for m in _SPECIAL.finditer(original):
        _plain(original, done, m.start(), pieces, offsets)
        _cluster(m, pieces, offsets)
        done = m.end()
    _plain(original, done, len(original), pieces, offsets)
    offsets.append(len(original))
    text = _literal_breaks("".join(pieces).translate(_SAME_LENGTH))
    return Normalised(original, text, fold(text), tuple(offsets))


def _without(original: str, drops: list[int]) -> Normalised:
    """Normalised with the characters at `drops` left out, its offsets still into the original."""
    dropped = set(drops)
    kept = [i for i in range(len(original)) if i not in dropped]
    inner = normalise("".join(original[i] for i in kept))
    inner_offsets = inner.offsets if inner.offsets is not None else range(len(inner.text) + 1)
    # A span ends right after its last character kept, not at the next one (the spaces between are left out).
    ends = tuple(kept[o - 1] + 1 if o else 0 for o in inner_offsets)
    kept.append(len(original))
    return Normalised(original, inner.text, inner.folded, tuple(kept[o] for o in inner_offsets), ends)


def _cluster(m: re.Match[str], pieces: list[str], offsets: list[int]) -> None:
    """One character and its combining marks, composed (NFC); an invisible character dropped."""
    if _INVISIBLE.fullmatch(m.group()):
        return
    composed = unicodedata.normalize("NFC", m.group())
    pieces.append(composed)
    offsets.extend([m.start()] * len(composed))


def _plain(original: str, start: int, end: int, pieces: list[str], offsets: list[int]) -> None:
    """Characters without combining marks: each its own cluster, kept when the run is NFC."""
    if start == end:
        return
    run = original[start:end]
    if unicodedata.is_normalized("NFC", run):  # then every character is its own NFC
        pieces.append(run)
        offsets.extend(range(start, end))
        return
    for m in _CLUSTER.finditer(original, start, end):  # Å (U+212B), Hangul jamo: rare
        _cluster(m, pieces, offsets)


def fold(text: str) -> str:
    """Lower case, no diacritics, same length as the input (for NFC input)."""
    return text.translate(_FOLD).lower()
