"""How the citing text stands to each citation, when the sentence makes it clear.

"Căn cứ …" → can-cu; "Thực hiện …", "Triển khai …", "Để thi hành …" → thuc-hien; "tiếp tục thực
hiện" → tiep-tuc-thuc-hien; "thay thế", "bãi bỏ" → thay-the. None when the sentence does not say:
a citation in another one's title, one mentioned in passing, "Xét đề nghị … tại Tờ trình số …".

The verb is read by relation_hint.suggest_relation (what `check` proposes); here it is kept only
when it governs the citation: it stands right before it (a pointer such as "Điều 4" between is
allowed), or before the list the citation continues ("Căn cứ Luật A …; Luật B …").
"""

from __future__ import annotations

import re
from dataclasses import replace

from .find import Citation
from .normalise import fold
from .relation_hint import suggest_relation

# What suggest_relation names, mapped to the relations extract reports.
_KEPT = {
    "can-cu": "can-cu",
    "thuc-hien": "thuc-hien",
    "tra-loi": "thuc-hien",
    "bao-cao-ket-qua": None,
    "tiep-tuc-thuc-hien": "tiep-tuc-thuc-hien",
    "thay-the": "thay-the",
    "bai-bo": "thay-the",
}
# The verb, then at most a few words before the citation.
_VERB_BEFORE = re.compile(
    r"(?:^|[^a-z])(?P<verb>can cu(?: vao)?|tiep tuc (?:thuc hien|trien khai)|thuc hien|trien khai|"
    r"(?:de )?thi hanh|quan triet|thay the|bai bo)"
    r"(?P<gap>(?: (?:cac|vao|theo|tinh than|noi dung|diem [a-z]|khoan \d{1,3}|dieu \d{1,3}|muc [ivxl0-9.]{1,8}|"
    r"phan [ivxl0-9]{1,5}|chuong [ivxl0-9]{1,5}|cua|va|,|ket luan|chi dao)){0,6}) ?[-:,]? ?$"
)
_NOT_A_RELATION = re.compile(r"(?:xet|theo) de nghi|de nghi cua")
# Between two citations of one list: a date, an issuer, a connector; not a title ("về …").
_LIST_GAP = re.compile(r"[^\"“”]{0,160}")
_TITLE_WORDS = re.compile(
    r"(?:^|[^a-z])(?:ve|quy dinh|huong dan|thi hanh|ban hanh|phe duyet|thanh lap|tai|kem theo|theo|de nghi)(?![a-z])"
)


_ANY_VERB = re.compile(r"can cu|thuc hien|trien khai|thi hanh|quan triet|thay the|bai bo")


def with_relations(
    text: str, citations: list[Citation], citing_type: str | None = None, folded: str | None = None
) -> list[Citation]:
    """Each citation with its relation; folded: fold(text) when the caller has it (same length)."""
    if folded is None or len(folded) != len(text):
        folded = None
    out: list[Citation] = []
    previous: tuple[int, str | None] | None = None  # end and relation of the citation before
    hints: dict[tuple[str, str | None], str] = {}  # suggest_relation reads only these: asked once each
    for c in citations:
        relation = _relation(text, c, citing_type, previous, folded, hints)
        previous = (c.end, relation)
        if relation != c.relation:
            c = Citation(replace(c.mention, relation=relation), c.resolution)
        out.append(c)
    return out


def _relation(
    text: str,
    c: Citation,
    citing_type: str | None,
    previous: tuple[int, str | None] | None,
    folded: str | None,
    hints: dict[tuple[str, str | None], str],
) -> str | None:
    if c.nested_in is not None:
        return None
    window = max(0, c.start - 300)  # a bounded look back: the pass stays linear
    line_start = max(text.rfind("\n\n", window, c.start), text.rfind(". ", window, c.start), window)
    line_start = max(line_start, c.start - 170)
    raw = folded[line_start : c.start] if folded is not None else fold(text[line_start : c.start])
    if _ANY_VERB.search(raw) or "de nghi" in raw:
        before = " ".join(raw.split())
        if _NOT_A_RELATION.search(before[-120:]):
            return None
        if m := _VERB_BEFORE.search(before[-160:]):
            verb = _verb(m["verb"])
            if verb != "thuc-hien":
                return verb
            # "thực hiện" is the vaguest verb: relation_hint tells a report or an answer apart.
            key = (
                folded[max(0, c.start - 400) : c.start]
                if folded is not None
                else text[max(0, c.start - 400) : c.start],
                c.type,
            )
            if (hint := hints.get(key)) is None:
                hint = hints[key] = suggest_relation(text, c, citing_type)
            return _KEPT.get(hint, verb)
    if previous is not None and previous[1] is not None and previous[0] <= c.start <= previous[0] + 200:
        gap_raw = folded[previous[0] : c.start] if folded is not None else fold(text[previous[0] : c.start])
        gap = " ".join(gap_raw.split())
        if _LIST_GAP.fullmatch(gap) and not _TITLE_WORDS.search(gap) and re.search(r"[;,]|(?:^| )va(?: |$)", gap):
            return previous[1]  # "Căn cứ Luật A ngày …; Luật B ngày …": the list shares its verb
    return None


def _verb(verb: str) -> str | None:
    if verb.startswith("can cu"):
        return "can-cu"
    if verb.startswith("tiep tuc"):
        return "tiep-tuc-thuc-hien"
    if verb in ("thay the", "bai bo"):
        return "thay-the"
    return "thuc-hien"
