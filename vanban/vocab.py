"""Controlled vocabularies: document types, relation types, issuer levels, statuses.

Keys are ASCII (they appear in YAML and URLs); labels are Vietnamese (they appear on pages).
"""

from __future__ import annotations

from dataclasses import dataclass

from .typecodes import LAW, TYPE_CODES, codes_of_type


@dataclass(frozen=True)
class DocType:
    key: str
    label: str
    codes: tuple[str, ...]  # type codes that may stand in a symbol for this type


@dataclass(frozen=True)
class RelationType:
    key: str
    label: str  # as seen from the acting document
    inverse_label: str  # as seen from the target document
    implements: bool  # part of the implementation tree (implementers / sources)
    chronological: bool  # the target cannot be dated after the acting document
    acyclic: bool  # replacement-like: a cycle is an error


# Each type with the codes that may stand in its symbol (typecodes.TYPE_CODES is their one table).
DOC_TYPES: dict[str, DocType] = {
    key: DocType(key, label, codes_of_type(key))
    for key, label in [
        ("nghi-quyet", "Nghị quyết"),
        ("ket-luan", "Kết luận"),
        ("chi-thi", "Chỉ thị"),
        ("quyet-dinh", "Quyết định"),
        ("quy-dinh", "Quy định"),
        ("quy-che", "Quy chế"),
        ("quy-che-phoi-hop", "Quy chế phối hợp"),
        ("luat", "Luật"),
        ("phap-lenh", "Pháp lệnh"),
        ("nghi-dinh", "Nghị định"),
        ("thong-tu", "Thông tư"),
        ("thong-tu-lien-tich", "Thông tư liên tịch"),
        ("chuong-trinh", "Chương trình hành động"),
        ("ke-hoach", "Kế hoạch"),
        ("bao-cao", "Báo cáo"),
        ("cong-van", "Công văn"),
        ("huong-dan", "Hướng dẫn"),
        ("thong-bao", "Thông báo"),
        ("thong-tri", "Thông tri"),
        ("to-trinh", "Tờ trình"),
        ("de-an", "Đề án"),
    ]
}

# Every type code a symbol may carry, with the type a reader would take it for.
CODE_MEANING: dict[str, str] = {c.code: c.meaning for c in TYPE_CODES}

# The document type a code (or a law's citation, typecodes.LAW) names when nothing else tells.
TYPE_OF_CODE: dict[str, str] = {c.code: c.types[0] for c in TYPE_CODES if c.types} | {LAW: "luat"}

# Types of the documents that central bodies lay policy down in: they get study packs.
POLICY_TYPES = frozenset(
    {"nghi-quyet", "ket-luan", "chi-thi", "quyet-dinh", "quy-dinh", "luat", "phap-lenh", "nghi-dinh"}
)

RELATION_TYPES: dict[str, RelationType] = {
    r.key: r
    for r in [
        RelationType("can-cu", "Căn cứ", "Là căn cứ ban hành của", False, True, False),
        RelationType("thuc-hien", "Thực hiện, triển khai", "Được thực hiện, triển khai bởi", True, True, False),
        RelationType(
            "tiep-tuc-thuc-hien",
            "Tiếp tục thực hiện, kế thừa",
            "Được tiếp tục thực hiện, kế thừa bởi",
            True,
            True,
            False,
        ),
        RelationType(
            "huong-dan", "Hướng dẫn, quy định chi tiết", "Được hướng dẫn, quy định chi tiết bởi", True, True, False
        ),
        RelationType(
            "bao-cao-ket-qua", "Báo cáo kết quả thực hiện", "Được báo cáo kết quả thực hiện tại", True, True, False
        ),
        RelationType("tra-loi", "Trả lời, theo yêu cầu của", "Được trả lời bởi", False, True, False),
        RelationType("chuyen", "Chuyển, đính kèm", "Được chuyển, đính kèm bởi", True, True, False),
        RelationType("dan-chieu", "Dẫn chiếu", "Được dẫn chiếu bởi", False, True, False),
        RelationType("sua-doi-bo-sung", "Sửa đổi, bổ sung", "Được sửa đổi, bổ sung bởi", False, True, True),
        RelationType("thay-the", "Thay thế", "Được thay thế bởi", False, True, True),
        RelationType("bai-bo", "Bãi bỏ", "Bị bãi bỏ bởi", False, True, True),
        RelationType("kien-nghi", "Kiến nghị về", "Được kiến nghị tại", False, False, False),
    ]
}

IMPLEMENTING = frozenset(k for k, r in RELATION_TYPES.items() if r.implements)
# "Sources" of a document: what it carries out, plus what it is based on.
UPWARD = IMPLEMENTING | {"can-cu"}
REPLACING = frozenset({"thay-the", "bai-bo"})

CENTRAL = "trung-uong"  # the level of central bodies; rules.is_central says which documents are
LEVELS: dict[str, str] = {
    CENTRAL: "Trung ương",
    "tinh": "Tỉnh, thành phố",
    "huyen": "Huyện, quận",
    "xa": "Xã, phường",
}

SYSTEMS: dict[str, str] = {
    "dang": "Đảng",
    "nha-nuoc": "Nhà nước",
    "mat-tran": "Mặt trận và đoàn thể",
}

# The level and system of the issuer of a draft whose header names no body of issuers.yaml (the
# loader's reserved issuer, schema.UNKNOWN_ISSUER). Not a value issuers.yaml may use: pages and
# graphs say "chưa rõ" rather than guess a level.
UNKNOWN = "chua-ro"
LEVEL_LABELS: dict[str, str] = {**LEVELS, UNKNOWN: "Chưa rõ cấp"}
SYSTEM_LABELS: dict[str, str] = {**SYSTEMS, UNKNOWN: "Chưa rõ hệ thống"}

STATUSES: dict[str, str] = {
    "con-hieu-luc": "Còn hiệu lực",
    "het-hieu-luc-mot-phan": "Hết hiệu lực một phần",
    "het-hieu-luc": "Hết hiệu lực toàn bộ",
    "ngung-hieu-luc": "Ngưng hiệu lực",
    "chua-co-hieu-luc": "Chưa có hiệu lực",
}
CEASED_STATUSES = frozenset({"het-hieu-luc", "ngung-hieu-luc"})

# The European Legislation Identifier term for each relation, where one fits (shared/reference/
# relations.md); exports keep the Vietnamese relation beside it. "applies" is ELI's word for a
# local act that puts a higher act into practice; a replacing act repeals the one it replaces.
ELI = {
    "can-cu": "based_on",
    "thuc-hien": "applies",
    "tiep-tuc-thuc-hien": "related_to",
    "huong-dan": "applies",
    "bao-cao-ket-qua": "related_to",
    "tra-loi": "related_to",
    "chuyen": "related_to",
    "dan-chieu": "cites",
    "sua-doi-bo-sung": "amends",
    "thay-the": "repeals",
    "bai-bo": "repeals",
    "kien-nghi": "related_to",
}


# A CSV cell that starts with one of these is a formula to a spreadsheet (CSV injection:
# `=HYPERLINK(…)`, `@SUM(…)`); a leading apostrophe makes it text, as spreadsheet tools expect.
# Here so that both writers of CSV (export and site.packs, which may not import each other) share it.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: str) -> str:
    """A text value as a CSV cell that no spreadsheet runs as a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value
