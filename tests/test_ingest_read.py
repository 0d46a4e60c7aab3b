"""The readers of ingest, run for real on the real samples of ../shared/samples/ingest and on bad files.

No reader is mocked: LibreOffice, poppler and tesseract run as they do for the user. OCR is the slow part,
so the scans are read on their first page only (`pages=1`: the header is there) and the page image whole.
"""

from __future__ import annotations

import functools
import hashlib
import re
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from tests.conftest import SHARED
from vanban.ingest import legacy
from vanban.ingest.model import FileRefused, Limits, Reading
from vanban.ingest.read import read_file

# One worker reads the samples for every test of this file: OCR and LibreOffice run once a sample.
pytestmark = pytest.mark.xdist_group("ingest-samples")

SAMPLES = SHARED / "samples" / "ingest"

# What each sample must read as: kind, encoding, whether OCR read it, and the pages read.
KINDS = {
    "legacy_tcvn3_nd28-2003-cp.doc": ("doc", "tcvn3", False),
    "legacy_vni_qd991-2008-ubnd-binhphuoc.doc": ("doc", "unicode+vni", False),
    "pdftext_hd06-2025-tw.pdf": ("pdf-text", "unicode", False),
    "pdftext_tb565-2024-ubnd-quangngai.pdf": ("pdf-text", "unicode", False),
    "scan_ct07-2018-ubnd-quangngai.pdf": ("pdf-scan", "unicode", True),
    "img_nd28-2021-cp-p1.jpg": ("image", "unicode", True),
    "legacy_tcvn3_qd115-2004-ttg.pdf": ("pdf-text", "tcvn3", False),
    "legacy_tcvn3_tt117-2000-btc.rtf": ("rtf", "tcvn3", False),
    "docx_kh16-2025-mttq-luongminh.docx": ("docx", "unicode", False),
    "scan_ct29-2023-tu-sonla.pdf": ("pdf-scan", "unicode", True),
}
SCANS = {name for name, (kind, _, _) in KINDS.items() if kind == "pdf-scan"}
# The number on this scan is handwritten ("07"): OCR misreads it, so only the printed rest is checked, and the
# Reading must say that such numbers need a person (ingest marks the field for review).
HANDWRITTEN = {"scan_ct07-2018-ubnd-quangngai.pdf": "07"}
OCR_TITLE_SHARE = 0.8  # of the title's words that OCR must read right (it drops a diacritic here and there)


def _samples_dir() -> Path:
    if not (SAMPLES / "expected.yaml").is_file():
        pytest.fail(
            f"samples not found at {SAMPLES}: these tests read the real files of ../shared/, so the repository "
            f"must be checked out beside the shared/ folder ({SHARED})",
            pytrace=False,
        )
    return SAMPLES


@functools.cache
def _expected() -> dict[str, dict[str, object]]:
    data = yaml.safe_load((_samples_dir() / "expected.yaml").read_text(encoding="utf-8"))
    return {doc["file"]: doc for doc in data["documents"]}


@functools.cache
@functools.cache  # each sample is read once for all the tests that look at it
def _read(name: str) -> Reading:
    return read_file(_samples_dir() / name, pages=1 if name in SCANS else None)


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", _fold(text))


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", _fold(text))


def test_every_sample_is_covered() -> None:
    assert set(_expected()) == set(KINDS)


@pytest.mark.parametrize("name", sorted(KINDS))
def test_sample_read_with_kind_encoding_symbol_title_and_signer(name: str) -> None:
    """One read per sample (OCR and LibreOffice are slow), every check on it."""
    reading = _read(name)
    kind, encoding, ocr = KINDS[name]
    assert (reading.kind, reading.encoding, reading.ocr) == (kind, encoding, ocr)
    assert reading.path == _samples_dir() / name
    assert reading.sha256 == hashlib.sha256((_samples_dir() / name).read_bytes()).hexdigest()
    assert unicodedata.is_normalized("NFC", reading.text)
    assert reading.reader and (reading.ocr_pages > 0) == ocr
    if name in SCANS:
        assert reading.pages == 1 and any("chỉ đọc 1 trang đầu trong 4 trang" in n for n in reading.notes)
    expected = _expected()[name]
    text = reading.text
    symbol = str(expected["symbol"])
    if name in HANDWRITTEN:
        symbol = symbol.removeprefix(HANDWRITTEN[name])
        assert any("cần người kiểm tra" in note for note in reading.notes)
    assert _squeezed(symbol) in _squeezed(text)
    have = set(_words(text))
    title = [w for w in _words(str(expected["title"])) if len(w) > 1]
    missing = [w for w in title if w not in have]
    allowed = int(len(title) * (1 - OCR_TITLE_SHARE)) if ocr else 0
    assert len(missing) <= allowed, f"title words not read: {missing}"
    signer = expected.get("signer")
    if not ocr and isinstance(signer, dict):  # the signer's name comes out whole (not on page 1 of a scan)
        assert _fold(str(signer["name"])) in _fold(text)


def test_mixed_vni_and_unicode_runs_each_decoded_by_font() -> None:
    text = _read("legacy_vni_qd991-2008-ubnd-binhphuoc.doc").text
    assert "ỦY BAN NHÂN DÂN" in text and "Đồng Xoài, ngày 14" in text  # VNI runs
    assert "Trương Tấn Thiệu" in text  # the Unicode run, untouched
    assert "UÛY" not in text and "Tröông" not in text


def test_tcvn3_letters_from_styles_soft_hyphens_and_capital_fonts() -> None:
    rtf = _read("legacy_tcvn3_tt117-2000-btc.rtf").text
    assert "THÔNG TƯ" in rtf  # .VnTimeH run ending in <w:softHyphen/>, the TCVN3 "ư"
    doc = _read("legacy_tcvn3_nd28-2003-cp.doc").text
    assert "| CHÍNH PHỦ | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM |" in doc  # fonts from paragraph styles; a table row
    assert "Số: 28 /2003/NĐ-CP" in doc


def test_tcvn3_pdf_text_layer_is_decoded_line_by_line() -> None:
    reading = _read("legacy_tcvn3_qd115-2004-ttg.pdf")
    assert "Trung ương" in reading.text and "Thủ tướng Chính phủ" in reading.text  # "ư" given as U+2212
    assert "®" not in reading.text and "\u2212" not in reading.text
    assert reading.pages == 2 and any("TCVN3" in note for note in reading.notes)


def test_number_and_day_inside_the_signature_widget_are_read() -> None:
    text = _read("pdftext_tb565-2024-ubnd-quangngai.pdf").text
    assert re.search(r"Số: 565\s*/TB-UBND", text) and "ngày 15 tháng 11 năm 2024" in text
    assert text.count("\n\f\n") == 3  # four pages, a form feed line between them


# --- Word files built in the test: fonts from styles and defaults, special run content ---------------------


def _run_with(paragraph, text: str, font: str | None = None):  # type: ignore[no-untyped-def]
    run = paragraph.add_run(text)
    if font:
        run.font.name = font
    return run


def test_docx_run_fonts_from_defaults_styles_and_runs(tmp_path: Path) -> None:
    document = docx.Document()
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        defaults.append(fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:asciiTheme", "w:hAnsiTheme"):
        if fonts.get(qn(attribute)) is not None:
            del fonts.attrib[qn(attribute)]
    fonts.set(qn("w:hAnsi"), ".VnTime")  # the document default: TCVN3
    document.styles["Heading 1"].font.name = ".VnTimeH"
    document.add_paragraph("Céng hoµ x· héi chñ nghÜa", style="Heading 1")
    body = document.add_paragraph("NghÞ ®Þnh")  # Normal, no font of its own: the default's
    _run_with(body, " Quyeát ñònh", "VNI-Times")
    _run_with(body, " Trương Tấn Thiệu", "Times New Roman")
    run = _run_with(body, " Th«ng t")
    run._r.append(OxmlElement("w:softHyphen"))  # TCVN3 "ư"
    run._r.append(OxmlElement("w:tab"))
    run._r.append(OxmlElement("w:br"))
    _run_with(body, "dßng sau")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Sè: 12/Q§-UBND"
    table.cell(0, 1).paragraphs[0].add_run("Hµ Néi").font.name = ".VnTime"
    path = tmp_path / "built.docx"
    document.save(str(path))
    reading = read_file(path)
    assert reading.kind == "docx" and reading.encoding == "unicode+tcvn3+vni"
    lines = reading.text.splitlines()
    assert lines[0] == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA"
    assert lines[1] == "Nghị định Quyết định Trương Tấn Thiệu Thông tư"
    assert lines[2] == "dòng sau"
    assert lines[3] == "| Số: 12/QĐ-UBND | Hà Nội |"


# --- plain text in every encoding offices use -----------------------------------------------------------------

PHRASE = "Quyết định của ủy ban nhân dân tỉnh về việc thực hiện kế hoạch năm 2024 tại địa bàn"
TCVN3_SURFACE = "QuyÕt ®Þnh cña ñy ban nh©n d©n tØnh vÒ viÖc thùc hiÖn kÕ ho¹ch n¨m 2024 t¹i ®Þa bµn"
VNI_SURFACE = "Quyeát ñònh cuûa uûy ban nhaân daân tænh veà vieäc thöïc hieän keá hoaïch naêm 2024 taïi ñòa baøn"


def _cp1258(text: str) -> bytes:
    """Windows-1258 keeps â ê ô ơ ư ă đ whole and writes the tone as a combining mark after them."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ((PHRASE + "\r\n").encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + PHRASE.encode("utf-8"), "utf-8-sig"),
        ((PHRASE + "\r\n").encode("utf-16"), "utf-16"),
        (_cp1258(PHRASE + "\r\n"), "cp1258"),
        (TCVN3_SURFACE.encode("latin-1"), "tcvn3"),
        (VNI_SURFACE.encode("latin-1"), "vni"),
        (TCVN3_SURFACE.encode("utf-8"), "utf-8+tcvn3"),  # legacy letters saved as UTF-8 by a converter
    ],
    ids=["utf-8", "utf-8-sig", "utf-16", "cp1258", "tcvn3", "vni", "utf-8+tcvn3"],
)
def test_plain_text_encodings(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "van-ban.txt"
    path.write_bytes(data)
    reading = read_file(path)
    assert (reading.kind, reading.encoding, reading.text) == ("txt", encoding, PHRASE + "\n")


def test_opendocument_through_libreoffice(tmp_path: Path) -> None:
    sample = _samples_dir() / "docx_kh16-2025-mttq-luongminh.docx"
    profile = (tmp_path / "profile").as_uri()
    args = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "odt", "--outdir"]
    subprocess.run([*args, str(tmp_path), str(sample)], check=True, timeout=120, capture_output=True)
    reading = read_file(tmp_path / f"{sample.stem}.odt")
    assert (reading.kind, reading.encoding) == ("odt", "unicode")
    assert "| Số: 16/KH-MTTQ-BTT |  |" in reading.text and "Lan Thị Vân" in reading.text


def test_legacy_font_names() -> None:
    assert [legacy.font_encoding(f) for f in (".VnTime", "GDNPNI+VnTimeH", "VNI-Times", "Arial", None)] == [
        "tcvn3",
        "tcvn3",
        "vni",
        None,
        None,
    ]
    assert legacy.capitals_font(".VnTimeH") and legacy.capitals_font("GDNPMG+VnTimeHBold")
    assert not legacy.capitals_font(".VnTime") and not legacy.capitals_font("VNI-Times")
    assert legacy.detect(PHRASE) is None  # Unicode is never decoded again


# --- bad files: one clear refusal each --------------------------------------------------------------------------


def _refused(path: Path, *words: str, **kwargs: object) -> FileRefused:
    with pytest.raises(FileRefused) as caught:
        read_file(path, **kwargs)  # type: ignore[arg-type]
    refusal = caught.value
    assert refusal.path == path and refusal.what and refusal.fix
    for word in words:
        assert word in refusal.what, refusal.what
    return refusal


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "rong.pdf").write_bytes(b"")
    _refused(tmp_path / "rong.pdf", "rỗng")


def test_unknown_extension(tmp_path: Path) -> None:
    (tmp_path / "bang.xlsx").write_bytes(b"PK\x03\x04")
    _refused(tmp_path / "bang.xlsx", ".xlsx")


def test_too_large(tmp_path: Path) -> None:
    (tmp_path / "lon.txt").write_bytes(b"a" * 2_000)
    _refused(tmp_path / "lon.txt", "lớn", limits=Limits(max_bytes=1_000))


@pytest.mark.parametrize(
    ("name", "data", "word"),
    [
        ("van-ban.pdf", "Quyết định số 12".encode(), "PDF"),
        ("van-ban.docx", b"%PDF-1.7\n", "Word"),
        ("van-ban.doc", b"\x89PNG\r\n\x1a\n....", "Word"),
        ("anh.jpg", b"%PDF-1.4\n", "ảnh"),
        ("van-ban.txt", b"%PDF-1.4\n", "tệp chữ"),
    ],
)
def test_content_not_what_the_extension_says(tmp_path: Path, name: str, data: bytes, word: str) -> None:
    (tmp_path / name).write_bytes(data)
    _refused(tmp_path / name, "không phải", word)


def test_truncated_pdf(tmp_path: Path) -> None:
    whole = (_samples_dir() / "pdftext_tb565-2024-ubnd-quangngai.pdf").read_bytes()
    (tmp_path / "cut.pdf").write_bytes(whole[: len(whole) // 2])
    _refused(tmp_path / "cut.pdf", "hỏng")


def test_password_protected_pdf(tmp_path: Path) -> None:
    (tmp_path / "mat-khau.txt").write_text("Văn bản mật\n", encoding="utf-8")
    export = 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},' + (
        '"DocumentOpenPassword":{"type":"string","value":"matkhau"}}'
    )
    profile = (tmp_path / "profile").as_uri()
    args = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", export]
    subprocess.run(
        [*args, "--outdir", str(tmp_path), str(tmp_path / "mat-khau.txt")], check=True, timeout=120, capture_output=True
    )
    _refused(tmp_path / "mat-khau.pdf", "mật khẩu")


def test_password_protected_docx(tmp_path: Path) -> None:
    # Word keeps an encrypted .docx as an OLE file holding an "EncryptedPackage" stream.
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le")
    (tmp_path / "mat-khau.docx").write_bytes(ole + b"\x00" * 1024)
    _refused(tmp_path / "mat-khau.docx", "mật khẩu")


def test_truncated_doc(tmp_path: Path) -> None:
    whole = (_samples_dir() / "legacy_tcvn3_nd28-2003-cp.doc").read_bytes()
    (tmp_path / "cut.doc").write_bytes(whole[: len(whole) // 2])
    _refused(tmp_path / "cut.doc", "hỏng")


def test_corrupt_doc_that_libreoffice_cannot_open(tmp_path: Path) -> None:
    garbage = bytes(range(256)) * 16 + "WordDocument".encode("utf-16-le") + bytes(range(256)) * 2
    (tmp_path / "hong.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + garbage)
    _refused(tmp_path / "hong.doc", "LibreOffice", "hỏng")


def test_zip_bomb_docx_refused_before_extracting(tmp_path: Path) -> None:
    path = tmp_path / "bom.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\x00" * 30_000_000)  # 30 MB of zeros in about 30 kB
    _refused(path, "bom zip")


def test_docx_over_the_unzipped_limit(tmp_path: Path) -> None:
    sample = _samples_dir() / "docx_kh16-2025-mttq-luongminh.docx"
    _refused(sample, "quá lớn", limits=Limits(max_unzipped=10_000))


def test_zip_that_is_not_a_word_file(tmp_path: Path) -> None:
    path = tmp_path / "khong-phai.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("ghi-chu.txt", "xin chào")
    _refused(path, "word/document.xml")


def test_symbolic_link_out_of_the_folder(tmp_path: Path) -> None:
    root = tmp_path / "nap"
    root.mkdir()
    (root / "ra-ngoai.pdf").symlink_to(_samples_dir() / "pdftext_tb565-2024-ubnd-quangngai.pdf")
    _refused(root / "ra-ngoai.pdf", "liên kết", root=root)
    _refused(root / "ra-ngoai.pdf", "liên kết")  # by default, the file's own folder
    (root / "that.txt").write_text(PHRASE, encoding="utf-8")
    (root / "ben-trong.txt").symlink_to(root / "that.txt")
    assert read_file(root / "ben-trong.txt", root=root).text == PHRASE + "\n"


def test_too_many_pages_refused_before_reading(tmp_path: Path) -> None:
    _refused(_samples_dir() / "pdftext_hd06-2025-tw.pdf", "33 trang", limits=Limits(max_pages=5))


def test_time_limit_kills_the_tools() -> None:
    _refused(_samples_dir() / "scan_ct29-2023-tu-sonla.pdf", "giây", limits=Limits(seconds=0.3))


def test_ocr_doubts_the_handwritten_number_and_day_not_the_typed_ones() -> None:
    from vanban.citations.header import SURE, read_header
    from vanban.ingest.draft import cap_ocr
    from vanban.model import Corpus

    def capped(name: str) -> dict[str, float]:
        reading = _read(name)
        assert reading.doubtful is not None  # the OCR's own confidence came with the text
        head = read_header(reading.text, Corpus({}, {}, {}))
        confidence = {k: v for k, v in head.confidence.items() if v > 0}
        cap_ocr(confidence, {}, head, reading.doubtful)
        return confidence

    typed = capped("scan_ct29-2023-tu-sonla.pdf")  # "Số 29-CT/TU", "ngày 19 tháng 4 năm 2023" typed
    assert typed["symbol"] >= SURE and typed["date"] >= SURE
    assert typed["title"] < SURE  # "chuyển" read with 73 % at both resolutions: still doubted
    handwritten = capped("scan_ct07-2018-ubnd-quangngai.pdf")  # "07" and "20" filled in by hand
    assert handwritten["symbol"] < SURE and handwritten["date"] < SURE


def test_scan_titles_read_whole_through_misread_marks_and_stamps() -> None:
    """ct29: at 300 dpi tesseract reads "của:", "điện tứ", "chuyển đôi", the second reading at 200 dpi
    mends them; ct07: a received stamp is OCR'd into the title's lines."""
    from vanban.citations.header import read_header
    from vanban.model import Corpus

    for name in ("scan_ct29-2023-tu-sonla.pdf", "scan_ct07-2018-ubnd-quangngai.pdf"):
        head = read_header(_read(name).text, Corpus({}, {}, {}))
        assert _fold(head.title or "") == _fold(str(_expected()[name]["title"])), name


def test_signer_under_a_seal_read_again_and_marked_for_review() -> None:
    """ct07: the seal covers "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"; the page's reading loses both lines and half the
    name, the signature zone read alone keeps enough of them, and the draft says to check them."""
    from vanban.citations.header import SURE, read_header
    from vanban.ingest.draft import mend_signer
    from vanban.model import Corpus

    reading = read_file(_samples_dir() / "scan_ct07-2018-ubnd-quangngai.pdf")
    head = read_header(reading.text, Corpus({}, {}, {}))
    assert not head.capacity_lines
    mend_signer(head, reading.signature)
    assert (head.signer, head.capacity_lines) == ("Phạm Trường Thọ", ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
    assert head.confidence["signer"] < SURE and "con dấu" in head.reasons["signer"]
    assert not _read("scan_ct29-2023-tu-sonla.pdf").signature  # page 1 has no "Nơi nhận": nothing read again
