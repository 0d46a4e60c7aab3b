"""Long lists on index pages go on over several pages (at 100,000 documents one page of 23,000 công văn
weighed 11 MB); serve's rebuilds keep the parts as a clean build makes them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import CORPUS
from tests.test_rebuild import _same_as_clean, _warm
from vanban.pipeline import check
from vanban.site import indexes


@pytest.fixture
def three_a_page(monkeypatch):
    monkeypatch.setattr(indexes, "PAGE_ROWS", 3)


def test_a_long_list_is_cut_into_linked_parts(three_a_page):
    corpus = check(CORPUS, citations=False).corpus
    pages = indexes.render_indexes(corpus)
    nq = [p for p in pages if p.startswith("theo-loai/nghi-quyet")]
    count = sum(1 for d in corpus.documents.values() if d.type == "nghi-quyet")
    assert sorted(nq) == sorted(indexes.page_part("theo-loai/nghi-quyet.md", n) for n in range(1, -(-count // 3) + 1))
    assert set(nq) <= indexes.group_pages(corpus)
    rows = [len(re.findall(r"<tr><td>", pages[p])) for p in sorted(nq)]
    assert sum(rows) == count and max(rows) == 3
    second = pages["theo-loai/nghi-quyet--trang-2.md"]
    assert '<strong aria-current="page">2</strong>' in second and 'href="nghi-quyet.html"' in second
    assert "(trang 2)" in second.split("\n")[1]  # its title


def test_serve_adds_and_drops_parts_as_a_clean_build(three_a_page, data_copy: Path, tmp_path: Path):
    site, clean = tmp_path / "site", tmp_path / "clean"
    docs = data_copy / "documents"
    source = (docs / "04-nq-tw-2016.yaml").read_text(encoding="utf-8")
    with _warm(data_copy, site) as warm:
        warm()
        for n in range(90, 94):  # four more resolutions: one more part of the list
            (docs / f"{n}-nq-tw-2016.yaml").write_text(source.replace("04-NQ/TW", f"{n}-NQ/TW"), encoding="utf-8")
        warm()
        _same_as_clean(data_copy, site, clean)
        for n in range(90, 94):
            (docs / f"{n}-nq-tw-2016.yaml").unlink()
        warm()
        _same_as_clean(data_copy, site, clean)


def test_the_lists_of_study_packs_and_reports_go_on_in_parts_too(three_a_page):
    from vanban.site.pages import render_site

    checked = check(CORPUS)
    made = dict(render_site(checked, "vanban", pdf_packs=0))
    for folder in ("hoc-tap", "bao-cao-thuc-hien"):
        parts = [p for p in made if p.startswith(f"{folder}/index")]
        assert len(parts) >= 2 and f"{folder}/index--trang-2.md" in parts
