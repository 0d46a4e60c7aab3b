"""The bad-input suite: what a careless or hostile user does, run through the real CLI.

Each case gets a workspace of its own: `ws/data` is a copy of the frozen test corpus, and the
case's `setup` breaks it (or writes files beside it). The CLI then runs with the case's
arguments, in-process (the same `main` as `python build_graph.py`) or, where the case needs a
real process (standard input, signals, two processes at once), as a child process. The runner
(tests/test_bad_inputs.py) checks the exit code, that the message matches (with file and line
where the mistake has them), that no traceback is printed, and that nothing in the workspace
changed except what the case allows.

Cases live in one module per category (cases_*.py), each exporting CASES. Categories:
  lose-work     the build must never destroy what it did not write
  injection     data that tries to run script or escape its folder
  silent-loss   data that used to be dropped or changed without a word
  limits        tracebacks, and inputs that are too large, deep or slow
`python -m tests.bad_inputs` prints the count of cases by category.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CATEGORIES = ("lose-work", "injection", "silent-loss", "limits")


@dataclass(frozen=True)
class Case:
    name: str  # unique, kebab-case: the test id
    category: str  # one of CATEGORIES
    args: tuple[str, ...]  # CLI arguments; "{ws}", "{data}" are replaced by the workspace paths
    code: int  # expected exit code
    message: str = ""  # a regex that stdout + stderr must match (search, DOTALL)
    setup: Callable[[Path], None] | None = None  # breaks the workspace: gets ws (ws/data is the corpus copy)
    stdin: bytes | None = None  # for `extract -`, `suggest -`
    changes: tuple[str, ...] = ()  # globs relative to ws that may change (the output the case asks for)
    location: str | None = None  # a regex for the "file:line" the output must name
    subprocess: bool = False  # run `python build_graph.py` as a child process
    timeout: float = 30.0  # seconds; a case that takes longer fails
    check: Callable[[Path, str], None] | None = None  # further assertions: gets ws and the whole output


def data(ws: Path) -> Path:
    return ws / "data"


def doc(ws: Path, doc_id: str = "04-nq-tw-2016") -> Path:
    return ws / "data" / "documents" / f"{doc_id}.yaml"


def write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def append(path: Path, text: str) -> None:
    write(path, path.read_text(encoding="utf-8") + text)


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise AssertionError(f"{old!r} not in {path}")
    write(path, text.replace(old, new, 1))


def all_cases() -> list[Case]:
    from . import cases_injection, cases_limits, cases_lose_work, cases_silent_loss

    cases = [*cases_lose_work.CASES, *cases_injection.CASES, *cases_silent_loss.CASES, *cases_limits.CASES]
    names = [c.name for c in cases]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise AssertionError(f"case names used twice: {sorted(duplicates)}")
    unknown = {c.category for c in cases} - set(CATEGORIES)
    if unknown:
        raise AssertionError(f"unknown categories: {sorted(unknown)}")
    return cases
