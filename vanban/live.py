"""The authoring loop: serve the site, rebuild it when its inputs change, reload the open pages.

`serve` runs a build whenever a watched file changes (data/, docs/, mkdocs.yml, overrides/), one
build at a time, a burst of saves making one build. The pages it serves carry a small script that
asks the server four times a second what the site's version is: a new version that changed the page reloads it, a
failed build shows its problems (file, line, field, how to fix it) over the page until a build
succeeds. A failed build leaves the last good site in place (the build's own rule), so the reader
keeps reading it under the message.

The script is added when a page is served, never written into the site: what `build` writes and
what `serve` serves from disk are the same files.
"""

from __future__ import annotations

import http.server
import json
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .problems import ERROR, BuildError, DataError, OutputError, OutputFolderRefused

STATUS = "/__vanban/status"
SCRIPT = "/__vanban/live.js"
POLL_MS = 250
SETTLE = 0.1  # seconds without a new change before a build starts: an editor's save is several events
_TAG = f'<script src="{SCRIPT}"></script>'.encode()


@dataclass
class LiveState:
    """What the open pages ask for: the site's version, and the problems of the last build if it failed.

    Each version says which pages it changed (site paths, "van-ban/x.html"; None: every page), so that an open
    page reloads only when it changed: serve's builder writes the pages an edit changed first and says so
    (pages_changed), then the data files every page shares (search, previews, the global graph)."""

    version: int = 1
    problems: list[dict[str, str]] = field(default_factory=list)
    building: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    changes: list[tuple[int, frozenset[str] | None]] = field(default_factory=list)  # the last KEPT_CHANGES versions
    told: bool = False  # the running build said which pages it changed

    def pages_changed(self, pages: frozenset[str] | None) -> None:
        """A new version of the site, that changed these pages (None: any page); none when no page changed."""
        with self.lock:
            self.told = True
            if pages is not None and not pages:
                return
            self.version += 1
            self.changes = [*self.changes[-KEPT_CHANGES + 1 :], (self.version, pages)]

    def _reload(self, since: int, page: str) -> bool:
        """Whether a page shown at version `since` changed since (a version too old to know, or one this server
        never had, as after a restart: it did). Locked."""
        if since > self.version:
            return True
        changes = [pages for version, pages in self.changes if version > since]
        if len(changes) < self.version - since:
            return since < self.version
        return any(pages is None or page in pages for pages in changes)

    def as_json(self, since: int | None = None, page: str = "") -> bytes:
        """The status; with `since`, whether `page` (a site path) changed since that version."""
        with self.lock:
            reload = self._reload(since, page) if since is not None else None
            answer = {"version": self.version, "problems": self.problems, "building": self.building, "reload": reload}
            return json.dumps(answer, ensure_ascii=False).encode("utf-8")


KEPT_CHANGES = 64  # versions whose changed pages the status remembers: a page left further behind reloads


def page_of(url_path: str) -> str:
    """The site path of the page at a URL's path: "/" → "index.html", "/van-ban/x.html" → "van-ban/x.html"."""
    path = urllib.parse.unquote(url_path).lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


def problems_of(exc: Exception) -> list[dict[str, str]]:
    """A failed build's problems, as the page shows them: where, what, how to fix it."""
    if isinstance(exc, DataError):
        return [
            {"where": p.location(), "field": p.field, "message": p.message, "hint": p.hint}
            for p in exc.problems
            if p.severity == ERROR
        ] or [{"where": "", "field": "", "message": str(exc), "hint": ""}]
    return [{"where": "", "field": "", "message": str(exc), "hint": "trang web cũ vẫn được giữ"}]


class Built(Protocol):
    """What a build answers (pipeline.BuildReport): whether it kept the site as it was."""

    @property
    def unchanged(self) -> bool: ...


class Rebuilder:
    """Runs `build` after changes settle, one build at a time; a change during a build makes one more."""

    def __init__(
        self,
        build: Callable[[], Built],
        state: LiveState,
        done: Callable[[str, list[dict[str, str]]], None] = lambda message, problems: None,
    ):
        self.build, self.state, self.done = build, state, done
        self._changed = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True, name="vanban-rebuild")

    def start(self) -> None:
        self._thread.start()

    def changed(self) -> None:
        self._changed.set()

    def stop(self) -> bool:
        """Stop watching; True when no build is left running (a longer one goes on, in a daemon thread, until
        the process ends: what it was changing must not be kept)."""
        self._stop.set()
        self._changed.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        return not self._thread.is_alive()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._changed.wait()
            if self._stop.is_set():
                return
            while self._changed.is_set():  # let a burst of events settle
                self._changed.clear()
                time.sleep(SETTLE)
            self.run_once()

    def run_once(self) -> None:
        with self.state.lock:
            self.state.building, self.state.told = True, False
        started = time.perf_counter()
        try:
            report = self.build()
        except (DataError, BuildError, OutputError, OutputFolderRefused) as exc:
            problems = problems_of(exc)
            with self.state.lock:
                self.state.problems, self.state.building = problems, False
            self.done(f"dựng lại thất bại ({len(problems)} vấn đề); trang cũ vẫn được phục vụ", problems)
            return
        unchanged = report.unchanged  # saved as it was: the site stands, no reload
        with self.state.lock:
            told, self.state.told = self.state.told, False
        if not unchanged and not told:  # a build that did not say what it changed: every page reloads
            self.state.pages_changed(None)
        with self.state.lock:
            self.state.problems, self.state.building = [], False
        took = f"{time.perf_counter() - started:.1f} s"
        self.done(f"không có gì thay đổi ({took})" if unchanged else f"đã dựng trong {took}", [])


def watch(paths: Iterable[Path], on_change: Callable[[], None]) -> Any:
    """A running watchdog observer calling on_change for any change under paths (files or folders)."""
    from watchdog.events import (
        DirCreatedEvent,
        DirDeletedEvent,
        DirMovedEvent,
        FileClosedEvent,
        FileCreatedEvent,
        FileDeletedEvent,
        FileModifiedEvent,
        FileMovedEvent,
        FileSystemEvent,
        FileSystemEventHandler,
    )
    from watchdog.observers import Observer

    # What an edit does. Not a file opened or read: the build itself reads every file of data/, and each read
    # reported to this thread would contend with the build for the interpreter (reading was 3 times slower).
    edits: list[type[FileSystemEvent]] = [
        FileCreatedEvent,
        FileModifiedEvent,
        FileDeletedEvent,
        FileMovedEvent,
        FileClosedEvent,
        DirCreatedEvent,
        DirDeletedEvent,
        DirMovedEvent,
    ]

    class Handler(FileSystemEventHandler):
        def __init__(self, only: Path | None) -> None:
            self.only = only

        def on_any_event(self, event: FileSystemEvent) -> None:
            if event.event_type in ("opened", "closed_no_write"):
                return
            touched = [Path(str(p)) for p in (event.src_path, getattr(event, "dest_path", "")) if p]
            if self.only is not None and all(t.resolve() != self.only for t in touched):
                return
            on_change()

    observer = Observer()
    for path in paths:
        if path.is_dir():
            observer.schedule(Handler(None), str(path), recursive=True, event_filter=edits)
        elif path.parent.is_dir():  # a file (mkdocs.yml): watch its folder for it alone
            observer.schedule(Handler(path.resolve()), str(path.parent), recursive=False, event_filter=edits)
    observer.start()
    return observer


def handler_for(site: Path, state: LiveState) -> type[http.server.SimpleHTTPRequestHandler]:
    """A request handler serving `site`, the status of the loop, and its script in every HTML page."""

    class LiveHandler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(site), **kwargs)

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            path, _, query = self.path.partition("?")
            if path == STATUS:
                self._send(self._status(urllib.parse.parse_qs(query)), "application/json; charset=utf-8")
            elif path == SCRIPT:
                self._send(LIVE_JS.encode("utf-8"), "text/javascript; charset=utf-8")
            elif path.endswith((".html", "/")):
                self._html()
            else:
                super().do_GET()

        def _status(self, query: dict[str, list[str]]) -> bytes:
            """The status; with ?since=VERSION&page=PATH, whether that page changed since that version."""
            since = query.get("since", [""])[0]
            page = query.get("page", [""])[0]
            known = since.isdigit() and len(since) <= 12  # a number, not a long string to convert
            return state.as_json(int(since) if known else None, page_of(page))

        def _html(self) -> None:
            file = Path(self.translate_path(self.path))
            if file.is_dir():
                file = file / "index.html"
            try:
                body = file.read_bytes()
            except OSError:
                super().do_GET()  # the base class answers 404 or the listing it would
                return
            at = body.rfind(b"</body>")
            body = body[:at] + _TAG + body[at:] if at >= 0 else body + _TAG
            self._send(body, "text/html; charset=utf-8")

        def _send(self, body: bytes, kind: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

    return LiveHandler


# The page's side: ask for the version; reload on a new one; show a failed build's problems over the page.
# Text from the problems is set with textContent, never as HTML.
LIVE_JS = """(function () {
  "use strict";
  var seen = null;
  var box = null;
  function show(problems) {
    if (!box) {
      box = document.createElement("div");
      box.id = "vanban-live-problems";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;z-index:10000;" +
        "background:#fff3f3;color:#5c0000;border-top:3px solid #b00020;padding:12px 16px;" +
        "font:14px/1.5 system-ui,sans-serif;box-shadow:0 -2px 8px rgba(0,0,0,.2)";
      document.body.appendChild(box);
    }
    box.textContent = "";
    var head = document.createElement("strong");
    head.textContent = "Dựng lại thất bại: trang dưới đây là bản dựng trước. Sửa rồi lưu, trang sẽ tự tải lại.";
    box.appendChild(head);
    var list = document.createElement("ul");
    problems.forEach(function (p) {
      var item = document.createElement("li");
      var where = document.createElement("code");
      where.textContent = p.where + (p.field ? " · " + p.field : "");
      item.appendChild(where);
      item.appendChild(document.createTextNode(" " + p.message + (p.hint ? " — " + p.hint : "")));
      list.appendChild(item);
    });
    box.appendChild(list);
  }
  function hide() {
    if (box) { box.remove(); box = null; }
  }
  function poll() {
    var asked = seen === null ? "" : "?since=" + seen + "&page=" + encodeURIComponent(location.pathname);
    fetch("/__vanban/status" + asked, { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.version !== seen && s.reload !== false) { location.reload(); return; }
      seen = s.version;
      document.documentElement.setAttribute("data-vanban-version", String(seen));  // the version this page shows
      if (s.problems.length) { show(s.problems); } else { hide(); }
    }).catch(function () {}).then(function () { setTimeout(poll, POLL_MS); });
  }
  poll();
})();
""".replace("POLL_MS", str(POLL_MS))


def serve_forever(
    site: Path,
    port: int,
    state: LiveState,
    started: Callable[[http.server.ThreadingHTTPServer], None] = lambda _: None,
) -> None:
    """Serve until interrupted; `started` gets the server (its port when 0 was asked)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler_for(site, state))
    started(server)
    try:
        server.serve_forever()
    finally:
        server.server_close()
