"""Check the hand annotations of the real-text set without running the extractor.

    python benchmarks/realtexts/validate.py [ID…]

Every annotation must name a text that exists, carry the required keys, and every citation's
`text` must occur in the text at least `occurrence` times. Prints one line per problem; exit 1
when there is any. Safe for annotators: it reads no project code, so the held-out texts stay
unseen by the extractor.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

SET = Path(__file__).resolve().parent
REQUIRED = ("id", "source", "system", "level", "year", "header", "citations")
SYSTEMS = {"dang", "nha-nuoc", "mat-tran"}
LEVELS = {"trung-uong", "bo-nganh", "tinh", "huyen", "xa"}
RELATIONS = {"can-cu", "thuc-hien", "tiep-tuc-thuc-hien", "thay-the", "none", None}
CITATION_KEYS = {"text", "occurrence", "type", "number", "symbol", "name", "date", "relation"}


def problems_of(path: Path) -> list[str]:
    ann: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(ann, dict):
        return [f"{path.name}: not a mapping"]
    out = [f"{path.name}: missing key {k!r}" for k in REQUIRED if k not in ann]
    if ann.get("id") != path.stem:
        out.append(f"{path.name}: id {ann.get('id')!r} differs from the file name")
    if ann.get("system") not in SYSTEMS:
        out.append(f"{path.name}: system {ann.get('system')!r} not in {sorted(SYSTEMS)}")
    if ann.get("level") not in LEVELS:
        out.append(f"{path.name}: level {ann.get('level')!r} not in {sorted(LEVELS)}")
    text_path = SET / "texts" / f"{path.stem}.txt"
    if not text_path.is_file():
        return [*out, f"{path.name}: no text {text_path.name}"]
    text = text_path.read_text(encoding="utf-8")
    for i, row in enumerate(ann.get("citations") or [], 1):
        out += _citation_problems(path.name, i, row, text)
    return out


def _citation_problems(name: str, i: int, row: Any, text: str) -> list[str]:
    if not isinstance(row, dict):
        return [f"{name}: citation {i} is not a mapping"]
    out = [f"{name}: citation {i} has unknown key {k!r}" for k in row if k not in CITATION_KEYS]
    needle, occurrence = str(row.get("text") or ""), int(row.get("occurrence") or 1)
    if not needle:
        out.append(f"{name}: citation {i} has no text")
    elif text.count(needle) < occurrence:
        out.append(f"{name}: citation {i} {needle!r} occurs {text.count(needle)} times, occurrence {occurrence}")
    if row.get("relation") not in RELATIONS:
        out.append(f"{name}: citation {i} relation {row.get('relation')!r} not in {sorted(r for r in RELATIONS if r)}")
    date = row.get("date")
    if date is not None and len(str(date)) not in (4, 10):
        out.append(f"{name}: citation {i} date {date!r} is neither YYYY nor YYYY-MM-DD")
    return out


def main(ids: list[str]) -> int:
    paths = [SET / "annotations" / f"{i}.yaml" for i in ids] if ids else sorted((SET / "annotations").glob("*.yaml"))
    problems = [p for path in paths for p in problems_of(path)]
    for line in problems:
        print(line)
    print(f"{len(paths)} annotations, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
