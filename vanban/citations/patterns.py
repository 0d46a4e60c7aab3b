"""Regular expressions over folded text (lower case, no diacritics, see ``normalise``).

Every quantifier is bounded, so no pattern can backtrack over a long run of digits, slashes or
hyphens: the cost per start position is constant and the scan stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..typecodes import LAW, PARTY, STATE_ADMIN, STATE_NORMATIVE, TYPE_CODES

_S = r"\s{0,3}"  # optional spaces, line breaks included (they are spaces after normalise)
_W = r"\s{1,3}"  # at least one space, e.g. between the words of a type word

NUM = r"\d{1,5}[a-z]?"

# Type words as written out, folded; longest first so that "thong tu lien tich" wins over "thong tu".
TYPE_WORDS: dict[str, str] = {
    "thong tu lien tich": "TTLT",
    "nghi quyet lien tich": "NQ",
    "chuong trinh hanh dong": "CTr",
    "nghi quyet": "NQ",
    "ket luan": "KL",
    "chi thi": "CT",
    "quyet dinh": "QĐ",
    "quy dinh": "QĐi",
    "phap lenh": "PL",
    "nghi dinh": "NĐ",
    "thong tu": "TT",
    "cong van": "CV",
    "bao cao": "BC",
    "ke hoach": "KH",
    "chuong trinh": "CTr",
    "huong dan": "HD",
    "thong bao": "TB",
    "thong tri": "TT",
    "quy che": "QC",
    "to trinh": "TTr",
    "de an": "ĐA",
    "cong dien": "CĐ",
    "luat": LAW,
}
# Abbreviations used as type words ("NQ 25", "QĐ 290"): only counted when written in capitals.
TYPE_ABBREVIATIONS = ("qdi", "ctr", "nq", "kl", "ct", "qd", "nd", "pl", "cv", "bc", "kh", "hd", "tb")


# Type codes inside symbols, folded, and their official spelling (typecodes.TYPE_CODES).
# Folding loses Đ: where two codes fold alike (ĐA and DA, HĐ and HD) the one without Đ is here,
# and WITH_D has the other, told apart by the original letter.
def _spellings() -> tuple[dict[str, str], dict[str, str]]:
    codes: dict[str, str] = {}
    with_d: dict[str, str] = {}
    for tc in TYPE_CODES:
        if tc.folded not in codes:
            codes[tc.folded] = tc.code
        elif "Đ" in tc.code:
            with_d[tc.folded] = tc.code
        else:
            with_d[tc.folded], codes[tc.folded] = codes[tc.folded], tc.code
    return codes, with_d


CODES, WITH_D = _spellings()


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def _family(family: str) -> str:
    """The folded codes of one symbol family, as a regex alternation (in table order: deterministic)."""
    return _alternation(dict.fromkeys(tc.folded for tc in TYPE_CODES if family in tc.families))


_PARTY_TYPES = _family(PARTY)
_ADMIN_TYPES = _family(STATE_ADMIN)
_NORM_TYPES = _family(STATE_NORMATIVE)

_C = r"(?:(?!ngay\s{0,3}\d)[a-z0-9&])"  # a letter of a code, not the "ngày" glued after it
# "SGD&ĐT", "SGD &ĐT" (a space crept in before the ampersand), "KGVX", "TCCV"…
_UNIT = (
    rf"{_C}{{1,16}}(?:\s&{_C}{{1,8}})?(?:\s?-\s?{_C}{{1,16}}(?:\s&{_C}{{1,8}})?){{0,4}}"
    r"(?:\.(?:[ivx]{1,4}|[a-z]{1,2}\d{1,2})(?![a-z0-9]))?"  # "VPCP-V.I" (Vụ I), "PGD.Q8" (Quận 8)
)
# A symbol ends at a non-letter, or where a date runs into it ("70-TB/TWngày", OCR and copy-paste).
_END = r"(?:(?![a-z0-9])|(?=ngay{_S}\d))".replace("{_S}", _S)
_START = r"(?<![0-9a-z/.])"
# Joint codes not in the type table: Nghị quyết liên tịch (NQLT) and Thông tư liên tịch (TTLT).
_JOINT = "nqlt|ttlt"
# Issuers a State symbol names without the hyphen after its type code ("30c/NQCP", "2468/QĐUBND").
_GLUED_ISSUERS = r"(?:cp|ttg|ubnd|hdnd|ub)"
# Party issuers, folded: Trung ương, tỉnh, đảng, huyện ủy ("646/QĐ/QUTW", a slash where the hyphen was).
# The header reader tells by it whether "04 HD/UBKTTW", printed without a hyphen, is a Party symbol.
PARTY_ISSUER = r"[a-z]{0,6}(?:tw|tu|du|hu)"
# State issuers, as printed, whose symbols the 1980s–1990s printed "NUMBER TYPE/ISSUER" without a hyphen
# ("412 NQ/UBTVQH9", "567 QĐ/UB"): find drops the space and restores no hyphen, as it does for a Party symbol.
UNHYPHENATED_ISSUER = re.compile(r"(?:UBTV)?QH\d{1,2}|UB(?:ND)?|HĐND|HĐBT|CP|TTg")
_UPPER_ISSUER = r"[a-z&]{2,10}"  # the issuer of a symbol without type code; capitals checked in find

# One alternative per symbol family; group names tell which matched.
SYMBOL = (
    rf"(?P<norm>(?P<n_num>{NUM}){_S}/{_S}(?P<n_year>(?:19|20)\d\d){_S}(?:/|-(?={_S}(?:ubtv)?qh\d)){_S}"
    rf"(?:(?P<n_qh>(?:ubtv)?qh\d{{1,2}})(?![a-z0-9-])|(?P<n_type>{_JOINT}|{_NORM_TYPES})(?:{_S}[-/]?{_S}|{_S}(?P<n_dot>\.)(?=[a-z]))(?P<n_iss>{_UNIT}){_END}"
    rf"|(?P<n_org>[a-z]{{2,10}})(?:{_S}-{_S}(?P<n_unit>{_UNIT}))?{_END}))"
    # "31-\n   CTr/TW": wrapped after the hyphen, the next line indented
    rf"|(?P<party>(?P<p_num>{NUM})(?:{_S}-\s{{0,12}}|\s{{1,2}}|(?=[a-z]{{1,3}}/(?:ubtv)?qh\d))(?P<p_type>{_PARTY_TYPES}){_S}/{_S}"
    rf"(?P<p_iss>t\.\s?u|{_C}{{2,10}}){_END})"
    rf"|(?P<pslash>(?P<sl_num>{NUM}){_S}/{_S}(?P<sl_type>{_PARTY_TYPES}){_S}/{_S}(?P<sl_iss>{PARTY_ISSUER}){_END})"
    rf"|(?P<pstate>(?P<ps_num>{NUM}){_S}/{_S}(?P<ps_type>{_PARTY_TYPES}){_S}-{_S}(?P<ps_iss>tw|tu|t\.\s?u|du|hu){_END})"
    rf"|(?P<admin>(?P<a_num>{NUM}){_S}/{_S}(?P<a_type>{_ADMIN_TYPES})(?:{_S}(?:-{_S}|(?P<a_dot>\.)(?=[a-z]))(?P<a_iss>{_UNIT}(?(a_dot)(?:\.{_C}{{1,10}}){{0,2}}|))"
    rf"|(?P<a_glued>{_GLUED_ISSUERS}(?:-[a-z0-9&]{{1,16}}){{0,2}})){_END})"
    rf"|(?P<cv>(?P<c_num>{NUM}){_S}/{_S}(?P<c_iss>[a-z&]{{2,10}}(?:(?<=qh)\d{{1,2}}|\s&[a-z]{{1,8}})?){_S}[-/]{_S}"
    rf"(?P<c_unit>{_UNIT}){_END})"
    rf"|(?P<org>(?P<o_num>{NUM}){_S}/{_S}(?P<o_iss>{_UPPER_ISSUER})(?![a-z0-9/-]|{_S}-{_S}[a-z0-9]))"
    # The State's symbols before 1992: number, hyphen, issuer ("214-CP", "64b-HĐBT", "162-NV", "72-BT", "178-CT"
    # of the Chủ tịch Hội đồng Bộ trưởng, "1- CT").
    rf"|(?P<old>(?P<od_num>{NUM})-{_S}(?P<od_iss>cp|hdbt|ttg|bt|nv|ct){_END})"
)

# "Nghịđịnh số 67", "Chỉ thịsố50": a PDF's text layer may glue the syllables of a type word
_TYPE_WORD = _alternation([w.replace(" ", _S) for w in TYPE_WORDS] + list(TYPE_ABBREVIATIONS))
TYPE_WORDS_UNSPACED = {w.replace(" ", ""): code for w, code in TYPE_WORDS.items()}
_TRUNG_UONG = rf"(?:trung{_W}uong|t\.\s?u|tw|tu)"
# Ordinal words of a meeting ("Hội nghị lần thứ năm"), longest first so that "mười một" wins over "mười".
ORDINALS = {
    "nhat": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10,
    "muoi mot": 11, "muoi hai": 12, "muoi ba": 13, "muoi bon": 14, "muoi lam": 15, "muoi sau": 16,
}  # fmt: skip
_ORDINAL = "|".join(w.replace(" ", _W) for w in sorted(ORDINALS, key=len, reverse=True))
# "Nghị quyết Trung ương 4 khóa XII", "Nghị quyết Hội nghị lần thứ 7 Trung ương", and the meeting named
# before the committee: "Nghị quyết (Kết luận) Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa VIII".
NAME = (
    rf"(?P<name>(?P<name_kind>nghi{_W}quyet|nq|ket{_W}luan)(?:{_W}cua)?{_W}(?:hoi{_W}nghi{_W})?(?:lan{_W}thu{_W})?"
    rf"(?:{_TRUNG_UONG}{_S}(?:lan{_W}thu{_W})?(?P<meeting>\d{{1,2}})(?![0-9/-])"
    rf"|(?P<meeting_after>\d{{1,2}}|{_ORDINAL})(?![0-9/-a-z]){_W}(?:ban{_W}chap{_W}hanh{_W})?trung{_W}uong"
    rf"(?:{_W}dang)?)"
    rf"(?:{_S}[,(]?{_S}khoa{_W}(?P<name_term>[ivxl]{{1,6}}){_END}(?:{_S}\))?)?)"
)


def meeting_of(m: re.Match[str]) -> int:
    """The meeting's number, written as digits or as an ordinal word."""
    if m["meeting"]:
        return int(m["meeting"])
    written = " ".join(m["meeting_after"].split())
    return int(written) if written.isdigit() else ORDINALS[written]


# A congress resolution by name: "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII", "Nghị quyết
# Đại hội XII", "Nghị quyết đại hội Đảng bộ tỉnh lần thứ XVIII". find checks a bare numeral's capitals.
CONGRESS = (
    rf"(?P<congress>nghi{_W}quyet{_W}dai{_W}hoi(?:(?:{_W}[a-z]{{1,12}}){{0,8}}?{_W}lan{_W}thu{_S}"
    rf"(?P<cg_num>[ivxl]{{1,6}}|\d{{1,2}})|{_W}(?P<cg_bare>[ivxl]{{1,6}})"
    # "Nghị quyết Đại hội Đảng bộ tỉnh", "… Đảng bộxã": the congress of the current term, by its level
    rf"|(?:{_W}dai{_W}bieu)?{_W}dang{_W}bo{_S}(?:tinh|huyen|xa|thanh{_W}pho|thi{_W}xa|quan|phuong))"
    rf"(?![a-z0-9]))"
)
# A rule or charter by name and khóa: "Quy chế làm việc của Ủy ban Kiểm tra Trung ương khóa XII",
# "Quy chế làm việc của Ban Chấp hành Trung ương, Bộ Chính trị và Ban Bí thư (khoá X)",
# "Điều lệ Mặt trận Tổ quốc Việt Nam khóa VIII". find checks the capital letter.
NAMED_TERM = (
    rf"(?P<named>(?P<nd_kind>quy{_W}che|dieu{_W}le)(?:,?{_W}[a-z]{{1,12}}){{1,20}}?{_W}\(?khoa{_W}"
    rf"(?P<nd_term>[ivxl]{{1,6}}){_END}\)?)"
)

# A law, code, ordinance or constitution cited by name and date or year, without a number:
# "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", "Bộ luật Lao động năm 2019".
# The name is words without digits (commas and "(sửa đổi)" allowed), at most 40 of them; the
# shortest name that a date or year follows wins. find checks the capital L and what stands before.
# A word of a law's name, taken whole (atomic: no backtracking inside it, which made a text of one
# law name repeated slow), "( sửa đổi )" with spaced brackets too, but stopping before a glued "ngày 19"
# ("Đất đaingày 19 tháng 6 …"); never "hiệu lực" or "kể từ" ("Luật Du lịch, có hiệu lực thi hành kể từ
# ngày …": the date is the law's start, not the law's), nor "và thực hiện" ("Điều 61 Luật Lâm nghiệp và thực hiện
# Đề án … đến năm 2030": a task, not the law's name), nor a term ("Luật Bầu cử … các cấp nhiệm kỳ 2026-2031": the
# year is the term's); or a dash between two words of the name ("HĐND - UBND").
_NOT_NAME = r"hieu\s{1,3}luc|ke\s{1,3}tu(?![a-z])|va\s{1,3}thuc\s{1,3}hien|nhiem\s{1,3}ky|giai\s{1,3}doan"
_LAW_WORD = rf"(?>(?!{_NOT_NAME})[a-z()](?:(?!ngay\s{{0,3}}\d)[a-z)]){{0,19}}+,?|[-–])"
# An amending law's name lists the laws it amends, with their numbers: "Luật Sửa đổi, bổ sung một số Điều của
# Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15 … ngày 29/6/2024" is one law, of that date; or counts
# them ("… một số điều của 37 luật có liên quan đến quy hoạch ngày 20 tháng 11 năm 2018").
_AMENDING = (
    rf"{_W}sua{_W}doi,?{_W}bo{_W}sung(?:{_W}(?:so{_S}\d{{1,4}}/(?:19|20)\d\d/(?:ubtv)?qh\d{{1,2}},?|\d{{1,3}}(?={_W}luat)|{_LAW_WORD}))"
    rf"{{0,60}}?"
)
_PASSED = (
    rf"(?:{_W}(?:da{_W})?(?:duoc|do){_W}(?:uy{_W}ban{_W}thuong{_W}vu{_W})?quoc{_W}hoi(?:{_W}khoa{_W}[ivxl]{{1,6}})?{_W}(?:thong{_W}qua|ban{_W}hanh)"
    rf"(?:{_W}tai{_W}ky{_W}hop{_W}thu{_W}[a-z0-9]{{1,5}},?)?|{_W}ban{_W}hanh)?"
)
LAW_NAME = (
    rf"(?P<law>(?P<law_kind>(?:bo{_W})?luat|hien{_W}phap|phap{_W}lenh)(?P<law_words>{_AMENDING}|(?:{_W}{_LAW_WORD}){{0,40}}?)"
    rf"(?P<law_passed>{_PASSED})(?={_S}[,(]?{_S}(?:ngay{_S}\d|nam{_S}(?:19|20)\d\d(?!\d))|{_W}(?:19|20)\d\d(?![0-9/-])))"
)

# "Quyết định của Bộ Chính trị số 31-QĐ/TW": a central issuer between the type word and "số".
_BY = rf"{_W}cua{_W}(?:bo{_W}chinh{_W}tri|ban{_W}bi{_W}thu|chinh{_W}phu|thu{_W}tuong{_W}chinh{_W}phu|quoc{_W}hoi)"

# A citation starts at a type word followed by a number or symbol, at a symbol, or at a name.
MASTER = re.compile(
    rf"{_START}(?:(?=[nqd]|ket\s)(?:{NAME}|{CONGRESS}|{NAMED_TERM})|(?P<tw>{_TYPE_WORD})(?P<urgent>{_W}khan)?(?:{_BY}(?={_W}so))?(?P<so>{_W}so{_S}:?{_S}|{_S}:{_S}|{_W}|so|)(?=\d)|(?=\d){SYMBOL}|{LAW_NAME})"
)
# The same, at every position where a citation may start, overlapping ones included.
MASTER_ANYWHERE = re.compile(rf"(?={MASTER.pattern})")
SYMBOL_AT = re.compile(rf"(?:{SYMBOL})")
BARE_NUMBER_AT = re.compile(
    rf"(?P<bare>{NUM})(?:{_S}/{_S}(?P<bare_year>(?:19|20)\d\d))?(?![0-9a-z]|{_S}[/-]{_S}[0-9a-z])"
)
LIST_JOIN_AT = re.compile(rf"{_S}(?:,|;|&|va|hoac){_S}(?:(?:cac{_W})?so{_S})?(?=\d)")


def _dmy(p: str, split_year: bool = False) -> str:
    """03/6/2013, 3-6-2013, 03.6.2013; the two separators must agree.

    split_year: after "ngày", a year broken by a space ("16/7/20 21", copy-paste) is read too.
    """
    space = r"\s?" if split_year else ""
    return (
        rf"(?P<{p}d>\d{{1,2}}){_S}(?P<{p}sep>[/.-]){_S}(?P<{p}m>\d{{1,2}}){_S}(?P={p}sep){_S}"
        rf"(?P<{p}y>(?:19|20){space}\d\d)(?!\d)"
    )


# A day or month glued to the next word is common in copied texts: "ngày 26tháng 11 năm 2003", "11năm 2009",
# "tháng02".
_IN_WORDS = rf"(?P<wd>\d{{1,2}}){_S}thang{_S}(?P<wm>\d{{1,2}}){_S}nam{_S}(?P<wy>(?:19|20)\d\d)(?!\d)"
# "ngày 03/6/2013", "ngày 20 tháng 4 năm 2007", or a bare date right after ", " or "(".
# "… ngày 14/5/2010", "(14/5/2010)", "công văn số … đề ngày 09/06/2020"
DATE_AFTER = re.compile(
    rf"{_S}[,(]?{_S}(?:(?:de{_W})?ngay{_S}(?:{_dmy('a', split_year=True)}|{_IN_WORDS})|{_dmy('b')})"
)
# "của Chính phủ", "của Tỉnh uỷ Lào Cai", "của UBND tỉnh Bắc Ninh" between a citation and its date: an issuer
# named in a few words, the date right after it.
_PLACE_WORDS = rf"(?:{_W}[a-z]{{1,8}}){{0,3}}"
BY_ISSUER_AFTER = re.compile(
    rf"{_S}cua{_W}(?:chinh{_W}phu|thu{_W}tuong{_W}chinh{_W}phu|bo{_W}chinh{_W}tri|ban{_W}bi{_W}thu|quoc{_W}hoi"
    rf"|(?:ban{_W}thuong{_W}vu{_W})?(?:tinh|thanh|huyen|quan|thi|dang){_W}uy{_PLACE_WORDS}"
    rf"|(?:uy{_W}ban{_W}nhan{_W}dan|ubnd|hoi{_W}dong{_W}nhan{_W}dan|hdnd){_W}(?:tinh|thanh{_W}pho|huyen|quan|thi{_W}xa)"
    rf"{_PLACE_WORDS})"
    rf"(?={_S}[,(]?{_S}ngay{_S}\d)"
)
# A month that OCR read as letters: "tháng II", "tháng Í Ï", "tháng 1]" (11), "tháng ó" (6).
OCR_MONTH_DATE_AFTER = re.compile(
    rf"{_S}[,(]?{_S}ngay{_S}(?P<d>\d{{1,2}}){_W}thang{_W}(?P<m>[1il|\]](?:\s?[1il|\]])?|o)"
    rf"{_W}nam{_S}(?P<y>(?:19|20)\d\d)(?!\d)"
)
# A date that OCR damaged ("ngày 26 tháng năm 2014", "ngày 23 tháng 1] năm 2017"): the year only.
DAMAGED_DATE_AFTER = re.compile(
    rf"{_S}[,(]?{_S}ngay{_S}\d{{1,2}}{_W}thang[^0-9a-z]{{0,6}}(?:[^\s]{{1,4}}{_W})?nam{_S}(?P<year>(?:19|20)\d\d)(?!\d)"
)
# A page's number between a citation and its date, in text laid out as printed (pdftotext -layout): set apart
# by a wide indent, then the next page (find checks that it stands on a line of its own).
PAGE_NUMBER_AFTER = re.compile(r"\s{10,80}\d{1,3}\s{2,20}(?=ngay\s)")
TERM = re.compile(rf"khoa{_W}(?P<term>[ivxl]{{1,6}}){_END}")
YEAR_AFTER = re.compile(rf"{_S}[,(]?{_S}nam{_W}(?P<year>(?:19|20)\d\d)(?!\d)")
BARE_YEAR_AFTER = re.compile(r"\s{1,3}(?P<year>(?:19|20)\d\d)(?![0-9/-])")  # "Bộ luật Lao động 2019"
OF_ISSUER = re.compile(rf"{_S}(?:[,(]{_S})?cua{_W}")
POINTER_BEFORE = re.compile(
    rf"(?P<pointer>(?:(?:diem{_W}[a-z]|khoan{_W}\d{{1,3}}|dieu{_W}\d{{1,3}}|muc{_W}[ivxl0-9.]{{1,8}}|"
    rf"phan{_W}[ivxl0-9]{{1,5}}|phu{_S}luc(?:{_W}[ivxl0-9]{{1,5}})?|chuong{_W}[ivxl0-9]{{1,5}}){_W})+)(?:cua{_W})?$"
)
POINTER_WORD = re.compile("diem|khoan|dieu|muc|phan|phu|chuong")  # one of them is in every pointer
# "Số:" at the start of a line, or of a table cell, or after a literal "\\r\\n" of a converted table;
# a type word may stand before it ("Luật số: 56/2020/QH14").
# "Số:8 5 2 0/BCT-KHCN": OCR spaced the number's digits; the mention found is its last digit's.
HEADER_BEFORE = re.compile(
    rf"(?:^|\n|\||\\n)[ \t'\"]{{0,20}}(?:(?:luat|nghi{_W}quyet){_W}so{_S}:|so{_S}:?){_S}(?:\d ){{0,5}}$"
)
# "Ngày 22/10/2025, tại Thông báo số 569/TB-VPCP, …": the date of the notice the clause points to.
DATED_AT_BEFORE = re.compile(
    rf"(?:^|(?P<lead>[.,;:!?)\u201d\"\n])|\s){_S}ngay{_S}(?:{_dmy('i')}|{_IN_WORDS}){_S},{_S}tai{_W}$"
)
# "văn bản đề ngày 29 tháng 10 năm 2025 số 16/CV-HHTACN": the day written between the type word and the number.
WRITTEN_ON_BEFORE = re.compile(
    rf"(?:van{_W}ban|cong{_W}van|to{_W}trinh|bao{_W}cao){_W}(?:de{_W})?ngay{_S}(?:{_dmy('i')}|{_IN_WORDS}){_W}so{_S}$"
)
# Words that open a sentence before its date: "… không giảm. Vì vậy ngày 23/5/2011, Bộ … đã ban hành Công văn số …".
_LINKS = rf"(?:vi{_W}vay|do{_W}do|do{_W}vay|sau{_W}do|tiep{_W}do|tiep{_W}theo|truoc{_W}do|dong{_W}thoi)"
# "Ngày 06/4/2023, Thủ tướng Chính phủ (đã) ban hành / ký ban hành / ký / đã ra / đã có", "Ngày 16/6/2025, Quốc
# hội đã thông qua (Luật … số)" right before a citation: the date at the head of the clause is the cited
# document's. Not after an event ("Ngày …, tại hội nghị …"), nor across a sentence, a number or a quote.
ISSUED_BEFORE = re.compile(  # ends at the citation, or at "văn bản số" before its symbol
    rf"(?:^|(?P<lead>[.,;:!?)\u201d\"\n](?:{_S}{_LINKS},?)?)|\s)"
    rf"{_S}ngay{_S}(?:{_dmy('i')}|{_IN_WORDS}){_S},?"  # the comma may be lost
    rf"(?!{_S},?{_S}(?:tai|trong|sau|truoc|tu|den|qua|nhan|theo|chieu|sang|toi)(?![a-z])){_S}"
    rf"[^0-9.;:!?\u201c\u201d\"]{{1,160}}?\s(?:(?:da{_W}|vua{_W})?(?:ky{_W}ban{_W}hanh|ban{_W}hanh|ky|thong{_W}qua)"
    rf"|(?:da|vua){_W}(?:ra|co))"
    rf"(?:{_W}van{_W}ban(?:{_W}so)?|{_W}luat(?:{_W}[a-z]{{1,12}}){{1,14}}{_W}so)?{_W}$"
)
