"""Stage 1: read a data directory and validate each file on its own.

Returns a Corpus of what could be read, and every problem found. Checks that need the whole
corpus (relations, duplicates, dates across documents) live in ``checks``.

Nothing is dropped without a word: a file that is empty, too large, not UTF-8, a link out of
the data folder, not a regular file, or not named .yaml/.txt is reported with its path. The
limits and the link rule are in the authoring guide ("Giới hạn và quy tắc").
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import hashlib
import os
import re
import stat
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from . import schema, vocab
from .dates import parse_date
from .model import (
    Change,
    Conflict,
    Corpus,
    Document,
    Draft,
    FieldMark,
    Figure,
    Issuer,
    Relation,
    Signer,
    Source,
    SuggestedRelation,
)
from .problems import ERROR, WARNING, Problem, Problems
from .schema import Field
from .symbols import slug
from .workers import fork_workers, forked_map
from .yamlio import LineDict, YamlLimitError, YamlSyntaxError, line_of, load_yaml

DOCUMENTS_DIR = "documents"
TEXTS_DIR = "texts"
ORIGINALS_DIR = "originals"  # the files documents were read from, published as they are ("Bản gốc")
ISSUERS_FILE = "issuers.yaml"
REGIONS_FILE = "regions.yaml"
SOURCES_FILE = "sources.yaml"
YAML_SUFFIXES = (".yaml", ".yml")  # in any case: 25-nq-tw-2013.YAML is read too
TEXT_SUFFIX = ".txt"

# Refused above these sizes, before reading: a YAML file of the data is a few kilobytes; a full
# text, even a long law, under a megabyte. The citation extractor may set a lower limit of its own.
MAX_YAML_BYTES = 1024 * 1024  # 1 MiB
MAX_TEXT_BYTES = 10 * 1024 * 1024  # 10 MiB; citations.limits refuses to search texts above 5 MB
MAX_ORIGINAL_BYTES = 50 * 1024 * 1024  # 50 MiB: an original above it is not published

Raw = Any  # what the YAML parser returns: LineDict, list, str, int, float, bool, None


class _Reader:
    """Validation of one file against the schema table: knows the file, collects its problems."""

    def __init__(self, file: str, problems: Problems):
        self.file = file
        self.problems = problems

    def error(
        self, code: str, message: str, hint: str = "", line: int | None = None, field: str = "", severity: str = ERROR
    ) -> None:
        self.problems.add(Problem(code, message, hint, self.file, line, field, severity))

    def fields(self, raw: Raw, spec: tuple[Field, ...], prefix: str = "", line: int | None = None) -> dict[str, Any]:
        """Check keys against spec, convert values; return only the good ones."""
        out: dict[str, Any] = {}
        if not isinstance(raw, dict):
            wanted = ", ".join(schema.required(spec)) or ", ".join(f.name for f in spec)
            self.error(
                "wrong-type",
                f"cần một mục khóa: giá trị (với {wanted}), gặp {_shown(raw)}",
                "viết dạng `khóa: giá trị`, mỗi khóa một dòng",
                line,
                prefix.rstrip("."),
            )
            return out
        self._duplicates(raw, prefix)
        names = [f.name for f in spec]
        for key in raw:
            if key not in names:
                close = difflib.get_close_matches(str(key), names, n=1)
                hint = f"có phải '{close[0]}'?" if close else "các trường hợp lệ: " + ", ".join(names)
                self.error(
                    "unknown-field",
                    f"trường không có trong mô hình: '{key}'",
                    hint,
                    line_of(raw, key),
                    prefix + str(key),
                )
        for f in spec:
            if f.name not in raw or raw[f.name] is None:
                if f.required and not (f.unless and raw.get(f.unless) is not None):
                    self.error(
                        "missing-field",
                        f"thiếu trường bắt buộc '{f.name}'",
                        f"thêm dòng `{f.name}: …`",
                        line_of(raw, None),
                        prefix + f.name,
                    )
                continue
            value = self.convert(raw[f.name], f, line_of(raw, f.name), prefix + f.name)
            if value is not None:
                out[f.name] = value
        return out

    def _duplicates(self, raw: Raw, prefix: str) -> None:
        for key, dup_line in getattr(raw, "duplicates", []):
            self.error(
                "duplicate-key",
                f"khóa '{key}' xuất hiện hai lần; giá trị trước bị ghi đè",
                "xóa một trong hai dòng",
                dup_line,
                prefix + str(key),
            )

    def convert(self, value: Raw, f: Field, line: int | None, field: str) -> Any:
        converted = _CONVERTERS[f.kind](self, value, f, line, field)
        if converted is _WRONG:
            self.error(
                "wrong-type", f"cần {schema.KINDS[f.kind]}, gặp {_shown(value)}", _KIND_HINTS[f.kind], line, field
            )
            return None
        if f.vocabulary is not None and converted is not None and f.kind != "map-mapping":  # its keys: checked there
            return self._in_vocabulary(converted, f, line, field)
        return converted

    def _in_vocabulary(self, value: Any, f: Field, line: int | None, field: str) -> Any:
        """Keep what the vocabulary allows; report the rest with the closest allowed value."""
        assert f.vocabulary is not None
        values = value if isinstance(value, tuple) else (value,)
        kept = []
        for v in values:
            if v in f.vocabulary:
                kept.append(v)
                continue
            close = difflib.get_close_matches(v, f.vocabulary, n=1)
            hint = f"có phải '{close[0]}'?" if close else "các giá trị hợp lệ: " + ", ".join(f.vocabulary)
            self.error(f.vocab_code, _VOCAB_MESSAGES[f.vocab_code].format(v), hint, line, field)
        if isinstance(value, tuple):
            return tuple(kept)
        return kept[0] if kept else None


# Sentinel: the value is not of the field's kind (None means "nothing usable, already reported").
_WRONG = object()

_KIND_HINTS = {
    "str": "đặt giá trị trong dấu ngoặc kép",
    "bool": "viết true hoặc false",
    "list-str": "viết dạng [a, b] hoặc mỗi mục một dòng bắt đầu bằng '- '",
    "map-str": "viết dạng `mã-cảnh-báo: lý do`",
    "list-mapping": "mỗi mục một dòng bắt đầu bằng '- '",
    "list-source": "mỗi mục một dòng bắt đầu bằng '- '",
    "mapping": "viết dạng `khóa: giá trị`, mỗi khóa một dòng",
    "date": "",
    "confidence": "viết một số từ 0 đến 1, ví dụ 0.95",
    "map-mapping": "viết mỗi tên một dòng `tên:`, rồi các khóa của nó thụt vào bên dưới",
}

_VOCAB_MESSAGES = {
    "unknown-type": "loại văn bản không có trong danh mục: '{}'",
    "unknown-status": "tình trạng hiệu lực không có trong danh mục: '{}'",
    "unknown-relation": "loại quan hệ không có trong danh mục: '{}'",
    "unknown-field": "trường không thể nêu ở đây: '{}'",
    "unknown-level": "giá trị không có trong danh mục: '{}'",
    "unknown-system": "giá trị không có trong danh mục: '{}'",
}


def _str(_r: _Reader, value: Raw, _f: Field, _line: int | None, _field: str) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)  # a bare 2017 or XI-like number is fine as text
    return value.strip() if isinstance(value, str) else _WRONG


def _bool(_r: _Reader, value: Raw, _f: Field, _line: int | None, _field: str) -> Any:
    return value if isinstance(value, bool) else _WRONG


def _list_str(r: _Reader, value: Raw, _f: Field, line: int | None, field: str) -> Any:
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if not isinstance(value, list):
        return _WRONG
    items = []
    for i, item in enumerate(value):  # each item on its own: one bad item does not lose the others
        if isinstance(item, (str, int, float)) and not isinstance(item, bool) and str(item).strip():
            items.append(str(item).strip())
        elif item is None or isinstance(item, str):
            r.error(
                "wrong-type",
                "mục rỗng trong danh sách",
                "xóa dòng `- ` rỗng, hoặc viết nội dung",
                line,
                f"{field}[{i}]",
            )
        else:
            r.error("wrong-type", f"cần một chuỗi, gặp {_shown(item)}", _KIND_HINTS["str"], line, f"{field}[{i}]")
    return tuple(items)


def _map_str(_r: _Reader, value: Raw, _f: Field, _line: int | None, _field: str) -> Any:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        return _WRONG
    return {str(k): v for k, v in value.items()}


def _date(r: _Reader, value: Raw, _f: Field, line: int | None, field: str) -> Any:
    try:
        return parse_date(value)
    except ValueError:
        r.error(
            "bad-date",
            f"ngày không hợp lệ: {_shown(value)}",
            "viết YYYY-MM-DD (2013-06-03), hoặc YYYY-MM, hoặc YYYY nếu chỉ biết năm; kiểm tra ngày có thật trong tháng",
            line,
            field,
        )
        return None


def _mapping(r: _Reader, value: Raw, f: Field, line: int | None, field: str) -> Any:
    got = r.fields(value, f.fields, field + ".", line)
    return got if all(name in got for name in schema.required(f.fields)) and got else None


def _list_mapping(r: _Reader, value: Raw, f: Field, line: int | None, field: str) -> Any:
    if not isinstance(value, list):
        return _WRONG
    items = []
    for i, item in enumerate(value):
        got = _mapping(r, item, f, line, f"{field}[{i}]")
        if got is not None:
            got["line"] = line_of(item, f.fields[0].name, line)
            items.append(got)
    return tuple(items)


def _list_source(r: _Reader, value: Raw, f: Field, line: int | None, field: str) -> Any:
    if not isinstance(value, list):
        return _WRONG
    items = []
    for i, item in enumerate(value):
        if isinstance(item, str):
            items.append(Source(name=item.strip()))
        elif (got := _mapping(r, item, f, line, f"{field}[{i}]")) is not None:
            items.append(
                Source(
                    name=got["site"],
                    path=got.get("path", ""),
                    note=got.get("note", ""),
                    date=got.get("date"),
                    quote=got.get("quote", ""),
                )
            )
    return tuple(items)


_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,12})?")


def _confidence(_r: _Reader, value: Raw, _f: Field, _line: int | None, _field: str) -> Any:
    """A number from 0 to 1. The YAML reader gives plain numbers as text (0.95 comes as "0.95"); only an
    explicitly tagged one (`!!float 0.95`, `!!int 1`) comes as a number, so both branches are live."""
    written = isinstance(value, str) and _NUMBER.fullmatch(value.strip())
    if not written and (not isinstance(value, (int, float)) or isinstance(value, bool)):
        return _WRONG
    number = float(value)
    return number if 0 <= number <= 1 else _WRONG


def _map_mapping(r: _Reader, value: Raw, f: Field, line: int | None, field: str) -> Any:
    """Names (from the vocabulary, when there is one) to mappings of f.fields."""
    if not isinstance(value, dict):
        return _WRONG
    r._duplicates(value, field + ".")
    out = {}
    for key, item in value.items():
        name, item_line = str(key), line_of(value, key, line)
        if f.vocabulary is not None and name not in f.vocabulary:
            close = difflib.get_close_matches(name, f.vocabulary, n=1)
            hint = f"có phải '{close[0]}'?" if close else "dùng tên một trường của văn bản: symbol, date, title…"
            r.error(f.vocab_code, f"'{field}' nêu trường không có trong mô hình: '{name}'", hint, item_line, field)
            continue
        got = _mapping(r, item, f, item_line, f"{field}.{name}")
        if got is not None:
            out[name] = got
    return out


_CONVERTERS = {
    "str": _str,
    "bool": _bool,
    "list-str": _list_str,
    "map-str": _map_str,
    "date": _date,
    "mapping": _mapping,
    "list-mapping": _list_mapping,
    "list-source": _list_source,
    "confidence": _confidence,
    "map-mapping": _map_mapping,
}


def _shown(value: Raw) -> str:
    if isinstance(value, dict):
        return "một mục khóa: giá trị"
    if isinstance(value, list):
        return "một danh sách"
    if value is None:
        return "giá trị rỗng"
    text = repr(value)
    return text if len(text) < 60 else text[:57] + "…"


class _Unread:
    """What read_yaml_file returns when the file could not be read (already reported)."""


UNREAD = _Unread()


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


class DataFiles:
    """File access under one data folder: the one place that opens a data file.

    A symbolic link is followed when it leads to a place inside the data folder (a shared text,
    a folder of documents kept elsewhere in data/); one that leads outside is reported, never
    read, so nothing from outside data/ is published. A file that is not regular (a FIFO, a
    device) would block or never end: it is reported, not opened.
    """

    def __init__(self, root: str | Path, problems: Problems):
        self.root = os.path.realpath(root)
        self.problems = problems
        self._folders: dict[str, str] = {}  # folder → its real path: thousands of files share a few folders
        self._inside: dict[str, bool] = {}  # folder, as given → whether its real path is inside the data folder

    def _problem(self, code: str, message: str, hint: str, display: str, severity: str = ERROR) -> None:
        self.problems.add(Problem(code, message, hint, display, severity=severity))

    def _real(self, path: str | Path) -> str:
        """os.path.realpath(path), each folder resolved once: a file that is not a link adds only its name."""
        folder, name = os.path.split(os.path.abspath(path))
        try:
            is_link = stat.S_ISLNK(os.lstat(path).st_mode)
        except OSError:
            is_link = True  # missing or unreadable: realpath says what it can
        if is_link or name in ("", ".", ".."):
            return os.path.realpath(path)
        if folder not in self._folders:
            self._folders[folder] = os.path.realpath(folder)
        return os.path.join(self._folders[folder], name)

    def unchanged(self, path: str | Path, seen: Signature) -> bool:
        """Whether path is still, inside the data folder, the file stat described as seen (reporting nothing:
        when it is not, reading it reports what there is to report)."""
        # One lstat for a file that is not a link, in a folder known inside (serve asks this of every file after
        # each edit); a link is followed as reading it would.
        folder, name = os.path.split(path)
        try:
            info = os.lstat(path)
        except OSError:
            return False
        if stat.S_ISLNK(info.st_mode) or name in ("", ".", ".."):
            if not self._real(path).startswith(self.root + os.sep):
                return False
            try:
                info = os.stat(path)
            except OSError:
                return False
        elif not self._folder_inside(folder):
            return False
        return signature(info) == seen

    def _folder_inside(self, folder: str) -> bool:
        inside = self._inside.get(folder)
        if inside is None:
            real = os.path.realpath(folder)
            inside = self._inside[folder] = real == self.root or real.startswith(self.root + os.sep)
        return inside

    def inside(self, path: str | Path, display: str) -> bool:
        real = self._real(path)
        if real == self.root or real.startswith(self.root + os.sep):
            return True
        self._problem(
            "link-outside-data",
            f"liên kết tượng trưng trỏ ra ngoài thư mục dữ liệu (tới {real}): không đọc, không đăng",
            "chép tệp vào trong thư mục dữ liệu thay vì liên kết tới nơi khác",
            display,
        )
        return False

    def read(self, path: Path, display: str, limit: int) -> bytes | None:
        """The bytes of a regular file inside the data folder, at most limit; else None, reported."""
        if not self.inside(path, display):
            return None
        try:
            st = os.stat(path)
        except FileNotFoundError:
            broken = os.path.islink(path)
            self._problem(
                "unreadable",
                "liên kết hỏng: tệp mà nó trỏ tới không có" if broken else "không có tệp này",
                "sửa hoặc xóa liên kết" if broken else "tạo tệp, hoặc kiểm tra thư mục dữ liệu (--data)",
                display,
            )
            return None
        except OSError as exc:
            self._unreadable(exc, display)
            return None
        if not stat.S_ISREG(st.st_mode):
            kind = "một thư mục" if stat.S_ISDIR(st.st_mode) else "FIFO, socket hay thiết bị"
            self._problem(
                "unreadable", f"không phải tệp thường ({kind})", "thay bằng một tệp thường, hoặc xóa", display
            )
            return None
        if st.st_size > limit:
            self._too_large(st.st_size, limit, display)
            return None
        try:
            with open(path, "rb") as handle:
                data = handle.read(limit + 1)  # never more, even if the file grows meanwhile
        except OSError as exc:
            self._unreadable(exc, display)
            return None
        if len(data) > limit:
            self._too_large(len(data), limit, display)
            return None
        return data

    def _unreadable(self, exc: OSError, display: str) -> None:
        self._problem(
            "unreadable",
            f"không đọc được: {exc.strerror or exc}",
            "kiểm tra quyền đọc của tệp và thư mục chứa nó",
            display,
        )

    def _too_large(self, size: int, limit: int, display: str) -> None:
        self._problem(
            "over-limit",
            f"tệp lớn {_size(size)}, quá giới hạn {_size(limit)}: không đọc",
            "chia nhỏ tệp, hoặc bỏ phần không phải dữ liệu (xem Giới hạn và quy tắc trong hướng dẫn biên soạn)",
            display,
        )

    def files_in(self, folder: Path, recursive: bool) -> list[Path]:
        """Every file under folder (links inside the data folder followed), sorted.

        Hidden names (.git, an editor's .swp) are skipped; an unreadable folder, a link out of the
        data folder and, when not recursive, a sub-folder are reported.
        """
        out: list[Path] = []
        seen: set[str] = set()
        stack = [folder]
        while stack:
            current = stack.pop()
            display = display_path(current)
            if not self.inside(current, display):
                continue
            real = os.path.realpath(current)
            if real in seen:  # a link back to a folder already read
                continue
            seen.add(real)
            try:
                with os.scandir(current) as it:
                    entries = sorted(it, key=lambda entry: entry.name)
            except OSError as exc:
                self._unreadable(exc, display)
                continue
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                path = Path(entry.path)
                try:
                    is_dir = entry.is_dir()  # follows a link: a linked folder is a folder
                except OSError:
                    is_dir = False
                if is_dir and recursive:
                    stack.append(path)
                elif is_dir:
                    self._problem(
                        "ignored-file",
                        "thư mục con không được đọc",
                        f"đặt các tệp thẳng trong {folder.name}/",
                        display_path(path),
                        WARNING,
                    )
                else:
                    out.append(path)
        return sorted(out)


def decode(data: bytes, display: str, problems: Problems) -> str | None:
    """UTF-8 text (a byte-order mark dropped); else None, reported with the line of the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            hint = "tệp lưu bằng UTF-16: mở và lưu lại với mã hóa UTF-8"
        else:
            hint = (
                "lưu lại tệp với mã hóa UTF-8; tệp mã Windows-1258 (cp1258) thì chuyển bằng "
                "`iconv -f cp1258 -t utf-8 TỆP > TỆP-MỚI`"
            )
        problems.add(
            Problem(
                "encoding",
                f"tệp không phải UTF-8: byte {data[exc.start]:#04x} ở dòng {line} không đọc được",
                hint,
                display,
                line,
            )
        )
        return None


def read_yaml_file(path: Path, display: str, problems: Problems, files: DataFiles) -> Raw:
    """The parsed YAML (None for an empty file), or UNREAD when it could not be read (reported)."""
    data = files.read(path, display, MAX_YAML_BYTES)
    return parse_yaml_bytes(data, display, problems) if data is not None else UNREAD


def parse_yaml_bytes(data: bytes, display: str, problems: Problems) -> Raw:
    """read_yaml_file once the bytes are read."""
    text = decode(data, display, problems)
    if text is None:
        return UNREAD
    try:
        return load_yaml(text)
    except YamlLimitError as exc:
        problems.add(
            Problem(
                "over-limit",
                f"tệp YAML vượt giới hạn: {exc.message}",
                "viết thẳng giá trị thay vì dùng bí danh (&tên, *tên), bớt cấp lồng "
                "(xem Giới hạn và quy tắc trong hướng dẫn biên soạn)",
                display,
                exc.line,
            )
        )
    except YamlSyntaxError as exc:
        lines = text.splitlines()
        tab = exc.line is not None and 0 < exc.line <= len(lines) and "\t" in lines[exc.line - 1]
        problems.add(
            Problem(
                "yaml-syntax",
                f"lỗi cú pháp YAML: {exc.message}",
                "dòng này có ký tự tab: YAML chỉ thụt lề bằng dấu cách"
                if tab
                else "kiểm tra thụt lề, dấu ':' sau mỗi khóa, và đặt chuỗi có ':' hoặc '#' trong dấu ngoặc kép; "
                "mỗi tệp chỉ một tài liệu YAML (không có dòng '---' thứ hai)",
                display,
                exc.line,
            )
        )
    return UNREAD


def load_document(raw: Raw, doc_id: str, display: str, problems: Problems) -> Document | None:
    reader = _Reader(display, problems)
    if raw is None:
        reader.error(
            "empty-file",
            "tệp rỗng hoặc chỉ có chú thích: tệp văn bản phải là một mục khóa: giá trị",
            "viết các trường symbol, type, issuer, sources… như ví dụ trong docs/huong-dan/them-van-ban.md, "
            "hoặc xóa tệp",
            1,
        )
        return None
    if not isinstance(raw, dict):
        reader.error(
            "wrong-type",
            f"tệp văn bản phải là một mục khóa: giá trị, gặp {_shown(raw)}",
            "xem ví dụ trong docs/huong-dan/them-van-ban.md",
            1,
        )
        return None
    got = reader.fields(raw, schema.DOCUMENT)
    if "topics" in got:
        got["topics"] = _page_topics(reader, got["topics"], line_of(raw, "topics"))
    if "original" in got:
        got["original"] = _original_name(reader, got["original"], line_of(raw, "original"), "original")
    if "draft" in got:
        got["draft"] = _draft(reader, got["draft"], raw["draft"], line_of(raw, "draft"))
        if raw.get("issuer") is None:  # a draft whose issuer is not known yet: the reserved one
            got["issuer"] = schema.UNKNOWN_ISSUER
    if any(name not in got for name in schema.required(schema.DOCUMENT) if name != "sources"):
        return None
    relations = tuple(
        Relation(
            r["type"],
            doc_id,
            r["target"],
            r.get("note", ""),
            r.get("place", ""),
            r.get("unverified", False),
            r["line"],
            r.get("sources", ()),
        )
        for r in got.pop("relations", ())
    )
    if "conflicts" in got:
        got["conflicts"] = tuple(Conflict(c["field"], c["note"]) for c in got["conflicts"])
    if "figures" in got:
        got["figures"] = tuple(Figure(f["label"], f["value"], f["quote"], f.get("place", "")) for f in got["figures"])
    if "signer" in got:
        got["signer"] = Signer(**got["signer"])
    if "date_note" in got:
        got["notes"] = (f"Ngày ban hành: {got.pop('date_note')}", *got.get("notes", ()))
    return Document(
        id=doc_id,
        relations=relations,
        file=display,
        line_of={str(k): v for k, v in raw.lines.items()} if isinstance(raw, LineDict) else {},
        **got,
    )


def _original_name(reader: _Reader, name: str, line: int | None, field: str) -> str:
    """The name of an original (`original:` or `draft.original:`); "" when it cannot be one (reported)."""
    if name and (why := schema.original_problem(name)):
        reader.error(
            "bad-original",
            f"tên bản gốc '{name}' không dùng được: {why}; trang không liên kết tới bản gốc",
            "ghi tên tệp đặt trong data/originals/: id của văn bản và đuôi tệp, ví dụ 25-nq-tw-2013.pdf",
            line,
            field,
            WARNING,
        )
        return ""
    return name


def _draft(reader: _Reader, got: dict[str, Any], raw: Raw, line: int | None) -> Draft:
    original_line = line_of(raw, "original", line) if "original" in got else None
    return Draft(
        reader=got["reader"],
        file=got.get("file", ""),
        original=_original_name(reader, got.get("original", ""), original_line, "draft.original"),
        original_line=original_line,
        sha256=got.get("sha256", ""),
        ingested=got.get("ingested"),
        issuer_text=got.get("issuer_text", ""),
        fields={
            name: FieldMark(mark["confidence"], mark.get("reason", "")) for name, mark in got.get("fields", {}).items()
        },
        relations=tuple(
            SuggestedRelation(r["type"], r["cited"], r.get("target", ""), r.get("sentence", ""), r["line"])
            for r in got.get("relations", ())
        ),
        line=line,
    )


def _page_topics(reader: _Reader, topics: tuple[str, ...], line: int | None) -> tuple[str, ...]:
    """Topics that can name a page: some letter or digit, and not a page the site keeps for itself."""
    kept = []
    for i, topic in enumerate(topics):
        key = slug(topic)
        if not key or key in schema.RESERVED_KEYS:
            why = "không có chữ hay số nào" if not key else f"trùng tên trang dành riêng '{key}'"
            reader.error(
                "bad-topic",
                f"chủ đề '{topic}' không dùng được làm tên trang: {why}",
                "viết chủ đề bằng chữ, ví dụ: dân vận, xây dựng Đảng",
                line,
                f"topics[{i}]",
            )
        elif topic not in kept:
            kept.append(topic)
    return tuple(kept)


def _top_mapping(raw: Raw, reader: _Reader, what: str) -> dict[Any, Any]:
    """The top of issuers.yaml, regions.yaml, sources.yaml: a mapping, its duplicate keys reported."""
    if raw is UNREAD:
        return {}
    if raw is None:
        reader.error(
            "empty-file",
            f"{what} rỗng hoặc chỉ có chú thích",
            "viết các mục `khóa: …` như hướng dẫn biên soạn, hoặc xóa tệp",
            1,
            severity=WARNING,
        )
        return {}
    if not isinstance(raw, dict):
        reader.error(
            "wrong-type", f"{what} phải là một mục khóa: giá trị, gặp {_shown(raw)}", "viết mỗi mục `khóa: …`", 1
        )
        return {}
    reader._duplicates(raw, "")
    return raw


def _good_keys(raw: dict[Any, Any], reader: _Reader, what: str) -> dict[str, Any]:
    """The entries whose key can be an id (it names pages and goes into document ids); the rest reported."""
    out = {}
    for key, entry in raw.items():
        why = schema.key_problem(str(key))
        if why:
            reader.error(
                "bad-id",
                f"khóa {what} '{key}' không hợp lệ: {why}",
                "viết khóa bằng chữ thường không dấu, số và '-', ví dụ tinh-uy-hau-giang",
                line_of(raw, key),
                str(key),
            )
        else:
            out[str(key)] = entry
    return out


def _key_field(reader: _Reader, got: dict[str, Any], name: str, what: str, line: int | None, prefix: str) -> None:
    """Drop got[name] when it is no possible key (reported), so that no page or id is made from it."""
    if name in got and (why := schema.key_problem(got[name])):
        reader.error(
            "bad-id",
            f"{what} '{got[name]}' không hợp lệ: {why}",
            "viết đúng khóa, ví dụ hau-giang",
            line,
            prefix + name,
        )
        del got[name]


def load_issuers(path: Path, display: str, problems: Problems, files: DataFiles) -> dict[str, Issuer]:
    reader = _Reader(display, problems)
    raw = _top_mapping(read_yaml_file(path, display, problems, files), reader, "issuers.yaml")
    issuers = {}
    for key, entry in _good_keys(raw, reader, "cơ quan").items():
        if key == schema.UNKNOWN_ISSUER:
            reader.error(
                "bad-id",
                f"khóa cơ quan '{key}' dành riêng cho bản nháp chưa xác định được cơ quan ban hành",
                "đặt một khóa khác cho cơ quan này, ví dụ theo tên: ubnd-quang-ngai",
                line_of(raw, key),
                key,
            )
            continue
        got = reader.fields(entry, schema.ISSUER, f"{key}.", line_of(raw, key))
        if "name" not in got:
            continue
        _key_field(reader, got, "parent", "khóa cơ quan cấp trên", line_of(entry, "parent"), f"{key}.")
        _key_field(reader, got, "region", "khóa địa phương", line_of(entry, "region"), f"{key}.")
        if "became" in got:
            got["became"] = Change(**got["became"])
        # An issuer with a level or system outside the vocabulary is kept (the error is reported),
        # so that its documents are not reported as well.
        got.setdefault("level", "")
        got.setdefault("system", "")
        issuers[str(key)] = Issuer(key=str(key), file=display, line=line_of(raw, key), **got)
    for issuer in issuers.values():
        if issuer.parent and issuer.parent not in issuers:
            reader.error(
                "unknown-issuer",
                f"cơ quan cấp trên không có: '{issuer.parent}'",
                "thêm cơ quan đó vào issuers.yaml hoặc sửa khóa",
                issuer.line,
                f"{issuer.key}.parent",
            )
    return issuers


def load_regions(
    path: Path, display: str, problems: Problems, issuers: dict[str, Issuer], files: DataFiles
) -> tuple[dict[str, str], dict[str, str]]:
    """Province slug → its name ("hau-giang" → "Tỉnh Hậu Giang"), every issuer's region needing one; and slug →
    the slug of the province it has been part of since a merger (`today:`, "hau-giang" → "can-tho")."""
    reader = _Reader(display, problems)
    exists = os.path.lexists(path)  # a broken link is reported, not taken for a missing file
    raw = _top_mapping(read_yaml_file(path, display, problems, files) if exists else {}, reader, "regions.yaml")
    regions: dict[str, str] = {}
    today: dict[str, str] = {}
    lines: dict[str, int | None] = {}
    for key, value in _good_keys(raw, reader, "địa phương").items():
        got = reader.fields(value, schema.REGION, f"{key}.", line_of(raw, key)) if isinstance(value, dict) else {}
        if isinstance(value, str) and value.strip():
            regions[key] = value.strip()
        elif got.get("name", "").strip():
            regions[key] = got["name"].strip()
            if got.get("today"):
                today[key] = got["today"]
                lines[key] = line_of(value, "today", line_of(raw, key))
        elif isinstance(value, dict) and "name" in got:
            reader.error(
                "wrong-type",
                "tên địa phương để trống",
                f"viết `name: Tỉnh …` cho {key}",
                line_of(raw, key),
                f"{key}.name",
            )
        elif not isinstance(value, dict):
            reader.error(
                "wrong-type",
                f"tên địa phương phải là một chuỗi, gặp {_shown(value)}",
                f"viết `{key}: Tỉnh …`, hoặc `{key}: {{name: Tỉnh …, today: <khóa tỉnh hiện nay>}}`",
                line_of(raw, key),
                str(key),
            )
    merged: dict[str, str] = {}  # the `today:` that hold
    for key, into in today.items():
        if into not in regions:
            why, hint = f"'{into}' chưa có trong regions.yaml", f"thêm dòng `{into}: Tỉnh …`, hoặc sửa `today:`"
        elif into == key or into in today:  # a province of today has no `today:` of its own
            why = f"'{key}' không thể thuộc về '{into}': nơi đó là chính nó hoặc cũng đã sáp nhập"
            hint = "ghi tỉnh, thành phố hiện nay (nơi không có `today:`)"
        else:
            merged[key] = into
            continue
        reader.error("unknown-region", why, hint, lines[key], f"{key}.today")
    for issuer in issuers.values():
        if issuer.region and issuer.region not in regions:
            problems.add(
                Problem(
                    "unknown-region",
                    f"địa phương '{issuer.region}' chưa có trong regions.yaml",
                    f"thêm dòng `{issuer.region}: Tỉnh …` vào {display}",
                    issuer.file,
                    issuer.line,
                    f"{issuer.key}.region",
                )
            )
    return regions, merged


def load_named_sources(path: Path, display: str, problems: Problems, files: DataFiles) -> dict[str, Source]:
    if not os.path.lexists(path):
        return {}
    reader = _Reader(display, problems)
    raw = _top_mapping(read_yaml_file(path, display, problems, files), reader, "sources.yaml")
    out = {}
    for key, entry in _good_keys(raw, reader, "nguồn").items():
        got = reader.fields(entry, schema.NAMED_SOURCE, f"{key}.", line_of(raw, key))
        if "title" in got:
            out[key] = Source(name=key, title=got["title"], note=got.get("note", ""))
    return out


def display_path(path: Path) -> str:
    """Relative to the working directory when inside it (as users type paths), else absolute."""
    absolute, cwd = os.path.abspath(path), os.getcwd()
    if absolute == cwd:
        return "."
    inside = cwd if cwd.endswith(os.sep) else cwd + os.sep
    return absolute[len(inside) :] if absolute.startswith(inside) else absolute


def _has_suffix(path: Path, suffixes: tuple[str, ...]) -> bool:
    return path.suffix.lower() in suffixes


def _ignored(path: Path, where: str, problems: Problems) -> None:
    problems.add(
        Problem(
            "ignored-file",
            f"tệp không được đọc: trong {where} chỉ đọc tệp {'.yaml/.yml' if where == DOCUMENTS_DIR else '.txt'}",
            "đổi đuôi tệp nếu đó là dữ liệu, hoặc chuyển nó ra khỏi thư mục dữ liệu",
            display_path(path),
            severity=WARNING,
        )
    )


def document_files(data_dir: Path, problems: Problems, files: DataFiles) -> list[Path]:
    """The YAML files of data/documents/ and its sub-folders; any other file is reported."""
    out = []
    for path in files.files_in(data_dir / DOCUMENTS_DIR, recursive=True):
        if _has_suffix(path, YAML_SUFFIXES):
            out.append(path)
        else:
            _ignored(path, DOCUMENTS_DIR, problems)
    return out


# What stat says of a file that its content can be known unchanged by: device, inode, size, times.
Signature = tuple[int, int, int, int, int]


def _unchanged_text(path: Path, memo: TextMemo | None) -> str | None:
    """The text read before from this file, when stat says it is the same file, unchanged since (a link, or a
    file that changed in any way, is read again and checked as any file is)."""
    kept = memo.get(str(path)) if memo is not None else None
    if kept is None:
        return None
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return kept[1] if stat.S_ISREG(info.st_mode) and signature(info) == kept[0] else None


def _keep_text(path: Path, text: str, memo: TextMemo | None) -> None:
    if memo is None:
        return
    with contextlib.suppress(OSError):
        sig = signature(os.lstat(path))
        if sig is not None and text.strip():
            memo[str(path)] = (sig, text)


# A file written less than this long ago may be written again within the same tick of the file system's clock
# and keep its size: until then, what stat says of it does not vouch for its content ("racy git").
SETTLED_NS = 2_000_000_000


def signature(info: os.stat_result, now: int | None = None) -> Signature | None:
    """What stat said of a file, to know it unchanged by later; None while it is too fresh to vouch for it.
    `now`: time.time_ns(), read once by a caller that asks this of thousands of files."""
    if (time.time_ns() if now is None else now) - info.st_mtime_ns < SETTLED_NS:
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


# What reading one document file gave, kept by `serve` between builds: (what stat said of the file, its bytes'
# digest, the document or None, the problems it raised, in order), by the file's displayed path.
LoadMemo = dict[str, tuple[Signature | None, bytes, Document | None, list[Problem]]]


class _Recorder(Problems):
    """Every problem in the order it was added (none folded), to be added again to another accumulator."""

    def add(self, problem: Problem) -> None:
        self.items.append(problem)


def _document_file(
    path: Path, display: str, doc_id: str, problems: Problems, files: DataFiles, memo: LoadMemo | None
) -> Document | None:
    """The document a file holds, or None (the problems reported). With a memo, a file whose bytes did not
    change since it was last read is not parsed again: its document and its problems are those of then."""
    if memo is None:  # build and check: read once, nothing to keep
        data = files.read(path, display, MAX_YAML_BYTES)
        raw = parse_yaml_bytes(data, display, problems) if data is not None else UNREAD
        return None if raw is UNREAD else load_document(raw, doc_id, display, problems)
    kept = memo.get(display)
    if kept is None or kept[0] is None or not files.unchanged(path, kept[0]):
        try:
            seen = signature(os.stat(path))  # before reading: a write after it makes it differ next time
        except OSError:
            seen = None
        data = files.read(path, display, MAX_YAML_BYTES)
        if data is None:
            return None
        digest = hashlib.blake2b(doc_id.encode() + b"\0" + data, digest_size=16).digest()
        if kept is None or kept[1] != digest:
            recorder = _Recorder()
            raw = parse_yaml_bytes(data, display, recorder)
            doc = None if raw is UNREAD else load_document(raw, doc_id, display, recorder)
            kept = (seen, digest, doc, recorder.items)
        else:
            kept = (seen, *kept[1:])
        memo[display] = kept
    for problem in kept[3]:
        problems.add(problem)
    return kept[2]


def load_corpus(data_dir: str | Path, memo: LoadMemo | None = None, jobs: int = 1) -> tuple[Corpus, Problems]:
    """Read every file of a data directory. Never raises on bad data: returns problems.

    `memo` (kept by the caller between calls) spares parsing the document files that did not change. Without
    one, `jobs` processes (0: every core) parse the document files when there are enough of them; the result is
    the same, problems in the same order."""
    data_dir = Path(data_dir)
    problems = Problems()
    if not (data_dir / DOCUMENTS_DIR).is_dir():
        problems.add(
            Problem(
                "no-data",
                f"không thấy thư mục {data_dir / DOCUMENTS_DIR}",
                "chạy lệnh trong thư mục gốc của dự án, hoặc chỉ --data",
                str(data_dir),
            )
        )
        return Corpus({}, {}, {}, str(data_dir)), problems
    rel = display_path
    files = DataFiles(data_dir, problems)
    issuers = load_issuers(data_dir / ISSUERS_FILE, rel(data_dir / ISSUERS_FILE), problems, files)
    named = load_named_sources(data_dir / SOURCES_FILE, rel(data_dir / SOURCES_FILE), problems, files)
    regions, today = load_regions(data_dir / REGIONS_FILE, rel(data_dir / REGIONS_FILE), problems, issuers, files)
    documents: dict[str, Document] = {}
    tried: set[str] = set()  # ids with a file, read or not: their texts are not orphans
    paths = document_files(data_dir, problems, files)
    parsed = _parsed(data_dir, [p for p in paths if not schema.key_problem(p.stem)], jobs) if memo is None else {}
    for path in paths:
        display, doc_id = rel(path), path.stem
        if why := schema.key_problem(doc_id):
            problems.add(
                Problem(
                    "bad-id",
                    f"tên tệp '{path.name}' không dùng được làm id: {why}",
                    "đặt tên tệp theo id: chữ thường không dấu, số và '-', ví dụ 25-nq-tw-2013.yaml",
                    display,
                )
            )
            continue
        tried.add(doc_id)
        if path in parsed:
            doc, found = parsed[path]
            for problem in found:
                problems.add(problem)
        else:
            doc = _document_file(path, display, doc_id, problems, files, memo)
        if doc is None:
            continue
        if doc_id in documents:
            problems.add(
                Problem(
                    "duplicate-id",
                    f"id '{doc_id}' đã có ở {documents[doc_id].file}",
                    "mỗi văn bản một tệp; đổi tên hoặc xóa một tệp",
                    display,
                )
            )
            continue
        documents[doc_id] = doc
    documents = _one_form_per_topic(documents, problems)
    _attach_texts(data_dir, documents, tried, problems, files)
    _attach_originals(data_dir, documents, tried, problems)
    if any(doc.issuer == schema.UNKNOWN_ISSUER and doc.draft for doc in documents.values()):
        issuers[schema.UNKNOWN_ISSUER] = Issuer(
            schema.UNKNOWN_ISSUER, schema.UNKNOWN_ISSUER_NAME, vocab.UNKNOWN, vocab.UNKNOWN
        )
    return Corpus(documents, issuers, named, str(data_dir), regions, today), problems


# Parsing the document files, in forked processes when there are enough (at 10,000 documents, 3.5 s on one core):
# each file is read and parsed as _document_file does, its problems recorded and handed back with its document.
_PARSE_PER_WORKER = 1000  # files a process must have to be worth starting
_PARSING: tuple[Path, list[Path]] | None = None  # what the workers read
_worker_files: DataFiles | None = None  # each worker's own (what it caches: folders' real paths)


def _parsed(data_dir: Path, paths: list[Path], jobs: int) -> dict[Path, tuple[Document | None, list[Problem]]]:
    """The document and the problems of each file, when parsed in worker processes; else nothing (the caller
    reads each file as it goes)."""
    global _PARSING
    workers = fork_workers(jobs, len(paths), _PARSE_PER_WORKER)
    if not workers:
        return {}
    _PARSING = (data_dir, paths)
    try:
        found = forked_map(_parse_one, range(len(paths)), workers)
    finally:
        _PARSING = None
    return dict(zip(paths, found, strict=True))


def _parse_one(index: int) -> tuple[Document | None, list[Problem]]:
    global _worker_files
    assert _PARSING is not None
    data_dir, paths = _PARSING
    recorder = _Recorder()
    if _worker_files is None:
        _worker_files = DataFiles(data_dir, recorder)
    _worker_files.problems = recorder
    path = paths[index]
    doc = _document_file(path, display_path(path), path.stem, recorder, _worker_files, None)
    return doc, recorder.items


def _one_form_per_topic(documents: dict[str, Document], problems: Problems) -> dict[str, Document]:
    """Topics that make the same page (case, diacritics, NFC/NFD apart) take one form across the corpus.

    Otherwise each form groups its own documents and, as both name one page, one list is lost.
    The form most documents use wins (the first file's on a tie); every other form is reported.
    """
    uses: dict[str, Counter[str]] = {}
    first: dict[tuple[str, str], Document] = {}
    for doc in documents.values():  # in file order
        for topic in doc.topics:
            uses.setdefault(slug(topic), Counter())[topic] += 1
            first.setdefault((slug(topic), topic), doc)
    chosen = {key: forms.most_common(1)[0][0] for key, forms in uses.items() if len(forms) > 1}
    if not chosen:
        return documents
    out = {}
    for doc_id, doc in documents.items():
        topics = []
        for topic in doc.topics:
            form = chosen.get(slug(topic), topic)
            if form != topic:
                where = first[(slug(topic), form)].file
                problems.add(
                    Problem(
                        "topic-variant",
                        f"chủ đề '{topic}' và '{form}' (ở {where}) là một chủ đề, một trang; đã gộp thành '{form}'",
                        f"viết '{form}' ở mọi văn bản (hoặc sửa {where} nếu cách viết kia mới đúng)",
                        doc.file,
                        doc.line_of.get("topics"),
                        "topics",
                        WARNING,
                        doc.id,
                    )
                )
            if form not in topics:
                topics.append(form)
        out[doc_id] = dataclasses.replace(doc, topics=tuple(topics)) if tuple(topics) != doc.topics else doc
    return out


def _attach_texts(
    data_dir: Path, documents: dict[str, Document], tried: set[str], problems: Problems, files: DataFiles
) -> None:
    texts = data_dir / TEXTS_DIR
    if not os.path.lexists(texts):
        return
    if not texts.is_dir():
        problems.add(
            Problem(
                "unreadable",
                "'texts' không phải một thư mục: không toàn văn nào được đọc"
                if texts.exists()
                else "'texts' là một liên kết hỏng: không toàn văn nào được đọc",
                f"đặt toàn văn vào thư mục {TEXTS_DIR}/ (mỗi văn bản một tệp <id>.txt)",
                display_path(texts),
            )
        )
        return
    for path in files.files_in(texts, recursive=False):
        if not _has_suffix(path, (TEXT_SUFFIX,)):
            _ignored(path, TEXTS_DIR, problems)
            continue
        doc = documents.get(path.stem)
        if doc is None:
            if path.stem not in tried:  # a document that failed to load has its own problems
                problems.add(
                    Problem(
                        "orphan-text",
                        f"văn bản toàn văn '{path.name}' không ứng với id nào",
                        "đặt tên tệp theo id của văn bản: <id>.txt",
                        display_path(path),
                        severity=WARNING,
                    )
                )
            continue
        if doc.text_file:  # <id>.txt and <id>.TXT
            problems.add(
                Problem(
                    "duplicate-id",
                    f"văn bản '{doc.id}' đã có toàn văn {doc.text_file}",
                    "mỗi văn bản một tệp toàn văn; xóa một tệp",
                    display_path(path),
                    doc_id=doc.id,
                )
            )
            continue
        documents[doc.id] = dataclasses.replace(doc, text_file=f"{TEXTS_DIR}/{path.name}")


_ORIGINAL_RULE = (
    "bản gốc là tệp thường đặt thẳng trong data/originals/, tên là id của văn bản và đuôi tệp "
    f"({', '.join(schema.ORIGINAL_SUFFIXES)}), tối đa {MAX_ORIGINAL_BYTES // 1024 // 1024} MB; "
    "sửa tên, chép tệp thật vào thay cho liên kết, hoặc xóa tệp"
)


def _original_files(data_dir: Path, problems: Problems) -> set[str]:
    """Names of the files of data/originals/ that may be published; every other file reported.

    Stricter than texts: an original is published as it is, so no link (not even one inside
    data/), no sub-folder, a name that is an id and a known suffix, and a size limit.
    """
    folder = data_dir / ORIGINALS_DIR
    if not os.path.lexists(folder):
        return set()
    if folder.is_symlink() or not folder.is_dir():
        problems.add(
            Problem(
                "bad-original",
                "'originals' không phải một thư mục thật (là liên kết tượng trưng hoặc tệp): "
                "không bản gốc nào được đăng",
                "đặt bản gốc vào thư mục data/originals/, không dùng liên kết tượng trưng",
                display_path(folder),
                severity=WARNING,
            )
        )
        return set()
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda entry: entry.name)
    except OSError as exc:
        problems.add(
            Problem(
                "unreadable",
                f"không đọc được: {exc.strerror or exc}",
                "kiểm tra quyền đọc của thư mục",
                display_path(folder),
            )
        )
        return set()
    good = set()
    for entry in entries:
        if entry.name.startswith("."):  # hidden files, the temporary files of a running ingest
            continue
        try:
            st = os.lstat(entry.path)
        except OSError as exc:
            why = f"không đọc được: {exc.strerror or exc}"
        else:
            why = _original_refused(entry.name, st)
        if why:
            problems.add(
                Problem(
                    "bad-original",
                    f"bản gốc không được đăng: {why}",
                    _ORIGINAL_RULE,
                    display_path(Path(entry.path)),
                    severity=WARNING,
                )
            )
        else:
            good.add(entry.name)
    return good


def _original_refused(name: str, st: os.stat_result) -> str:
    if stat.S_ISLNK(st.st_mode):
        return "là liên kết tượng trưng"
    if stat.S_ISDIR(st.st_mode):
        return "là thư mục con"
    if not stat.S_ISREG(st.st_mode):
        return "không phải tệp thường (FIFO, socket hay thiết bị)"
    if why := schema.original_problem(name):
        return f"tên không hợp lệ: {why}"
    if st.st_size > MAX_ORIGINAL_BYTES:
        return f"tệp lớn {_size(st.st_size)}, quá giới hạn {_size(MAX_ORIGINAL_BYTES)}"
    if st.st_size == 0:
        return "tệp rỗng"
    return ""


def _attach_originals(data_dir: Path, documents: dict[str, Document], tried: set[str], problems: Problems) -> None:
    """Each document's originals: the ones its `original:` and its draft name, and any named after its id."""
    good = _original_files(data_dir, problems)
    by_stem: dict[str, list[str]] = defaultdict(list)
    for name in sorted(good):
        by_stem[name.rpartition(".")[0]].append(name)
    used: set[str] = set()
    for doc in list(documents.values()):
        named = [(doc.original, doc.line_of.get("original"), "original", "văn bản")]
        if doc.draft and doc.draft.original != doc.original:
            named.append((doc.draft.original, doc.draft.original_line, "draft.original", "bản nháp"))
        names = [name for name, *_ in named if name in good]  # the ones named first, then the id's
        names += [name for name in by_stem.get(doc.id, []) if name not in names]
        for name, line, field, who in named:
            if name and name not in good and not os.path.lexists(data_dir / ORIGINALS_DIR / name):
                problems.add(
                    Problem(
                        "missing-original",
                        f"{who} nêu bản gốc '{name}' nhưng data/{ORIGINALS_DIR}/ không có tệp đó",
                        f"chép tệp gốc vào data/{ORIGINALS_DIR}/{name}, hoặc xóa dòng `original:`",
                        doc.file,
                        line,
                        field,
                        WARNING,
                        doc.id,
                    )
                )
        if names:
            documents[doc.id] = dataclasses.replace(doc, originals=tuple(names))
            used.update(names)
    for name in sorted(good - used):
        if name.rpartition(".")[0] in tried:  # its document failed to load: reported already
            continue
        problems.add(
            Problem(
                "bad-original",
                "bản gốc không được đăng: không ứng với văn bản nào "
                "(không có văn bản cùng id, không văn bản hay bản nháp nào nêu nó ở `original:`)",
                "đặt tên tệp theo id của văn bản (<id>.pdf), hoặc xóa tệp",
                display_path(data_dir / ORIGINALS_DIR / name),
                severity=WARNING,
            )
        )


def read_original(data_dir: str | Path, name: str) -> bytes | None:
    """The bytes of data/originals/<name>, for the build to publish; None unless it still is a
    regular file (not a link, not a FIFO) under the size limit, with a name an original may have."""
    if schema.original_problem(name) or os.path.islink(os.path.join(data_dir, ORIGINALS_DIR)):
        return None
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK  # a FIFO must not block the build
    try:
        fd = os.open(os.path.join(data_dir, ORIGINALS_DIR, name), flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(handle.fileno())
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_ORIGINAL_BYTES:
            return None
        data = handle.read(MAX_ORIGINAL_BYTES + 1)
    return data if 0 < len(data) <= MAX_ORIGINAL_BYTES else None


# Full texts as last read, kept by `serve` between builds: (what stat said of the file, its text) by its path. A
# text whose file stat still vouches for is taken from here, not read and decoded again.
TextMemo = dict[str, tuple[Signature, str]]


def read_texts(corpus: Corpus, problems: Problems, memo: TextMemo | None = None) -> dict[str, str]:
    """Full texts by document id; an unreadable, empty or oversized text is a problem, not a crash."""
    files = DataFiles(corpus.data_dir, problems)
    texts = {}
    for doc in corpus.documents.values():
        if not doc.text_file:
            continue
        path = Path(corpus.data_dir) / doc.text_file
        seen = _unchanged_text(path, memo)
        if seen is not None:
            texts[doc.id] = seen
            continue
        display = display_path(path)
        data = files.read(path, display, MAX_TEXT_BYTES)
        text = decode(data, display, problems) if data is not None else None
        if text is None:
            continue
        _keep_text(path, text, memo)
        if not text.strip():
            problems.add(
                Problem(
                    "empty-file",
                    "toàn văn rỗng",
                    "chép toàn văn vào tệp, hoặc xóa tệp",
                    display,
                    1,
                    severity=WARNING,
                    doc_id=doc.id,
                )
            )
            continue
        texts[doc.id] = text
    return texts
