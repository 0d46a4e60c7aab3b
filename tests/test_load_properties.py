"""Whatever a data file holds, loading reports problems and never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vanban.load import load_document
from vanban.problems import Problems
from vanban.schema import DOCUMENT
from vanban.yamlio import YamlSyntaxError, load_yaml

DOCUMENT_FIELDS = [f.name for f in DOCUMENT]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(["2013-06-03", "2017-02-30", "nghi-quyet", "bch-tw", "thuc-hien"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
documents = st.dictionaries(st.sampled_from([*DOCUMENT_FIELDS, "titel", "x"]), values, max_size=12)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_load_document_never_raises(raw):
    problems = Problems()
    load_document(raw, "x-2014", "x-2014.yaml", problems)
    assert all(p.file == "x-2014.yaml" and p.message for p in problems.items)


@settings(max_examples=300)
@given(st.text(max_size=200))
def test_yaml_reader_raises_only_its_own_error(text):
    try:
        load_yaml(text)
    except YamlSyntaxError as exc:
        assert exc.message
