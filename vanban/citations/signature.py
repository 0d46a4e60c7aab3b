"""The closing block of an official text: the capacity lines ("TM.", "KT.", "TL.", "T/M", then the position)
and the signer's name, as text extraction gives them: in a column beside the recipients' list, flattened into one
table cell, glued to a recipients' line, broken over two lines, under a seal OCR half read. Also the signature zone
read again on its own (`read_signature_zone`), mended from the closed set of capacity lines.

Every regular expression here has bounded quantifiers: the text is untrusted.
"""

from __future__ import annotations

import re

from ..model import SURE
from .headtypes import SEPARATOR, Cell, Header
from .normalise import fold

_GLUED_NAME = re.compile(
    r"^([A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ,.]{2,60}[A-ZĐÀ-Ỹ])([A-ZĐÀ-Ỹ][a-zà-ỹđ]{1,10}(?: [A-ZĐÀ-Ỹ][a-zà-ỹđ]{0,10}){1,4})$"
)
# The marks that open a capacity line: thay mặt, ký thay, thừa lệnh (folded).
_CAP_MARKS = "tm|kt|tl|t/m|k/t|t/l"
# A capacity line broken before its end: "TM." / "ỦY BAN NHÂN DÂN", "TM. ỦY BAN NHÂN" / "DÂN", "KT. BỘ TRƯỞNG BỘ" /
# "NỘI VỤ", "KT. TRƯỞNG BAN BAN CHÍNH SÁCH," / "THUẾ QUỐC TẾ".
_BROKEN_CAPACITY = re.compile(rf"(?:^(?:{_CAP_MARKS})\.?|\buy|\bban|\bnhan|\bva|\bbo|\bnha|-|,)$")
# "TM. Ủy ban nhân dân tỉnh": a capacity line in sentence case, its mark in capitals (read as printed).
_CAP_MARK_PRINTED = re.compile(rf"(?:{_CAP_MARKS.upper()})\.?\s")
_CAP_PREFIX = re.compile(r"^(?:t\.?\s?m|t/m|k\.?t|k/t|t\.?l|t/l|tuq|q)(?:\s{0,2}[.:/]\s{0,3}(?:\w|$)|\s{1,3}\w)")
POSITION = re.compile(
    r"^(?:pho\s)?(?:chu tich|bi thu|tong bi thu|thu tuong|bo truong|thu truong|chu nhiem|giam doc|"
    r"tong giam doc|truong ban|chanh van phong|vu truong|cuc truong|truong phong|tong thu ky|chanh an|"
    r"vien truong|tong kiem toan|uy vien|truong doan|chanh thanh tra|tong thanh tra|hieu truong|thu ky|thong doc)\b"
)
_STAMP = re.compile(
    r"^[(\[]?\s{0,2}(?:da ky|ky|ky ten|ky, ghi ro ho ten|ky ten(?:,| va) dong dau|signed|da ky va dong dau)"
    r"[^)\]]{0,40}[)\]]?\.?$"
)
_RANK = re.compile(r"(?i)(?:đại|thượng|trung|thiếu)\s(?:tướng|tá|úy)\s+")
_STAMP_IN = re.compile(r"[(\[]\s{0,2}(?:đã ký|Đã ký|ký|Ký)[^)\]]{0,30}[)\]]")
_SURNAMES = frozenset(
    re.findall(
        r"\w+",
        "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh doan trinh truong luong "
        "lam mai ha cao quach thai ta tong chu kieu la lai luu mac nong tang vuong giang khuc thach danh",
    )
)

# "KT. BỘ TRƯỞNG THỨ TRƯỞNG Lê Tấn Dũng": a signature block flattened into one table cell, its lines lost.
_FLAT_SIGNATURE = re.compile(
    r"^(?P<capacity>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ0-9.,/\- ]{4,120}?)\s+(?:[(\[][^)\]]{0,20}[)\]]\s*)?"
    r"(?P<name>[A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:\s[A-ZĐÀ-Ỹ][a-zà-ỹđ]*){1,4})\s*$"
)


def flat_signature(cell: str) -> list[str]:
    """A table cell holding a whole signature block: its capacity lines (the organ's line apart from the signer's
    position, which ends it), then the name. Any other cell as it is."""
    m = _FLAT_SIGNATURE.match(cell.strip())
    if not m or not (_CAP_PREFIX.match(fold(m["capacity"])) or POSITION.match(fold(m["capacity"]))):
        return [cell]
    if _name(m["name"]) is None:
        return [cell]
    capacity = m["capacity"].split()
    position = _POSITION_AT_END.search(fold(m["capacity"]))
    lines = [m["capacity"]]
    if position and position.start() > 0:
        cut = len(fold(m["capacity"])[: position.start()].split())  # in words: the folded text has the same ones
        if 0 < cut < len(capacity) and not _CAP_PREFIX.fullmatch(fold(" ".join(capacity[:cut])) + " x"):
            lines = [" ".join(capacity[:cut]), " ".join(capacity[cut:])]
    return [*lines, m["name"]]


# "- Lưu: VT.TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI": the capacity glued to the end of the recipients' list.
_GLUED_CAPACITY = re.compile(r"(?<=[.;])\s{0,3}(?=(?:TM|KT|TL|T/M|K/T)\.\s{0,2}[A-ZĐÀ-Ỹ])")


# "Nơi nhận: KT.CỤC TRƯỞNG": the capacity beside the recipients' heading, the columns' gap lost.
_RECIPIENTS_THEN_CAPACITY = re.compile(r"^(N[ơo]i nh[ậa]n\s?:)\s{1,5}(?=(?:TM|KT|TL|T/M|K/T)\.\s{0,2}[A-ZĐÀ-Ỹ])")


# "- Như trên; PHÓ CHỦ NHIỆM": the signer's position at the end of a recipients' line, the columns' gap lost.
_RECIPIENT_THEN_POSITION = re.compile(r"^([-–+•].{1,80}?[;,])\s{1,5}((?:PHÓ|THỨ)\s[A-ZĐÀ-Ỹ ]{3,40})$")


def split_glued_capacity(pieces: list[str]) -> list[str]:
    out: list[str] = []
    for piece in pieces:
        beside = _RECIPIENT_THEN_POSITION.match(piece)
        if beside and POSITION.match(fold(beside[2])):
            out += [beside[1], beside[2]]
            continue
        beside = _RECIPIENTS_THEN_CAPACITY.match(piece)
        if beside:
            out += [beside[1], piece[beside.end() :]]
            continue
        m = _GLUED_CAPACITY.search(piece) if fold(piece).lstrip("-+• ").startswith("luu") else None
        out += [piece[: m.start()].strip(), piece[m.end() :].strip()] if m else [piece]
    return out


def stamp_noise(text: str) -> bool:
    """OCR noise from a stamp ("CỤ T§6", ".J}LŸ-2", "ị"): signs no title has, or one letter alone (not
    "2017-2021", a title's last line)."""
    letters = sum(ch.isalpha() for ch in text)
    return bool(re.search(r"[§#{}\[\]~@$^<>=]", text)) or (letters <= 1 and not re.search(r"\d", text))


def _name(text: str) -> str | None:
    """A person's name as printed: "Nguyễn Văn A", "Lan Thị Vân", or in capitals with a known surname."""
    text = _STAMP_IN.sub("", text).strip().strip(";,.").strip()
    text = re.sub(r"^(?:đã ký|Đã ký|ĐÃ KÝ)\s{0,2}:\s*", "", text)  # "Đã ký: Nguyễn Khánh"
    rank = _RANK.match(text)
    if rank:  # "Thượng tướng Vũ Hải Sản": a general signs with his rank, kept as printed
        return text if _name(text[rank.end() :]) else None
    words = text.split()
    if not 2 <= len(words) <= 5 or any(not w.isalpha() for w in words):
        return None
    title = all(w[0].isupper() and (len(w) == 1 or w[1:].islower()) for w in words)
    capitals = text.isupper() and fold(words[0]) in _SURNAMES and len(words) >= 2
    if (title and len(words[0]) > 1) or capitals:
        return text
    return None


def _name_over_two(cells: list[Cell], k: int) -> str | None:
    """ "Phạm" / "Mạnh Cường": a name broken over two lines."""
    if k + 1 >= len(cells) or len(cells[k].text.split()) != 1:
        return None
    return _name(f"{cells[k].text.strip()} {cells[k + 1].text.strip()}")


def _loose_name(text: str) -> str | None:
    """A line that begins with a name but goes on with other signs: kept as printed, to be checked."""
    words = text.strip().split()
    if 2 <= len(words) <= 6 and not any(ch.isdigit() for ch in text) and _name(" ".join(words[:2]).rstrip(":,;")):
        return text.strip()
    return None


def read_signer(head: Header, cells: list[Cell], after: int) -> None:
    """The closing block: capacity lines ("TM. …", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), then the name."""
    start = _capacity_start(cells, after)
    if start is None:
        _signer_without_capacity(head, cells, after)
        return
    lines, glued_name, j = _capacity_lines(cells, start)
    _set_capacity(head, lines)
    if glued_name:
        head.signer = glued_name
        head.rate("signer", 0.7, "tên người ký dính liền dòng chức vụ, đã tách")
        return
    _name_under_capacity(head, cells, start, j)
    if head.signer and head.confidence.get("signer", 0) >= SURE and _deputy_alone(lines):
        head.rate("signer", 0.7, "chức vụ cấp phó mà không thấy dòng KT. ở trên: có thể thiếu dòng chức vụ")


def _organ_between(cells: list[Cell], j: int, lines: list[str]) -> bool:
    """ "KT. CHỦ TỊCH" / "ỦY BAN CHỨNG KHOÁN NHÀ NƯỚC" / "PHÓ CHỦ TỊCH": the body a mark line speaks for, on a
    line of its own between the mark and the position."""
    cell = cells[j]
    return (
        cell.text.isupper()
        and len(cell.text.split()) <= 8
        and bool(_CAP_PREFIX.match(fold(lines[-1])))
        and j + 1 < len(cells)
        and bool(POSITION.match(cells[j + 1].folded))
    )


def _deputy_alone(lines: list[str]) -> bool:
    """ "PHÓ CHỦ TỊCH", "THỨ TRƯỞNG" with no "KT." line above: a deputy signs for the head, so a line is
    missing (a flattened table, a page cut)."""
    first = fold(lines[0]).strip() if lines else ""
    return first.startswith(("pho ", "thu truong")) and not any(_CAP_PREFIX.match(fold(x)) for x in lines)


def _capacity_start(cells: list[Cell], after: int) -> int | None:
    """The cell the capacity block opens with, at or after `after`."""
    for i in range(after, len(cells)):
        cell = cells[i]
        if _position_alone(cells, i) and _name_follows(cells, i):
            return i  # "Phó Chủ tịch" / "(Đã ký)" / "Trần Nguyên", "BỘ TRƯỞNG, CHỦ NHIỆM" / name
        if _CAP_MARK_PRINTED.match(cell.text.strip()) and _position_follows(cells, i):
            return i  # "TM. Ủy ban nhân dân tỉnh" / "Chủ tịch" / name: the block in sentence case
        if not cell.text.isupper():
            continue
        if _CAP_PREFIX.match(cell.folded):
            return i
        prev = cells[i - 1].folded if i else ""
        if (POSITION.match(cell.folded) and prev.startswith("noi nhan")) or (
            cell.row.lstrip().startswith("|") and cell.row_start and i > after + 3 and len(cell.text) < 60
        ):
            return i
    return None


def _capacity_lines(cells: list[Cell], start: int) -> tuple[list[str], str | None, int]:
    """(the capacity lines as printed, a name glued to the last of them, the cell after the block)."""
    lines = [cells[start].text]
    glued_name: str | None = None
    j = start + 1
    while j < min(len(cells), start + 25) and len(lines) < 4 and glued_name is None:
        cell = cells[j]
        if _skippable(cell):
            j += 1
            continue
        glued = _GLUED_NAME.match(cell.text.strip())
        if glued and POSITION.match(fold(glued[1])) and _name(glued[2]):
            lines.append(glued[1])  # "CHÁNH VĂN PHÒNGThái Hữu Phép": a page lost the line break
            glued_name = glued[2]
        elif cell.text.isupper() and len(cell.text.split()) <= 8 and _BROKEN_CAPACITY.search(fold(lines[-1]).strip()):
            lines[-1] = f"{lines[-1].strip()} {cell.text.strip()}"  # "TL. CHỦ TỊCH ỦY" / "BAN NHÂN DÂN TỈNH"
        elif (
            (
                cell.text.isupper()
                and len(cell.text.split()) <= (14 if _CAP_PREFIX.match(cell.folded) else 8)
                and (_CAP_PREFIX.match(cell.folded) or POSITION.match(cell.folded))
            )
            or _organ_between(cells, j, lines)
            or _position_alone(cells, j)
            or (cell.text.isupper() and cell.folded.startswith("nuoc cong hoa"))  # "TM. HỘI ĐỒNG NHÀ NƯỚC" / "NƯỚC …"
        ):
            lines.append(cell.text)
        else:
            break
        j += 1
    lines = [" ".join(line.split()) for line in lines]  # "THỨ\u2006 \u2006 TRƯỞNG": spaced-out columns
    return lines, glued_name, j


def _name_under_capacity(head: Header, cells: list[Cell], start: int, j: int) -> None:
    """The signer's name in the cells after the capacity block (start: its first cell, j: the one after)."""
    in_list = any(c.folded.startswith("noi nhan") for c in cells[max(0, start - 2) : j + 1])
    for k in range(j, min(len(cells), j + 30)):
        cell = cells[k]
        if _skippable(cell):
            in_list = in_list or cell.folded.startswith("noi nhan")
            continue
        name = _name(cell.text) or _name_over_two(cells, k)
        if in_list and cell.row_start and (not name or cell.text.rstrip().endswith((";", ","))):
            continue  # a recipients' line run on in the left column ("Việt Nam;"); the name stands on the right
        head.signer = name
        if head.signer is None:
            head.signer = _loose_name(cell.text)
            if head.signer:
                head.rate("signer", 0.7, "dòng tên người ký có thêm ký tự lạ")
                return
        break
    if head.signer:
        head.rate("signer", 0.9)
    else:
        head.rate("signer", 0.6, "không thấy tên người ký sau chức vụ")


def _position_alone(cells: list[Cell], i: int) -> bool:
    """A position on a line of its own, in sentence case: "Phó Chủ tịch", "Chủ tịch", "Bộ trưởng"."""
    cell = cells[i]
    text = cell.text.strip()
    return (
        cell.row_start
        and cell.row.strip(" *_") == cell.folded.strip(" *_")
        and len(text.split()) <= 6
        and text[:1].isupper()
        and not text.endswith((".", ",", ";", ":"))
        and bool(POSITION.match(cell.folded.strip()))
    )


def _position_follows(cells: list[Cell], i: int) -> bool:
    """The next cell is a position that signs ("Chủ tịch" / name)."""
    return i + 1 < len(cells) and _position_alone(cells, i + 1) and _name_follows(cells, i + 1)


def _name_follows(cells: list[Cell], i: int) -> bool:
    """A name within a few cells (stamps skipped): a position line that signs, not a sentence."""
    seen = 0
    for k in range(i + 1, min(len(cells), i + 6)):
        cell = cells[k]
        if _skippable(cell) and not cell.folded.startswith(("- ", "-", "noi nhan")):
            continue
        if _name(cell.text) or _name_over_two(cells, k):  # "Ngô" / "Văn Tuấn"
            return True
        seen += 1
        if seen > 1 and not (seen == 2 and cells[i + 1].text.isupper() and len(cells[i + 1].text.split()) <= 2):
            return False  # "TỔNG KIỂM TOÁN NHÀ" / "NƯỚC" / name: a position broken over two lines
    return False


def _skippable(cell: Cell) -> bool:
    """Cells between the capacity and the name: stamps (not "Đã ký: Nguyễn Khánh"), the recipients' list, the
    file mark."""
    f = cell.folded.strip()
    return bool(
        ((_STAMP.match(f) or f.startswith(("(da ky", "[da ky", "da ky"))) and not _name(cell.text))
        or SEPARATOR.match(cell.text)
        or f.isdigit()  # a page number between the capacity and the name
        or stamp_noise(cell.text.strip())  # "ỗ": a stroke of the handwritten signature, OCR'd
        or f.startswith(("noi nhan", "- ", "-", "+", "•"))
        or (f.startswith("luu") and not _name(cell.text))  # "Lưu: VT, NN", not "Lưu Đức Huy"
        or f == "dang cap nhat"  # a law site's filler where the signature image was
        or re.match(r"^[a-z]:\\", f)  # "d:\2011\CV\…": a file path printed under the list
    )


def _signer_without_capacity(head: Header, cells: list[Cell], after: int) -> None:
    """No capacity line: the name alone at the very end, after the recipients (OCR loses the rest)."""
    for cell in reversed(cells[max(after, len(cells) - 4) :]):
        if _skippable(cell) and not cell.folded.startswith("luu"):
            continue
        name = _name(cell.text)
        if name:
            head.signer = name
            head.rate("signer", 0.5, "không thấy dòng chức vụ của người ký")
        return


def _set_capacity(head: Header, lines: list[str]) -> None:
    """The capacity lines as printed, and joined in sentence case: "KT. Chủ tịch, Phó Chủ tịch"."""
    head.capacity_lines = lines
    head.capacity = ", ".join(_title_case(b) for b in lines)


def _title_case(text: str) -> str:
    """ "KT. CHỦ TỊCH" → "KT. Chủ tịch": abbreviations kept, the rest in sentence case."""
    words = text.split()
    keep = [w for w in words if w.endswith(".") or "/" in w]
    rest = " ".join(words[len(keep) :]).lower() if words[: len(keep)] == keep else text.lower()
    rest = rest[:1].upper() + rest[1:]
    rest = re.sub(r"\bPhó (\w)", lambda m: "Phó " + m[1].upper(), rest)  # Phó Chủ tịch, Phó Bí thư
    return " ".join(keep + ([rest] if rest else []))


# --- the signature zone read again ----------------------------------------------------------------------------

# A capacity line through a seal: noise, perhaps the last letter of the mark, then the position at the end.
_POSITION_AT_END = re.compile(POSITION.pattern.removeprefix("^").removesuffix(r"\b") + r"\s*$")
_MARK_BY_LAST_LETTER = {"t": "KT.", "m": "TM.", "l": "TL."}
_DEPUTY = {"bo truong": "THỨ TRƯỞNG", "thu tuong": "PHÓ THỦ TƯỚNG"}  # who signs under "KT. <position>"


def read_signature_zone(text: str) -> Header:
    """The signer from a second reading of the signature zone alone (OCR of the page's lower right, where a
    seal covers the capacity): capacity lines mended from what is left of them, then the name. The marks
    are a closed set, and under "KT. <position>" the deputy signs, so "-e=J{T. CHỦ TỊCH" / "KP }CHỦ TỊCH"
    can only be "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH". What is mended this way is always for a person to check."""
    head = Header()
    lines: list[str] = []
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        mended = _mended_capacity(line, lines[-1] if lines else None)
        if mended:
            lines.append(mended)
        elif lines and (name := _name(line)):
            head.signer = name
            _set_capacity(head, lines)
            head.rate("signer", 0.6, "đọc lại vùng chữ ký, nơi con dấu đè lên chữ: cần người kiểm tra")
            return head
    return head


def _mended_capacity(line: str, above: str | None) -> str | None:
    """A capacity line as it must have been printed, or None when the line is not one."""
    folded = fold(line)
    if line.isupper() and (_CAP_PREFIX.match(folded) or POSITION.match(folded)):
        return line  # read whole
    if above and above.startswith("KT."):
        # The deputy's line under "KT. CHỦ TỊCH": "PHÓ CHỦ TỊCH", of which the seal left "Ủ TỊCH".
        over, letters = fold(above[3:]).replace(" ", ""), re.sub(r"[^a-z]", "", folded)
        common = _common_tail(over, letters)
        if common >= 5 and line.rstrip()[-1:].isupper():
            return _DEPUTY.get(fold(above[3:]).strip(), f"PHÓ {above[3:].strip()}")
    m = _POSITION_AT_END.search(folded)
    if m is None or len(folded) != len(line) or len(folded[: m.start()].strip()) > 10:
        return None  # not a capacity line (a sentence may end on a position)
    position = line[m.start() :].strip()
    prefix = re.sub(r"[^a-z]", "", folded[: m.start()])
    mark = folded[: m.start()].rstrip(" .,:")
    if mark[-1:] in _MARK_BY_LAST_LETTER and re.search(r"[.,]\s*$", folded[: m.start()]):
        return f"{_MARK_BY_LAST_LETTER[mark[-1]]} {position}"
    return position if not prefix else None


def _common_tail(a: str, b: str) -> int:
    """How many letters two strings end with in common."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n
