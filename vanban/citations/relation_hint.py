"""Which relation a citation suggests, from the words just before it ("Thực hiện …", "Căn cứ …").

Used for hints: `check` proposes the relation to add, `suggest` drafts relations. A person
confirms; nothing here is written into the data by itself.
"""

from __future__ import annotations

import re

from .find import Citation
from .normalise import fold

# Checked in order against the end of the clause before the citation (folded).
_RULES = [
    (r"dinh kem|kem theo|gui kem", "chuyen"),
    (r"can cu(?: vao)?", "can-cu"),
    (r"bao cao ket qua(?: thuc hien)?|so ket|tong ket", "bao-cao-ket-qua"),
    (r"tiep tuc thuc hien|ke thua", "tiep-tuc-thuc-hien"),
    (r"thay the", "thay-the"),
    (r"bai bo", "bai-bo"),
    (r"sua doi|bo sung", "sua-doi-bo-sung"),
    (r"huong dan|quy dinh chi tiet", "huong-dan"),
    (r"de nghi|kien nghi|xem xet nang", "kien-nghi"),
    (r"thuc hien|trien khai|quan triet|cu the hoa", "thuc-hien"),
]
_CLAUSE_END = re.compile(r"[.;:!?]\s|\n\s*\n")


def suggest_relation(text: str, citation: Citation, citing_type: str | None = None) -> str:
    """The relation named by the verb nearest before the citation, in its clause."""
    before = fold(text[max(0, citation.start - 400) : citation.start])
    clause = _CLAUSE_END.split(before)[-1]
    best, best_at = "dan-chieu", -1
    for pattern, relation in _RULES:
        for m in re.finditer(pattern, clause):
            if m.start() > best_at:
                best, best_at = relation, m.start()
    if best == "thuc-hien" and citation.type == "CV":
        return "tra-loi"  # "Thực hiện Công văn số …" answers a request
    if best == "thuc-hien" and citing_type == "bao-cao":
        return "bao-cao-ket-qua"  # a report that "thực hiện" something reports on carrying it out
    return best
