"""The live data/: the only tests that read it, and they assert nothing about what it holds.

data/ grows every week, so no test counts its documents or names them. Here it must pass
`check --strict` and build into a site; and a copy of it grown by one valid document, with one
valid relation to a document already there, must do the same: adding a document breaks no test.
Every other test reads the frozen tests/corpus/.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from tests.conftest import LIVE_DATA
from vanban.cli import main as cli_main
from vanban.pipeline import build_site, check, load_valid
from vanban.symbols import expected_id


def _document_ids(data: Path) -> set[str]:
    return {p.stem for p in (data / "documents").rglob("*.yaml")}


def _built(site: Path, ids: set[str]) -> None:
    assert (site / "index.html").is_file()
    missing = sorted(i for i in ids if not (site / "van-ban" / f"{i}.html").is_file())
    assert not missing, f"no page for {missing[:10]}"


def test_other_tests_cannot_read_data(tmp_path):
    """The guard of conftest.py: without the `live_data` fixture, data/ and the default folder fail the test."""
    with pytest.raises(pytest.fail.Exception, match=r"live .*tests/corpus"):
        check(LIVE_DATA)
    with pytest.raises(pytest.fail.Exception, match=r"live .*tests/corpus"):
        build_site(LIVE_DATA / ".." / "data", tmp_path / "site")
    with pytest.raises(pytest.fail.Exception, match=r"live .*tests/corpus"):
        load_valid()  # its default, bound when the library was imported, is data/
    with pytest.raises(pytest.fail.Exception, match=r"default data folder.*tests/corpus"):
        cli_main(["check"])  # the CLI with no --data
    assert not (tmp_path / "site").exists()


def test_data_passes_check_strict(cli, live_data):
    code, out, err = cli("check", "--strict", "--data", str(live_data))
    assert code == 0, out + err


def test_site_builds_from_data(cli, live_data, tmp_path):
    site = tmp_path / "site"
    code, out, err = cli("build", "--data", str(live_data), "--out", str(site))
    assert code == 0, out + err
    _built(site, _document_ids(live_data))


def _add_document(data: Path) -> tuple[str, str]:
    """Write one valid new document that carries out a document already in `data`; return both ids."""
    corpus = check(data, citations=False).corpus
    today = datetime.date.today()
    # Any document of the copy, dated and not after today, so that carrying it out today is in order.
    target = next(
        doc
        for _, doc in sorted(corpus.documents.items())
        if doc.date is not None and doc.year is not None and doc.year < today.year
    )
    issuer = corpus.issuers[target.issuer]
    taken = {(doc.symbol, doc.year) for doc in corpus.documents.values()}
    number = next(n for n in range(9999, 0, -1) if (f"{n}/KH-UBND", today.year) not in taken)
    symbol = f"{number}/KH-UBND"
    doc_id = expected_id(symbol, today.year, issuer.region)
    assert doc_id not in corpus.documents
    (data / "documents" / f"{doc_id}.yaml").write_text(
        f"symbol: {symbol}\n"
        "type: ke-hoach\n"
        f"issuer: {target.issuer}\n"
        f"date: {today.isoformat()}\n"
        f"title: Kế hoạch thực hiện {target.symbol}, văn bản thêm vào bởi bài kiểm thử\n"
        "relations:\n"
        "  - type: thuc-hien\n"
        f"    target: {target.id}\n"
        "sources:\n"
        "  - site: vanban.invalid\n"
        "    path: ke-hoach-thu.html\n",
        encoding="utf-8",
    )
    return doc_id, target.id


def test_data_grown_by_one_document_and_relation_passes_and_builds(cli, live_data, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(live_data, data)
    before = _document_ids(data)
    doc_id, target_id = _add_document(data)
    assert _document_ids(data) == before | {doc_id}

    code, out, err = cli("check", "--strict", "--data", str(data))
    assert code == 0, out + err
    site = tmp_path / "site"
    code, out, err = cli("build", "--data", str(data), "--out", str(site))
    assert code == 0, out + err
    _built(site, before | {doc_id})
    new_page = (site / "van-ban" / f"{doc_id}.html").read_text(encoding="utf-8")
    assert f'href="{target_id}.html"' in new_page
    target_page = (site / "van-ban" / f"{target_id}.html").read_text(encoding="utf-8")
    assert f'href="{doc_id}.html"' in target_page  # the relation shows from both ends
