"""Bad-input cases: limits. See tests/bad_inputs/__init__.py for the format.

Tracebacks, and inputs that are too large, too dense or not text at all: binary, UTF-16 or cp1258
bytes given to `extract` and `suggest` (as a file or on standard input), empty input, a full text
above citations.MAX_TEXT_BYTES or with more than citations.MAX_CITATIONS citations, a REF longer
than refs.MAX_REF_CHARS, control characters in the data through every export format (each file
parsed back with the standard readers), outputs into folders that are missing, read-only, a file
or the output itself, bad --date values, and what argparse refuses. Each must end in a message
and an exit code within its timeout, never a traceback or a hang.
"""

from __future__ import annotations

import csv
import json
import os
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import yaml

from vanban.citations import MAX_CITATIONS

from . import Case, append, data, doc, write

CAP = f"{MAX_CITATIONS:,}".replace(",", r"\.")  # as messages write it: 40.000

L = "limits"
Setup = Callable[[Path], None]
Check = Callable[[Path, str], None]

CITING = "Thực hiện Nghị quyết số 04-NQ/TW ngày 30/10/2016 của Ban Chấp hành Trung ương Đảng khóa XII.\n"
# As a Windows editor saves it: cp1258 has the tone marks as combining characters, so NFD first
# (the horn it has no code for becomes "?"): bytes that are not UTF-8.
CITING_CP1258 = unicodedata.normalize("NFD", CITING).encode("cp1258", errors="replace")
TEXT_160 = "texts/160-bc-tu-hau-giang-2017.txt"
BIG = 6_000_000  # above citations.MAX_TEXT_BYTES (5,000,000)
LONG_REF = "16/CT-TTg" + " " * 99_990 + "2020"  # 100,003 characters; spaces made the year pattern quadratic
# Control characters YAML can carry (as escapes in a quoted string); XML 1.0 has room for none but
# tab and line breaks. DEL and NEL are allowed in XML and must come through as they are.
CONTROL = "Về\x00 tăng cường\x0b xây dựng\x1b[31m Đảng\x0c\x08\x7f\x85 cuối"
IN_XML = "Về\ufffd tăng cường\ufffd xây dựng\ufffd[31m Đảng\ufffd\ufffd\x7f\x85 cuối"


def _original(change: Callable[[Path], object]) -> Setup:
    """data/originals/04-nq-tw-2016.pdf, then changed (made huge)."""

    def setup(ws: Path) -> None:
        path = data(ws) / "originals" / "04-nq-tw-2016.pdf"
        write(path, b"%PDF-1.4\n")
        change(path)

    return setup


def file_bytes(name: str, content: bytes) -> Setup:
    def setup(ws: Path) -> None:
        write(ws / name, content)

    return setup


def text_of_160(body: str) -> Setup:
    def setup(ws: Path) -> None:
        append(data(ws) / TEXT_160, body)

    return setup


def doc_field(doc_id: str, field: str, value: object) -> Setup:
    def setup(ws: Path) -> None:
        d = yaml.safe_load(doc(ws, doc_id).read_text(encoding="utf-8"))
        d[field] = value
        write(doc(ws, doc_id), yaml.safe_dump(d, allow_unicode=True, sort_keys=False))

    return setup


def first_relation_note(doc_id: str, value: str) -> Setup:
    def setup(ws: Path) -> None:
        d = yaml.safe_load(doc(ws, doc_id).read_text(encoding="utf-8"))
        d["relations"][0]["note"] = value
        write(doc(ws, doc_id), yaml.safe_dump(d, allow_unicode=True, sort_keys=False))

    return setup


def issuer_name(key: str, value: str) -> Setup:
    def setup(ws: Path) -> None:
        issuers = yaml.safe_load((data(ws) / "issuers.yaml").read_text(encoding="utf-8"))
        issuers[key]["name"] = value
        write(data(ws) / "issuers.yaml", yaml.safe_dump(issuers, allow_unicode=True, sort_keys=False))

    return setup


def folder(name: str) -> Setup:
    def setup(ws: Path) -> None:
        (ws / name).mkdir(parents=True)

    return setup


def _assert(condition: bool, detail: object = "") -> None:
    assert condition, detail


def graphml_file(name: str, node: str, field: str, expected: str) -> Check:
    """The GraphML parses with xml.etree and networkx, and the value reads back as expected."""

    def check(ws: Path, _output: str) -> None:
        ET.parse(ws / name)
        graph = nx.read_graphml(ws / name)
        if node in graph:
            assert graph.nodes[node][field] == expected, graph.nodes[node][field]
        else:  # an edge: node is "source>target"
            source, target = node.split(">")
            values = [d[field] for u, v, d in graph.edges(data=True) if (u, v) == (source, target)]
            assert expected in values, values

    return check


def json_nodes(text: str) -> dict[str, dict[str, object]]:
    return {n["id"]: n for n in json.loads(text)["nodes"]}


def json_output(field: str, expected: str) -> Check:
    """`export --format json` to standard output: parses, and keeps the control characters."""

    def check(_ws: Path, output: str) -> None:
        assert json_nodes(output)["04-nq-tw-2016"][field] == expected

    return check


def jsonld_file(name: str, expected: str) -> Check:
    def check(ws: Path, _output: str) -> None:
        graph = json.loads((ws / name).read_text(encoding="utf-8"))["@graph"]
        titles = {n["@id"]: n["eli:title"] for n in graph}
        assert titles["04-nq-tw-2016"] == expected, titles["04-nq-tw-2016"]

    return check


def csv_file(name: str, key: str, field: str, expected: str) -> Check:
    def check(ws: Path, _output: str) -> None:
        with open(ws / name, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        cells = [r[field] for r in rows if key in (r.get("id"), r.get("source"))]
        assert expected in cells, cells

    return check


def extract_json(count: int) -> Check:
    def check(_ws: Path, output: str) -> None:
        assert len(json.loads(output)) == count, output[:500]

    return check


def nothing_at(*names: str) -> Check:
    def check(ws: Path, _output: str) -> None:
        for name in names:
            assert not (ws / name).exists(), name

    return check


CASES: list[Case] = [
    # -- extract and suggest: what is not UTF-8 text is refused, with what it looks like ----------------
    Case(
        "lim-extract-binary-file",
        L,
        ("extract", "{ws}/anh.png"),
        1,
        r"anh\.png: đây là dữ liệu nhị phân \(có byte 0\), không phải văn bản UTF-8",
        setup=file_bytes("anh.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40),
    ),
    Case(
        "lim-extract-stdin-binary",
        L,
        ("extract", "-", "--json"),
        1,
        r"Không đọc đầu vào chuẩn: đây là dữ liệu nhị phân",
        stdin=b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 16,
    ),
    Case(
        "lim-extract-stdin-binary-child",
        L,
        ("extract", "-", "--data", "{data}"),
        1,
        r"dữ liệu nhị phân",
        stdin=bytes(range(256)) * 64,
        subprocess=True,
    ),
    Case(
        "lim-extract-stdin-nul-in-text",
        L,
        ("extract", "-"),
        1,
        r"có byte 0",
        stdin=CITING.encode("utf-8") + b"\x00" + CITING.encode("utf-8"),
    ),
    Case(
        "lim-extract-utf16-file",
        L,
        ("extract", "{ws}/van-ban.txt"),
        1,
        r"van-ban\.txt: đây là UTF-16, không phải văn bản UTF-8",
        setup=file_bytes("van-ban.txt", CITING.encode("utf-16")),
    ),
    Case(
        "lim-suggest-stdin-utf16le-without-bom",
        L,
        ("suggest", "-"),
        1,
        r"không phải văn bản UTF-8",
        stdin=CITING.encode("utf-16-le"),
    ),
    Case(
        "lim-extract-cp1258-file",
        L,
        ("extract", "{ws}/cp1258.txt"),
        1,
        r"cp1258\.txt: không phải UTF-8 \(byte 0x[0-9a-f]{2} ở dòng 3\).*iconv -f cp1258 -t utf-8",
        setup=file_bytes("cp1258.txt", b"So 12\nNgay 1/1/2017\n" + CITING_CP1258),
    ),
    Case(
        "lim-suggest-cp1258-stdin-child",
        L,
        ("suggest", "-", "--data", "{data}"),
        1,
        r"Không đọc đầu vào chuẩn: không phải UTF-8",
        stdin=CITING_CP1258,
        subprocess=True,
    ),
    Case(
        "lim-suggest-binary-file",
        L,
        ("suggest", "{ws}/a.pdf"),
        1,
        r"a\.pdf: đây là dữ liệu nhị phân",
        setup=file_bytes("a.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nstream\n\x00\x01\x02\nendstream\n"),
    ),
    Case(
        "lim-extract-dev-zero",
        L,
        ("extract", "/dev/zero"),
        1,
        r"/dev/zero: dài hơn 5\.000\.000 byte",
        timeout=10,
    ),
    # -- empty input: no citations (extract), nothing to draft from (suggest) ---------------------------
    Case(
        "lim-extract-empty-file", L, ("extract", "{ws}/rong.txt"), 0, r"0 trích dẫn", setup=file_bytes("rong.txt", b"")
    ),
    Case("lim-extract-empty-stdin-json", L, ("extract", "-", "--json"), 0, stdin=b"", check=extract_json(0)),
    Case("lim-suggest-empty-stdin", L, ("suggest", "-"), 1, r"Đầu vào chuẩn trống", stdin=b""),
    Case(
        "lim-suggest-blank-file",
        L,
        ("suggest", "{ws}/trang.txt"),
        1,
        r"trang\.txt trống",
        setup=file_bytes("trang.txt", b" \n\t\r\n \n"),
    ),
    # -- not a file -------------------------------------------------------------------------------------
    Case("lim-extract-a-folder", L, ("extract", "{data}"), 1, r"là một thư mục; hãy chỉ một tệp văn bản"),
    Case("lim-suggest-missing-file", L, ("suggest", "{ws}/khong-co.txt"), 1, r"Không có tệp .*khong-co\.txt"),
    Case(
        "lim-data-is-a-file",
        L,
        ("show", "04-NQ/TW", "--data", "{data}/issuers.yaml"),
        1,
        r"không thấy thư mục .*issuers\.yaml/documents",
    ),
    # -- too large or too dense: refused within seconds ----------------------------------------------
    Case(
        "lim-extract-file-above-5-mb",
        L,
        ("extract", "{ws}/lon.txt"),
        1,
        r"lon\.txt: dài hơn 5\.000\.000 byte, giới hạn của một văn bản",
        setup=file_bytes("lon.txt", CITING.encode("utf-8") * (BIG // len(CITING.encode("utf-8")))),
        timeout=10,
    ),
    Case(
        "lim-extract-stdin-above-5-mb-child",
        L,
        ("extract", "-", "--data", "{data}"),
        1,
        r"Không đọc đầu vào chuẩn: dài hơn 5\.000\.000 byte",
        stdin=b"x" * BIG,
        subprocess=True,
        timeout=20,
    ),
    Case(
        "lim-extract-1-mb-of-phap-lenh-34",
        L,
        ("extract", "{ws}/pl34.txt"),
        1,
        rf"pl34\.txt: văn bản có hơn {CAP} trích dẫn, quá giới hạn",
        setup=file_bytes("pl34.txt", ("Pháp lệnh 34 " * 77_000).encode("utf-8")),
        timeout=5,
    ),
    Case(
        "lim-extract-phap-lenh-34-under-the-limit",
        L,
        ("extract", "{ws}/pl34.txt"),
        0,
        r"1500 trích dẫn, 1500 đã xác định",
        setup=file_bytes("pl34.txt", ("Pháp lệnh 34 " * 1500).encode("utf-8")),
        timeout=5,
    ),
    Case(
        "lim-suggest-dense-list-stdin",
        L,
        ("suggest", "-"),
        1,
        rf"văn bản có hơn {CAP} trích dẫn",
        stdin=("Nghị quyết số " + ", ".join(map(str, range(1, 31))) + "; ").encode("utf-8") * 2_000,
        timeout=5,
    ),
    Case(
        "lim-suggest-indented-lines",  # the header patterns used to take a cube of the spaces
        L,
        ("suggest", "-"),
        0,
        r"# Bản nháp",
        stdin=(" " * 3000 + "x\n").encode("utf-8") * 300 + (" " * 3000 + "**  so").encode("utf-8"),
        timeout=5,
    ),
    Case(
        "lim-check-text-above-5-mb",
        L,
        ("check",),
        1,
        r"không tìm trích dẫn trong toàn văn: văn bản dài \d{1,3}(\.\d{3})+ byte, quá giới hạn 5\.000\.000 byte",
        setup=text_of_160("Nội dung báo cáo, không trích dẫn văn bản nào.\n" * (BIG // 50)),
        location=r"texts/160-bc-tu-hau-giang-2017\.txt:\d+",
        timeout=15,
    ),
    Case(
        "lim-check-text-with-too-many-citations",
        L,
        ("check",),
        1,
        rf"văn bản có hơn {CAP} trích dẫn, quá giới hạn.*1 lỗi",
        setup=text_of_160("Chỉ thị 05-CT/TW; " * 50_001),
        location=r"texts/160-bc-tu-hau-giang-2017\.txt:\d+",
        timeout=15,
    ),
    Case(
        "lim-build-text-above-5-mb",
        L,
        ("build", "--out", "{ws}/site"),
        1,
        r"quá giới hạn 5\.000\.000 byte.*Dừng lại",
        setup=text_of_160("x" * BIG),
        check=nothing_at("site"),
        timeout=20,
    ),
    # -- a REF of 100,000 characters: refused before any lookup -------------------------------------------
    Case("lim-show-ref-100k", L, ("show", LONG_REF), 2, r"Tham chiếu dài 100\.003 ký tự, quá giới hạn 300", timeout=5),
    Case("lim-implementers-ref-100k", L, ("implementers", LONG_REF), 2, r"quá giới hạn 300", timeout=5),
    Case("lim-sources-ref-100k-json", L, ("sources", LONG_REF, "--json"), 2, r"quá giới hạn 300", timeout=5),
    Case(
        "lim-pack-ref-100k",
        L,
        ("pack", "x" * 100_000, "--pdf", "{ws}/p.pdf"),
        2,
        r"Tham chiếu dài 100\.000 ký tự",
        check=nothing_at("p.pdf"),
        timeout=5,
    ),
    Case("lim-report-ref-100k", L, ("report", "Pháp lệnh 34 " * 7_700, "--csv", "-"), 2, r"quá giới hạn", timeout=5),
    Case(
        "lim-show-ref-at-the-limit",  # 300 characters: looked up, and the year read after the separators
        L,
        ("show", "04-NQ/TW" + " ,(" * 96 + "2016"),
        0,
        r"04-NQ/TW — Nghị quyết",
        timeout=5,
    ),
    Case(
        "lim-show-ref-one-above-the-limit",
        L,
        ("show", "04-NQ/TW" + " ,(" * 96 + "20160"),
        2,
        r"Tham chiếu dài 301 ký tự, quá giới hạn 300",
        timeout=5,
    ),
    # -- control characters in the data: every export parses back ----------------------------------
    Case(
        "lim-export-graphml-title-control-characters",
        L,
        ("export", "--format", "graphml", "--out", "{ws}/g.graphml"),
        0,
        r"Đã ghi",
        setup=doc_field("04-nq-tw-2016", "title", CONTROL),
        changes=("g.graphml",),
        check=graphml_file("g.graphml", "04-nq-tw-2016", "title", IN_XML),
    ),
    Case(
        "lim-export-graphml-relation-note-escape",
        L,
        ("export", "--format", "graphml", "--out", "{ws}/g.graphml"),
        0,
        setup=first_relation_note("79-ct-tu-hau-giang-2017", "ghi chú\x1b]0;tiêu đề\x07 cuối"),
        changes=("g.graphml",),
        check=graphml_file(
            "g.graphml", "79-ct-tu-hau-giang-2017>04-nq-tw-2016", "note", "ghi chú\ufffd]0;tiêu đề\ufffd cuối"
        ),
    ),
    Case(
        "lim-export-graphml-issuer-name-form-feed",
        L,
        ("export", "--format", "graphml", "--out", "{ws}/g.graphml"),
        0,
        setup=issuer_name("bch-tw", "Ban Chấp hành\x0cTrung ương\uffff"),
        changes=("g.graphml",),
        check=graphml_file("g.graphml", "04-nq-tw-2016", "issuer_name", "Ban Chấp hành\ufffdTrung ương\ufffd"),
    ),
    Case(
        "lim-export-json-title-control-characters",
        L,
        ("export", "--format", "json"),
        0,
        setup=doc_field("04-nq-tw-2016", "title", CONTROL),
        check=json_output("title", CONTROL),
    ),
    Case(
        "lim-export-json-aliases-control-characters",
        L,
        ("export", "--format", "json"),
        0,
        setup=doc_field("04-nq-tw-2016", "aliases", ["Nghị quyết\x0b4", "Trung ương 4\x00"]),
        check=json_output("aliases", "Nghị quyết\x0b4; Trung ương 4\x00"),
    ),
    Case(
        "lim-export-jsonld-title-control-characters",
        L,
        ("export", "--format", "jsonld", "--out", "{ws}/g.jsonld"),
        0,
        setup=doc_field("04-nq-tw-2016", "title", CONTROL),
        changes=("g.jsonld",),
        check=jsonld_file("g.jsonld", CONTROL),
    ),
    Case(
        "lim-export-csv-title-control-characters",
        L,
        ("export", "--format", "csv", "--out", "{ws}/x"),
        0,
        setup=doc_field("04-nq-tw-2016", "title", CONTROL + "\r\ndòng hai"),
        changes=("x-*.csv",),
        check=csv_file("x-documents.csv", "04-nq-tw-2016", "title", CONTROL + "\r\ndòng hai"),
    ),
    Case(
        "lim-export-csv-relation-note-control-characters",
        L,
        ("export", "--format", "csv", "--out", "{ws}/x"),
        0,
        setup=first_relation_note("79-ct-tu-hau-giang-2017", "ghi chú\x00\x1b cuối"),
        changes=("x-*.csv",),
        check=csv_file("x-relations.csv", "79-ct-tu-hau-giang-2017", "note", "ghi chú\x00\x1b cuối"),
    ),
    # -- outputs: a missing folder, a read-only one, a file in the way, a folder in the way --------
    Case(
        "lim-pack-pdf-missing-folder",
        L,
        ("pack", "04-NQ/TW", "--pdf", "{ws}/khong-co/p.pdf"),
        1,
        r"Không ghi được tệp: thư mục '.*khong-co' không có",
        timeout=60,
    ),
    Case(
        "lim-pack-pdf-under-a-file",
        L,
        ("pack", "04-NQ/TW", "--pdf", "{data}/issuers.yaml/p.pdf"),
        1,
        r"issuers\.yaml' không phải thư mục",
        timeout=60,
    ),
    Case(
        "lim-pack-pdf-onto-a-folder",
        L,
        ("pack", "04-NQ/TW", "--pdf", "{ws}/ra.pdf"),
        1,
        r"ra\.pdf' là một thư mục",
        setup=folder("ra.pdf"),
        timeout=60,
    ),
    Case(
        "lim-pack-html-read-only-folder",  # /sys refuses new files, even to root
        L,
        ("pack", "04-NQ/TW", "--html", "/sys/vanban-pack.html"),
        1,
        r"Không ghi được tệp: .*'/sys'",
    ),
    Case(
        "lim-report-csv-missing-folder",
        L,
        ("report", "04-NQ/TW", "--csv", "{ws}/khong-co/r.csv"),
        1,
        r"thư mục '.*khong-co' không có",
    ),
    Case(
        "lim-report-csv-under-a-file",
        L,
        ("report", "04-NQ/TW", "--csv", "{data}/regions.yaml/r.csv"),
        1,
        r"regions\.yaml' không phải thư mục",
    ),
    Case(
        "lim-report-csv-read-only-folder",
        L,
        ("report", "04-NQ/TW", "--csv", "/sys/vanban-report.csv"),
        1,
        r"Không ghi được tệp: .*'/sys'",
    ),
    Case(
        "lim-export-out-missing-folder",
        L,
        ("export", "--format", "graphml", "--out", "{ws}/khong-co/g.graphml"),
        1,
        r"thư mục '.*khong-co' không có",
    ),
    Case(
        "lim-export-out-under-a-file",
        L,
        ("export", "--format", "jsonld", "--out", "{data}/sources.yaml/g.jsonld"),
        1,
        r"sources\.yaml' không phải thư mục",
    ),
    Case(
        "lim-export-csv-onto-a-folder",
        L,
        ("export", "--format", "csv", "--out", "{ws}/x"),
        1,
        r"x-documents\.csv' là một thư mục",
        setup=folder("x-documents.csv"),
        check=nothing_at("x-relations.csv"),
    ),
    # -- --date: what is no date is said so ------------------------------------------------------------
    Case(
        "lim-extract-date-no-such-day",
        L,
        ("extract", "-", "--date", "2017-02-30"),
        1,
        r"Ngày không hợp lệ: '2017-02-30'",
        stdin=CITING.encode(),
    ),
    Case(
        "lim-extract-date-words",
        L,
        ("extract", "-", "--date", "hôm qua"),
        1,
        r"Ngày không hợp lệ: 'hôm qua'; viết YYYY-MM-DD",
        stdin=CITING.encode(),
    ),
    Case(
        "lim-extract-date-empty", L, ("extract", "-", "--date", ""), 1, r"Ngày không hợp lệ: ''", stdin=CITING.encode()
    ),
    Case(
        "lim-extract-date-far-year",
        L,
        ("extract", "-", "--date", "99999-01-01"),
        1,
        r"Ngày không hợp lệ",
        stdin=CITING.encode(),
    ),
    # -- originals: too large to publish (a FIFO among them: tests/test_drafts.py) --------------------------------
    Case(
        "lim-original-above-the-limit",
        L,
        ("check",),
        0,
        r"bản gốc không được đăng: tệp lớn 51\.0 MB, quá giới hạn 50\.0 MB",
        setup=_original(lambda path: os.truncate(path, 51 * 1024 * 1024)),
        location=r"originals/04-nq-tw-2016\.pdf",
    ),
    # -- what argparse refuses: its message and exit code 2, no traceback --------------------------------
    Case(
        "lim-unknown-subcommand",
        L,
        ("trich-dan", "--data", "{data}"),
        2,
        r"usage: build_graph\.py.*invalid choice: 'trich-dan'",
        subprocess=True,
    ),
    Case(
        "lim-unknown-option",
        L,
        ("extract", "-", "--data", "{data}", "--ngay", "2017-01-01"),
        2,
        r"unrecognized arguments: --ngay",
        stdin=CITING.encode(),
        subprocess=True,
    ),
    Case(
        "lim-build-pdf-packs-not-a-number",
        L,
        ("build", "--data", "{data}", "--out", "{ws}/site", "--pdf-packs", "nhiều"),
        2,
        r"argument --pdf-packs: invalid int value: 'nhiều'",
        subprocess=True,
        check=nothing_at("site"),
    ),
]
