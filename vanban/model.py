"""The data model: what one document, issuer and relation hold once validated."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, fields

from . import vocab
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

    @property
    def unidentified(self) -> bool:
        """The loader's reserved issuer of drafts whose header names no body (level vocab.UNKNOWN)."""
        return self.level == vocab.UNKNOWN


@dataclass(frozen=True)
class Source:
    name: str  # a site, or a key of data/sources.yaml such as "seed"
    path: str = ""
    note: str = ""
    title: str = ""  # filled from sources.yaml for named sources
    date: PartialDate | None = None  # the day the page or article was published, when it shows one
    quote: str = ""  # the source's own words that state the facts


@dataclass(frozen=True)
class Conflict:
    """Two sources that say two things of one field: both kept, with their sources, none chosen silently."""

    field: str
    note: str


@dataclass(frozen=True)
class Figure:
    """A figure a document gives (a review's "196 mô hình «Dân vận khéo»"), with the words that give it: they are
    in its full text or in one of its sources' quotes (check)."""

    label: str  # what is counted or measured
    value: str  # as printed: "196", "02 đợt", "khoảng 30%"
    quote: str  # the sentence that gives it, word for word
    place: str = ""  # where in the document: "Mục I.2"


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
    sources: tuple[Source, ...] = ()  # where the relation is stated, when not in the document's own sources


# A field read by machine with less confidence than this is uncertain: a person must check it
# (the header reader rates fields; drafts and `check` name the uncertain ones).
SURE = 0.8


@dataclass(frozen=True)
class FieldMark:
    """How surely a machine read one field of a draft."""

    confidence: float  # 0–1
    reason: str = ""  # why it is uncertain, in Vietnamese

    @property
    def uncertain(self) -> bool:
        return self.confidence < SURE


@dataclass(frozen=True)
class SuggestedRelation:
    """A relation that a draft's text suggests: a suggestion with its sentence, not a fact, no edge."""

    type: str  # key of vocab.RELATION_TYPES
    cited: str  # the citation as written
    target: str = ""  # an id when the citation resolved; else empty or the citation as written
    sentence: str = ""  # the sentence it came from
    line: int | None = None


@dataclass(frozen=True)
class Draft:
    """What an automatic import records about a document nobody has reviewed yet."""

    reader: str  # how the text was read: "lớp chữ của PDF (pdftotext)", "OCR (tesseract, tiếng Việt)"
    file: str = ""  # the file it came from, as the user named it
    original: str = ""  # its name in data/originals/, when kept
    original_line: int | None = None  # of the `original:` key
    sha256: str = ""  # of the original's bytes
    ingested: PartialDate | None = None
    issuer_text: str = ""  # the issuer block as printed
    fields: dict[str, FieldMark] = field(default_factory=dict)  # every machine-read field
    relations: tuple[SuggestedRelation, ...] = ()
    line: int | None = None  # of the `draft:` key

    def uncertain(self) -> list[tuple[str, FieldMark]]:
        """The fields read with less confidence than SURE, in the order written."""
        return [(name, mark) for name, mark in self.fields.items() if mark.uncertain]

    def is_uncertain(self, name: str) -> bool:
        mark = self.fields.get(name)
        return mark is not None and mark.uncertain


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
    conflicts: tuple[Conflict, ...] = ()  # fields two sources give two ways
    figures: tuple[Figure, ...] = ()  # what a report counts, each with its sentence
    notes: tuple[str, ...] = ()
    key_points: tuple[str, ...] = ()  # for study packs: the main content, sourced like any fact
    questions: tuple[str, ...] = ()  # for study packs: questions for discussion
    acknowledged: dict[str, str] = field(default_factory=dict)  # warning code -> reason
    text_file: str = ""  # path of the full text, relative to the data dir
    draft: Draft | None = None  # read by machine and not reviewed yet; None once reviewed
    original: str = ""  # the name in data/originals/ of the file it was read from (kept after review)
    originals: tuple[str, ...] = ()  # names of its original files in data/originals/ (present, safe)
    file: str = ""
    line_of: dict[str, int] = field(default_factory=dict, repr=False)

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    def is_unverified(self, name: str) -> bool:
        return name in self.unverified


_DOCUMENT_FIELDS = tuple(f.name for f in fields(Document))


def same_document(a: Document, b: Document) -> bool:
    """Whether two Document objects hold the same values (== compares identity; see Document)."""
    return a is b or all(getattr(a, name) == getattr(b, name) for name in _DOCUMENT_FIELDS)


@dataclass(frozen=True)
class Corpus:
    """Everything loaded from a data directory, validated field by field."""

    documents: dict[str, Document]
    issuers: dict[str, Issuer]
    named_sources: dict[str, Source]
    data_dir: str = ""
    regions: dict[str, str] = field(default_factory=dict)  # slug → "Tỉnh Hậu Giang"
    region_today: dict[str, str] = field(default_factory=dict)  # slug → the slug it is part of since a merger

    def relations(self) -> Iterator[Relation]:
        for doc in self.documents.values():
            yield from doc.relations

    def known_issuers(self) -> list[Issuer]:
        """The bodies of issuers.yaml: all but the loader's reserved issuer of drafts."""
        return [issuer for issuer in self.issuers.values() if not issuer.unidentified]
