"""A draft document from the text of one document: its header and citations read by machine.

Every field the machine read is written with its confidence under `draft.fields`, with the reason
when it is low; a field read too poorly is not guessed but left out and listed as unread. On a
scan, the number and the day are often handwritten and OCR misreads digits ("465" for "155"):
they are always marked for review there. Relations found in the text are suggestions under
`draft.relations`, each with the sentence it came from, never facts of the graph.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .. import vocab
from ..citations import Resolver, TextTooLarge, extract
from ..citations.header import SURE, read_signature_zone
from ..citations.headtypes import Header
from ..citations.relation_hint import no_relation, sentence_of, suggest_relation
from ..model import Corpus, Document
from ..symbols import expected_id, fold, parse_symbol, slug, symbol_key
from .model import Reading

DOUBT = 0.5  # below this a field is not written, only listed as unread (the number always is: it names the draft)
OCR_DIGITS = 0.7  # the number and the day on a scan: possibly handwritten, always reviewed
_OCR_REASON = "đọc bằng OCR: số và ngày trên bản quét có thể viết tay hoặc bị đọc nhầm, đối chiếu bản gốc"
OCR_WORDS = 0.75  # the title and the signer on a scan: OCR misreads letters ("điện tứ", "của:")
_OCR_WORDS_REASON = "đọc bằng OCR: chữ có thể bị đọc nhầm, đối chiếu bản gốc"
# Issuer codes of a symbol that name one central body: "28/2021/NĐ-CP" is the Government's even
# when a cropped page lost the issuer line.
_CENTRAL_CODES = (
    (re.compile(r"(?:^|-)CP$"), "chinh-phu"),
    (re.compile(r"(?:^|-)TTg$"), "thu-tuong"),
    (re.compile(r"^UBTVQH\d{1,2}$"), "ubtvqh"),
    (re.compile(r"^QH\d{1,2}$"), "quoc-hoi"),
)


# Issuer codes of local bodies: only their documents take the region of their place in their id.
_LOCAL = re.compile(r"(?:UBND|HĐND|UB|TU|HU|ĐU|MTTQ|BTT|BDVTU|BTGTU)\b")


@dataclass(frozen=True)
class Suggested:
    """A relation the text suggests: a suggestion with its sentence, not a fact."""

    type: str
    target: str  # an id when the citation resolved, else the citation as written
    cited: str
    sentence: str


@dataclass(frozen=True)
class DraftDoc:
    """One document read from a file, ready to be written as a draft."""

    id: str | None  # None: no number read, the document cannot be drafted
    symbol: str | None
    date: str | None
    title: str | None
    text: str
    yaml: str  # the draft file's whole text
    confidence: dict[str, float] = field(default_factory=dict)  # every machine-read field
    reasons: dict[str, str] = field(default_factory=dict)  # why a field is uncertain
    unread: tuple[str, ...] = ()  # fields the header has but the machine could not read
    relations: tuple[Suggested, ...] = ()

    @property
    def uncertain(self) -> list[str]:
        return [name for name, c in self.confidence.items() if c < SURE]


def draft_document(
    reading: Reading,
    text: str,
    head: Header,
    corpus: Corpus,
    resolver: Resolver,
    today: dt.date,
    original: str | None,
    forwards: str | None = None,
) -> DraftDoc:
    """The draft of one document of a file (head: its header, read_header of text); forwards: the id of a
    document this one sends on."""
    confidence = {name: c for name, c in head.confidence.items() if c > 0}
    reasons = {name: head.reasons[name] for name in head.reasons if name in confidence}
    if reading.ocr:
        cap_ocr(confidence, reasons, head, reading.doubtful)
    issuer = _issuer_of(head, corpus)
    if issuer and not head.issuer:
        confidence["issuer"], reasons["issuer"] = 0.7, "suy ra từ ký hiệu văn bản: đầu trang không có dòng cơ quan"
    if not issuer:
        confidence.pop("issuer", None)  # the block was read, but no key of issuers.yaml names it yet
        reasons.pop("issuer", None)
    kept = {name for name, c in confidence.items() if c >= DOUBT or (name == "symbol" and c > 0)}
    symbol = head.symbol if "symbol" in kept else None
    doc_id = _id_of(head, issuer, corpus, reading.sha256) if symbol else None
    suggested = _relations(text, head, issuer, resolver, corpus, forwards)
    data = _fields(head, kept, issuer)
    data["sources"] = [
        {"site": "tệp gốc do người dùng nhập", "note": f"{reading.path.name}, nhập ngày {today.isoformat()}"}
    ]
    data["draft"] = _draft_block(reading, original, today, head, confidence, reasons, suggested)
    unread = tuple(name for name in ("symbol", "date", "title", "issuer", "signer") if name not in kept)
    return DraftDoc(
        doc_id,
        symbol,
        head.date.iso() if head.date and "date" in kept else None,
        head.title if "title" in kept else None,
        text,
        _with_comment(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), reading, unread),
        confidence,
        {name: reasons.get(name, "đọc không chắc") for name, c in confidence.items() if c < SURE},
        unread,
        tuple(suggested),
    )


def draft_id(head: Header, corpus: Corpus, sha256: str) -> str | None:
    """The id the draft of a document would get, from its header alone (no citations read)."""
    return _id_of(head, _issuer_of(head, corpus), corpus, sha256) if head.symbol else None


def _issuer_of(head: Header, corpus: Corpus) -> str | None:
    """The issuer block read, else the central body the symbol names (a cropped page lost the block)."""
    return head.issuer or _central_issuer(head.symbol, corpus)


def _id_of(head: Header, issuer: str | None, corpus: Corpus, sha256: str) -> str:
    """Symbol, region of a local issuer, year: the project's identity (symbols.expected_id)."""
    symbol = head.symbol or ""
    region = corpus.issuers[issuer].region if issuer and issuer in corpus.issuers else None
    if not region and _LOCAL.search(symbol.rsplit("/", 1)[-1]):
        region = _region_of_place(head.place, corpus)  # a local body not yet in issuers.yaml
    doc_id = expected_id(symbol, head.date.year if head.date else None, region)
    if not symbol[:1].isdigit():
        doc_id = f"{doc_id}-so-chua-ro-{sha256[:8]}"  # "/CT-UBND": the number is to be read by a person
    return doc_id


def mend_signer(head: Header, signature: str) -> None:
    """The signer from the signature zone read again (Reading.signature) when the page's reading has no
    capacity for it: a seal over the capacity lines. Always marked for review."""
    if not signature or (head.signer and head.capacity_lines):
        return
    zone = read_signature_zone(signature)
    if zone.signer and zone.capacity_lines:
        head.signer, head.capacity, head.capacity_lines = zone.signer, zone.capacity, zone.capacity_lines
        head.rate("signer", zone.confidence["signer"], zone.reasons["signer"])


def cap_ocr(
    confidence: dict[str, float], reasons: dict[str, str], head: Header, doubtful: frozenset[str] | None
) -> None:
    """Fields OCR read are never trusted when OCR doubted them: the number and the day (handwriting
    reads with low confidence) at most OCR_DIGITS, the title and the signer at most OCR_WORDS. Without
    the reader's confidence (doubtful is None) every field OCR read is doubted."""
    values = {
        "symbol": head.symbol or "",
        "date": " ".join(_date_words(head)),
        "title": head.title or "",
        "signer": " ".join([head.signer or "", *head.capacity_lines]),
    }
    for name, cap, reason in (
        ("symbol", OCR_DIGITS, _OCR_REASON),
        ("date", OCR_DIGITS, _OCR_REASON),
        ("title", OCR_WORDS, _OCR_WORDS_REASON),
        ("signer", OCR_WORDS, _OCR_WORDS_REASON),
    ):
        if confidence.get(name, 0) > cap and (doubtful is None or _doubted(values[name], doubtful)):
            confidence[name], reasons[name] = cap, reason


def _date_words(head: Header) -> list[str]:
    d = head.date
    if d is None:
        return []
    return [str(d.year), *(f"{n}" for n in (d.month, d.day) if n), *(f"{n:02d}" for n in (d.month, d.day) if n)]


def _doubted(value: str, doubtful: frozenset[str]) -> bool:
    """A word of the value that OCR doubted on a line that belongs to the value (most of its words)."""
    words = _word_set(fold(value))
    for entry in doubtful:
        word, _, line = entry.partition("\t")
        line_words = _word_set(line)
        if (word in words or any(part in words for part in word.replace("/", " ").split())) and (
            len(line_words & words) * 2 >= min(len(line_words), len(words))
        ):
            return True
    return False


def _word_set(text: str) -> set[str]:
    """The words of a folded text, and of each symbol in it also its parts ("28/2021/nd-cp": 28, 2021, nd-cp)."""
    return set(text.replace("/", " ").split()) | set(text.split())


def central_issuer(symbol: str | None) -> str | None:
    """The key of the central body a symbol's issuer code names ("28/2021/NĐ-CP": chinh-phu), if any."""
    if not symbol:
        return None
    code = symbol.rsplit("/", 1)[-1]
    return next((key for pattern, key in _CENTRAL_CODES if pattern.search(code)), None)


def _central_issuer(symbol: str | None, corpus: Corpus) -> str | None:
    key = central_issuer(symbol)
    return key if key in corpus.issuers else None


def _region_of_place(place: str | None, corpus: Corpus) -> str | None:
    """The region of a local document whose issuer is not yet known, when its place names one."""
    if not place:
        return None
    key = slug(place)
    return key if key in corpus.regions else None


def _fields(head: Header, kept: set[str], issuer: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if "symbol" in kept and head.symbol:
        data["symbol"] = head.symbol
    data["type"] = head.type or (_type_of_symbol(head.symbol) if head.symbol else None) or "cong-van"
    if issuer:
        data["issuer"] = issuer
    if "date" in kept and head.date:
        d = head.date  # a whole day as a YAML date; a month or a year alone as its text ("2018-03")
        data["date"] = dt.date(d.year, d.month, d.day) if d.month and d.day else d.iso()
    if "place" in kept and head.place:
        data["place"] = head.place
    if "title" in kept and head.title:
        data["title"] = head.title
    if "signer" in kept and (head.signer or head.capacity):
        data["signer"] = {k: v for k, v in (("name", head.signer), ("capacity", head.capacity)) if v}
    return data


def _type_of_symbol(symbol: str) -> str | None:
    code = parse_symbol(symbol).type_code
    return vocab.TYPE_OF_CODE.get(code) if code else None


def _draft_block(
    reading: Reading,
    original: str | None,
    today: dt.date,
    head: Header,
    confidence: dict[str, float],
    reasons: dict[str, str],
    suggested: list[Suggested],
) -> dict[str, Any]:
    block: dict[str, Any] = {"reader": reading.reader, "file": reading.path.name}
    if original:
        block["original"] = original
    block["sha256"] = reading.sha256
    block["ingested"] = today
    if head.issuer_lines:
        block["issuer_text"] = " / ".join(head.issuer_lines)
    fields: dict[str, Any] = {}
    for name, c in sorted(confidence.items()):
        entry: dict[str, Any] = {"confidence": round(c, 2)}
        if c < SURE:
            entry["reason"] = reasons.get(name, "đọc không chắc")
        fields[name] = entry
    block["fields"] = fields
    if suggested:
        block["relations"] = [
            {"type": s.type, "target": s.target, "cited": s.cited, "sentence": s.sentence} for s in suggested
        ]
    return block


def _relations(
    text: str, head: Header, issuer: str | None, resolver: Resolver, corpus: Corpus, forwards: str | None
) -> list[Suggested]:
    citing = Document(
        id="", symbol=head.symbol or "", type=head.type or "cong-van", issuer=issuer or "", date=head.date
    )
    own = symbol_key(head.symbol) if head.symbol else None
    out: list[Suggested] = []
    seen: set[str] = set()
    try:
        citations = extract(text, resolver, citing)
    except TextTooLarge:  # above what the citation reader takes: the draft goes without suggestions
        citations = []
    for c in citations:
        target = corpus.documents.get(c.resolved) if c.resolved else None
        if own and own in {symbol_key(c.symbol or ""), symbol_key(target.symbol if target else "")}:
            continue  # the document's own number
        if no_relation(text, c) or not c.relation:
            continue
        cited = " ".join(c.text.split())
        key = target.id if target else cited
        if key in seen:
            continue
        seen.add(key)
        kind = suggest_relation(text, c, head.type) if target else c.relation
        out.append(Suggested(kind, key, cited, sentence_of(text, c.start, c.end)))
    if forwards and forwards not in seen:
        out.append(Suggested("chuyen", forwards, forwards, "tệp gốc chứa văn bản này, rồi văn bản được chuyển kèm"))
    return out


def _with_comment(body: str, reading: Reading, unread: tuple[str, ...]) -> str:
    """The draft's guidance as comments inside its `draft:` block, so that they leave with it on review."""
    comment = "".join(f"  {line}\n" for line in _header_comment(reading, unread).splitlines())
    return body.replace("\ndraft:\n", f"\ndraft:\n{comment}", 1)


def _header_comment(reading: Reading, unread: tuple[str, ...]) -> str:
    lines = [
        "# Bản nháp do `vanban ingest` đọc bằng máy. Xem lại từng trường, sửa nếu sai, rồi chạy",
        "# `vanban accept <id>` (hoặc xóa khối draft) khi đã xem xét xong.",
    ]
    if unread:
        lines.append(
            f"# Chưa đọc được: {', '.join(unread)}: điền tay theo bản gốc (issuer: một khóa của data/issuers.yaml)."
        )
    lines += [f"# Lưu ý khi đọc tệp: {note}" for note in reading.notes]
    return "\n".join(" ".join(line.split()) if i > 1 else line for i, line in enumerate(lines)) + "\n"
