"""The table of citation forms: every phenomenon of the reference, each with its parse."""

from __future__ import annotations

import pytest

from tests.citation_forms import FORMS
from tests.citation_heldout import HELDOUT
from tests.conftest import CORPUS
from vanban.citations import Resolver, extract
from vanban.dates import parse_date
from vanban.pipeline import load_valid


@pytest.fixture(scope="module")
def resolver():
    return Resolver(load_valid(CORPUS).corpus)


def parse(resolver, text, date):
    found = extract(text, resolver, date=parse_date(date) if date else None)
    return [
        (c.text, c.type, c.number, c.symbol, c.date.iso() if c.date else None, c.resolved)
        + ((tuple(c.candidates),) if c.candidates else ())
        for c in found
    ]


def expected_rows(expected):
    return [tuple(e[:6]) + ((tuple(sorted(e[6])),) if len(e) > 6 else ()) for e in expected]


def test_table_covers_at_least_120_forms():
    assert len(FORMS) >= 120, len(FORMS)
    assert len({phenomenon for phenomenon, *_ in FORMS}) == len(FORMS), "phenomena are named once"


@pytest.mark.parametrize("phenomenon,text,date,expected", FORMS + HELDOUT, ids=[f[0] for f in FORMS + HELDOUT])
def test_citation_form(resolver, phenomenon, text, date, expected):
    assert parse(resolver, text, date) == expected_rows(expected)


def test_offsets_point_into_the_original(resolver):
    for _, text, date, _ in FORMS + HELDOUT:
        for c in extract(text, resolver, date=parse_date(date) if date else None):
            assert text[c.start : c.end] == c.text
