"""The authoring loop in a real browser: `serve` rebuilds when a data file is saved, the open page reloads
by itself, and a mistake shows its problem over the last good site until it is fixed.

The loop runs in-process (vanban.live with serve's builder, watchdog and HTTP server) on a copy of the test
corpus; Chromium is Debian's, driven headless."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from vanban.live import LiveState, Rebuilder, handler_for, watch
from vanban.warm import WarmBuild

DOC = "04-nq-tw-2016"
WAIT_MS = 60_000  # a rebuild of the test corpus takes about 2 s here; generous for a loaded CI machine


@pytest.fixture
def live(data_copy: Path, tmp_path: Path):
    """The loop serving a site built from data_copy; yields (base URL, data folder, state, site)."""
    import http.server

    site = tmp_path / "site"
    state = LiveState()
    warm = WarmBuild(data_copy, site, pdf_packs=0, cache=None)
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
