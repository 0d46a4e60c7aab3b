"""Every kind of page checked by axe-core (pinned in package.json, installed by `npm ci`) in headless Chromium, on
a desktop and on a 360 px phone: no serious or critical violation of WCAG 2.1 A and AA. A screenshot of each
page kind at each width is kept in the test's folder for a person to look at."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    "home": "index.html",
    "central document with coverage": "van-ban/04-nq-tw-2016.html",
    "document": "van-ban/160-bc-tu-hau-giang-2017.html",
    "central document": "van-ban/25-nq-tw-2013.html",
    "global graph": "do-thi.html",
    "search": "tim-kiem.html?q=dan+van",
    "study pack": "hoc-tap/04-nq-tw-2016.html",
    "report": "bao-cao-thuc-hien/04-nq-tw-2016.html",
    "issuers": "co-quan/index.html",
    "types": "theo-loai/index.html",
    "guide": "huong-dan/them-van-ban.html",
}


@contextmanager
def _page(browser, width: int) -> Iterator:
    """A page of its own browser context, the window `width` px wide."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        yield context.new_page()
    finally:
        context.close()


RUN = "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"


@pytest.mark.parametrize("width", [1366, 360])
def test_every_kind_of_page_passes_axe(browser, site_url, tmp_path: Path, width: int):
    assert AXE.is_file(), "axe-core missing: run `npm ci` (make test does)"
    with _page(browser, width) as p:
        found = {}
        for kind, path in PAGES.items():
            p.goto(f"{site_url}/{path}")
            p.wait_for_load_state("load")
            p.add_script_tag(path=str(AXE))
            result = p.evaluate(RUN)
            serious = [
                f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
                for v in result["violations"]
                if v["impact"] in ("serious", "critical")
            ]
            if serious:
                found[kind] = serious
            wide = p.evaluate("document.documentElement.scrollWidth")
            if wide > width:  # the page itself scrolls sideways: a wide table must scroll inside it
                found[kind] = [f"{wide} px wide at {width} px"]
            p.screenshot(path=str(tmp_path / f"{kind.replace(' ', '-')}-{width}.png"))
        assert found == {}


# Where the focus is, for the keyboard walk: the element, and whether it (or the label that stands for a hidden
# checkbox) shows a ring. A date field moves the focus through its day, month and year: one element.
FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const ring = (x) => { const s = getComputedStyle(x); return (s.outlineStyle !== 'none' && s.outlineWidth !== '0px')
    || s.boxShadow !== 'none'; };
  const label = e.labels && e.labels[0];
  const box = e.getBoundingClientRect();
  return {key: e.outerHTML.slice(0, 120), ring: ring(e) || (!!label && ring(label)),
          shown: box.width > 0 && box.height > 0 || !!label};
}"""


def _walk(p, presses: int = 40) -> tuple[list[str], list[str]]:
    """Tab through the page: the elements reached in order, and those that showed no focus ring."""
    reached: list[str] = []
    ringed: dict[str, bool] = {}
    for _ in range(presses):
        p.keyboard.press("Tab")
        at = p.evaluate(FOCUSED)
        if at is None:
            continue
        reached.append(at["key"])
        ringed[at["key"]] = ringed.get(at["key"], False) or (at["ring"] and at["shown"])
    return reached, [key for key, ok in ringed.items() if not ok]


def _tab_to(p, selector: str, presses: int = 60) -> None:
    for _ in range(presses):
        p.keyboard.press("Tab")
        if p.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"the keyboard never reaches {selector}")


def test_every_kind_of_page_works_with_the_keyboard_alone(browser, site_url):
    """Tab goes through every kind of page past its header and never sticks, each control it reaches shows where the
    focus is, and the main tasks are done with keys alone: search and open a result, switch a full text to its
    exact view, find a document in the global graph and open it."""
    with _page(browser, 1366) as p:
        for kind, path in PAGES.items():
            p.goto(f"{site_url}/{path}")
            p.wait_for_load_state("load")
            reached, no_ring = _walk(p)
            assert len(set(reached)) >= 8, (kind, reached)  # through the header and into the page
            assert no_ring == [], (kind, no_ring)
        p.goto(f"{site_url}/tim-kiem.html")
        _tab_to(p, "#vb-search-form input")
        p.keyboard.type("25-NQ/TW")
        p.keyboard.press("Enter")
        p.wait_for_selector("#vb-results a")
        _tab_to(p, "#vb-results a")
        with p.expect_navigation():
            p.keyboard.press("Enter")
        assert "/van-ban/25-nq-tw-" in p.url
        p.goto(f"{site_url}/van-ban/160-bc-tu-hau-giang-2017.html")
        _tab_to(p, ".vb-exact-toggle")
        p.keyboard.press("Space")
        assert p.is_checked(".vb-exact-toggle")
        p.goto(f"{site_url}/do-thi.html")
        p.wait_for_function("document.querySelector('.vb-graph-paint') !== null")
        _tab_to(p, "input[name=focus]")
        p.keyboard.type("04-NQ/TW")
        p.keyboard.press("Enter")
        _tab_to(p, ".vb-graph-paint")
        with p.expect_navigation():
            p.keyboard.press("Enter")
        assert p.url.endswith("/van-ban/04-nq-tw-2016.html")


def test_printed_pages_carry_the_text_and_none_of_the_controls(browser, site_url, tmp_path: Path):
    """Printed (as the browser prints, and as a PDF), a document page and a study pack keep their text (the
    relations, the tree, the chain of documents with their symbols) and drop navigation, graphs, view switches,
    date controls and buttons: the relation lists are the graph's text equivalent."""
    hidden = [".md-header", ".md-sidebar--primary", ".md-footer", ".vb-graph-canvas", ".vb-legend", ".vb-ondate"]
    hidden += [".vb-exact-label", ".vb-pack-actions"]
    shown = {
        "van-ban/25-nq-tw-2013.html": [".vb-rel", ".vb-tree", ".vb-timeline"],
        "hoc-tap/04-nq-tw-2016.html": [".vb-pack table"],
        "van-ban/160-bc-tu-hau-giang-2017.html": [".vb-fulltext"],
    }
    with _page(browser, 1366) as p:
        for path, wanted in shown.items():
            p.goto(f"{site_url}/{path}")
            p.wait_for_load_state("load")
            p.emulate_media(media="print")
            visible = {s: p.locator(s).first.is_visible() for s in [*hidden, *wanted] if p.locator(s).count()}
            assert [s for s in hidden if visible.get(s)] == [], path
            assert [s for s in wanted if not visible.get(s)] == [], path
            text = p.locator("article").inner_text()
            assert "04-NQ/TW" in text or "25-NQ/TW" in text  # links print as the documents' symbols
            p.pdf(path=str(tmp_path / (path.replace("/", "-") + ".pdf")))
            p.emulate_media(media="screen")
