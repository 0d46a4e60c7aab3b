"""Files the user asks for (pack --pdf/--html, report --csv, export --out) and data files that are
malformed: a clear message and an exit code, never a traceback, and nothing half-written."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import CORPUS


@pytest.mark.parametrize(
    "args",
    [
        ("export", "--format", "json", "--out", "{missing}/out.json"),
        ("export", "--format", "csv", "--out", "{missing}/prefix"),
        ("report", "04-NQ/TW", "--csv", "{missing}/report.csv"),
        ("pack", "04-NQ/TW", "--html", "{missing}/pack.html"),
    ],
    ids=["export-json", "export-csv", "report-csv", "pack-html"],
)
def test_writing_into_a_missing_folder_is_a_message_not_a_traceback(cli, tmp_path, args):
    missing = tmp_path / "khong-co"
    code, _, err = cli(*(a.format(missing=missing) for a in args))
    assert code == 1
    assert "Không ghi được tệp" in err and "không có" in err and str(missing) in err
    assert not missing.exists()


def test_writing_over_a_folder_or_under_a_file_is_refused(cli, tmp_path):
    (tmp_path / "a-folder").mkdir()
    code, _, err = cli("export", "--format", "json", "--out", str(tmp_path / "a-folder"))
    assert code == 1 and "là một thư mục" in err
    (tmp_path / "notes.txt").write_text("ghi chú", encoding="utf-8")
    code, _, err = cli("export", "--format", "json", "--out", str(tmp_path / "notes.txt" / "x.json"))
    assert code == 1 and "không phải thư mục" in err
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "ghi chú"


def test_an_export_is_written_whole_and_respects_the_umask(cli, tmp_path):
    target = tmp_path / "out.json"
    code, out, _ = cli("export", "--format", "json", "--out", str(target))
    assert code == 0 and f"Đã ghi {target}" in out
    assert target.read_text(encoding="utf-8").startswith("{")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left


@pytest.mark.parametrize(
    "name,text,expected",
    [
        ("sources.yaml", "- seed\n- khac\n", "sources.yaml phải là một mục khóa: giá trị"),
        ("sources.yaml", "seed:\n  title: A\nseed:\n  title: B\n", "khóa 'seed' xuất hiện hai lần"),
        ("regions.yaml", "hau-giang: [Tỉnh Hậu Giang]\n", "tên địa phương phải là một chuỗi"),
        ("issuers.yaml", "- tinh-uy\n", "issuers.yaml phải là một mục khóa: giá trị"),
    ],
    ids=["sources-as-list", "sources-duplicate", "region-as-list", "issuers-as-list"],
)
def test_a_malformed_side_file_is_reported_with_file_and_line(cli, tmp_path, name, text, expected):
    data = tmp_path / "data"
    shutil.copytree(CORPUS, data)
    (data / name).write_text(text, encoding="utf-8")
    code, out, _ = cli("check", "--data", str(data))
    assert code == 1
    line = next(line for line in out.splitlines() if expected in line)
    assert f"{Path(data.name) / name}:" in line or f"{data / name}:" in line


def test_data_cannot_drive_the_terminal(tmp_path):
    """A title carrying escape sequences (set the window title, clear the screen) is shown, not obeyed."""
    import pty
    import subprocess
    import sys

    from tests.conftest import ROOT

    data = tmp_path / "data"
    shutil.copytree(CORPUS, data)
    doc = data / "documents" / "04-nq-tw-2016.yaml"
    text = doc.read_text(encoding="utf-8")
    # YAML's double-quoted escapes \e (ESC) and \a (BEL): the only way a control character gets in.
    title = re.search(r"^title: >-\n(?:  .*\n)+", text, re.M)
    assert title
    doc.write_text(text.replace(title.group(), 'title: "\\e]0;pwned\\a\\e[2J Về"\n'), encoding="utf-8")
    leader, follower = pty.openpty()
    proc = subprocess.run(
        [sys.executable, str(ROOT / "build_graph.py"), "show", "04-NQ/TW", "--data", str(data)],
        stdout=follower,
        stderr=follower,
        timeout=60,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0, shown
    assert "\x1b" not in shown and "\x07" not in shown
    assert "\\x1b]0;pwned\\x07\\x1b[2J" in shown
