"""`check`: every kind of bad input gives a clear problem with file, line, field and a fix."""

from __future__ import annotations

import datetime as dt
import os
import signal
import textwrap
import time
import unicodedata

import pytest

from vanban.checks import check_corpus
from vanban.pipeline import check
from vanban.problems import MAX_FIELD, MAX_MESSAGE, MAX_PER_FILE, Problem, Problems
from vanban.yamlio import load_yaml

GOOD = """\
symbol: 99-NQ/TW
type: nghi-quyet
issuer: bch-tw
date: 2014-05-10
term: XI
title: Văn bản thử
sources: [reference]
"""


def write(data, name, text):
    path = data / "documents" / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def only(problems, code, file=None):
    found = [p for p in problems if p.code == code and (file is None or p.file.endswith(file))]
    assert found, f"no {code} among {[(p.code, p.message) for p in problems]}"
    return found[0]


# (case, file name, YAML, code, line, field, words the message must contain)
CASES = [
    ("YAML syntax", "99-nq-tw-2014.yaml", GOOD + "aliases: [chưa đóng\n", "yaml-syntax", 9, "", "cú pháp YAML"),
    (
        "unknown field, with the likely intended name",
        "99-nq-tw-2014.yaml",
        GOOD + "titel: x\n",
        "unknown-field",
        8,
        "titel",
        "không có trong mô hình",
    ),
    (
        "missing required field",
        "99-nq-tw-2014.yaml",
        GOOD.replace("type: nghi-quyet\n", ""),
        "missing-field",
        1,
        "type",
        "thiếu trường bắt buộc 'type'",
    ),
    (
        "wrong type",
        "99-nq-tw-2014.yaml",
        GOOD + "aliases: {a: b}\n",
        "wrong-type",
        8,
        "aliases",
        "cần một danh sách chuỗi",
    ),
    (
        "impossible date",
        "99-nq-tw-2014.yaml",
        GOOD.replace("2014-05-10", "2014-02-30"),
        "bad-date",
        4,
        "date",
        "ngày không hợp lệ: '2014-02-30'",
    ),
    (
        "unknown issuer",
        "99-nq-tw-2014.yaml",
        GOOD.replace("bch-tw", "bch-tu"),
        "unknown-issuer",
        3,
        "issuer",
        "'bch-tu'",
    ),
    (
        "unknown type",
        "99-nq-tw-2014.yaml",
        GOOD.replace("nghi-quyet", "nghi-quyết"),
        "unknown-type",
        2,
        "type",
        "loại văn bản không có trong danh mục",
    ),
    (
        "unknown relation",
        "99-nq-tw-2014.yaml",
        GOOD + "relations:\n  - {type: thuc-hien-x, target: 25-nq-tw-2013}\n",
        "unknown-relation",
        9,
        "relations[0].type",
        "'thuc-hien-x'",
    ),
    (
        "relation to an unknown id",
        "99-nq-tw-2014.yaml",
        GOOD + "relations:\n  - type: thuc-hien\n    target: 25-nq-tw-2031\n",
        "unknown-target",
        9,
        "relations[0].target",
        "id không có: '25-nq-tw-2031'",
    ),
    (
        "carries out a later document",
        "99-nq-tw-2014.yaml",
        GOOD.replace("2014-05-10", "2014-01-01") + "relations:\n  - {type: thuc-hien, target: 04-nq-tw-2016}\n",
        "relation-date-order",
        9,
        "relations[0].target",
        "ban hành sau nó",
    ),
    (
        "reports on a later document",
        "99-nq-tw-2014.yaml",
        GOOD + "relations:\n  - {type: bao-cao-ket-qua, target: 21-kl-tw-2021}\n",
        "relation-date-order",
        9,
        "relations[0].target",
        "21-KL/TW",
    ),
    (
        "id that leaves its folder",
        "99-nq-tw-2014.yaml",
        GOOD + "relations:\n  - {type: dan-chieu, target: ../x}\n",
        "bad-id",
        9,
        "relations[0].target",
        "id đích '../x' không hợp lệ",
    ),
    ("file name that is no id", "Bad Name.yaml", GOOD, "bad-id", None, "", "không dùng được làm id"),
    ("id that does not encode the year", "99-nq-tw.yaml", GOOD, "id-mismatch", 1, "symbol", "cần '99-nq-tw-2014'"),
    (
        "same symbol, same year",
        "25-nq-tw-2013-ban-sao.yaml",
        GOOD.replace("99-NQ/TW", "25-NQ/TW").replace("2014-05-10", "2013-07-01"),
        "duplicate-symbol",
        1,
        "symbol",
        "'25-NQ/TW' năm 2013 đã có",
    ),
    (
        "duplicate key",
        "99-nq-tw-2014.yaml",
        GOOD + "title: lần hai\n",
        "duplicate-key",
        8,
        "title",
        "xuất hiện hai lần",
    ),
    (
        "signer written as plain text",
        "99-nq-tw-2014.yaml",
        GOOD + "signer: Ông A\n",
        "wrong-type",
        8,
        "signer",
        "(với name, capacity)",
    ),
    (
        "term not in Roman numerals",
        "99-nq-tw-2014.yaml",
        GOOD.replace("term: XI", "term: 11"),
        "bad-term",
        5,
        "term",
        "không phải số La Mã",
    ),
    (
        "unknown named source",
        "99-nq-tw-2014.yaml",
        GOOD.replace("[reference]", "[refrence]"),
        "unknown-source",
        7,
        "sources[0]",
        "'refrence'",
    ),
]


@pytest.mark.parametrize("case,name,text,code,line,field,words", CASES, ids=[c[0] for c in CASES])
def test_each_problem_is_reported_with_place_and_fix(data_copy, case, name, text, code, line, field, words):
    path = write(data_copy, name, text)
    problem = only(check(data_copy).problems, code, path.name)
    assert problem.line == line
    assert problem.field == field
    assert words in problem.message
    assert problem.hint, "every problem says how to fix it"


def test_type_code_contradicting_type_is_a_warning_that_strict_makes_fail(data_copy, cli):
    write(
        data_copy,
        "80-ct-tu-hau-giang-2017.yaml",
        """\
        symbol: 80-CT/TU
        type: chuong-trinh
        issuer: tinh-uy-hau-giang
        date: 2017-03-01
        sources: [seed]
        """,
    )
    problem = only(check(data_copy).problems, "symbol-type-mismatch", "80-ct-tu-hau-giang-2017.yaml")
    assert problem.severity == "warning"
    assert "mang mã CT (Chỉ thị)" in problem.message and "Chương trình hành động" in problem.message
    assert cli("check", "--data", str(data_copy))[0] == 0
    code, out, _ = cli("check", "--data", str(data_copy), "--strict")
    assert code == 1
    assert "CẢNH BÁO" in out and "80-ct-tu-hau-giang-2017.yaml:1 [symbol]" in out


def test_corpus_flags_79_ct_tu_as_acknowledged_not_silenced(cli):
    code, out, _ = cli("check", "--strict")
    assert code == 0
    line = next(x for x in out.splitlines() if "79-ct-tu-hau-giang-2017.yaml" in x)
    assert line.startswith("GHI NHẬN") and "mã CT (Chỉ thị)" in line


def test_cycle_in_replacements(data_copy):
    write(
        data_copy,
        "98-nq-tw-2014.yaml",
        GOOD.replace("99-NQ", "98-NQ") + "relations:\n  - {type: thay-the, target: 99-nq-tw-2014}\n",
    )
    write(data_copy, "99-nq-tw-2014.yaml", GOOD + "relations:\n  - {type: bai-bo, target: 98-nq-tw-2014}\n")
    problem = only(check(data_copy).problems, "relation-cycle")
    assert "98-NQ/TW" in problem.message and "99-NQ/TW" in problem.message


def test_duplicate_ids_across_folders(data_copy):
    (data_copy / "documents" / "cu").mkdir()
    write(data_copy, "99-nq-tw-2014.yaml", GOOD)
    write(data_copy, "cu/99-nq-tw-2014.yaml", GOOD)
    problem = only(check(data_copy).problems, "duplicate-id")
    assert "đã có ở" in problem.message


def test_all_problems_are_collected_in_one_run_and_cli_exits_nonzero(data_copy, cli):
    write(data_copy, "99-nq-tw-2014.yaml", GOOD.replace("2014-05-10", "2014-13-01").replace("bch-tw", "x"))
    write(data_copy, "97-nq-tw-2014.yaml", "symbol: 97-NQ/TW\ntitle: Về: một việc: khác\n")
    (data_copy / "documents" / "96-nq-tw-2014.yaml").write_bytes(b"title: \xff\xfe\n")
    code, out, err = cli("check", "--data", str(data_copy))
    assert code == 1
    assert "Traceback" not in out + err
    assert "99-nq-tw-2014.yaml:4 [date]" in out and "99-nq-tw-2014.yaml:3 [issuer]" in out
    assert "97-nq-tw-2014.yaml:2" in out and "cú pháp YAML" in out
    assert "96-nq-tw-2014.yaml" in out and "UTF-8" in out
    assert "→ " in out  # hints are printed
    summary = out.strip().splitlines()[-1]
    assert summary.startswith("26 văn bản") and " 4 lỗi" in summary


def test_build_refuses_bad_data_without_traceback(data_copy, cli, tmp_path):
    write(data_copy, "99-nq-tw-2014.yaml", GOOD.replace("2014-05-10", "2014-02-30"))
    code, out, err = cli("build", "--data", str(data_copy), "--out", str(tmp_path / "site"))
    assert code == 1
    assert "ngày không hợp lệ" in out and "Traceback" not in out + err
    assert not (tmp_path / "site").exists()


def test_missing_data_folder_is_a_clear_error(cli, tmp_path):
    code, out, _ = cli("check", "--data", str(tmp_path / "nothing"))
    assert code == 1 and "không thấy thư mục" in out


def test_a_fifo_among_documents_is_reported_without_blocking(data_copy):
    os.mkfifo(data_copy / "documents" / "99-nq-tw-2014.yaml")
    signal.alarm(10)  # reading a FIFO would wait for a writer forever
    try:
        problem = only(check(data_copy).problems, "unreadable", "99-nq-tw-2014.yaml")
    finally:
        signal.alarm(0)
    assert "không phải tệp thường" in problem.message


def test_yaml_1_1_values_stay_as_typed_and_strings_are_nfc():
    raw = load_yaml("a: [yes, No, on, off, y, 010, 0o17, 0x1F, 1_000, 12:30, 1e3, .inf, 2017-02-07]\nb: true\nc: ~\n")
    assert raw["a"] == [
        "yes",
        "No",
        "on",
        "off",
        "y",
        "010",
        "0o17",
        "0x1F",
        "1_000",
        "12:30",
        "1e3",
        ".inf",
        "2017-02-07",
    ]
    assert raw["b"] is True and raw["c"] is None
    assert load_yaml(unicodedata.normalize("NFD", "chủ đề: Đảng")) == {"chủ đề": "Đảng"}


def test_a_long_message_is_cut():
    problem = Problem("unknown-field", "x" * 10_000, "y" * 10_000, field="z" * 10_000)
    assert len(problem.message) <= MAX_MESSAGE and problem.message.endswith("…")
    assert len(problem.hint) <= MAX_MESSAGE and len(problem.field) <= MAX_FIELD


def test_problems_beyond_the_cap_keep_the_worst_severity():
    problems = Problems()
    for i in range(MAX_PER_FILE):
        problems.add(Problem("bad-term", f"{i}", "h", "a.yaml", severity="warning"))
    problems.add(Problem("bad-date", "lỗi sau giới hạn", "h", "a.yaml"))
    problems.add(Problem("bad-term", "nữa", "h", "a.yaml", severity="warning"))
    problems.add(Problem("bad-date", "tệp khác", "h", "b.yaml"))
    summary = [p for p in problems.items if p.code == "too-many-problems"]
    assert len(problems.items) == MAX_PER_FILE + 2
    assert len(summary) == 1 and summary[0].severity == "error" and "còn 2 vấn đề" in summary[0].message


def test_future_date_is_relative_to_today(data_copy):
    write(data_copy, "99-nq-tw-2014.yaml", GOOD)
    corpus = check(data_copy).corpus

    def future(today: dt.date) -> list[str]:
        return [p.doc_id for p in check_corpus(corpus, today) if p.code == "future-date"]

    assert "99-nq-tw-2014" not in future(dt.date(2014, 5, 10))
    assert "99-nq-tw-2014" in future(dt.date(2014, 5, 9))
    assert future(dt.date.today()) == []


def test_a_knot_of_replacements_is_one_problem_in_linear_time(data_copy):
    ids = [f"{n}-nq-tw-2014" for n in range(60, 90)]
    for n, doc_id in zip(range(60, 90), ids, strict=True):
        relations = "".join(f"  - {{type: thay-the, target: {other}}}\n" for other in ids if other != doc_id)
        write(data_copy, f"{doc_id}.yaml", GOOD.replace("99-NQ/TW", f"{n}-NQ/TW") + "relations:\n" + relations)
    started = time.perf_counter()
    cycles = [p for p in check(data_copy).problems if p.code == "relation-cycle"]
    assert time.perf_counter() - started < 5
    assert len(cycles) == 1 and "cả nhóm gồm 30 văn bản" in cycles[0].message and "18 văn bản nữa" in cycles[0].message


def test_an_unreadable_folder_is_reported(data_copy, monkeypatch):
    # Tests run as root, where chmod 000 does not stop reading: make the listing fail instead.
    (data_copy / "documents" / "cu").mkdir()
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("cu"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr("vanban.load.os.scandir", scandir)
    problem = only(check(data_copy).problems, "unreadable", "cu")
    assert "không đọc được" in problem.message


def test_files_parsed_in_worker_processes_give_the_same_corpus_and_problems(data_copy):
    """load_corpus with jobs parses the document files in forked processes: the same documents, and the same
    problems in the same order (each with its file and line), as reading them one by one. Run in a process of its
    own: the loader forks only a process without other threads, which this one may have (a test's server)."""
    import subprocess
    import sys
    from pathlib import Path

    documents = data_copy / "documents"
    (documents / "hong.yaml").write_text("symbol: [1, 2\n", encoding="utf-8")  # broken YAML
    (documents / "Ten-Sai.yaml").write_text("symbol: 1/QĐ\n", encoding="utf-8")  # not an id
    (documents / "thieu-truong.yaml").write_text("title: Thiếu trường\n", encoding="utf-8")
    source = documents / "25-nq-tw-2013.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("date: ", "date: ngày ", 1), encoding="utf-8")
    script = f"""
import sys
from pathlib import Path
from vanban import load
from vanban.model import same_document
data = Path({str(data_copy)!r})
one, one_problems = load.load_corpus(data)
load._PARSE_PER_WORKER = 1
assert load._parsed(data, sorted((data / "documents").glob("*.yaml"))[:4], 2), "not parsed by workers"
many, many_problems = load.load_corpus(data, jobs=2)
assert load._PARSING is None
assert list(many.documents) == list(one.documents)
assert all(same_document(many.documents[k], one.documents[k]) for k in one.documents)
assert many_problems.items == one_problems.items
codes = {{p.code for p in one_problems.items}}
assert codes >= {{"yaml-syntax", "bad-id"}}, codes
print("same", len(one.documents), len(one_problems.items))
"""
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=root)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("same ")
