"""A draft YAML for a new document from its text, for a person to review."""

from __future__ import annotations

import yaml

from ..model import Corpus, Document
from ..symbols import expected_id
from . import Resolver, extract
from .header import Header, read_header
from .relation_hint import suggest_relation

REVIEW = "  # kiểm tra"


def _value(value: str) -> str:
    return (
        yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000)
        .strip()
        .removesuffix("\n...")
        .removesuffix("...")
        .strip()
    )


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

    def field(name: str, value: str | None, note: str = "") -> None:
        lines.append(f"{name}: {_value(value)}{note}" if value else f"# {name}:{note or '  # chưa đọc được'}")

    field("symbol", head.symbol)
    field("type", head.type, REVIEW)
    field(
        "issuer",
        head.issuer,
        ""
        if head.issuer
        else f"  # đầu văn bản ghi: {head.issuer_text or '?'}; id cần thêm địa phương nếu là cơ quan địa phương",
    )
    lines.append(f"date: {head.date.iso()}" if head.date else "# date:  # chưa đọc được")
    field("place", head.place)
    field("title", head.title, REVIEW)
    if head.signer or head.capacity:
        lines.append("signer:")
        lines.append(f"  name: {_value(head.signer)}" if head.signer else "  # name:")
        lines.append(f"  capacity: {_value(head.capacity)}" if head.capacity else "  # capacity:")
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
    seen: set[str] = set()
    out: list[str] = []
    for c in citations:
        if c.nested_in is not None:
            continue
        quote = " ".join(c.text.split())
        if c.date_problem:
            out.append(f"  # «{quote}»: văn bản ghi ngày {c.date_problem}, một ngày không có thật")
        if c.resolved and c.date_mismatch and c.date is not None:
            doc = corpus.documents[c.resolved]
            out.append(
                f"  # «{quote}»: văn bản ghi ngày {c.date.vietnamese()}, khác ngày của {doc.symbol} "
                f"({doc.date.vietnamese() if doc.date else 'chưa rõ'})"
            )
        if c.resolved and c.resolved not in seen:
            seen.add(c.resolved)
            doc = corpus.documents[c.resolved]
            out.append(f"  - type: {suggest_relation(text, c, head.type)}  # «{quote}»")
            out.append(f"    target: {doc.id}")
        elif not c.resolved:
            why = "có thể là " + ", ".join(c.candidates) if c.candidates else "chưa có trong cơ sở tri thức"
            out.append(f"  # «{quote}»: {why}")
    return ["relations:", *out] if out else ["# relations: (không tìm thấy trích dẫn nào)"]
