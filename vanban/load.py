"""Stage 1: read a data directory and validate each file on its own.

Returns a Corpus of what could be read, and every problem found. Checks that need the whole
corpus (relations, duplicates, dates across documents) live in ``checks``.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
from pathlib import Path
from typing import Any

from . import schema
from .dates import parse_date
from .model import Change, Corpus, Document, Issuer, Relation, Signer, Source
from .problems import ERROR, WARNING, Problem, Problems
from .schema import Field
from .symbols import ID_PATTERN
from .yamlio import LineDict, YamlSyntaxError, line_of, load_yaml

DOCUMENTS_DIR = "documents"
TEXTS_DIR = "texts"
ISSUERS_FILE = "issuers.yaml"
REGIONS_FILE = "regions.yaml"
SOURCES_FILE = "sources.yaml"

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
                if f.required:
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
        if f.vocabulary is not None and converted is not None:
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
}

_VOCAB_MESSAGES = {
    "unknown-type": "loại văn bản không có trong danh mục: '{}'",
    "unknown-status": "tình trạng hiệu lực không có trong danh mục: '{}'",
    "unknown-relation": "loại quan hệ không có trong danh mục: '{}'",
    "unknown-field": "'unverified' nêu trường không thể đánh dấu: '{}'",
    "unknown-level": "giá trị không có trong danh mục: '{}'",
    "unknown-system": "giá trị không có trong danh mục: '{}'",
}


def _str(_r: _Reader, value: Raw, _f: Field, _line: int | None, _field: str) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)  # a bare 2017 or XI-like number is fine as text
    return value.strip() if isinstance(value, str) else _WRONG


def _bool(_r: _Reader, value: Raw, _f: Field, _line: int | None, _field: str) -> Any:
    return value if isinstance(value, bool) else _WRONG


def _list_str(_r: _Reader, value: Raw, _f: Field, _line: int | None, _field: str) -> Any:
    if isinstance(value, str):
        return (value.strip(),)
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        return _WRONG
    return tuple(str(v).strip() for v in value)


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
            items.append(Source(name=got["site"], path=got.get("path", ""), note=got.get("note", "")))
    return tuple(items)


_CONVERTERS = {
    "str": _str,
    "bool": _bool,
    "list-str": _list_str,
    "map-str": _map_str,
    "date": _date,
    "mapping": _mapping,
    "list-mapping": _list_mapping,
    "list-source": _list_source,
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


def read_yaml_file(path: Path, display: str, problems: Problems) -> Raw:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.add(Problem("encoding", "tệp không phải UTF-8", "lưu lại tệp với mã hóa UTF-8", display))
        return None
    except OSError as exc:
        problems.add(Problem("unreadable", f"không đọc được tệp: {exc.strerror}", "", display))
        return None
    try:
        return load_yaml(text)
    except YamlSyntaxError as exc:
        problems.add(
            Problem(
                "yaml-syntax",
                f"lỗi cú pháp YAML: {exc.message}",
                "kiểm tra thụt lề, dấu ':' sau mỗi khóa, và đặt chuỗi có ':' hoặc '#' trong dấu ngoặc kép",
                display,
                exc.line,
            )
        )
        return None


def load_document(raw: Raw, doc_id: str, display: str, problems: Problems) -> Document | None:
    reader = _Reader(display, problems)
    if not isinstance(raw, dict):
        reader.error(
            "wrong-type",
            "tệp văn bản phải là một mục khóa: giá trị",
            "xem ví dụ trong docs/huong-dan/them-van-ban.md",
            1,
        )
        return None
    got = reader.fields(raw, schema.DOCUMENT)
    if any(name not in got for name in schema.required(schema.DOCUMENT) if name != "sources"):
        return None
    relations = tuple(
        Relation(
            r["type"], doc_id, r["target"], r.get("note", ""), r.get("place", ""), r.get("unverified", False), r["line"]
        )
        for r in got.pop("relations", ())
    )
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


def _top_mapping(raw: Raw, reader: _Reader, what: str) -> dict[Any, Any]:
    """The top of issuers.yaml, regions.yaml, sources.yaml: a mapping, its duplicate keys reported."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        reader.error("wrong-type", f"{what} phải là một mục khóa: giá trị, gặp {_shown(raw)}", "", 1)
        return {}
    reader._duplicates(raw, "")
    return raw


def load_issuers(path: Path, display: str, problems: Problems) -> dict[str, Issuer]:
    reader = _Reader(display, problems)
    raw = _top_mapping(read_yaml_file(path, display, problems), reader, "issuers.yaml")
    issuers = {}
    for key, entry in raw.items():
        got = reader.fields(entry, schema.ISSUER, f"{key}.", line_of(raw, key))
        if "name" not in got:
            continue
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


def load_regions(path: Path, display: str, problems: Problems, issuers: dict[str, Issuer]) -> dict[str, str]:
    """Province slug → its name ("hau-giang" → "Tỉnh Hậu Giang"); every issuer's region needs one."""
    reader = _Reader(display, problems)
    raw = _top_mapping(read_yaml_file(path, display, problems) if path.exists() else {}, reader, "regions.yaml")
    regions = {}
    for key, value in raw.items():
        if isinstance(value, str):
            regions[str(key)] = value
        else:
            reader.error(
                "wrong-type",
                f"tên địa phương phải là một chuỗi, gặp {_shown(value)}",
                f"viết `{key}: Tỉnh …`",
                line_of(raw, key),
                str(key),
            )
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
    return regions


def load_named_sources(path: Path, display: str, problems: Problems) -> dict[str, Source]:
    if not path.exists():
        return {}
    reader = _Reader(display, problems)
    raw = _top_mapping(read_yaml_file(path, display, problems), reader, "sources.yaml")
    out = {}
    for key, entry in raw.items():
        got = reader.fields(entry, schema.NAMED_SOURCE, f"{key}.", line_of(raw, key))
        if "title" in got:
            out[str(key)] = Source(name=str(key), title=got["title"], note=got.get("note", ""))
    return out


def display_path(path: Path) -> str:
    """Relative to the working directory when inside it (as users type paths), else absolute."""
    absolute = Path(os.path.abspath(path))
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)


def document_files(data_dir: Path) -> list[Path]:
    root = data_dir / DOCUMENTS_DIR
    files = [
        Path(dirpath) / name
        for dirpath, _, names in os.walk(root)
        for name in names
        if name.endswith((".yaml", ".yml"))
    ]
    return sorted(files)


def load_corpus(data_dir: str | Path) -> tuple[Corpus, Problems]:
    """Read every file of a data directory. Never raises on bad data: returns problems."""
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
    issuers = load_issuers(data_dir / ISSUERS_FILE, rel(data_dir / ISSUERS_FILE), problems)
    named = load_named_sources(data_dir / SOURCES_FILE, rel(data_dir / SOURCES_FILE), problems)
    regions = load_regions(data_dir / REGIONS_FILE, rel(data_dir / REGIONS_FILE), problems, issuers)
    documents: dict[str, Document] = {}
    for path in document_files(data_dir):
        display, doc_id = rel(path), path.stem
        if not ID_PATTERN.match(doc_id):
            problems.add(
                Problem(
                    "bad-id",
                    f"tên tệp '{path.name}' không dùng được làm id",
                    "chỉ dùng chữ thường không dấu, số và '-', ví dụ 25-nq-tw-2013.yaml",
                    display,
                )
            )
            continue
        raw = read_yaml_file(path, display, problems)
        if raw is None:
            continue
        doc = load_document(raw, doc_id, display, problems)
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
    _attach_texts(data_dir, documents, problems)
    return Corpus(documents, issuers, named, str(data_dir), regions), problems


def _attach_texts(data_dir: Path, documents: dict[str, Document], problems: Problems) -> None:
    texts = data_dir / TEXTS_DIR
    if not texts.is_dir():
        return
    for path in sorted(texts.glob("*.txt")):
        doc = documents.get(path.stem)
        if doc is None:
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
        documents[doc.id] = dataclasses.replace(doc, text_file=f"{TEXTS_DIR}/{path.name}")


def read_texts(corpus: Corpus, problems: Problems) -> dict[str, str]:
    """Full texts by document id; an unreadable text is a problem, not a crash."""
    texts = {}
    for doc in corpus.documents.values():
        if not doc.text_file:
            continue
        path = Path(corpus.data_dir) / doc.text_file
        try:
            texts[doc.id] = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.add(
                Problem(
                    "unreadable",
                    f"không đọc được toàn văn: {exc}",
                    "lưu tệp với mã hóa UTF-8",
                    display_path(path),
                    doc_id=doc.id,
                )
            )
    return texts
