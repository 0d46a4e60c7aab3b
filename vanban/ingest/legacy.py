"""Legacy Vietnamese encodings: TCVN3 (ABC, fonts ".VnTime", ".VnTimeH", ".VnArial"…) and VNI (fonts "VNI-…").

Before Unicode, Vietnamese was typed in 8-bit fonts: the bytes are Latin-1 letters that the font draws as
Vietnamese ones, so the text read from such a file looks like "NghÞ ®Þnh" (TCVN3) or "Quyeát ñònh" (VNI).
One file often mixes them run by run (a VNI body, a Unicode signer name), so a Word file is decoded run by
run from each run's font (`decode_run`); text that carries no fonts (plain text, PDF text layers) is
decoded by detecting the byte patterns (`detect`, `decode_lines`).

The conversion tables are viparse's (pinned; built from real documents of both encodings): its public
`fix` also tidies whitespace, which would glue the runs of a paragraph together, so the tables are used
directly through `_convert`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import cast

TCVN3 = "tcvn3"
VNI = "vni"
LEGACY = (TCVN3, VNI)

# A PDF font name carries a six-letter subset tag ("GDNPNI+VnTime"); Word keeps the leading dot (".VnTime").
_SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
# TCVN3 has no accented capitals: the "H" fonts (".VnTimeH", ".VnArialH", "VnTimeHBold" in a PDF) draw the
# lower-case codes as capitals, so text in them is upper-cased after decoding.
_CAPITALS_FONT = re.compile(r"^\.?vn.*h(?:[ ,-]?(?:bold|italic|oblique|regular))*$", re.IGNORECASE)

# Letters that only Unicode Vietnamese has (ă â đ ê ô ơ ư with their tones, combining tone marks): a line
# holding one is already Unicode, and decoding it again would spoil it (the á of Unicode is TCVN3's ỏ).
_UNICODE_VIETNAMESE = re.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u0300-\u0323\u1ea0-\u1ef9]"
)

# Frequent words of administrative Vietnamese that have a non-ASCII letter: legacy bytes read as Latin-1
# never spell them, so counting them tells which decoding gives Vietnamese.
_COMMON_WORDS = (
    "của và các được người trong không những này đã với để về việc năm ngày tháng số điều định thực "
    "hiện tỉnh nhân dân ủy uỷ chính phủ quyết nghị cộng hòa hoà xã hội chủ nghĩa việt độc lập tự hạnh "
    "phúc có là một cho đến từ cơ đơn vị tổ chức công tác quản lý nhà nước cấp trên địa bàn phát triển "
    "kinh tế bộ trưởng hành căn cứ đối tại như nhiệm vụ thông tư hướng dẫn kế hoạch báo cáo đảng "
    "ương tịch sở tài đầu đồng thời đạo chỉ thị bảo đảm"
)
_COMMON = frozenset(unicodedata.normalize("NFC", w) for w in _COMMON_WORDS.split() if any(ord(c) > 127 for c in w))
# A PDF text layer gives TCVN3's "ư" (the soft-hyphen code) as U+2212 MINUS SIGN. viparse restores it beside
# a letter; beside another legacy letter ("Trung −¬ng": ơ is "¬") it must be restored too.
_PDF_U = re.compile(r"(?:(?<=[^\W\d_])|(?<=[\xa0-\xff]))\u2212|\u2212(?=[^\W\d_]|[\xa0-\xff])")
_WORD = re.compile(r"[^\W\d_]+")
_MIN_HITS = 3  # common words a decoding must spell before it is believed
SAMPLE = 200_000  # characters looked at to tell an encoding: plenty, and a long file stays quick


def font_encoding(font: str | None) -> str | None:
    """The legacy encoding a font name implies: "tcvn3" for ".Vn…", "vni" for "VNI…", else None."""
    if not font:
        return None
    name = _SUBSET_TAG.sub("", font.strip()).lower()
    if name.startswith((".vn", "vn")) and not name.startswith("vni"):
        return TCVN3
    if name.startswith("vni"):
        return VNI
    return None


def capitals_font(font: str | None) -> bool:
    """Whether a TCVN3 font draws capitals only (".VnTimeH", ".VnArialH", "VnTimeHBold")."""
    if not font or font_encoding(font) != TCVN3:
        return False
    return bool(_CAPITALS_FONT.match(_SUBSET_TAG.sub("", font.strip())))


def is_unicode_vietnamese(text: str) -> bool:
    """Whether the text has a letter that only Unicode Vietnamese writes (so it is not legacy bytes)."""
    return _UNICODE_VIETNAMESE.search(text) is not None


def decode(text: str, encoding: str, *, capitals: bool = False) -> str:
    """Text in a legacy encoding (as Latin-1 letters) to Unicode, NFC; `capitals` for TCVN3 "H" fonts."""
    if encoding == TCVN3:
        text = _PDF_U.sub("\u00ad", text)
    out = _convert(text, encoding)
    if capitals:
        out = out.upper()
    return unicodedata.normalize("NFC", out)


def decode_run(text: str, font: str | None) -> tuple[str, str | None]:
    """One run of a Word file, decoded by its font: (text, the legacy encoding used or None)."""
    encoding = font_encoding(font)
    if encoding is None or not text or is_unicode_vietnamese(text):
        return text, None
    out = decode(text, encoding, capitals=capitals_font(font))
    return out, (encoding if out != text else None)


def vietnamese_hits(text: str) -> int:
    """How many frequent Vietnamese words the text spells."""
    words = _WORD.findall(unicodedata.normalize("NFC", text).lower())
    return sum(1 for w in words if w in _COMMON)


def detect(text: str, hint: str | None = None) -> str | None:
    """The legacy encoding of text that carries no fonts, from its letters; None when it reads as Unicode.

    `hint` (from the font names of a PDF) is checked, not trusted: a file may name ".VnTime" and hold
    Unicode. Lines that are already Unicode do not count.
    """
    legacy = "\n".join(line for line in text[:SAMPLE].splitlines() if not is_unicode_vietnamese(line))
    if not legacy.strip():
        return None
    scores = {enc: vietnamese_hits(_convert(legacy, enc)) for enc in LEGACY}
    best = max(LEGACY, key=lambda enc: (scores[enc], enc == hint))
    plain = vietnamese_hits(legacy)
    if scores[best] >= _MIN_HITS and scores[best] > 2 * plain:
        return best
    return None


def decode_lines(text: str, encoding: str) -> str:
    """Decode every line that is not already Unicode (a PDF's signature stamp may be, its body not)."""
    lines = text.split("\n")
    return "\n".join(line if is_unicode_vietnamese(line) else decode(line, encoding) for line in lines)


def _convert(text: str, encoding: str) -> str:
    return _converter()(text, _charmaps()[encoding])


@cache
def _charmaps() -> dict[str, object]:
    from viparse.normalize.encodings import CHARMAPS  # type: ignore[import-untyped]

    return {TCVN3: CHARMAPS["tcvn3"], VNI: CHARMAPS["vni"]}


@cache
def _converter() -> Callable[[str, object], str]:
    # viparse's converter: longest match first (VNI writes a toned vowel as two characters), and the
    # PDF glyphs that stand for TCVN3 letters (U+2212 for "ư") restored where a letter is beside them.
    from viparse.normalize.tables import convert  # type: ignore[import-untyped]

    return cast(Callable[[str, object], str], convert)
