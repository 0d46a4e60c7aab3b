"""Document symbols (số và ký hiệu): parsing, folding for lookup, and document ids.

Three official families (see shared/reference/symbols-and-citations.md):
  Party            NUMBER-TYPE/ISSUER          25-NQ/TW, 23-CTr/TU
  State admin      NUMBER/TYPE-ISSUER[-UNIT]   16/CT-TTg; công văn NUMBER/ISSUER-UNIT (1185/UBND-TH)
  State normative  NUMBER/YEAR/TYPE-ISSUER     59/2023/NĐ-CP; NUMBER/YEAR/QHnn (10/2022/QH15)
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# The family names are the type-code table's; re-exported, since symbols are where they belong.
from .typecodes import PARTY as PARTY
from .typecodes import STATE_ADMIN as STATE_ADMIN
from .typecodes import STATE_NORMATIVE as STATE_NORMATIVE
from .typecodes import codes_in

OTHER = "other"

# Nghị định 30/2020/NĐ-CP, Phụ lục III: the codes that may follow the slash in a State
# administrative symbol. Anything else there is an issuer, and the document a công văn.
STATE_ADMIN_CODES = codes_in(STATE_ADMIN)

_CODE = r"[A-Za-zĐđ]+"
_UNIT = r"[A-Za-zĐđ0-9&]+(?:-[A-Za-zĐđ0-9&]+)*"
_NUM = r"\d+[a-z]?"
_QH = re.compile(rf"^({_NUM})/(\d{{4}})/(QH\d+)$")
_NORMATIVE = re.compile(rf"^({_NUM})/(\d{{4}})/({_CODE})-({_UNIT})$")
_PARTY = re.compile(rf"^({_NUM})-({_CODE})/({_UNIT})$")
_ADMIN = re.compile(rf"^({_NUM})/({_CODE})-({_UNIT})$")


@dataclass(frozen=True)
class Symbol:
    raw: str
    family: str
    number: str
    type_code: str | None
    issuer_code: str
    year: int | None = None  # only normative symbols carry a year


def parse_symbol(raw: str) -> Symbol:
    s = unicodedata.normalize("NFC", raw).strip()
    if m := _QH.match(s):
        return Symbol(raw, STATE_NORMATIVE, m[1], None, m[3], int(m[2]))
    if m := _NORMATIVE.match(s):
        return Symbol(raw, STATE_NORMATIVE, m[1], m[3], m[4], int(m[2]))
    if m := _PARTY.match(s):
        return Symbol(raw, PARTY, m[1], m[2], m[3])
    if m := _ADMIN.match(s):
        if m[2] in STATE_ADMIN_CODES:
            return Symbol(raw, STATE_ADMIN, m[1], m[2], m[3])
        return Symbol(raw, STATE_ADMIN, m[1], None, f"{m[2]}-{m[3]}")
    number = re.match(r"\d+", s)
    return Symbol(raw, OTHER, number[0] if number else "", None, "")


# Pure functions over short strings, called for every document on every build: each string is worked out once.
@functools.lru_cache(maxsize=1 << 17)
def fold(text: str) -> str:
    """Lower case without diacritics: the form users type and we compare on."""
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", text).lower()


@functools.lru_cache(maxsize=1 << 17)
def symbol_key(text: str) -> str:
    """Fold a symbol for lookup: case, diacritics, spaces and TƯ/T.Ư variants don't count."""
    s = unicodedata.normalize("NFC", text).upper().replace("T.Ư", "TW").replace("TƯ", "TW")
    key = re.sub(r"\s+", "", fold(s)).upper()
    return re.sub(r"^0+(?=\d)", "", key)  # 02-CV/BDVTW is also written 2-CV/BDVTW


@functools.lru_cache(maxsize=1 << 17)
def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


UNKNOWN_YEAR = "khong-ro-nam"
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def expected_id(symbol: str, year: int | None, region: str | None) -> str:
    """The id a document must have: symbol, then the region of a local issuer, then the year.

    A symbol alone recurs (25-NQ/TW in 2003, 2008, 2013; 79-CT/TU in every province), so the
    year, and the region for local bodies, make it an identity.
    """
    parts = [slug(symbol)]
    if region:
        parts.append(region)
    if parse_symbol(symbol).year is None:
        parts.append(str(year) if year else UNKNOWN_YEAR)
    return "-".join(parts)
