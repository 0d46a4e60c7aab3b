"""Shared fixtures: the frozen test corpus, a real MkDocs build, a local HTTP server, real Chromium.

Tests read tests/corpus/, never data/: data/ grows every week, and a test that counted its documents
would break on the next valid one. A guard makes any read of data/ (or of the default data folder)
fail the test; only tests/test_live_data.py, through the `live_data` fixture, may read data/.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

import vanban.cli
import vanban.load
import vanban.pipeline
from vanban.cli import main as cli_main
from vanban.pipeline import build_site

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "corpus"  # frozen: see tests/corpus/README.md
LIVE_DATA = ROOT / "data"  # read by tests/test_live_data.py only
# What the CLI and the pipeline fall back to during tests when no data folder is given: it does not exist.
NO_DEFAULT_DATA = ROOT / "tests" / "no-default-data-in-tests"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_f682da75d18faad0.txt"
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


def shared_seed() -> Path:
    """The seed file of ../shared/; the test fails, never skips, when it is missing."""
    if not SEED.is_file():
        pytest.fail(
            f"seed file not found at {SEED}: this test compares against ../shared/, so the repository must be "
            f"checked out beside the shared/ folder ({SHARED})",
            pytrace=False,
        )
    return SEED


class _DataGuard:
    """Fails any test that loads data/ or the default data folder, instead of the test corpus."""

    def __init__(self):
        self.allow_live = False

    def wrap(self, load_corpus):
        @functools.wraps(load_corpus)
        def guarded(data_dir, *args, **kwargs):
            path = Path(data_dir).resolve()
            if path == NO_DEFAULT_DATA.resolve():
                pytest.fail(
                    "a test loaded the default data folder: tests read the frozen tests/corpus/; give the CLI "
                    "`--data` (the `cli` fixture does) and library calls a folder (CORPUS, data_copy)",
                    pytrace=False,
                )
            if path == LIVE_DATA.resolve() and not self.allow_live:
                pytest.fail(
                    f"a test loaded the live {LIVE_DATA}: tests read the frozen tests/corpus/ (CORPUS, data_copy); "
                    "only tests/test_live_data.py reads data/, through the `live_data` fixture",
                    pytrace=False,
                )
            return load_corpus(data_dir, *args, **kwargs)

        return guarded


_GUARD = _DataGuard()


@pytest.fixture(scope="session", autouse=True)
def _no_live_data():
    """Session-wide, so that session and module fixtures are guarded too.

    The CLI builds its `--data` default from vanban.cli.DEFAULT_DATA each time it parses; the library's
    functions bound vanban.pipeline.DEFAULT_DATA as a default argument when defined, so patching the
    name is not enough: every load goes through load_corpus, which is wrapped.
    """
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(vanban.cli, "DEFAULT_DATA", NO_DEFAULT_DATA)
        mp.setattr(vanban.pipeline, "DEFAULT_DATA", NO_DEFAULT_DATA)
        mp.setattr(vanban.pipeline, "load_corpus", _GUARD.wrap(vanban.pipeline.load_corpus))
        mp.setattr(vanban.load, "load_corpus", _GUARD.wrap(vanban.load.load_corpus))
        yield


@pytest.fixture
def live_data() -> Path:
    """The live data/ folder, readable for the length of one test: for tests/test_live_data.py only."""
    _GUARD.allow_live = True
    try:
        yield LIVE_DATA
    finally:
        _GUARD.allow_live = False


@pytest.fixture
def cli(capsys):
    """Run the CLI in-process on the test corpus; return (exit code, stdout, stderr).

    `--data CORPUS` is added unless the test gives its own `--data`.
    """

    def run(*args: str):
        argv = list(args)
        if not any(a == "--data" or a.startswith("--data=") for a in argv):
            argv += ["--data", str(CORPUS)]
        code = cli_main(argv)
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A copy of the test corpus that a test may change or break."""
    target = tmp_path / "data"
    shutil.copytree(CORPUS, target, ignore=shutil.ignore_patterns("README.md"))
    return target


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory) -> Path:
    """The test corpus built once with the real MkDocs, into a temporary folder."""
    out = tmp_path_factory.mktemp("corpus") / "site"
    build_site(CORPUS, out)
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
def site_url(corpus_site, serve) -> str:
    return serve(corpus_site)


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
