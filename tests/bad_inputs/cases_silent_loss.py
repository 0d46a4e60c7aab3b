"""Bad-input cases: silent-loss. See tests/bad_inputs/__init__.py for the format.

Data that used to be dropped or changed without a word: empty and odd files, YAML 1.1 values,
topics split by case or Unicode form, dates in the future, knots of replacements, extensions,
unreadable places, symbolic links, keys that are no ids, and the loader's limits.
"""

from __future__ import annotations

import os
import socket
import unicodedata
from pathlib import Path

from . import Case, append, data, doc, replace, write

S = "silent-loss"

# A valid document of the test corpus's issuers and sources, for files added by a case.
NEW = """\
symbol: 99-NQ/TW
type: nghi-quyet
issuer: bch-tw
date: 2014-05-10
term: XI
title: Văn bản thử
sources: [reference]
"""
NEW_ID = "99-nq-tw-2014"
TEXT_1185 = "texts/1185-ubnd-th-hau-giang-2017.txt"
# Ten levels of ten: 10^10 values once expanded, a few hundred bytes as written.
BOMB_ANCHORS = "aliases: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"notes: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 10)
)


def new_doc(ws: Path, text: str = NEW, name: str = f"{NEW_ID}.yaml") -> None:
    write(data(ws) / "documents" / name, text)


# A draft as `ingest` writes it, its issuer not identified (no `issuer:`), for the review cases.
DRAFT_ID = "97-tb-ubnd-hau-giang-2017"
DRAFT = f"""\
# Bản nháp do `vanban ingest` đọc bằng máy.
symbol: 97/TB-UBND
type: thong-bao
date: 2017-03-01
title: Kết luận của Chủ tịch  # chưa chắc
sources: [reference]
draft:
  reader: OCR (tesseract, tiếng Việt)
  file: scan 97.pdf
  original: {DRAFT_ID}.pdf
  fields:
    symbol: {{confidence: 0.9}}
    # trích yếu mờ trên bản quét
    title:
      confidence: 0.5
      reason: chữ mờ
  relations:
  - type: thuc-hien
    target: 04-nq-tw-2016
    cited: Nghị quyết số 04-NQ/TW
    sentence: Thực hiện Nghị quyết số 04-NQ/TW.
"""


def draft_doc(ws: Path, text: str = DRAFT) -> None:
    write(data(ws) / "documents" / f"{DRAFT_ID}.yaml", text)


def draft_accepted_title(ws: Path, _output: str) -> None:
    got = (data(ws) / "documents" / f"{DRAFT_ID}.yaml").read_text(encoding="utf-8")
    assert got == DRAFT.replace("    title:\n      confidence: 0.5\n      reason: chữ mờ\n", ""), got


def ten_that_replace_one_another(ws: Path) -> None:
    ids = [f"9{i}-nq-tw-2014" for i in range(10)]
    for i, doc_id in enumerate(ids):
        relations = "".join(f"  - {{type: thay-the, target: {other}}}\n" for other in ids if other != doc_id)
        new_doc(ws, NEW.replace("99-NQ/TW", f"9{i}-NQ/TW") + "relations:\n" + relations, f"{doc_id}.yaml")


def one_cycle_report(_ws: Path, output: str) -> None:
    assert output.count("vòng lặp") == 1, output
    assert "cả nhóm gồm 10 văn bản" in output or output.count("→") >= 10, output


def exported_as_typed(ws: Path, output: str) -> None:
    from vanban.load import load_corpus

    for typed in ('"yes; No; on; 010; 0x1F; 12:30; 1_000"', '"term": "010"', '"title": "yes"'):
        assert typed in output, (typed, output[:3000])
    assert load_corpus(data(ws))[0].documents[NEW_ID].place == "0x1F"  # not exported: read it back


def one_topic_form(ws: Path, output: str) -> None:
    from vanban.load import load_corpus

    corpus, _ = load_corpus(data(ws))
    nfc = unicodedata.normalize("NFC", "xây dựng Đảng")
    assert corpus.documents[NEW_ID].topics == (nfc,)
    assert corpus.documents["04-nq-tw-2016"].topics == (nfc,)


def link(path: Path, target: str | Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() or path.is_symlink():
        path.unlink()
    path.symlink_to(target)


def move_text_inside_and_link(ws: Path) -> None:
    (data(ws) / "goc").mkdir()
    (data(ws) / TEXT_1185).rename(data(ws) / "goc" / "1185.txt")
    link(data(ws) / TEXT_1185, "../goc/1185.txt")


def link_text_outside(ws: Path) -> None:
    write(ws / "ngoai" / "mat.txt", "Bí mật ngoài thư mục dữ liệu.\n")
    link(data(ws) / TEXT_1185, ws / "ngoai" / "mat.txt")


def texts_as_a_file(ws: Path) -> None:
    for path in (data(ws) / "texts").iterdir():
        path.unlink()
    (data(ws) / "texts").rmdir()
    write(data(ws) / "texts", "không phải thư mục\n")


def socket_document(ws: Path) -> None:
    # Not a FIFO: the runner's snapshot would block reading it. A socket is no regular file either.
    here = os.getcwd()
    os.chdir(data(ws) / "documents")  # a socket's path is limited to ~100 bytes: bind a short one
    try:
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(f"{NEW_ID}.yaml")
        sock.close()
    finally:
        os.chdir(here)


def sparse_text(ws: Path) -> None:
    with open(data(ws) / TEXT_1185, "r+b") as handle:
        handle.truncate(11 * 1024 * 1024)  # 11 MB of zeros, nothing written to disk


def rename(ws: Path, old: str, new: str) -> None:
    (data(ws) / old).rename(data(ws) / new)


def cp1258(text: str) -> bytes:
    # Windows-1258 has â, ê, ơ, đ… as letters and the tones as combining marks.
    out = b""
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in "\u0302\u0306\u031b"))
            tones = "".join(m for m in marks if m not in "\u0302\u0306\u031b")
            out += (letter + tones).encode("cp1258")
    return out


def not_built(ws: Path, _output: str) -> None:
    assert not (ws / "site").exists()


def small_output(limit: int):
    def check(_ws: Path, output: str) -> None:
        assert len(output) < limit, len(output)

    return check


CASES: list[Case] = [
    # -- Empty and odd document files
    Case(
        "empty-document-file",
        S,
        ("check",),
        1,
        r"tệp văn bản phải là một mục khóa",
        setup=lambda ws: write(doc(ws, "99-nq-tw-2016"), ""),
        location=r"99-nq-tw-2016\.yaml:1",
    ),
    Case(
        "comment-only-document-file",
        S,
        ("check",),
        1,
        r"rỗng hoặc chỉ có chú thích",
        setup=lambda ws: new_doc(ws, "# Nghị quyết 99 — điền sau\n# symbol: 99-NQ/TW\n"),
        location=rf"{NEW_ID}\.yaml:1",
    ),
    Case(
        "document-that-is-null",
        S,
        ("check",),
        1,
        r"rỗng",
        setup=lambda ws: new_doc(ws, "~\n"),
        location=rf"{NEW_ID}\.yaml:1",
    ),
    Case(
        "document-that-is-a-list",
        S,
        ("check",),
        1,
        r"tệp văn bản phải là một mục khóa: giá trị, gặp một danh sách",
        setup=lambda ws: new_doc(ws, "- " + NEW.replace("\n", "\n  ").rstrip() + "\n"),
        location=rf"{NEW_ID}\.yaml:1",
    ),
    Case(
        "document-that-is-a-scalar",
        S,
        ("check",),
        1,
        r"gặp 'Nghị quyết 99-NQ/TW'",
        setup=lambda ws: new_doc(ws, "Nghị quyết 99-NQ/TW\n"),
        location=rf"{NEW_ID}\.yaml:1",
    ),
    Case(
        "two-yaml-documents-in-one-file",
        S,
        ("check",),
        1,
        r"cú pháp YAML.*một tài liệu YAML",
        setup=lambda ws: new_doc(ws, NEW + "---\nsymbol: 98-NQ/TW\n"),
        location=rf"{NEW_ID}\.yaml:8",
    ),
    Case(
        "byte-order-mark-and-crlf-are-read",
        S,
        ("check",),
        0,
        r"\n26 văn bản",
        setup=lambda ws: new_doc(ws, "\ufeff" + NEW.replace("\n", "\r\n")),
    ),
    Case(
        "tab-indentation",
        S,
        ("check",),
        1,
        r"cú pháp YAML.*ký tự tab",
        setup=lambda ws: new_doc(ws, NEW + "relations:\n\t- {type: thuc-hien, target: 04-nq-tw-2016}\n"),
        location=rf"{NEW_ID}\.yaml:9",
    ),
    Case(
        "control-character-in-yaml",
        S,
        ("check",),
        1,
        r"ký tự điều khiển",
        setup=lambda ws: new_doc(ws, NEW.replace("title: Văn bản thử", "title: Văn bản\x00 thử")),
        location=rf"{NEW_ID}\.yaml:6",
    ),
    # -- YAML 1.1 values are kept as typed, or refused where the field is no text
    Case(
        "yaml-1-1-values-in-lists-and-text-kept-as-typed",
        S,
        ("export", "--format", "json"),
        0,
        setup=lambda ws: new_doc(
            ws,
            NEW.replace("title: Văn bản thử", "title: yes").replace("term: XI", "term: 010")
            + "place: 0x1F\naliases: [yes, No, on, 010, 0x1F, 12:30, 1_000]\n",
        ),
        check=exported_as_typed,
    ),
    Case(
        "octal-looking-term-is-reported-as-typed",
        S,
        ("check",),
        0,
        r"khóa '010' không phải số La Mã",
        setup=lambda ws: new_doc(ws, NEW.replace("term: XI", "term: 010")),
        location=rf"{NEW_ID}\.yaml:5",
    ),
    Case(
        "yes-for-a-boolean-is-refused",
        S,
        ("check",),
        1,
        r"cần true hoặc false, gặp 'yes'",
        setup=lambda ws: new_doc(ws, NEW + "known_from_citation: yes\n"),
        location=rf"{NEW_ID}\.yaml:8",
    ),
    Case(
        "null-item-in-topics",
        S,
        ("check",),
        1,
        r"\[topics\[1\]\]: mục rỗng",
        setup=lambda ws: new_doc(ws, NEW + "topics: [dân vận, ~, '']\n"),
        location=rf"{NEW_ID}\.yaml:8",
    ),
    # -- One topic, one page
    Case(
        "nfd-topic-is-the-same-topic",
        S,
        ("check", "--strict"),
        0,
        setup=lambda ws: new_doc(ws, NEW + unicodedata.normalize("NFD", "topics: [xây dựng Đảng]\n")),
        check=one_topic_form,
    ),
    Case(
        "topics-differing-in-case-are-merged-with-a-warning",
        S,
        ("check", "--strict"),
        1,
        r"chủ đề 'Xây Dựng Đảng' và 'xây dựng Đảng' \(ở data/documents/[\w-]+\.yaml\)",
        setup=lambda ws: new_doc(ws, NEW + "topics: [Xây Dựng Đảng]\n"),
        location=rf"{NEW_ID}\.yaml:8",
    ),
    Case(
        "topics-differing-in-diacritics-share-one-page",
        S,
        ("check", "--strict"),
        1,
        r"chủ đề 'xay dung dang' và 'xây dựng Đảng'",
        setup=lambda ws: new_doc(ws, NEW + "topics: [xay dung dang]\n"),
        location=rf"{NEW_ID}\.yaml:8",
    ),
    Case(
        "topic-without-letters",
        S,
        ("check",),
        1,
        r"chủ đề '---' không dùng được làm tên trang",
        setup=lambda ws: new_doc(ws, NEW + "topics: ['---']\n"),
        location=rf"{NEW_ID}\.yaml:8",
    ),
    Case(
        "topic-named-like-the-index-page",
        S,
        ("check",),
        1,
        r"trùng tên trang dành riêng 'index'",
        setup=lambda ws: new_doc(ws, NEW + "topics: [Index]\n"),
        location=rf"{NEW_ID}\.yaml:8",
    ),
    # -- Dates and knots
    Case(
        "date-of-issue-in-the-future",
        S,
        ("check",),
        1,
        r"ngày ban hành 10/05/2099 ở sau hôm nay",
        setup=lambda ws: new_doc(ws, NEW.replace("2014-05-10", "2099-05-10")),
        location=rf"{NEW_ID}\.yaml:4",
    ),
    Case(
        "ten-documents-that-all-replace-one-another",
        S,
        ("check",),
        1,
        r"vòng lặp thay thế",
        setup=ten_that_replace_one_another,
        location=r"9\d-nq-tw-2014\.yaml:\d+",
        timeout=3,
        check=one_cycle_report,
    ),
    Case(
        "show-after-ten-documents-that-replace-one-another",
        S,
        ("show", "04-NQ/TW"),
        1,
        r"vòng lặp thay thế",
        setup=ten_that_replace_one_another,
        timeout=3,
        check=small_output(5000),
    ),
    # -- Extensions and places
    Case(
        "upper-case-yaml-extension-is-read",
        S,
        ("check",),
        1,
        r"cơ quan ban hành không có trong issuers\.yaml: 'bch-tu'",
        setup=lambda ws: new_doc(ws, NEW.replace("bch-tw", "bch-tu"), f"{NEW_ID}.YAML"),
        location=rf"{NEW_ID}\.YAML:3",
    ),
    Case(
        "mixed-case-yml-extension-is-read",
        S,
        ("check",),
        1,
        r"'bch-tu'",
        setup=lambda ws: new_doc(ws, NEW.replace("bch-tw", "bch-tu"), f"{NEW_ID}.Yml"),
        location=rf"{NEW_ID}\.Yml:3",
    ),
    Case(
        "upper-case-txt-extension-is-read",
        S,
        ("check",),
        0,
        r"1185-ubnd-th-hau-giang-2017\.TXT:41",
        setup=lambda ws: rename(ws, TEXT_1185, TEXT_1185.replace(".txt", ".TXT")),
    ),
    Case(
        "backup-file-in-documents-is-reported",
        S,
        ("check", "--strict"),
        1,
        r"tệp không được đọc: trong documents chỉ đọc tệp \.yaml/\.yml",
        setup=lambda ws: new_doc(ws, NEW, f"{NEW_ID}.yaml.bak"),
        location=rf"{NEW_ID}\.yaml\.bak",
    ),
    Case(
        "texts-is-a-file",
        S,
        ("check",),
        1,
        r"'texts' không phải một thư mục",
        setup=texts_as_a_file,
        location=r"data/texts\b",
    ),
    Case(
        "socket-in-documents-is-reported",
        S,
        ("check",),
        1,
        r"không phải tệp thường",
        setup=socket_document,
        location=rf"{NEW_ID}\.yaml",
        timeout=5,
    ),
    Case(
        "dangling-link-in-documents",
        S,
        ("check",),
        1,
        r"liên kết hỏng",
        setup=lambda ws: link(data(ws) / "documents" / f"{NEW_ID}.yaml", "khong-co.yaml"),
        location=rf"{NEW_ID}\.yaml",
    ),
    # -- Symbolic links: inside data/ read, outside refused
    Case(
        "text-linked-inside-data-is-read",
        S,
        ("check",),
        0,
        r"1185-ubnd-th-hau-giang-2017\.txt:41",
        setup=move_text_inside_and_link,
    ),
    Case(
        "text-linked-outside-data-is-refused",
        S,
        ("check",),
        1,
        r"liên kết tượng trưng trỏ ra ngoài thư mục dữ liệu",
        setup=link_text_outside,
        location=r"1185-ubnd-th-hau-giang-2017\.txt",
    ),
    Case(
        "text-linked-outside-data-is-not-built",
        S,
        ("build", "--out", "{ws}/site"),
        1,
        r"trỏ ra ngoài thư mục dữ liệu",
        setup=link_text_outside,
        check=not_built,
    ),
    Case(
        "linked-folder-of-documents-inside-data-is-read",
        S,
        ("check",),
        1,
        r"'bch-tu'",
        setup=lambda ws: (
            write(data(ws) / "them" / f"{NEW_ID}.yaml", NEW.replace("bch-tw", "bch-tu"))
            or link(data(ws) / "documents" / "them", "../them")
        ),
        location=rf"documents/them/{NEW_ID}\.yaml:3",
    ),
    Case(
        "linked-folder-of-documents-outside-data-is-reported",
        S,
        ("check",),
        1,
        r"liên kết tượng trưng trỏ ra ngoài thư mục dữ liệu",
        setup=lambda ws: (
            write(ws / "ngoai" / f"{NEW_ID}.yaml", NEW) or link(data(ws) / "documents" / "ngoai", ws / "ngoai")
        ),
        location=r"documents/ngoai",
    ),
    Case(
        "link-loop-in-documents-ends",
        S,
        ("check", "--strict"),
        0,
        r"\n25 văn bản",
        setup=lambda ws: link(data(ws) / "documents" / "vong", "."),
        timeout=5,
    ),
    # -- Encodings
    Case(
        "full-text-in-cp1258",
        S,
        ("check",),
        1,
        r"không phải UTF-8: byte 0x\w\w ở dòng 3.*cp1258",
        setup=lambda ws: write(data(ws) / TEXT_1185, cp1258("1185/UBND-TH\n\nỦy ban nhân dân tỉnh Hậu Giang\n")),
        location=r"1185-ubnd-th-hau-giang-2017\.txt:3",
    ),
    Case(
        "full-text-in-cp1258-is-not-built",
        S,
        ("build", "--out", "{ws}/site"),
        1,
        r"không phải UTF-8",
        setup=lambda ws: write(data(ws) / TEXT_1185, cp1258("Ủy ban nhân dân tỉnh Hậu Giang\n")),
    ),
    Case(
        "full-text-in-utf-16",
        S,
        ("check",),
        1,
        r"không phải UTF-8.*UTF-16",
        setup=lambda ws: write(data(ws) / TEXT_1185, "Ủy ban nhân dân\n".encode("utf-16")),
    ),
    Case(
        "document-in-cp1258",
        S,
        ("check",),
        1,
        r"không phải UTF-8: byte 0x\w\w ở dòng 6",
        setup=lambda ws: write(data(ws) / "documents" / f"{NEW_ID}.yaml", cp1258(NEW)),
        location=rf"{NEW_ID}\.yaml:6",
    ),
    Case(
        "empty-full-text",
        S,
        ("check", "--strict"),
        1,
        r"toàn văn rỗng",
        setup=lambda ws: write(data(ws) / TEXT_1185, "\n\n"),
        location=r"1185-ubnd-th-hau-giang-2017\.txt:1",
    ),
    # -- Side files: duplicates, shapes, keys
    Case(
        "duplicate-key-in-issuers",
        S,
        ("check",),
        1,
        r"khóa 'bch-tw' xuất hiện hai lần",
        setup=lambda ws: append(
            data(ws) / "issuers.yaml", "\nbch-tw:\n  name: Lần hai\n  level: trung-uong\n  system: dang\n"
        ),
        location=r"issuers\.yaml:\d+",
    ),
    Case(
        "duplicate-key-in-sources",
        S,
        ("check",),
        1,
        r"khóa 'seed' xuất hiện hai lần",
        setup=lambda ws: append(data(ws) / "sources.yaml", "seed:\n  title: Lần hai\n"),
        location=r"sources\.yaml:\d+",
    ),
    Case(
        "duplicate-key-in-regions",
        S,
        ("check",),
        1,
        r"khóa 'hau-giang' xuất hiện hai lần",
        setup=lambda ws: append(data(ws) / "regions.yaml", "hau-giang: Hậu Giang lần hai\n"),
        location=r"regions\.yaml:6",
    ),
    Case(
        "sources-written-as-a-list",
        S,
        ("check",),
        1,
        r"sources\.yaml phải là một mục khóa: giá trị, gặp một danh sách",
        setup=lambda ws: write(data(ws) / "sources.yaml", "- seed\n- reference\n"),
        location=r"sources\.yaml:1",
    ),
    Case(
        "region-given-as-a-list",
        S,
        ("check",),
        1,
        r"tên địa phương phải là một chuỗi, gặp một danh sách",
        setup=lambda ws: replace(data(ws) / "regions.yaml", "ha-noi: Thành phố Hà Nội", "ha-noi: [Hà Nội, Thủ đô]"),
        location=r"regions\.yaml:3",
    ),
    Case(
        "comment-only-issuers-file",
        S,
        ("check",),
        1,
        r"issuers\.yaml rỗng hoặc chỉ có chú thích",
        setup=lambda ws: write(data(ws) / "issuers.yaml", "# cơ quan ban hành: chưa có\n"),
        location=r"issuers\.yaml:1",
    ),
    Case(
        "issuer-key-that-climbs-to-the-home-page",
        S,
        ("check",),
        1,
        r"khóa cơ quan '\.\./index' không hợp lệ",
        setup=lambda ws: append(
            data(ws) / "issuers.yaml", "\n../index:\n  name: Trang chủ\n  level: trung-uong\n  system: dang\n"
        ),
        location=r"issuers\.yaml:\d+",
    ),
    Case(
        "issuer-key-index-is-reserved",
        S,
        ("check",),
        1,
        r"'index' là tên dành riêng",
        setup=lambda ws: append(
            data(ws) / "issuers.yaml", "\nindex:\n  name: Danh sách\n  level: trung-uong\n  system: dang\n"
        ),
        location=r"issuers\.yaml:\d+",
    ),
    Case(
        "issuer-parent-that-is-no-key",
        S,
        ("check",),
        1,
        r"khóa cơ quan cấp trên '\.\./bch-tw' không hợp lệ",
        setup=lambda ws: replace(data(ws) / "issuers.yaml", "parent: bch-tw", "parent: ../bch-tw"),
        location=r"issuers\.yaml:\d+",
    ),
    Case(
        "region-key-with-diacritics",
        S,
        ("check",),
        1,
        r"khóa địa phương 'Hà Nội' không hợp lệ",
        setup=lambda ws: append(data(ws) / "regions.yaml", "Hà Nội: Thành phố Hà Nội\n"),
        location=r"regions\.yaml:6",
    ),
    Case(
        "source-key-with-spaces",
        S,
        ("check",),
        1,
        r"khóa nguồn 'Báo Nhân Dân' không hợp lệ",
        setup=lambda ws: append(data(ws) / "sources.yaml", "Báo Nhân Dân:\n  title: Báo Nhân Dân\n"),
        location=r"sources\.yaml:\d+",
    ),
    Case(
        "co-issuer-that-is-no-key",
        S,
        ("check",),
        1,
        r"khóa cơ quan '\.\./x' không hợp lệ",
        setup=lambda ws: new_doc(ws, NEW + "co_issuers: [../x]\n"),
        location=rf"{NEW_ID}\.yaml:8",
    ),
    Case(
        "document-file-named-index",
        S,
        ("check",),
        1,
        r"tên tệp 'index\.yaml' không dùng được làm id",
        setup=lambda ws: new_doc(ws, NEW, "index.yaml"),
        location=r"documents/index\.yaml",
    ),
    # -- Limits
    Case(
        "deeply-nested-list",
        S,
        ("check",),
        1,
        r"lồng quá 20 cấp",
        setup=lambda ws: new_doc(ws, NEW + "notes: " + "[" * 300 + "]" * 300 + "\n"),
        location=rf"{NEW_ID}\.yaml:8",
    ),
    Case(
        "alias-bomb-used-as-a-key",
        S,
        ("check",),
        1,
        r"quá 100 000 giá trị khi mở rộng các bí danh",
        setup=lambda ws: new_doc(ws, BOMB_ANCHORS + "? *a9\n: x\n"),
        location=rf"{NEW_ID}\.yaml:\d+",
        timeout=5,
        check=small_output(5000),
    ),
    Case(
        "alias-that-contains-itself",
        S,
        ("check",),
        1,
        r"bí danh \(alias\) trỏ tới chính mục chứa nó",
        setup=lambda ws: new_doc(ws, NEW + "notes: &a [x, *a]\n"),
        location=rf"{NEW_ID}\.yaml:8",
    ),
    Case(
        "yaml-file-over-one-megabyte",
        S,
        ("check",),
        1,
        r"tệp lớn 1\.\d MB, quá giới hạn 1\.0 MB",
        setup=lambda ws: new_doc(ws, NEW + "notes:\n" + "  - một ghi chú nữa\n" * 70_000),
        location=rf"{NEW_ID}\.yaml",
    ),
    Case(
        "full-text-over-the-limit",
        S,
        ("check",),
        1,
        r"tệp lớn 11\.0 MB, quá giới hạn 10\.0 MB",
        setup=sparse_text,
        location=r"1185-ubnd-th-hau-giang-2017\.txt",
    ),
    Case(
        "long-key-prints-a-short-message",
        S,
        ("check",),
        1,
        r"trường không có trong mô hình: 'xxxx.*…",
        setup=lambda ws: new_doc(ws, NEW + "? " + "x" * 300_000 + "\n: 1\n"),
        location=rf"{NEW_ID}\.yaml:8",
        check=small_output(5000),
    ),
    # -- drafts: warned about until reviewed; accept changes the lines it is asked to, or nothing ----------
    Case(
        "draft-passes-check-with-a-warning",
        S,
        ("check",),
        0,
        r"bản nháp nhập tự động chưa được xem xét \(đọc bằng OCR.*cần xem lại: title \(0\.5: chữ mờ\)"
        r".*chưa xác định cơ quan ban hành",
        setup=draft_doc,
        location=rf"{DRAFT_ID}\.yaml:7",
    ),
    Case(
        "draft-fails-check-strict",
        S,
        ("check", "--strict"),
        1,
        r"bản nháp nhập tự động chưa được xem xét",
        setup=draft_doc,
        location=rf"{DRAFT_ID}\.yaml:7",
    ),
    Case(
        "draft-names-a-missing-original",
        S,
        ("check",),
        0,
        rf"bản nháp nêu bản gốc '{DRAFT_ID}\.pdf' nhưng data/originals/ không có tệp đó",
        setup=draft_doc,
        location=rf"{DRAFT_ID}\.yaml:7",
    ),
    Case(
        "accept-unknown-field-changes-nothing",
        S,
        ("accept", DRAFT_ID, "titel"),
        2,
        r"không đánh dấu trường 'titel' \(có phải 'title'\?\).*Tệp không bị thay đổi",
        setup=draft_doc,
    ),
    Case(
        "accept-draft-without-issuer-changes-nothing",
        S,
        ("accept", DRAFT_ID),
        1,
        r"chưa có cơ quan ban hành.*Tệp không bị thay đổi",
        setup=draft_doc,
    ),
    Case(
        "accept-a-document-that-is-no-draft",
        S,
        ("accept", "04-nq-tw-2016"),
        1,
        r"04-nq-tw-2016 không phải bản nháp",
    ),
    Case(
        "accept-unknown-id",
        S,
        ("accept", "97-tb-ubnd-hau-giang-2071"),
        2,
        rf"Không tìm thấy văn bản '97-tb-ubnd-hau-giang-2071'\. Có phải: {DRAFT_ID}",
        setup=draft_doc,
    ),
    Case(
        "accept-a-field-changes-only-its-lines",
        S,
        ("accept", DRAFT_ID, "title"),
        0,
        r"Đã xác nhận title",
        setup=draft_doc,
        changes=(f"data/documents/{DRAFT_ID}.yaml",),
        check=draft_accepted_title,
    ),
    Case(
        "thousands-of-unknown-fields-print-a-summary",
        S,
        ("check",),
        1,
        r"còn \d+ vấn đề nữa trong tệp này không được in",
        setup=lambda ws: new_doc(ws, NEW + "".join(f"truong-la-{i}: x\n" for i in range(5000))),
        check=small_output(30_000),
    ),
]
