"""Study packs (page and PDF), implementation reports (page and CSV), open exports that read back."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess

import networkx as nx
import pytest

from tests.conftest import CORPUS
from tests.test_site import text_of
from vanban.pipeline import load_valid
from vanban.problems import DataError


def pdf_text(path) -> str:
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext not found: run `make test`, which installs poppler-utils")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_pack_pdf_keeps_vietnamese_and_lists_the_chain(cli, tmp_path):
    out = tmp_path / "04.pdf"
    code, _, _ = cli("pack", "Nghị quyết Trung ương 4 khóa XII", "--pdf", str(out))
    assert code == 0 and out.read_bytes().startswith(b"%PDF")
    text = pdf_text(out)
    for words in [
        "Tài liệu học tập: Nghị quyết 04-NQ/TW (2016)",
        "Về tăng cường xây dựng, chỉnh đốn Đảng",
        "Ban Chấp hành Trung ương Đảng",
        "Chuỗi văn bản thực hiện",
        "Nội dung chính",
        "27 biểu hiện suy thoái",
        "Câu hỏi thảo luận",
        "Đối chiếu 27 biểu hiện",
    ]:
        assert words in text, words
    chain = text[text.index("Chuỗi văn bản thực hiện") : text.index("Câu hỏi thảo luận")]
    order = [m[0] for m in re.finditer(r"79-CT/TU|160-BC/TU|1185/UBND-TH|21-KL/TW", chain)]
    assert order == ["79-CT/TU", "160-BC/TU", "1185/UBND-TH", "21-KL/TW"]  # each under the one it carries out
    for date, days in [("07/02/2017", "100"), ("22/06/2017", "235"), ("13/07/2017", "21"), ("25/10/2021", "1821")]:
        assert re.search(rf"{date}.*\b{days}\b", chain), (date, days)


def test_pack_of_a_replaced_ordinance_says_so(cli, tmp_path):
    out = tmp_path / "pl34.pdf"
    assert cli("pack", "Pháp lệnh 34", "--pdf", str(out))[0] == 0
    assert "Được thay thế bởi 10/2022/QH15 (2022)" in pdf_text(out)


def test_pack_refuses_a_document_that_is_not_central(cli):
    code, _, err = cli("pack", "160-BC/TU", "--pdf", "/tmp/x.pdf")
    assert code == 1 and "không phải văn bản trung ương" in err


def test_site_offers_each_central_pack_and_its_pdf(corpus_site):
    page = text_of(corpus_site / "hoc-tap" / "04-nq-tw-2016.html")
    assert "Tài liệu học tập: Nghị quyết 04-NQ/TW (2016)" in page and "Chuỗi văn bản thực hiện" in page
    html = (corpus_site / "hoc-tap" / "04-nq-tw-2016.html").read_text(encoding="utf-8")
    assert 'href="04-nq-tw-2016.pdf" download' in html
    assert "Tài liệu học tập: Nghị quyết 04-NQ/TW (2016)" in pdf_text(corpus_site / "hoc-tap" / "04-nq-tw-2016.pdf")
    listing = text_of(corpus_site / "hoc-tap" / "index.html")
    for symbol in ["25-NQ/TW (2013)", "04-NQ/TW (2016)", "34/2007/PL-UBTVQH11 (2007)", "10/2022/QH15 (2022)"]:
        assert symbol in listing
    assert "160-BC/TU" not in listing  # a provincial report has no study pack
    doc_page = (corpus_site / "van-ban" / "04-nq-tw-2016.html").read_text(encoding="utf-8")
    assert 'href="../hoc-tap/04-nq-tw-2016.html"' in doc_page


def test_pack_page_prints_without_the_site_chrome(page, site_url):
    p = page.page
    p.goto(f"{site_url}/hoc-tap/25-nq-tw-2013.html")
    assert p.locator(".md-header").is_visible()
    p.emulate_media(media="print")
    assert not p.locator(".md-header").is_visible() and not p.locator(".vb-pack-actions").is_visible()
    assert p.locator(".vb-pack h1").is_visible()
    assert page.errors == [] and page.off_machine() == []


def test_implementation_report_page_and_csv(corpus_site):
    page = text_of(corpus_site / "bao-cao-thuc-hien" / "114-kl-tw-2015.html")
    assert "Tình hình thực hiện Kết luận 114-KL/TW (2015)" in page
    assert re.search(r"Tỉnh Đắk Nông .*411/KH-UBND \(2015\) 21/09/2015 69 2", page)
    assert "Chưa có văn bản trong cơ sở tri thức" in page and "Thành phố Hà Nội" in page
    rows = list(
        csv.DictReader(
            io.StringIO((corpus_site / "bao-cao-thuc-hien" / "114-kl-tw-2015.csv").read_text(encoding="utf-8"))
        )
    )
    assert [(r["noi"], r["van_ban_dau_tien"], r["so_ngay"]) for r in rows] == [
        ("Tỉnh Đắk Nông", "411/KH-UBND", "69"),
        ("Tỉnh Hậu Giang", "160-BC/TU", "709"),
        ("Thành phố Hà Nội", "", ""),
        ("Tỉnh Đắk Lắk", "", ""),
    ]
    assert rows[2]["tinh_trang"] == "chưa có văn bản trong cơ sở tri thức"


def test_a_reviews_figures_are_shown_with_their_sentence(corpus_site):
    """A figure of a report carrying 114-KL/TW out is on the central document's report, by place, and on the
    report's own page beside the sentence of its full text that gives it."""
    report = text_of(corpus_site / "bao-cao-thuc-hien" / "114-kl-tw-2015.html")
    assert "Số liệu các văn bản thực hiện nêu" in report
    assert re.search(
        r"Tỉnh Hậu Giang Báo cáo 160-BC/TU \(2017\) Đợt đối thoại trực tiếp với Nhân dân, mỗi năm 02 đợt", report
    )
    central = text_of(corpus_site / "van-ban" / "114-kl-tw-2015.html")
    assert "Số liệu các văn bản thực hiện nêu" in central and "02 đợt" in central
    page = text_of(corpus_site / "van-ban" / "160-bc-tu-hau-giang-2017.html")
    assert "Số liệu văn bản nêu" in page
    assert "02 đợt Mỗi năm, lĩnh tổ chức 02 đợt đối thoại trực tiếp" in page and "(Mục II.1.1)" in page


def test_report_cli(cli):
    code, out, _ = cli("report", "04-NQ/TW")
    assert code == 0
    assert "Tỉnh Hậu Giang: 3 văn bản; đầu tiên 79-CT/TU 07/02/2017 (sau 100 ngày)" in out
    assert "Trung ương: 1 văn bản; đầu tiên 21-KL/TW 25/10/2021 (sau 1821 ngày)" in out


@pytest.fixture(scope="module")
def corpus():
    return load_valid(CORPUS).corpus


def _expected(corpus):
    docs = set(corpus.documents)
    rels = sorted((r.source, r.target, r.type) for r in corpus.relations())
    return docs, rels


def test_graphml_export_reads_back_in_networkx(cli, corpus, tmp_path):
    out = tmp_path / "vanban.graphml"
    assert cli("export", "--format", "graphml", "--out", str(out))[0] == 0
    graph = nx.read_graphml(out, force_multigraph=True)
    docs, rels = _expected(corpus)
    assert set(graph.nodes) == docs
    assert sorted((u, v, d["relation"]) for u, v, d in graph.edges(data=True)) == rels
    assert graph.nodes["25-nq-tw-2013"]["symbol"] == "25-NQ/TW" and graph.nodes["25-nq-tw-2013"]["date"] == "2013-06-03"


def test_json_export_reads_back_in_networkx(cli, corpus, tmp_path):
    out = tmp_path / "vanban.json"
    assert cli("export", "--format", "json", "--out", str(out))[0] == 0
    graph = nx.node_link_graph(json.loads(out.read_text(encoding="utf-8")), edges="links")
    docs, rels = _expected(corpus)
    assert set(graph.nodes) == docs
    assert sorted((u, v, d["relation"]) for u, v, d in graph.edges(data=True)) == rels
    assert graph.nodes["1185-ubnd-th-hau-giang-2017"]["title"].startswith("V/v triển khai thực hiện")


def test_csv_export_reads_back(cli, corpus, tmp_path):
    assert cli("export", "--format", "csv", "--out", str(tmp_path / "vb"))[0] == 0
    documents = list(csv.DictReader(io.StringIO((tmp_path / "vb-documents.csv").read_text(encoding="utf-8"))))
    relations = list(csv.DictReader(io.StringIO((tmp_path / "vb-relations.csv").read_text(encoding="utf-8"))))
    docs, rels = _expected(corpus)
    assert {d["id"] for d in documents} == docs
    assert sorted((r["source"], r["target"], r["relation"]) for r in relations) == rels
    assert cli("export", "--format", "csv")[0] == 1  # CSV needs a file prefix


def test_jsonld_export_uses_eli_terms_and_keeps_the_vietnamese_relation(cli, corpus, tmp_path):
    code, out, _ = cli("export", "--format", "jsonld")
    assert code == 0
    data = json.loads(out)
    assert data["@context"]["eli"] == "http://data.europa.eu/eli/ontology#"
    nodes = {n["@id"]: n for n in data["@graph"]}
    docs, rels = _expected(corpus)
    assert set(nodes) == docs
    found = sorted(
        (n["@id"], r["vb:target"]["@id"], r["vb:type"]) for n in nodes.values() for r in n.get("vb:relation", [])
    )
    assert found == rels
    law = nodes["10-2022-qh15"]
    assert {x["@id"] for x in law["eli:repeals"]} == {"34-2007-pl-ubtvqh11", "55-1998-nq-ubtvqh10"}
    assert {r["vb:label"] for r in law["vb:relation"]} == {"Thay thế"}
    assert nodes["01-qcph-ubnd-ubmttq-dak-lak-2017"]["eli:based_on"] == [
        {"@id": "217-qd-tw-2013"},
        {"@id": "218-qd-tw-2013"},
    ]
    assert nodes["79-ct-tu-hau-giang-2017"]["eli:applies"] == [{"@id": "04-nq-tw-2016"}]
    assert law["eli:date_document"] == {"@value": "2022-11-10", "@type": "xsd:date"}


def test_the_pack_page_lists_the_first_steps_and_the_pdf_every_one(monkeypatch):
    from vanban.site import packs
    from vanban.studypack import study_pack

    checked = load_valid(CORPUS)
    pack = study_pack(checked.corpus, checked.graph, checked.corpus.documents["04-nq-tw-2016"])
    assert len(pack.chain) >= 3
    monkeypatch.setattr(packs, "CHAIN_ON_PAGE", 2)
    page = packs.pack_page(pack, pdf=False)
    assert page.count('<td class="status">') == 2
    assert f"… và {len(pack.chain) - 2} văn bản khác trong chuỗi" in page
    assert packs.pack_pdf_html(pack).count('<td class="status">') == len(pack.chain)


_MERGED = """hau-giang:
  name: Tỉnh Hậu Giang
  today: can-tho
  source: Nghị quyết 202/2025/QH15
can-tho: Thành phố Cần Thơ
ha-noi: Thành phố Hà Nội
dak-nong: {name: Tỉnh Đắk Nông, today: lam-dong}
lam-dong: Tỉnh Lâm Đồng
dak-lak: Tỉnh Đắk Lắk
"""


def test_a_report_groups_places_by_the_province_they_are_part_of_today(data_copy):
    """Merged provinces (regions.yaml `today:`): each document keeps the province of its day, and the report
    also says which province each place is part of now, and groups them so; a `today:` naming no region is
    refused with its line."""
    from vanban.site.packs import report_body
    from vanban.studypack import implementation_report

    (data_copy / "regions.yaml").write_text(_MERGED, encoding="utf-8")
    checked = load_valid(data_copy, citations=False)
    doc = checked.corpus.documents["04-nq-tw-2016"]
    html = report_body(implementation_report(checked.corpus, checked.graph, doc), None)
    text = re.sub(r"<[^>]+>", " ", html)
    assert re.search(r"Tỉnh Hậu Giang\s+Thành phố Cần Thơ\s+Ban Thường vụ", text)
    assert re.search(r"Theo tỉnh, thành phố hiện nay.*Thành phố Cần Thơ\s+Tỉnh Hậu Giang\s+3\s+100", text)
    (data_copy / "regions.yaml").write_text(_MERGED.replace("today: lam-dong", "today: lam-dongg"), encoding="utf-8")
    with pytest.raises(DataError) as refused:
        load_valid(data_copy, citations=False)
    [problem] = refused.value.problems
    assert "lam-dongg" in problem.message and problem.file.endswith("regions.yaml") and problem.line == 7


@pytest.mark.parametrize(
    ("today", "why"),
    [("hau-giang", "chính nó"), ("dak-nong", "đã sáp nhập")],  # itself; a province that was merged too
)
def test_a_province_is_part_of_a_province_of_today_only(data_copy, today, why):
    (data_copy / "regions.yaml").write_text(_MERGED.replace("today: can-tho", f"today: {today}"), encoding="utf-8")
    with pytest.raises(DataError) as refused:
        load_valid(data_copy, citations=False)
    [problem] = refused.value.problems
    assert why in problem.message and problem.field == "hau-giang.today" and problem.line == 3
