"""Read one file of any kind into a Reading: its text (NFC, legacy encodings decoded) and how it was read.

Kinds: plain text (UTF-8 with or without BOM, UTF-16, cp1258, TCVN3, VNI); Word `.docx` (python-docx,
paragraphs and tables in document order, each run decoded by its font); `.doc`, `.rtf`, `.odt` (LibreOffice
headless turns them into `.docx`, which keeps each run's font); PDF with a text layer (`pdftotext -layout`,
the only reader that also prints the number and day stamped inside digital-signature widgets); scanned PDF
pages and images (`tesseract -l vie`, pages in parallel, on the red channel so that red seals and signatures
fade).

Layout of the text: one line per paragraph; a table row is one line per line of its cells, written as a
Markdown row, "| issuer | motto |", "| number | place and date |" (real two-column headers are tables, and
the header reader splits a line at "|" when it starts or ends with one); a one-cell row is a plain line;
the pages of a PDF are separated by a line holding only a form feed ("\\f").

Every file is untrusted: `read_file` checks the bytes against the extension, the size, the pages, zip
bombs, password protection and links out of the folder before any reader runs; external tools get the time
left of `Limits.seconds` and their whole process group is killed past it; they run without a shell, on a
copy of the bytes in a private temporary folder that is removed afterwards. Anything unreadable raises one
FileRefused that says, in Vietnamese, what is wrong and what to do.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import signal
import stat
import subprocess
import tempfile
import time
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import pairwise, zip_longest
from pathlib import Path
from typing import Any

from vanban.ingest import legacy, ocrvote
from vanban.ingest.model import FileRefused, Limits, Reading, sha256_of_bytes
from vanban.symbols import fold

KIND_OF_EXTENSION = {
    ".txt": "txt",
    ".docx": "docx",
    ".doc": "doc",
    ".rtf": "rtf",
    ".odt": "odt",
    ".pdf": "pdf",
    ".jpg": "image",
    ".jpeg": "image",
    ".png": "image",
    ".tif": "image",
    ".tiff": "image",
}
EXTENSIONS = tuple(KIND_OF_EXTENSION)

_LABEL = {  # what a file is, in Vietnamese, by extension kind or by what its bytes say
    "txt": "tệp chữ",
    "docx": "tệp Word .docx",
    "doc": "tệp Word .doc",
    "rtf": "tệp RTF",
    "odt": "tệp OpenDocument .odt",
    "pdf": "tệp PDF",
    "image": "ảnh",
    "zip": "tệp nén zip (.docx, .odt…)",
    "ole": "tệp Office cũ (.doc, .xls…)",
    "jpeg": "ảnh JPEG",
    "png": "ảnh PNG",
    "tiff": "ảnh TIFF",
}
_SIGNATURES = (
    (b"%PDF-", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"{\\rtf", "rtf"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
)
# What the bytes may be for each extension. Word opens a .doc that is RTF or .docx inside, and offices
# publish many such files, so those are read (with a note); anything else is refused.
_ACCEPTED: dict[str, set[str | None]] = {
    "txt": {None},
    "docx": {"zip", "ole"},  # ole: a password-protected .docx, or a .doc renamed
    "doc": {"ole", "rtf", "zip"},
    "rtf": {"rtf", "ole"},
    "odt": {"zip"},
    "pdf": {"pdf"},
    "image": {"jpeg", "png", "tiff"},
}

READER_TEXT = "tệp chữ"
READER_DOCX = "Word (python-docx)"
READER_OFFICE = "Word (LibreOffice → python-docx)"
READER_PDF = "lớp chữ của PDF (pdftotext)"
READER_OCR = "OCR (tesseract, tiếng Việt)"
DOUBTFUL_OCR = 85.0  # below this confidence (0–100) a word OCR read is doubted: handwriting reads low

_MAX_ZIP_MEMBERS = 5_000
_MAX_RATIO = 100  # uncompressed / compressed for one part of a .docx; XML compresses about 10 times
_RATIO_FLOOR = 1_000_000  # small parts may compress better than that without being a bomb
_MAX_PIXELS = 89_478_485  # Pillow's own limit for one image: about 9,500 x 9,500
_MAX_RASTER = 25_000_000  # a PDF page rendered for OCR: A3 at 300 dpi is 17 Mpx; a huge page gets fewer dpi
_OCR_DPI = 300
_SCAN_COVER = 0.6  # share of a page that its images cover for it to be a scan
_SCAN_LETTERS = 200  # a page image with more text than this under it has a usable text layer
_SCRATCH = "input"  # the copy's name: tools never see the user's file name (it may start with "-")
# Every Word 97–2003 file holds a stream of this name, listed in the OLE directory (near the end of the file).
_WORD_STREAM = "WordDocument".encode("utf-16-le")


_DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class _Job:
    """One file being read: its bytes, a private folder, the limits and when time runs out."""

    path: Path
    data: bytes
    tmp: Path
    limits: Limits
    deadline: float
    pages: int | None
    # Words OCR read with low confidence (folded), from every page: handwriting, stamps, smudges.
    doubtful: set[str] = field(default_factory=set)
    # The signature zone of OCR'd pages read again on its own, by page number (_signature_zone).
    zones: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Read:
    """What a reader found, before the text is tidied and the hash added."""

    kind: str
    text: str
    reader: str
    encoding: str
    pages: int = 1
    ocr_pages: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)


def read_file(
    path: Path, limits: Limits = _DEFAULT_LIMITS, *, root: Path | None = None, pages: int | None = None
) -> Reading:
    """Read one file of any kind; raise FileRefused for anything unreadable.

    `root` is the folder being ingested: a symbolic link that leads out of it is refused (by default, the
    file's own folder). `pages` reads only the first N pages of a PDF or a multi-page image (previews and
    tests); a PDF over `limits.max_pages` is refused whatever `pages` says.
    """
    if pages is not None and pages < 1:
        raise ValueError("pages must be at least 1")
    claimed = _claimed_kind(path)
    real = _real_file(path, root)
    data = _read_bytes(path, real, limits)
    sniffed = _sniff(data)
    _check_signature(path, claimed, sniffed)
    with tempfile.TemporaryDirectory(prefix="vanban-ingest-") as tmp:
        job = _Job(path, data, Path(tmp), limits, time.monotonic() + limits.seconds, pages)
        got = _dispatch(job, claimed, sniffed)
    return Reading(
        path=path,
        kind=got.kind,
        text=_tidy(got.text),
        reader=got.reader,
        ocr=got.ocr_pages > 0,
        encoding=got.encoding,
        pages=got.pages,
        sha256=sha256_of_bytes(data),
        ocr_pages=got.ocr_pages,
        notes=got.notes,
        doubtful=frozenset(job.doubtful) if got.ocr_pages else None,
        signature=unicodedata.normalize("NFC", job.zones[max(job.zones)]) if job.zones else "",
    )


# --- the file itself: extension, links, size, signature ---------------------------------------------------


def _claimed_kind(path: Path) -> str:
    kind = KIND_OF_EXTENSION.get(path.suffix.lower())
    if kind is None:
        raise FileRefused(
            path,
            f"không đọc được loại tệp “{path.suffix or '(không có đuôi)'}”",
            "chỉ nạp được " + ", ".join(EXTENSIONS) + "; chuyển tệp sang một trong các dạng đó",
        )
    return kind


def _real_file(path: Path, root: Path | None) -> Path:
    """The file a path leads to, refused when a link leads out of the folder or it is not a plain file."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError) as err:  # missing, a dangling link, a loop of links
        raise FileRefused(
            path, "không tìm thấy tệp (hoặc liên kết tượng trưng hỏng)", "kiểm tra lại đường dẫn"
        ) from err
    base = (root if root is not None else path.absolute().parent).resolve()
    if not real.is_relative_to(base):
        raise FileRefused(
            path,
            f"liên kết tượng trưng trỏ ra ngoài thư mục đang nạp ({base})",
            "chép chính tệp đó vào thư mục đang nạp, hoặc nạp thẳng thư mục chứa nó",
        )
    if not stat.S_ISREG(real.stat().st_mode):
        raise FileRefused(path, "không phải một tệp thường (thư mục, thiết bị hay đường ống)", "chỉ nạp tệp thường")
    return real


def _read_bytes(path: Path, real: Path, limits: Limits) -> bytes:
    try:
        with real.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except OSError as err:
        raise FileRefused(path, f"không mở được tệp ({err.strerror})", "kiểm tra quyền đọc tệp rồi nạp lại") from err
    if not data:
        raise FileRefused(path, "tệp rỗng (0 byte)", "lấy lại bản đầy đủ của tệp rồi nạp lại")
    if len(data) > limits.max_bytes:
        raise FileRefused(
            path,
            f"tệp lớn quá giới hạn {limits.max_bytes / 1_000_000:g} MB",
            "nâng giới hạn cỡ tệp (--max-mb) nếu tệp đúng là văn bản, hoặc tách tệp",
        )
    return data


def _sniff(data: bytes) -> str | None:
    """What the first bytes say the file is; None for none of the known signatures (plain text)."""
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            return kind
    if b"%PDF-" in data[:1024]:  # PDF allows some bytes before its header
        return "pdf"
    return None


def _check_signature(path: Path, claimed: str, sniffed: str | None) -> None:
    if sniffed in _ACCEPTED[claimed]:
        return
    actual = _LABEL[sniffed] if sniffed else "không rõ loại (đầu tệp không mang dấu hiệu nào)"
    raise FileRefused(
        path,
        f"nội dung không phải {_LABEL[claimed]} như đuôi “{path.suffix}” nói: đó là {actual}",
        "kiểm tra lại tệp; nếu chỉ sai đuôi, đổi đuôi cho đúng rồi nạp lại",
    )


def _dispatch(job: _Job, claimed: str, sniffed: str | None) -> _Read:
    if claimed == "txt":
        return _read_text(job)
    if claimed == "pdf":
        return _read_pdf(job)
    if claimed == "image":
        return _read_image(job)
    if claimed == "odt":
        _check_zip(job, job.data, "content.xml")
        return _read_office(job, "odt")
    if sniffed == "zip":  # a .docx, or a .doc that is one
        got = _read_docx(job, job.data)
        return got if claimed == "docx" else _noted(got, "tệp .doc thực chất là .docx")
    if claimed == "docx":  # OLE bytes under .docx: Word keeps a password-protected .docx that way
        if "EncryptedPackage".encode("utf-16-le") in job.data:
            raise _password(job.path)
        if _WORD_STREAM not in job.data:
            raise _corrupt(job.path, _LABEL["docx"])
        return _noted(_read_office(job, "doc"), "tệp .docx thực chất là .doc (Word 97)")
    kind = "rtf" if sniffed == "rtf" else "doc"
    if kind == "doc" and _WORD_STREAM not in job.data:
        raise _corrupt(job.path, _LABEL["doc"], "không có phần WordDocument: tệp bị cắt, hoặc là tệp Office khác")
    got = _read_office(job, kind)
    return got if kind == claimed else _noted(got, f"tệp .{claimed} thực chất là .{kind}")


def _noted(got: _Read, note: str) -> _Read:
    """What a reader found, with one more note: the bytes were another kind than the extension said."""
    return replace(got, notes=(*got.notes, note))


def _password(path: Path) -> FileRefused:
    return FileRefused(
        path,
        "tệp được đặt mật khẩu (mã hóa): không đọc được nội dung",
        "mở tệp bằng mật khẩu, gỡ mật khẩu, lưu lại rồi nạp lại",
    )


def _corrupt(path: Path, label: str, detail: str = "") -> FileRefused:
    extra = f" ({detail})" if detail else ""
    return FileRefused(
        path,
        f"{label} hỏng hoặc không trọn vẹn, không đọc được{extra}",
        "lấy lại bản gốc đầy đủ của tệp (tải lại, chép lại) rồi nạp lại",
    )


# --- external tools ---------------------------------------------------------------------------------------


def _run(job: _Job, args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run a tool with the time left; past it, kill its whole process group (LibreOffice forks)."""
    left = _time_left(job, args[0])
    try:
        proc = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=job.tmp,
            env=env,
            start_new_session=True,
        )
    except FileNotFoundError as err:
        raise FileRefused(
            job.path, f"máy này thiếu công cụ {args[0]} để đọc loại tệp này", "cài các gói Debian bằng `make setup`"
        ) from err
    try:
        out, errors = proc.communicate(timeout=left)
    except subprocess.TimeoutExpired:
        _kill(proc)
        raise _too_slow(job, args[0]) from None
    except BaseException:  # interrupted: leave no tool running
        _kill(proc)
        raise
    return subprocess.CompletedProcess(args, proc.returncode, out, errors)


def _kill(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()


def _time_left(job: _Job, doing: str) -> float:
    left = job.deadline - time.monotonic()
    if left <= 0:
        raise _too_slow(job, doing)
    return left


def _too_slow(job: _Job, doing: str) -> FileRefused:
    return FileRefused(
        job.path,
        f"đọc tệp quá {job.limits.seconds:g} giây (khi chạy {doing})",
        "nâng giới hạn thời gian mỗi tệp (--timeout) nếu tệp lớn hay nhiều trang quét, rồi nạp lại",
    )


def _scratch(job: _Job, suffix: str, data: bytes | None = None) -> Path:
    target = job.tmp / f"{_SCRATCH}{suffix}"
    target.write_bytes(job.data if data is None else data)
    return target


# --- plain text -------------------------------------------------------------------------------------------


def _read_text(job: _Job) -> _Read:
    text, codec = _decode_bytes(job)
    notes: list[str] = []
    encoding = codec
    if codec in ("utf-8", "utf-8-sig", "utf-16"):
        found = legacy.detect(text)  # legacy letters saved as UTF-8 by a converter: "NghÞ ®Þnh"
        if found:
            text = legacy.decode_lines(text, found)
            encoding = f"{codec}+{found}"
            notes.append(f"chữ mã {found.upper()} lưu dưới dạng {codec}: đã chuyển sang Unicode")
    elif codec in legacy.LEGACY:
        notes.append(f"tệp chữ mã {codec.upper()} (nhận ra từ các byte): đã chuyển sang Unicode")
    return _Read("txt", text, READER_TEXT, encoding, notes=tuple(notes))


def _decode_bytes(job: _Job) -> tuple[str, str]:
    data = job.data
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(job, data, "utf-8-sig"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(job, data, "utf-16"), "utf-16"
    if b"\x00" in data:
        raise FileRefused(
            job.path, "tệp .txt chứa byte nhị phân: không phải tệp chữ", "kiểm tra lại tệp và đuôi của nó"
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _eight_bit(data)


def _strict(job: _Job, data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise _corrupt(job.path, "tệp chữ", f"có byte sai bảng mã {codec}") from err


def _eight_bit(data: bytes) -> tuple[str, str]:
    """Bytes of an 8-bit Vietnamese encoding: the decoding that spells the most Vietnamese words wins."""
    sample = data[: legacy.SAMPLE]
    scores: dict[str, int] = {}
    with contextlib.suppress(UnicodeDecodeError):  # cp1258 leaves a few bytes undefined
        scores["cp1258"] = legacy.vietnamese_hits(sample.decode("cp1258"))
    for encoding in legacy.LEGACY:  # the legacy fonts' bytes, as the Latin-1 letters the tables expect
        scores[encoding] = legacy.vietnamese_hits(legacy.decode(sample.decode("latin-1"), encoding))
    best = max(scores, key=lambda name: (scores[name], name == "cp1258"))
    if best == "cp1258":
        return unicodedata.normalize("NFC", data.decode("cp1258")), best
    return legacy.decode(data.decode("latin-1"), best), best


# --- Word: .docx read directly, .doc .rtf .odt through LibreOffice ----------------------------------------


# LibreOffice's import filters, tried in order. Naming the filter matters: left to guess, LibreOffice imports a
# corrupt file as plain text and "converts" its garbage. Word 6 and 95 files still lie in old archives.
_FILTERS = {
    "doc": ("MS Word 97", "MS Word 95", "MS WinWord 6.0"),
    "rtf": ("Rich Text Format",),
    "odt": ("writer8",),
}


def _read_office(job: _Job, kind: str) -> _Read:
    """LibreOffice turns the file into .docx (keeping each run's font), then the .docx reader reads it."""
    source = _scratch(job, f".{kind}")
    out = job.tmp / "converted"
    converted = out / f"{_SCRATCH}.docx"
    for name in _FILTERS[kind]:
        _convert(job, source, out, name)
        if converted.is_file():
            got = _read_docx(job, converted.read_bytes())
            return replace(got, kind=kind, reader=READER_OFFICE)
    raise FileRefused(  # LibreOffice says nothing useful and exits 0: corrupt, or a password
        job.path,
        f"LibreOffice không mở được {_LABEL[kind]}: tệp hỏng hoặc được đặt mật khẩu",
        "mở tệp bằng Word hoặc LibreOffice (gỡ mật khẩu nếu có), lưu lại dưới dạng .docx rồi nạp lại",
    )


def _convert(job: _Job, source: Path, out: Path, import_filter: str) -> None:
    profile = job.tmp / "profile"  # a profile of its own: parallel conversions do not share a lock
    args = [
        "soffice",
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--nodefault",
        "--nologo",
        f"--infilter={import_filter}",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(out),
        str(source),
    ]
    _run(job, args, env={**os.environ, "HOME": str(job.tmp)})


def _check_zip(job: _Job, data: bytes, main_part: str) -> None:
    """Refuse a zip bomb, a broken zip or a zip that is no Word or OpenDocument file, before extracting."""
    label = _LABEL["odt" if main_part == "content.xml" else "docx"]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            names = {part.filename for part in parts}
            manifest = archive.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as err:
        raise _corrupt(job.path, label) from err
    _check_bomb(job, parts)
    if b"encryption-data" in manifest:  # OpenDocument keeps its parts encrypted inside a plain zip
        raise _password(job.path)
    if main_part not in names:
        raise FileRefused(
            job.path, f"tệp nén không phải {label} (thiếu phần {main_part})", "kiểm tra lại tệp và đuôi của nó"
        )


def _check_bomb(job: _Job, parts: list[zipfile.ZipInfo]) -> None:
    total = sum(part.file_size for part in parts)
    bomb = len(parts) > _MAX_ZIP_MEMBERS or total > job.limits.max_unzipped
    for part in parts:
        if part.file_size > _RATIO_FLOOR and part.file_size > _MAX_RATIO * max(part.compress_size, 1):
            bomb = True
    if bomb:
        raise FileRefused(
            job.path,
            f"tệp nén bung ra quá lớn ({total:,} byte, {len(parts)} phần): có thể là “bom zip”".replace(",", "."),
            "không nạp tệp này; nếu đúng là văn bản rất lớn, mở bằng Word, lưu lại hoặc tách nhỏ rồi nạp lại",
        )


def _read_docx(job: _Job, data: bytes) -> _Read:
    _check_zip(job, data, "word/document.xml")
    import docx  # python-docx: imported here, as most runs read no Word file

    try:
        document = docx.Document(io.BytesIO(data))
        reader = _DocxText(_Styles.of(document.styles.element))
        lines = list(reader.blocks(document.element.body))
    except Exception as err:  # an untrusted file: any failure to parse it means it cannot be read
        raise _corrupt(job.path, _LABEL["docx"], type(err).__name__) from err
    _time_left(job, "python-docx")
    encoding = _encoding_label(reader.encodings)
    notes = [
        f"chữ mã {e.upper()} (nhận ra từ tên phông): đã chuyển sang Unicode" for e in legacy.LEGACY if e in encoding
    ]
    return _Read("docx", "\n".join(lines), READER_DOCX, encoding, notes=tuple(notes))


def _encoding_label(found: set[str]) -> str:
    """ "unicode", "tcvn3", "vni", or a mix such as "unicode+vni" (a VNI body with a Unicode signer name)."""
    legacy_found = [e for e in legacy.LEGACY if e in found]
    if not legacy_found:
        return "unicode"
    return "+".join((["unicode"] if "unicode" in found else []) + legacy_found)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIP_INLINE = {f"{_W}pPr", f"{_W}del", f"{_W}moveFrom", f"{_MC}Fallback"}  # deleted text; Fallback repeats Choice
_RUN_TEXT = {
    f"{_W}tab": "\t",
    f"{_W}ptab": "\t",
    f"{_W}br": "\n",
    f"{_W}cr": "\n",
    f"{_W}noBreakHyphen": "-",
    # The TCVN3 letter "ư" is the soft-hyphen code (0xAD): Word stores it as <w:softHyphen/>, so it is kept
    # for decoding; a soft hyphen left after decoding is dropped by _tidy.
    f"{_W}softHyphen": "\u00ad",
}


def _font_in(rpr: Any) -> str | None:
    """The font a run's properties name for the letters legacy fonts use (hAnsi: bytes over 127)."""
    if rpr is None:
        return None
    fonts = rpr.find(f"{_W}rFonts")
    if fonts is None:
        return None
    for attribute in ("hAnsi", "ascii"):
        name = fonts.get(f"{_W}{attribute}")
        if name:
            return str(name)
        if fonts.get(f"{_W}{attribute}Theme"):
            return "(theme)"  # a theme font: Calibri, Times New Roman… never a legacy font
    return None


@dataclass(frozen=True)
class _Styles:
    """The fonts that styles give (a run's font may come from its paragraph's style or the defaults)."""

    fonts: dict[str, str | None]
    based_on: dict[str, str]
    default_paragraph: str | None
    default_font: str | None

    @classmethod
    def of(cls, styles: Any) -> _Styles:
        fonts: dict[str, str | None] = {}
        based_on: dict[str, str] = {}
        default_paragraph = None
        for style in styles.iterchildren(f"{_W}style"):
            sid = style.get(f"{_W}styleId") or ""
            fonts[sid] = _font_in(style.find(f"{_W}rPr"))
            parent = style.find(f"{_W}basedOn")
            if parent is not None:
                based_on[sid] = parent.get(f"{_W}val") or ""
            if style.get(f"{_W}type") == "paragraph" and style.get(f"{_W}default") in ("1", "true", "on"):
                default_paragraph = sid
        default_font = _font_in(styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr"))
        return cls(fonts, based_on, default_paragraph, default_font)

    def font(self, style_id: str | None) -> str | None:
        for _ in range(30):  # basedOn chains are short; a loop in a broken file must not hang
            if not style_id:
                return None
            if self.fonts.get(style_id):
                return self.fonts[style_id]
            style_id = self.based_on.get(style_id)
        return None


class _DocxText:
    """Lines of a Word body in document order; each run decoded by its effective font."""

    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.encodings: set[str] = set()

    def blocks(self, container: Any) -> Iterator[str]:
        """Paragraphs and tables of a body, a cell, a content control or a text box."""
        for child in container.iterchildren():
            if child.tag == f"{_W}p":
                yield from self.paragraph(child)
            elif child.tag == f"{_W}tbl":
                yield from self.table(child)
            elif child.tag in (f"{_W}sdt", f"{_W}customXml"):
                content = child.find(f"{_W}sdtContent")
                yield from self.blocks(content if content is not None else child)

    def table(self, tbl: Any) -> Iterator[str]:
        for row in tbl.iter(f"{_W}tr"):
            if _parent_table(row) is not tbl:
                continue  # rows of a nested table come out with their cell
            cells = [[line.strip() for line in self.blocks(cell) if line.strip()] for cell in _cells(row)]
            for parts in zip_longest(*cells, fillvalue=""):
                yield f"| {' | '.join(parts)} |" if len(parts) > 1 else parts[0]

    def paragraph(self, p: Any) -> Iterator[str]:
        style = p.find(f"{_W}pPr/{_W}pStyle")
        style_id = style.get(f"{_W}val") if style is not None else self.styles.default_paragraph
        pieces: list[str] = []
        boxes: list[Any] = []
        self.inline(p, style_id, pieces, boxes)
        yield from "".join(pieces).split("\n")
        for box in boxes:
            yield from self.blocks(box)

    def inline(self, element: Any, style_id: str | None, pieces: list[str], boxes: list[Any]) -> None:
        """Runs in order, through hyperlinks, insertions, fields and content controls."""
        for child in element.iterchildren():
            if child.tag == f"{_W}r":
                pieces.append(self.run(child, style_id, boxes))
            elif child.tag not in _SKIP_INLINE:
                self.inline(child, style_id, pieces, boxes)

    def run(self, r: Any, style_id: str | None, boxes: list[Any]) -> str:
        parts: list[str] = []
        for child in r.iterchildren():
            if child.tag == f"{_W}t":
                parts.append(child.text or "")
            elif child.tag in _RUN_TEXT:
                parts.append(_RUN_TEXT[child.tag])
            else:  # drawings and shapes may hold text boxes
                boxes.extend(_text_boxes(child))
        text = "".join(parts)
        decoded, encoding = legacy.decode_run(text, self.font(r, style_id))
        if encoding:
            self.encodings.add(encoding)
        elif any(ord(c) > 127 and c.isalpha() for c in text):
            self.encodings.add("unicode")
        return decoded

    def font(self, r: Any, style_id: str | None) -> str | None:
        """Direct formatting, then the run's character style, the paragraph's style, the defaults."""
        rpr = r.find(f"{_W}rPr")
        direct = _font_in(rpr)
        if direct:
            return direct
        char_style = rpr.find(f"{_W}rStyle") if rpr is not None else None
        if char_style is not None:
            from_style = self.styles.font(char_style.get(f"{_W}val"))
            if from_style:
                return from_style
        return self.styles.font(style_id) or self.styles.default_font


def _cells(row: Any) -> Iterator[Any]:
    for child in row.iterchildren():
        if child.tag == f"{_W}tc":
            yield child
        elif child.tag == f"{_W}sdt":  # a content control around cells
            yield from child.iter(f"{_W}tc")


def _parent_table(element: Any) -> Any:
    for ancestor in element.iterancestors(f"{_W}tbl"):
        return ancestor
    return None


def _text_boxes(element: Any) -> list[Any]:
    """Outermost text boxes in a drawing, not those of the fallback copy that Word writes beside it."""
    found = []
    for box in element.iter(f"{_W}txbxContent"):
        ancestors = list(box.iterancestors())
        if any(a.tag in (f"{_MC}Fallback", f"{_W}txbxContent") for a in ancestors[: ancestors.index(element)]):
            continue
        found.append(box)
    return found


# --- PDF ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _PdfInfo:
    pages: int
    owner_locked: bool  # encrypted, but opens without a password (printing or copying restricted)
    sizes: tuple[tuple[float, float], ...] = ()  # points, for the pages to read


def _read_pdf(job: _Job) -> _Read:
    source = _scratch(job, ".pdf")
    info = _pdf_info(job, source)
    count = min(info.pages, job.pages or info.pages)
    info = replace(info, sizes=_page_sizes(job, source, count))
    texts = _pdf_text(job, source, count)
    scans = [n for n in _image_pages(job, source, info) if _letters(texts[n - 1]) < _SCAN_LETTERS]
    encoding, legacy_note = _decode_pdf_text(job, source, texts, count)
    for page, text in _ocr_pdf_pages(job, source, scans, info).items():
        texts[page - 1] = text
    notes = [legacy_note] if legacy_note else []
    if info.owner_locked:
        notes.append("PDF có khóa quyền (hạn chế in, chép) nhưng mở không cần mật khẩu: vẫn đọc được")
    if count < info.pages:
        notes.append(f"chỉ đọc {count} trang đầu trong {info.pages} trang")
    if scans:
        notes.append(f"trang {_page_list(scans)} là ảnh quét: đọc bằng OCR; số và ngày viết tay cần người kiểm tra")
    kind = "pdf-scan" if 2 * len(scans) >= count else "pdf-text"
    reader = READER_OCR if len(scans) == count else READER_PDF + (" và " + READER_OCR if scans else "")
    text = "\n\f\n".join(t.rstrip("\n") for t in texts)
    return _Read(kind, text, reader, encoding, count, len(scans), tuple(notes))


def _pdf_info(job: _Job, source: Path) -> _PdfInfo:
    done = _run(job, ["pdfinfo", str(source)])
    _pdf_failed(job, done, "pdfinfo")
    fields = dict(_colon_fields(done.stdout.decode("utf-8", "replace")))
    pages = int(fields["Pages"]) if fields.get("Pages", "").isdigit() else 0
    if pages < 1:
        raise _corrupt(job.path, _LABEL["pdf"], "không có trang nào")
    if pages > job.limits.max_pages:
        raise FileRefused(
            job.path,
            f"PDF có {pages} trang, quá giới hạn {job.limits.max_pages} trang",
            "nâng giới hạn số trang (--max-pages) nếu đúng là một văn bản, hoặc tách PDF",
        )
    return _PdfInfo(pages, fields.get("Encrypted", "no").startswith("yes"))


def _pdf_failed(job: _Job, done: subprocess.CompletedProcess[bytes], tool: str) -> None:
    if done.returncode == 0:
        return
    message = done.stderr.decode("utf-8", "replace")
    if "password" in message.lower():
        raise _password(job.path)
    detail = message.strip().splitlines()[-1] if message.strip() else f"{tool} thoát với mã {done.returncode}"
    raise _corrupt(job.path, _LABEL["pdf"], detail[:200])


def _colon_fields(text: str) -> Iterator[tuple[str, str]]:
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            yield key.strip(), value.strip()


def _page_sizes(job: _Job, source: Path, count: int) -> tuple[tuple[float, float], ...]:
    done = _run(job, ["pdfinfo", "-f", "1", "-l", str(count), str(source)])
    _pdf_failed(job, done, "pdfinfo")
    sizes: dict[int, tuple[float, float]] = {}
    for m in re.finditer(r"^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", done.stdout.decode("utf-8", "replace"), re.M):
        sizes[int(m.group(1))] = (float(m.group(2)), float(m.group(3)))
    return tuple(sizes.get(n, (595.0, 842.0)) for n in range(1, count + 1))


def _pdf_text(job: _Job, source: Path, count: int) -> list[str]:
    done = _run(job, ["pdftotext", "-layout", "-enc", "UTF-8", "-f", "1", "-l", str(count), str(source), "-"])
    _pdf_failed(job, done, "pdftotext")
    pages = done.stdout.decode("utf-8", "replace").split("\f")
    return [unicodedata.normalize("NFC", p) for p in (pages + [""] * count)[:count]]


def _image_pages(job: _Job, source: Path, info: _PdfInfo) -> list[int]:
    """Pages that are one image (or tiles of one) covering most of the page: a scan, whatever text is on it."""
    count = len(info.sizes)
    done = _run(job, ["pdfimages", "-list", "-f", "1", "-l", str(count), str(source)])
    _pdf_failed(job, done, "pdfimages")
    covered = [0.0] * count
    for line in done.stdout.decode("utf-8", "replace").splitlines()[2:]:
        cols = line.split()
        if len(cols) < 14 or cols[2] != "image" or not cols[0].isdigit():
            continue
        page, width, height, xppi, yppi = int(cols[0]), int(cols[3]), int(cols[4]), float(cols[12]), float(cols[13])
        if 1 <= page <= count and xppi > 0 and yppi > 0:
            page_w, page_h = info.sizes[page - 1]
            covered[page - 1] += (width / xppi * 72) * (height / yppi * 72) / max(page_w * page_h, 1.0)
    return [n + 1 for n, share in enumerate(covered) if share >= _SCAN_COVER]


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


def _decode_pdf_text(job: _Job, source: Path, texts: list[str], count: int) -> tuple[str, str]:
    """A text layer in TCVN3 or VNI fonts comes out as Latin-1 letters: decode it line by line."""
    done = _run(job, ["pdffonts", "-f", "1", "-l", str(count), str(source)])
    fonts = [line.split()[0] for line in done.stdout.decode("utf-8", "replace").splitlines()[2:] if line.split()]
    hints = [e for e in (legacy.font_encoding(f) for f in fonts) if e]
    found = legacy.detect("\n".join(texts), hints[0] if hints else None)
    if not found:
        return "unicode", ""
    for n, text in enumerate(texts):
        texts[n] = legacy.decode_lines(text, found)
    note = f"lớp chữ mã {found.upper()}: đã chuyển sang Unicode"
    if any(legacy.capitals_font(f) for f in fonts):
        note += "; chữ in hoa bằng phông “H” (.VnTimeH…) ra chữ thường vì PDF không giữ phông của từng chữ"
    return found, note


def _page_list(pages: list[int]) -> str:
    return ", ".join(str(n) for n in pages)


# --- OCR ----------------------------------------------------------------------------------------------------


def _ocr_pdf_pages(job: _Job, source: Path, pages: list[int], info: _PdfInfo) -> dict[int, str]:
    def one(page: int) -> str:
        width, height = info.sizes[page - 1]
        dpi = _dpi_for(width / 72, height / 72)
        prefix = job.tmp / f"page-{page}"
        args = ["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(source), str(prefix)]
        _pdf_failed(job, _run(job, args), "pdftoppm")
        image = prefix.with_suffix(".ppm")
        return _tesseract(job, _red_channel(image), dpi, page)

    return dict(zip(pages, _in_parallel(job, one, pages), strict=True))


def _dpi_for(width_in: float, height_in: float) -> int:
    """300 dpi, less for a page so large that its raster would pass the raster limit (a poster, a trap)."""
    area = max(width_in * height_in, 0.01)
    return max(50, min(_OCR_DPI, int((_MAX_RASTER / area) ** 0.5)))


def _in_parallel(job: _Job, work: Callable[[int], str], items: list[int]) -> list[str]:
    """Pages at once on `limits.ocr_jobs` workers (0: every core)."""
    if not items:
        return []
    workers = max(1, min(job.limits.ocr_jobs or os.cpu_count() or 1, len(items)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(work, item) for item in items]
        try:
            return [f.result() for f in futures]
        except BaseException:
            for f in futures:
                f.cancel()
            raise


def _red_channel(ppm: Path) -> Path:
    """The red channel of a colour page (red seals and signatures fade into the paper), as a grey image."""
    raw = ppm.read_bytes()
    header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", raw)
    if header is None:
        return ppm  # already grey (P5), or not what pdftoppm writes: let tesseract read it
    width, height, maxval = (int(g) for g in header.groups())
    grey = ppm.with_suffix(".pgm")
    grey.write_bytes(b"P5\n%d %d\n%d\n" % (width, height, maxval) + raw[header.end() :: 3])
    ppm.unlink()
    return grey


def _tesseract(job: _Job, image: Path, dpi: int, page: int) -> str:
    """The page's text, read twice: at `dpi`, and at two thirds of it for the words the first reading
    doubts (ocrvote); and its signature zone read again on its own (_signature_zone)."""
    main = _tesseract_run(job, image, dpi, ("txt", "tsv"))
    first = ocrvote.words(main.get("tsv", ""))
    grey = _grey(image)  # decoded once, for the zone and the smaller page
    image.unlink(missing_ok=True)
    zone = _signature_zone(job, image, grey, dpi, first)
    if zone:
        job.zones[page] = zone
    voted = ocrvote.vote(first, _smaller_words(job, image, grey, dpi))
    job.doubtful.update(_doubtful_words(voted))
    return unicodedata.normalize("NFC", ocrvote.rebuild(main.get("txt", ""), first, voted))


def _grey(image: Path) -> Any:
    """The page's image decoded, in grey; None when Pillow cannot read it (then the page is OCR'd once only)."""
    from PIL import Image

    try:
        with Image.open(image) as page:
            return page.convert("L")
    except (OSError, ValueError):
        return None


def _signature_zone(job: _Job, image: Path, grey: Any, dpi: int, words: list[ocrvote.Word]) -> str:
    """The right half of the page beside and below "Nơi nhận:", OCR'd as one block: a seal over the
    capacity lines makes the page's reading drop them, read alone they are left damaged but there
    (header.read_signature_zone mends them). "" when the page has no "Nơi nhận"."""
    at = next(
        (
            w
            for w, n in pairwise(words)
            if w.line == n.line and fold(w.text) == "noi" and fold(n.text).startswith("nhan")
        ),
        None,
    )
    if grey is None or at is None:
        return ""
    width, height = grey.size
    line = at.box[3] - at.box[1]
    top = max(0, int(at.box[1] - 3 * line))
    zone = grey.crop((int(width * 0.45), top, width, min(height, top + height * 3 // 10)))
    return _tesseract_of(job, zone, image, "zone", dpi, "txt", psm="6")


def _smaller_words(job: _Job, image: Path, grey: Any, dpi: int) -> list[ocrvote.Word]:
    """The words of the page read at two thirds of its size, in the main reading's pixels."""
    from PIL import Image

    if grey is None:
        return []
    width, height = grey.size
    small = grey.resize((max(1, width * 2 // 3), max(1, height * 2 // 3)), Image.Resampling.LANCZOS)
    return ocrvote.words(_tesseract_of(job, small, image, "small", dpi * 2 // 3, "tsv"), 1.5)


def _tesseract_of(job: _Job, picture: Any, image: Path, name: str, dpi: int, output: str, psm: str = "3") -> str:
    """One output of tesseract on a picture made from a page, written in a file named after the page's
    image and removed after; "" when it cannot be written."""
    target = image.with_name(f"{image.stem}-{name}.pgm")
    try:
        picture.save(target, "PPM")
    except (OSError, ValueError):
        return ""
    read = _tesseract_run(job, target, dpi, (output,), psm).get(output, "")
    target.unlink(missing_ok=True)
    return read


def _tesseract_run(job: _Job, image: Path, dpi: int, outputs: tuple[str, ...], psm: str = "3") -> dict[str, str]:
    # One thread each: tesseract's OpenMP threads cost more than they give (a page in 0.6 s instead of 3.8 s
    # here), and pages run in parallel anyway.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    # Keep the spaces between words: the gap between the two columns of a header is how it is told apart.
    base = image.with_name(f"{image.stem}-ocr")
    args = ["tesseract", str(image), str(base), "-l", "vie", "--psm", psm, "--dpi", str(dpi)]
    args += ["-c", "preserve_interword_spaces=1", *outputs]
    done = _run(job, args, env=env)
    if done.returncode != 0:
        image.unlink(missing_ok=True)
        message = done.stderr.decode("utf-8", "replace")
        if "vie" in message and ("language" in message.lower() or "traineddata" in message):
            raise FileRefused(job.path, "tesseract thiếu dữ liệu tiếng Việt", "cài gói Debian tesseract-ocr-vie")
        raise _corrupt(job.path, "ảnh", (message.strip().splitlines() or ["tesseract lỗi"])[-1][:200])
    out: dict[str, str] = {}
    for suffix in outputs:
        made = base.with_suffix(f".{suffix}")
        if made.is_file():
            out[suffix] = made.read_bytes().decode("utf-8", "replace")
        made.unlink(missing_ok=True)
    return out


def _doubtful_words(words: list[ocrvote.Word]) -> set[str]:
    """Words tesseract read with a confidence below DOUBTFUL_OCR, each as "word<TAB>its line", folded: a
    field is doubted only for a doubtful word on a line of its own (the same word elsewhere on the page
    says nothing of it)."""
    lines: dict[tuple[str, ...], list[tuple[str, float]]] = {}
    for w in words:
        word = fold(unicodedata.normalize("NFC", w.text)).strip(".,;:!?()[]\"'“”*_|")
        if word:
            lines.setdefault(w.line, []).append((word, w.confidence))
    out: set[str] = set()
    for line in lines.values():
        text = " ".join(w for w, _ in line)
        out.update(f"{w}\t{text}" for w, c in line if 0 <= c < DOUBTFUL_OCR)
    return out


def _read_image(job: _Job) -> _Read:
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)  # over the limit: refused below
            image = Image.open(io.BytesIO(job.data))
        with image:
            frames = int(getattr(image, "n_frames", 1))
            _check_image(job, image.size, frames)
            count = min(frames, job.pages or frames)
            paths = [_image_page(job, image, n) for n in range(count)]
    except FileRefused:
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as err:
        raise _image_too_large(job, "") from err
    except (UnidentifiedImageError, OSError, ValueError, EOFError) as err:
        raise _corrupt(job.path, "ảnh", type(err).__name__) from err
    texts = _in_parallel(job, lambda n: _tesseract(job, paths[n], _OCR_DPI, n), list(range(count)))
    notes = ["đọc bằng OCR; số và ngày viết tay cần người kiểm tra"]
    if count < frames:
        notes.append(f"chỉ đọc {count} trang đầu trong {frames} trang")
    return _Read(
        "image", "\n\f\n".join(t.rstrip("\n") for t in texts), READER_OCR, "unicode", count, count, tuple(notes)
    )


def _check_image(job: _Job, size: tuple[int, int], frames: int) -> None:
    if size[0] * size[1] > _MAX_PIXELS:
        raise _image_too_large(job, f" ({size[0]} x {size[1]} điểm ảnh)")
    if frames > job.limits.max_pages:
        raise FileRefused(
            job.path,
            f"ảnh có {frames} trang, quá giới hạn {job.limits.max_pages} trang",
            "nâng giới hạn số trang (--max-pages) hoặc tách tệp",
        )


def _image_too_large(job: _Job, size: str) -> FileRefused:
    return FileRefused(job.path, f"ảnh quá lớn{size}", "thu nhỏ ảnh (300 dpi là đủ để đọc chữ) rồi nạp lại")


def _image_page(job: _Job, image: Any, n: int) -> Path:
    """One page of an image, upright, as the grey red channel (or the grey image) that tesseract reads."""
    from PIL import ImageOps

    image.seek(n)
    page = ImageOps.exif_transpose(image)  # phone photos are stored sideways with a turn in EXIF
    if page.mode in ("RGB", "RGBA", "P", "CMYK", "YCbCr", "LAB", "HSV", "PA"):
        page = page.convert("RGB").getchannel("R")
    elif page.mode not in ("L", "1"):
        page = page.convert("L")
    target = job.tmp / f"image-{n}.pgm"
    page.convert("L").save(target, "PPM")
    return target


# --- the text -------------------------------------------------------------------------------------------------

_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\u00ad\u200b\ufeff]")
_BLANKS = re.compile(r"\n{4,}")


def _tidy(text: str) -> str:
    """NFC, Unix line ends, no stray control characters or soft hyphens, no trailing spaces, no long gaps."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text)
    lines = [line.rstrip(" \t\u00a0") for line in text.split("\n")]  # a "\f" line marks a page: kept
    return _BLANKS.sub("\n\n\n", "\n".join(lines)).strip("\n") + "\n"
