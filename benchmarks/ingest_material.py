"""Test material for ingest, grown from real texts that nobody here wrote.

Takes the annotated real texts of benchmarks/realtexts/ (their header read by hand), lays each
out as offices do (two-column header table, type word and trích yếu, body, signature table) and
writes it as one of five variants, chosen from a hash of the id:

- unicode: a .docx in Unicode (Times New Roman);
- tcvn3:   the same re-encoded in TCVN3 with .VnTime/.VnTimeH fonts, as .docx and .doc;
- vni:     the same re-encoded in VNI with VNI-Times fonts, as .docx and .doc;
- office:  .doc and .pdf made from the Unicode .docx by LibreOffice headless;
- scan:    the first page printed to PDF, rasterised at 200 dpi and degraded (skew, blur, noise,
           a red round stamp over the signature, on some the number and day written by hand),
           as .png and as a one-page image PDF.

    python benchmarks/ingest_material.py [--out build/ingest-material] [--count 40]

Writes the files and manifest.yaml: one row per file with its source id, kind, variant, whether
its source is held out (sha1("ingest:" + id) starts with 0–5, about a third), the expected header
fields (from the annotation) and which of them were written by hand. Everything is seeded by the
id, so the same command makes the same material. Needs python-docx and Pillow (the dev venv),
LibreOffice (soffice) and poppler-utils (pdftoppm, pdftotext, pdfinfo).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import math
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vanban.symbols import fold, parse_symbol  # noqa: E402

SET = ROOT / "benchmarks" / "realtexts"
DEFAULT_OUT = ROOT / "build" / "ingest-material"

VARIANTS = ("unicode", "tcvn3", "vni", "office", "scan")
FILES_PER_SOURCE = {"unicode": 1, "tcvn3": 2, "vni": 2, "office": 2, "scan": 2}
DPI = 200
BODY_CHARS = 3500  # about two pages of body
SCAN_BODY_CHARS = 550  # a scan is of the first page: keep the signature on it
UNICODE_FONT = "Times New Roman"
HANDWRITING_FONTS = (
    "/usr/share/fonts/opentype/urw-base35/Z003-MediumItalic.otf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Italic.ttf",
)
STAMP_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def held_out(doc_id: str) -> bool:
    """About a third of the sources, fixed by the id alone, kept aside until the end."""
    return hashlib.sha1(f"ingest:{doc_id}".encode()).hexdigest()[0] in "012345"


def _hash(*parts: str) -> int:
    return int(hashlib.sha1(":".join(parts).encode("utf-8")).hexdigest(), 16)


def rng_for(doc_id: str, purpose: str) -> random.Random:
    return random.Random(_hash("ingest-material", purpose, doc_id))


# ---------------------------------------------------------------------------------------------
# Legacy encodings. TCVN3: the inverse of viparse's decoding table (one byte a letter; no accented
# capitals: a heading is typed in a .VnTimeH font, which draws the lower-case bytes as capitals).
# VNI: the VNI-Windows layout (base letter + one mark byte; đ ơ ư and the i-family one byte each).
# Both are checked to round-trip through viparse.fix on every Vietnamese letter (check_encoders);
# a letter that does not stays in a Unicode run, as in files edited after the legacy era.

VOWELS = "aăâeêioôơuưy"
TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # none, sắc, huyền, hỏi, ngã, nặng


def vietnamese_letters() -> list[str]:
    out = []
    for base in VOWELS:
        for tone in TONES:
            letter = unicodedata.normalize("NFC", base + tone)
            out += [letter, letter.upper()]
    return [*out, "đ", "Đ"]


def _tcvn3_table() -> dict[str, str]:
    from viparse.normalize.tcvn3 import TCVN3

    return {uni: legacy for legacy, uni in TCVN3.pairs}


_VNI_TONE = {"": "", "\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_CIRCUMFLEX = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_VNI_BREVE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_VNI_I = {"": "i", "\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {"đ": "ñ", "Đ": "Ñ"}
    for base in VOWELS:
        for tone in TONES:
            letter = unicodedata.normalize("NFC", base + tone)
            if letter.isascii():
                continue
            if base in "âêô":
                legacy = base.translate(str.maketrans("âêô", "aeo")) + _VNI_CIRCUMFLEX[tone]
            elif base == "ă":
                legacy = "a" + _VNI_BREVE[tone]
            elif base == "ơ":
                legacy = "ô" + _VNI_TONE[tone]
            elif base == "ư":
                legacy = "ö" + _VNI_TONE[tone]
            elif base == "i":
                legacy = _VNI_I[tone]
            else:
                legacy = base + _VNI_TONE[tone]
            table[letter] = legacy
            table[letter.upper()] = legacy.upper()
    return table


TCVN3_TABLE = _tcvn3_table()
VNI_TABLE = _vni_table()
TCVN3_FONT, TCVN3_CAPS_FONT, VNI_FONT = ".VnTime", ".VnTimeH", "VNI-Times"


def _viparse_fix(text: str, encoding: str) -> str:
    import viparse

    return unicodedata.normalize("NFC", viparse.fix(text, encoding=encoding))


def check_encoders() -> dict[str, list[str]]:
    """Encode every Vietnamese letter and decode it with viparse: the letters that do not come back.

    Those are dropped from the tables, so they stay in Unicode runs. TCVN3 capitals are checked as
    the .VnTimeH font gives them (decoded, then upper-cased).
    """
    failed: dict[str, list[str]] = {"tcvn3": [], "vni": []}
    for letter in vietnamese_letters():
        segments = encode_segments(letter, "tcvn3")
        back = "".join(_decode_segment(s, f, "tcvn3") for s, f in segments)
        if back != letter or segments[0][1] == UNICODE_FONT:
            failed["tcvn3"].append(letter)
        legacy = _legacy_char(letter, VNI_TABLE)
        if legacy is None or _viparse_fix(legacy, "vni") != letter:
            failed["vni"].append(letter)
            VNI_TABLE.pop(letter, None)
    for letter in failed["tcvn3"]:
        TCVN3_TABLE.pop(letter, None)
    return failed


def _decode_segment(text: str, font: str, encoding: str) -> str:
    if font == UNICODE_FONT:
        return text
    m = re.fullmatch(r"(\s*)(.*?)(\s*)", text, re.S)  # viparse.fix trims: keep the run's spaces
    assert m is not None
    out = m[1] + _viparse_fix(m[2], encoding) + m[3] if m[2] else text
    return out.upper() if font == TCVN3_CAPS_FONT else out


def _legacy_char(ch: str, table: dict[str, str]) -> str | None:
    if ch.isascii():
        return ch
    return table.get(ch)


def encode_segments(text: str, encoding: str, caps: bool = False) -> list[tuple[str, str]]:
    """Text as (legacy text, font) runs; what the encoding cannot hold stays Unicode."""
    text = unicodedata.normalize("NFC", text)
    pieces: list[tuple[str, str]] = []
    for ch in text:
        if encoding == "vni":
            legacy = _legacy_char(ch, VNI_TABLE)
            font = VNI_FONT
        else:
            font = TCVN3_CAPS_FONT if caps else TCVN3_FONT
            legacy = _legacy_char(ch, TCVN3_TABLE)
            if legacy is None and ch.isupper() and ch.lower() in TCVN3_TABLE:
                legacy, font = TCVN3_TABLE[ch.lower()], TCVN3_CAPS_FONT  # a capital: the H font draws it
        if legacy is None:
            legacy, font = ch, UNICODE_FONT
        if pieces and pieces[-1][1] == font:
            pieces[-1] = (pieces[-1][0] + legacy, font)
        else:
            pieces.append((legacy, font))
    return pieces


def encode_plain(text: str, encoding: str) -> bytes:
    """A plain 8-bit legacy file: TCVN3 loses accented capitals (no font to draw them)."""
    out = []
    table = VNI_TABLE if encoding == "vni" else TCVN3_TABLE
    for ch in unicodedata.normalize("NFC", text):
        legacy = _legacy_char(ch, table)
        if legacy is None and encoding == "tcvn3":
            legacy = _legacy_char(ch.lower(), table)
        out.append(legacy if legacy is not None else "?")
    return "".join(out).encode("cp1252", errors="replace")


def round_trips(text: str, encoding: str, caps: bool) -> bool:
    segments = encode_segments(text, encoding, caps)
    back = "".join(_decode_segment(s, f, encoding) for s, f in segments)
    want = unicodedata.normalize("NFC", text)
    return back == (want.upper() if caps and encoding == "tcvn3" else want)


# ---------------------------------------------------------------------------------------------
# Sources: the annotated real texts.


@dataclass
class Source:
    id: str
    system: str
    header: dict[str, Any]
    heading: str | None  # the type word as printed ("QUYẾT ĐỊNH"); None for a công văn
    body: list[str]
    recipients: list[str]
    cong_van: bool = False


HEADINGS = {
    "bao cao": "BÁO CÁO",
    "ke hoach": "KẾ HOẠCH",
    "chuong trinh hanh dong": "CHƯƠNG TRÌNH HÀNH ĐỘNG",
    "chuong trinh phoi hop": "CHƯƠNG TRÌNH PHỐI HỢP",
    "chuong trinh": "CHƯƠNG TRÌNH",
    "nghi quyet lien tich": "NGHỊ QUYẾT LIÊN TỊCH",
    "nghi quyet": "NGHỊ QUYẾT",
    "ket luan": "KẾT LUẬN",
    "chi thi": "CHỈ THỊ",
    "quyet dinh": "QUYẾT ĐỊNH",
    "quy dinh": "QUY ĐỊNH",
    "quy che phoi hop": "QUY CHẾ PHỐI HỢP",
    "quy che": "QUY CHẾ",
    "huong dan": "HƯỚNG DẪN",
    "thong bao": "THÔNG BÁO",
    "thong tri": "THÔNG TRI",
    "to trinh": "TỜ TRÌNH",
    "luat": "LUẬT",
    "phap lenh": "PHÁP LỆNH",
    "nghi dinh": "NGHỊ ĐỊNH",
    "thong tu lien tich": "THÔNG TƯ LIÊN TỊCH",
    "thong tu": "THÔNG TƯ",
    "de an": "ĐỀ ÁN",
}
HEADING_OF_CODE = {
    "NQ": "NGHỊ QUYẾT",
    "KL": "KẾT LUẬN",
    "CT": "CHỈ THỊ",
    "QĐ": "QUYẾT ĐỊNH",
    "QĐi": "QUY ĐỊNH",
    "QyĐ": "QUY ĐỊNH",
    "NĐ": "NGHỊ ĐỊNH",
    "TTLT": "THÔNG TƯ LIÊN TỊCH",
    "KH": "KẾ HOẠCH",
    "BC": "BÁO CÁO",
    "HD": "HƯỚNG DẪN",
    "TB": "THÔNG BÁO",
    "TTr": "TỜ TRÌNH",
    "ĐA": "ĐỀ ÁN",
    "CTr": "CHƯƠNG TRÌNH",
    "QC": "QUY CHẾ",
    "QCPH": "QUY CHẾ PHỐI HỢP",
    "PL": "PHÁP LỆNH",
    "CĐ": "CÔNG ĐIỆN",
}
_HEAD_LINE = re.compile(
    r"^[\W_]{0,4}(" + "|".join(sorted(map(re.escape, HEADINGS), key=len, reverse=True)) + r")\s{0,3}[\W_]{0,4}$"
)
_HEADERISH = re.compile(
    r"(?:^(?:[^,]{0,50},\s{0,3})?ngay\s{1,3}\d{1,2}\s{1,3}thang\s{1,3}\d{1,2}\s{1,3}nam\s{1,3}\d{4}\W{0,3}$"
    r"|cong hoa xa hoi|doc lap\s{0,2}-\s{0,2}tu do|dang cong san viet nam|^so\s{0,2}:)"
)
_BODY_END = re.compile(r"^[\W_]{0,4}(?:noi nhan|tm\.|t/m|kt\.|k/t|tl\.|t/l|\(da ky\)|chu tich\s*$|bi thu\s*$)")
_SIGN_IN_LINE = re.compile(
    r"noi nhan\s{0,2}:|\b(?:tm|kt|tl|t/m|k/t|t/l)\.?\s{1,2}(?:uy ban|chu tich|ban |bo truong|thu tuong|chinh phu)"
)
_BODY_START = re.compile(
    r"^[\W_]{0,4}(?:can cu|thuc hien|kinh gui|trien khai|de |xet |theo |i\.|1\.|dieu 1|chuong i|phan i|"
    r"nham |qua |trong |ngay \d)"
)


def _alnum(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def _clean(line: str) -> str:
    line = line.replace("**", "").replace("|", " ")
    line = re.sub(r"^\s*\*(?=\S)|(?<=\S)\*\s*$", "", line)
    return re.sub(r"\s+", " ", line).strip()


def _heading(header: dict[str, Any], lines: list[str]) -> str | None:
    symbol = str(header.get("symbol") or "")
    code = parse_symbol(symbol).type_code
    if code in HEADING_OF_CODE:
        return HEADING_OF_CODE[code]
    if code == "TT":
        return "THÔNG TRI" if symbol.endswith(("/TW", "/TU")) else "THÔNG TƯ"
    for known in sorted(HEADING_OF_CODE, key=len, reverse=True):  # a symbol as printed: "321aNQ/UBTVQH9"
        if re.search(rf"(?<![A-ZĐ]){re.escape(known)}(?=[-/])", symbol):
            return HEADING_OF_CODE[known]
    for line in lines[:25]:
        if m := _HEAD_LINE.match(fold(_clean(line))):
            return HEADINGS[m[1]]
    return None


def _body(text: str, header: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The lines after the title, up to the signature block; and the real "Nơi nhận" list if any."""
    lines = [_clean(x) for x in text.splitlines()]
    title_end = _alnum(str(header.get("title") or ""))[-20:]
    start = None
    if title_end:
        joined = ""
        for i, line in enumerate(lines[:60]):
            joined += _alnum(line)
            if title_end in joined:
                start = i + 1
                break
    if start is None:
        start = next((i for i, x in enumerate(lines[:60]) if _BODY_START.match(fold(x))), min(8, len(lines)))
    names = {fold(str((header.get("signer") or {}).get("name") or "")), "noi nhan:"}
    place = fold(str(header.get("place") or ""))
    body: list[str] = []
    size = 0
    for line in lines[start:]:
        folded = fold(line)
        if not line or re.fullmatch(r"[\W_]*", line):
            continue
        if _BODY_END.match(folded) or folded in names:
            break
        if (end := _SIGN_IN_LINE.search(folded)) is not None:  # "Nơi nhận:" and the capacity on the body's line
            if end.start() > 20 and len(folded) == len(line):
                body.append(line[: end.start()].strip())
            break
        if _HEADERISH.search(folded) and len(body) < 6:
            continue
        if len(body) < 6 and len(folded) < 40 and place and place.startswith(folded):
            continue  # the place of "Thành phố Hồ Chí / Minh, ngày …" broken over two lines
        if _HEADERISH.search(folded):
            break  # the header again (some sources repeat the first page)
        body.append(line)
        size += len(line)
        if size > BODY_CHARS:
            break
    recipients: list[str] = []
    body = _paragraphs(body)
    for i, line in enumerate(lines):
        if fold(line).startswith("noi nhan"):
            for nxt in lines[i + 1 : i + 14]:
                if re.match(r"^[-–+]\s?\S", nxt) and len(nxt) < 90:
                    # the signature column interleaved into the list: "- Chủ tịch UBND tỉnh; PHÓ CHỦ TỊCH"
                    nxt = _CAPS_TAIL.sub(r"\1", nxt)
                    recipients.append(re.sub(r"^[-–+]\s?", "- ", nxt))
                elif recipients and nxt:
                    break
            break
    return body, recipients[:8]


_CAPS_TAIL = re.compile(r"([;,.:])\s{0,3}(?:[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ.]{0,12}(?:\s|$)){2,}.{0,40}$")
_NEW_ITEM = re.compile(
    r"^(?:Kính gửi|Căn cứ|[-–+•]\s|\d{1,2}(?:\.\d{1,2}){0,2}\.?\s|[IVX]{1,5}[.-]\s|[a-zđ]\)\s|Điều\s\d|Chương\s|Mục\s)"
)


def _paragraphs(lines: list[str]) -> list[str]:
    """Join the lines a source wrapped: a line goes on unless it ends a sentence or the next opens an item."""
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        goes_on = prev and not re.search(r"[.;:!?]\W?$", prev) and not _is_caps(prev)
        if goes_on and not _NEW_ITEM.match(line) and len(prev) < 1500:
            out[-1] = f"{prev} {line}"
            continue
        out.append(line)
    return out


def load_sources() -> list[Source]:
    out = []
    for path in sorted((SET / "annotations").glob("*.yaml")):
        ann = yaml.safe_load(path.read_text(encoding="utf-8"))
        header = ann.get("header") or {}
        if not all(header.get(k) for k in ("symbol", "date", "title", "issuer")):
            continue
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(header["date"])):
            continue  # a year alone: no day to print
        text = (SET / "texts" / f"{ann['id']}.txt").read_text(encoding="utf-8")
        body, recipients = _body(text, header)
        if len(body) < 2:
            continue
        if header.get("signer") and not (header["signer"] or {}).get("name"):
            header = {**header, "signer": None}  # a capacity without a name: nothing a reader could sign off
        title = str(header["title"])
        heading = _heading(header, text.splitlines())
        if fold(title).startswith("v/v") and parse_symbol(str(header["symbol"])).type_code is None:
            heading = None
        cong_van = heading is None
        out.append(Source(ann["id"], str(ann.get("system") or "nha-nuoc"), header, heading, body, recipients, cong_van))
    return out


def choose(sources: list[Source], count: int) -> list[tuple[Source, str]]:
    """Sources and their variant, in a fixed order: each source takes the first variant in its own
    hash order whose quota (files per variant, a third of them held out) is still open. Sources with
    a signer in their annotation come first."""
    per_variant = count / len(VARIANTS)
    quota: dict[tuple[str, bool], int] = {}
    for v in VARIANTS:
        n = max(1, round(per_variant / FILES_PER_SOURCE[v]))
        held = round(n / 3) if n >= 2 else 0
        quota[(v, True)], quota[(v, False)] = held, n - held
    ordered = sorted(sources, key=lambda s: (not s.header.get("signer"), _hash("order", s.id)))
    chosen = []
    total = 0
    for src in ordered:
        if total >= count:
            break
        half = held_out(src.id)
        for v in sorted(VARIANTS, key=lambda v: _hash("variant", src.id, v)):
            if quota[(v, half)] > 0:
                quota[(v, half)] -= 1
                chosen.append((src, v))
                total += FILES_PER_SOURCE[v]
                break
    return chosen


# ---------------------------------------------------------------------------------------------
# Layout, with python-docx.


def date_words(iso: str) -> tuple[str, str, str]:
    """Day, month, year as offices print them: a day under 10 and January, February with a zero."""
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d:02d}", f"{m:02d}" if m < 3 else str(m), str(y)


def _is_caps(text: str) -> bool:
    return any(c.isalpha() for c in text) and text == text.upper()


@dataclass
class Layout:
    """How one document is printed: which encoding, what is left blank for the pen."""

    encoding: str = "unicode"  # unicode | tcvn3 | vni
    blank_number: bool = False
    blank_day: bool = False
    body_chars: int = BODY_CHARS
    copy_mark: bool = False  # "(Đã ký)" in place of the signature
    failures: list[str] = field(default_factory=list)  # paragraphs kept in Unicode: they did not round-trip


def _add_text(paragraph: Any, text: str, layout: Layout, **style: Any) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    if layout.encoding == "unicode" or not text:
        segments = [(text, UNICODE_FONT)]
    else:
        caps = _is_caps(text)
        if round_trips(text, layout.encoding, caps):
            segments = encode_segments(text, layout.encoding, caps)
        else:
            layout.failures.append(text[:60])
            segments = [(text, UNICODE_FONT)]
    for chunk, font in segments:
        run = paragraph.add_run(chunk)
        run.font.name = font
        rfonts = run._element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:cs", "w:eastAsia"):
            rfonts.set(qn(attr), font)
        run.bold = style.get("bold")
        run.italic = style.get("italic")
        run.underline = style.get("underline")
        if style.get("size"):
            run.font.size = Pt(style["size"])


def _para(container: Any, text: str, layout: Layout, align: str = "center", first: bool = False, **style: Any) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = container.paragraphs[0] if first and container.paragraphs and not container.paragraphs[0].text else None
    if p is None:
        p = container.add_paragraph()
    p.alignment = {
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[align]
    p.paragraph_format.space_after = Pt(style.pop("after", 0))
    p.paragraph_format.space_before = Pt(style.pop("before", 0))
    _add_text(p, text, layout, **style)
    return p


def _rule(container: Any, indent_cm: float) -> None:
    """A short line under the issuer or the motto: a paragraph border, no characters."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    p = container.add_paragraph()
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(qn(k), v)
    borders.append(bottom)
    ppr.append(borders)
    p.paragraph_format.left_indent = Cm(indent_cm)
    p.paragraph_format.right_indent = Cm(indent_cm)
    p.paragraph_format.space_after = Pt(4)
    p.paragraph_format.line_spacing = Pt(4)


def _table(doc: Any, rows: int, widths_cm: tuple[float, float]) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    table = doc.add_table(rows=rows, cols=2)
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm, strict=True):
        col.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)
    return table


def number_text(symbol: str, party: bool, blank: bool) -> str:
    """ "Số: 565/TB-UBND" (State) or "Số 29-CT/TU" (Party); the number left blank for the pen."""
    shown = symbol
    if blank:
        m = re.match(r"\d+[a-z]?", symbol)
        if m:
            shown = " " * (4 * len(m[0]) + 4) + symbol[m.end() :]
    return f"Số {shown}" if party else f"Số: {shown}"


def date_text(place: str | None, iso: str, blank_day: bool) -> str:
    d, m, y = date_words(iso)
    day = " " * 11 if blank_day else d
    return f"{place + ', ' if place else ''}ngày {day} tháng {m} năm {y}"


def build_docx(src: Source, layout: Layout, rng: random.Random) -> bytes:
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Cm, Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name = UNICODE_FONT
    normal.font.size = Pt(13)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), UNICODE_FONT)
    stamp = datetime(2024, 1, 1)
    doc.core_properties.created = doc.core_properties.modified = stamp
    doc.core_properties.author = doc.core_properties.last_modified_by = "vanban"

    h = src.header
    party = src.system == "dang"
    issuer = [str(x) for x in h["issuer"]]
    head = _table(doc, 2, (6.0, 10.5))
    left, right = head.rows[0].cells
    for i, line in enumerate(issuer):
        size = 11 if len(line) > 20 else 13  # a long name set smaller, as offices do, to keep it on one line
        _para(left, line.upper(), layout, first=i == 0, size=size, bold=i == len(issuer) - 1 or party)
    if party:
        _para(left, "*", layout)
    else:
        _rule(left, 1.8)
    if party:
        _para(right, "ĐẢNG CỘNG SẢN VIỆT NAM", layout, first=True, bold=True, underline=True, size=14)
    else:
        _para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", layout, first=True, bold=True, size=12)
        _para(right, "Độc lập - Tự do - Hạnh phúc", layout, bold=True, size=13.5)
        _rule(right, 2.2)
    left2, right2 = head.rows[1].cells
    _para(left2, number_text(str(h["symbol"]), party, layout.blank_number), layout, first=True)
    if src.cong_van:
        title = str(h["title"])
        vv = title if fold(title).startswith("v/v") else f"V/v {title[:1].lower()}{title[1:]}"
        _para(left2, vv, layout, size=12, before=3)
    place = str(h["place"]) if h.get("place") else None
    dated = date_text(place, str(h["date"]), layout.blank_day)
    _para(
        right2, dated, layout, first=True, italic=True, size=13 if len(dated) <= 40 else 12 if len(dated) <= 44 else 11
    )

    if not src.cong_van:
        _para(doc, src.heading or "", layout, bold=True, size=14, before=14)
        _para(doc, str(h["title"]), layout, bold=True, size=14)
        _rule(doc, 6.5)
    body_size = 0
    for line in src.body:
        p = _para(doc, line, layout, align="justify", before=0, after=6)
        p.paragraph_format.first_line_indent = Cm(1.0)
        body_size += len(line)
        if body_size > layout.body_chars:
            break

    signer = h.get("signer") or None
    sign = _table(doc, 1, (7.5, 8.5))
    left, right = sign.rows[0].cells
    recipients = src.recipients or ["- Như trên;", "- Lưu: VT."]
    _para(left, "Nơi nhận:", layout, align="left", first=True, bold=True, italic=True, size=12, before=12)
    for line in recipients:
        _para(left, line, layout, align="left", size=11)
    if signer:
        capacity = signer.get("capacity") or []
        capacity = capacity if isinstance(capacity, list) else [capacity]
        for i, line in enumerate(capacity):
            _para(right, str(line), layout, first=i == 0, bold=True, size=13.5 if i else 13, before=12 if i == 0 else 0)
        if layout.copy_mark:
            _para(right, "(Đã ký)", layout, italic=True, before=18, after=18)
        else:
            for _ in range(4):
                _para(right, "", layout)
        _para(right, str(signer.get("name") or ""), layout, bold=True, size=14)
    out = io.BytesIO()
    doc.save(out)
    return _fixed_zip(out.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same bytes each time: zip entries carry a fixed date."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# LibreOffice and poppler.


# Here Liberation Serif (what LibreOffice draws for Times New Roman) lacks some Vietnamese letters (ở, ủ, ị):
# it takes them from another font and pdftotext then splits the words ("S ở", "Ch ủ t ịch"), which offices'
# PDFs, printed with Times New Roman, do not do. The private profile's font replacement table draws Times
# New Roman with DejaVu Serif Condensed (about as wide), which has them all; the .doc and .docx files keep
# the name Times New Roman.
PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Font/Substitution">
 <prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs">
 <node oor:name="_0" oor:op="replace">
  <prop oor:name="Always" oor:op="fuse"><value>true</value></prop>
  <prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop>
  <prop oor:name="ReplaceFont" oor:op="fuse"><value>Times New Roman</value></prop>
  <prop oor:name="SubstituteFont" oor:op="fuse"><value>DejaVu Serif Condensed</value></prop>
 </node></item>
</oor:items>
"""


def soffice(files: list[Path], target: str, outdir: Path, profile: Path) -> None:
    if not files:
        return
    outdir.mkdir(parents=True, exist_ok=True)
    settings = profile / "user" / "registrymodifications.xcu"
    if not settings.exists():
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(PROFILE_SETTINGS, encoding="utf-8")
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            *map(str, files),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=900,
    )
    missing = [f.name for f in files if not (outdir / f"{f.stem}.{target}").exists()]
    if missing:
        raise SystemExit(f"LibreOffice did not convert to {target}: {', '.join(missing)}")


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", info, re.M)
    return int(m[1]) if m else 0


@dataclass
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def page_words(pdf: Path) -> list[Word]:
    """The words of page 1 with their boxes, in pixels at DPI."""
    xhtml = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    scale = DPI / 72.0
    words = []
    for m in re.finditer(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', xhtml
    ):
        x0, y0, x1, y1 = (float(m[i]) * scale for i in range(1, 5))
        text = m[5].replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
        word = Word(unicodedata.normalize("NFC", text), x0, y0, x1, y1)
        last = words[-1] if words else None
        if last and abs(last.y0 - y0) < 4 and -4 < x0 - last.x1 < 4:  # a letter from a fallback font: "S" "ố:"
            words[-1] = Word(last.text + word.text, last.x0, min(last.y0, y0), x1, max(last.y1, y1))
        else:
            words.append(word)
    return words


# ---------------------------------------------------------------------------------------------
# Scans: handwriting, a stamp, a signature, then skew, blur and noise.


def _font(path: str, size: int) -> Any:
    from PIL import ImageFont

    return ImageFont.truetype(path, size)


def _handwrite(img: Any, text: str, x: float, y_top: float, height: float, rng: random.Random) -> None:
    """Digits in another font, larger, in ink, slightly off the line, as filled in by hand."""
    from PIL import Image, ImageDraw

    font = _font(rng.choice(HANDWRITING_FONTS), int(height * rng.uniform(1.05, 1.3)))
    ink = (rng.randint(10, 40), rng.randint(20, 50), rng.randint(90, 150), 255)
    w = int(height * 3 + 40)
    layer = Image.new("RGBA", (w, int(height * 2.6)), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    cx = 6
    for ch in text:
        dy = rng.uniform(-0.12, 0.12) * height
        draw.text((cx, height * 0.3 + dy), ch, font=font, fill=ink)
        cx += int(draw.textlength(ch, font=font) * rng.uniform(0.9, 1.1))
    layer = layer.rotate(rng.uniform(-5, 5), resample=Image.BICUBIC, expand=False)
    img.alpha_composite(layer, (int(x), max(0, int(y_top - height * 0.45 + rng.uniform(-0.2, 0.1) * height))))


def _stamp(img: Any, cx: float, cy: float, text: str, rng: random.Random) -> None:
    """A red round seal: two rings, the issuer's name around, a star in the middle."""
    from PIL import Image, ImageDraw

    r = int(rng.uniform(140, 165))
    size = 2 * r + 20
    layer = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    red = (rng.randint(190, 225), rng.randint(20, 60), rng.randint(30, 70), rng.randint(150, 200))
    c = size / 2
    draw.ellipse((c - r, c - r, c + r, c + r), outline=red, width=7)
    draw.ellipse((c - r + 40, c - r + 40, c + r - 40, c + r - 40), outline=red, width=3)
    points = []
    for k in range(10):
        rad = 38 if k % 2 == 0 else 15
        a = -math.pi / 2 + k * math.pi / 5
        points.append((c + rad * math.cos(a), c + rad * math.sin(a)))
    draw.polygon(points, fill=red)
    font = _font(STAMP_FONT, 22)
    label = text.upper()[:38] + " *"
    span = 1.75 * math.pi
    for i, ch in enumerate(label):
        a = -math.pi / 2 - span / 2 + span * (i + 0.5) / len(label)
        glyph = Image.new("RGBA", (34, 34), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((8, 4), ch, font=font, fill=red)
        glyph = glyph.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC)
        gx, gy = c + (r - 21) * math.cos(a) - 17, c + (r - 21) * math.sin(a) - 17
        layer.alpha_composite(glyph, (int(gx), int(gy)))
    layer = layer.rotate(rng.uniform(-25, 25), resample=Image.BICUBIC)
    img.alpha_composite(layer, (int(cx - size / 2), int(cy - size / 2)))


def _signature(img: Any, x: float, y: float, rng: random.Random) -> None:
    from PIL import ImageDraw

    draw = ImageDraw.Draw(img)
    ink = (rng.randint(10, 40), rng.randint(20, 50), rng.randint(100, 160), 255)
    px, py = x, y
    for _ in range(rng.randint(5, 9)):
        nx, ny = px + rng.uniform(15, 55), y + rng.uniform(-35, 35)
        steps = 12
        pts = []
        for s in range(steps + 1):
            t = s / steps
            pts.append((px + (nx - px) * t, py + (ny - py) * t + math.sin(t * math.pi) * rng.uniform(-20, 20)))
        draw.line(pts, fill=ink, width=3)
        px, py = nx, ny


def _find(words: list[Word], pred: Any, top_half: bool | None = None, height: float = 0) -> Word | None:
    for w in words:
        if top_half is True and w.y0 > height / 2:
            continue
        if top_half is False and w.y0 < height / 3:
            continue
        if pred(w):
            return w
    return None


def degrade(img: Any, rng: random.Random) -> Any:
    """Skew 0.3–1.5°, a little blur, paper tone and noise."""
    from PIL import Image, ImageChops, ImageFilter

    img = img.convert("RGB")
    angle = rng.uniform(0.3, 1.5) * rng.choice((-1, 1))
    img = img.rotate(angle, resample=Image.BICUBIC, fillcolor=(255, 255, 255))
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.0)))
    tone = Image.new("RGB", img.size, (rng.randint(238, 250), rng.randint(236, 248), rng.randint(228, 242)))
    img = ImageChops.multiply(img, tone)
    amp = rng.uniform(0.08, 0.18)  # noise from the seeded generator (Pillow's effect_noise is not seeded)
    noise = Image.frombytes("L", img.size, rng.randbytes(img.size[0] * img.size[1]))
    noise = noise.point(lambda v: int(128 + (v - 128) * amp)).convert("RGB")
    img = ImageChops.add(img, noise, scale=1.0, offset=-128)
    return img


def make_scan(
    src: Source, pdf: Path, work: Path, rng: random.Random, handwritten: list[str], number: str, day: str
) -> tuple[Any, bool]:
    """The first page as a degraded scan; and whether the signer is on it."""
    from PIL import Image

    prefix = work / f"{pdf.stem}-page"
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-f", "1", "-l", "1", "-png", "-singlefile", str(pdf), str(prefix)],
        check=True,
    )
    img = Image.open(f"{prefix}.png").convert("RGBA")
    words = page_words(pdf)
    height = img.size[1]
    if "symbol" in handwritten:
        so = _find(words, lambda w: w.text in ("Số:", "Số"), True, height)
        if so:
            _handwrite(img, number, so.x1 + 14, so.y0, so.y1 - so.y0, rng)
    if "date" in handwritten:
        ngay = _find(words, lambda w: w.text == "ngày", True, height)
        if ngay:
            _handwrite(img, day, ngay.x1 + 12, ngay.y0, ngay.y1 - ngay.y0, rng)
    signer = src.header.get("signer") or {}
    name = str(signer.get("name") or "")
    first = name.split()[0] if name else ""
    on_page = False
    if first:
        hits = [w for w in words if w.text == first and w.y0 > height / 3 and w.x0 > img.size[0] * 0.45]
        if hits:
            w = hits[-1]
            on_page = True
            _signature(img, w.x0 + rng.uniform(0, 40), w.y0 - rng.uniform(70, 110), rng)
            issuer = " ".join(str(x) for x in src.header["issuer"])
            _stamp(img, w.x0 - rng.uniform(10, 60), w.y0 - rng.uniform(90, 140), issuer, rng)
    return degrade(img, rng), on_page


# ---------------------------------------------------------------------------------------------


def expected(src: Source) -> dict[str, Any]:
    h = src.header
    signer = h.get("signer") or None
    return {
        "symbol": str(h["symbol"]),
        "date": str(h["date"]),
        "place": h.get("place"),
        "title": str(h["title"]),
        "issuer": [str(x) for x in h["issuer"]],
        "signer": (
            {
                "name": str(signer.get("name")),
                "capacity": [str(x) for x in (signer.get("capacity") or [])],
            }
            if signer
            else None
        ),
    }


def _clear(out: Path) -> None:
    manifest = out / "manifest.yaml"
    if manifest.exists():
        for row in (yaml.safe_load(manifest.read_text(encoding="utf-8")) or {}).get("files") or []:
            (out / row["file"]).unlink(missing_ok=True)
        manifest.unlink()


def generate(out: Path, count: int, quiet: bool = False) -> dict[str, Any]:
    started = time.monotonic()
    failed = check_encoders()
    out.mkdir(parents=True, exist_ok=True)
    _clear(out)
    chosen = choose(load_sources(), count)
    rows: list[dict[str, Any]] = []
    work = Path(tempfile.mkdtemp(prefix="vanban-ingest-material-"))
    profile = work / "lo-profile"
    to_doc: list[Path] = []
    to_pdf: list[Path] = []
    scans: list[tuple[Source, Path, list[str], random.Random]] = []
    fallbacks: dict[str, int] = {}

    def row(src: Source, name: str, kind: str, variant: str, **extra: Any) -> None:
        rows.append(
            {
                "file": name,
                "source": src.id,
                "kind": kind,
                "variant": variant,
                "held_out": held_out(src.id),
                "system": src.system,
                "expected": expected(src),
                "handwritten": [],
                **extra,
            }
        )

    try:
        for src, variant in chosen:
            rng = rng_for(src.id, variant)
            copy_mark = rng.random() < 0.3
            if variant in ("unicode", "office", "tcvn3", "vni"):
                encoding = variant if variant in ("tcvn3", "vni") else "unicode"
                layout = Layout(encoding=encoding, copy_mark=copy_mark)
                data = build_docx(src, layout, rng)
                if layout.failures:
                    fallbacks[src.id] = len(layout.failures)
                stem = f"{src.id}.{variant}"
                if variant == "unicode":
                    (out / f"{stem}.docx").write_bytes(data)
                    row(src, f"{stem}.docx", "docx", variant)
                elif variant == "office":
                    (work / f"{stem}.docx").write_bytes(data)
                    to_doc.append(work / f"{stem}.docx")
                    to_pdf.append(work / f"{stem}.docx")
                    row(src, f"{stem}.doc", "doc", variant)
                    row(src, f"{stem}.pdf", "pdf-text", variant)
                else:
                    (out / f"{stem}.docx").write_bytes(data)
                    to_doc.append(out / f"{stem}.docx")
                    row(src, f"{stem}.docx", "docx", variant, unicode_paragraphs=len(layout.failures))
                    row(src, f"{stem}.doc", "doc", variant, unicode_paragraphs=len(layout.failures))
            else:
                handwritten = ["symbol", "date"] if rng.random() < 0.7 else []
                layout = Layout(
                    blank_number=bool(handwritten),
                    blank_day=bool(handwritten),
                    body_chars=SCAN_BODY_CHARS,
                    copy_mark=False,
                )
                stem = f"{src.id}.scan"
                (work / f"{stem}.docx").write_bytes(build_docx(src, layout, rng))
                to_pdf.append(work / f"{stem}.docx")
                scans.append((src, work / f"{stem}.pdf", handwritten, rng))
        soffice(to_doc, "doc", work / "doc", profile)
        soffice(to_pdf, "pdf", work, profile)
        for path in to_doc:
            shutil.copyfile(work / "doc" / f"{path.stem}.doc", out / f"{path.stem}.doc")
        for path in to_pdf:
            if not path.stem.endswith(".scan"):
                shutil.copyfile(work / f"{path.stem}.pdf", out / f"{path.stem}.pdf")
        for r in rows:
            if r["kind"] == "pdf-text":
                r["pages"] = pdf_pages(out / r["file"])
        for src, pdf, handwritten, rng in scans:
            m = re.match(r"\d+[a-z]?", str(src.header["symbol"]))
            number = m[0] if m else ""
            day = date_words(str(src.header["date"]))[0]
            img, signer_on_page = make_scan(src, pdf, work, rng, handwritten, number, day)
            variant = "scan-handwritten" if handwritten else "scan"
            extra: dict[str, Any] = {"pages": 1}
            stem = pdf.stem
            img.save(out / f"{stem}.png", optimize=True)
            img.save(out / f"{stem}.pdf", "PDF", resolution=DPI, quality=85)
            for name, kind in ((f"{stem}.png", "image"), (f"{stem}.pdf", "pdf-scan")):
                row(src, name, kind, variant, **extra)
                rows[-1]["handwritten"] = list(handwritten)
                if not signer_on_page:
                    rows[-1]["expected"]["signer"] = None
                    rows[-1]["note"] = "khối chữ ký không nằm trên trang 1"
    finally:
        shutil.rmtree(work, ignore_errors=True)

    manifest = {
        "about": (
            "Test material for vanban ingest, grown by benchmarks/ingest_material.py from the annotated real "
            "texts of benchmarks/realtexts/. expected: the header as annotated by hand; handwritten: fields "
            "whose digits were drawn by hand on the scan (review is the right answer there); held_out: "
            'sha1("ingest:" + source)[0] in 0-5, kept aside until the end.'
        ),
        "count": len(rows),
        "sources": len(chosen),
        "encoders": {
            "checked_with": "viparse.fix(…, encoding=…) on every Vietnamese letter",
            "letters_kept_unicode": {k: "".join(v) for k, v in failed.items()},
            "paragraphs_kept_unicode": fallbacks,
        },
        "files": rows,
    }
    (out / "manifest.yaml").write_text(
        yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8"
    )
    if not quiet:
        by: dict[str, int] = {}
        for r in rows:
            key = f"{r['kind']}/{r['variant']}"
            by[key] = by.get(key, 0) + 1
        held = sum(r["held_out"] for r in rows)
        print(f"{len(rows)} files from {len(chosen)} sources in {out} ({time.monotonic() - started:.1f} s)")
        print("  " + ", ".join(f"{k}={n}" for k, n in sorted(by.items())))
        print(f"  held out: {held} files; dev: {len(rows) - held}")
        for enc, letters in failed.items():
            if letters:
                print(f"  {enc}: letters viparse does not decode, kept in Unicode runs: {''.join(letters)}")
        if fallbacks:
            print(f"  paragraphs kept in Unicode (did not round-trip): {sum(fallbacks.values())}")
    return manifest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--count", type=int, default=40, help="about how many files (default 40)")
    args = parser.parse_args()
    for tool in ("soffice", "pdftoppm", "pdftotext", "pdfinfo"):
        if shutil.which(tool) is None:
            print(f"needs {tool} (Debian: libreoffice-writer-nogui, poppler-utils)", file=sys.stderr)
            return 1
    generate(args.out, args.count)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
