"""Search as Vietnamese users type it, in headless Chromium against the built site."""

from __future__ import annotations

import shutil
import unicodedata
from urllib.parse import quote

import pytest

from vanban.site.search_index import encode_postings, tokens


def results(page, base: str, query: str) -> list[str]:
    """Open the shareable search URL and return the results' first lines."""
    p = page.page
    p.goto(f"{base}/tim-kiem.html?q={quote(query)}")
    p.wait_for_selector("#vb-search-page[data-state=done], #vb-search-page[data-state=error]", timeout=15_000)
    return [item.inner_text().split("\n")[0] for item in p.locator(".vb-result").all()]


def test_symbol_puts_the_2013_resolution_first(page, site_url):
    found = results(page, site_url, "25-NQ/TW")
    assert found[0] == "Nghị quyết 25-NQ/TW (2013)"
    assert {"Nghị quyết 25-NQ/TW (2008)", "Nghị quyết 25-NQ/TW (2003)"} <= set(found[:3])


def test_recurring_state_symbol_shows_both_years(page, site_url):
    found = results(page, site_url, "16/CT-TTg")
    assert set(found[:2]) == {"Chỉ thị 16/CT-TTg (2016)", "Chỉ thị 16/CT-TTg (2020)"}
    assert results(page, site_url, "16/CT-TTg 2020")[0] == "Chỉ thị 16/CT-TTg (2020)"


@pytest.mark.parametrize(
    "query",
    [
        "NQ 25",
        "nghi quyet 25",
        "nghị quyết 25",
        "Nghị quyết Trung ương 7 khóa XI",
        "25 - NQ/TƯ",
        unicodedata.normalize("NFD", "Nghị quyết Trung ương 7 khóa XI"),
    ],
)
def test_short_forms_and_names_put_25_nq_tw_2013_in_the_top_3(page, site_url, query):
    assert "Nghị quyết 25-NQ/TW (2013)" in results(page, site_url, query)[:3]


@pytest.mark.parametrize(
    "query", ["dan van kheo", "dân vận khéo", unicodedata.normalize("NFD", "dân vận khéo"), "DÂN VẬN KHÉO"]
)
def test_words_with_or_without_diacritics_and_in_nfd_find_dan_van_kheo(page, site_url, query):
    found = results(page, site_url, query)
    assert found and found[0] == "Báo cáo 160-BC/TU (2017)"
    snippet = page.page.locator(".vb-result .vb-r-snippet").first
    marked = [m.inner_text() for m in snippet.locator("mark").all()]
    assert marked[marked.index("Dân") : marked.index("Dân") + 3] == ["Dân", "vận", "khéo"]


def test_ordinance_by_name_shows_its_replaced_status(page, site_url):
    found = results(page, site_url, "Pháp lệnh 34")
    assert found[0] == "Pháp lệnh 34/2007/PL-UBTVQH11 (2007)"
    first = page.page.locator(".vb-result").first
    assert first.locator(".vb-r-status").inner_text() == "Được thay thế bởi 10/2022/QH15 (2022)"


def test_a_result_shows_type_symbol_date_issuer_and_links_to_the_page(page, site_url):
    results(page, site_url, "Pháp lệnh 34")
    first = page.page.locator(".vb-result").first
    assert first.locator(".vb-r-type").inner_text().strip() == "Pháp lệnh"
    assert first.locator(".vb-r-symbol").inner_text() == "34/2007/PL-UBTVQH11"
    assert first.locator(".vb-r-meta").inner_text() == "20/04/2007 · Ủy ban Thường vụ Quốc hội"
    assert [m.inner_text() for m in first.locator("mark").all()][:3] == ["Pháp", "lệnh", "34"]
    first.locator("a.vb-r-link").click()
    page.page.wait_for_url("**/van-ban/34-2007-pl-ubtvqh11.html")
    assert page.errors == [] and page.off_machine() == []


def test_typing_updates_the_address_so_a_search_can_be_shared(page, site_url):
    p = page.page
    p.goto(f"{site_url}/tim-kiem.html")
    p.locator("#vb-q").click()
    p.keyboard.type("QĐ 290")
    # The address follows the typing: wait for the whole query, not for its first letters.
    p.wait_for_function("location.search.includes('q=Q%C4%90%20290')")
    assert "q=Q%C4%90%20290" in p.url
    p.wait_for_selector("#vb-search-page[data-state=done]")
    assert p.locator(".vb-result").first.inner_text().startswith("Quyết định 290-QĐ/TW (2010)")


def test_header_field_on_every_page_leads_to_results(page, site_url):
    p = page.page
    p.goto(f"{site_url}/van-ban/04-nq-tw-2016.html")
    p.locator(".vb-header-search input").fill("16/CT-TTg")
    p.keyboard.press("Enter")
    p.wait_for_selector("#vb-search-page[data-state=done]")
    assert "tim-kiem.html?q=16%2FCT-TTg" in p.url
    assert page.off_machine() == []


def test_nothing_found_says_so(page, site_url):
    assert results(page, site_url, "xyzzyq") == []
    assert "Không tìm thấy văn bản nào cho «xyzzyq»" in page.page.locator("#vb-search-status").inner_text()


def test_when_no_document_has_every_word_the_closest_are_shown_and_said_so(page, site_url):
    found = results(page, site_url, "dân vận khéo xyzzyq")
    assert found[0] == "Báo cáo 160-BC/TU (2017)"
    assert "không văn bản nào chứa đủ mọi từ" in page.page.locator("#vb-search-status").inner_text()


TOKEN_TEXTS = [
    "25-NQ/TW",
    "25 - NQ/TƯ",
    "Nghị quyết Trung ương 7 khoá XI",
    "dan van kheo",
    unicodedata.normalize("NFD", "Đảng ủy khối Tỉnh ủy"),
    "16/CT-TTg 2020",
    "34/2007/PL-UBTVQH11",
    "QĐ 290 – QĐi 218",
    "“tự diễn biến”, 1185/UBND-TH",
    "06/2022/TT-B\u0422\u0421",  # Cyrillic Т and С pasted into a symbol
]


def test_browser_tokens_equal_python_tokens(page, site_url):
    page.page.goto(f"{site_url}/tim-kiem.html")  # one page load: the tokenizer is a pure function
    in_browser = page.page.evaluate("texts => texts.map(t => VB_SEARCH.tokens(t))", TOKEN_TEXTS)
    assert dict(zip(TOKEN_TEXTS, in_browser, strict=True)) == {t: tokens(t) for t in TOKEN_TEXTS}


def test_browser_reads_the_postings_python_writes(page, site_url):
    """Gaps and scores of every size (one character up to 1,023, more beyond: a corpus of 100,000 documents)."""
    postings = [(0, 4), (1, 12), (33, 160), (1100, 255), (1101, 1), (40_000, 31), (140_000, 32), (140_001, 1024)]
    page.page.goto(f"{site_url}/tim-kiem.html")
    numbers = page.page.evaluate("coded => VB_SEARCH.decode(coded)", encode_postings(postings))
    gaps = [b[0] - a[0] for a, b in zip([(0, 0), *postings], postings, strict=False)]
    assert numbers == [n for gap, (_, score) in zip(gaps, postings, strict=True) for n in (gap, score)]
    assert len(encode_postings([(i, 4) for i in range(1000)])) == 2000  # a common word: two characters a document


def test_search_works_from_a_folder_opened_without_a_server(page, corpus_site, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(corpus_site, copy)
    found = results(page, (copy).as_uri(), "25-NQ/TW")
    assert found[0] == "Nghị quyết 25-NQ/TW (2013)"
    found = results(page, copy.as_uri(), "dan van kheo")
    assert found == ["Báo cáo 160-BC/TU (2017)"]
    assert page.off_machine() == []


def test_home_page_search_form(page, site_url):
    p = page.page
    p.goto(f"{site_url}/index.html")
    p.locator(".vb-lead ~ form.vb-search-form input[name=q]").fill("Pháp lệnh 34")
    p.keyboard.press("Enter")
    p.wait_for_selector("#vb-search-page[data-state=done]")
    assert p.locator(".vb-result").first.inner_text().startswith("Pháp lệnh 34/2007/PL-UBTVQH11 (2007)")
