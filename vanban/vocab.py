"""Controlled vocabularies: document types, relation types, issuer levels, statuses.

Keys are ASCII (they appear in YAML and URLs); labels are Vietnamese (they appear on pages).
"""

from __future__ import annotations

from dataclasses import dataclass


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


DOC_TYPES: dict[str, DocType] = {
    t.key: t
    for t in [
        DocType("nghi-quyet", "Nghị quyết", ("NQ",)),
        DocType("ket-luan", "Kết luận", ("KL",)),
        DocType("chi-thi", "Chỉ thị", ("CT",)),
        DocType("quyet-dinh", "Quyết định", ("QĐ",)),
        DocType("quy-dinh", "Quy định", ("QĐi", "QĐ", "QyĐ")),
        DocType("quy-che", "Quy chế", ("QC",)),
        DocType("quy-che-phoi-hop", "Quy chế phối hợp", ("QCPH", "QC")),
        DocType("luat", "Luật", ()),
        DocType("phap-lenh", "Pháp lệnh", ("PL",)),
        DocType("nghi-dinh", "Nghị định", ("NĐ",)),
        DocType("thong-tu", "Thông tư", ("TT",)),
        DocType("thong-tu-lien-tich", "Thông tư liên tịch", ("TTLT",)),
        DocType("chuong-trinh", "Chương trình hành động", ("CTr",)),
        DocType("ke-hoach", "Kế hoạch", ("KH",)),
        DocType("bao-cao", "Báo cáo", ("BC",)),
        DocType("cong-van", "Công văn", ("CV",)),
        DocType("huong-dan", "Hướng dẫn", ("HD",)),
        DocType("thong-bao", "Thông báo", ("TB",)),
        DocType("thong-tri", "Thông tri", ("TT",)),
        DocType("to-trinh", "Tờ trình", ("TTr",)),
        DocType("de-an", "Đề án", ("ĐA",)),
    ]
}

# Every type code a symbol may carry, with the type a reader would take it for.
CODE_MEANING: dict[str, str] = {
    "NQ": "Nghị quyết",
    "KL": "Kết luận",
    "CT": "Chỉ thị",
    "QĐ": "Quyết định hoặc Quy định",
    "QĐi": "Quy định",
    "QyĐ": "Quy định",
    "QC": "Quy chế",
    "QCPH": "Quy chế phối hợp",
    "PL": "Pháp lệnh",
    "NĐ": "Nghị định",
    "TT": "Thông tư hoặc Thông tri",
    "TTLT": "Thông tư liên tịch",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "BC": "Báo cáo",
    "CV": "Công văn",
    "HD": "Hướng dẫn",
    "TB": "Thông báo",
    "TTr": "Tờ trình",
    "ĐA": "Đề án",
    "TC": "Thông cáo",
    "PA": "Phương án",
    "DA": "Dự án",
    "BB": "Biên bản",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
}

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

LEVELS: dict[str, str] = {
    "trung-uong": "Trung ương",
    "tinh": "Tỉnh, thành phố",
    "huyen": "Huyện, quận",
    "xa": "Xã, phường",
}

SYSTEMS: dict[str, str] = {
    "dang": "Đảng",
    "nha-nuoc": "Nhà nước",
    "mat-tran": "Mặt trận và đoàn thể",
}

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
