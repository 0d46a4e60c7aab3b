"""What the header reader fills in and the cells it reads: shared by the header (header.py) and the closing
signature block (signature.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dates import PartialDate
from ..model import SURE

FIELDS = ("symbol", "date", "place", "issuer", "title", "signer")
SEPARATOR = re.compile(r"^[\W_]{0,200}$")


@dataclass
class Header:
    symbol: str | None = None
    type: str | None = None
    issuer: str | None = None  # key in the corpus, when the header names a known body
    issuer_text: str = ""  # as the header writes it, lines joined
    issuer_lines: list[str] = field(default_factory=list)  # the issuer block, parent organ first
    place: str | None = None
    date: PartialDate | None = None
    title: str | None = None
    signer: str | None = None
    capacity: str | None = None  # "KT. Chủ tịch, Phó Chủ tịch"
    capacity_lines: list[str] = field(default_factory=list)  # as printed: ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    notes: list[str] = field(default_factory=list)
    confidence: dict[str, float] = field(default_factory=dict)  # per field in FIELDS, 0–1
    reasons: dict[str, str] = field(default_factory=dict)  # why a field is uncertain

    def rate(self, name: str, confidence: float, reason: str = "") -> None:
        self.confidence[name] = confidence
        if reason:
            self.reasons[name] = reason
        else:
            self.reasons.pop(name, None)

    def uncertain(self) -> list[str]:
        """The fields read, but with less confidence than SURE."""
        return [f for f in FIELDS if 0 < self.confidence.get(f, 0) < SURE]


@dataclass
class Cell:
    text: str
    folded: str  # folded, its spaces as one
    row_start: bool  # the first cell of its line
    row: str  # the whole line it came from, folded the same way
    after_blank: bool = False  # the first cell of a line under an empty one
