"""Type codes that stand in document symbols (NQ in 25-NQ/TW, CT in 16/CT-TTg): the one table.

Everything else derives from TYPE_CODES: the codes of each document type and what a code means
(``vocab``), which codes may follow the slash of a State administrative symbol (``symbols``), and
the code alternatives of the citation patterns (``citations.patterns``). A leaf: it imports nothing
of vanban, so that both ``vocab`` and ``symbols`` can read it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Symbol families a code may stand in (symbols re-exports them with its parser).
PARTY = "party"  # NUMBER-CODE/ISSUER: 25-NQ/TW (Hướng dẫn 36-HD/VPTW)
STATE_ADMIN = "state-admin"  # NUMBER/CODE-ISSUER: 16/CT-TTg (Nghị định 30/2020/NĐ-CP, Phụ lục III)
STATE_NORMATIVE = "state-normative"  # NUMBER/YEAR/CODE-ISSUER: 59/2023/NĐ-CP

# Not a code: the type a citation of a law gets, since a law's symbol (10/2022/QH15) carries none.
LAW = "Luật"


@dataclass(frozen=True)
class TypeCode:
    code: str  # as an official symbol writes it
    meaning: str  # the type a reader takes it for
    types: tuple[str, ...]  # keys of vocab.DOC_TYPES it stands for, the usual one first
    families: frozenset[str]  # where it may stand

    @property
    def folded(self) -> str:
        """Lower case without diacritics, as the citation patterns see it ("QĐ" → "qd")."""
        return fold_code(self.code)


def fold_code(code: str) -> str:
    text = unicodedata.normalize("NFD", code.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in text if unicodedata.category(c) != "Mn").lower()


def _row(code: str, meaning: str, types: tuple[str, ...], *families: str) -> TypeCode:
    return TypeCode(code, meaning, types, frozenset(families))


_P, _A, _N = PARTY, STATE_ADMIN, STATE_NORMATIVE

# A document type lists its codes in this order: QĐi comes first for a Quy định, QCPH for a
# Quy chế phối hợp.
TYPE_CODES: tuple[TypeCode, ...] = (
    _row("NQ", "Nghị quyết", ("nghi-quyet",), _P, _A, _N),
    _row("KL", "Kết luận", ("ket-luan",), _P),
    _row("CT", "Chỉ thị", ("chi-thi",), _P, _A, _N),
    _row("QĐi", "Quy định", ("quy-dinh",), _P),
    _row("QĐ", "Quyết định hoặc Quy định", ("quyet-dinh", "quy-dinh"), _P, _A, _N),
    _row("QyĐ", "Quy định", ("quy-dinh",), _P, _A),
    _row("QCPH", "Quy chế phối hợp", ("quy-che-phoi-hop",)),
    _row("QC", "Quy chế", ("quy-che", "quy-che-phoi-hop"), _P, _A),
    _row("PL", "Pháp lệnh", ("phap-lenh",), _N),
    _row("NĐ", "Nghị định", ("nghi-dinh",), _N),
    _row("TT", "Thông tư hoặc Thông tri", ("thong-tu", "thong-tri"), _P, _N),
    _row("TTLT", "Thông tư liên tịch", ("thong-tu-lien-tich",), _N),
    _row("CTr", "Chương trình", ("chuong-trinh",), _P, _A),
    _row("KH", "Kế hoạch", ("ke-hoach",), _P, _A),
    _row("BC", "Báo cáo", ("bao-cao",), _P, _A),
    _row("CV", "Công văn", ("cong-van",), _P),
    _row("HD", "Hướng dẫn", ("huong-dan",), _P, _A),
    _row("TB", "Thông báo", ("thong-bao",), _P, _A),
    _row("TTr", "Tờ trình", ("to-trinh",), _P, _A),
    _row("ĐA", "Đề án", ("de-an",), _P, _A),
    _row("TC", "Thông cáo", (), _A),
    _row("PA", "Phương án", (), _A),
    _row("DA", "Dự án", (), _A),
    _row("BB", "Biên bản", (), _P, _A),
    _row("HĐ", "Hợp đồng", (), _A),
    _row("CĐ", "Công điện", (), _A),
    _row("BGN", "Bản ghi nhớ", (), _A),
    _row("BTT", "Bản thỏa thuận", (), _A),
    _row("GUQ", "Giấy ủy quyền", (), _A),
    _row("GM", "Giấy mời", (), _A),
    _row("GGT", "Giấy giới thiệu", (), _A),
    _row("GNP", "Giấy nghỉ phép", (), _A),
    _row("PG", "Phiếu gửi", (), _A),
    _row("PC", "Phiếu chuyển", (), _A),
    _row("PB", "Phiếu báo", (), _A),
    _row("SY", "Bản sao y", (), _A),
    _row("TrS", "Bản trích sao", (), _A),
    _row("SL", "Bản sao lục", (), _A),
)


def codes_of_type(type_key: str) -> tuple[str, ...]:
    """The codes that may stand in the symbol of a document of this type, usual first."""
    return tuple(c.code for c in TYPE_CODES if type_key in c.types)


def codes_in(family: str) -> frozenset[str]:
    return frozenset(c.code for c in TYPE_CODES if family in c.families)
