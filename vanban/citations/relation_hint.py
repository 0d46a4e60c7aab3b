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
    """The relation to propose: the one extract read (relations.py, the one home of the rule),
    refined by the verb nearest before the citation; "dan-chieu" when extract read none."""
    verb = verb_relation(text, citation, citing_type)
    relation = citation.relation
    if relation is None:
        return "dan-chieu" if verb in _GOVERNING else verb
    if relation == "thay-the":
        return verb if verb in ("thay-the", "bai-bo") else "thay-the"
    if relation == "thuc-hien":
        return verb if verb in ("thuc-hien", "tra-loi", "bao-cao-ket-qua") else "thuc-hien"
    return relation


# What relations.py decides: suggest_relation does not propose these against it.
_GOVERNING = {"can-cu", "thuc-hien", "tra-loi", "tiep-tuc-thuc-hien", "thay-the", "bai-bo"}


def verb_relation(text: str, citation: Citation, citing_type: str | None = None) -> str:
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


# A sentence ends at its stop (Markdown emphasis may close after it: ";* *Căn cứ …"), at a blank
# line, before a list item, or at a table cell's border.
_SENTENCE_END = re.compile(r"[.;!?](?=[\s*_]|$)|\s\|\s|\n\s{0,40}\n|\n(?=\s{0,10}[-–+•]\s)")
_PROPOSAL = re.compile(r"(?:xet|theo|ve|tai)\s{1,3}de nghi|xet\s{1,3}to trinh")


def sentence_of(text: str, start: int, end: int, limit: int = 300) -> str:
    """The sentence (or list item) a citation stands in, white space collapsed, at most ~2×limit."""
    before = text[max(0, start - limit) : start]
    after = text[end : end + limit]
    cuts = list(_SENTENCE_END.finditer(before))
    head = before[cuts[-1].end() :] if cuts else before
    tail_cut = _SENTENCE_END.search(after)
    tail = after[: tail_cut.start() + 1] if tail_cut else after
    sentence = " ".join((head + text[start:end] + tail).split())
    return sentence.lstrip("-–+•*_ ")


def no_relation(text: str, citation: Citation) -> str:
    """Why a citation proposes no relation ("" when it may): nested in another's title, or the
    Tờ trình a proposal came with ("Xét đề nghị … tại Tờ trình số …")."""
    if citation.nested_in is not None:
        return "nằm trong tên của văn bản được trích dẫn khác"
    clause = _CLAUSE_END.split(fold(text[max(0, citation.start - 400) : citation.start]))[-1]
    if (citation.type == "TTr" or fold(citation.text).startswith("to trinh")) and _PROPOSAL.search(clause):
        return "tờ trình kèm lời đề nghị, không phải căn cứ"
    return ""
