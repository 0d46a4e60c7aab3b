"""The data loader shared by search and graphs (docs/assets/javascripts/vanban-loader.js), in headless
Chromium: a data file that is missing or broken replaces "loading" with a Vietnamese message that names
the file and says what to do, over http:// and from a folder opened with file://. Each test also checks
the same page on the intact site, so that it fails if the normal path breaks too."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from vanban.site.search_index import fnv1a, tokens

WAIT = 5_000  # ms: a failure must show within a few seconds, not hang on "loading"
REBUILD = "python build_graph.py build"
DOC = "04-nq-tw-2016"  # a central resolution: its page has both the local graph and the implementation view
LOCAL = f".vb-graph[data-graph=local][data-doc='{DOC}']"
IMPL = f".vb-graph[data-graph=impl][data-doc='{DOC}']"


@pytest.fixture(scope="session")
def built_site(corpus_site) -> Path:
    return corpus_site


@pytest.fixture
def broken(built_site, tmp_path):
    """A copy of the built site with data files removed (or, with `content`, overwritten)."""

    def make(*files: str, content: str | None = None) -> Path:
        copy = tmp_path / "site"
        shutil.copytree(built_site, copy)
        for rel in files:
            target = copy / rel
            assert target.is_file(), f"{rel} is not in the built site: the test no longer breaks anything"
            if content is None:
                target.unlink()
            else:
                target.write_text(content, encoding="utf-8")
        return copy

    return make


def script_errors(page) -> list[str]:
    """Errors other than the browser's own report of the file that is missing."""
    return [e for e in page.errors if not e.startswith("Failed to load resource")]


def search_bucket(site: Path, query: str) -> str:
    """The search-data bucket file that the first token of `query` lives in."""
    meta = (site / "search-data" / "meta.js").read_text(encoding="utf-8")
    buckets = json.loads(meta[meta.index("(") + 1 : meta.rindex(")")])["buckets"]
    return f"search-data/t/{fnv1a(tokens(query)[0]) % buckets}.js"


# -- graphs ------------------------------------------------------------------------------------


def test_document_graphs_render_when_their_data_is_there(page, site_url):
    p = page.page
    p.goto(f"{site_url}/van-ban/{DOC}.html")
    for graph in (LOCAL, IMPL):
        p.wait_for_selector(f"{graph}[data-state=ready]", timeout=15_000)
    assert p.evaluate("VB_GRAPH.instances.local.nodes().length") > 1
    assert "Đang tải" not in p.locator(LOCAL).inner_text()
    assert p.locator(f"{LOCAL} .vb-graph-canvas").is_visible()
    assert page.errors == []


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_missing_local_graph_data_says_so_in_both_views(page, serve, broken, scheme):
    missing = f"graph-data/local/{DOC}.js"
    site = broken(missing)
    base = serve(site) if scheme == "http" else site.as_uri()
    p = page.page
    p.goto(f"{base}/van-ban/{DOC}.html")
    # Both views wait for the same file: both must be told, not only the first to ask.
    for graph in (LOCAL, IMPL):
        p.wait_for_selector(f"{graph}[data-state=error]", timeout=WAIT)
        note = p.locator(f"{graph} .vb-graph-note")
        assert note.is_visible()
        text = note.inner_text()
        assert text.startswith(f"Không tải được dữ liệu đồ thị ({missing}).")
        assert REBUILD in text and "site/" in text
        assert not p.locator(f"{graph} .vb-graph-canvas").is_visible()
    assert "Đang tải" not in p.locator(LOCAL).inner_text()
    assert script_errors(page) == []


def test_broken_vocabulary_file_is_reported_not_waited_for(page, serve, broken):
    # The file loads but hands over no data (truncated, or from another version of vanban).
    site = broken("graph-data/vocab.js", content="/* truncated */\n")
    p = page.page
    p.goto(f"{serve(site)}/van-ban/{DOC}.html")
    for graph in (LOCAL, IMPL):
        p.wait_for_selector(f"{graph}[data-state=error]", timeout=WAIT)
        text = p.locator(f"{graph} .vb-graph-note").inner_text()
        assert "graph-data/vocab.js" in text and "bị hỏng" in text and REBUILD in text
    assert script_errors(page) == []


def test_global_graph_renders_when_its_data_is_there(page, site_url):
    p = page.page
    p.goto(f"{site_url}/do-thi.html")
    p.wait_for_selector(".vb-graph[data-graph=global][data-state=ready]", timeout=15_000)
    status = p.locator("#vb-graph-status").inner_text()
    assert status.startswith("25 văn bản, 24 quan hệ.") and "trung ương ở trên, địa phương ở dưới" in status
    assert page.errors == []


def test_missing_global_graph_data_replaces_the_loading_status(page, serve, broken):
    site = broken("graph-data/global.js")
    p = page.page
    p.goto(f"{serve(site)}/do-thi.html")
    p.wait_for_selector(".vb-graph[data-graph=global][data-state=error]", state="attached", timeout=WAIT)
    status = p.locator("#vb-graph-status")
    assert status.is_visible()
    text = status.inner_text()
    assert "Đang tải" not in text
    assert text.startswith("Không tải được dữ liệu đồ thị (graph-data/global.js).") and REBUILD in text
    assert script_errors(page) == []


# -- search ------------------------------------------------------------------------------------

QUERY = "25-NQ/TW"


def search(p, base: str, query: str):
    p.goto(f"{base}/tim-kiem.html?q={quote(query)}")
    p.wait_for_selector("#vb-search-page[data-state=done], #vb-search-page[data-state=error]", timeout=WAIT)
    return p.locator("#vb-search-status").inner_text()


def test_search_finds_when_its_data_is_there(page, site_url):
    p = page.page
    search(p, site_url, QUERY)
    assert p.get_attribute("#vb-search-page", "data-state") == "done"
    assert p.locator(".vb-result").first.inner_text().startswith("Nghị quyết 25-NQ/TW (2013)")
    assert page.errors == []


def test_missing_search_bucket_says_so_and_a_later_search_tries_again(page, serve, broken, built_site):
    bucket = search_bucket(built_site, QUERY)
    site = broken(bucket)
    p = page.page
    text = search(p, serve(site), QUERY)
    assert p.get_attribute("#vb-search-page", "data-state") == "error"
    assert p.locator("#vb-search-status").is_visible()
    assert "Đang tìm" not in text and "Đang chuẩn bị" not in text
    assert text.startswith(f"Không tải được dữ liệu tìm kiếm ({bucket}).") and REBUILD in text
    assert p.locator(".vb-result").count() == 0
    assert script_errors(page) == []
    # The file is back (the site was rebuilt): the same page searches again without a reload.
    shutil.copy(built_site / bucket, site / bucket)
    p.locator("#vb-search-form button[type=submit]").click()
    p.wait_for_selector("#vb-search-page[data-state=done]", timeout=WAIT)
    assert p.locator(".vb-result").first.inner_text().startswith("Nghị quyết 25-NQ/TW (2013)")


def test_missing_search_bucket_from_a_folder(page, broken, built_site):
    bucket = search_bucket(built_site, QUERY)
    site = broken(bucket)
    text = search(page.page, site.as_uri(), QUERY)
    assert text.startswith(f"Không tải được dữ liệu tìm kiếm ({bucket}).") and REBUILD in text
    assert page.off_machine() == []


def test_a_text_kept_between_builds_is_read_again_once_its_file_changes(data_copy, tmp_path):
    """serve keeps the full texts it read; a text whose file was replaced (here by a link out of data/) is read
    again, and checked as any file is, not taken from what was kept."""
    import os
    import time

    from vanban.load import load_corpus, read_texts
    from vanban.problems import Problems

    text = data_copy / "texts" / "160-bc-tu-hau-giang-2017.txt"
    old = time.time() - 10  # settled: stat vouches for it
    os.utime(text, (old, old))
    corpus, _ = load_corpus(data_copy)
    memo: dict = {}
    first = read_texts(corpus, Problems(), memo)
    assert "160-bc-tu-hau-giang-2017" in first and memo
    outside = tmp_path / "outside.txt"
    outside.write_text("Báo cáo khác", encoding="utf-8")
    text.unlink()
    text.symlink_to(outside)
    problems = Problems()
    again = read_texts(corpus, problems, memo)
    assert again.get("160-bc-tu-hau-giang-2017") != first["160-bc-tu-hau-giang-2017"]
    assert problems.items  # the link out of data/ is reported
