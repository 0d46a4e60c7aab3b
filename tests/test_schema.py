"""The schema table, the JSON Schema for editors and the authoring guide agree.

One table (vanban/schema.py) drives validation; the JSON Schema in docs/ and the guide's field
list are made from it. Here each field is tried with a good and a bad value through both the
loader and the JSON Schema, and the guide is checked to list every field.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from vanban import schema
from vanban.load import load_document
from vanban.problems import Problems
from vanban.yamlio import load_yaml

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "docs" / "schema" / "document.schema.json"
GUIDE = ROOT / "docs" / "huong-dan" / "them-van-ban.md"

BASE: dict[str, Any] = {"symbol": "04-NQ/TW", "type": "nghi-quyet", "issuer": "bct", "sources": ["mau"]}
# A good and a bad value for every kind of field.
GOOD = {
    "str": "Về tăng cường",
    "list-str": ["dân vận"],
    "date": "2016-10-30",
    "bool": True,
    "map-str": {"unusual-symbol": "lý do"},
    "mapping": {"name": "Nguyễn Văn A"},
    "list-mapping": [{"type": "thuc-hien", "target": "25-nq-tw-2013"}],
    "list-source": ["mau", {"site": "dangcongsan.vn", "path": "/a"}],
    "confidence": 0.95,
    "map-mapping": {"title": {"confidence": 0.6, "reason": "trích yếu có thể lẫn phần thân"}},
}
# A good value where the kind's example does not fit the field.
GOOD_BY_NAME: dict[str, Any] = {
    "original": "25-nq-tw-2013.pdf",
    "conflicts": [{"field": "date", "note": "03/6/2013 (baomoi.com); 30/6/2013 (một trang khác)"}],
    "figures": [{"label": "mô hình «Dân vận khéo»", "value": "196", "quote": "có 196 mô hình dân vận khéo"}],
    "draft": {
        "reader": "lớp chữ của PDF (pdftotext)",
        "fields": {"symbol": {"confidence": 0.95}},
        "relations": [{"type": "thuc-hien", "target": "25-nq-tw-2013", "cited": "Nghị quyết số 25-NQ/TW"}],
    },
}
BAD = {
    "str": ["a", "list"],
    "list-str": {"a": "b"},
    "date": "30/10/2016",
    "bool": "có",
    "map-str": ["a"],
    "mapping": "Nguyễn Văn A",
    "list-mapping": "thuc-hien",
    "list-source": "mau",
    "confidence": 1.5,
    "map-mapping": ["title"],
}


def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def _loader_problems(raw: dict[str, Any]) -> list[str]:
    problems = Problems()
    # Through YAML, as a user's file would come: the loader sees what the parser makes of it.
    load_document(load_yaml(json.dumps(raw, ensure_ascii=False)), "x", "x.yaml", problems)
    return [p.code for p in problems.items]


def _value(field: schema.Field, good: bool) -> Any:
    if not good:
        return BAD[field.kind]
    if field.name in GOOD_BY_NAME:
        return GOOD_BY_NAME[field.name]
    if field.vocabulary is not None and field.kind != "map-mapping":  # there, the vocabulary is of the keys
        first = next(iter(field.vocabulary))
        return [first] if field.kind == "list-str" else first
    return GOOD[field.kind]


def test_the_json_schema_in_docs_is_the_one_the_table_makes():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema.document_json_schema_text(), (
        "docs/schema/document.schema.json is stale: run `make schema`"
    )


@pytest.mark.parametrize("field", schema.DOCUMENT, ids=lambda f: f.name)
def test_loader_and_json_schema_accept_and_refuse_the_same_values(field):
    validator = _validator()
    good = {**BASE, field.name: _value(field, True)}
    assert _loader_problems(good) == []
    assert list(validator.iter_errors(good)) == []
    bad = {**BASE, field.name: _value(field, False)}
    assert _loader_problems(bad), f"loader accepts {bad[field.name]!r} for {field.name}"
    assert list(validator.iter_errors(bad)), f"JSON Schema accepts {bad[field.name]!r} for {field.name}"


@pytest.mark.parametrize("field", [f for f in schema.DOCUMENT if f.vocabulary], ids=lambda f: f.name)
def test_a_value_outside_the_vocabulary_is_refused_by_both(field):
    value: Any = "khong-co-trong-danh-muc"
    raw = {**BASE, field.name: [value] if field.kind == "list-str" else value}
    assert field.vocab_code in _loader_problems(raw)
    assert list(_validator().iter_errors(raw))


@pytest.mark.parametrize("name", schema.required(schema.DOCUMENT))
def test_a_missing_required_field_is_refused_by_both(name):
    raw = {k: v for k, v in BASE.items() if k != name}
    assert "missing-field" in _loader_problems(raw)
    assert list(_validator().iter_errors(raw))


DRAFT = GOOD_BY_NAME["draft"]
GOOD_IN_DRAFT = {"relations": DRAFT["relations"], "original": "25-nq-tw-2013.pdf"}


@pytest.mark.parametrize("field", schema.DRAFT, ids=lambda f: f.name)
def test_the_fields_of_a_draft_are_checked_alike_by_both(field):
    validator = _validator()
    good = {**BASE, "draft": {**DRAFT, field.name: GOOD_IN_DRAFT.get(field.name) or _value(field, True)}}
    assert _loader_problems(good) == []
    assert list(validator.iter_errors(good)) == []
    bad = {**BASE, "draft": {**DRAFT, field.name: _value(field, False)}}
    assert _loader_problems(bad), f"loader accepts {bad['draft'][field.name]!r} for draft.{field.name}"
    assert list(validator.iter_errors(bad)), f"JSON Schema accepts {bad['draft'][field.name]!r} for draft.{field.name}"


@pytest.mark.parametrize(
    "draft",
    [
        {**DRAFT, "fields": {"titel": {"confidence": 0.6}}},  # not a field of a document
        {**DRAFT, "fields": {"title": {"confidence": -0.1}}},
        {**DRAFT, "fields": {"title": {"confidence": "cao"}}},
        {**DRAFT, "fields": {"title": {"reason": "thiếu confidence"}}},
        {**DRAFT, "relations": [{"type": "trien-khai", "cited": "Nghị quyết số 25-NQ/TW"}]},
        {**DRAFT, "relations": [{"type": "thuc-hien", "target": "25-nq-tw-2013"}]},  # no `cited`
        {k: v for k, v in DRAFT.items() if k != "reader"},
        {**DRAFT, "ingested": "01/12/2026"},
    ],
    ids=[
        "unknown-field",
        "negative",
        "not-a-number",
        "no-confidence",
        "relation-type",
        "no-cited",
        "no-reader",
        "date",
    ],
)
def test_a_bad_draft_is_refused_by_both(draft):
    raw = {**BASE, "draft": draft}
    assert _loader_problems(raw)
    assert list(_validator().iter_errors(raw))


def test_a_draft_may_leave_the_issuer_out_and_only_a_draft():
    without = {k: v for k, v in BASE.items() if k != "issuer"}
    assert _loader_problems({**without, "draft": DRAFT}) == []
    assert list(_validator().iter_errors({**without, "draft": DRAFT})) == []
    assert "missing-field" in _loader_problems(without)
    assert list(_validator().iter_errors(without))


def test_an_unknown_field_is_refused_by_both():
    raw = {**BASE, "titel": "gõ nhầm"}
    assert "unknown-field" in _loader_problems(raw)
    assert list(_validator().iter_errors(raw))


def test_the_guide_lists_every_field_and_relation_from_the_table():
    guide = schema.render_guide(GUIDE.read_text(encoding="utf-8"))
    assert schema.FIELDS_MARKER in GUIDE.read_text(encoding="utf-8")
    for field in schema.DOCUMENT:
        assert f"| `{field.name}` |" in guide, field.name
        for sub in field.fields:
            assert f"`{sub.name}`" in guide
    for key in schema.vocab.RELATION_TYPES:
        assert f"| `{key}` |" in guide
    for key in schema.vocab.DOC_TYPES:
        assert f"`{key}`" in guide


def test_every_document_of_the_test_corpus_passes_the_json_schema():
    validator = _validator()
    files = sorted((ROOT / "tests" / "corpus" / "documents").glob("*.yaml"))
    assert files
    for path in files:
        raw = json.loads(json.dumps(load_yaml(path.read_text(encoding="utf-8")), default=str))
        assert list(validator.iter_errors(raw)) == [], path.name
