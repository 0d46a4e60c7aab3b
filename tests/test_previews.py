"""Preview cards in headless Chromium: a link to a document, hovered, focused or (on a touch screen) opened by
its handle, shows the document's type, symbol, date, issuer, status and title, from the site's own files."""

from __future__ import annotations

import json

from tests.conftest import CORPUS

CARD = "#vb-peek"


def _card(p) -> str:
    p.locator(CARD).wait_for(state="visible", timeout=5_000)
    return p.locator(CARD).inner_text()


def test_hovering_a_link_shows_the_card_with_the_status(page, site_url):
    p = page.page
    p.goto(f"{site_url}/van-ban/10-2022-qh15.html")
    p.locator('.md-content a[href$="34-2007-pl-ubtvqh11.html"]').first.hover()
    text = _card(p)
    assert text.splitlines()[:3] == [
        "Pháp lệnh 34/2007/PL-UBTVQH11",
        "20/04/2007 · Ủy ban Thường vụ Quốc hội",
        "Được thay thế bởi 10/2022/QH15 (2022)",
    ]
    assert "Thực hiện dân chủ ở xã, phường, thị trấn" in text
    p.mouse.move(1, 1)
    p.locator(CARD).wait_for(state="hidden")
    assert page.errors == [] and page.off_machine() == []


def test_the_keyboard_opens_and_closes_the_card(page, site_url):
    p = page.page
    p.goto(f"{site_url}/van-ban/160-bc-tu-hau-giang-2017.html")
    link = p.locator('.md-content a[href$="04-nq-tw-2016.html"]').first
    link.focus()
    assert _card(p).startswith("Nghị quyết 04-NQ/TW\n30/10/2016 · Ban Chấp hành Trung ương Đảng")
    assert link.get_attribute("aria-describedby") == "vb-peek"
    p.keyboard.press("Escape")
    p.locator(CARD).wait_for(state="hidden")


def test_unverified_facts_are_marked_on_the_card(page, site_url):
    p = page.page
    p.goto(f"{site_url}/van-ban/114-kl-tw-2015.html")
    p.locator('.md-content a[href$="1613-ubnd-kgvx-dak-nong-2018.html"]').first.hover()
    assert "Có thông tin chưa xác minh" in _card(p)


def test_a_touch_screen_opens_the_card_by_its_handle_from_a_folder(browser, corpus_site):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    try:
        p = context.new_page()
        p.goto((corpus_site / "van-ban" / "160-bc-tu-hau-giang-2017.html").as_uri())
        handle = p.locator('.md-content a[href$="290-qd-tw-2010.html"] + .vb-peek-handle').first
        handle.tap()
        assert _card(p).startswith("Quyết định 290-QĐ/TW")
        assert p.url.endswith("160-bc-tu-hau-giang-2017.html")  # the handle opens the card, not the page
        handle.tap()
        p.locator(CARD).wait_for(state="hidden")
    finally:
        context.close()


def test_preview_files_are_few_and_hold_every_document(corpus_site):
    files = sorted(p.name for p in (corpus_site / "preview").iterdir())
    assert files == ["0.js", "meta.js"]  # 25 documents: one shard
    shard = (corpus_site / "preview" / "0.js").read_text(encoding="utf-8")
    cards = json.loads(shard.removeprefix("VB_PREVIEW.shard(").removesuffix(");\n"))
    assert sorted(cards) == sorted(p.stem for p in (CORPUS / "documents").glob("*.yaml"))
    assert cards["25-nq-tw-2003"][:3] == ["Nghị quyết", "25-NQ/TW", "năm 2003"]  # a date known to the year only


def test_the_card_stays_while_the_pointer_moves_onto_it(page, site_url):
    p = page.page
    p.goto(f"{site_url}/van-ban/10-2022-qh15.html")
    p.locator('.md-content a[href$="34-2007-pl-ubtvqh11.html"]').first.hover()
    _card(p)
    box = p.locator(CARD).bounding_box()
    p.mouse.move(box["x"] + 20, box["y"] + box["height"] / 2, steps=5)  # WCAG 1.4.13: the card can be hovered
    p.wait_for_timeout(600)
    assert p.locator(CARD).is_visible()
    p.mouse.move(1, 1)
    p.locator(CARD).wait_for(state="hidden")
