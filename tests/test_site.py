"""The real MkDocs build of the test corpus: what the pages show, links, safety, atomicity."""

from __future__ import annotations

import hashlib
import html as html_module
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import CORPUS, ROOT, shared_seed
from tests.tiny import write_corpus
from vanban.pipeline import build_site
from vanban.problems import BuildError, DataError
from vanban.site.build import stage_pages


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, url)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append((tag, name, value))
            if name == "id" and value:
                self.ids.add(value)


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def text_of(path: Path) -> str:
    """Visible text of a page, roughly: tags removed, entities kept as written."""
    html = path.read_text(encoding="utf-8")
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_every_internal_link_resolves(corpus_site):
    broken = []
    pages = list(corpus_site.rglob("*.html"))
    assert len(pages) > 80
    for page in pages:
        for _tag, _attr, url in parse(page).links:
            parts = urlsplit(url)
            if parts.scheme or url.startswith(("#", "mailto:", "//")):
                continue
            base = corpus_site if parts.path.startswith("/") else page.parent  # 404.html is root-absolute
            target = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(corpus_site)}: {url}")
    assert not broken, "\n".join(broken[:20])


def test_no_asset_is_loaded_from_off_the_machine(corpus_site):
    offenders = []
    for page in corpus_site.rglob("*.html"):
        for tag, attr, url in parse(page).links:
            loads = (tag in ("script", "img", "iframe") and attr == "src") or tag == "link"
            if (loads and urlsplit(url).scheme in ("http", "https")) or url.startswith("//"):
                offenders.append(f"{page.name}: <{tag} {attr}={url}>")
    assert not offenders, offenders[:10]
    index = (corpus_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in index and "fonts.gstatic" not in index


def test_document_page_shows_card_relations_tree_and_text(corpus_site):
    page = corpus_site / "van-ban" / "160-bc-tu-hau-giang-2017.html"
    text = text_of(page)
    for shown in [
        "Báo cáo 160-BC/TU (2017)",
        "Ban Thường vụ Tỉnh ủy Hậu Giang",
        "22/06/2017",
        "Vị Thanh",
        "Đặng Thế Vinh",
        "Quan hệ (13)",
        "Văn bản này tác động tới (11)",
        "Báo cáo kết quả thực hiện (8)",
        "Được chuyển, đính kèm bởi (1)",
        "Cây thực hiện (1)",
        "Toàn văn",
        "Dân vận khéo",
        "hợp nhất với thành phố Cần Thơ",
    ]:
        assert shown in text, shown
    links = {url for _, _, url in parse(page).links}
    assert "25-nq-tw-2013.html" in links and "1185-ubnd-th-hau-giang-2017.html" in links


def test_replaced_document_has_a_banner_linking_its_replacement(corpus_site):
    page = corpus_site / "van-ban" / "34-2007-pl-ubtvqh11.html"
    html = page.read_text(encoding="utf-8")
    banner = re.search(r'<div class="admonition warning vb-banner-replaced">(.*?)</div>', html, re.S)
    assert banner, "no replaced banner"
    assert "01/07/2023" in banner[1] and 'href="10-2022-qh15.html"' in banner[1]
    assert "Được thay thế bởi" in banner[1]


def test_unverified_and_citation_only_are_marked(corpus_site):
    known_only = text_of(corpus_site / "van-ban" / "16-ct-ttg-2016.html")
    assert "Chỉ biết qua trích dẫn" in known_only and "160-BC/TU" in known_only
    signer = text_of(corpus_site / "van-ban" / "1185-ubnd-th-hau-giang-2017.html")
    assert re.search(r"Đông Văn Thanh\s+chưa xác minh", signer)
    assert "Chưa xác minh: người ký" in signer
    undated = text_of(corpus_site / "van-ban" / "23-ctr-tu-ha-noi-khong-ro-nam.html")
    assert "23-CTr/TU (chưa rõ năm)" in undated and "sau ngày 03/6/2013" in undated
    listing = text_of(corpus_site / "theo-loai" / "nghi-quyet.html")
    assert re.search(r"Về công tác tôn giáo\s+chưa xác minh", listing)  # unverified in lists too
    assert re.search(r"năm 2003\s+Ban Chấp hành Trung ương Đảng\s+chưa xác minh", listing)
    tree = text_of(corpus_site / "index.html")
    assert re.search(r"23-CTr/TU \(chưa rõ năm\) · chưa rõ\s+chưa xác minh", tree)
    relation = text_of(corpus_site / "van-ban" / "25-nq-tw-2013.html")
    assert re.search(r"43-KL/TW \(2019\).*?quan hệ chưa xác minh", relation)


def test_same_symbol_documents_have_their_own_pages_with_years(corpus_site):
    a = text_of(corpus_site / "van-ban" / "16-ct-ttg-2016.html")
    b = text_of(corpus_site / "van-ban" / "16-ct-ttg-2020.html")
    assert "Chỉ thị 16/CT-TTg (2016)" in a and "dân vận" in a
    assert "Chỉ thị 16/CT-TTg (2020)" in b and "COVID-19" in b


def test_index_pages_and_home(corpus_site):
    home = text_of(corpus_site / "index.html")
    assert "Cây thực hiện các văn bản trung ương" in home
    assert "04-NQ/TW (2016)" in home and "1185/UBND-TH (2017)" in home
    assert "sau 100 ngày" in home  # 04-NQ/TW of 30/10/2016 → 79-CT/TU of 07/02/2017
    assert "25 văn bản" in home or "Hiện có 25 văn bản" in home
    for index, shown in [
        ("theo-loai/nghi-quyet.html", "25-NQ/TW (2003)"),
        ("co-quan/ubnd-hau-giang.html", "1185/UBND-TH"),
        ("theo-nam/2017.html", "160-BC/TU"),
        ("theo-khoa/xi.html", "217-QĐ/TW"),
        ("chu-de/dan-van.html", "114-KL/TW"),
    ]:
        assert shown in text_of(corpus_site / index), index
    issuer = text_of(corpus_site / "co-quan" / "ban-dan-van-tw.html")
    assert "Ban Tuyên giáo và Dân vận Trung ương" in issuer and "chưa xác minh" in issuer


def test_document_pages_stay_out_of_the_navigation(corpus_site):
    html = (corpus_site / "van-ban" / "25-nq-tw-2013.html").read_text(encoding="utf-8")
    start = html.index('<nav class="md-nav md-nav--primary')
    nav = html[start : html.index('<nav class="md-nav md-nav--secondary', start)]
    assert "Theo loại" in nav and "Hướng dẫn biên soạn" in nav
    assert "van-ban/" not in nav and "16/CT-TTg" not in nav


def test_seed_texts_are_split_out_unchanged():
    seed = shared_seed()
    texts = CORPUS / "texts"
    joined = (texts / "1185-ubnd-th-hau-giang-2017.txt").read_text(encoding="utf-8") + (
        texts / "160-bc-tu-hau-giang-2017.txt"
    ).read_text(encoding="utf-8")
    assert joined == seed.read_text(encoding="utf-8")


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def tiny_data(tmp_path_factory):
    """Two documents: these tests are about what a failed build leaves, not about the pages."""
    return write_corpus(tmp_path_factory.mktemp("tiny") / "data")


@pytest.fixture(scope="module")
def small_site(tmp_path_factory, tiny_data):
    out = tmp_path_factory.mktemp("small") / "site"
    build_site(tiny_data, out)
    return out


def test_failed_build_on_bad_data_leaves_previous_site(small_site, data_copy):
    before = _digest(small_site)
    (data_copy / "documents" / "25-nq-tw-2013.yaml").write_text("symbol: [\n", encoding="utf-8")
    with pytest.raises(DataError):
        build_site(data_copy, small_site)
    assert _digest(small_site) == before


def test_failed_mkdocs_build_leaves_previous_site(small_site, tiny_data, tmp_path):
    before = _digest(small_site)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        (ROOT / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
        + "\nvalidation:\n  nav:\n    omitted_files: warn\n"
        + "nav_extra: oops\n",
        encoding="utf-8",
    )
    with pytest.raises(BuildError):
        build_site(tiny_data, small_site, config_file=config)
    assert _digest(small_site) == before
    assert not list(small_site.parent.glob(".site-new-*")), "half-built folder left behind"


def test_generated_pages_never_overwrite_hand_written_files(tmp_path):
    hand = tmp_path / "docs"
    (hand / "van-ban").mkdir(parents=True)
    mine = hand / "van-ban" / "25-nq-tw-2013.md"
    mine.write_text("viết tay", encoding="utf-8")
    with pytest.raises(BuildError, match="trùng với tệp viết tay"):
        stage_pages([("index.md", "x"), ("van-ban/25-nq-tw-2013.md", "sinh ra")], hand, tmp_path / "stage")
    assert mine.read_text(encoding="utf-8") == "viết tay"


def test_data_is_escaped_wherever_a_page_shows_it(data_copy, tmp_path):
    evil = '<script>alert("x")</script> & <b>đậm</b>'
    doc = data_copy / "documents" / "114-kl-tw-2015.yaml"
    text = doc.read_text(encoding="utf-8").replace(
        "title: Về nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp", f"title: '{evil}'"
    )
    doc.write_text(text + "aliases: ['<img src=x onerror=alert(1)>']\n", encoding="utf-8")
    out = tmp_path / "site"
    build_site(data_copy, out)
    for page in [
        out / "van-ban" / "114-kl-tw-2015.html",
        out / "van-ban" / "411-kh-ubnd-dak-nong-2015.html",
        out / "theo-nam" / "2015.html",
        out / "index.html",
    ]:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
        assert "<img src=x" not in html and "<b>đậm</b>" not in html, page
    html = (out / "van-ban" / "114-kl-tw-2015.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;đậm&lt;/b&gt;" in html
    assert "<title>Kết luận 114-KL/TW (2015)" in html


def test_staging_never_writes_outside_its_folder(tmp_path):
    with pytest.raises(BuildError):
        stage_pages([("../evil.md", "x")], tmp_path / "docs", tmp_path / "stage")
    assert not (tmp_path / "evil.md").exists()


def test_citations_in_full_texts_link_to_their_pages(corpus_site):
    html = (corpus_site / "van-ban" / "160-bc-tu-hau-giang-2017.html").read_text(encoding="utf-8")
    text = html[html.index('<div class="vb-fulltext">') :]
    links = re.findall(r'<a class="vb-cite" href="([^"]+)"[^>]*>(.*?)</a>', text, re.S)
    assert ("25-nq-tw-2013.html", "Nghị quyết số 25-NQ/TW") in links
    assert ("04-nq-tw-2016.html", "Nghị quyết TW 4 (khóa XII)") in links
    assert ("217-qd-tw-2013.html", "Quyết định số 217") in links and ("218-qd-tw-2013.html", "218-QĐ/TW") in links
    assert len(links) == 21
    # The wording stays as the source has it: remove the markup and the text is the original.
    plain = html_module.unescape(re.sub(r"<[^>]+>", "", text[: text.index("</div>")]))
    assert (
        plain.strip()
        == (CORPUS / "texts" / "160-bc-tu-hau-giang-2017.txt").read_text(encoding="utf-8").strip("\n").strip()
    )


def test_wrong_date_in_a_citation_is_flagged_on_the_page(corpus_site):
    notes = text_of(corpus_site / "van-ban" / "1185-ubnd-th-hau-giang-2017.html")
    assert "trích dẫn ghi ngày 22/06/2016 nhưng 160-BC/TU ban hành ngày 22/06/2017 — đã ghi nhận" in notes
    html = (corpus_site / "van-ban" / "1185-ubnd-th-hau-giang-2017.html").read_text(encoding="utf-8")
    assert re.search(r'Báo cáo số 160-BC/TU</a><span class="vb-cite-flag"[^>]*>ngày trích dẫn khác ngày văn bản', html)


def test_citation_not_in_the_knowledge_base_is_marked(data_copy, tmp_path):
    text = data_copy / "texts" / "160-bc-tu-hau-giang-2017.txt"
    text.write_text(
        text.read_text(encoding="utf-8") + "\nThực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017.\n", encoding="utf-8"
    )
    out = tmp_path / "site"
    build_site(data_copy, out)
    html = (out / "van-ban" / "160-bc-tu-hau-giang-2017.html").read_text(encoding="utf-8")
    assert re.search(
        r'<span class="vb-cite vb-cite-missing"[^>]*>Nghị quyết số 18-NQ/TW</span>'
        r'<span class="vb-cite-flag">không có trong cơ sở tri thức</span>',
        html,
    )


def test_failed_data_writing_leaves_previous_site(small_site, tiny_data, monkeypatch):
    before = _digest(small_site)
    # The data writer (a forked process, which inherits the patch) is asked to write outside its folder.
    monkeypatch.setattr("vanban.pipeline.render_data", lambda *args, **kwargs: iter([("../escape.js", "x")]))
    with pytest.raises(BuildError, match="nằm ngoài"):
        build_site(tiny_data, small_site, clean=True)  # the same inputs: clean, or the site is kept
    assert _digest(small_site) == before
    assert not (small_site.parent / "escape.js").exists()
    assert not list(small_site.parent.glob(".vanban-data-*")) and not list(small_site.parent.glob(".site-new-*"))


_SOURCED = """relations:
  - type: thuc-hien
    target: 114-kl-tw-2015
    sources:
      - site: baodaknong.vn
        path: /ket-qua-thuc-hien-ket-luan-114-60677.html
        date: 2018-04-19
        quote: "UBND tỉnh ban hành Kế hoạch số 411/KH-UBND <b>ngày 21/9/2015</b> thực hiện Kết luận 114-KL/TW"
conflicts:
  - field: date
    note: "21/9/2015 (baodaknong.vn); 12/9/2015 (một trang khác)"
sources:
  - site: baodaknong.vn
    path: /ket-qua-thuc-hien-ket-luan-114-60677.html
    date: 2018-04-19
  - site: baodaknong.org.vn
    path: …-60677.html
"""


def test_sources_of_documents_and_relations_show_address_date_and_words(data_copy: Path, tmp_path: Path):
    """Every fact with its source: the page links the source's address, gives the article's date and the words
    that state it (escaped), shows the relation's own source on both documents' pages, and keeps two sources
    that disagree side by side; a shortened address is shown, not linked."""
    doc = data_copy / "documents" / "411-kh-ubnd-dak-nong-2015.yaml"
    text = doc.read_text(encoding="utf-8")
    doc.write_text(text[: text.index("relations:")] + _SOURCED, encoding="utf-8")
    site = tmp_path / "site"
    build_site(data_copy, site, pdf_packs=0)
    page = (site / "van-ban" / "411-kh-ubnd-dak-nong-2015.html").read_text(encoding="utf-8")
    link = '<a href="https://baodaknong.vn/ket-qua-thuc-hien-ket-luan-114-60677.html" rel="noopener noreferrer">'
    assert link in page and "(đăng ngày 19/04/2018)" in page
    assert "&lt;b&gt;ngày 21/9/2015&lt;/b&gt;" in page and "<b>ngày 21/9/2015</b>" not in page
    assert "Các nguồn ghi khác nhau" in page and "12/9/2015 (một trang khác)" in page
    assert "<code>…-60677.html</code>" in page and 'href="https://baodaknong.org.vn' not in page
    central = (site / "van-ban" / "114-kl-tw-2015.html").read_text(encoding="utf-8")
    assert 'class="vb-rel-source">nguồn: ' + link in central  # the relation's source on the other page too


def test_central_pages_and_home_show_coverage_by_province(corpus_site):
    """A central document's page, and the home page, say which provinces carried it out, with which kinds of
    documents and how many days after it; a local document's page has no such table."""
    central = text_of(corpus_site / "van-ban" / "04-nq-tw-2016.html")
    assert "Thực hiện theo địa phương (1 tỉnh, thành phố)" in central
    assert re.search(
        r"Tỉnh Hậu Giang\s+Ban Thường vụ Tỉnh ủy Hậu Giang; Tỉnh ủy Hậu Giang; Ủy ban nhân dân tỉnh Hậu Giang\s+"
        r"Báo cáo 1, Chương trình hành động 1, Công văn 1\s+"
        r"Chương trình hành động 79-CT/TU \(2017\)\s+07/02/2017\s+100\s+3",
        central,
    )
    assert "Thực hiện theo địa phương" not in text_of(corpus_site / "van-ban" / "160-bc-tu-hau-giang-2017.html")
    home = text_of(corpus_site / "index.html")
    # one province (Hậu Giang: its 3 documents; 21-KL/TW, central, is not a province's), the first after 100 days
    assert re.search(r"Nghị quyết 04-NQ/TW \(2016\)\s+1\s+3\s+100\s+theo địa phương", home)


def test_a_relation_cites_only_known_sources(data_copy: Path, tmp_path: Path):
    """A relation's source is checked as a document's is: a key that sources.yaml lacks is reported where it is."""
    from vanban.pipeline import check

    doc = data_copy / "documents" / "411-kh-ubnd-dak-nong-2015.yaml"
    text = doc.read_text(encoding="utf-8")
    doc.write_text(
        text.replace("    target: 114-kl-tw-2015\n", "    target: 114-kl-tw-2015\n    sources: [sed]\n"),
        encoding="utf-8",
    )
    found = [p for p in check(data_copy, citations=False).problems if p.code == "unknown-source"]
    assert [(p.field, p.file.endswith("411-kh-ubnd-dak-nong-2015.yaml")) for p in found] == [
        ("relations[0].sources[0]", True)
    ]


# Links between generated pages as href makes them, against what posixpath.relpath gives: every kind of page the
# build writes links from, to pages, scripts in deeper folders, and the folder's own pages.
LINKS = [
    ("index.md", "van-ban/25-nq-tw-2013.md"),
    ("van-ban/25-nq-tw-2013.md", "van-ban/16-ct-ttg-2020.md"),
    ("van-ban/25-nq-tw-2013.md", "index.md"),
    ("van-ban/25-nq-tw-2013.md", "theo-loai/nghi-quyet.md"),
    ("van-ban/25-nq-tw-2013.md", "graph-data/local/25-nq-tw-2013.js"),
    ("van-ban/25-nq-tw-2013.md", "assets/javascripts/vanban-loader.js"),
    ("van-ban/x.md", "van-ban2/y.md"),
    ("hoc-tap/25-nq-tw-2013.md", "hoc-tap/25-nq-tw-2013.pdf"),
    ("co-quan/index.md", "co-quan/bch-tw.md"),
    ("huong-dan/a/b.md", "van-ban/x.md"),
]


@pytest.mark.parametrize(("page", "target"), LINKS)
def test_links_between_pages_are_relpaths(page: str, target: str) -> None:
    import posixpath

    from vanban.site.paths import built_path, href

    assert href(page, target) == posixpath.relpath(built_path(target), posixpath.dirname(page) or ".")
