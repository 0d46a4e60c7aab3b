"""Full texts in two views of one markup: for reading (lines of a sentence rejoined, headings with anchors, page
numbers and signing lines set apart, OCR's "**" hidden) and exactly as kept. The texts are written for these
tests in the layouts of real ones (Công báo pages, OCR'd decisions); the browser test reads a real one."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest

from tests.conftest import CORPUS
from vanban.citations import extract
from vanban.citations.find import Resolution
from vanban.model import Corpus
from vanban.pipeline import check
from vanban.site.fulltext import render_full_text, text_anchors

EMPTY = Corpus({}, {}, {})

DECREE = (
    "CÔNG BÁO/Số 659 + 660/Ngày 10-8-2022\n"
    "94\n"
    "NGHỊ ĐỊNH\n"
    "Quy định chi tiết một số điều\n"
    "\n"
    "Chương I\n"
    "QUY ĐỊNH CHUNG\n"
    "Điều 1. Phạm vi điều chỉnh\n"
    "Nghị định này quy định chi tiết thi hành một số điều của Luật Thực hiện dân chủ ở cơ sở\n"
    "về việc tổ chức thực hiện.\n"
    "Điều 2. Đối tượng áp dụng\n"
    "1. Cơ quan nhà nước.\n"
    "2. Đơn vị sự nghiệp công lập theo quy định tại Thông tư số 30/2024/TT-\n"
    "NHNN và **các tổ chức** khác.\n"
    "Ký bởi: Cổng Thông tin điện tử Chính phủ\n"
    "Thời gian ký: 10.08.2022 09:12:30 +07:00\n"
)


def _exact(markup: str) -> str:
    """What the exact view shows of the text: the reading view's own spaces removed, every tag dropped."""
    markup = markup.replace('<span class="vb-j"> </span>', "")
    markup = re.sub(r'<span class="vb-cite-flag"[^>]*>.*?</span>', "", markup)  # the site's notes beside a citation
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_the_exact_view_is_the_text_as_kept_to_the_character():
    texts = [DECREE, (CORPUS / "texts" / "160-bc-tu-hau-giang-2017.txt").read_text(encoding="utf-8")]
    for text in texts:
        assert _exact(render_full_text("van-ban/x.md", EMPTY, text, extract(text))) == text


def test_headings_and_clauses_get_anchors_and_asides_are_set_apart():
    markup = render_full_text("van-ban/x.md", EMPTY, DECREE, [])
    assert '<span class="vb-heading" id="chuong-i">Chương I</span>' in markup
    assert '<span class="vb-heading" id="dieu-2">Điều 2. Đối tượng áp dụng</span>' in markup
    assert '<span class="vb-clause" id="dieu-2-khoan-1">1. Cơ quan nhà nước.</span>' in markup
    assert text_anchors(DECREE) == {"chuong-i", "dieu-1", "dieu-2", "dieu-2-khoan-1", "dieu-2-khoan-2"}
    assert '<span class="vb-aside">CÔNG BÁO/Số 659 + 660/Ngày 10-8-2022</span>' in markup
    assert '<span class="vb-aside">94</span>' in markup
    assert '<span class="vb-aside">Ký bởi: Cổng Thông tin điện tử Chính phủ</span>' in markup
    assert '<span class="vb-x">**</span>các tổ chức<span class="vb-x">**</span>' in markup


@pytest.mark.parametrize(
    ("before", "after", "joined"),
    [
        ("Luật Thực hiện dân chủ ở cơ sở", "về việc tổ chức thực hiện.", " "),  # a sentence goes on in lower case
        ("Thông tư số 30/2024/TT-", "NHNN và các tổ chức khác.", ""),  # a symbol broken at its hyphen
        ("QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh", None),  # a heading: its own line
        ("1. Cơ quan nhà nước.", "2. Đơn vị sự nghiệp.", None),  # a new item
        ("kết quả như sau:", "Các cấp ủy đã triển khai", None),  # a sentence ended
    ],
)
def test_lines_are_rejoined_only_inside_a_sentence(before: str, after: str, joined: str | None):
    markup = render_full_text("van-ban/x.md", EMPTY, f"{before}\n{after}", [])
    if joined is None:
        assert '<span class="vb-pb">\n</span>' in markup and "vb-j" not in markup
    else:
        assert ('<span class="vb-j"> </span>' in markup) == (joined == " ")
        assert '<span class="vb-nl">\n</span>' in markup and "vb-pb" not in markup


def test_a_citation_of_an_article_links_to_its_anchor():
    corpus = check(CORPUS, citations=False).corpus
    text = "Căn cứ khoản 2 Điều 5 Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ;"
    cited = [replace(c, resolution=Resolution("59-2023-nd-cp")) for c in extract(text) if c.symbol == "59/2023/NĐ-CP"]
    assert len(cited) == 1 and cited[0].pointer == "khoản 2 Điều 5"

    def anchors(doc_id: str) -> frozenset[str]:
        return frozenset({"dieu-5", "dieu-5-khoan-2"}) if doc_id == "59-2023-nd-cp" else frozenset()

    markup = render_full_text("van-ban/x.md", corpus, text, cited, anchors)
    assert 'href="59-2023-nd-cp.html#dieu-5-khoan-2"' in markup
    only_article = render_full_text("van-ban/x.md", corpus, text, cited, lambda _: frozenset({"dieu-5"}))
    assert 'href="59-2023-nd-cp.html#dieu-5"' in only_article
    assert 'href="59-2023-nd-cp.html"' in render_full_text("van-ban/x.md", corpus, text, cited)  # no text: no anchor


def test_reading_view_first_and_the_exact_text_one_click_away(page, site_url):
    p = page.page
    p.goto(f"{site_url}/van-ban/160-bc-tu-hau-giang-2017.html")
    text = p.locator(".vb-fulltext")
    assert text.evaluate("el => getComputedStyle(el).whiteSpace") == "normal"
    assert "vb-cite" in text.inner_html()
    p.locator(".vb-exact-label").click()
    assert text.evaluate("el => getComputedStyle(el).whiteSpace") == "pre-wrap"
    kept = (CORPUS / "texts" / "160-bc-tu-hau-giang-2017.txt").read_text(encoding="utf-8")
    assert text.evaluate("el => el.innerText").strip() == kept.strip()
    assert text.locator("a.vb-cite").count() > 5  # the citations still link in the exact view
    assert page.errors == []


def test_paragraphs_stay_apart_and_empty_lines_add_no_more_space():
    markup = render_full_text("van-ban/x.md", EMPTY, "Đoạn một.\nĐoạn hai.\n\n\nĐoạn ba.", [])
    assert markup.count('<span class="vb-pb">') == 2  # after "một." and after "hai.": shown
    assert markup.count('<span class="vb-pb vb-pb-more">') == 2  # the empty lines: hidden in the reading view


def test_a_sentence_wrapped_before_the_article_it_names_is_no_heading():
    text = (
        "Điều 1. Phạm vi\nViệc thu phí theo quy định tại\nĐiều 5 Luật Phí và lệ phí.\n1. Khoản một\n"
        "Điều 5. Thật\n1. x\n"
    )
    markup = render_full_text("van-ban/x.md", EMPTY, text, [])
    assert '<span class="vb-clause" id="dieu-1-khoan-1">1. Khoản một</span>' in markup
    assert '<span class="vb-heading" id="dieu-5">Điều 5. Thật</span>' in markup
    assert 'tại<span class="vb-j"> </span>' in markup  # "… quy định tại / Điều 5 …" read as one sentence


def test_windows_line_endings_stay_one_break_each():
    text = "Điều 1. Phạm vi\r\nDòng hai.\r\n"
    markup = render_full_text("van-ban/x.md", EMPTY, text, [])
    assert '<span class="vb-pb">\r\n</span>' in markup and "\r<" not in markup
    assert _exact(markup) == text


def test_anchors_other_pages_link_to_are_those_the_page_has():
    text = "Điều 1. Phạm vi\n1. a\nĐiều 2. Sửa đổi, bổ sung Nghị định số\n59/2023/NĐ-CP như sau:\n1. x\n2. y\n"
    cited = extract(text)
    markup = render_full_text("van-ban/x.md", EMPTY, text, cited)
    ids = set(re.findall(r'id="([^"]+)"', markup))
    assert ids == set(text_anchors(text, cited)) == {"dieu-1", "dieu-1-khoan-1", "dieu-2-khoan-1", "dieu-2-khoan-2"}
