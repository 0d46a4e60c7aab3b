"""What the bad-input table cannot express about the build's output folder: builds at once, the
lock, file modes under a umask, the writer's refusals, and files added while a build runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT
from tests.tiny import write_corpus
from vanban.pipeline import build_site
from vanban.problems import BuildError, OutputFolderRefused
from vanban.site.build import SITE_MARKER, _swap, check_output_folder, output_lock, write_files

BUILD = [sys.executable, str(ROOT / "build_graph.py"), "build"]
WAITING = "Một bản dựng khác đang ghi vào"


@pytest.fixture
def work(tmp_path: Path) -> Path:
    write_corpus(tmp_path / "data")
    return tmp_path


def _start(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*map(str, args)], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8"
    )


def _complete(site: Path) -> None:
    """One whole build: its pages, its marker listing exactly the files there, nothing beside it."""
    assert (site / "index.html").is_file() and (site / "van-ban" / "04-nq-tw-2016.html").is_file()
    marker = json.loads((site / SITE_MARKER).read_text(encoding="utf-8"))
    on_disk = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if not p.is_dir())
    assert sorted(marker["files"]) == [rel for rel in on_disk if rel != SITE_MARKER]
    stray = [p.name for p in site.parent.iterdir() if p.name.startswith(("." + site.name, ".vanban-data"))]
    assert not stray, f"left beside the site: {stray}"


def _at_once(*command: object, cwd: Path) -> None:
    """Start two copies of a build together; both finish well, and one waited for the other."""
    procs = [_start(*map(str, command), cwd=cwd) for _ in range(2)]
    outputs = [p.communicate(timeout=180)[0] for p in procs]
    for proc, output in zip(procs, outputs, strict=True):
        assert "Traceback" not in output, output
        assert proc.returncode == 0, output
    assert any(WAITING in output for output in outputs), outputs


def test_two_builds_at_once_make_one_complete_site(work: Path):
    site = work / "site"
    _at_once(*BUILD, "--data", work / "data", "--out", site, cwd=work)
    _complete(site)


# The default site stages its pages in one fixed folder (build/pages): a build that runs this
# as if its output were the default site, with the staging folder of the test's own.
AS_DEFAULT = (
    "import sys; from pathlib import Path; import vanban.pipeline as p; "
    "p.DEFAULT_SITE = Path(sys.argv[1]); p.STAGING = Path(sys.argv[2]); "
    "from vanban.cli import main; sys.exit(main(sys.argv[3:]))"
)


def test_two_default_builds_at_once_over_a_site_share_no_staging(work: Path):
    site, staging = work / "site", work / "build" / "pages"
    build_site(work / "data", site, pdf_packs=0)
    _at_once(sys.executable, "-c", AS_DEFAULT, site, staging, "build", "--data", work / "data", "--out", site, cwd=work)
    _complete(site)
    # generated pages wait in memory; the hand-written docs and assets are staged on disk
    assert (staging / "assets" / "javascripts" / "vanban-search.js").is_file(), "not staged in the default folder"


def test_serve_and_build_at_once(work: Path):
    site = work / "site"
    serve = _start(
        sys.executable,
        ROOT / "build_graph.py",
        "serve",
        "--data",
        work / "data",
        "--out",
        site,
        "--port",
        "0",
        cwd=work,
    )
    try:
        build = _start(*BUILD, "--data", work / "data", "--out", site, cwd=work)
        output = build.communicate(timeout=180)[0]
        assert build.returncode == 0 and "Traceback" not in output, output
        assert serve.stdout is not None
        served = ""
        deadline = time.monotonic() + 120
        while "Trang web: http://127.0.0.1:" not in served and time.monotonic() < deadline:
            line = serve.stdout.readline()
            if not line:
                break
            served += line
        assert "Trang web: http://127.0.0.1:" in served and "Traceback" not in served, served
    finally:
        serve.terminate()
        serve.wait(timeout=30)
    _complete(site)


def test_a_second_build_waits_for_the_first_and_says_so(work: Path):
    site = work / "site"
    with output_lock(site):
        build = _start(*BUILD, "--data", work / "data", "--out", site, "--pdf-packs", "0", cwd=work)
        assert build.stdout is not None
        first = build.stdout.readline()
        assert WAITING in first and "chờ nó xong" in first, first
        time.sleep(0.5)
        assert build.poll() is None, "the second build went on while the first held the folder"
        assert not site.exists()
    output = first + build.communicate(timeout=180)[0]
    assert build.returncode == 0 and "Traceback" not in output, output
    _complete(site)


def test_waiting_has_a_limit_then_fails_clearly(tmp_path: Path):
    site = tmp_path / "site"
    told: list[str] = []

    def second_build() -> None:
        with output_lock(site, told.append, wait=0.6):
            pytest.fail("two builds held the lock of one folder")

    with output_lock(site):
        start = time.monotonic()
        with pytest.raises(BuildError, match=r"một bản dựng khác vẫn đang ghi vào .* sau 1 s chờ"):
            second_build()
        assert 0.5 < time.monotonic() - start < 5
    assert told and WAITING in told[0]
    assert not list(tmp_path.iterdir()), "the lock file stays after the build"


def test_one_holder_at_a_time_while_lock_files_change_hands(tmp_path: Path):
    """Holders remove the lock file on release; one that locked a file just removed must lock again."""
    site = tmp_path / "site"
    guard = threading.Lock()
    holding, most, turns = [0], [0], []

    def builder(name: str) -> None:
        for _ in range(5):
            with output_lock(site, wait=60):
                with guard:
                    holding[0] += 1
                    most[0] = max(most[0], holding[0])
                turns.append(name)
                time.sleep(0.01)
                with guard:
                    holding[0] -= 1

    threads = [threading.Thread(target=builder, args=(str(i),)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(turns) == 20 and most[0] == 1, (most, turns)
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("mask,folder,file", [(0o022, 0o755, 0o644), (0o077, 0o700, 0o600)])
def test_the_site_follows_the_umask(tmp_path: Path, mask: int, folder: int, file: int):
    old = os.umask(mask)
    try:
        site = tmp_path / "site"
        build_site(write_corpus(tmp_path / "data"), site)
    finally:
        os.umask(old)
    wrong = [
        f"{p.relative_to(site)} {oct(p.stat().st_mode & 0o777)}"
        for p in [site, *site.rglob("*")]
        if p.stat().st_mode & 0o777 != (folder if p.is_dir() else file)
    ]
    assert not wrong, wrong[:10]


def test_files_added_to_the_site_during_a_build_are_not_deleted(tmp_path: Path):
    site = tmp_path / "site"
    data = write_corpus(tmp_path / "data")
    build_site(data, site, pdf_packs=0)
    before = (site / "index.html").read_bytes()

    def meanwhile(message: str) -> None:
        if message.startswith("Dựng trang web bằng MkDocs"):
            (site / "CNAME").write_text("vanban.example\n", encoding="utf-8")

    with pytest.raises(OutputFolderRefused, match=r"1 tệp bản dựng không ghi \(CNAME\)"):
        build_site(data, site, progress=meanwhile, pdf_packs=0, clean=True)
    assert (site / "CNAME").read_text(encoding="utf-8") == "vanban.example\n"
    assert (site / "index.html").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"]


def test_swap_replaces_only_a_site_or_an_empty_folder(tmp_path: Path):
    fresh = tmp_path / ".site-new"
    (fresh / "van-ban").mkdir(parents=True)
    (fresh / "index.html").write_text("mới", encoding="utf-8")
    mine = tmp_path / "cua-toi"
    mine.mkdir()
    (mine / "bao-cao.docx").write_bytes(b"PK")
    with pytest.raises(OutputFolderRefused, match="không phải trang web do vanban dựng"):
        _swap(fresh, mine)
    assert (mine / "bao-cao.docx").read_bytes() == b"PK" and (fresh / "index.html").is_file()
    empty = tmp_path / "trong"
    empty.mkdir()
    _swap(fresh, empty)
    assert (empty / "index.html").read_text(encoding="utf-8") == "mới" and not fresh.exists()


@pytest.mark.parametrize("rel", ["../thoat.js", "/tmp/thoat.js", "a/../../thoat.js", "", ".", "a/\x00.js"])
def test_the_writer_refuses_a_path_outside_its_folder(tmp_path: Path, rel: str):
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(BuildError, match="nằm ngoài thư mục"):
        write_files(folder, [(rel, "x")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"] and not list(folder.iterdir())


@pytest.mark.parametrize(
    "first,second",
    [
        ("co-quan/ban-dan-van.md", "co-quan/ban-dan-van.md"),
        ("co-quan/ban-dan-van.md", "co-quan/./ban-dan-van.md"),
        ("chu-de/dan-van.md", "chu-de/Dan-Van.md"),  # one file on a case-insensitive disk
        ("chu-de/d\u00e2n.md", "chu-de/da\u0302n.md"),  # NFC and NFD: one file on macOS
    ],
)
def test_the_writer_refuses_writing_one_path_twice(tmp_path: Path, first: str, second: str):
    with pytest.raises(BuildError, match=r"hai tệp sinh tự động cùng ghi vào .*tệp trước: '"):
        write_files(tmp_path, [(first, "trang thứ nhất"), (second, "trang thứ hai")])
    assert [p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.md")] == ["trang thứ nhất"]


def test_home_and_its_parents_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path / "nha" / "toi"
    home.mkdir(parents=True)  # empty: only the home rule refuses it
    monkeypatch.setenv("HOME", str(home))
    for out, what in ((home, "là"), (home.parent, "chứa")):
        with pytest.raises(OutputFolderRefused, match=f"{what} thư mục nhà của bạn"):
            check_output_folder(out, ROOT, [(CORPUS, "thư mục dữ liệu")])
    assert check_output_folder(home / "site", ROOT) == (home / "site").resolve()


def test_system_root_and_project_root_are_refused():
    with pytest.raises(OutputFolderRefused, match="thư mục gốc của hệ thống"):
        check_output_folder("/", ROOT)
    with pytest.raises(OutputFolderRefused, match="là thư mục dự án vanban"):
        check_output_folder(ROOT, ROOT)
    with pytest.raises(OutputFolderRefused, match=r"chứa thư mục dự án vanban|thư mục nhà của bạn"):
        check_output_folder(ROOT.parent, ROOT)


def test_an_empty_folder_and_a_new_folder_are_accepted(tmp_path: Path):
    (tmp_path / "trong").mkdir()
    assert check_output_folder(tmp_path / "trong", ROOT) == (tmp_path / "trong").resolve()
    assert check_output_folder(tmp_path / "moi", ROOT) == (tmp_path / "moi").resolve()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trong"]
