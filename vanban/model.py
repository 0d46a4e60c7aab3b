"""The data model: what one document, issuer and relation hold once validated."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .dates import PartialDate


@dataclass(frozen=True)
class Change:
    """What an issuer became (merged, renamed), as a dated, sourced fact."""

    text: str
    date: PartialDate | None = None
    date_unverified: bool = False
    source: str = ""


@dataclass(frozen=True)
class Issuer:
    key: str
    name: str
    level: str  # key of vocab.LEVELS
    system: str  # key of vocab.SYSTEMS
    short: str = ""
    parent: str | None = None
    region: str | None = None  # slug of the province for local bodies; None for central ones
    became: Change | None = None
    file: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Source:
    name: str  # a site, or a key of data/sources.yaml such as "seed"
    path: str = ""
    note: str = ""
    title: str = ""  # filled from sources.yaml for named sources


@dataclass(frozen=True)
class Signer:
    name: str = ""
    capacity: str = ""


@dataclass(frozen=True)
class Relation:
    type: str  # key of vocab.RELATION_TYPES
    source: str  # acting document id
    target: str  # document id
    note: str = ""
    place: str = ""  # where in the acting document's text
    unverified: bool = False
    line: int | None = None


@dataclass(frozen=True, eq=False)  # eq=False: a document is itself, hashed by identity
class Document:
    id: str
    symbol: str
    type: str
    issuer: str
    date: PartialDate | None = None
    title: str = ""
    co_issuers: tuple[str, ...] = ()
    term: str = ""
    place: str = ""  # where it was signed (Vị Thanh, Hậu Giang)
    signer: Signer | None = None
    effective: PartialDate | None = None
    ceased: PartialDate | None = None
    status: str = ""
    aliases: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    relations: tuple[Relation, ...] = ()
    unverified: tuple[str, ...] = ()  # names of fields whose values are not verified
    known_from_citation: bool = False  # only known through another document's text
    notes: tuple[str, ...] = ()
    key_points: tuple[str, ...] = ()  # for study packs: the main content, sourced like any fact
    questions: tuple[str, ...] = ()  # for study packs: questions for discussion
    acknowledged: dict[str, str] = field(default_factory=dict)  # warning code -> reason
    text_file: str = ""  # path of the full text, relative to the data dir
    file: str = ""
    line_of: dict[str, int] = field(default_factory=dict, repr=False)

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    def is_unverified(self, name: str) -> bool:
        return name in self.unverified


@dataclass(frozen=True)
class Corpus:
    """Everything loaded from a data directory, validated field by field."""

    documents: dict[str, Document]
    issuers: dict[str, Issuer]
    named_sources: dict[str, Source]
    data_dir: str = ""
    regions: dict[str, str] = field(default_factory=dict)  # slug → "Tỉnh Hậu Giang"

    def relations(self) -> Iterator[Relation]:
        for doc in self.documents.values():
            yield from doc.relations
