"""YAML reading that keeps line numbers and refuses what PyYAML would silently accept.

- Dates stay strings: we parse them ourselves so that 2017-02-30 is a clear error, not a
  traceback from the YAML library.
- A duplicate key is an error, not a silent overwrite.
- Every mapping remembers the line of each key, for messages like "file.yaml:12: date: …".
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
Key = str | int | float | bool | None


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


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: yaml.SafeLoader, node: MappingNode) -> LineDict:
    result = LineDict(node.start_mark.line + 1)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            key = str(key)
        if key in result:
            result.duplicates.append((key, line))
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = line
    return result


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


class YamlSyntaxError(Exception):
    def __init__(self, message: str, line: int | None):
        self.message, self.line = message, line
        super().__init__(message)


def load_yaml(text: str) -> Any:
    """Parse one YAML document. Raises YamlSyntaxError with a line number."""
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise YamlSyntaxError(f"{exc.context or ''} {exc.problem or ''}".strip(), line) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(str(exc), None) from None


def line_of(mapping: object, key: Key, default: int | None = None) -> int | None:
    if isinstance(mapping, LineDict):
        return mapping.lines.get(key, mapping.line)
    return default
