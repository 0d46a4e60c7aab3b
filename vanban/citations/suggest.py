"""A draft YAML for a new document from its text, for a person to review."""

from __future__ import annotations

import yaml

from ..model import Corpus, Document
from ..symbols import expected_id, symbol_key
from . import Resolver, extract
from .header import SURE, read_header
from .headtypes import Header
from .relation_hint import no_relation, sentence_of, suggest_relation

REVIEW = "  # kiểm tra"
DOUBT = 0.4  # below this a field is left as a comment for the person to fill, not guessed
VERIFIABLE = ("date", "place", "issuer", "title", "signer", "type")


def _value(value: str) -> str:
    return (
        yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000)
        .strip()
        .removesuffix("\n...")
        .removesuffix("...")
        .strip()
    )


def _comment(text: str) -> str:
    """Text safe inside a YAML comment: one line."""
    return " ".join(text.split())


def draft_yaml(text: str, corpus: Corpus) -> tuple[str, str | None]:
    """(YAML text, suggested id). Fields the text does not give are left as comments."""
    head = read_header(text, corpus)
    issuer = corpus.issuers.get(head.issuer) if head.issuer else None
    doc_id = (
        expected_id(head.symbol, head.date.year if head.date else None, issuer.region if issuer else None)
        if head.symbol
        else None
    )
    lines = ["# Bản nháp do `build_graph.py suggest` tạo từ toàn văn. Kiểm tra từng dòng trước khi lưu"]
    lines.append(f"# thành data/documents/{doc_id or '<id>'}.yaml, rồi chạy `build_graph.py check`.")
    lines += [f"# Lưu ý: {note}" for note in head.notes]

    unverified: list[str] = []

    def mark(name: str) -> str:
        """The review comment of a field read with low confidence, and the field listed as unverified."""
        confidence = head.confidence.get(name, 1.0)
        if confidence >= SURE:
            return ""
        if name in VERIFIABLE and name not in unverified:
            unverified.append(name)
        return f"  # cần xem lại: {_comment(head.reasons.get(name, 'đọc không chắc'))}"

    def field(name: str, value: str | None, note: str = "", key: str = "") -> None:
        key = key or name
        confidence = head.confidence.get(key, 1.0)
        if value and 0 < confidence < DOUBT:
            reason = _comment(head.reasons.get(key, "đọc không chắc"))
            lines.append(f"# {name}: {_value(value)}  # chưa chắc ({reason}): sửa rồi bỏ dấu # nếu đúng")
        elif value:
            lines.append(f"{name}: {_value(value)}{mark(key) or note}")
        else:
            lines.append(f"# {name}:{note or '  # chưa đọc được'}")

    field("symbol", head.symbol)
    field("type", head.type, REVIEW)
    issuer_note = f"  # đầu văn bản ghi: {_comment(' / '.join(head.issuer_lines) or '?')}"
    if head.issuer:
        field("issuer", head.issuer)
    else:
        lines.append(f"# issuer:{issuer_note}; điền khóa trong data/issuers.yaml (cơ quan địa phương: thêm địa phương)")
    if head.date:
        lines.append(f"date: {head.date.iso()}{mark('date')}")
    else:
        lines.append("# date:  # chưa đọc được")
    field("place", head.place)
    field("title", head.title, REVIEW)
    if head.signer or head.capacity:
        note = mark("signer")
        lines.append(f"signer:{note}")
        lines.append(f"  name: {_value(head.signer)}" if head.signer else "  # name:  # chưa đọc được")
        lines.append(f"  capacity: {_value(head.capacity)}" if head.capacity else "  # capacity:  # chưa đọc được")
    if unverified:  # a comment: the person decides whether the fields stay marked once checked
        lines.append(f"# unverified: [{', '.join(unverified)}]  # bỏ dấu # nếu chưa kiểm tra được các trường này")
    lines.append("sources:  # nơi lấy văn bản này")
    lines.append("  - site: ")
    lines += _relations(text, corpus, head)
    return "\n".join(lines) + "\n", doc_id


def _relations(text: str, corpus: Corpus, head: Header) -> list[str]:
    # The draft itself is the citing document: its date bounds what it can cite, its issuer's
    # region tells which 79-CT/TU it means.
    draft = Document(
        id="", symbol=head.symbol or "", type=head.type or "cong-van", issuer=head.issuer or "", date=head.date
    )
    citations = extract(text, Resolver(corpus), draft)
    own = symbol_key(head.symbol) if head.symbol else None
    seen: set[str] = set()
    out: list[str] = []
    for c in citations:
        quote = _comment(c.text)
        target = corpus.documents[c.resolved] if c.resolved else None
        if own and own in {symbol_key(c.symbol or ""), symbol_key(target.symbol if target else "")}:
            continue  # the document's own number ("ban hành kèm theo Quyết định số …" in its annex)
        why_not = no_relation(text, c)
        if why_not:
            if c.nested_in is None:
                out.append(f"  # «{quote}»: không đề xuất quan hệ ({why_not})")
            continue
        if c.date_problem:
            out.append(f"  # «{quote}»: văn bản ghi ngày {c.date_problem}, một ngày không có thật")
        if target and c.date_mismatch and c.date is not None:
            out.append(
                f"  # «{quote}»: văn bản ghi ngày {c.date.vietnamese()}, khác ngày của {target.symbol} "
                f"({target.date.vietnamese() if target.date else 'chưa rõ'})"
            )
        if target and target.id not in seen:
            seen.add(target.id)
            out.append(f"  - type: {suggest_relation(text, c, head.type)}  # «{quote}»")
            out.append(f"    target: {target.id}")
            out.append(f"    note: {_value('Câu trích: ' + sentence_of(text, c.start, c.end))}")
            out.append("    unverified: true  # đề xuất từ câu trích; bỏ dòng này khi đã kiểm tra")
        elif not target:
            why = "có thể là " + ", ".join(c.candidates) if c.candidates else "chưa có trong cơ sở tri thức"
            out.append(f"  # «{quote}»: {why}; câu: {_comment(sentence_of(text, c.start, c.end))}")
    return ["relations:", *out] if any(x.startswith("  - ") for x in out) else ["# relations:", *out]
