"""YAML reading that keeps line numbers and refuses what PyYAML would silently accept.

- Plain scalars stay the text the user typed: only `true`/`false` are booleans and only `~`,
  `null` or nothing is null. YAML 1.1 would turn `yes`, `No`, `on` into booleans, `010` into 8,
  `0x1F` into 31, `12:30` into 750 and dates into datetimes; the loader parses what it needs
  (dates, numbers as text) itself, so 2017-02-30 is a clear error, not a traceback.
- Every string is in Unicode NFC: text typed in NFD (macOS, some keyboards) looks the same and
  compares equal, so a topic or an alias does not split in two.
- A duplicate key is an error, not a silent overwrite.
- Every mapping remembers the line of each key, for messages like "file.yaml:12: date: …".
- Limits: nesting depth, and the number of values once aliases are expanded (an alias bomb is
  refused before it is built), raise YamlLimitError with a line.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

Key = str | int | float | bool | None

# Nesting levels of mappings and lists; a document file needs 4 (relations → item → field).
MAX_DEPTH = 20
# Values (scalars, lists, mappings) in one file once every alias is expanded.
MAX_VALUES = 100_000
_TOO_DEEP = f"lồng quá {MAX_DEPTH} cấp danh sách hoặc mục khóa: giá trị"


class LineDict(dict[Key, Any]):
    """A mapping that remembers its own line, each key's line, and the keys written twice."""

    __slots__ = ("duplicates", "line", "lines")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: dict[Key, int] = {}
        self.duplicates: list[tuple[Key, int]] = []


# The C loader when PyYAML was built with libyaml (much faster on 10,000 files).
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]  # a base chosen at import time
    pass


# The YAML 1.2 core schema's booleans and nulls; every other plain scalar is a string.
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_Loader.yaml_implicit_resolvers = {}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:null", _NULL, ["~", "n", "N", ""])


def _construct_str(loader: yaml.SafeLoader, node: ScalarNode) -> str:
    return unicodedata.normalize("NFC", loader.construct_scalar(node))


def _construct_mapping(loader: yaml.SafeLoader, node: MappingNode) -> LineDict:
    result = LineDict(node.start_mark.line + 1)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            key = str(key)  # a list or mapping as a key: bounded by the limits checked first
        if key in result:
            result.duplicates.append((key, line))
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = line
    return result


_Loader.add_constructor("tag:yaml.org,2002:str", _construct_str)
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


class YamlSyntaxError(Exception):
    def __init__(self, message: str, line: int | None):
        self.message, self.line = message, line
        super().__init__(message)


class YamlLimitError(YamlSyntaxError):
    """Well-formed, but too deep or too large once aliases are expanded."""


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


def check_limits(root: Node) -> None:
    """Raise YamlLimitError if the node graph is too deep, recursive, or expands too far.

    Iterative and linear in the nodes as written: an alias is a node reached a second time, whose
    expanded size and height are remembered, so a bomb is measured without being expanded.
    """
    size: dict[int, int] = {}
    height: dict[int, int] = {}
    on_path: set[int] = set()
    kids = _children(root)
    stack: list[tuple[Node, int, list[Node], list[Node]]] = [(root, 1, kids, list(kids))]
    on_path.add(id(root))
    while stack:
        node, depth, kids, todo = stack[-1]
        if todo:
            child = todo.pop()
            if id(child) in on_path:
                raise YamlLimitError("bí danh (alias) trỏ tới chính mục chứa nó", _line(child))
            if id(child) in size:  # an alias of something already measured
                if depth + height[id(child)] > MAX_DEPTH:
                    raise YamlLimitError(f"lồng quá {MAX_DEPTH} cấp (qua một bí danh)", _line(child))
                continue
            if depth + 1 > MAX_DEPTH:
                raise YamlLimitError(_TOO_DEEP, _line(child))
            on_path.add(id(child))
            grandkids = _children(child)
            stack.append((child, depth + 1, grandkids, list(grandkids)))
            continue
        stack.pop()
        on_path.discard(id(node))
        size[id(node)] = 1 + sum(size[id(k)] for k in kids)
        height[id(node)] = 1 + max((height[id(k)] for k in kids), default=0)
        if size[id(node)] > MAX_VALUES:
            raise YamlLimitError(
                f"quá {_number(MAX_VALUES)} giá trị khi mở rộng các bí danh (alias, *tên)", _line(node)
            )


def check_depth(root: Node) -> None:
    """Raise YamlLimitError if the node tree is nested too deep: check_limits for a tree without aliases,
    in the same order (the last child first), so the same line is reported."""
    stack = [(child, 2) for child in _children(root)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise YamlLimitError(_TOO_DEEP, _line(node))
        if not isinstance(node, ScalarNode):
            stack += [(child, depth + 1) for child in _children(node)]


def _number(n: int) -> str:
    return f"{n:,}".replace(",", " ")  # 100 000, as Vietnamese writes it


def load_yaml(text: str) -> Any:
    """Parse one YAML document. Raises YamlSyntaxError (or YamlLimitError) with a line number."""
    try:
        loader = _Loader(text)
    except yaml.YAMLError as exc:  # the pure-Python reader checks characters at once
        raise _syntax_error(exc, text) from None
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if "&" in text or len(text) > MAX_VALUES:
            check_limits(node)
        else:  # no anchor, so no alias: as many values as the text has, only the depth can be too much
            check_depth(node)
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, text) from None
    except RecursionError:  # only the pure-Python parser recurses; libyaml stops at 1000 levels
        raise YamlLimitError(_TOO_DEEP, None) from None
    finally:
        loader.dispose()


def _syntax_error(exc: yaml.YAMLError, text: str) -> YamlSyntaxError:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        if "maximum nesting depth" in str(exc.problem):  # libyaml's own limit, 1000 levels
            return YamlLimitError(_TOO_DEEP, line)
        return YamlSyntaxError(f"{exc.context or ''} {exc.problem or ''}".strip(), line)
    if isinstance(exc, yaml.reader.ReaderError):  # a control character: it has a position, not a line
        # libyaml counts bytes of the UTF-8 it was given; the pure-Python reader counts characters.
        if _Base is yaml.SafeLoader:
            line = text.count("\n", 0, exc.position) + 1
        else:
            line = text.encode("utf-8", "surrogatepass").count(b"\n", 0, exc.position) + 1
        return YamlSyntaxError(f"ký tự điều khiển không được phép (mã {exc.character:#06x})", line)
    return YamlSyntaxError(str(exc), None)


def line_of(mapping: object, key: Key, default: int | None = None) -> int | None:
    if isinstance(mapping, LineDict):
        return mapping.lines.get(key, mapping.line)
    return default
