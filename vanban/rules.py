"""Domain rules that several stages apply, each stated once: which documents are central, what a
document's status says, and the order documents are listed in.

The CLI, the site (banner, search results) and the study packs all read these, so that they never
disagree about a document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from . import vocab
from .dates import PartialDate, date_order
from .model import Corpus, Document

# -- central documents ---------------------------------------------------------------------------


def level_of(corpus: Corpus, doc: Document) -> str | None:
    """The level (key of vocab.LEVELS) of the document's issuer; None for an unknown issuer."""
    issuer = corpus.issuers.get(doc.issuer)
    return issuer.level if issuer else None


def is_central(corpus: Corpus, doc: Document) -> bool:
    """Issued by a central body (Trung ương); what local bodies carry out."""
    return level_of(corpus, doc) == vocab.CENTRAL


def is_central_policy(corpus: Corpus, doc: Document) -> bool:
    """A central document of a policy type (vocab.POLICY_TYPES): those have study packs and reports."""
    return is_central(corpus, doc) and doc.type in vocab.POLICY_TYPES


# -- order ---------------------------------------------------------------------------------------


def doc_order(doc: Document) -> tuple[tuple[bool, tuple[int, int, int]], str]:
    """Listing order of documents: by date (dates.date_order, undated last), then symbol."""
    return (date_order(doc.date), doc.symbol)


# -- status --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Replacement:
    """A document that replaces or repeals another (a vocab.REPLACING relation), seen from that one."""

    relation: str  # key of vocab.REPLACING
    doc: Document  # the replacing document
    note: str = ""  # the relation's note

    @property
    def verb(self) -> str:
        """ "Được thay thế bởi", "Bị bãi bỏ bởi": the relation as the replaced document suffers it."""
        return vocab.RELATION_TYPES[self.relation].inverse_label

    def text(self) -> str:
        """ "Được thay thế bởi 10/2022/QH15 (2022)"."""
        return f"{self.verb} {self.doc.symbol} ({self.doc.year or 'chưa rõ năm'})"


@dataclass(frozen=True)
class Status:
    """What is recorded against a document's force, worded the one way every page and command uses."""

    HEADING: ClassVar[str] = "Đã bị thay thế hoặc hết hiệu lực"  # the warning pages show when ended
    NOTHING_RECORDED: ClassVar[str] = "Chưa ghi nhận văn bản thay thế hay ngày hết hiệu lực"

    key: str  # key of vocab.STATUSES as recorded, or ""
    label: str  # "Hết hiệu lực toàn bộ", "Hết hiệu lực", "Bị thay thế", …; "" when nothing is recorded
    since: PartialDate | None  # the day it ceased, when recorded
    by: tuple[Replacement, ...]  # what replaced or repealed it

    @property
    def ceased(self) -> bool:
        """Recorded as out of force: a ceasing date, or a status that says so."""
        return self.since is not None or self.key in vocab.CEASED_STATUSES

    @property
    def ended(self) -> bool:
        """Wholly out of force: ceased, replaced or repealed. Pages then warn the reader."""
        return self.ceased or bool(self.by)

    def _since_text(self) -> str:
        return f" từ {self.since.vietnamese()}" if self.since else ""

    def line(self) -> str:
        """Everything, on one line: "Hết hiệu lực toàn bộ từ 01/07/2023; được thay thế bởi 10/2022/QH15 (2022)"."""
        if not self.label:
            return ""
        by = "; ".join(_lower_first(r.text()) for r in self.by)
        return self.label + self._since_text() + (f"; {by}" if by else "")

    def short(self) -> str:
        """For lists and cards: what replaced it when something did ("Được thay thế bởi …"), else the label."""
        if self.by:
            return "; ".join(r.text() for r in self.by)
        return self.label + self._since_text() if self.label else ""

    def sentence(self) -> str:
        """ "Văn bản này đã hết hiệu lực từ ngày 01/07/2023." when it has ceased; else ""."""
        if not self.ceased:
            return ""
        if self.since is None:
            return "Văn bản này đã hết hiệu lực."
        day = "ngày " if self.since.day else ""
        return f"Văn bản này đã hết hiệu lực từ {day}{self.since.vietnamese()}."


def status_of(doc: Document, replacements: Iterable[Replacement] = ()) -> Status:
    """The status of doc, given what replaces or repeals it (graph.status_of finds those)."""
    return _status(doc.status, doc.ceased, tuple(replacements))


def takes_effect(doc: Document) -> PartialDate | None:
    """When what a document does (replace, repeal) is made: the day it takes effect when recorded, else its
    issue date (a law of 10/11/2022 in force from 01/07/2023 leaves the ordinance in force until then)."""
    return doc.effective or doc.date


def holds_on(date: PartialDate | None, day: dt.date) -> bool:
    """Whether what happened on `date` had happened by `day`: a partial date counts from its first day
    ("2003" holds on 15/06/2003), an unknown date never holds (it is shown as unknown, not as later)."""
    return date is not None and date.earliest() <= day


def status_on(doc: Document, replacements: Iterable[Replacement], day: dt.date) -> Status:
    """The status of doc as it stood on `day`: only the replacements made by then (takes_effect; one of
    unknown date stays, as on the pages), the ceasing date only if reached. A ceased status recorded without
    its date stays (when it ceased is not known)."""
    by = tuple(r for r in replacements if (when := takes_effect(r.doc)) is None or holds_on(when, day))
    ceased = doc.ceased if holds_on(doc.ceased, day) else None
    return _status(doc.status if (doc.ceased is None or ceased is not None) else "", ceased, by)


def _status(key: str, ceased: PartialDate | None, by: tuple[Replacement, ...]) -> Status:
    label = vocab.STATUSES.get(key, "")
    if not label and ceased:
        label = "Hết hiệu lực"
    elif not label and by:
        label = "Bị thay thế"
    return Status(key, label, ceased, by)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
