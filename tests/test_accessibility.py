"""Every kind of page checked by axe-core (pinned in package.json, installed by `npm ci`) in headless Chromium, on
a desktop and on a 360 px phone: no serious or critical violation of WCAG 2.1 A and AA. A screenshot of each
page kind at each width is kept in the test's folder for a person to look at."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    "home": "index.html",
    "document": "van-ban/160-bc-tu-hau-giang-2017.html",
    "central document": "van-ban/25-nq-tw-2013.html",
    "global graph": "do-thi.html",
    "search": "tim-kiem.html?q=dan+van",
    "study pack": "hoc-tap/04-nq-tw-2016.html",
    "report": "bao-cao-thuc-hien/04-nq-tw-2016.html",
    "issuers": "co-quan/index.html",
    "types": "theo-loai/index.html",
    "guide": "huong-dan/index.html",
}
RUN = "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"


@pytest.mark.parametrize("width", [1366, 360])
def test_every_kind_of_page_passes_axe(browser, site_url, tmp_path: Path, width: int):
    assert AXE.is_file(), "axe-core missing: run `npm ci` (make test does)"
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        p = context.new_page()
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
            p.screenshot(path=str(tmp_path / f"{kind.replace(' ', '-')}-{width}.png"))
        assert found == {}
    finally:
        context.close()
