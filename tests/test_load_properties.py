"""Whatever a data file holds, loading reports problems and never raises."""

from __future__ import annotations

import json

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vanban.load import load_document
from vanban.problems import Problems
from vanban.schema import DOCUMENT
from vanban.yamlio import MAX_DEPTH, MAX_VALUES, YamlLimitError, YamlSyntaxError, check_depth, check_limits, load_yaml

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


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
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


@settings(max_examples=100)
@given(st.integers(min_value=1, max_value=3000), st.booleans())
def test_nesting_beyond_the_limit_is_refused_with_a_line(depth, flow):
    text = "[" * depth + "]" * depth if flow else "".join(" " * i + "- \n" for i in range(depth))
    try:
        load_yaml(text)
    except YamlLimitError as exc:
        assert depth > MAX_DEPTH - 1 and exc.line
    except YamlSyntaxError:
        pass
    else:
        assert depth <= MAX_DEPTH


@settings(max_examples=100)
@given(st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=12))
def test_aliases_are_measured_without_being_expanded(levels, width):
    text = "a0: &a0 x\n" + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]\n" for i in range(1, levels))
    sizes = [1]  # values under each anchor once expanded: itself and its items
    for _ in range(1, levels):
        sizes.append(1 + width * sizes[-1])
    expanded = 1 + levels + sum(sizes)  # the top mapping, its keys, its values
    try:
        load_yaml(text)
    except YamlLimitError:
        assert expanded > MAX_VALUES
    else:
        assert expanded <= MAX_VALUES


def _limit_line(check, node):
    try:
        check(node)
    except YamlLimitError as exc:
        return exc.line
    return None


@settings(max_examples=200)
@given(values, st.integers(min_value=0, max_value=MAX_DEPTH))
def test_a_file_without_anchors_is_measured_the_same_by_depth_alone(value, wrap):
    # load_yaml checks only the depth of a file without "&": it must refuse what the full check refuses, at the
    # same line, and nothing else.
    text = json.dumps(value)
    for _ in range(wrap):
        text = "- " + "\n  ".join(text.splitlines())
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if node is not None:
        assert _limit_line(check_depth, node) == _limit_line(check_limits, node)
