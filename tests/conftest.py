"""Shared fixtures: the real corpus, a real MkDocs build, a local HTTP server, real Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from vanban.cli import main as cli_main
from vanban.pipeline import build_site

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEED = ROOT.parent / "shared" / "seeds" / "000_f682da75d18faad0.txt"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Chromium on a closed network: no sandbox as root, none of its own background traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-default-apps",
    "--disable-extensions",
]


@pytest.fixture
def cli(capsys):
    """Run the CLI in-process; return (exit code, stdout, stderr)."""

    def run(*args: str):
        code = cli_main(list(args))
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A copy of the real data directory that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def site_with_title(data_copy, tmp_path):
    """Build the real corpus with 114-KL/TW's title starting with `prefix` (markup, say)."""

    def build(prefix: str) -> Path:
        doc = data_copy / "documents" / "114-kl-tw-2015.yaml"
        doc.write_text(
            doc.read_text(encoding="utf-8").replace("title: Về nâng cao", f"title: {prefix} Về nâng cao"),
            encoding="utf-8",
        )
        out = tmp_path / "site"
        build_site(data_copy, out)
        return out

    return build


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real corpus built once with the real MkDocs, into a temporary folder."""
    out = tmp_path_factory.mktemp("real") / "site"
    build_site(DATA, out)
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def serve():
    """Serve a folder on 127.0.0.1 on a free port; returns its base URL."""
    servers = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(real_site, serve) -> str:
    return serve(real_site)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test`, which installs Debian's chromium")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class PageWatch:
    """A browser page that records console errors and every request it makes."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("request", lambda req: self.requests.append(req.url))

    def off_machine(self) -> list[str]:
        local = ("http://127.0.0.1", "file://", "data:", "blob:", "about:")
        return [u for u in self.requests if not u.startswith(local)]


@pytest.fixture
def page(browser):
    context = browser.new_context()
    watch = PageWatch(context.new_page())
    yield watch
    context.close()
