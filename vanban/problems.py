"""Problems found in the data: collected, never raised one at a time.

The library returns or raises these; only the CLI turns them into text on a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"
NOTE = "note"  # a warning that the data acknowledges with a reason


@dataclass(frozen=True)
class Problem:
    code: str  # stable machine code, e.g. "unknown-issuer"
    message: str  # Vietnamese, what is wrong
    hint: str = ""  # Vietnamese, how to fix it
    file: str = ""
    line: int | None = None
    field: str = ""  # dotted path, e.g. "relations[2].target"
    severity: str = ERROR
    doc_id: str = ""  # the document the problem is about, when there is one

    def location(self) -> str:
        where = self.file or "(dữ liệu)"
        if self.line:
            where += f":{self.line}"
        return where


@dataclass
class Problems:
    """An accumulator that stages append to; stays a plain list underneath."""

    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    def extend(self, problems) -> None:
        self.items.extend(problems)


class VanbanError(Exception):
    """Base of every error the library raises on purpose."""


class DataError(VanbanError):
    """The data has errors; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} vấn đề trong dữ liệu")


class RefNotFound(VanbanError):
    def __init__(self, ref: str, suggestions: list[str]):
        self.ref = ref
        self.suggestions = suggestions
        super().__init__(f"không tìm thấy văn bản '{ref}'")


class AmbiguousRef(VanbanError):
    def __init__(self, ref: str, candidates: list):
        self.ref = ref
        self.candidates = candidates  # Documents
        super().__init__(f"'{ref}' ứng với {len(candidates)} văn bản")


class BuildError(VanbanError):
    """The site could not be built; the previous site is left as it was."""
