"""The authoring loop in a real browser: `serve` rebuilds when a data file is saved, the open page reloads
by itself, and a mistake shows its problem over the last good site until it is fixed.

The loop runs in-process (vanban.live with serve's builder, watchdog and HTTP server) on a copy of the test
corpus; Chromium is Debian's, driven headless."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from vanban.live import KEPT_CHANGES, LiveState, Rebuilder, handler_for, page_of, watch
from vanban.warm import WarmBuild

DOC = "04-nq-tw-2016"
WAIT_MS = 60_000  # a rebuild of the test corpus takes about 2 s here; generous for a loaded CI machine


@pytest.fixture
def live(data_copy: Path, tmp_path: Path):
    """The loop serving a site built from data_copy; yields (base URL, data folder, state, site)."""
    import http.server

    site = tmp_path / "site"
    state = LiveState()
    warm = WarmBuild(data_copy, site, pdf_packs=0, cache=None, shown=state.pages_changed)
    rebuilder = Rebuilder(warm, state)
    rebuilder.run_once()
    observer = watch([data_copy], rebuilder.changed)
    rebuilder.start()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler_for(site, state))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", data_copy, state, site
    server.shutdown()
    server.server_close()
    observer.stop()
    rebuilder.stop()
    warm.close()


def _retitle(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_saved_edit_reloads_the_open_page(page, live):
    base, data, state, site = live
    p = page.page
    p.goto(f"{base}/van-ban/{DOC}.html")
    assert "xây dựng, chỉnh đốn Đảng" in p.locator(".vb-title").inner_text()
    version = state.version
    untouched = (site / "tim-kiem.html").stat().st_ino  # a page the edit does not change
    started = time.perf_counter()
    _retitle(data / "documents" / f"{DOC}.yaml", "xây dựng, chỉnh đốn Đảng", "xây dựng và chỉnh đốn Đảng (sửa thử)")
    # No click, no reload by the test: the page reloads itself once the rebuild is done.
    p.wait_for_function(
        "document.querySelector('.vb-title') && document.querySelector('.vb-title').innerText.includes('sửa thử')",
        timeout=WAIT_MS,
    )
    print(f"saved → reloaded page: {time.perf_counter() - started:.1f} s")
    assert state.version > version
    assert (site / "tim-kiem.html").stat().st_ino == untouched  # only what the edit changed was written
    assert page.errors == [] and page.off_machine() == []


def test_an_edit_reloads_the_pages_it_changed_and_no_other(page, live):
    """An open page the edit does not change stays as it is (its reader's place, a search typed), while the
    site moves on; an edit of its own document then reloads it."""
    base, data, state, site = live
    p = page.page
    other = "16-ct-ttg-2020"  # nothing relates it to DOC
    p.goto(f"{base}/van-ban/{other}.html")
    p.evaluate("window.vbNotReloaded = true")
    shown = (site / "van-ban" / f"{other}.html").read_bytes()
    version = state.version
    _retitle(data / "documents" / f"{DOC}.yaml", "xây dựng, chỉnh đốn Đảng", "xây dựng và chỉnh đốn Đảng (sửa thử)")
    # The page has asked for the status after the edit's build and stayed.
    p.wait_for_function(
        f"Number(document.documentElement.getAttribute('data-vanban-version')) > {version}", timeout=WAIT_MS
    )
    assert "(sửa thử)" in (site / "van-ban" / f"{DOC}.html").read_text(encoding="utf-8")
    assert (site / "van-ban" / f"{other}.html").read_bytes() == shown
    assert p.evaluate("window.vbNotReloaded === true")
    _retitle(data / "documents" / f"{other}.yaml", "phòng, chống dịch", "phòng, chống dịch (sửa thử)")
    p.wait_for_function(
        "document.querySelector('.vb-title') && document.querySelector('.vb-title').innerText.includes('sửa thử')",
        timeout=WAIT_MS,
    )
    assert p.evaluate("window.vbNotReloaded === undefined")
    assert page.errors == [] and page.off_machine() == []


def test_the_status_says_whether_a_page_changed_since_the_version_it_shows():
    state = LiveState()
    state.pages_changed(frozenset({"van-ban/a.html"}))  # version 2
    state.pages_changed(frozenset())  # nothing shown changed: no new version
    state.pages_changed(frozenset({"tim-kiem.html"}))  # version 3
    assert state.version == 3

    def reload(since: int, page: str) -> bool:
        return json.loads(state.as_json(since, page))["reload"]

    assert reload(1, "van-ban/a.html") and not reload(2, "van-ban/a.html") and not reload(1, "van-ban/b.html")
    assert reload(2, "tim-kiem.html") and not reload(3, "tim-kiem.html")
    state.pages_changed(None)  # a full build: every page
    assert reload(3, "van-ban/b.html")
    for _ in range(KEPT_CHANGES):
        state.pages_changed(frozenset({"van-ban/a.html"}))
    assert reload(2, "van-ban/b.html")  # too far behind to know: reloaded
    assert not reload(state.version - 1, "van-ban/b.html")
    assert reload(state.version + 5, "van-ban/b.html")  # a page of a server that ran before this one
    assert page_of("/") == "index.html" and page_of("/van-ban/x.html") == "van-ban/x.html"
    assert page_of("/theo-loai/") == "theo-loai/index.html"


def test_a_mistake_is_shown_over_the_last_good_site_until_fixed(page, live):
    base, data, state, _ = live
    p = page.page
    p.goto(f"{base}/van-ban/{DOC}.html")
    target = data / "documents" / f"{DOC}.yaml"
    good = target.read_text(encoding="utf-8")
    target.write_text(good.replace("issuer:", "issuer: [unclosed", 1), encoding="utf-8")
    box = p.locator("#vanban-live-problems")
    box.wait_for(state="visible", timeout=WAIT_MS)
    assert f"{DOC}.yaml:" in box.inner_text()  # the file and its line
    assert "YAML" in box.inner_text()
    assert "xây dựng, chỉnh đốn Đảng" in p.locator(".vb-title").inner_text()  # the last good page, under it
    # A second mistake of another kind: the message follows (a reference to no document).
    target.write_text(good.replace("issuer:", "issuer: khong-co-co-quan-nay\nold_issuer:", 1), encoding="utf-8")
    p.wait_for_function(
        "document.getElementById('vanban-live-problems') && "
        "document.getElementById('vanban-live-problems').innerText.includes('khong-co-co-quan-nay')",
        timeout=WAIT_MS,
    )
    target.write_text(good, encoding="utf-8")  # fixed: the message goes, the page reloads
    box.wait_for(state="detached", timeout=WAIT_MS)
    assert state.problems == []
    assert "xây dựng, chỉnh đốn Đảng" in p.locator(".vb-title").inner_text()
    assert page.off_machine() == []
