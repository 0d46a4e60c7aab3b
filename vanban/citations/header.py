"""The header of an official text: số và ký hiệu, place and date, issuer, trích yếu; and, through
signature.py, the closing block's signer and capacity (Nghị định 30/2020/NĐ-CP and Hướng dẫn
36-HD/VPTW layouts).

Real texts come as the two-column header table read out by text extraction: the columns
interleaved line by line, flattened onto one line with "|" or spaces, words broken onto lines of
their own. The reader first cuts the text into cells (a line split at "|" and at the national
motto), then reads each field from the cells, and gives each field a confidence (0–1) with the
reason when it is low, so that `suggest` can mark what a person must check.

Every regular expression here has bounded quantifiers: the text is untrusted.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata

from .. import vocab
from ..dates import parse_date
from ..model import SURE as SURE  # below it a field is marked for review; re-exported for suggest, ingest
from ..model import Corpus
from . import patterns as P
from .find import symbol_of
from .headtypes import FIELDS, SEPARATOR, Cell, Header
from .normalise import fold, normalise
from .signature import POSITION, flat_signature, read_signer, split_glued_capacity, stamp_noise
from .signature import read_signature_zone as read_signature_zone  # re-exported for ingest

HEADER_CELLS = 80  # the header is read from the first cells only
HEADER_READ = 2 * HEADER_CELLS  # the cells made when only the header is asked for: a title may run past the body

_MOTTOS = (
    "cong hoa xa hoi chu nghia viet nam",
    "dang cong san viet nam",
    "doc lap - tu do - hanh phuc",
    "viet nam dan chu cong hoa",
)
_MOTTO_AT = re.compile(
    r"cong\s{1,3}hoa\s{1,3}xa\s{0,3}hoi|dang cong san viet nam|doc lap\s{0,3}[-–—]{0,2}\s{0,3}t[uy] do"
    r"|viet nam dan chu cong hoa"  # the motto of 1945-1976
)
# Two columns laid out with spaces ("Nơi nhận:          TL. CHỦ TỊCH"): a gap this wide parts them.
# Columns side by side: a wide gap; or, in a header flattened onto one line, a narrower one before "Số:" and
# after the date ("… Hạnh phúc    Số: 05/2019/QĐUBND Trà Vinh, ngày 12 tháng 3 năm 2019   QUYẾT ĐỊNH …").
_COLUMN_GAP = re.compile(r"\s{6,}|\s{2,5}(?=Số\s?:)|(?<=năm \d{4})\s{2,5}(?=[A-ZĐÀ-Ỹ]{2})")
_NAME_GAP = re.compile(r"(?<=[A-ZĐÀ-Ỹ])\s{3,}(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ]{0,7}(?:\s[A-ZĐÀ-Ỹ][a-zà-ỹđ]{0,7}){1,4}\s*$)")
_NUMBER_GAP = re.compile(r"(\d)\s{6,}(?=/\s{0,2}(?:(?:19|20)\d\d/)?[A-ZĐ])")
# "ngày 15 tháng 11 năm 2024"; the day may be blank or unreadable ("ngày … tháng 11", "ngày lổ tháng 8"), and
# OCR reads "ngày" as "ngài:" or glues the day to it ("ngàyA2 tháng 3"); a page may split a leading zero off
# ("tháng 0 6").
_DAY_MONTH_YEAR = (
    r"nga[yi]:?(?:\s{1,8}(?:(?P<d>0\s\d|\d{1,2})|[^\s\d]{1,6})?|[^\s\d]{1,3}\d{0,2})\s{0,8}thang\s{0,8}(?P<m>0\s\d|\d{1,2})?"
    r"\s{0,8}nam\s{1,8}(?P<y>(?:19|20)\d\d)"
)
_PLACE = r"(?P<place>[^,\n]{1,60}),\s{0,5}"  # "Quảng Ngãi, "
_DATE = re.compile(rf"^[^\S\n]{{0,20}}(?:{_PLACE})?{_DAY_MONTH_YEAR}", re.M)
# The header's place and date, also with a place that lost its comma: "Hà Nội ngày 14 tháng 11 năm 1991".
_PLACE_AND_DATE = re.compile(
    rf"^[^\S\n]{{0,20}}(?:{_PLACE}|(?P<bare>[a-z]{{1,8}}(?:\s[a-z]{{1,8}}){{0,3}})\s{{1,3}})?{_DAY_MONTH_YEAR}", re.M
)
# "Số: 565/TB-UBND", "Số 07 /CT-UBND", "Luật số: 56/2020/QH14", "Số:" with the number on the next line, "Số
# -CTr/ĐU" not numbered yet; "S : 315-HĐBT", a PDF that lost the "ố".
_NUMBER_MARK = re.compile(
    r"^[\W_]{0,3}(?:(?:luat|nghi quyet|nghi dinh|quyet dinh|chi thi|thong tu|phap lenh|cong van)\s{1,3})?"
    r"(?:so(?![a-z])\s{0,3}(?::\s{0,12}|(?=[\d/]|-\s?[a-z]))|s\s?:?\s(?=\d{1,6}(?:/\d{4})?[/-]\s?[a-z]))"
)
_SEGMENT = r"[A-ZĐÀ-Ỹ0-9][\w.&]{0,24}"
_OWN_SYMBOL = re.compile(
    rf"(?P<num>\d{{1,6}}(?:\.\d{{1,3}}(?=/))?[a-z]{{0,2}})?(?P<rest>(?:\s{{0,12}}/\s{{0,3}}{_SEGMENT}|\s{{0,3}}-{_SEGMENT}"
    rf"|\s{{0,3}}-\s{{1,2}}[A-ZĐ0-9]{{1,12}}(?![\w.]|\s{{1,3}}[A-ZĐÀ-Ỹ]?[a-zà-ỹđ])){{1,6}})"
    rf"(?P<lost>\s(?P<tail>[A-ZĐ]{{2,10}})(?=\s|$))?"
)
# "04 HD/UBKTTW", "412 NQ/UBTVQH9", "4155QĐ/ BTP": the hyphen lost, a space where it was or after the slash
_LOST_PARTY = re.compile(rf"(?P<num>\d{{1,6}}[a-z]?)\s?(?P<code>[A-ZĐ]{{1,6}})(?P<rest>/\s?{_SEGMENT})")
_PARTY_REST = re.compile(rf"/{P.PARTY_ISSUER}$")  # a Party issuer's code after the slash
_BODY_DATE = re.compile(r"^ngay\s{1,3}\d{1,2}\s{0,2}/\s{0,2}\d{1,2}\s{0,2}/\s{0,2}\d{4}\s{0,2},")
_STAMP_TIME = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{4}\s{1,3}\d{1,2}:\d{2}")
_PLACE_DATE_START = re.compile(r"^[^,]{1,40},\s{0,3}ngay\s{1,3}\d{1,2}(?:\s|/|$)")
_BARE_SYMBOL = re.compile(rf"^\d{{1,6}}(?:/\d{{4}})?/{_SEGMENT}(?:[-/]{_SEGMENT}){{0,4}}$")
_BODY = re.compile(
    r"^[-–+•*\s]{0,4}(?:can cu|thuc hien|trien khai|thi hanh|de thi hanh|kinh gui|xet |theo de nghi|dieu 1\b|"
    r"chuong [1i]\b|phan [1i]\b|i\. |i- |1\. |trong nhung nam|qua \d|nham |ngay \d{1,2}/\d{1,2}/\d{4},)"
)
_ORGAN = re.compile(
    r"^(?:uy ban nhan ?dan|uy ban mttq|uy ban mat tran|uy ban thuong vu|uy ban kiem tra|hoi dong nhan ?dan|"
    r"chu tich|bo truong|thu tuong|chinh phu|quoc hoi|ban chap hanh|ban thuong vu|ban thuong truc|"
    r"thuong truc|ban bi thu|bo chinh tri|nuoc cong hoa|tinh uy|thanh uy|huyen uy|dang uy|ban chi dao|"
    r"hoi dong nha nuoc|hoi dong bo truong|hoi dong chinh phu|"
    r"khoa [ivxlc]{1,6}\b|ky hop)"
)
# The words a line of the header cannot end on: it goes on below ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ" / "XÃ HỘI").
_CONNECTOR_WORDS = (
    *("và", "của", "về", "với", "giữa", "tại", "trong", "cho", "đối", "trên", "theo", "các", "những"),
    *("số", "ngày", "đến", "thuộc", "ở", "ban", "tổ", "nhằm", "từ", "hoặc", "một", "việc", "làm"),
)
_CONNECTOR_ENDS = (",", "-", "–")
_CONNECTORS = frozenset(_CONNECTOR_WORDS)
TYPE_BY_HEADING: dict[str, str | None] = {
    "bao cao nhanh": "bao-cao",
    "bao cao": "bao-cao",
    "ke hoach": "ke-hoach",
    "chuong trinh hanh dong": "chuong-trinh",
    "chuong trinh phoi hop": "quy-che-phoi-hop",
    "chuong trinh": "chuong-trinh",
    "nghi quyet lien tich": "nghi-quyet",
    "nghi quyet": "nghi-quyet",
    "ket luan": "ket-luan",
    "chi thi": "chi-thi",
    "quyet dinh": "quyet-dinh",
    "quy dinh": "quy-dinh",
    "quy che phoi hop": "quy-che-phoi-hop",
    "quy che": "quy-che",
    "huong dan": "huong-dan",
    "thong bao": "thong-bao",
    "thong tri": "thong-tri",
    "to trinh": "to-trinh",
    "cong van": "cong-van",
    "luat": "luat",
    "phap lenh": "phap-lenh",
    "nghi dinh": "nghi-dinh",
    "thong tu lien tich": "thong-tu-lien-tich",
    "thong tu": "thong-tu",
    "de an": "de-an",
    "cong dien": None,  # kinds the knowledge base has no type for: their heading is still no part of the title
    "lenh": None,
}
# The headings' words, longest first; "NGHỊQUYẾT": a page may glue them.
_HEADING_WORDS = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s?") for k in TYPE_BY_HEADING), key=len, reverse=True))
_HEADING = re.compile(
    r"^[\W_]{0,4}(?:ngay\s{0,2}:?[\s.-]{0,4})?(?P<word>"
    + _HEADING_WORDS
    # "QUY ĐỊNH (BỔ SUNG)"; "NGHỊQUYẾT": a page glued the words; "HƯỚNG DẪN VỀ THỂ THỨC …": the title on the
    # heading's line
    + r")(?P<rest>(?:\s{1,3}\([^)]{1,30}\))?(?:\s{0,3}(?:$|cua\b.{0,80}$|[.:–-]\s{0,3}(?P<title>\S.{0,400})$)"
    + r"|\s{1,3}(?P<about>ve\s.{0,400})$))"
)


def _heading_again(cell: Cell, word: str) -> bool:
    """ "NGHỊ QUYẾT" / "NGHỊQUYẾT": the same heading printed a second time (not "THÔNG BÁO" / "KẾT LUẬN")."""
    m = _HEADING.match(cell.folded)
    same = m is not None and re.sub(r"\s", "", m["word"]) == re.sub(r"\s", "", word)
    return same and m is not None and not m["rest"].strip() and cell.text.isupper()


_UNSPACED_HEADINGS = {k.replace(" ", ""): v for k, v in TYPE_BY_HEADING.items()}


def _heading_type(word: str) -> str | None:
    """The type a heading names, its words glued or not ("NGHỊQUYẾT")."""
    return _UNSPACED_HEADINGS[re.sub(r"\s", "", word)]


def _cells(text: str, limit: int | None = None) -> list[Cell]:
    """The lines of the text split at "|" and before the national motto, without empty ones (the first `limit`
    of them, or a few more)."""
    if "\\n" in text[:20_000]:  # newlines escaped by the page the text was copied from
        text = text.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\\r", "")
    out: list[Cell] = []
    blank = False
    for line in _unflattened(text.splitlines()):
        if not line.strip():
            blank = True
            continue
        line = _HARD_BREAK.sub("", line)  # "ỦY BAN THƯỜNG VỤ\\": Markdown's line break, no sign of the text
        line = _NUMBER_GAP.sub(r"\1 ", line)  # "Số: 64            /2024/QĐ-UBND": a gap inside the number
        row = " ".join(fold(line).split())  # any spaces (U+2006 between columns) as one
        first = True
        bare = line.strip()
        table = bare.startswith("|") or bare.endswith("|") or bare.count("|") >= 2
        # In a table flattened from Markdown a cell may hold lines the page set apart with spaces only:
        # "| KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM     Nguyễn Cao Lục |".
        parts = (
            [q for cell in line.split("|") for p in _NAME_GAP.split(cell) for q in flat_signature(p)]
            if table
            else _COLUMN_GAP.split(line.strip())
        )
        for part in parts:
            for piece in split_glued_capacity(_split_motto(part.strip().strip("*").strip())):
                if piece:
                    out.append(Cell(piece, " ".join(fold(piece).split()), first, row, first and blank))
                    first = blank = False
        if limit is not None and len(out) >= limit:
            break
    return out


# A PDF whose font drops every letter with a diacritic, its header flattened onto one line: "- U BAN DÂN T C C NG
# HOÀ XÃ H I CH NGHĨA VI T NAM Đ c l p – T do – H nh phúc S 291/QĐ-UBDT Hà N i, ngày 08 tháng 11 năm 2006 QUY T
# Đ NH …". The motto, "Số" and the date are found with their lost letters, and the line is cut at them.
_LOST_MOTTO = re.compile(r"c[o ]?\s?ng\s+hoa\s+xa\s*h[o ]?\s?i\s+ch[u ]?\s?ngh[i ]?a\s+vi[e ]?\s?t\s+nam\s")
_LOST_MOTTO_END = re.compile(
    r"(?P<doc>d?\s?[o ]?\s?c\s+l[a ]?\s?p\s*[-–—]?.{0,20}?)h[a ]?\s?nh\s+phuc(?P<rule>[\s*_=-]*)"
)
_LOST_NUMBER = re.compile(r"s[o ]?\s?:?\s{1,3}(?=\d{1,6}[/-])")
_LOST_DATE_END = re.compile(r"\bnga[y ]?\s?\d{1,2}\s+thang\s+\d{1,2}\s+n[a ]?\s?m\s+(?:19|20)\d\d")
_LIST_MARK = re.compile(r"^(?:\d{1,2}\.|[-–+•])\s")  # "1. Y BAN NHÂN DÂN": the extractor's list mark


def _unflattened(lines: list[str]) -> list[str]:
    if not lines or len(lines[0]) < 200:
        return lines
    line, first = lines[0], fold(lines[0])
    motto = _LOST_MOTTO.search(first, 0, 400)
    end = motto and _LOST_MOTTO_END.search(first, motto.end(), motto.end() + 160)
    number = end and _LOST_NUMBER.match(first, end.end())
    date = number and _LOST_DATE_END.search(first, number.end(), number.end() + 120)
    if not (motto and end and date):
        return lines
    pieces = [
        _LIST_MARK.sub("", line[: motto.start()].strip()),
        line[motto.end() : end.start("doc")],  # the issuer's second line, between the motto's two lines
        line[motto.start() : motto.end()] + line[end.start("doc") : end.start("rule")],
        line[end.end() : date.end()],
        line[date.end() :],
    ]
    return [p.strip() for p in pieces if p.strip()] + lines[1:]


_HARD_BREAK = re.compile(r"(?<=\S)\\(?=[\s*_]|$)")  # at a line's end or a column's, before "**" too


def _split_motto(cell: str) -> list[str]:
    m = _MOTTO_AT.search(fold(cell))
    if not m or m.start() == 0 or fold(cell[: m.start()]).strip().endswith("nuoc"):
        return [cell]  # "… GIỮA CHÍNH PHỦ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM VÀ …": the country's name
    if m[0].startswith("dang") and not cell[m.start() :].isupper():
        return [cell]  # "… Cổng thông tin điện tử Đảng Cộng sản Việt Nam": a title naming the Party
    return [cell[: m.start()].strip(), cell[m.start() :].strip()]


def _is_motto(cell: Cell) -> bool:
    f = cell.folded
    m = _MOTTO_AT.search(f)
    if (m and not f[: m.start()].rstrip().endswith(" nuoc")) or f.startswith("nuoc cong hoa"):
        return True  # not "CHÍNH PHỦ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM VÀ …" inside a title
    return len(f) >= 4 and any(f in motto for motto in _MOTTOS) and cell.text.upper() == cell.text


def _motto_broken(cells: list[Cell], i: int) -> bool:
    """ "CỘNG" / "HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM": the motto's first word alone on its line."""
    return (
        i + 1 < len(cells)
        and len(cells[i].folded.split()) == 1
        and _MOTTO_AT.match(f"{cells[i].folded} {cells[i + 1].folded}") is not None
    )


def _motto_in_header(cells: list[Cell], i: int) -> bool:
    """The motto's cell, or a piece of it ("VIỆT NAM") under another piece: under "NGÂN HÀNG NHÀ NƯỚC" it is
    the issuer's second line."""
    cell = cells[i]
    if _MOTTO_AT.search(cell.folded) or cell.folded.startswith("nuoc cong hoa"):
        return _is_motto(cell)
    if _motto_broken(cells, i):
        return True
    if not _is_motto(cell):
        return False
    after = cells[i + 1].folded if i + 1 < len(cells) else ""
    return (i > 0 and _is_motto(cells[i - 1])) or _MOTTO_AT.search(f"{cell.folded} {after}") is not None


def _capitals(text: str) -> bool:
    """A line in capitals, mostly letters (not "W „ 21-04-2023 16:52:02", a signing stamp)."""
    letters = sum(ch.isalpha() for ch in text)
    lower = sum(ch.islower() for ch in text)  # OCR lowers a letter now and then: "CUC THUE TP. HO CHi MINH"
    upper = text.isupper() or (letters >= 12 and lower * 12 <= letters and not text[:1].islower())
    return upper and letters >= 2 and letters * 3 >= len(text.replace(" ", "")) * 2


def read_header(text: str, corpus: Corpus, signer: bool = True) -> Header:
    """The header's fields, and the signer's from the closing block unless signer is False (then only the first
    HEADER_READ cells are made: reading citations asks each text's own number, and the signer is at the end)."""
    head = Header()
    text = unicodedata.normalize("NFC", text)
    cells = _cells(text, None if signer else HEADER_READ)
    body = next((i for i, c in enumerate(cells[:HEADER_CELLS]) if _BODY.match(c.folded)), None)
    found_body = body is not None
    body = body if body is not None else min(len(cells), 60)
    gazette_end = _gazette(head, cells)
    if gazette_end:
        title_end = gazette_end
    else:
        date_end = _place_date(head, cells, body)
        _symbol(head, cells, body)
        stop = _issuer(head, cells, corpus)
        title_end = _type_and_title(head, cells, body, stop, date_end)
    if signer:
        read_signer(head, cells, max(body, title_end) if found_body else title_end)
    for name in FIELDS:
        head.confidence.setdefault(name, 0.0)
    return head


# The heading of the Công báo and of printed collections: "NGHỊ QUYẾT SỐ 297 NQ/UBTVQH9 NGÀY 24-02-1996 /
# CỦA ỦY BAN THƯỜNG VỤ QUỐC HỘI / VỀ VIỆC …", "THÔNG TƯ / LIÊN TỊCH … / SỐ 03/2000/TTLT/… / NGÀY 31 THÁNG 03
# NĂM 2000 HƯỚNG DẪN …": number, date, issuer and title in one block of capitals above the motto.
# The date in such a heading, folded: "16-3-1991", "24 tháng 02 năm 1996".
_HEADING_DATE = (
    r"\d{1,2}\s{0,2}[-/.]\s{0,2}\d{1,2}\s{0,2}[-/.]\s{0,2}(?:19|20)\d\d"
    r"|\d{1,2}\s{1,3}thang\s{1,3}\d{1,2}\s{1,3}nam\s{1,3}(?:19|20)\d\d"
)
_GAZETTE = re.compile(
    r"^(?P<word>"
    + _HEADING_WORDS
    + r")\s(?P<pre>.{0,300}?)\bso\s{1,3}(?P<sym>\d\S{0,60}?(?:\s[a-z]\S{1,40})?)\s{1,3}ngay\s{1,3}"
    rf"(?P<date>{_HEADING_DATE})(?P<post>.{{0,600}})$"
)


def _gazette(head: Header, cells: list[Cell]) -> int:
    """Reads a Công báo heading when the text opens with one; the cell after it, or 0."""
    block: list[Cell] = []
    for i, cell in enumerate(cells[:12]):
        if SEPARATOR.match(cell.text):
            continue
        words = [w for w in cell.text.split() if w.isalpha()]
        upper = bool(words) and all(w.isupper() for w in words)  # "SỐ 321a NQ/…": the number may not be
        if not block and i < 3 and not upper:
            continue  # "VĂN KIỆN QUỐC HỘI TOÀN TẬP …": the collection's running head
        if _is_motto(cell) or not upper:
            break
        block.append(cell)
    for first in range(min(2, len(block))):
        joined = " ".join(" ".join(c.text.split()) for c in block[first:])
        m = _GAZETTE.match(fold(joined))
        if m:
            return _read_gazette(head, cells, block[first:], joined, m)
    return _gazette_in_sentence_case(head, cells)


def _gazette_in_sentence_case(head: Header, cells: list[Cell]) -> int:
    """ "Quyết định / của Thủ tướng Chính phủ số 115/2004/QĐ-TTg / ngày 25 tháng 6 năm 2004 về việc …":
    a law database's copy, the heading in sentence case, no letterhead."""
    start = next((i for i, c in enumerate(cells[:3]) if _HEADING.fullmatch(c.folded.strip())), None)
    if start is None:
        return 0
    block = [cells[start]]
    for cell in cells[start + 1 : start + 10]:
        if _BODY.match(cell.folded) or (_ORGAN.match(cell.folded) and not cell.folded.startswith("cua")):
            break
        block.append(cell)
    joined = " ".join(" ".join(c.text.split()) for c in block)
    m = _GAZETTE.match(fold(joined))
    return _read_gazette(head, cells, block, joined, m) if m else 0


def _read_gazette(head: Header, cells: list[Cell], block: list[Cell], joined: str, m: re.Match[str]) -> int:
    if not _read_symbol(head, joined[m.start("sym") : m.end("sym")].strip()):
        return 0
    head.type = head.type or _heading_type(m["word"])
    numbers = re.findall(r"\d+", m["date"])
    try:
        head.date = parse_date(f"{numbers[2]}-{int(numbers[1]):02d}-{int(numbers[0]):02d}")
        head.rate("date", 0.9)
    except ValueError:
        head.notes.append("ngày ở đầu văn bản không hợp lệ")
    post = joined[m.start("post") : m.end("post")].strip()
    issuer = ""
    of = re.match(r"^(?:CỦA|Của)\s(?P<who>.{2,120}?)\s(?=VỀ\s|V/V\s|QUY ĐỊNH\s|BAN HÀNH\s|HƯỚNG DẪN\s)", post)
    if of:  # "CỦA ỦY BAN THƯỜNG VỤ QUỐC HỘI VỀ VIỆC …"
        issuer, post = of["who"], post[of.end() :]
    elif fold(joined[m.start("pre") : m.end("pre")]).startswith("cua "):
        issuer = joined[m.start("pre") + 4 : m.end("pre")].strip()
    if issuer:
        head.issuer_lines, head.issuer_text = [issuer], issuer
        head.rate("issuer", 0.8)
    title = _gazette_title(post, block, head)
    if title:
        head.title = title
        head.rate("title", 0.85)
    return cells.index(block[-1]) + 1


def _gazette_title(post: str, block: list[Cell], head: Header) -> str:
    """The title runs to the end of the heading block, less a repeated issuer line at its foot."""
    words = post.split()
    for cell in reversed(block):
        if not _ORGAN.match(cell.folded):
            break
        tail = cell.text.split()  # "ỦY BAN THƯỜNG VỤ QUỐC HỘI" under the title: the enacting body
        if words[-len(tail) :] == tail and len(words) > len(tail):
            if _goes_on(" ".join(words[: -len(tail)])):
                break  # "… PHÓ CHỦ TỊCH THƯỜNG TRỰC CỦA / HỘI ĐỒNG BỘ TRƯỞNG …": the title goes on
            words = words[: -len(tail)]
            if not head.issuer_lines:
                head.issuer_lines, head.issuer_text = [cell.text.strip()], cell.text.strip()
    return " ".join(words)


def _symbol(head: Header, cells: list[Cell], body: int) -> None:
    for i, cell in enumerate(cells[: max(body, 12)]):
        m = _NUMBER_MARK.match(cell.folded)
        if not m:
            continue
        if i and m[0].strip()[:2] != "so" and _connects(cells[i - 1].text) and not SEPARATOR.match(cells[i - 1].text):
            continue  # "… trợ cước theo / Quyết định số 152/1998/QĐ-UB": a citation in the title
        rest = cell.text[m.end() :]
        if not rest.strip() and i + 1 < len(cells):
            rest = cells[i + 1].text  # "Số:" alone, the number on the next line
        if _read_symbol(head, rest.strip()):
            return
    for cell in cells[: min(body, 12)]:  # a bare symbol on a line of its own (OCR loses "Số:")
        if _BARE_SYMBOL.match(cell.text.strip()) and _read_symbol(head, cell.text.strip()):
            head.rate("symbol", 0.6, "không có chữ «Số:» trước số, ký hiệu")
            return


def _read_symbol(head: Header, rest: str) -> bool:
    rest = re.sub(r"(?<=[A-ZĐ])\s(?=\.[A-ZĐ])", "", rest)  # "11/1998/QĐ .UB": a space before the dot of "QĐ.UB"
    cleaned = re.sub(r"^[#*?_.…]{1,4}\s{0,3}(?=/)", "", rest)  # "Số: # /CT-UBND": a handwritten number OCR lost
    lost_number = cleaned != rest
    spaced = re.match(r"\d(?: \d){1,5}(?=/)", cleaned)  # "Số:8 5 2 0/BCT-KHCN": OCR spaced the digits
    rest = cleaned.replace(spaced[0], spaced[0].replace(" ", ""), 1) if spaced else cleaned
    lost = _LOST_PARTY.match(rest)
    tail = lost["rest"].replace(" ", "") if lost else ""
    if lost and not _PARTY_REST.match(fold(tail)):
        # "412 NQ/UBTVQH9", "567 QĐ/UB": State forms of the 1990s, printed without a hyphen
        symbol, reason = f"{lost['num']}{lost['code']}{tail}", ""
    elif lost:  # "04 HD/UBKTTW": the hyphen of a Party symbol lost
        symbol, reason = f"{lost['num']}-{lost['code']}{tail}", "dấu gạch nối bị mất, đã thêm"
    else:
        m = _OWN_SYMBOL.match(rest)
        # "Số -CTr/ĐU": a Party symbol not numbered yet
        blank_party = re.match(r"-\s?[A-ZĐ][\w]{0,5}/", m["rest"].lstrip()) if m else None
        if not m or not (m["num"] or m["rest"].lstrip().startswith("/") or blank_party):
            return False
        symbol = (m["num"] or "") + re.sub(r"\s+", "", m["rest"]).rstrip(".")
        reason = ""
        split = re.match(r"\s([A-ZĐ]{2,10}(?:-[A-ZĐ0-9]{1,10}){0,2})(?:\s|$)", rest[m.end() :])
        if split and re.search(r"/[A-ZĐ]$", symbol):  # "4396/V PCP-NC": a space inside the issuer's code
            symbol, reason = symbol + split[1], "dấu cách trong ký hiệu, đã bỏ"
        if m["lost"] and "-" not in symbol:  # "565/TB UBND"
            symbol, reason = f"{symbol}-{m['tail']}", "dấu gạch nối bị mất, đã thêm"
        if spaced:
            reason = "chữ số bị tách bởi dấu cách, đã nối lại"
        if not m["num"]:
            unread = "số không đọc được (có thể viết tay): điền theo bản gốc"
            reason = unread if lost_number else "số để trống trong văn bản"
    head.symbol = symbol
    head.rate("symbol", 0.4 if not symbol[:1].isdigit() else 0.7 if reason else 0.95, reason)
    norm = normalise(symbol)
    sym = P.SYMBOL_AT.search(norm.folded)
    if sym and sym.start() == 0:
        _, code, _ = symbol_of(norm, sym)
        head.type = vocab.TYPE_OF_CODE.get(code)
    return True


def _place_date(head: Header, cells: list[Cell], body: int) -> int:
    """Reads "Quảng Ngãi, ngày 15 tháng 11 năm 2024", possibly broken over lines; the cell after."""
    region = cells[: max(body, 8) + 3]
    # "năm 202**5*": Markdown's emphasis inside a number (the year would read "202")
    joined = re.sub(r"(?<=\d)\*{1,3}(?=\d)", "", "\n".join(c.text for c in region))
    # "Hà Nội ngày 14 tháng 11 năm 1991": a place without its comma, in capitals as a place is written
    m = next(
        # "*Hà Nội, ngày 28\ntháng 11* *năm 2025*": Markdown's emphasis read as spaces (offsets kept)
        (
            m
            for m in _PLACE_AND_DATE.finditer(fold(joined).replace("*", " "))
            if not m["bare"] or joined[m.start("bare")].isupper()
        ),
        None,
    )
    if not m:
        unread = _UNREAD_DATE.search(fold(joined).replace("*", " "))
        if unread:  # "Hà Nội, ngày 3Ù tháng 4Ä năm 4034": the date lost to OCR, the place still there
            head.notes.append("ngày ở đầu văn bản không đọc được")
            _place(head, region, joined, unread, "place", 0.7, "ngày bên cạnh không đọc được")
        return 0
    end_cell = joined.count("\n", 0, m.end()) + 1
    if m["m"] is None:  # "ngày … tháng … năm 2024": a draft's date, its year alone
        blank = "tháng để trống" if m["d"] else "ngày và tháng để trống"
        head.date, confidence, reason = parse_date(m["y"]), 0.5, f"{blank}: chỉ có năm"
    else:
        confidence, reason = _day_and_month(head, m)
    if m.end() - m.start() > 220 or joined.count("\n", m.start(), m.end()):
        confidence, reason = min(confidence, 0.85), reason or "ngày bị ngắt dòng"
    head.rate("date", confidence, reason)
    group = "place" if m["place"] is not None else "bare"
    if m[group] is not None:
        _place(head, region, joined, m, group, 0.9, "")
    return end_cell


def _day_and_month(head: Header, m: re.Match[str]) -> tuple[float, str]:
    """head.date from a date with its month; how sure, and why not."""
    month = int(m["m"].replace(" ", ""))  # "0 6": a page split the leading zero off
    try:
        if m["d"] is None and _BLANK_DAY.match(m[0]):
            # "ngày    tháng 11 năm 2025": not issued yet; the month printed ahead is not the date it gets
            # (2638/QĐ-UBND of Đà Nẵng printed "tháng 10" and was issued on 18/11/2025)
            head.date = parse_date(m["y"])
            return 0.5, "ngày để trống: tháng in sẵn chưa chắc là tháng ban hành, chỉ giữ năm"
        if m["d"] is None:  # "ngày lổ tháng 8": handwritten and unread
            head.date = parse_date(f"{m['y']}-{month:02d}")
            return 0.6, "ngày không đọc được (có thể viết tay): chỉ có tháng và năm"
        head.date = parse_date(f"{m['y']}-{month:02d}-{int(m['d'].replace(' ', '')):02d}")
        return 0.95, ""
    except ValueError:
        head.notes.append("ngày ở đầu văn bản không hợp lệ")
        with contextlib.suppress(ValueError):  # "ngày 80 tháng 3": a handwritten day misread; month and year hold
            head.date = parse_date(f"{m['y']}-{month:02d}")
            return (
                0.6,
                f"ngày đọc được ({m['d']}) không có thật, có thể viết tay: chỉ giữ tháng và năm, đối chiếu bản gốc",
            )
        return 0.0, "ngày không có thật"


_BLANK_DAY = re.compile(r"(?:.*\s)?nga[yi]:?[\s.…_]*thang")  # the day left blank, or dotted out

# "Hà Nội, ngày-2OthángÁ-Jnăm 2017", "Hà Nội, ngày { 7 tháng  Ủuăm 2016": the date lost, the year and place kept.
_UNREAD_DATE = re.compile(
    rf"^[^\S\n]{{0,20}}{_PLACE}nga[yi](?:\s{{1,3}}\S{{1,4}}\s{{1,3}}thang\s"
    rf"|\S{{0,20}}(?:\s{{1,3}}\S{{1,6}}){{0,4}}\s{{0,3}}(?:19|20)\d\d\s*$)",
    re.M,
)


def _place(
    head: Header, region: list[Cell], joined: str, m: re.Match[str], group: str, place_conf: float, place_reason: str
) -> None:
    """The place before ", ngày …", less a number flattened onto its line, joined again when broken."""
    place = joined[m.start(group) : m.end(group)]
    cut = re.search(r"^.{0,60}[\d/:]\S{0,40}(?:\s-[A-ZĐ]{2,10})?\s", place)  # "3134/2008/Q -UBND Cao Bằng"
    if cut:  # "Số: 454/UBND-NCTH Vị Thanh": the number flattened onto the same line
        place, place_conf = place[cut.end() :], 0.85
    place = place.strip().strip("*_'\"").strip()
    place = re.sub(r"(?<=\w) ([à-ỹ]) (?=\w)", r"\1", place)  # "Qu ả ng Ngãi": a page set the letters apart
    named = _place_words(place)
    if named != place:  # "$69 8 BBTCHQ-TXNK Hà Nội": an OCR'd number before it
        place, place_conf = named, min(place_conf, 0.7)
    line_no = joined.count("\n", 0, m.start(group))
    if line_no > 0 and (
        len(place.split()) == 1 or re.fullmatch(r"(?:TP|Tp)\.?|Thành phố", region[line_no - 1].text.strip())
    ):
        before = region[line_no - 1].text.strip()
        before = before.strip("*_ ")
        if _PLACE_START.fullmatch(before):
            # "Đà" / "Nẵng, ngày …", "Bà Rịa - Vũng" / "Tàu, ngày …", "*Thành phố Hồ Chí" / "Minh, ngày …"
            place, place_conf, place_reason = f"{before} {place}", 0.8, "tên địa danh bị ngắt dòng"
    if not place or not place[:1].isupper() or len(place.split()) > 5:
        head.rate("place", 0.3, "không chắc đây là địa danh")
    else:
        head.rate("place", place_conf, place_reason)
    head.place = place or None


# The first line of a place broken over two: "Đà", "Bà Rịa - Vũng", "Thành phố Hồ Chí", "TP Hồ Chí".
_PLACE_START = re.compile(r"(?:TP\.?|[A-ZĐÀ-Ỹ][a-zà-ỹđ]{0,10})(?:\s(?:[-–]|[A-ZĐÀ-Ỹ][a-zà-ỹđ]{0,10}|phố|xã|thị)){0,3}")
_PLACE_WORD = re.compile(
    r"(?:TP\.?|Tp\.?)?[A-ZĐÀ-Ỹ][a-zà-ỹđ]{0,12}\.?(?:[-–][A-ZĐÀ-Ỹ][a-zà-ỹđ]{0,12})*|TP\.?|[-–]|phố|pho|thị|xã|huyện|tỉnh|phường"
)
# "8", "/CT-TTHT", "'CTHN-TTHT", "S¥O¥OICT": a number's pieces; "|", "l": a table's rule OCR read
_CODE_WORD = re.compile(r"[\d/€$¥|]|[A-ZĐ]{2,}[-–][A-ZĐ]{2,}|^[a-zI]$|^[B-DF-HJ-NP-TV-XZĐ]{3,}$")  # "KTTH": no vowel


def _place_words(place: str) -> str:
    """The place's own words: those at the end that read as a place name, when a number or a code OCR left
    before them stands there ("$69 8 BBTCHQ-TXNK Hà Nội"); the place as it is otherwise ("TP.Hồ Chí Minh",
    "Bà Rịa-Vũng Tàu", "HÀ NỘI")."""
    words = place.split()
    kept: list[str] = []
    for word in reversed(words):
        if not _PLACE_WORD.fullmatch(word):
            break
        kept.insert(0, word)
    dropped = words[: len(words) - len(kept)]
    if not dropped or not any(_CODE_WORD.search(w) for w in dropped):
        return place
    while kept and not kept[0][:1].isupper():
        kept.pop(0)  # "phố Hà Nội" less its lost "Thành": not a name
    return " ".join(kept) if kept else place


def _issuer(head: Header, cells: list[Cell], corpus: Corpus) -> int:
    """Capital lines at the top, the motto's cells skipped: the issuing body, parent organ first."""
    block: list[str] = []
    stop, ended_well = 0, False
    for i, cell in enumerate(cells[:14]):
        stop = i
        if "@" in cell.text or _STAMP_TIME.search(cell.text):
            block, ended_well = [], False  # a signing service's stamp above the header: not the issuer
            continue
        if _motto_in_header(cells, i) and not (block and _connects(block[-1])):
            continue  # ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ" / "XÃ HỘI": the issuer goes on, not the motto)
        if SEPARATOR.match(cell.text):
            if block:
                ended_well = True
                break
            continue
        bare = re.sub(r"\s*[-_=*]{3,}$", "", cell.text)  # "TỈNH AN GIANG--------"
        if not block and i < 6 and not _capitals(bare) and not _NUMBER_MARK.match(cell.folded):
            continue  # a signing service's or a site's line above the header
        if not block and i < 6 and cell.text.startswith("# ") and any(_is_motto(c) for c in cells[i + 1 : i + 6]):
            continue  # "# Công văn số 5115/…": a site's heading over the page, above the header it copied
        if (
            _BARE_SYMBOL.match(cell.text)
            or _NUMBER_MARK.match(cell.folded)
            or _DATE.match(cell.folded)
            or _HEADING.match(cell.folded)
            or not _capitals(bare)
            or len(block) >= 4
        ):
            ended_well = bool(block) and not len(block) >= 4
            break
        block.append(bare.strip())
    if any(c.folded.startswith("cong bao") for c in cells[:4]):
        block = _without_gazette_section(block)
    repaired = False
    lines: list[str] = []
    for line in block:  # "ỦY" / "BAN NHÂN DÂN": a word broken off onto its own line
        if lines and len(lines[-1].split()) == 1:
            lines[-1] = f"{lines[-1]} {line}"
            repaired = True
        else:
            lines.append(line)
    if lines:  # "T1PT VĂN PHÒNG CHÍNH PHỦ", "/ỦY BAN MTTQ": a stamp's marks OCR'd before the organ's name
        lines[0] = re.sub(r"^(?:[^\w\s]+\s?|\S*\d\S*\s)(?=[A-ZĐÀ-Ỹ]{2})", "", lines[0])
    head.issuer_lines = lines
    head.issuer_text = " ".join(lines)
    if lines:
        confidence = 0.9 if ended_well and len(lines) <= 3 else 0.6
        reason = "" if confidence >= SURE else "không rõ khối cơ quan ban hành kết thúc ở đâu"
        if repaired:
            confidence, reason = min(confidence, 0.75), "dòng tên cơ quan bị ngắt, đã nối lại"
        head.rate("issuer", confidence, reason)
    wanted = {" ".join(fold(head.issuer_text).split()), " ".join(fold(lines[-1]).split()) if lines else ""} - {""}
    for issuer in corpus.issuers.values():
        if wanted & {" ".join(fold(n).split()) for n in (issuer.name, issuer.short) if n}:
            head.issuer = issuer.key
    return stop


_GAZETTE_SECTIONS = ("van ban quy pham phap luat", "van ban hop nhat", "van ban khac", "van ban phap luat khac")


def _without_gazette_section(block: list[str]) -> list[str]:
    """A page of the Công báo heads each document with its section and its issuer ("VĂN BẢN QUY PHẠM PHÁP
    LUẬT" / "BỘ KẾ HOẠCH VÀ ĐẦU TƯ") above the document's own issuer block, which repeats the name."""
    while block and " ".join(fold(block[0]).split()) in _GAZETTE_SECTIONS:
        block = block[1:]
    if len(block) >= 2:
        first, rest = (" ".join(fold(" ".join(x)).split()) for x in ([block[0]], block[1:]))
        if rest.startswith(first):
            block = block[1:]
    return block


_VV = re.compile(r"v/v|v[il1|]v\b")  # "V/v" (glued to its text too: "V/vthực hiện"); OCR reads "Viv", "V1v"


def _type_and_title(head: Header, cells: list[Cell], body: int, issuer_end: int, date_end: int) -> int:
    """The trích yếu: after the type word, or the "V/v …" of a công văn; the cell after it."""
    limit = min(len(cells), max(body, date_end + 1))
    for i in range(limit):
        cell = cells[i]
        if _VV.match(cell.folded):
            head.type = head.type or "cong-van"
            return _gather(head, cells, i, cell.text, 0.85)
        glued = re.search(r"[\s*_]v/v[\s:]", cell.folded) if _NUMBER_MARK.match(cell.folded) else None
        if glued:  # "Số: 683/BTC-CST *V/v chính sách …*": a table flattened, number and trích yếu in one cell
            head.type = head.type or "cong-van"
            return _gather(head, cells, i, cell.text[glued.start() + 1 :].strip().strip("*"), 0.8)
        one_line = _ONE_LINE_HEADING.match(cell.folded)
        if one_line and _BODY_IN_LINE.search(cell.text) and cell.text[: one_line.end()].isupper():
            # "QUYẾT ĐỊNH BAN HÀNH QUY ĐỊNH … Căn cứ Luật …": heading, title and body flattened onto one line
            head.type = head.type or _heading_type(one_line["word"])
            return _gather(head, cells, i, cell.text[one_line.end() :], 0.7)
        m = _HEADING.match(cell.folded)
        if m and cell.text[m.start("word") :].isupper() and not cell.text.rstrip().endswith(":"):
            head.type = head.type or _heading_type(m["word"])
            if m["title"] or m["about"]:  # "LUẬT . SỬA ĐỔI …": heading and title on one line
                return _gather(head, cells, i, cell.text[m.start("title" if m["title"] else "about") :], 0.8)
            j = i + 1
            while j < len(cells) and (SEPARATOR.match(cells[j].text) or _heading_again(cells[j], m["word"])):
                j += 1  # "NGHỊ QUYẾT" / "NGHỊQUYẾT": a page that printed the heading twice
            if (  # "CỦA BAN THƯỜNG VỤ TỈNH ỦY" under the type word, the trích yếu below in lower case
                j + 1 < len(cells)
                and cells[j].folded.startswith("cua ")
                and cells[j].text.isupper()
                and not re.search(r"\d", cells[j].text)  # "CỦA BỘ XÂY DỰNG SỐ 04/2001/TT-BXD NGÀY … HƯỚNG DẪN …"
                and not cells[j + 1].text.isupper()
            ):
                j += 1
            nxt = cells[j] if j < len(cells) else None
            if (
                nxt
                and (nxt.text.isupper() or not _BODY.match(nxt.folded) or _title_like(nxt))
                and not _ORGAN.match(nxt.folded)
            ):
                return _gather(head, cells, j, cells[j].text, 0.9)
            return j
    # No type word: a Party công văn's "Về …" under its number, or the title after the place and date ("|"
    # tables drop the heading's cell).
    for k in range(min(limit, len(cells) - 1)):
        if _NUMBER_MARK.match(cells[k].folded) and _party_letter_title(head, cells, k + 1):
            return _gather(head, cells, k + 1, cells[k + 1].text, 0.75)
    j = max(date_end, issuer_end)
    while j < len(cells) and (
        SEPARATOR.match(cells[j].text) or _is_motto(cells[j]) or _NUMBER_MARK.match(cells[j].folded)
    ):
        j += 1
    if (
        j < len(cells)
        and (j < body or (j == body and cells[j].text.isupper()))  # "THỰC HIỆN CHƯƠNG TRÌNH …" in capitals
        and (cells[j].text.isupper() or cells[j].folded.startswith("ve viec"))
        and not _ORGAN.match(cells[j].folded)
    ):
        return _gather(head, cells, j, cells[j].text, 0.65)
    return 0


def _party_letter_title(head: Header, cells: list[Cell], i: int) -> bool:
    """A Party công văn's trích yếu under its number, above the motto of the right column: "Về …", or "Mời họp
    Ban Thường vụ Đảng uỷ" under "Số -CV/ĐU"."""
    text = cells[i].text.strip()
    if re.match(r"Về\s", text):
        return True
    party = bool(head.symbol and _PARTY_REST.search(fold(head.symbol)))
    folded = cells[i].folded
    if _DATE.match(folded) or _PLACE_DATE_START.match(folded) or ", ngay " in folded or folded.startswith("kinh gui"):
        return False
    return (
        party
        and re.match(r"[A-ZĐÀ-Ỹ][a-zà-ỹđ]", text) is not None
        and len(text) < 200
        and i + 1 < len(cells)
        and _is_motto(cells[i + 1])
    )


# The words a title line cannot end on: connectors, and verbs waiting for their object ("… thực hiện",
# "triển khai", "thi hành").
_GOES_ON_WORDS = frozenset({*_CONNECTOR_WORDS, "hiện", "khai", "hành"})


def _goes_on(line: str, words: frozenset[str] = _GOES_ON_WORDS) -> bool:
    """A title line that cannot end there: a connector or a verb waiting for its object, read with its
    diacritics ("từ" goes on, "ĐIỆN TỬ" ends)."""
    stripped = unicodedata.normalize("NFC", line).rstrip().rstrip("*_").rstrip()
    if stripped.endswith(_CONNECTOR_ENDS):
        return True
    last = stripped.lower().split()
    return bool(last) and last[-1] in words


def _connects(line: str) -> bool:
    """A header line ending on a connector, read with its diacritics: "BỘ KẾ HOẠCH VÀ ĐẦU TƯ" ends there
    (folded, "tư" would be "từ")."""
    return _goes_on(line, _CONNECTORS)


def _title_like(cell: Cell) -> bool:
    """ "Thực hiện công tác bầu cử …" under "KẾ HOẠCH": a short line, not a sentence of the body."""
    text = cell.text.strip()
    return (
        bool(re.match(r"(?:thuc hien|trien khai)\s", cell.folded.strip()))
        and len(text) < 120
        and not text.endswith((";", ",", ":", "."))
    )


_TITLE_LINES = 24  # a long title (an errata naming four circulars) runs over twenty lines of a narrow page


def _gather(head: Header, cells: list[Cell], start: int, first: str, confidence: float) -> int:
    """A trích yếu runs over several lines, until the body, the enacting body or a change of case."""
    junk = re.match(r"^(?P<junk>.{3,80}?[\d&|#§].{0,40}?)\s(?=Về\s|V/v\s)", first.strip())
    # "-TRUNG TÂM CÔNG 810 & Tin HỌC … Về việc …": a stamp OCR'd in front of the title's first line
    if junk and (not junk["junk"][:1].isalpha() or re.search(r"[&|#§]", junk["junk"])):
        first = first.strip()[junk.end() :]
    first, flattened = _before_body(first)
    parts = [first.strip()]
    upper = first.upper() == first
    # "HỘI NGHỊ LẦN THỨ BA / BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHOÁ XIV / về …": a conference's conclusion
    # names the committee in capitals, then its subject in lower case.
    conference = fold(first).strip().startswith("hoi nghi")
    reason = ""
    j = start + 1
    for j in range(start + 1, min(len(cells), start + _TITLE_LINES)):
        cell = cells[j]
        text, folded = cell.text.strip(), cell.folded.strip()
        prev = fold(parts[-1]).rstrip()
        joined = _goes_on(parts[-1])
        if SEPARATOR.match(text) or _is_motto(cell):
            break
        if stamp_noise(text):
            # "CỤ T§6    .J}LŸ-2    trên địa bàn tỉnh …": a stamp OCR'd beside the title's next line is
            # passed over; a line of such noise alone ("lpệ h  Ngày :4/ÂL. 2 LUA#") ends the title.
            if j + 1 < len(cells) and not cells[j + 1].row_start:
                continue
            break
        if (_DATE.match(folded) or _PLACE_DATE_START.match(folded)) and not (
            folded.startswith("ngay") and (joined or re.search(r"\d\S{0,30}[/-][a-z]{1,8}$", prev))
        ):
            break  # the place and date; "… Quyết định số 07/2022/QĐ-UBND / NGÀY 17 THÁNG 02 …" goes on
        mark = _NUMBER_MARK.match(folded)
        after_type = (
            any(prev.endswith(f" {word}") for word in TYPE_BY_HEADING) and ":" not in mark[0] if mark else False
        )
        if mark and not (joined and mark[0].strip()[:2] != "so") and not after_type:
            break  # "Số: …" ends the title; "… theo / Quyết định số 152/1998/QĐ-UB …", "… QUYẾT ĐỊNH / SỐ 156/CT" go on
        if not upper and _BODY_DATE.match(folded):
            break  # "Ngày 12/11/2024, tại trụ sở …": the body's first sentence
        if prev.endswith((".", ":", ";")) or text.endswith(":"):
            break
        if upper:
            step = _after_capitals(head, cells, j, joined, conference)
            if step == "stop":
                break
            upper = step != "lower"
        else:
            body_line = _BODY.match(folded) and not text[:1].islower()  # "… nhà đầu tư / thực hiện dự án …" goes on
            # "… triển khai Nghị định" / "136/2025/NĐ-CP": the cited symbol, in capitals, goes on
            cited = _BARE_SYMBOL.match(text.strip(" *_")) and any(prev.endswith(f" {w}") for w in P.TYPE_WORDS)
            if (text.isupper() and not cited) or body_line or text[:1] in "-–+•" or len(text) > 200:
                break
            if cell.after_blank and not joined and text[:1].isupper():
                break  # an empty line, then a sentence: the body
        parts.append(text)
        if sum(len(p) for p in parts) > 1000:
            reason, confidence = "trích yếu quá dài, có thể lẫn phần thân văn bản", 0.4
            break
    else:
        j = min(len(cells), start + _TITLE_LINES)
    if flattened:  # the whole header on one line: the body was cut off, the title ends with the first line
        j = start + 1
    following = cells[j].text if j < len(cells) else ""
    head.title = _without_place(_without_heading(" ".join(" ".join(parts).split())), head.place, following)
    if confidence < SURE:
        reason = reason or "không thấy tên loại văn bản trước trích yếu"
    head.rate("title", confidence, reason)
    return j


def _after_capitals(head: Header, cells: list[Cell], j: int, joined: bool, conference: bool) -> str:
    """What the line j does to a title in capitals: "stop" it, go on with the subject in "lower" case, or "go" on."""
    cell = cells[j]
    text, folded = cell.text.strip(), cell.folded.strip()
    if folded.startswith("ve ") and text[:1].islower() and (conference or not joined):
        return "lower"  # "KẾT LUẬN CỦA THƯỜNG TRỰC ĐẢNG UỶ" / "về một số nội dung …": the subject, in lower case
    if not text.isupper() and (any(ch.isalpha() for ch in text) or len(text) > 20):
        return "stop"  # "2017-2021", "NĂM / 2022": a line of digits goes on
    if re.match(r"[ivxl]{1,4}\s{0,2}[-.]\s", folded):
        return "stop"  # "I- BỐI CẢNH": the body's first section
    if joined or (conference and folded.startswith("ban chap hanh")):
        return "go"
    if _enacting_apart(head, cells, j):
        return "stop"  # "" / "TỔNG KIỂM TOÁN NHÀ NƯỚC" / "Căn cứ …": the enacting body, apart, above the body
    organ = (
        (_ORGAN.match(folded) and ";" not in text)  # not "QUỐC HỘI TẠI TỔ VÀ HỘI TRƯỜNG; Ý KIẾN …"
        or _HEADING.match(folded)
        or text in head.issuer_lines[:1]
        or _organ_broken(cells, j)
    )
    return "stop" if organ else "go"


# "THÔNG TƯ / SỐ 15-BTC/TT NGÀY 16-3-1991 CỦA BỘ TÀI CHÍNH QUY ĐỊNH CHẾ ĐỘ …": a law database repeats the
# number, date and issuer of the Công báo's heading under the type word; the trích yếu is what follows.
_HEADING_PREFIX = re.compile(
    rf"^so\s{{1,3}}\d\S{{0,60}}\s{{1,3}}ngay\s{{1,3}}(?:{_HEADING_DATE})\s{{1,3}}"
    r"(?:cua\s.{2,120}?\s(?=ve\s|v/v\s|quy dinh\s|ban hanh\s|huong dan\s))?"
)


def _enacting_apart(head: Header, cells: list[Cell], j: int) -> bool:
    """A line after an empty one, right above the body, that names an organ or a position: the enacting body, not
    the title's last line ("NGHỊ ĐỊNH" / "" / "QUY ĐỊNH CHI TIẾT …" / "" / "CỦA LUẬT ĐẤT ĐAI" / "Căn cứ …" is)."""
    cell = cells[j]
    return (
        cell.after_blank
        and j + 1 < len(cells)
        and bool(_BODY.match(cells[j + 1].folded))
        and (bool(_ORGAN.match(cell.folded) or POSITION.match(cell.folded)) or cell.text in head.issuer_lines)
    )


def _without_place(title: str, place: str | None, following: str) -> str:
    """The title less the place and date of the column beside it, which a flattened page put on its lines: "V/v
    ghi nhãn hàng hóa Hà" (/ "Nội, ngày …", the line after the title), "… Quốc hội Khóa XV Hà Nội, ngày 24 tháng
    11 năm 2025". A place at the end is the title's own ("… trên địa bàn tỉnh Thái Nguyên", "… trên địa bàn
    Thành phố" of Hồ Chí Minh City) unless the line after goes on with the rest of it."""
    if not place:
        return title
    m = re.search(rf"\s{re.escape(place)},\s{{0,3}}ngày\s{{1,3}}\d{{1,2}}\s{{1,3}}tháng\s.{{0,20}}$", title)
    if m:
        return title[: m.start()]
    words = place.split()
    rest_of_line = following.strip(" *_")
    for n in range(len(words) - 1, 0, -1):
        tail, rest = " " + " ".join(words[:n]), " ".join(words[n:])
        if title.endswith(tail) and len(title) > len(tail) + 10 and re.match(rf"{re.escape(rest)}\s?,", rest_of_line):
            return title[: -len(tail)]
    return title


def _without_heading(title: str) -> str:
    m = _HEADING_PREFIX.match(fold(title))
    return title[m.end() :] if m and m.end() < len(title) else title


_ONE_LINE_HEADING = re.compile(r"^(?P<word>" + _HEADING_WORDS + r")\s{1,3}")
_BODY_IN_LINE = re.compile(r"\s(?=(?:Căn cứ|CĂN CỨ|Xét đề nghị)\s)")
_ENACTING_AT_END = re.compile(
    r"\s(?:(?:uy ban nhan dan|hoi dong nhan dan|chu tich uy ban nhan dan)(?:\s(?:tinh|thanh pho|huyen|quan|xa))"
    r"(?:\s[a-z]{1,10}){1,4}|(?:bo truong|thu tuong|tong kiem toan|chu nhiem)\s(?:bo|chinh phu|nha nuoc|uy ban)"
    r"(?:\s[a-z–-]{1,10}){0,8})$"  # "… BỘ TRƯỞNG BỘ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI Căn cứ …"
)


def _before_body(first: str) -> tuple[str, bool]:
    """ "BAN HÀNH QUY ĐỊNH … TỈNH TRÀ VINH ỦY BAN NHÂN DÂN TỈNH TRÀ VINH Căn cứ Luật …": a header flattened onto
    one line runs on into the enacting body and the body; the title is what comes before them."""
    m = _BODY_IN_LINE.search(first)
    if not m or m.start() < 10:
        return first, False
    title = first[: m.start()].rstrip()
    organ = _ENACTING_AT_END.search(fold(title))
    if organ and title.isupper() and not _goes_on(title[: organ.start()]):
        title = title[: organ.start()]
    return title, True


def _organ_broken(cells: list[Cell], j: int) -> bool:
    """ "ỦY" / "BAN THƯỜNG VỤ QUỐC HỘI": the enacting organ broken after its first word."""
    return (
        len(cells[j].folded.split()) <= 2
        and j + 1 < len(cells)
        and bool(_ORGAN.match(f"{cells[j].folded} {cells[j + 1].folded}"))
    )
