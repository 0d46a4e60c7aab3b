""" "Xem theo ngày" in headless Chromium: the day in the address (?ngay=) shows the knowledge base as it stood
then: documents issued later hidden, replacements not yet in effect not shown, the timeline to that day;
links keep the day, the form sets it, the global graph draws only what was issued by then."""

from __future__ import annotations


def _visible(p, selector: str) -> list[str]:
    return [node.inner_text() for node in p.locator(selector).all() if node.is_visible()]


def test_a_replaced_ordinance_before_and_after_the_law_took_effect(page, site_url):
    p = page.page
    p.goto(f"{site_url}/van-ban/34-2007-pl-ubtvqh11.html?ngay=2022-12-31")
    assert not p.locator(".vb-banner-replaced").is_visible()  # the law of 10/11/2022 took effect 01/07/2023
    assert _visible(p, ".vb-timeline li") == ["20/04/2007 · Ban hành"]
    assert p.locator(".vb-ondate-note").inner_text().startswith("Đang xem theo ngày 31/12/2022")
    assert "chưa, tại ngày đang xem" in p.locator("table.vb-card").inner_text()
    p.goto(f"{site_url}/van-ban/34-2007-pl-ubtvqh11.html?ngay=2023-07-01")
    assert p.locator(".vb-banner-replaced").is_visible()
    assert len(_visible(p, ".vb-timeline li")) == 3
    p.goto(f"{site_url}/van-ban/34-2007-pl-ubtvqh11.html")  # no day: as today, no note
    assert p.locator(".vb-banner-replaced").is_visible() and p.locator(".vb-ondate-note").count() == 0
    assert page.errors == []


def test_documents_issued_later_are_hidden_and_links_keep_the_day(page, site_url):
    p = page.page
    p.goto(f"{site_url}/van-ban/25-nq-tw-2013.html?ngay=2014-01-01")
    assert "2 văn bản liên quan ban hành sau ngày đó được ẩn" in p.locator(".vb-ondate-note").inner_text()
    shown = _visible(p, ".vb-rel li")
    assert len(shown) == 1 and not any("160-BC/TU" in s for s in shown)
    link = p.locator(".vb-rel a.vb-doclink").first.get_attribute("href")
    assert link.endswith("?ngay=2014-01-01")


def test_the_form_puts_the_day_into_the_address(page, site_url):
    p = page.page
    p.goto(f"{site_url}/van-ban/25-nq-tw-2013.html")
    p.fill("form.vb-ondate input[name=ngay]", "2016-01-01")
    p.click("form.vb-ondate button[type=submit]")
    p.wait_for_url("**/25-nq-tw-2013.html?ngay=2016-01-01")
    assert p.locator(".vb-ondate-note").is_visible()
    p.click("form.vb-ondate .vb-ondate-clear")
    p.wait_for_url("**/25-nq-tw-2013.html")


def test_the_global_graph_on_a_day_draws_only_what_was_issued_by_then(page, site_url):
    p = page.page
    p.goto(f"{site_url}/do-thi.html?ngay=2013-12-31")
    p.wait_for_selector(".vb-graph[data-graph=global][data-state=ready]", timeout=15_000)
    ids = p.evaluate("VB_GRAPH.instances.global.nodes()")
    assert "25-nq-tw-2013" in ids and "04-nq-tw-2016" not in ids and "10-2022-qh15" not in ids
    assert p.locator("#vb-graph-status").inner_text().startswith("Theo ngày 31/12/2013: ")
    assert page.errors == []
