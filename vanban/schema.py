"""The data files' schema as one declarative table.

The same table drives validation (``load``), the field list of the authoring guide (rendered into
the site) and the JSON Schema that editors use to complete and check ``data/documents/*.yaml``
as the user types (``docs/schema/document.schema.json``, printed by ``vanban schema``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from . import vocab
from .symbols import ID_PATTERN

# What a value of each kind is, as the loader accepts it. A "str" may be written as a bare number
# (a term of 2017, a place such as 12): YAML reads those as numbers and the loader keeps the text.
KINDS: dict[str, str] = {
    "str": "một chuỗi",
    "list-str": "một danh sách chuỗi",
    "date": "một ngày",
    "bool": "true hoặc false",
    "map-str": "một mục khóa: chuỗi",
    "mapping": "một mục khóa: giá trị",
    "list-mapping": "một danh sách mục khóa: giá trị",
    "list-source": "một danh sách nguồn",
    "confidence": "một số từ 0 đến 1",
    "map-mapping": "một mục tên: {khóa: giá trị}",
}


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # a key of KINDS
    required: bool = False
    help: str = ""  # Vietnamese, shown in the guide and in editors
    vocabulary: Mapping[str, str] | None = None  # allowed values (or list items) → label
    vocab_code: str = ""  # the problem code of a value outside the vocabulary
    fields: tuple[Field, ...] = ()  # the fields of a mapping, or of each item of a list of mappings
    unless: str = ""  # a required field that may be left out when this other field is there


# Ids (file names) and keys (issuers, regions, sources) name pages and files: lower-case ASCII
# letters, digits and single hyphens, short enough for a file name, and not a page of the site's own.
MAX_KEY = 100
RESERVED_KEYS = frozenset({"index"})
# The issuer of a draft whose header names no body of issuers.yaml: the loader provides it (name
# UNKNOWN_ISSUER_NAME, level and system vocab.UNKNOWN); issuers.yaml may not use the key.
UNKNOWN_ISSUER = "chua-xac-dinh"
UNKNOWN_ISSUER_NAME = "Cơ quan ban hành chưa xác định"


def key_problem(key: str) -> str:
    """Why key cannot be an id or a key, in Vietnamese; "" when it can."""
    if not ID_PATTERN.match(key):
        return "chỉ dùng chữ thường không dấu, số và '-' (không bắt đầu hay kết thúc bằng '-')"
    if len(key) > MAX_KEY:
        return f"dài quá {MAX_KEY} ký tự"
    if key in RESERVED_KEYS:
        return f"'{key}' là tên dành riêng của trang web"
    return ""


# Fields whose values may be listed under `unverified:`.
VERIFIABLE: dict[str, str] = {
    name: name
    for name in ("date", "title", "signer", "issuer", "term", "effective", "ceased", "status", "place", "type")
}

SIGNER = (
    Field("name", "str", help="họ tên người ký, đúng như văn bản ghi"),
    Field("capacity", "str", help='chức vụ khi ký, ví dụ "KT. Chủ tịch, Phó Chủ tịch"'),
)

SOURCE = (
    Field("site", "str", True, "trang hoặc nơi giữ văn bản: tinhuyhaugiang.org.vn"),
    Field("path", "str", help="đường dẫn của trang trên site đó: /tin-tuc/ke-hoach-123.html"),
    Field("date", "date", help="ngày đăng của bài báo hay trang cổng thông tin, nếu trang ghi"),
    Field("quote", "str", help="nguyên văn câu của nguồn nêu thông tin (số, ngày, quan hệ)"),
    Field("note", "str", help="ghi chú: trang nói gì"),
)

CONFLICT = (
    Field("field", "str", True, "trường mà các nguồn ghi khác nhau", VERIFIABLE, "unknown-field"),
    Field("note", "str", True, "mỗi nguồn ghi gì: «03/6/2013 (baomoi.com); 30/6/2013 (…)»"),
)


FIGURE = (
    Field("label", "str", True, "điều được đếm hay đo: mô hình «Dân vận khéo» được công nhận"),
    Field("value", "str", True, "con số đúng như văn bản ghi: 196; 02 đợt mỗi năm; khoảng 30%"),
    Field(
        "quote",
        "str",
        True,
        "câu nêu con số, nguyên văn, trong toàn văn (data/texts) hay trong câu trích của một nguồn",
    ),
    Field("place", "str", help="vị trí trong văn bản: Mục I.2"),
)


def _relation_type(help_text: str) -> Field:
    """The `type` of a relation or of a suggested one: a key of vocab.RELATION_TYPES."""
    return Field(
        "type", "str", True, help_text, {k: r.label for k, r in vocab.RELATION_TYPES.items()}, "unknown-relation"
    )


RELATION = (
    _relation_type("loại quan hệ, nhìn từ văn bản này"),
    Field("target", "str", True, "id của văn bản kia: 25-nq-tw-2013"),
    Field("note", "str", help="ghi chú về quan hệ"),
    Field("place", "str", help="vị trí trong văn bản này: Mở đầu, Mục II.1"),
    Field("unverified", "bool", help="true nếu quan hệ chưa được nguồn xác nhận"),
    Field("sources", "list-source", help="nguồn nêu quan hệ này, nếu khác nguồn của văn bản", fields=SOURCE),
)

FIELD_MARK = (
    Field("confidence", "confidence", True, "độ tin cậy khi máy đọc, từ 0 đến 1; dưới 0,8 là cần xem lại"),
    Field("reason", "str", help="vì sao chưa chắc"),
)

SUGGESTION = (
    _relation_type("loại quan hệ gợi ý, nhìn từ văn bản này"),
    Field("cited", "str", True, "trích dẫn đúng như văn bản ghi: Nghị quyết số 25-NQ/TW"),
    Field("target", "str", help="id của văn bản được trích dẫn khi đã xác định được"),
    Field("sentence", "str", help="câu chứa trích dẫn"),
)

# The fields of a document, but for `draft` (below): the names draft.fields may mark.
_DOCUMENT: tuple[Field, ...] = (
    Field("symbol", "str", True, "số, ký hiệu đúng như văn bản ghi: 25-NQ/TW, 1185/UBND-TH, 10/2022/QH15"),
    Field(
        "type",
        "str",
        True,
        "loại văn bản",
        {k: t.label for k, t in vocab.DOC_TYPES.items()},
        "unknown-type",
    ),
    Field(
        "issuer",
        "str",
        True,
        "khóa của cơ quan ban hành trong data/issuers.yaml; bản nháp (có draft) được để trống khi chưa xác định",
        unless="draft",
    ),
    Field("co_issuers", "list-str", help="các cơ quan cùng ban hành (văn bản liên tịch, quy chế phối hợp)"),
    Field("date", "date", help="ngày ban hành: 2013-06-03; chỉ biết tháng: 2018-05; chỉ biết năm: 2018"),
    Field("date_note", "str", help='ghi chú về ngày khi chưa rõ, ví dụ "sau ngày 03/6/2013"'),
    Field("term", "str", help="khóa, bằng số La Mã: XI"),
    Field("title", "str", help="trích yếu"),
    Field("place", "str", help="nơi ban hành: Vị Thanh"),
    Field("signer", "mapping", help="người ký: name và capacity", fields=SIGNER),
    Field("effective", "date", help="ngày có hiệu lực"),
    Field("ceased", "date", help="ngày hết hiệu lực"),
    Field("status", "str", help="tình trạng hiệu lực", vocabulary=vocab.STATUSES, vocab_code="unknown-status"),
    Field(
        "aliases", "list-str", help='tên gọi mà văn bản khác dùng: "Nghị quyết Trung ương 7 khóa XI", "Pháp lệnh 34"'
    ),
    Field("topics", "list-str", help="chủ đề"),
    Field(
        "sources",
        "list-source",
        True,
        "nguồn của các thông tin: một khóa trong data/sources.yaml (seed), hoặc site: kèm path:, note:",
        fields=SOURCE,
    ),
    Field("relations", "list-mapping", help="quan hệ với văn bản khác, ghi trên văn bản tác động", fields=RELATION),
    Field(
        "unverified",
        "list-str",
        help="các trường chưa xác minh; trang web đánh dấu rõ",
        vocabulary=VERIFIABLE,
        vocab_code="unknown-field",
    ),
    Field("known_from_citation", "bool", help="true nếu văn bản chỉ biết qua trích dẫn trong văn bản khác"),
    Field(
        "conflicts",
        "list-mapping",
        help="các nguồn ghi khác nhau (hai ngày, hai trích yếu): ghi cả hai cùng nguồn, không tự chọn",
        fields=CONFLICT,
    ),
    Field(
        "figures",
        "list-mapping",
        help="số liệu văn bản nêu (báo cáo sơ kết, tổng kết): mỗi số kèm câu nguyên văn nêu nó",
        fields=FIGURE,
    ),
    Field("notes", "list-str", help="ghi chú hiển thị trên trang"),
    Field("key_points", "list-str", help="nội dung chính, cho tài liệu học tập (chỉ ghi điều có nguồn)"),
    Field("questions", "list-str", help="câu hỏi thảo luận, cho tài liệu học tập"),
    Field("acknowledged", "map-str", help='cảnh báo đã xem xét, kèm lý do: symbol-type-mismatch: "…"'),
)

DRAFT = (
    Field("reader", "str", True, 'cách máy đọc chữ: "lớp chữ của PDF (pdftotext)", "OCR (tesseract, tiếng Việt)"'),
    Field("file", "str", help="tên tệp người dùng đưa vào"),
    Field("original", "str", help="tên tệp bản gốc trong data/originals/: <id>.pdf"),
    Field("sha256", "str", help="mã băm SHA-256 của bản gốc"),
    Field("ingested", "date", help="ngày nhập"),
    Field("issuer_text", "str", help="khối cơ quan ban hành đúng như in: ỦY BAN NHÂN DÂN / TỈNH QUẢNG NGÃI"),
    Field(
        "fields",
        "map-mapping",
        help="mỗi trường máy đọc, với confidence (0–1) và reason",
        vocabulary={f.name: f.help for f in _DOCUMENT},
        vocab_code="unknown-field",
        fields=FIELD_MARK,
    ),
    Field(
        "relations",
        "list-mapping",
        help="quan hệ gợi ý từ toàn văn: chỉ là gợi ý, chưa phải dữ kiện",
        fields=SUGGESTION,
    ),
)

DOCUMENT: tuple[Field, ...] = (
    *_DOCUMENT,
    Field(
        "original",
        "str",
        help="tên tệp bản gốc trong data/originals/ (như draft.original; `vanban accept ID` chép nó ra đây): <id>.pdf",
    ),
    Field(
        "draft",
        "mapping",
        help="bản nháp do máy nhập, chưa được xem xét; xóa cả khối (hoặc `vanban accept ID`) khi đã xem xét",
        fields=DRAFT,
    ),
)

CHANGE = (
    Field("text", "str", True, "cơ quan đã thành gì: sáp nhập, đổi tên"),
    Field("date", "date", help="ngày thay đổi"),
    Field("date_unverified", "bool", help="true nếu ngày chưa xác minh"),
    Field("source", "str", help="nguồn của thông tin"),
)

ISSUER = (
    Field("name", "str", True, "tên đầy đủ của cơ quan"),
    Field("short", "str", help="tên ngắn"),
    Field("level", "str", True, "cấp", vocab.LEVELS, "unknown-level"),
    Field("system", "str", True, "hệ thống", vocab.SYSTEMS, "unknown-system"),
    Field("parent", "str", help="khóa của cơ quan cấp trên"),
    Field("region", "str", help="địa phương (khóa trong data/regions.yaml) của cơ quan địa phương"),
    Field("became", "mapping", help="cơ quan đã thành gì, có ngày và nguồn", fields=CHANGE),
)

REGION = (
    Field("name", "str", True, "tên: Tỉnh Hậu Giang"),
    Field("today", "str", help="khóa của tỉnh, thành phố mà nơi này thuộc về sau khi sáp nhập (từ 1/7/2025): can-tho"),
    Field("source", "str", help="văn bản sáp nhập: Nghị quyết 202/2025/QH15"),
)

NAMED_SOURCE = (
    Field("title", "str", True, "tên nguồn"),
    Field("note", "str", help="ghi chú"),
)


def required(fields: tuple[Field, ...]) -> list[str]:
    return [f.name for f in fields if f.required]


# Names of original files: an id and one of these suffixes (lower-case), directly in data/originals/.
ORIGINAL_SUFFIXES = (".pdf", ".doc", ".docx", ".rtf", ".odt", ".txt", ".jpg", ".jpeg", ".png", ".tif", ".tiff")


def original_problem(name: str) -> str:
    """Why name cannot be the name of an original file, in Vietnamese; "" when it can."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or f".{suffix}" not in ORIGINAL_SUFFIXES:
        return "đuôi tệp phải là một trong " + ", ".join(ORIGINAL_SUFFIXES) + " (chữ thường)"
    if why := key_problem(stem):
        return f"phần tên trước đuôi tệp phải là một id: {why}"
    return ""


# -- JSON Schema, for editors ------------------------------------------------------------------

_DATE_PATTERN = r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$"


def _json_type(f: Field) -> dict[str, object]:
    if f.kind == "str":
        out: dict[str, object] = {"type": ["string", "number"]}
        if f.vocabulary is not None:
            out = {"type": "string", "enum": list(f.vocabulary)}
        return out
    if f.kind == "date":
        return {"type": ["string", "integer"], "pattern": _DATE_PATTERN}
    if f.kind == "bool":
        return {"type": "boolean"}
    if f.kind == "list-str":
        item: dict[str, object] = {"type": ["string", "number"]}
        if f.vocabulary is not None:
            item = {"type": "string", "enum": list(f.vocabulary)}
        return {"anyOf": [{"type": "array", "items": item}, item]}
    if f.kind == "map-str":
        return {"type": "object", "additionalProperties": {"type": "string"}}
    if f.kind == "mapping":
        return _object(f.fields)
    if f.kind == "list-mapping":
        return {"type": "array", "items": _object(f.fields)}
    if f.kind == "list-source":
        return {"type": "array", "items": {"anyOf": [{"type": "string"}, _object(f.fields)]}}
    if f.kind == "confidence":
        return {"type": "number", "minimum": 0, "maximum": 1}
    if f.kind == "map-mapping":
        out = {"type": "object", "additionalProperties": _object(f.fields)}
        if f.vocabulary is not None:
            out["propertyNames"] = {"enum": list(f.vocabulary)}
        return out
    raise AssertionError(f.kind)


def _object(fields: tuple[Field, ...]) -> dict[str, object]:
    props = {}
    for f in fields:
        prop = _json_type(f)
        prop["description"] = f.help
        props[f.name] = prop
    out: dict[str, object] = {"type": "object", "properties": props, "additionalProperties": False}
    always = [f.name for f in fields if f.required and not f.unless]
    if always:
        out["required"] = always
    unless = [{"anyOf": [{"required": [f.name]}, {"required": [f.unless]}]} for f in fields if f.required and f.unless]
    if unless:
        out["allOf"] = unless
    return out


def document_json_schema() -> dict[str, object]:
    """JSON Schema (draft 2020-12) of one file of data/documents/."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "vanban-document.schema.json",
        "title": "Văn bản trong cơ sở tri thức vanban",
        **_object(DOCUMENT),
    }


def document_json_schema_text() -> str:
    return json.dumps(document_json_schema(), ensure_ascii=False, indent=2) + "\n"


# -- The authoring guide's tables ----------------------------------------------------------------

FIELDS_MARKER = "<!-- vanban:fields -->"
RELATIONS_MARKER = "<!-- vanban:relations -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def fields_table() -> str:
    """The field list of the guide, in Markdown (hand-written help, so no data goes into it)."""
    rows = ["| trường | bắt buộc | nội dung |", "|---|---|---|"]
    for f in DOCUMENT:
        help_text = f.help
        if f.vocabulary is not None:
            help_text += ": " + ", ".join(f"`{k}`" for k in f.vocabulary)
        if f.fields:
            help_text += " (" + ", ".join(f"`{sub.name}`" + ("*" if sub.required else "") for sub in f.fields) + ")"
        needed = (f"có, trừ khi có `{f.unless}`" if f.unless else "có") if f.required else ""
        rows.append(f"| `{f.name}` | {needed} | {_cell(help_text)} |")
    rows.append("")
    rows.append("Trường có dấu * bên trong là bắt buộc khi có mục đó.")
    return "\n".join(rows) + "\n"


def relations_table() -> str:
    rows = ["| `type` | văn bản này … | văn bản kia … |", "|---|---|---|"]
    for key, r in vocab.RELATION_TYPES.items():
        rows.append(f"| `{key}` | {r.label.lower()} | {r.inverse_label.lower()} |")
    return "\n".join(rows) + "\n"


def render_guide(text: str) -> str:
    """The hand-written guide with its generated tables put in at the markers."""
    return text.replace(FIELDS_MARKER, fields_table()).replace(RELATIONS_MARKER, relations_table())
