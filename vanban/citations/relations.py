"""How the citing text stands to each citation, when the sentence makes it clear.

"Căn cứ …" → can-cu; "Thực hiện …", "Triển khai …", "Để thi hành …" → thuc-hien; "tiếp tục thực
hiện" → tiep-tuc-thuc-hien; "thay thế", "bãi bỏ" → thay-the. None when the sentence does not say:
a citation in another one's title, one mentioned in passing, "Xét đề nghị … tại Tờ trình số …".

The verb is read here, the one home of the rule; relation_hint.suggest_relation (what `check`
and `suggest` propose) starts from the relation found here. A verb is kept only
when it governs the citation: it stands right before it (a pointer such as "Điều 4" between is
allowed), or before the list the citation continues ("Căn cứ Luật A …; Luật B …").
"""

from __future__ import annotations

import re
from dataclasses import replace

from .find import Citation
from .normalise import fold
from .relation_hint import no_relation, verb_relation

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
_GAP_WORD = (
    r"cac|vao|theo|tinh than|noi dung|diem [a-z]|khoan(?: \d{1,3})?|dieu(?: \d{1,3})?|muc [ivxl0-9.]{1,8}|"
    r"phan [ivxl0-9]{1,5}|chuong [ivxl0-9]{1,5}|cua|va|trong|mot so|quy dinh tai|ket luan|chi dao|"
    r"nghiem tuc|nghiem|co hieu qua|hieu qua|tot|day du|kip thoi|sau rong|"
    r"cua (?:chinh phu|thu tuong chinh phu|bo chinh tri|ban bi thu|quoc hoi)(?= ?:)|so(?= ?$)|"
    r"(?:quyet dinh|nghi dinh|thong tu|nghi quyet|van ban|chi thi|ke hoach)(?= ?:| cua [a-z ]{2,30}:)"
)
_VERB_BEFORE = re.compile(
    r"(?:^|[^a-z])(?P<verb>can cu(?: vao)?|tiep tuc (?:thuc hien|trien khai)|thuc ?hien|trien khai|"
    r"(?:de )?thi hanh|quan triet|thay the|bai bo)"
    rf"(?P<gap>(?:[ ,:]{{1,3}}(?:{_GAP_WORD})){{0,14}})[ ,:-]{{0,3}}$"
)
# "Tiếp tục (đẩy mạnh) thực hiện …, theo Nghị quyết …": the item opened by "tiếp tục" governs further.
_CONTINUE = re.compile(r"(?:^|[^a-z])tiep tuc (?:[a-z]+ ){0,2}(?:thuc hien|trien khai)[^;.\d]{0,110}$")
_NOT_A_RELATION = re.compile(r"(?:xet|theo) de nghi|de nghi cua")
# "thực hiện theo …", "theo quy định tại …": in accordance with a document, not carrying it out.
_ACCORDING = re.compile(r"^[ ,:]*theo(?: |$)")
# Between two citations of one list: a date, an issuer, a connector; not a title ("về …").
_LIST_GAP = re.compile(r"[^\"“”]{0,160}")
_TITLE_WORDS = re.compile(
    r"(?:^|[^a-z])(?:ve|quy dinh|huong dan|thi hanh|ban hanh|phe duyet|thanh lap|tai|kem theo|theo|de nghi|"
    r"sua doi|bo sung)(?![a-z])"
)
# A list item that starts right after ";": nothing but a connector before the citation.
_ITEM_HEAD = re.compile(r"[\s\-–+•]*(?:va\s*)?(?:so\s*:?\s*)?")  # "…; số 187/2025/NĐ-CP …"
# A type word that opens a citation the finder starts later ("Luật Tổ chức Chính phủ số 63/2025/QH15").
_TYPE_WORD = re.compile(
    r"(?:^|[^a-z])((?:bo )?luat|hien phap|phap lenh|thong tu|nghi dinh|quyet ?dinh|nghi quyet|chi thi)(?![a-z])"
)
# "… của Ban Thường vụ về (việc) triển khai thực hiện Chỉ thị …": the verb begins the other one's title.
_ABOUT_CARRYING_OUT = re.compile(r"(?:^| )ve (?:[a-z]+ ){0,4}(?:thuc hien|trien khai)$")
# "Thực hiện ý kiến chỉ đạo của Thủ tướng Chính phủ tại Công văn số …": the direction is carried out.
_DIRECTED = re.compile(r"(?:^|[^a-z])thuc hien[^;.]{0,120}?chi dao[^;.]{0,80}? tai ?$")
# "Căn cứ Luật A …, được sửa đổi, bổ sung (một số điều) tại/bởi Luật B": B is part of the basis.
_AMENDED_BY = re.compile(
    r"(?:^|[ ,;])(?:va |da )?duoc sua doi(?:, bo sung| bo sung)?(?: mot so dieu)?(?: nam \d{4})? (?:tai|theo|boi) $"
)
_AFTER = re.compile(r"[^;.]{0,160}?(?:het hieu luc|duoc thay the|bi thay the|bi bai bo|duoc bai bo)")


_QUOTED = re.compile(r"\"[^\"]{1,200}\"|“[^“”]{1,200}”")
_ISSUED_ON = re.compile(r"ban hanh (?=ngay \d)")
_ANY_VERB = re.compile(r"can cu|thuc ?hien|trien khai|thi hanh|quan triet|thay the|bai bo")


def with_relations(text: str, citations: list[Citation], folded: str | None = None) -> list[Citation]:
    """Each citation with its relation; folded: fold(text) when the caller has it (same length)."""
    if folded is None or len(folded) != len(text):
        folded = fold(text)
        if len(folded) != len(text):
            folded = None
    out: list[Citation] = []
    previous: tuple[int, str | None] | None = None  # end and relation of the citation before
    hints: dict[tuple[str, str | None], str] = {}  # verb_relation reads only these: asked once each
    for c in citations:
        relation = _relation(text, c, previous, folded, hints)
        previous = (c.end, relation)
        if relation != c.relation:
            c = Citation(replace(c.mention, relation=relation), c.resolution)
        out.append(c)
    return out


def _fold_slice(text: str, folded: str | None, start: int, end: int) -> str:
    return folded[start:end] if folded is not None else fold(text[start:end])


def _start(text: str, c: Citation, folded: str | None) -> int:
    """Where the citation's name begins: the finder may start at the number after it."""
    head = c.text[:9].lower()
    if not (head[:1].isdigit() or head.startswith(("số ", "so ", "luật số", "luat so"))):
        return c.start
    lo = max(0, c.start - 160)
    region = _fold_slice(text, folded, lo, c.start)
    cut = max(region.rfind(";"), region.rfind("."), region.rfind(":"), region.rfind("\n\n") + 1)
    cut = max(cut, max((region.rfind(d) for d in "0123456789"), default=-1))
    if cut >= 0:
        lo, region = lo + cut + 1, region[cut + 1 :]
    m = _TYPE_WORD.search(region)
    return lo + m.start(1) if m else c.start


def _relation(
    text: str,
    c: Citation,
    previous: tuple[int, str | None] | None,
    folded: str | None,
    hints: dict[tuple[str, str | None], str],
) -> str | None:
    if c.nested_in is not None or ((c.type == "TTr" or c.text[:2].lower() in ("tờ", "to")) and no_relation(text, c)):
        return None
    start = _start(text, c, folded)
    window = max(0, start - 300)  # a bounded look back: the pass stays linear
    line_start = max(text.rfind("\n\n", window, start), text.rfind(". ", window, start), window)
    line_start = max(line_start, start - 170)
    raw = _fold_slice(text, folded, line_start, start)
    cut = max(raw.rfind(";"), raw.rfind(". ") + 1, raw.rfind("\n\n") + 1)
    clause_start = line_start + cut + 1 if cut >= 0 else line_start
    clause = text[clause_start:start]
    if clause.count("“") > clause.count("”") or clause.count('"') % 2:
        return None  # inside a quoted title
    # where the previous citation starts, when it is in this clause
    earlier = previous[0] if previous is not None and clause_start <= previous[0] <= start else None
    if _ANY_VERB.search(raw) or "de nghi" in raw:
        before = " ".join(raw.split())
        if _NOT_A_RELATION.search(before[-120:]):
            return None
        m = _VERB_BEFORE.search(before[-200:])
        if m and _verb(m["verb"]) == "thuc-hien" and earlier is not None:
            # "Kế hoạch số … ngày … của … (về triển khai) thực hiện Chỉ thị …": the verb is in the other's title
            tail = " ".join(_fold_slice(text, folded, earlier, start).split())
            if _VERB_BEFORE.search(tail) and ("," not in tail or _ABOUT_CARRYING_OUT.search(tail)):
                return None
        if m:
            verb = _verb(m["verb"])
            if verb == "thuc-hien" and _CONTINUE.search(before[-200:]):
                return "tiep-tuc-thuc-hien"
            if verb in ("thuc-hien", "tiep-tuc-thuc-hien") and _ACCORDING.match(m["gap"]):
                return None
            if verb != "thuc-hien":
                return verb
            # "thực hiện" is the vaguest verb: relation_hint tells a report or an answer apart.
            key = (_fold_slice(text, folded, max(0, c.start - 400), c.start), c.type)
            if (hint := hints.get(key)) is None:
                hint = hints[key] = verb_relation(text, c)
            return _KEPT.get(hint, verb)
        if earlier is None and _CONTINUE.search(before[-200:]):
            return "tiep-tuc-thuc-hien"
        if earlier is None and "chi dao" in before[-200:] and _DIRECTED.search(before[-200:]):
            return "thuc-hien"
    after = _fold_slice(text, folded, c.end, min(len(text), c.end + 170))
    if ("hieu luc" in after or "thay the" in after or "bai bo" in after) and _AFTER.match(after):
        return "thay-the"  # "Quyết định số … hết hiệu lực …"
    if previous is not None and previous[1] is not None and previous[0] <= start <= previous[0] + 250:
        gap = " ".join(_fold_slice(text, folded, previous[0], start).split())
        if re.search(r"[.!?] |^[.!?]", gap):
            return None  # a new sentence: a later mention, in passing
        if "sua doi" in gap and ";" not in gap and _AMENDED_BY.search(gap + " "):
            return previous[1]  # "Luật A …, được sửa đổi, bổ sung bởi Luật B": B shares A's relation
        if ";" in gap:
            # a new item of the list: it shares the verb when it opens with the citation itself
            return previous[1] if _ITEM_HEAD.fullmatch(gap.rsplit(";", 1)[1]) else None
        # The previous one's quoted title, and "do … ban hành ngày …", say nothing of this one's place in the list.
        gap = _ISSUED_ON.sub(" ", _QUOTED.sub(" ", gap))
        if _LIST_GAP.fullmatch(gap) and not _TITLE_WORDS.search(gap) and re.search(r"[,]|(?:^| )va(?: |$)", gap):
            return previous[1]  # "Căn cứ Luật A ngày …, Luật B ngày …": the list shares its verb
    return None


def _verb(verb: str) -> str | None:
    if verb.startswith("can cu"):
        return "can-cu"
    if verb.startswith("tiep tuc"):
        return "tiep-tuc-thuc-hien"
    if verb in ("thay the", "bai bo"):
        return "thay-the"
    return "thuc-hien"
