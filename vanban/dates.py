"""Dates that may be known only to the year or the month, and the one way to compare and order them."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@functools.total_ordering
@dataclass(frozen=True)
class PartialDate:
    """Ordered by sort_key: 2017 < 2017-01 < 2017-01-01 < 2017-02, whatever the precision.

    (dataclass ordering would compare None with a number and fail on 2017 against 2017-02.)
    """

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def vietnamese(self) -> str:
        """03/6/2013 is how the documents themselves write dates."""
        if self.day:
            return f"{self.day:02d}/{self.month:02d}/{self.year}"
        if self.month:
            return f"tháng {self.month:02d}/{self.year}"
        return f"năm {self.year}"

    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        if self.day:
            return self.earliest()
        if self.month:
            nxt = dt.date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)

    def sort_key(self) -> tuple[int, int, int]:
        """A less precise date sorts before the more precise ones it contains."""
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def overlaps(self, other: PartialDate) -> bool:
        """True when some day may be both: 2017-03 overlaps 2017 and 2017-03-05, not 2017-04."""
        # Same as neither being definitely before the other, without making dates: the resolver asks it of every
        # candidate of a symbol (at 10,000 documents, 900,000 times).
        if self.year != other.year:
            return False
        if self.month is None or other.month is None:
            return True
        return self.month == other.month and (self.day is None or other.day is None or self.day == other.day)


def date_order(date: PartialDate | None) -> tuple[bool, tuple[int, int, int]]:
    """The sort key of every list of documents by date: earliest first, undated last."""
    return (date is None, date.sort_key() if date else (0, 0, 0))


def parse_date(value: object) -> PartialDate:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD (a str or an int year). Raises ValueError."""
    if isinstance(value, bool):
        raise ValueError("not a date")
    if isinstance(value, int):
        value = str(value)
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day)
    if not isinstance(value, str):
        raise ValueError("not a date")
    m = _ISO.match(value.strip())
    if not m:
        raise ValueError("not a date")
    year = int(m[1])
    month = int(m[2]) if m[2] else None
    day = int(m[3]) if m[3] else None
    if not 1900 <= year <= 2100:
        raise ValueError("year out of range")
    if month is not None and not 1 <= month <= 12:
        raise ValueError("month out of range")
    if day is not None:
        dt.date(year, month or 1, day)  # raises ValueError for 2017-02-30
    return PartialDate(year, month, day)


def definitely_before(a: PartialDate, b: PartialDate) -> bool:
    """True only when every day a may denote comes before every day b may denote."""
    return a.latest() < b.earliest()


def days_between(a: PartialDate, b: PartialDate) -> int | None:
    if a.day and b.day:
        return (b.earliest() - a.earliest()).days
    return None


def show_date(date: PartialDate | None) -> str:
    return date.vietnamese() if date else "(chưa rõ ngày)"
