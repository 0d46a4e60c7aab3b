"""Review of drafts: list them, and mark fields, or whole documents, as reviewed by a person.

A draft is a document whose YAML carries a `draft:` block (written by `ingest`): how its text was
read, the confidence of each machine-read field, relations suggested by its text. `accept` edits
that one file as text: it removes the lines of the entries it is asked to remove and nothing else
(but for one line `original: <name>` in place of a whole draft block that named its original, so
the link survives review), so comments, order, quoting and every other byte stay as they were.
The result is parsed again and compared with what was meant (no key twice) before anything is
written; a file it cannot edit that way (a flow mapping it cannot take apart, a file changed
meanwhile, a link out of data/) is refused with a message, never guessed.
The file is replaced atomically (a temporary file beside it, then os.replace).
"""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

from . import schema
from .load import DOCUMENTS_DIR, MAX_YAML_BYTES, YAML_SUFFIXES, DataFiles, display_path, document_files
from .model import Corpus, Document, FieldMark
from .problems import OutputError, Problems, VanbanError
from .refs import RefNotFound
from .yamlio import LineDict, YamlSyntaxError, load_yaml


class ReviewError(VanbanError):
    """A draft cannot be accepted as asked; the message says why and what to do. Nothing was written."""


class UnknownDraftField(ReviewError):
    """A field name that the draft does not mark (a typo, or a field already accepted)."""


@dataclass(frozen=True)
class DraftItem:
    """One draft as `review` lists it (a document whose draft is not None)."""

    doc: Document

    @property
    def id(self) -> str:
        return self.doc.id

    @property
    def uncertain(self) -> tuple[tuple[str, FieldMark], ...]:
        """The fields read with less confidence than model.SURE."""
        return tuple(self.doc.draft.uncertain()) if self.doc.draft else ()

    @property
    def issuer_known(self) -> bool:
        """False: the issuer is the loader's reserved "not identified yet"."""
        return self.doc.issuer != schema.UNKNOWN_ISSUER


def drafts(corpus: Corpus) -> list[DraftItem]:
    """Every draft of the corpus, by id."""
    return [DraftItem(doc) for doc in sorted(corpus.documents.values(), key=lambda d: d.id) if doc.draft is not None]


@dataclass(frozen=True)
class Accepted:
    """What `accept` did to one file."""

    doc_id: str
    file: str  # as shown to the user
    fields: tuple[str, ...]  # the marks removed from draft.fields; () when the whole draft went
    reviewed: bool  # the whole draft block was removed: the document is reviewed
    remaining: tuple[str, ...]  # fields the draft still marks as uncertain (when not reviewed)
    dropped: tuple[tuple[str, str, str], ...] = ()  # suggested relations that went with the draft: type, target, cited
    original: str = ""  # draft.original, written as the document's own `original:` when the draft went


def accept(data_dir: str | Path, doc_id: str, fields: Sequence[str] = ()) -> Accepted:
    """Mark a draft reviewed: with field names, remove those entries of draft.fields; without,
    remove the whole draft block (its `original:` kept as the document's own `original:`).

    Raises RefNotFound for an id no file of data_dir has, UnknownDraftField for a field the draft
    does not mark, ReviewError for anything else that stops it (not a draft, broken YAML, a link
    out of the data folder, no issuer yet, a file it cannot edit safely), OutputError when the
    file cannot be written. Nothing is written unless the whole edit succeeds.
    """
    data_dir = Path(data_dir)
    path = _find(data_dir, doc_id)
    shown = display_path(path)
    data_bytes, text = _read(data_dir, path, shown)
    real = Path(os.path.realpath(path))  # inside data/, checked by _read
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    data, root = _parse(body, shown)
    draft = data.get("draft")
    if not isinstance(draft, dict):
        raise ReviewError(f"{doc_id} không phải bản nháp: {shown} không có khối `draft:`; không có gì để xác nhận")
    names = list(dict.fromkeys(f.strip() for f in fields if f.strip()))
    dropped: tuple[tuple[str, str, str], ...] = ()  # suggested relations, which go with the whole draft
    if names:
        new_body, expected, remaining = _accept_fields(body, data, draft, root, doc_id, names, shown)
        kept = ""
    else:
        new_body, expected, kept = _accept_all(body, data, draft, root, doc_id, shown)
        remaining, dropped = (), _suggested(draft)
    _verify(new_body, expected, shown)
    _replace(real, data_bytes, (bom + new_body).encode("utf-8"), shown)
    return Accepted(doc_id, shown, tuple(names), not names, remaining, dropped, kept)


def _accept_fields(
    body: str, data: dict[Any, Any], draft: dict[Any, Any], root: MappingNode, doc_id: str, names: list[str], shown: str
) -> tuple[str, dict[Any, Any], tuple[str, ...]]:
    """The text without the marks `names`, the data it must parse to, and the fields still uncertain."""
    _, draft_node = _entry(root, "draft", shown)
    marks = draft.get("fields")
    _known_fields(doc_id, names, [str(k) for k in marks] if isinstance(marks, dict) else [])
    new_body, expected = _remove_fields(body, data, draft_node, names, shown)
    remaining = tuple(
        name
        for name, mark in (expected["draft"].get("fields") or {}).items()
        if isinstance(mark, dict) and _uncertain(mark.get("confidence"))
    )
    return new_body, expected, remaining


def _accept_all(
    body: str, data: dict[Any, Any], draft: dict[Any, Any], root: MappingNode, doc_id: str, shown: str
) -> tuple[str, dict[Any, Any], str]:
    """The text without the draft block, the data it must parse to, and draft.original kept as `original:`."""
    draft_key, _ = _entry(root, "draft", shown)
    if data.get("issuer") in (None, schema.UNKNOWN_ISSUER):
        raise ReviewError(
            f"{doc_id} chưa có cơ quan ban hành: ghi `issuer: <khóa trong data/issuers.yaml>` vào {shown} "
            "(thêm cơ quan vào issuers.yaml nếu chưa có) rồi chạy lại; bỏ khối draft lúc này sẽ làm tệp thiếu "
            "trường bắt buộc"
        )
    kept = _kept_original(data, draft, shown)
    new_body = _remove_lines(body, draft_key, shown, f"original: {kept}" if kept else "")
    expected = {}
    for key, value in data.items():
        if key != "draft":
            expected[key] = value
        elif kept:
            expected["original"] = kept
    return new_body, expected, kept


def _suggested(draft: dict[Any, Any]) -> tuple[tuple[str, str, str], ...]:
    """The relations the draft suggests (type, target, cited), which go with it."""
    suggested = draft.get("relations")
    return tuple(
        (str(r.get("type") or ""), str(r.get("target") or ""), str(r.get("cited") or ""))
        for r in (suggested if isinstance(suggested, list) else [])
        if isinstance(r, dict)
    )


def _kept_original(data: dict[Any, Any], draft: dict[Any, Any], shown: str) -> str:
    """The name of draft.original to write as the document's own `original:`, or "" (none, or one already)."""
    name = draft.get("original")
    if name in (None, "") or "original" in data:
        return ""
    if not isinstance(name, str) or (why := schema.original_problem(name)):
        why = "không phải một chuỗi" if not isinstance(name, str) else why
        raise ReviewError(
            f"{shown}: draft.original '{name}' không phải tên bản gốc dùng được ({why}); sửa tên, hoặc xóa dòng "
            "`original:` trong khối draft, rồi chạy lại"
        )
    return name


def _uncertain(confidence: object) -> bool:
    """Whether a mark as written is uncertain (model.FieldMark's rule); one that is no number is."""
    try:
        return FieldMark(float(str(confidence))).uncertain
    except ValueError:
        return True


# -- finding and reading the file -----------------------------------------------------------------


def _find(where: Path, doc_id: str) -> Path:
    """The YAML file of doc_id under where/documents/ (where is the data folder)."""
    doc_id = doc_id.strip()
    if not (where / DOCUMENTS_DIR).is_dir():
        raise ReviewError(
            f"không thấy thư mục {where / DOCUMENTS_DIR}: chạy lệnh trong thư mục gốc của dự án, hoặc chỉ --data"
        )
    problems = Problems()
    paths = document_files(where, problems, DataFiles(where, problems))
    found = [p for p in paths if p.stem == doc_id and p.suffix.lower() in YAML_SUFFIXES]
    if not found:
        raise RefNotFound(doc_id, difflib.get_close_matches(doc_id, sorted({p.stem for p in paths}), n=3))
    if len(found) > 1:
        raise ReviewError(
            f"hai tệp cùng id '{doc_id}': {', '.join(display_path(p) for p in found)}; xóa một tệp rồi chạy lại"
        )
    return found[0]


def _read(data_dir: Path, path: Path, shown: str) -> tuple[bytes, str]:
    """The bytes of the file and their text; a link out of data/, a file too large or not UTF-8 refused."""
    problems = Problems()
    data_bytes = DataFiles(data_dir, problems).read(path, shown, MAX_YAML_BYTES)
    if data_bytes is None:
        reason = problems.items[0].message if problems.items else "không đọc được"
        raise ReviewError(f"{shown}: {reason}")
    try:
        return data_bytes, data_bytes.decode("utf-8")
    except UnicodeDecodeError:
        raise ReviewError(f"{shown}: tệp không phải UTF-8; lưu lại với mã hóa UTF-8 rồi chạy lại") from None


def _parse(text: str, shown: str) -> tuple[dict[Any, Any], MappingNode]:
    """The data (as the loader reads it) and the node tree (with positions) of the file."""
    try:
        data = load_yaml(text)  # the limits and the syntax, as `check` sees them
    except YamlSyntaxError as exc:
        where = f":{exc.line}" if exc.line else ""
        raise ReviewError(f"{shown}{where}: lỗi YAML ({exc.message}); sửa rồi chạy lại") from None
    try:  # the pure-Python parser, for the positions: a little stricter than libyaml (a tab after `key:`)
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        raise ReviewError(
            f"{shown}: không sửa được an toàn (bộ đọc YAML từ chối tệp, có thể vì ký tự tab sau dấu ':'); "
            "hãy sửa tay: xóa các dòng cần bỏ trong khối draft (và thay tab bằng dấu cách), rồi chạy `vanban check`"
        ) from None
    if not isinstance(root, MappingNode) or not isinstance(data, dict):
        raise ReviewError(f"{shown}: tệp văn bản phải là một mục khóa: giá trị")
    if found := _duplicate(data):
        key, line = found
        raise ReviewError(f"{shown}:{line}: khóa '{key}' viết hai lần; sửa tay rồi chạy lại")
    return data, root


def _entry(mapping: MappingNode, name: str, shown: str) -> tuple[Node, Node]:
    pairs = [(k, v) for k, v in mapping.value if isinstance(k, ScalarNode) and k.value == name]
    if len(pairs) != 1:
        raise ReviewError(f"{shown}: khóa '{name}' có {len(pairs)} lần; sửa tay rồi chạy lại")
    return pairs[0]


def _known_fields(doc_id: str, names: list[str], marked: list[str]) -> None:
    unknown = [n for n in names if n not in marked]
    if not unknown:
        return
    hints = []
    for name in unknown:
        close = difflib.get_close_matches(name, marked, n=1)
        hints.append(f"'{name}'" + (f" (có phải '{close[0]}'?)" if close else ""))
    listed = ", ".join(marked) if marked else "không trường nào"
    raise UnknownDraftField(
        f"bản nháp {doc_id} không đánh dấu trường {', '.join(hints)}; các trường được đánh dấu: {listed}. "
        f"Chạy `vanban accept {doc_id}` (không nêu trường) để xác nhận cả văn bản"
    )


# -- editing the text -----------------------------------------------------------------------------


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _starts_line(lines: list[str], node: Node) -> bool:
    """Whether node is the first thing on its line (a key of a block mapping is)."""
    line = lines[node.start_mark.line]
    return line[: node.start_mark.column].strip() == ""


def _block_end(lines: list[str], start: int, column: int) -> int:
    """The index after the last line of the entry whose key is at `column` of lines[start].

    The entry's lines are those indented deeper than its key, and the items of a list written at
    the key's own column ("- …"); comments among them are theirs. The first other line at the
    key's column or left of it ends the entry: blank lines and comments just before it stay.
    """
    end = start + 1
    for i in range(start + 1, len(lines)):
        stripped = lines[i].strip()
        if not stripped:
            continue
        indent = _indent(lines[i])
        item = indent == column and (stripped == "-" or stripped.startswith("- "))
        if indent > column or item:
            end = i + 1
        elif not stripped.startswith("#"):
            break
    return end


def _remove_lines(text: str, key: Node, shown: str, instead: str = "") -> str:
    """The text without the entry whose key is `key` (its key line and all its lines); `instead`,
    when given, is written in their place as one line at the key's column."""
    lines = text.splitlines(keepends=True)
    if not _starts_line(lines, key):
        raise _cannot(shown)
    start, column = key.start_mark.line, key.start_mark.column
    first = lines[start]
    ending = first[len(first.rstrip("\r\n")) :] or "\n"  # the file's own line ending
    added = [" " * column + instead + ending] if instead else []
    return "".join(lines[:start] + added + lines[_block_end(lines, start, column) :])


def _remove_fields(
    text: str, data: dict[Any, Any], draft_node: Node, names: list[str], shown: str
) -> tuple[str, dict[Any, Any]]:
    """The text without the entries `names` of draft.fields, and the data it must parse to."""
    if not isinstance(draft_node, MappingNode):
        raise _cannot(shown)
    fields_key, fields_node = _entry(draft_node, "fields", shown)
    if not isinstance(fields_node, MappingNode):
        raise _cannot(shown)
    expected = _plain(data)
    marks = expected["draft"]["fields"]
    for name in names:
        del marks[name]
    pairs = [(k, v) for k, v in fields_node.value if isinstance(k, ScalarNode)]
    if fields_node.flow_style:  # fields: {symbol: {confidence: 0.95}, …}: the others' text kept as written
        start, end = fields_node.start_mark.index, fields_node.end_mark.index
        if any(c in text[start:end] for c in "\n\r#"):  # its comments, its layout would be lost
            raise _cannot(shown)
        kept = [text[k.start_mark.index : v.end_mark.index] for k, v in pairs if k.value not in names]
        return text[:start] + "{" + ", ".join(kept) + "}" + text[end:], expected
    if not marks:  # nothing left to mark: the `fields:` entry goes too
        del expected["draft"]["fields"]
        return _remove_lines(text, fields_key, shown), expected
    lines = text.splitlines(keepends=True)
    gone: set[int] = set()
    for key, _ in pairs:
        if key.value in names:
            if not _starts_line(lines, key):
                raise _cannot(shown)
            start = key.start_mark.line
            gone.update(range(start, _block_end(lines, start, key.start_mark.column)))
    return "".join(line for i, line in enumerate(lines) if i not in gone), expected


def _plain(value: Any) -> Any:
    """A copy of parsed YAML with plain dicts and lists, to edit and compare with."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _cannot(shown: str) -> ReviewError:
    return ReviewError(
        f"{shown}: không sửa được khối draft một cách an toàn (viết dạng {{…}}, hoặc một chuỗi xuống dòng?); "
        "hãy sửa tay: xóa các dòng cần bỏ trong khối draft, rồi chạy `vanban check`"
    )


def _verify(text: str, expected: dict[Any, Any], shown: str) -> None:
    """The edited text must parse to exactly what was meant, keys in the same order, no key twice
    (a mapping keeps the last of two keys: the value seen would hide the other)."""
    try:
        got = load_yaml(text)
    except YamlSyntaxError:
        raise _cannot(shown) from None
    if _duplicate(got) or not _same(got, expected):
        raise _cannot(shown)


def _duplicate(value: Any) -> tuple[Any, int] | None:
    """The first key written twice in a mapping of value (parsed by load_yaml), with its line; else None."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, LineDict) and item.duplicates:
            return item.duplicates[0]
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


def _same(a: Any, b: Any) -> bool:
    """Equal, with the keys of every mapping in the same order."""
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(type(a) is type(b) and a == b)


def _replace(path: Path, before: bytes, after: bytes, shown: str) -> None:
    """Write after in place of path, atomically; refused if the file changed since it was read."""
    try:
        with open(path, "rb") as handle:
            if handle.read(len(before) + 1) != before:
                raise ReviewError(f"{shown} vừa bị sửa trong lúc lệnh chạy; không ghi gì, hãy chạy lại")
        mode = stat.S_IMODE(os.stat(path).st_mode)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".accept-tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"không ghi được {shown}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(after)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"không ghi được {shown}: {exc.strerror or exc}") from None
