"""Data that tries to run script: every text field of the corpus carries markup, Markdown, Jinja and
line separators, the site is built once, and nothing of it may run or vanish.

The site is served with a report-only Content-Security-Policy that lets scripts come from the site's
own files and nowhere else, so that any script from data (an inline <script>, an on… attribute, a
`javascript:` link) is reported, whether or not it calls alert(); alert, confirm and prompt are
trapped as well. The built HTML is also read statically for attributes and links that data made.
"""

from __future__ import annotations

import csv
import functools
import http.server
import io
import json
import re
import shutil
import threading
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest
import yaml

from tests.conftest import CORPUS
from vanban.pipeline import build_site
from vanban.problems import BuildError
from vanban.site.packs import pack_path, report_path
from vanban.site.paths import doc_path, issuer_page, safe, term_page, topic_page, type_page
from vanban.symbols import expected_id

# One string of every trick; each field gets it behind a tag of its own ("TITLE-04-nq-tw-2016 …"),
# so that a failure says where the data came from.
PAYLOAD = (
    "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) "
    '*x*{: onmouseover=alert(4) } "><svg onload=alert(5)> {{ config }}{% if 1 %}jinja{% endif %} '
    "</script><script>alert(6)</script> a\u2028b\u2029c <!--vb:end--> <javascript:alert(7)> "
    "'><a href=javascript:alert(8)>y</a> &lt;b onmouseover=alert(9)&gt; [z]: javascript:alert(10) "
    '![i](x" onerror="alert(11)) =HYPERLINK("http://x")'
)
# What must be seen as text wherever a payload is shown whole.
VISIBLE = ["<script>alert(1)</script>", "[x](javascript:alert(3))", "*x*{: onmouseover=alert(4) }", "{{ config }}"]
# A symbol with markup in the part the loader leaves free (it warns about the pattern, no more).
SYMBOL = "99-NQ/TW [x](javascript:alert(3)) *x*{: onmouseover=alert(4) } <img src=x onerror=alert(2)>"
SYMBOL_ID = expected_id(SYMBOL, 2016, None)
IMPLEMENTER_ID = "98-ctr-tu-hau-giang-2017"
# A draft whose issuer is not known: payloads in every text its `draft:` block holds.
DRAFT_ID = "97-tb-ubnd-hau-giang-2017"
# Material's own inline scripts (base.html) and the pack page's print button: the only inline
# script a page may have. A violation whose sample is anything else came from data.
OURS = ("__md_scope=new URL(", "var target=document.getElementById(", "window.print()")
CSP = "script-src 'self' 'report-sample'; object-src 'none'; base-uri 'self'; report-uri /csp-report"


def pay(tag: str) -> str:
    return f"{tag} {PAYLOAD}"


def _dump(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def payload_corpus(dst: Path) -> Path:
    """A copy of the test corpus with a payload in every text field the loader accepts it in."""
    shutil.copytree(CORPUS, dst, ignore=shutil.ignore_patterns("README.md"))
    for path in sorted((dst / "documents").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        i = path.stem
        doc.update(
            title=pay(f"TITLE-{i}"),
            place=pay(f"PLACE-{i}"),
            signer={"name": pay(f"SIGNER-{i}"), "capacity": pay(f"CAPACITY-{i}")},
            aliases=[pay(f"ALIAS-{i}")],
            topics=[pay("TOPIC")],
            notes=[pay(f"NOTE-{i}")],
            key_points=[pay(f"KEYPOINT-{i}")],
            questions=[pay(f"QUESTION-{i}")],
            date_note=pay(f"DATENOTE-{i}"),
        )
        doc["sources"] = [*doc.get("sources", []), {"site": pay("SITE"), "path": pay("PATH"), "note": pay("SRCNOTE")}]
        for rel in doc.get("relations") or []:
            rel.update(note=pay(f"RELNOTE-{i}"), place=pay(f"RELPLACE-{i}"))
        if i == "25-nq-tw-2003":
            doc["term"] = pay("TERM")  # not a Roman numeral: a warning, and a page of its own
        _dump(path, doc)
    issuers = yaml.safe_load((dst / "issuers.yaml").read_text(encoding="utf-8"))
    for key, issuer in issuers.items():
        issuer.update(name=pay(f"ISSUER-{key}"), short=pay(f"SHORT-{key}"))
        if "became" in issuer:
            issuer["became"].update(text=pay(f"BECAME-{key}"), source=pay("BECAMESRC"))
    _dump(dst / "issuers.yaml", issuers)
    sources = yaml.safe_load((dst / "sources.yaml").read_text(encoding="utf-8"))
    for key, source in sources.items():
        source.update(title=pay(f"SOURCE-{key}"), note=pay(f"SOURCENOTE-{key}"))
    _dump(dst / "sources.yaml", sources)
    regions = yaml.safe_load((dst / "regions.yaml").read_text(encoding="utf-8"))
    _dump(dst / "regions.yaml", {k: "Tỉnh " + pay(f"REGION-{k}") for k in regions})
    for text in (dst / "texts").glob("*.txt"):  # the citations in between still resolve and link
        text.write_text(
            pay("FULLTEXT") + "\n\n" + text.read_text(encoding="utf-8") + "\n" + pay("FULLTEXTEND"), encoding="utf-8"
        )
    # A central document with markup in its symbol, and a document that carries it out, so that the
    # symbol heads a tree on the home page (a Markdown heading) and is a node of the graphs.
    _dump(
        dst / "documents" / f"{SYMBOL_ID}.yaml",
        {
            "symbol": SYMBOL,
            "type": "nghi-quyet",
            "issuer": "bch-tw",
            "date": "2016-11-01",
            "title": pay("NEWTITLE"),
            "topics": [pay("TOPIC")],
            "key_points": [pay("NEWKEYPOINT")],
            "sources": ["seed"],
        },
    )
    _dump(
        dst / "documents" / f"{IMPLEMENTER_ID}.yaml",
        {
            "symbol": "98-CTr/TU",
            "type": "chuong-trinh",
            "issuer": "tinh-uy-hau-giang",
            "date": "2017-01-01",
            "title": pay("IMPLTITLE"),
            "sources": ["seed"],
            "relations": [{"type": "thuc-hien", "target": SYMBOL_ID, "note": pay("NEWRELNOTE")}],
        },
    )
    _dump(
        dst / "documents" / f"{DRAFT_ID}.yaml",
        {
            "symbol": "97/TB-UBND",
            "type": "thong-bao",
            "date": "2017-03-01",
            "title": pay("DRAFTTITLE"),
            "sources": ["seed"],
            "draft": {
                "reader": pay("READER"),
                "file": pay("DRAFTFILE"),
                "original": f"{DRAFT_ID}.pdf",
                "issuer_text": pay("ISSUERTEXT"),
                "fields": {"title": {"confidence": 0.5, "reason": pay("REASON")}, "symbol": {"confidence": 0.9}},
                "relations": [
                    {
                        "type": "thuc-hien",
                        "target": "04-nq-tw-2016",
                        "cited": pay("CITED"),
                        "sentence": pay("SENTENCE"),
                    },
                    {"type": "can-cu", "target": pay("TARGET"), "cited": pay("UNRESOLVED"), "sentence": pay("SENT2")},
                ],
            },
        },
    )
    (dst / "originals").mkdir()
    (dst / "originals" / f"{DRAFT_ID}.pdf").write_bytes(b"%PDF-1.4\n")
    return dst


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("injection")
    out = root / "site"
    build_site(payload_corpus(root / "data"), out)
    return out


# -- paths: never from an unchecked key ------------------------------------------------------------


@pytest.mark.parametrize("key", ["../index", "index", "a/b", "", "A", "x\n", "-x", "a--b", "x" * 201, "%2e%2e"])
def test_a_key_that_is_not_a_slug_never_names_a_page(key):
    for make in (doc_path, issuer_page, type_page, pack_path, report_path, safe):
        with pytest.raises(ValueError):
            make(key)
    with pytest.raises(BuildError):  # to the CLI: a build error, exit 1, no traceback
        issuer_page(key)


def test_free_text_names_a_page_by_a_slug_that_is_always_safe():
    assert topic_page("xây dựng Đảng") == "chu-de/xay-dung-dang.md"  # as before
    assert term_page("XII") == "theo-khoa/xii.md"
    for text in ("../../index", "Index", "!!!", "", "<script>", "chủ đề " * 100, "../" * 50):
        for make, folder in ((topic_page, "chu-de/"), (term_page, "theo-khoa/")):
            path = make(text)
            name = path.removeprefix(folder).removesuffix(".md")
            assert path.startswith(folder) and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name), path
            assert name != "index" and len(name) <= 90, path
    assert topic_page("a " * 100 + "x") != topic_page("a " * 100 + "y")  # cut, but still unique


# -- static: the built files ---------------------------------------------------------------------


class _Scan(HTMLParser):
    """Elements, attributes and links that only data could have put into a page."""

    def __init__(self, name: str):
        super().__init__(convert_charrefs=True)
        self.name = name
        self.found: list[str] = []
        self.script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            value = value or ""
            # A URL scheme ignores leading spaces and control characters, and case.
            scheme = re.sub(r"[\x00-\x20]", "", value).lower()
            if key in ("href", "src", "action", "formaction", "data") and scheme.startswith(
                ("javascript:", "vbscript:")
            ):
                self.found.append(f"{self.name}: <{tag} {key}={value[:60]!r}>")
            if key.startswith("on") and key != "onclick":
                self.found.append(f"{self.name}: <{tag} {key}={value[:60]!r}>")
            if key == "onclick" and value != "window.print()":  # the pack page's button, ours
                self.found.append(f"{self.name}: <{tag} {key}={value[:60]!r}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.found.append(f"{self.name}: <img src=x>")
        self.script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self.script = False

    def handle_data(self, data: str) -> None:
        if self.script and "alert(" in data:
            self.found.append(f"{self.name}: <script>{data[:60]!r}")


def test_no_page_carries_a_script_link_or_handler_from_data(payload_site):
    pages = sorted(payload_site.rglob("*.html"))
    assert len(pages) > 100, "the payload site was not built"
    found = []
    for path in pages:
        scan = _Scan(str(path.relative_to(payload_site)))
        scan.feed(path.read_text(encoding="utf-8"))
        found += scan.found
    assert found == []
    # …and the payloads are there, as text: the test would pass on a site that dropped them.
    home = (payload_site / "index.html").read_text(encoding="utf-8")
    # The symbol's heading is Markdown: every punctuation character in it is a character reference.
    assert "&#91;x&#93;&#40;javascript&#58;alert&#40;3&#41;&#41;" in home
    doc = (payload_site / "van-ban" / "04-nq-tw-2016.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in doc and "*x*{: onmouseover=alert(4) }" in doc


def test_no_page_path_comes_from_unchecked_data(payload_site):
    for path in payload_site.rglob("*"):
        rel = path.relative_to(payload_site).as_posix()
        assert re.fullmatch(r"[A-Za-z0-9._/-]+", rel), rel
        assert len(path.name.encode()) < 120, rel  # a long topic is cut, with a hash to keep it unique
    topics = list((payload_site / "chu-de").glob("topic-*.html"))
    assert len(topics) == 1, topics


def test_data_scripts_cannot_end_a_script_element(payload_site):
    """Search and graph data are JSON in .js files: `<`, U+2028 and U+2029 as escapes, and still the same data."""
    files = [*payload_site.glob("search-data/d/*.js"), *payload_site.glob("graph-data/**/*.js")]
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "<" not in text and "\u2028" not in text and "\u2029" not in text, path
    doc = next(p for p in payload_site.glob("search-data/d/*.js") if '"id":"04-nq-tw-2016"' in p.read_text())
    body = doc.read_text(encoding="utf-8")
    data = json.loads(body[body.index("(") + 1 : body.rindex(")")])
    assert data["title"] == pay("TITLE-04-nq-tw-2016")


def test_report_csv_cells_are_not_formulas(payload_site):
    rows = list(csv.reader(io.StringIO((payload_site / "bao-cao-thuc-hien" / "04-nq-tw-2016.csv").read_text())))
    cells = [c for row in rows for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")], cells
    assert any(c.startswith("Tỉnh REGION-") for c in cells)


# -- in Chromium -----------------------------------------------------------------------------------


class _CSPHandler(http.server.SimpleHTTPRequestHandler):
    reports: ClassVar[list[dict]] = []  # every report posted, for the test that is running

    def end_headers(self):
        self.send_header("Content-Security-Policy-Report-Only", CSP)
        super().end_headers()

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        try:
            self.reports.append(json.loads(body))
        except ValueError:
            self.reports.append({"unreadable": body[:200].decode("utf-8", "replace")})
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def csp_url(payload_site):
    handler = functools.partial(_CSPHandler, directory=str(payload_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


# Installed before any script of the page: dialogs are recorded instead of shown, and every CSP
# violation (report-only: the page still runs) is recorded with what was blocked.
TRAPS = """
window.__alerts = [];
for (const name of ["alert", "confirm", "prompt"]) {
  window[name] = function (message) { window.__alerts.push(name + ": " + String(message)); };
}
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push({directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample || ""});
});
"""


def foreign(violations: list[dict]) -> list[dict]:
    """Violations that are not Material's inline scripts or our print button: script from data."""
    return [v for v in violations if not (v.get("blocked") == "inline" and v.get("sample", "").startswith(OURS))]


@pytest.fixture
def guarded(page, csp_url):
    _CSPHandler.reports.clear()
    p = page.page
    dialogs: list[str] = []
    p.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    p.add_init_script(TRAPS)
    seen: list[str] = []

    def check(url: str, must_show: str | None = None) -> None:
        """Open url (or check the page as it is, url=""), then assert that nothing ran."""
        if url:
            p.goto(url)
            p.wait_for_load_state("load")
        seen.append(p.url)
        # Hover every piece of text from data: an on-mouseover handler, if any got through, fires.
        for selector in (".vb-title", "h1", "h3", ".vb-card td", ".vb-tree a", ".vb-notes li"):
            loc = p.locator(f"article {selector}")
            if loc.count():
                loc.first.hover()
        assert p.evaluate("window.__alerts") == [], p.url
        assert dialogs == [], p.url
        assert foreign(p.evaluate("window.__violations")) == [], p.url
        if must_show is not None:
            text = p.locator("article").inner_text()
            assert must_show in text, f"{must_show!r} not shown on {p.url}"
            for visible in VISIBLE:
                assert visible in text, f"{visible!r} not shown on {p.url}"

    yield check, p
    # Only the report-only warnings of Material's inline scripts may reach the console.
    errors = [m for m in page.errors if not m.startswith("[Report Only]")]
    assert errors == [], errors
    assert page.off_machine() == []
    # The reports Chromium posted to the policy's report-uri, as a second witness. Material's
    # inline scripts make at least one a page; they arrive shortly after the page has run.
    p.wait_for_timeout(200)
    for _ in range(20):
        if _CSPHandler.reports:
            break
        p.wait_for_timeout(100)
    reports = [r.get("csp-report", r) for r in _CSPHandler.reports]
    assert reports, "no report arrived: the policy was not applied, and the test proved nothing"
    posted = [{"blocked": r.get("blocked-uri", ""), "sample": r.get("script-sample", "")} for r in reports]
    assert foreign(posted) == [], seen


def _hover_node(p, kind: str) -> str:
    """Move the mouse onto a node of a drawn graph; return the hover card's text."""
    p.wait_for_selector(f".vb-graph[data-graph={kind}][data-state=ready]", timeout=15_000)
    canvas = p.locator(f".vb-graph[data-graph={kind}] .vb-graph-canvas")
    canvas.evaluate("el => el.scrollIntoView({block: 'center', behavior: 'instant'})")
    p.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    box = canvas.bounding_box()
    if kind == "global":  # vanban's own canvas (vanban-globalgraph.js)
        x, y = p.evaluate(
            "() => { const g = VB_GRAPH.instances.global; const id = g.nodes().find(i => g.card(i).title)"
            " || g.nodes()[0]; return g.screen(id); }"
        )
    else:
        x, y = p.evaluate(
            "kind => { const g = VB_GRAPH.instances[kind]; const n = g.nodes().filter(n => n.data('title'))[0]"
            " || g.nodes()[0]; const r = n.renderedPosition(); return [r.x, r.y]; }",
            kind,
        )
    p.mouse.move(box["x"] + x, box["y"] + y)
    tip = p.locator(f".vb-graph[data-graph={kind}] .vb-graph-tip")
    tip.wait_for(state="visible")
    return tip.inner_text()


def test_home_and_document_pages_show_the_payloads_as_text(guarded, csp_url):
    check, p = guarded
    check(f"{csp_url}/index.html", "99-NQ/TW [x](javascript:alert(3))")
    heading = p.locator("article h3", has_text="99-NQ/TW").inner_text()
    assert heading == f"{SYMBOL} (2016)"
    assert p.locator("article h3 a, article h3 em, article h3 img").count() == 0
    # A document with a full text, relations both ways, notes, sources; its graph hovered.
    check(f"{csp_url}/van-ban/160-bc-tu-hau-giang-2017.html", "FULLTEXT <script>alert(1)</script>")
    assert "FULLTEXTEND" in p.locator(".vb-fulltext").inner_text()
    assert p.locator(".vb-fulltext a.vb-cite").count() > 0  # citations still link between the payloads
    for tag in ("PLACE-", "SIGNER-", "CAPACITY-", "ALIAS-", "NOTE-", "SRCNOTE", "RELNOTE-", "RELPLACE-", "ISSUER-"):
        assert tag in p.locator("article").inner_text(), tag
    assert "TITLE-" in _hover_node(p, "local")
    check("")
    # A central document: the implementation view, the issuer's later name, its topic.
    check(f"{csp_url}/van-ban/25-nq-tw-2013.html", "TITLE-25-nq-tw-2013")
    assert "<script>alert(1)</script>" in _hover_node(p, "impl")
    check("")
    check(f"{csp_url}/van-ban/02-cv-bdvtw-2017.html", "BECAME-ban-dan-van-tw")
    check(f"{csp_url}/van-ban/{SYMBOL_ID}.html", "NEWTITLE")
    assert p.locator("h1").first.inner_text().startswith(f"Nghị quyết {SYMBOL}")
    # The page title (front matter) goes into <title> and the header, which Material prints unescaped.
    assert p.title().startswith(f"Nghị quyết {SYMBOL} (2016)")
    assert f"Nghị quyết {SYMBOL} (2016)" in p.locator(".md-header__topic").last.text_content()
    check(f"{csp_url}/co-quan/bch-tw.html")
    assert p.title().startswith(pay("ISSUER-bch-tw").replace("\u2028", " ").replace("\u2029", " ")[:60])


def test_a_draft_page_shows_its_draft_texts_as_text(guarded, csp_url):
    check, p = guarded
    check(f"{csp_url}/van-ban/{DRAFT_ID}.html", "REASON <script>alert(1)</script>")
    banner = p.locator("article .vb-banner-draft").inner_text()
    for tag in ("READER", "DRAFTFILE", "ISSUERTEXT", "REASON"):
        assert f"{tag} <script>alert(1)</script>" in banner, tag
    suggestions = p.locator("article ul.vb-suggest").inner_text()
    for tag in ("CITED", "SENTENCE", "UNRESOLVED", "SENT2"):
        assert f"{tag} <script>alert(1)</script>" in suggestions, tag
    assert p.locator("article ul.vb-suggest a").count() == 1  # only the resolved target is a link
    assert p.locator("article .vb-card a[href$='.pdf']").get_attribute("href") == f"../ban-goc/{DRAFT_ID}.pdf"
    check(f"{csp_url}/co-quan/chua-xac-dinh.html", "DRAFTTITLE")


def test_every_kind_of_index_page(guarded, csp_url):
    check, p = guarded
    for folder in ("theo-loai", "co-quan", "theo-nam", "theo-khoa", "chu-de"):
        check(f"{csp_url}/{folder}/index.html")
        links = p.locator("article ul.vb-groups a")
        assert links.count() > 0, folder
        # Each group page: the first, and the one whose name is a payload where there is one.
        targets = {links.first.get_attribute("href")}
        with_payload = p.locator("article ul.vb-groups a", has_text="<script>alert(1)</script>")
        if with_payload.count():
            targets.add(with_payload.first.get_attribute("href"))
        for href in targets:
            check(f"{csp_url}/{folder}/{href}", "TITLE-")
    check(f"{csp_url}/co-quan/bch-tw.html", "ISSUER-bch-tw <script>alert(1)</script>")
    assert p.locator("h1").first.inner_text().startswith("ISSUER-bch-tw <script>alert(1)</script>")
    check(f"{csp_url}/theo-khoa/index.html", "Khóa TERM <script>alert(1)</script>")
    check(f"{csp_url}/chu-de/index.html", "TOPIC <script>alert(1)</script>")


def test_search_finds_the_payload_documents_and_shows_them_as_text(guarded, csp_url):
    check, p = guarded
    p.goto(f"{csp_url}/tim-kiem.html?q=javascript%20alert%20onmouseover")
    p.wait_for_selector("#vb-search-page[data-state=done]", timeout=15_000)
    results = p.locator(".vb-result")
    assert results.count() > 5
    check("", "TITLE-")
    assert p.locator(".vb-r-title mark").count() > 0  # highlighting still works inside the payload
    p.goto(f"{csp_url}/tim-kiem.html?q=99-NQ/TW")
    p.wait_for_selector("#vb-search-page[data-state=done]", timeout=15_000)
    assert p.locator(".vb-r-symbol").first.inner_text() == SYMBOL
    check("")


def test_preview_card_shows_data_as_text(guarded, csp_url):
    check, p = guarded
    p.goto(f"{csp_url}/van-ban/04-nq-tw-2016.html")
    link = p.locator(".md-content a.vb-doclink").first
    link.hover()
    card = p.locator("#vb-peek")
    card.wait_for(state="visible", timeout=5_000)
    assert "<script>alert(1)</script>" in card.inner_text()
    check("")


def test_global_graph_hover_and_focus(guarded, csp_url):
    check, p = guarded
    p.goto(f"{csp_url}/do-thi.html")
    assert "<script>alert(1)</script>" in _hover_node(p, "global")
    p.fill("#vb-graph-filters input[name=focus]", "04-NQ/TW")
    p.press("#vb-graph-filters input[name=focus]", "Enter")
    p.wait_for_function("VB_GRAPH.instances.global.focused() !== null")
    assert "TITLE-04-nq-tw-2016 <script>alert(1)</script>" in p.locator("#vb-graph-status").inner_text()
    topics = p.locator("#vb-graph-filters select[name=topic] option")
    assert any("<script>alert(1)</script>" in t for t in topics.all_inner_texts())
    check("")


def test_study_pack_report_and_guide_pages(guarded, csp_url):
    check, p = guarded
    check(f"{csp_url}/hoc-tap/index.html", "TITLE-04-nq-tw-2016")
    check(f"{csp_url}/hoc-tap/04-nq-tw-2016.html", "KEYPOINT-04-nq-tw-2016")
    assert "QUESTION-04-nq-tw-2016 <script>alert(1)</script>" in p.locator("article").inner_text()
    check(f"{csp_url}/hoc-tap/{SYMBOL_ID}.html", "NEWKEYPOINT")
    check(f"{csp_url}/bao-cao-thuc-hien/index.html", "TITLE-")
    check(f"{csp_url}/bao-cao-thuc-hien/04-nq-tw-2016.html", "REGION-")
    for guide in ("them-van-ban", "ma-van-de", "kien-truc"):
        check(f"{csp_url}/huong-dan/{guide}.html")
    check(f"{csp_url}/404.html")
