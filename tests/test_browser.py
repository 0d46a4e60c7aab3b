"""What a reader sees and does, in headless Chromium against the site served on 127.0.0.1."""

from __future__ import annotations

import shutil


def test_document_page_reads_and_navigates_without_leaving_the_machine(page, site_url):
    p = page.page
    p.goto(f"{site_url}/van-ban/160-bc-tu-hau-giang-2017.html")
    assert p.locator("h1").first.inner_text().startswith("Báo cáo 160-BC/TU")
    assert "Ban Thường vụ Tỉnh ủy Hậu Giang" in p.locator("table.vb-card").inner_text()
    assert p.locator('h4[data-relation="bao-cao-ket-qua"]').first.inner_text() == "Báo cáo kết quả thực hiện (8)"
    assert p.locator(".vb-fulltext").inner_text().startswith("Số 160 - BC/TU")
    # The reader follows a relation to the dispatch that carries the report out.
    p.locator('section[data-direction="in"] a', has_text="1185/UBND-TH").first.click()
    p.wait_for_url("**/1185-ubnd-th-hau-giang-2017.html")
    assert p.locator("h1").first.inner_text().startswith("Công văn 1185/UBND-TH")
    assert page.errors == []
    assert any(u.endswith(".css") for u in page.requests), "the request watcher saw nothing"
    assert page.off_machine() == []


def test_replaced_banner_is_visible_and_leads_to_the_replacement(page, site_url):
    p = page.page
    p.goto(f"{site_url}/van-ban/34-2007-pl-ubtvqh11.html")
    banner = p.locator(".vb-banner-replaced")
    assert banner.is_visible()
    assert "hết hiệu lực từ ngày 01/07/2023" in banner.inner_text()
    banner.locator("a", has_text="10/2022/QH15").click()
    p.wait_for_url("**/10-2022-qh15.html")
    assert "Luật Thực hiện dân chủ ở cơ sở" in p.locator(".vb-title").inner_text()
    assert page.off_machine() == []


def test_home_offers_ways_in_and_the_trees(page, site_url):
    p = page.page
    p.goto(f"{site_url}/index.html")
    assert p.locator(".vb-lead").is_visible()
    tree = p.locator(".vb-tree").filter(has_text="04-NQ/TW").first
    assert "79-CT/TU (2017)" in tree.inner_text() and "sau 100 ngày" in tree.inner_text()
    p.locator(".md-tabs a", has_text="Theo cơ quan").click()
    p.wait_for_url("**/co-quan/index.html")
    assert p.locator("a", has_text="Tỉnh ủy Hậu Giang").first.is_visible()
    assert page.errors == [] and page.off_machine() == []


def test_pages_open_from_a_folder_without_a_server(page, corpus_site, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(corpus_site, copy)
    p = page.page
    p.goto((copy / "van-ban" / "04-nq-tw-2016.html").as_uri())
    p.locator("section[data-direction='in'] a", has_text="79-CT/TU").first.click()
    p.wait_for_url("**/79-ct-tu-hau-giang-2017.html")
    assert "Chương trình hành động 79-CT/TU" in p.locator("h1").first.inner_text()
    assert page.off_machine() == []


def test_a_citation_in_the_full_text_opens_the_cited_document(page, site_url):
    p = page.page
    p.goto(f"{site_url}/van-ban/160-bc-tu-hau-giang-2017.html")
    cite = p.locator(".vb-fulltext a.vb-cite", has_text="Pháp lệnh số 34/2007/PL-UBTVQH11")
    assert cite.is_visible()
    cite.click()
    p.wait_for_url("**/34-2007-pl-ubtvqh11.html")
    assert p.locator(".vb-banner-replaced").is_visible()
    assert page.errors == [] and page.off_machine() == []
