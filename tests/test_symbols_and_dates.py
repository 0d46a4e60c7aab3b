"""Symbols of the three families, ids that encode the year, partial dates."""

from __future__ import annotations

import pytest

from vanban.dates import PartialDate, days_between, definitely_before, parse_date
from vanban.symbols import expected_id, parse_symbol, symbol_key

# symbol, family, number, type code, issuer code, year in symbol
SYMBOLS = [
    ("25-NQ/TW", "party", "25", "NQ", "TW", None),
    ("23-CTr/TU", "party", "23", "CTr", "TU", None),
    ("8011-CV/BTCTW", "party", "8011", "CV", "BTCTW", None),
    ("290-QĐ/TW", "party", "290", "QĐ", "TW", None),
    ("36-HD/VPTW", "party", "36", "HD", "VPTW", None),
    ("16/CT-TTg", "state-admin", "16", "CT", "TTg", None),
    ("411/KH-UBND", "state-admin", "411", "KH", "UBND", None),
    ("1185/UBND-TH", "state-admin", "1185", None, "UBND-TH", None),  # công văn: no type code
    ("1613/UBND-KGVX", "state-admin", "1613", None, "UBND-KGVX", None),
    ("34/2007/PL-UBTVQH11", "state-normative", "34", "PL", "UBTVQH11", 2007),
    ("59/2023/NĐ-CP", "state-normative", "59", "NĐ", "CP", 2023),
    ("55/2005/TTLT-BNV-VPCP", "state-normative", "55", "TTLT", "BNV-VPCP", 2005),
    ("10/2022/QH15", "state-normative", "10", None, "QH15", 2022),
    ("01/QCPH/UBND-UBMTTQ", "other", "01", None, "", None),
]


@pytest.mark.parametrize("raw,family,number,code,issuer,year", SYMBOLS)
def test_parse_symbol(raw, family, number, code, issuer, year):
    s = parse_symbol(raw)
    assert (s.family, s.number, s.type_code, s.issuer_code, s.year) == (family, number, code, issuer, year)


@pytest.mark.parametrize(
    "symbol,year,region,expected",
    [
        ("25-NQ/TW", 2013, None, "25-nq-tw-2013"),
        ("25-NQ/TW", 2003, None, "25-nq-tw-2003"),
        ("16/CT-TTg", 2020, None, "16-ct-ttg-2020"),
        ("160-BC/TU", 2017, "hau-giang", "160-bc-tu-hau-giang-2017"),
        ("34/2007/PL-UBTVQH11", 2007, None, "34-2007-pl-ubtvqh11"),
        ("290-QĐ/TW", 2010, None, "290-qd-tw-2010"),
        ("23-CTr/TU", None, "ha-noi", "23-ctr-tu-ha-noi-khong-ro-nam"),
    ],
)
def test_ids_encode_year_and_region(symbol, year, region, expected):
    assert expected_id(symbol, year, region) == expected


@pytest.mark.parametrize("typed", ["25-NQ/TW", "25-nq/tw", "25 - NQ/TƯ", "25-NQ/T.Ư", "25-NQ/ TW"])
def test_symbol_key_ignores_case_spaces_and_tu_variants(typed):
    assert symbol_key(typed) == symbol_key("25-NQ/TW")


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2013-06-03", PartialDate(2013, 6, 3)),
        (2018, PartialDate(2018)),
        ("2018-05", PartialDate(2018, 5)),
    ],
)
def test_partial_dates(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["2017-02-30", "2017-13-01", "03/06/2013", "", "1800", True, [2013]])
def test_impossible_dates_are_refused(value):
    with pytest.raises(ValueError):
        parse_date(value)


def test_date_order_is_only_certain_when_precision_allows():
    assert definitely_before(PartialDate(2016, 10, 30), PartialDate(2017, 2, 7))
    assert not definitely_before(PartialDate(2017), PartialDate(2017, 2, 7))  # same year: unknown
    assert days_between(PartialDate(2016, 10, 30), PartialDate(2017, 2, 7)) == 100
    assert days_between(PartialDate(2018), PartialDate(2019, 1, 1)) is None
