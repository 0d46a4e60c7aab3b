"""Bad-input cases: lose-work. See tests/bad_inputs/__init__.py for the format.

The build replaces its output folder as a whole, so it must own it: a missing or empty folder,
or a site it built before (the marker file .vanban-site lists what it wrote). Everything else
is refused before any work, with exit 2 and a message saying why and what to do; the runner
checks that nothing in the workspace changed. A missing parent folder is refused too (as for
files the user asks for): a typo in --out must not create folders. Few cases build for real.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from tests.conftest import ROOT
from tests.tiny import write_corpus

from . import Case, write

MARKER = ".vanban-site"
REFUSED = r"Không dùng thư mục này cho trang web: .*{reason}.*Không có gì bị ghi hay xóa"
# What a rebuild may change: the site, and the temporary folders and lock file beside it.
SITE_CHANGES = ("site", "site/*", ".site*", ".vanban-data-*")


def refused(reason: str) -> str:
    return REFUSED.format(reason=reason)


def project(ws: Path) -> None:
    """ws as a project root: a repository, code and notes beside the data."""
    write(ws / ".git" / "HEAD", "ref: refs/heads/main\n")
    write(ws / ".git" / "config", "[core]\n\trepositoryformatversion = 0\n")
    write(ws / "vanban" / "__init__.py", '"""mã nguồn"""\n')
    write(ws / "ghi-chu.md", "Ghi chú của tôi\n")


def user_folder(ws: Path, name: str = "cua-toi") -> None:
    write(ws / name / "bao-cao.docx", b"PK\x03\x04 not really a docx")
    write(ws / name / "anh" / "hop.jpg", b"\xff\xd8\xff")


def notes(ws: Path) -> None:
    write(ws / "notes.txt", "Ghi chú quan trọng\n")


def old_site(ws: Path, name: str = "site", files: list[str] | None = None, extra: dict[str, str] | None = None) -> None:
    """A site as an earlier build left it: two pages and the marker listing them (and `extra` files)."""
    site = ws / name
    write(site / "index.html", "<p>trang cũ</p>")
    write(site / "van-ban" / "cu.html", "<p>văn bản đã bỏ</p>")
    listed = ["index.html", "van-ban/cu.html"] if files is None else files
    write(site / MARKER, json.dumps({"tool": "vanban", "version": "0.2.0", "files": listed}))
    for rel, text in (extra or {}).items():
        write(site / rel, text)


def site_without_marker(ws: Path) -> None:
    """What a site looks like once its marker is gone (or what an older vanban built)."""
    write(ws / "site" / "index.html", "<p>trang</p>")
    write(ws / "site" / "search-data" / "meta.js", "VB_SEARCH.meta({})")
    write(ws / "site" / "assets" / "vanban.css", "body{}")


def tiny(ws: Path) -> None:
    """The workspace's data replaced by the two-document corpus: these cases test the build's
    handling of its folder, not the pages, and a small build keeps the suite fast."""
    shutil.rmtree(ws / "data")
    write_corpus(ws / "data")


def link(ws: Path, name: str, target: str) -> None:
    os.symlink(target, ws / name)


def rebuilt(site_name: str = "site", via: str | None = None):
    """The folder holds one complete new build: new pages, the old page gone, a valid marker, no leftovers."""

    def check(ws: Path, output: str) -> None:
        site = ws / site_name
        if via is not None:
            assert (ws / via).is_symlink() and os.readlink(ws / via) == site_name, "the link was replaced"
        assert "trang cũ" not in (site / "index.html").read_text(encoding="utf-8")
        assert (site / "van-ban" / "04-nq-tw-2016.html").is_file()
        assert not (site / "van-ban" / "cu.html").exists()
        marker = json.loads((site / MARKER).read_text(encoding="utf-8"))
        assert marker["tool"] == "vanban" and "index.html" in marker["files"]
        assert len(marker["files"]) > 50 and MARKER not in marker["files"]
        leftovers = [p.name for p in ws.iterdir() if p.name.startswith((".site", f".{site_name}", ".vanban-data"))]
        assert not leftovers, leftovers
        assert f"→ {via or site_name}/index.html" in output

    return check


def nothing_made(path: Path) -> None:
    assert not path.exists() and not list(path.parent.glob(f".{path.name}*")), f"{path} or its lock was made"


def untouched_project_root(ws: Path, output: str) -> None:
    assert (ROOT / "vanban" / "__init__.py").is_file() and (ROOT / "pyproject.toml").is_file()
    assert not list(ROOT.parent.glob(f".{ROOT.name}*")), "a temporary folder or lock was left beside the project"


CASES: list[Case] = [
    # The project folder itself: `build --out .` from a project root, and the empty path of an unset variable.
    Case(
        "build-out-dot-in-a-project-root",
        "lose-work",
        ("build", "--out", "."),
        2,
        refused(r"'\.' \(.*\) là thư mục gốc của một dự án \(có \.git\)"),
        setup=project,
    ),
    Case(
        "build-out-empty-string",
        "lose-work",
        ("build", "--out", ""),
        2,
        refused(r"đường dẫn --out trống.*--out site"),
        setup=project,
    ),
    Case(
        "build-out-empty-string-in-a-script",
        "lose-work",
        ("build", "--data", "{data}", "--out", ""),
        2,
        refused(r"đường dẫn --out trống \(có thể là một biến chưa được đặt\)"),
        setup=project,
        subprocess=True,
    ),
    Case(
        "build-out-blank",
        "lose-work",
        ("build", "--out", "  "),
        2,
        refused(r"đường dẫn --out trống"),
        setup=project,
    ),
    Case(
        "build-out-the-vanban-project-root",
        "lose-work",
        ("build", "--out", str(ROOT)),
        2,
        refused(r"là thư mục dự án vanban"),
        check=untouched_project_root,
    ),
    Case(
        "build-out-above-the-vanban-project",
        "lose-work",
        ("build", "--out", str(ROOT.parent)),
        2,
        refused(r"chứa thư mục dự án vanban|thư mục nhà của bạn"),  # the project may sit in a home
        check=untouched_project_root,
    ),
    Case(
        "build-out-inside-hand-written-docs",
        "lose-work",
        ("build", "--out", str(ROOT / "docs" / "site-thu")),
        2,
        refused(r"nằm trong thư mục trang viết tay docs/"),
        check=lambda ws, output: nothing_made(ROOT / "docs" / "site-thu"),
    ),
    Case(
        "build-out-system-root",
        "lose-work",
        ("build", "--out", "/"),
        2,
        refused(r"'/' là thư mục gốc của hệ thống"),
    ),
    # The data folder: the same as --data, above it, inside it, reached by another spelling or a link.
    Case(
        "build-out-the-data-folder",
        "lose-work",
        ("build", "--data", "{data}", "--out", "{data}"),
        2,
        refused(r"là thư mục dữ liệu"),
    ),
    Case(
        "build-out-the-data-folder-relative",
        "lose-work",
        ("build", "--out", "data"),
        2,
        refused(r"'data' \(.*/data\) là thư mục dữ liệu"),
    ),
    Case(
        "build-out-the-data-folder-via-dot-dot",
        "lose-work",
        ("build", "--out", "{data}/documents/.."),
        2,
        refused(r"là thư mục dữ liệu"),
    ),
    Case(
        "build-out-parent-of-data",
        "lose-work",
        ("build", "--out", "{ws}"),
        2,
        refused(r"chứa thư mục dữ liệu"),
        setup=notes,
    ),
    Case(
        "build-out-dot-dot",
        "lose-work",
        ("build", "--out", ".."),
        2,
        refused(r"'\.\.' \(.*\) chứa thư mục dữ liệu"),
    ),
    Case(
        "build-out-inside-data",
        "lose-work",
        ("build", "--out", "{data}/site"),
        2,
        refused(r"nằm trong thư mục dữ liệu.*lẫn vào đầu vào"),
    ),
    Case(
        "build-out-link-to-data",
        "lose-work",
        ("build", "--out", "trang"),
        2,
        refused(r"'trang' \(.*/data\) là thư mục dữ liệu"),
        setup=lambda ws: link(ws, "trang", "data"),
    ),
    # Files and folders of the user's.
    Case(
        "build-out-an-existing-file",
        "lose-work",
        ("build", "--out", "notes.txt"),
        2,
        refused(r"'notes\.txt' \(.*\) là một tệp, không phải thư mục"),
        setup=notes,
    ),
    Case(
        "build-out-under-a-file",
        "lose-work",
        ("build", "--out", "notes.txt/site"),
        2,
        refused(r"nằm dưới '.*notes\.txt', một tệp chứ không phải thư mục"),
        setup=notes,
    ),
    Case(
        "build-out-a-folder-of-user-files",
        "lose-work",
        ("build", "--out", "cua-toi"),
        2,
        refused(r"đã có tệp \(anh, bao-cao\.docx\) và không phải trang web do vanban dựng.*chọn một thư mục mới"),
        setup=user_folder,
    ),
    Case(
        "build-out-a-folder-with-only-a-hidden-file",
        "lose-work",
        ("build", "--out", "cau-hinh"),
        2,
        refused(r"đã có tệp \(\.env\)"),
        setup=lambda ws: write(ws / "cau-hinh" / ".env", "MAT_KHAU=bi-mat\n"),
    ),
    Case(
        "build-out-a-link-to-user-files",
        "lose-work",
        ("build", "--out", "trang"),
        2,
        refused(r"'trang' \(.*/cua-toi\) đã có tệp"),
        setup=lambda ws: (user_folder(ws), link(ws, "trang", "cua-toi")),
    ),
    Case(
        "build-out-a-dangling-link",
        "lose-work",
        ("build", "--out", "trang"),
        2,
        refused(r"'trang' \(.*/khong-co\) là liên kết tượng trưng tới một chỗ không có"),
        setup=lambda ws: link(ws, "trang", "khong-co"),
    ),
    Case(
        "build-out-missing-parent-folder",
        "lose-work",
        ("build", "--out", "{ws}/khong-co/site"),
        2,
        refused(r"thư mục '.*/khong-co' không có; tạo nó trước \(mkdir -p"),
    ),
    Case(
        "build-out-in-a-read-only-place",
        "lose-work",
        ("build", "--out", "/sys/vanban-site-thu"),
        2,
        refused(r"không (ghi|tạo) được .*'/sys"),
    ),
    # Sites: only one the build wrote, holding only what it wrote, is replaced.
    Case(
        "build-out-a-site-whose-marker-was-removed",
        "lose-work",
        ("build", "--out", "site"),
        2,
        refused(r"không có tệp đánh dấu \.vanban-site.*phiên bản vanban\s+cũ dựng, hãy tự xóa nó"),
        setup=site_without_marker,
    ),
    Case(
        "build-out-a-site-with-a-forged-marker",
        "lose-work",
        ("build", "--out", "site"),
        2,
        refused(r"không có tệp đánh dấu \.vanban-site"),
        setup=lambda ws: (user_folder(ws, "site"), write(ws / "site" / MARKER, '{"tool": "hugo"}')),
    ),
    Case(
        "build-out-a-site-whose-marker-is-a-link",
        "lose-work",
        ("build", "--out", "site"),
        2,
        refused(r"không có tệp đánh dấu"),
        setup=lambda ws: (
            write(ws / "marker.json", '{"tool": "vanban", "files": []}'),
            user_folder(ws, "site"),
            link(ws, f"site/{MARKER}", "../marker.json"),
        ),
    ),
    Case(
        "build-out-a-site-with-files-the-user-added",
        "lose-work",
        ("build", "--out", "site"),
        2,
        refused(r"là trang web do vanban dựng nhưng có 2 tệp bản dựng không ghi \(CNAME, ghi-chu/y-kien\.md\)"),
        setup=lambda ws: old_site(ws, extra={"CNAME": "vanban.example\n", "ghi-chu/y-kien.md": "ý kiến\n"}),
    ),
    Case(
        "build-out-a-marker-without-its-file-list",
        "lose-work",
        ("build", "--out", "site"),
        2,
        refused(r"có 2 tệp bản dựng không ghi"),
        setup=lambda ws: old_site(ws, files=[]),
    ),
    Case(
        "build-out-inside-an-old-site",
        "lose-work",
        ("build", "--out", "site/ban-sao"),
        2,
        refused(r"nằm trong trang web '.*/site' do vanban dựng; dựng lại trang đó sẽ xóa nó"),
        setup=old_site,
    ),
    # The lock file beside the site: a file of the user's with its name is not taken, a link not followed.
    Case(
        "build-lock-name-taken-by-a-user-file",
        "lose-work",
        ("build", "--out", "site"),
        2,
        refused(r"'.*/\.site\.lock' đã có và không phải tệp khóa của vanban"),
        setup=lambda ws: write(ws / ".site.lock", "danh sách việc cần làm\n"),
    ),
    Case(
        "build-lock-file-is-a-link",
        "lose-work",
        ("build", "--out", "site"),
        2,
        refused(r"không tạo được tệp khóa '.*/\.site\.lock'"),
        setup=lambda ws: link(ws, ".site.lock", "data/issuers.yaml"),
    ),
    # serve builds the same way, and --no-build serves only a site.
    Case(
        "serve-out-dot-in-a-project-root",
        "lose-work",
        ("serve", "--out", ".", "--port", "0"),
        2,
        refused(r"là thư mục gốc của một dự án \(có \.git\)"),
        setup=project,
    ),
    Case(
        "serve-no-build-a-folder-that-is-not-a-site",
        "lose-work",
        ("serve", "--no-build", "--out", "cua-toi", "--port", "0"),
        2,
        refused(r"'cua-toi' không phải trang web do vanban dựng.*nên không phục vụ nó"),
        setup=lambda ws: (user_folder(ws), write(ws / "cua-toi" / "index.html", "<p>của tôi</p>")),
    ),
    Case(
        "serve-no-build-empty-out",
        "lose-work",
        ("serve", "--no-build", "--out", "", "--port", "0"),
        2,
        refused(r"đường dẫn --out trống"),
        setup=project,
    ),
    Case(
        "serve-no-build-missing-site",
        "lose-work",
        ("serve", "--no-build", "--out", "khong-co", "--port", "0"),
        1,
        r"Chưa có trang web trong khong-co; chạy `python build_graph.py build` trước",
    ),
    # What the build owns, it rebuilds (each of these is a real build: a few seconds).
    Case(
        "build-out-an-old-site-rebuilds-it",
        "lose-work",
        ("build", "--out", "site"),
        0,
        r"Xong: 2 văn bản",
        setup=lambda ws: (tiny(ws), old_site(ws)),
        changes=SITE_CHANGES,
        check=rebuilt(),
    ),
    Case(
        "build-out-an-empty-folder",
        "lose-work",
        ("build", "--out", "site"),
        0,
        r"Xong: 2 văn bản",
        setup=lambda ws: (tiny(ws), (ws / "site").mkdir()),
        changes=SITE_CHANGES,
        check=rebuilt(),
    ),
    Case(
        "build-out-a-link-to-an-old-site",
        "lose-work",
        ("build", "--out", "trang"),
        0,
        r"Xong: 2 văn bản",
        setup=lambda ws: (tiny(ws), old_site(ws, "site-that"), link(ws, "trang", "site-that")),
        changes=("site-that", "site-that/*", ".site-that*", ".vanban-data-*"),
        check=rebuilt("site-that", via="trang"),
    ),
]
