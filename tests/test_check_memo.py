"""`serve` checks again only the documents an edit can change (checks.CheckMemo): what it reports after each
edit is what a fresh `check` reports, even when the problem is in a document the edit did not touch."""

from __future__ import annotations

from pathlib import Path

from tests.tiny import ISSUERS, NQ, write_corpus
from vanban.pipeline import Memo, check


def _said(data: Path, memo: Memo | None) -> list[tuple[str, str, str]]:
    return [(p.code, Path(p.file).name, p.field) for p in check(data, memo=memo).problems]


def test_an_untouched_document_is_checked_again_when_what_it_points_to_changed(tmp_path: Path):
    data = write_corpus(tmp_path / "data")
    nq, issuers = data / "documents" / "04-nq-tw-2016.yaml", data / "issuers.yaml"
    memo = Memo()
    assert _said(data, memo) == []
    # The resolution now dated after the directive that carries it out: the directive's relation is wrong,
    # though its file did not change.
    nq.write_text(NQ.replace("date: 2016-10-30", "date: 2017-10-30"), encoding="utf-8")
    said = _said(data, memo)
    assert ("relation-date-order", "79-ct-tu-hau-giang-2017.yaml", "relations[0].target") in said
    assert said == _said(data, None)
    nq.write_text(NQ, encoding="utf-8")
    assert _said(data, memo) == []
    # The registry: the province's key changed, so the directive's id no longer matches it.
    issuers.write_text(ISSUERS.replace("region: hau-giang", "region: can-tho"), encoding="utf-8")
    (data / "regions.yaml").write_text("can-tho: Thành phố Cần Thơ\n", encoding="utf-8")
    said = _said(data, memo)
    assert ("id-mismatch", "79-ct-tu-hau-giang-2017.yaml", "symbol") in said
    assert said == _said(data, None)
