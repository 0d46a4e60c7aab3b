"""Bad-input cases: injection. See tests/bad_inputs/__init__.py for the format.

Each case puts one payload into one field and runs one command that outputs that field. Where the
output has a syntax (HTML, XML, JSON, CSV, YAML) the payload must come out as data of that syntax:
escaped in HTML, an attribute value in GraphML, a string in JSON, a text cell (not a formula) in
CSV, a quoted scalar in YAML. Plain terminal output shows it as written. The site as a whole is
tested in Chromium by tests/test_injection.py; the three builds here check single pages.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import yaml

from . import Case, data, doc, write

Setup = Callable[[Path], None]
Check = Callable[[Path, str], None]

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
MD_LINK = "[x](javascript:alert(3))"
ATTR_LIST = "*x*{: onmouseover=alert(4) }"
BREAK_OUT = '"><svg onload=alert(5)>'
CLOSE_SCRIPT = "</script><script>alert(6)</script>"
FORMULA = '=HYPERLINK("http://example.invalid/?x","bấm")'
EXPORT = ("{ws}/x", "x*")  # an --out prefix in the workspace, and the glob of what it writes


# -- setups: one field of the corpus copy set to a payload ----------------------------------------


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, value: object) -> None:
    write(path, yaml.safe_dump(value, allow_unicode=True, sort_keys=False))


def doc_field(doc_id: str, field: str, value: object) -> Setup:
    def setup(ws: Path) -> None:
        d = _load(doc(ws, doc_id))
        d[field] = value
        _dump(doc(ws, doc_id), d)

    return setup


def relation_field(doc_id: str, field: str, value: str) -> Setup:
    """The field of the document's first relation."""

    def setup(ws: Path) -> None:
        d = _load(doc(ws, doc_id))
        d["relations"][0][field] = value
        _dump(doc(ws, doc_id), d)

    return setup


def issuer_field(key: str, field: str, value: str) -> Setup:
    def setup(ws: Path) -> None:
        issuers = _load(data(ws) / "issuers.yaml")
        issuers[key][field] = value
        _dump(data(ws) / "issuers.yaml", issuers)

    return setup


def region_name(key: str, value: str) -> Setup:
    def setup(ws: Path) -> None:
        regions = _load(data(ws) / "regions.yaml")
        regions[key] = value
        _dump(data(ws) / "regions.yaml", regions)

    return setup


def source_title(key: str, value: str) -> Setup:
    def setup(ws: Path) -> None:
        sources = _load(data(ws) / "sources.yaml")
        sources[key]["title"] = value
        _dump(data(ws) / "sources.yaml", sources)

    return setup


def both(*setups: Setup) -> Setup:
    def setup(ws: Path) -> None:
        for s in setups:
            s(ws)

    return setup


# -- checks ----------------------------------------------------------------------------------------


def json_out(test: Callable[[object], None]) -> Check:
    """The output is one JSON document (after nothing else); test gets it parsed."""

    def check(_ws: Path, output: str) -> None:
        test(json.loads(output))

    return check


def implementer_titles(payload: str) -> Check:
    def test(items: object) -> None:
        assert isinstance(items, list) and len(items) >= 4, items
        assert payload in [i["title"] for i in items]

    return json_out(test)


def csv_cell(file: str, column: str, payload: str) -> Check:
    """The cell holds the payload as text: prefixed with an apostrophe if it starts like a formula."""
    expected = "'" + payload if payload[:1] in ("=", "+", "-", "@") else payload

    def check(ws: Path, _output: str) -> None:
        rows = list(csv.DictReader(io.StringIO((ws / file).read_text(encoding="utf-8"))))
        cells = [r[column] for r in rows]
        assert expected in cells or any(c.startswith(expected) for c in cells), cells
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")], cells

    return check


def report_cell(payload: str) -> Check:
    """`report --csv -`: some cell starts with the payload behind an apostrophe; none is a formula."""

    def check(_ws: Path, output: str) -> None:
        cells = [c for row in csv.reader(io.StringIO(output)) for c in row]
        assert any(c.startswith("'" + payload) for c in cells), cells
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")], cells

    return check


def graphml(attribute: str, payload: str) -> Check:
    """The GraphML parses, carries the payload as an attribute value, and no markup of it."""

    def check(ws: Path, _output: str) -> None:
        text = (ws / "x").read_text(encoding="utf-8")
        assert "<script" not in text and "<!DOCTYPE" not in text and "<evil" not in text
        root = ET.fromstring(text)
        keys = {
            k.get("id")
            for k in root.iter("{http://graphml.graphdrawing.org/xmlns}key")
            if k.get("attr.name") == attribute
        }
        values = [d.text for d in root.iter("{http://graphml.graphdrawing.org/xmlns}data") if d.get("key") in keys]
        assert payload in values, values[:5]

    return check


def html_file(name: str, payload: str, shown: str | None = None) -> Check:
    """The HTML file carries the payload escaped, never as markup; `shown` must be in its text."""

    def check(ws: Path, _output: str) -> None:
        text = (ws / name).read_text(encoding="utf-8")
        assert html.escape(payload) in text, f"{html.escape(payload)!r} not in {name}"
        if "<" in payload:
            assert payload not in text
        assert not re.search(r"""(?i)<[^>]*\s(href|src)\s*=\s*["']?\s*javascript:""", text)
        assert not re.search(r"(?i)<[a-z][^>]*\son[a-z]+\s*=", text)
        if shown:
            assert shown in html.unescape(re.sub(r"<[^>]+>", "", text))

    return check


def yaml_draft(field: str, payload: str) -> Check:
    """`suggest`: the draft is YAML that reads back with the payload as the field's value, no more."""

    def check(_ws: Path, output: str) -> None:
        draft = yaml.safe_load(output)
        value = draft
        for part in field.split("."):
            value = value[part]
        assert value == payload, value
        assert set(draft) <= {"symbol", "type", "issuer", "date", "place", "title", "signer", "sources", "relations"}

    return check


def built_page(page: str, test: Callable[[str], None]) -> Check:
    def check(ws: Path, _output: str) -> None:
        test((ws / "site" / page).read_text(encoding="utf-8"))

    return check


BUILD = ("build", "--out", "{ws}/site", "--pdf-packs", "0")
BUILD_CHANGES = ("site", "site/*", ".site*")
SYMBOL = "99-NQ/TW [x](javascript:alert(3)) *x*{: onmouseover=alert(4) }"
SYMBOL_ID = "99-nq-tw-x-javascript-alert-3-x-onmouseover-alert-4-2016"


def _symbol_documents(ws: Path) -> None:
    """A central document with Markdown in its symbol's free part, carried out by another: the
    symbol heads a tree on the home page, in a Markdown heading."""
    _dump(
        doc(ws, SYMBOL_ID),
        {"symbol": SYMBOL, "type": "nghi-quyet", "issuer": "bch-tw", "date": "2016-11-01", "sources": ["seed"]},
    )
    _dump(
        doc(ws, "98-ctr-tu-hau-giang-2017"),
        {
            "symbol": "98-CTr/TU",
            "type": "chuong-trinh",
            "issuer": "tinh-uy-hau-giang",
            "date": "2017-01-01",
            "sources": ["seed"],
            "relations": [{"type": "thuc-hien", "target": SYMBOL_ID}],
        },
    )


def _home_heading_is_text(page: str) -> None:
    assert 'href="javascript:' not in page and "<em onmouseover" not in page
    heading = re.search(r"<h3 [^>]*>(99&#45;NQ.*?)</h3>", page)
    assert heading, "the symbol's tree has no heading"
    assert html.unescape(heading.group(1)) == f"{SYMBOL} (2016)"


LONG_TOPIC = "Chủ đề rất dài " * 30 + SCRIPT + " " + MD_LINK


def _long_topic_page(ws: Path, _output: str) -> None:
    """A topic too long for a file name gets a page all the same: cut, with a hash to keep it unique."""
    pages = list((ws / "site" / "chu-de").glob("chu-de-rat-dai-*.html"))
    assert len(pages) == 1 and len(pages[0].name) < 100, pages
    page = pages[0].read_text(encoding="utf-8")
    assert html.escape(SCRIPT) in page and SCRIPT not in page and 'href="javascript:' not in page
    listing = (ws / "site" / "chu-de" / "index.html").read_text(encoding="utf-8")
    assert f'href="{pages[0].name}"' in listing


def _stdin(text: str) -> bytes:
    return text.encode("utf-8")


HEADER = (
    "TỈNH ỦY HẬU GIANG\nSố 12-CT/TU\n\nVị Thanh, ngày 1 tháng 2 năm 2018\n\nCHỈ THỊ\n{title}\n\n"
    "Thực hiện Nghị quyết số 04-NQ/TW ngày 30/10/2016 của Ban Chấp hành Trung ương.\n\n"
    "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n{signer}\n"
)


def _original_linked_out(ws: Path) -> None:
    """A draft whose original, in data/originals/, is a link to a file outside data/."""
    from .cases_silent_loss import DRAFT_ID, draft_doc

    draft_doc(ws)
    write(ws / "bi-mat.pdf", b"%PDF-1.4 not for publishing\n")
    (data(ws) / "originals").mkdir()
    (data(ws) / "originals" / f"{DRAFT_ID}.pdf").symlink_to(ws / "bi-mat.pdf")


def _original_not_published(ws: Path, _output: str) -> None:
    from .cases_silent_loss import DRAFT_ID

    assert not (ws / "site" / "ban-goc").exists()
    page = (ws / "site" / "van-ban" / f"{DRAFT_ID}.html").read_text(encoding="utf-8")
    assert "Bản nháp nhập tự động, chưa được xem xét" in page and "ban-goc" not in page


CASES: list[Case] = [
    # -- show: plain text, shown as written --------------------------------------------------------
    Case(
        "inj-show-title-script",
        "injection",
        ("show", "04-NQ/TW"),
        0,
        re.escape(SCRIPT),
        setup=doc_field("04-nq-tw-2016", "title", SCRIPT),
    ),
    Case(
        "inj-show-issuer-name-markdown-link",
        "injection",
        ("show", "04-NQ/TW"),
        0,
        r"04-NQ/TW — Nghị quyết, " + re.escape(MD_LINK),
        setup=issuer_field("bch-tw", "name", MD_LINK),
    ),
    Case(
        "inj-show-title-attr-list-and-jinja",
        "injection",
        ("show", "79-CT/TU"),
        0,
        re.escape(ATTR_LIST + " {{ config }}{% raw %}") + r".*Thực hiện, triển khai: 04-NQ/TW",
        setup=doc_field("79-ct-tu-hau-giang-2017", "title", ATTR_LIST + " {{ config }}{% raw %}"),
    ),
    # -- implementers/sources --json: a JSON string, whatever it holds ----------------------------
    Case(
        "inj-implementers-json-close-script",
        "injection",
        ("implementers", "04-NQ/TW", "--json"),
        0,
        setup=doc_field("79-ct-tu-hau-giang-2017", "title", CLOSE_SCRIPT),
        check=implementer_titles(CLOSE_SCRIPT),
    ),
    Case(
        "inj-implementers-json-line-separators",
        "injection",
        ("implementers", "04-NQ/TW", "--json"),
        0,
        setup=doc_field("79-ct-tu-hau-giang-2017", "title", 'a\u2028b\u2029c "q" \\ </script>'),
        check=implementer_titles('a\u2028b\u2029c "q" \\ </script>'),
    ),
    Case(
        "inj-sources-json-quote-break-out",
        "injection",
        ("sources", "79-CT/TU", "--json"),
        0,
        setup=doc_field("04-nq-tw-2016", "title", '"},{"id":"injected","title":"x'),
        check=json_out(
            lambda items: _assert(
                '"},{"id":"injected","title":"x' in [i["title"] for i in items]
                and "injected" not in [i["id"] for i in items]
            )
        ),
    ),
    # -- export csv: text cells, never formulas -----------------------------------------------------
    Case(
        "inj-export-csv-title-formula",
        "injection",
        ("export", "--format", "csv", "--out", EXPORT[0]),
        0,
        setup=doc_field("04-nq-tw-2016", "title", FORMULA),
        changes=(EXPORT[1],),
        check=csv_cell("x-documents.csv", "title", FORMULA),
    ),
    Case(
        "inj-export-csv-alias-at",
        "injection",
        ("export", "--format", "csv", "--out", EXPORT[0]),
        0,
        setup=doc_field("04-nq-tw-2016", "aliases", ["@SUM(1+1)*cmd|' /C calc'!A0"]),
        changes=(EXPORT[1],),
        check=csv_cell("x-documents.csv", "aliases", "@SUM(1+1)*cmd|' /C calc'!A0"),
    ),
    Case(
        "inj-export-csv-issuer-name-plus",
        "injection",
        ("export", "--format", "csv", "--out", EXPORT[0]),
        0,
        setup=issuer_field("bch-tw", "name", "+1+cmd|' /C calc'!A0"),
        changes=(EXPORT[1],),
        check=csv_cell("x-documents.csv", "issuer_name", "+1+cmd|' /C calc'!A0"),
    ),
    Case(
        "inj-export-csv-relation-note-minus",
        "injection",
        ("export", "--format", "csv", "--out", EXPORT[0]),
        0,
        setup=relation_field("79-ct-tu-hau-giang-2017", "note", "-2+3+cmd|' /C calc'!A0"),
        changes=(EXPORT[1],),
        check=csv_cell("x-relations.csv", "note", "-2+3+cmd|' /C calc'!A0"),
    ),
    Case(
        "inj-export-csv-relation-place-equals",
        "injection",
        ("export", "--format", "csv", "--out", EXPORT[0]),
        0,
        setup=relation_field("79-ct-tu-hau-giang-2017", "place", "=1+1"),
        changes=(EXPORT[1],),
        check=csv_cell("x-relations.csv", "place", "=1+1"),
    ),
    Case(
        "inj-export-csv-title-quotes-and-newline",
        "injection",
        ("export", "--format", "csv", "--out", EXPORT[0]),
        0,
        setup=doc_field("04-nq-tw-2016", "title", 'a","injected",\n"b'),
        changes=(EXPORT[1],),
        check=csv_cell("x-documents.csv", "title", 'a","injected",\n"b'),
    ),
    # -- export json / jsonld: strings ----------------------------------------------------------------
    Case(
        "inj-export-json-title-close-script",
        "injection",
        ("export", "--format", "json", "--out", EXPORT[0]),
        0,
        setup=doc_field("04-nq-tw-2016", "title", CLOSE_SCRIPT + "\u2028x"),
        changes=(EXPORT[1],),
        check=lambda ws, _: _assert(
            CLOSE_SCRIPT + "\u2028x" in [n["title"] for n in json.loads((ws / "x").read_text())["nodes"]]
        ),
    ),
    Case(
        "inj-export-jsonld-title-id-break-out",
        "injection",
        ("export", "--format", "jsonld", "--out", EXPORT[0]),
        0,
        setup=doc_field("04-nq-tw-2016", "title", '", "@id": "urn:evil", "x": "'),
        changes=(EXPORT[1],),
        check=lambda ws, _: _assert(
            {n["@id"]: n["eli:title"] for n in json.loads((ws / "x").read_text())["@graph"]}["04-nq-tw-2016"]
            == '", "@id": "urn:evil", "x": "'
        ),
    ),
    Case(
        "inj-export-jsonld-relation-note",
        "injection",
        ("export", "--format", "jsonld", "--out", EXPORT[0]),
        0,
        setup=relation_field("79-ct-tu-hau-giang-2017", "note", SCRIPT + ' "}]'),
        changes=(EXPORT[1],),
        check=lambda ws, _: _assert(
            SCRIPT + ' "}]'
            in [
                r.get("vb:note") for n in json.loads((ws / "x").read_text())["@graph"] for r in n.get("vb:relation", [])
            ]
        ),
    ),
    # -- export graphml: attribute values of well-formed XML -----------------------------------------
    Case(
        "inj-export-graphml-title-markup",
        "injection",
        ("export", "--format", "graphml", "--out", EXPORT[0]),
        0,
        setup=doc_field("04-nq-tw-2016", "title", SCRIPT + " & \"q\" 'a' <b>"),
        changes=(EXPORT[1],),
        check=graphml("title", SCRIPT + " & \"q\" 'a' <b>"),
    ),
    Case(
        "inj-export-graphml-note-cdata-end",
        "injection",
        ("export", "--format", "graphml", "--out", EXPORT[0]),
        0,
        setup=relation_field("79-ct-tu-hau-giang-2017", "note", "]]><evil/><![CDATA["),
        changes=(EXPORT[1],),
        check=graphml("note", "]]><evil/><![CDATA["),
    ),
    Case(
        "inj-export-graphml-issuer-doctype-entity",
        "injection",
        ("export", "--format", "graphml", "--out", EXPORT[0]),
        0,
        setup=issuer_field("bch-tw", "name", '<!DOCTYPE x [<!ENTITY e "boom">]>&e;'),
        changes=(EXPORT[1],),
        check=graphml("issuer_name", '<!DOCTYPE x [<!ENTITY e "boom">]>&e;'),
    ),
    # -- report --csv -: text cells ------------------------------------------------------------------
    Case(
        "inj-report-csv-region-formula",
        "injection",
        ("report", "04-NQ/TW", "--csv", "-"),
        0,
        setup=region_name("hau-giang", FORMULA),
        check=report_cell(FORMULA),
    ),
    Case(
        "inj-report-csv-missing-region-at",
        "injection",
        ("report", "04-NQ/TW", "--csv", "-"),
        0,
        r"chưa có văn bản trong cơ sở tri thức",
        setup=region_name("dak-lak", "@SUM(1+1)"),
        check=report_cell("@SUM(1+1)"),
    ),
    Case(
        "inj-report-csv-issuer-minus",
        "injection",
        ("report", "04-NQ/TW", "--csv", "-"),
        0,
        setup=issuer_field("tinh-uy-hau-giang", "name", "-1+2"),
        check=report_cell("-1+2"),
    ),
    # -- pack --html: escaped HTML --------------------------------------------------------------------
    Case(
        "inj-pack-html-title-script",
        "injection",
        ("pack", "04-NQ/TW", "--html", "{ws}/p.html"),
        0,
        r"Đã ghi",
        setup=doc_field("04-nq-tw-2016", "title", SCRIPT),
        changes=("p.html",),
        check=html_file("p.html", SCRIPT, SCRIPT),
    ),
    Case(
        "inj-pack-html-key-point-img",
        "injection",
        ("pack", "04-NQ/TW", "--html", "{ws}/p.html"),
        0,
        setup=doc_field("04-nq-tw-2016", "key_points", [IMG]),
        changes=("p.html",),
        check=html_file("p.html", IMG, IMG),
    ),
    Case(
        "inj-pack-html-question-break-out",
        "injection",
        ("pack", "04-NQ/TW", "--html", "{ws}/p.html"),
        0,
        setup=doc_field("04-nq-tw-2016", "questions", [BREAK_OUT]),
        changes=("p.html",),
        check=html_file("p.html", BREAK_OUT, BREAK_OUT),
    ),
    Case(
        "inj-pack-html-signer-attribute",
        "injection",
        ("pack", "04-NQ/TW", "--html", "{ws}/p.html"),
        0,
        setup=doc_field("04-nq-tw-2016", "signer", {"name": "' onmouseover='alert(1)", "capacity": "Tổng Bí thư"}),
        changes=("p.html",),
        check=html_file("p.html", "' onmouseover='alert(1)", "' onmouseover='alert(1)"),
    ),
    Case(
        "inj-pack-html-alias-markdown",
        "injection",
        ("pack", "04-NQ/TW", "--html", "{ws}/p.html"),
        0,
        setup=doc_field("04-nq-tw-2016", "aliases", [MD_LINK, ATTR_LIST]),
        changes=("p.html",),
        check=html_file("p.html", MD_LINK, f"{MD_LINK}; {ATTR_LIST}"),
    ),
    Case(
        "inj-pack-html-chain-title-close-title",
        "injection",
        ("pack", "04-NQ/TW", "--html", "{ws}/p.html"),
        0,
        setup=both(
            doc_field("79-ct-tu-hau-giang-2017", "title", "</title>" + SCRIPT),
            issuer_field("tinh-uy-hau-giang", "name", "</td></tr></table>" + IMG),
        ),
        changes=("p.html",),
        check=html_file("p.html", "</td></tr></table>" + IMG, "</td></tr></table>" + IMG),
    ),
    Case(
        "inj-pack-html-source-title-iframe",
        "injection",
        ("pack", "04-NQ/TW", "--html", "{ws}/p.html"),
        0,
        setup=source_title("seed", "<iframe src=javascript:alert(1)></iframe>"),
        changes=("p.html",),
        check=html_file("p.html", "<iframe src=javascript:alert(1)></iframe>", "<iframe src=javascript:alert(1)>"),
    ),
    Case(
        "inj-pack-html-issuer-style",
        "injection",
        ("pack", "04-NQ/TW", "--html", "{ws}/p.html"),
        0,
        setup=issuer_field("bch-tw", "name", "<style>*{display:none}</style><link rel=stylesheet href=http://x>"),
        changes=("p.html",),
        check=html_file(
            "p.html",
            "<style>*{display:none}</style><link rel=stylesheet href=http://x>",
            "<style>*{display:none}</style>",
        ),
    ),
    # -- extract: citations in a text full of markup ---------------------------------------------------
    Case(
        "inj-extract-json-markup-around-a-citation",
        "injection",
        ("extract", "-", "--json"),
        0,
        stdin=_stdin(f"{SCRIPT} Thực hiện Nghị quyết số 04-NQ/TW ngày 30/10/2016 {CLOSE_SCRIPT}\u2028{IMG}\n"),
        check=json_out(lambda items: _assert([i["resolved"] for i in items] == ["04-nq-tw-2016"])),
    ),
    Case(
        "inj-extract-plain-markdown",
        "injection",
        ("extract", "-"),
        0,
        r"Nghị quyết số 04-NQ/TW.*→ 04-NQ/TW \(2016\)",
        stdin=_stdin(f"{MD_LINK} {ATTR_LIST} theo Nghị quyết số 04-NQ/TW của Ban Chấp hành Trung ương {BREAK_OUT}\n"),
    ),
    # -- suggest: a YAML draft whose values stay values ----------------------------------------------
    Case(
        "inj-suggest-title-yaml-syntax",
        "injection",
        ("suggest", "-"),
        0,
        stdin=_stdin(HEADER.format(title='Về việc "x": [y] {z} #c &a *b !t | ' + SCRIPT, signer="Nguyễn Văn A")),
        check=yaml_draft("title", 'Về việc "x": [y] {z} #c &a *b !t | ' + SCRIPT),
    ),
    Case(
        "inj-suggest-signer-yaml-key",
        "injection",
        ("suggest", "-"),
        0,
        stdin=_stdin(HEADER.format(title="Về việc thử", signer="Nguyễn Văn A: injected: true")),
        check=yaml_draft("signer.name", "Nguyễn Văn A: injected: true"),
    ),
    # -- originals: published as they are, so never through a link ----------------------------------
    Case(
        "inj-check-original-linked-out-of-data",
        "injection",
        ("check",),
        0,
        r"bản gốc không được đăng: là liên kết tượng trưng",
        setup=_original_linked_out,
        location=r"originals/97-tb-ubnd-hau-giang-2017\.pdf",
    ),
    Case(
        "inj-build-original-linked-out-of-data",
        "injection",
        BUILD,
        0,
        r"Xong: 26 văn bản",
        setup=_original_linked_out,
        changes=BUILD_CHANGES,
        check=_original_not_published,
        timeout=60,
    ),
    # -- build: three whole sites --------------------------------------------------------------------
    Case(
        "inj-build-symbol-markdown-in-home-heading",
        "injection",
        BUILD,
        0,
        r"Xong: 27 văn bản",
        setup=_symbol_documents,
        changes=BUILD_CHANGES,
        check=built_page("index.html", _home_heading_is_text),
        timeout=60,
    ),
    Case(
        "inj-build-topic-named-index",
        "injection",
        BUILD,
        1,
        r"\.\./\.\./index",
        setup=doc_field("04-nq-tw-2016", "topics", ["../../index"]),
        changes=BUILD_CHANGES,
        check=lambda ws, _: _assert(not (ws / "site").exists()),
    ),
    Case(
        "inj-build-long-topic-with-markup",
        "injection",
        BUILD,
        0,
        r"Xong:",
        setup=doc_field("04-nq-tw-2016", "topics", [LONG_TOPIC]),
        changes=BUILD_CHANGES,
        check=_long_topic_page,
        timeout=60,
    ),
    Case(
        "inj-build-issuer-key-parent-index",
        "injection",
        BUILD,
        1,
        r"\.\./index",
        setup=lambda ws: (
            [
                write(p, p.read_text(encoding="utf-8").replace("bch-tw", "../index"))
                for p in [data(ws) / "issuers.yaml", *(data(ws) / "documents").glob("*.yaml")]
            ]
            and None
        ),
        changes=BUILD_CHANGES,
        location=r"issuers\.yaml:\d+",
        check=lambda ws, _: _assert(not (ws / "site" / "index.html").exists()),
        timeout=60,
    ),
]


def _assert(condition: bool) -> None:
    assert condition
