"""Stage 1: read a data directory and validate each file on its own.

Returns a Corpus of what could be read, and every problem found. Checks that need the whole
corpus (relations, duplicates, dates across documents) live in ``checks``.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from . import vocab
from .dates import parse_date
from .model import Change, Corpus, Document, Issuer, Relation, Signer, Source
from .problems import ERROR, WARNING, Problem, Problems
from .symbols import ID_PATTERN
from .yamlio import LineDict, YamlSyntaxError, line_of, load_yaml

DOCUMENTS_DIR = "documents"
TEXTS_DIR = "texts"
ISSUERS_FILE = "issuers.yaml"
REGIONS_FILE = "regions.yaml"
SOURCES_FILE = "sources.yaml"

# field -> (kind, required). Kinds are checked by _convert.
DOCUMENT_FIELDS: dict[str, tuple[str, bool]] = {
    "symbol": ("str", True),
    "type": ("str", True),
    "issuer": ("str", True),
    "co_issuers": ("list-str", False),
    "date": ("date", False),
    "date_note": ("str", False),
    "term": ("str", False),
    "title": ("str", False),
    "place": ("str", False),
    "signer": ("signer", False),
    "effective": ("date", False),
    "ceased": ("date", False),
    "status": ("str", False),
    "aliases": ("list-str", False),
    "topics": ("list-str", False),
    "sources": ("sources", True),
    "relations": ("relations", False),
    "unverified": ("list-str", False),
    "known_from_citation": ("bool", False),
    "notes": ("list-str", False),
    "key_points": ("list-str", False),
    "questions": ("list-str", False),
    "acknowledged": ("map-str", False),
}
RELATION_FIELDS = {
    "type": ("str", True),
    "target": ("str", True),
    "note": ("str", False),
    "place": ("str", False),
    "unverified": ("bool", False),
}
SIGNER_FIELDS = {"name": ("str", False), "capacity": ("str", False)}
SOURCE_FIELDS = {"site": ("str", True), "path": ("str", False), "note": ("str", False)}
ISSUER_FIELDS = {
    "name": ("str", True),
    "short": ("str", False),
    "level": ("str", True),
    "system": ("str", True),
    "parent": ("str", False),
    "region": ("str", False),
    "became": ("change", False),
}
CHANGE_FIELDS = {
    "text": ("str", True),
    "date": ("date", False),
    "date_unverified": ("bool", False),
    "source": ("str", False),
}
NAMED_SOURCE_FIELDS = {"title": ("str", True), "note": ("str", False)}
# Fields that may be listed under `unverified:`.
VERIFIABLE = {"date", "title", "signer", "issuer", "term", "effective", "ceased", "status", "place", "type"}

KIND_NAMES = {
    "str": "một chuỗi",
    "list-str": "một danh sách chuỗi",
    "date": "một ngày",
    "bool": "true hoặc false",
    "sources": "một danh sách nguồn",
    "relations": "một danh sách quan hệ",
    "map-str": "một mục khóa: chuỗi",
}


class _Reader:
    """Validation of one file: knows the file name, collects its problems."""

    def __init__(self, file: str, problems: Problems):
        self.file = file
        self.problems = problems

    def error(self, code, message, hint="", line=None, field="", severity=ERROR):
        self.problems.add(Problem(code, message, hint, self.file, line, field, severity))

    def fields(self, raw, spec: dict, prefix: str = "", line: int | None = None) -> dict:
        """Check keys against spec, convert values; return only the good ones."""
        out = {}
        if not isinstance(raw, dict):
            wanted = ", ".join(k for k, (_, required) in spec.items() if required) or ", ".join(spec)
            self.error(
                "wrong-type",
                f"cần một mục khóa: giá trị (với {wanted}), gặp {_shown(raw)}",
                "viết dạng `khóa: giá trị`, mỗi khóa một dòng",
                line,
                prefix.rstrip("."),
            )
            return out
        for key, line in getattr(raw, "duplicates", []):
            self.error(
                "duplicate-key",
                f"khóa '{key}' xuất hiện hai lần; giá trị trước bị ghi đè",
                "xóa một trong hai dòng",
                line,
                prefix + str(key),
            )
        for key in raw:
            if key not in spec:
                close = difflib.get_close_matches(str(key), spec, n=1)
                hint = f"có phải '{close[0]}'?" if close else "các trường hợp lệ: " + ", ".join(spec)
                self.error(
                    "unknown-field",
                    f"trường không có trong mô hình: '{key}'",
                    hint,
                    line_of(raw, key),
                    prefix + str(key),
                )
        for key, (kind, required) in spec.items():
            if key not in raw or raw[key] is None:
                if required:
                    self.error(
                        "missing-field",
                        f"thiếu trường bắt buộc '{key}'",
                        f"thêm dòng `{key}: …`",
                        line_of(raw, None),
                        prefix + key,
                    )
                continue
            value = self.convert(raw[key], kind, line_of(raw, key), prefix + key)
            if value is not None:
                out[key] = value
        return out

    def convert(self, value, kind, line, field):
        def wrong(hint=""):
            self.error("wrong-type", f"cần {KIND_NAMES[kind]}, gặp {_shown(value)}", hint, line, field)

        if kind == "str":
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return str(value)  # a bare 2017 or XI-like number is fine as text
            if not isinstance(value, str):
                return wrong("đặt giá trị trong dấu ngoặc kép")
            return value.strip()
        if kind == "bool":
            return value if isinstance(value, bool) else wrong("viết true hoặc false")
        if kind == "list-str":
            if isinstance(value, str):
                return (value.strip(),)
            if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
                return wrong("viết dạng [a, b] hoặc mỗi mục một dòng bắt đầu bằng '- '")
            return tuple(str(v).strip() for v in value)
        if kind == "map-str":
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                return wrong("viết dạng `mã-cảnh-báo: lý do`")
            return {str(k): v for k, v in value.items()}
        if kind == "date":
            try:
                return parse_date(value)
            except ValueError:
                self.error(
                    "bad-date",
                    f"ngày không hợp lệ: {_shown(value)}",
                    "viết YYYY-MM-DD (2013-06-03), hoặc YYYY-MM, hoặc YYYY nếu chỉ biết năm; "
                    "kiểm tra ngày có thật trong tháng",
                    line,
                    field,
                )
                return None
        if kind == "signer":
            got = self.fields(value, SIGNER_FIELDS, field + ".", line)
            return Signer(**got) if got else None
        if kind == "change":
            got = self.fields(value, CHANGE_FIELDS, field + ".", line)
            return Change(**got) if "text" in got else None
        if kind in ("sources", "relations"):
            if not isinstance(value, list):
                return wrong("mỗi mục một dòng bắt đầu bằng '- '")
            return tuple(
                v
                for v in (getattr(self, kind[:-1])(item, line, f"{field}[{i}]") for i, item in enumerate(value))
                if v is not None
            )
        raise AssertionError(kind)

    def source(self, item, line, field):
        if isinstance(item, str):
            return Source(name=item.strip())
        got = self.fields(item, SOURCE_FIELDS, field + ".", line)
        return Source(name=got["site"], path=got.get("path", ""), note=got.get("note", "")) if "site" in got else None

    def relation(self, item, line, field):
        got = self.fields(item, RELATION_FIELDS, field + ".", line)
        if "type" not in got or "target" not in got:
            return None
        return Relation(
            type=got["type"],
            source="",
            target=got["target"],
            note=got.get("note", ""),
            place=got.get("place", ""),
            unverified=got.get("unverified", False),
            line=line_of(item, "type", line),
        )


def _shown(value) -> str:
    if isinstance(value, dict):
        return "một mục khóa: giá trị"
    if isinstance(value, list):
        return "một danh sách"
    if value is None:
        return "giá trị rỗng"
    text = repr(value)
    return text if len(text) < 60 else text[:57] + "…"


def read_yaml_file(path: Path, display: str, problems: Problems):
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


def load_document(raw, doc_id: str, display: str, problems: Problems) -> Document | None:
    reader = _Reader(display, problems)
    if not isinstance(raw, dict):
        reader.error(
            "wrong-type",
            "tệp văn bản phải là một mục khóa: giá trị",
            "xem ví dụ trong docs/huong-dan/them-van-ban.md",
            1,
        )
        return None
    got = reader.fields(raw, DOCUMENT_FIELDS)
    _check_vocab(reader, raw, got)
    if any(key not in got for key in ("symbol", "type", "issuer")):
        return None
    relations = tuple(
        Relation(r.type, doc_id, r.target, r.note, r.place, r.unverified, r.line) for r in got.pop("relations", ())
    )
    doc = Document(
        id=doc_id,
        relations=relations,
        file=display,
        line_of=dict(raw.lines) if isinstance(raw, LineDict) else {},
        **{k: v for k, v in got.items() if k != "date_note"},
    )
    if "date_note" in got:
        doc.notes = (f"Ngày ban hành: {got['date_note']}", *doc.notes)
    return doc


def _check_vocab(reader: _Reader, raw, got: dict) -> None:
    table = {
        "type": (vocab.DOC_TYPES, "unknown-type", "loại văn bản"),
        "status": (vocab.STATUSES, "unknown-status", "tình trạng hiệu lực"),
    }
    for key, (allowed, code, what) in table.items():
        if key in got and got[key] not in allowed:
            close = difflib.get_close_matches(got[key], allowed, n=1)
            hint = f"có phải '{close[0]}'?" if close else "các giá trị hợp lệ: " + ", ".join(allowed)
            reader.error(code, f"{what} không có trong danh mục: '{got[key]}'", hint, line_of(raw, key), key)
            del got[key]
    for name in got.get("unverified", ()):
        if name not in VERIFIABLE:
            reader.error(
                "unknown-field",
                f"'unverified' nêu trường không thể đánh dấu: '{name}'",
                "chọn trong: " + ", ".join(sorted(VERIFIABLE)),
                line_of(raw, "unverified"),
                "unverified",
            )
    for i, rel in enumerate(got.get("relations", ())):
        if rel.type not in vocab.RELATION_TYPES:
            close = difflib.get_close_matches(rel.type, vocab.RELATION_TYPES, n=1)
            hint = f"có phải '{close[0]}'?" if close else "các quan hệ hợp lệ: " + ", ".join(vocab.RELATION_TYPES)
            reader.error(
                "unknown-relation",
                f"loại quan hệ không có trong danh mục: '{rel.type}'",
                hint,
                rel.line,
                f"relations[{i}].type",
            )
    if "relations" in got:
        got["relations"] = tuple(r for r in got["relations"] if r.type in vocab.RELATION_TYPES)


def load_issuers(path: Path, display: str, problems: Problems) -> dict[str, Issuer]:
    raw = read_yaml_file(path, display, problems)
    if raw is None:
        return {}
    reader = _Reader(display, problems)
    if not isinstance(raw, dict):
        reader.error("wrong-type", "issuers.yaml phải là một mục khóa: thông tin cơ quan", "", 1)
        return {}
    issuers = {}
    for key, entry in raw.items():
        got = reader.fields(entry, ISSUER_FIELDS, f"{key}.", line_of(raw, key))
        if not {"name", "level", "system"} <= got.keys():
            continue
        for name, table in (("level", vocab.LEVELS), ("system", vocab.SYSTEMS)):
            if got[name] not in table:
                reader.error(
                    f"unknown-{name}",
                    f"giá trị không có trong danh mục: '{got[name]}'",
                    "các giá trị hợp lệ: " + ", ".join(table),
                    line_of(entry, name),
                    f"{key}.{name}",
                )
        issuers[key] = Issuer(key=key, file=display, line=line_of(raw, key), **got)
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
    raw = read_yaml_file(path, display, problems) if path.exists() else {}
    if raw is not None and not isinstance(raw, dict):
        problems.add(Problem("wrong-type", "regions.yaml phải là một mục khóa: tên địa phương", "", display, 1))
        raw = {}
    regions = {str(k): str(v) for k, v in (raw or {}).items() if isinstance(v, str)}
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
    raw = read_yaml_file(path, display, problems)
    if not isinstance(raw, dict):
        return {}
    reader = _Reader(display, problems)
    out = {}
    for key, entry in raw.items():
        got = reader.fields(entry, NAMED_SOURCE_FIELDS, f"{key}.", line_of(raw, key))
        if "title" in got:
            out[key] = Source(name=key, title=got["title"], note=got.get("note", ""))
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
        doc.text_file = f"{TEXTS_DIR}/{path.name}"


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
