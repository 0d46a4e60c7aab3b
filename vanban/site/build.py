"""Stage 5: write the generated pages next to the hand-written ones and run MkDocs.

The only stage that writes files. A failed build leaves the previous site as it was: MkDocs
builds into a fresh folder that replaces the old site only once the build has succeeded.

The build never deletes what it did not write. The output folder must be missing, empty, or a
site it built before: every site carries a marker file (SITE_MARKER) that lists the files the
build wrote. Anything else is refused before any work (check_output_folder) and checked again
right before the old site is removed (_swap). One build at a time writes a folder (output_lock).
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib.metadata
import itertools
import json
import logging
import multiprocessing
import os
import resource
import shutil
import tempfile
import time
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ..load import Signature, signature
from ..problems import BuildError, OutputError, OutputFolderRefused

HAND_WRITTEN = "docs"
# Browser libraries installed from npm (package-lock.json), copied into the site at build time.
VENDOR = {"assets/vendor/cytoscape.min.js": "node_modules/cytoscape/dist/cytoscape.min.js"}
# Written last into every site: {"tool": "vanban", "version": …, "files": [every file written]}.
SITE_MARKER = ".vanban-site"
# How long a build waits for another one writing the same folder (a large corpus takes minutes).
LOCK_WAIT = 600.0
_LOCK_SIGNATURE = b"vanban build lock"
_ELSEWHERE = "hãy chỉ một thư mục riêng cho trang web, ví dụ --out site"


def vendor_files(root: Path) -> Iterable[tuple[str, str]]:
    missing = [src for src in VENDOR.values() if not (root / src).is_file()]
    if missing:
        raise BuildError(
            f"thiếu thư viện {', '.join(missing)}: chạy `npm ci` trong {root} "
            "(lệnh `make serve` hoặc `make test` tự làm việc này)"
        )
    for target, src in VENDOR.items():
        yield target, (root / src).read_text(encoding="utf-8")


# Generated Markdown pages wait here, compressed, for MkDocs (mkdocs_hooks.py gives them to it as generated files):
# writing them into the staging folder only for MkDocs to read them back cost two file operations a page (at
# 100,000 documents, 107,000 files created, read and deleted again at the next build). Kept uncompressed, the
# 104 million characters of 10,000 documents' pages made the build slower, not faster (234 MB more to allocate).
_generated: dict[str, dict[str, bytes]] = {}  # by the staging folder's real path, then by page


def _store(staging: str | Path) -> dict[str, bytes]:
    return _generated.setdefault(os.path.realpath(staging), {})


def generated_pages(staging: str | Path) -> list[str]:
    """The generated pages MkDocs is to build from this staging folder (their paths in it)."""
    return list(_store(staging))


def generated_source(staging: str | Path, rel: str) -> str | None:
    """The Markdown of a generated page, or None when rel is not one."""
    made = _store(staging).get(rel)
    return zlib.decompress(made).decode("utf-8") if made is not None else None


def generated_source_kept(staging: str | Path, rel: str) -> bool:
    """Whether rel is a generated page of this staging folder."""
    return rel in _store(staging)


def keep_generated(staging: str | Path, rel: str, text: str | None) -> None:
    """A generated page made again (text), or gone (None)."""
    if text is None:
        _store(staging).pop(rel, None)
    else:
        _store(staging)[rel] = zlib.compress(text.encode("utf-8"), 1)


def generated_store(staging: str | Path) -> dict[str, bytes]:
    """Every generated page of this staging folder, compressed as kept: what a later build may put back."""
    return dict(_store(staging))


def put_back_generated(staging: str | Path, store: Mapping[str, bytes]) -> None:
    """The generated pages of an earlier build (generated_store), kept again for this staging folder."""
    kept = _store(staging)
    kept.clear()
    kept.update(store)


def release_generated(staging: str | Path) -> None:
    """The build from this staging folder is over: its pages are let go."""
    _generated.pop(os.path.realpath(staging), None)


def stage_pages(
    pages: Iterable[tuple[str, str]],
    hand_written: Path,
    staging: Path,
    rewrites: Mapping[str, Callable[[str], str]] | None = None,
) -> int:
    """Copy hand-written docs into staging, then add generated pages: Markdown pages kept for MkDocs
    (generated_source), other files written. Returns pages and files added.

    A generated page never overwrites a hand-written file: a clash is an error naming both.
    `rewrites` complete some hand-written pages in the staged copy (never in docs/ itself), e.g.
    the guide's field table from the schema.
    """

    def guarded() -> Iterator[tuple[str, str]]:
        for rel, text in pages:
            if (hand_written / rel).exists():
                raise BuildError(
                    f"trang sinh tự động '{rel}' trùng với tệp viết tay {hand_written / rel}; "
                    "đổi tên tệp viết tay, trang sinh tự động không ghi đè lên nó"
                )
            yield rel, text

    try:
        if staging.exists():
            shutil.rmtree(staging)
        if hand_written.is_dir():
            shutil.copytree(hand_written, staging)
        staging.mkdir(parents=True, exist_ok=True)
        for rel, rewrite in (rewrites or {}).items():
            page = staging / rel
            if page.is_file():
                page.write_text(rewrite(page.read_text(encoding="utf-8")), encoding="utf-8")
        store = _store(staging)
        store.clear()
        return write_files(staging, guarded(), keep=store)
    except OSError as exc:
        raise BuildError(f"không ghi được các trang vào thư mục tạm '{staging}': {exc}") from None


# The output folder ---------------------------------------------------------------------------


def check_output_folder(out: str | Path, project_root: Path, inputs: Sequence[tuple[Path, str]] = ()) -> Path:
    """The resolved output folder if the build may write it; else OutputFolderRefused saying why.

    Refused: an empty path; an existing file, or a link to nothing; `/`, the home folder, the
    project root or a folder above them; the root of any project (`.git`, `vanban/`); one of the
    build's `inputs` (the data folder, docs/ …: path and Vietnamese label), a folder above one or
    inside one; a folder whose parent is missing, a file or not writable; a folder with files but
    without the marker of a site; a site holding files the build did not write (a rebuild would
    delete them), or a folder inside a site. Only reads: nothing is created.
    """
    _refuse_empty(out)
    given = Path(out)
    try:
        site = given.resolve()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a loop of symbolic links
        raise OutputFolderRefused(f"không xác định được thư mục '{out}': {exc}") from None
    shown = f"'{out}'" if str(out) == str(site) else f"'{out}' ({site})"
    if given.is_symlink() and not site.exists():
        raise OutputFolderRefused(f"{shown} là liên kết tượng trưng tới một chỗ không có; {_ELSEWHERE}")
    if site.exists() and not site.is_dir():
        raise OutputFolderRefused(
            f"{shown} là một tệp, không phải thư mục; bản dựng không thay một tệp bằng trang web: {_ELSEWHERE}"
        )
    _refuse_protected(site, shown, project_root, inputs)
    outer = next((above for above in site.parents if is_site(above)), None)
    if outer is not None:
        raise OutputFolderRefused(
            f"{shown} nằm trong trang web '{outer}' do vanban dựng; dựng lại trang đó sẽ xóa nó: {_ELSEWHERE}"
        )
    parent = site.parent
    if not parent.is_dir():
        blocker = next((p for p in (parent, *parent.parents) if p.exists()), None)
        if blocker is not None and not blocker.is_dir():
            raise OutputFolderRefused(f"{shown} nằm dưới '{blocker}', một tệp chứ không phải thư mục; chọn chỗ khác")
        raise OutputFolderRefused(
            f"thư mục '{parent}' không có; tạo nó trước (mkdir -p '{parent}') rồi dựng lại, hoặc chọn chỗ khác"
        )
    for folder in (parent, site) if site.exists() else (parent,):
        if not os.access(folder, os.W_OK | os.X_OK):
            raise OutputFolderRefused(
                f"không ghi được vào thư mục '{folder}' (chỉ đọc hoặc không có quyền ghi); chọn chỗ khác hoặc sửa quyền"
            )
    if site.exists():
        _check_owned(site, shown)
    return site


def _refuse_empty(out: str | Path) -> None:
    if not str(out).strip():
        raise OutputFolderRefused(f"đường dẫn --out trống (có thể là một biến chưa được đặt); {_ELSEWHERE}")


def _refuse_protected(site: Path, shown: str, project_root: Path, inputs: Sequence[tuple[Path, str]]) -> None:
    """The build replaces the whole folder: never one that holds the system, a home, a project or an input."""
    if site == Path(site.anchor):
        raise OutputFolderRefused(f"{shown} là thư mục gốc của hệ thống; {_ELSEWHERE}")
    replaced = "bản dựng sẽ thay cả thư mục bằng trang web: "
    with suppress(RuntimeError, OSError):  # no home folder known: nothing to compare with
        _refuse_holding(site, shown, Path.home().resolve(), "thư mục nhà của bạn", "")
    _refuse_holding(site, shown, project_root.resolve(), "thư mục dự án vanban", replaced)
    for sign in (".git", "vanban/__init__.py", "pyproject.toml"):
        if (site / sign).exists():
            raise OutputFolderRefused(
                f"{shown} là thư mục gốc của một dự án (có {sign}); bản dựng sẽ thay cả thư mục bằng trang web: "
                f"{_ELSEWHERE}"
            )
    for path, label in inputs:
        folder = path.resolve()
        _refuse_holding(site, shown, folder, label, replaced)
        if folder in site.parents:
            raise OutputFolderRefused(
                f"{shown} nằm trong {label} ({folder}); trang web sẽ lẫn vào đầu vào của lần dựng sau: {_ELSEWHERE}"
            )


def _refuse_holding(site: Path, shown: str, folder: Path, label: str, why: str) -> None:
    """OutputFolderRefused when site is folder or a folder above it."""
    if site == folder or site in folder.parents:
        what = "là" if site == folder else "chứa"
        raise OutputFolderRefused(f"{shown} {what} {label} ({folder}); {why}{_ELSEWHERE}")


def _check_owned(site: Path, shown: str) -> bool:
    """An empty folder (False), or a site this build wrote and nobody added to (True); else
    OutputFolderRefused."""
    try:
        entries = sorted(os.listdir(site))
        if not entries:
            return False
        marker = site_marker(site)
        if marker is None:
            names = ", ".join(entries[:3]) + (", …" if len(entries) > 3 else "")
            raise OutputFolderRefused(
                f"{shown} đã có tệp ({names}) và không phải trang web do vanban dựng (không có tệp đánh dấu "
                f"{SITE_MARKER} hợp lệ); bản dựng chỉ ghi vào một thư mục chưa có hoặc trống, hoặc thay một "
                "trang web do chính nó dựng. Hãy chọn một thư mục mới; nếu đây là trang web do phiên bản vanban "
                "cũ dựng, hãy tự xóa nó rồi dựng lại"
            )
        listed = marker.get("files")
        known = set(listed) if isinstance(listed, list) else set()
        extra = [rel for rel in _site_files(site) if rel not in known]
    except OSError as exc:
        raise OutputFolderRefused(f"không đọc được thư mục {shown}: {exc.strerror or exc}; chọn chỗ khác") from None
    if extra:
        names = ", ".join(extra[:5]) + (", …" if len(extra) > 5 else "")
        raise OutputFolderRefused(
            f"{shown} là trang web do vanban dựng nhưng có {len(extra)} tệp bản dựng không ghi ({names}); "
            "dựng lại sẽ xóa chúng. Hãy chuyển chúng ra ngoài thư mục (hoặc xóa nếu không cần) rồi dựng lại"
        )
    return True


def site_marker(folder: Path) -> dict[str, Any] | None:
    """What the build wrote into a site's marker (its files, the fingerprint of its inputs …), or None."""
    marker = folder / SITE_MARKER
    try:
        if marker.is_symlink() or not marker.is_file():
            return None
        data = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("tool") == "vanban" else None


# A file's digest by its path, kept with what stat said of it then (load.signature): `serve` reads again only
# the files saved since.
StatMemo = dict[str, tuple[Signature, str]]


def fingerprint(roots: Iterable[Path], extra: str = "", memo: StatMemo | None = None) -> str:
    """The content of every file under roots (or the root itself, a file), and `extra`: one hex digest.
    Names and bytes count, times do not: a file saved unchanged changes nothing."""
    outer = hashlib.sha256(extra.encode("utf-8"))
    now = time.time_ns()
    for root in roots:
        single = root.is_file()
        files = [(root.name, os.stat(root))] if single else _files_under(str(root)) if root.is_dir() else []
        parts = [f"\0root {root.name}\0"]  # hashed at once: the same digest as one update per file
        folder = os.path.join(root, "")
        for rel, info in sorted(files, key=lambda item: item[0].split("/")):
            path = str(root) if single else folder + rel
            parts.append(f"{rel}\0{_file_digest(path, info, memo, now)}\0")
        outer.update("".join(parts).encode())
    return outer.hexdigest()


def _files_under(folder: str, rel: str = "") -> list[tuple[str, os.stat_result]]:
    """Every file under folder (links to files followed, links to folders not), with what stat says of it."""
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            name = f"{rel}{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                found += _files_under(entry.path, name + "/")
            elif entry.is_file():
                found.append((name, entry.stat()))
    return found


def _file_digest(path: str, info: os.stat_result, memo: StatMemo | None, now: int) -> str:
    seen = signature(info, now)
    kept = memo.get(path) if memo is not None else None
    if seen is not None and kept is not None and kept[0] == seen:
        return kept[1]
    with open(path, "rb") as handle:
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    if memo is not None and seen is not None:
        memo[path] = (seen, digest)
    return digest


class ContentCache:
    """Files kept between builds under a folder, each named by the hash of what it was made from: a PDF is
    made again only when its pack changed. Safe to delete; a file that cannot be read or written is made
    or skipped, never an error."""

    def __init__(self, folder: Path, salt: str = "") -> None:
        self.folder, self.salt = folder, salt

    def _path(self, kind: str, source: str) -> Path:
        digest = hashlib.sha256(f"{self.salt}\0{source}".encode()).hexdigest()
        return self.folder / kind / digest[:2] / digest

    def get(self, kind: str, source: str) -> bytes | None:
        try:
            return self._path(kind, source).read_bytes()
        except OSError:
            return None

    def put(self, kind: str, source: str, made: bytes) -> None:
        path = self._path(kind, source)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
                handle.write(made)
            os.replace(handle.name, path)  # whole or not at all: a build running beside this one reads it
        except OSError:
            with suppress(OSError):
                os.unlink(handle.name)

    def made(self, kind: str, make: Callable[[str], bytes], fresh: bool = False) -> Callable[[str], bytes]:
        """`make`, answered from the cache when it made the same thing before; `fresh`: made anyway, and kept."""

        def cached(source: str) -> bytes:
            found = None if fresh else self.get(kind, source)
            if found is None:
                found = make(source)
                self.put(kind, source, found)
            return found

        return cached


def is_site(folder: Path) -> bool:
    """Whether folder is a site the build wrote (it carries the marker)."""
    return site_marker(folder) is not None


def served_site(out: str | Path) -> Path:
    """The folder `serve --no-build` may serve; OutputFolderRefused for an empty path or a folder of
    files that is not a site (serving it would publish them). A missing folder is returned as is."""
    _refuse_empty(out)
    site = Path(out)
    try:
        foreign = site.is_dir() and any(site.iterdir()) and not is_site(site)
    except OSError as exc:
        raise OutputFolderRefused(f"không đọc được thư mục '{out}': {exc.strerror or exc}") from None
    if foreign:
        raise OutputFolderRefused(
            f"'{out}' không phải trang web do vanban dựng (không có tệp đánh dấu {SITE_MARKER} hợp lệ), nên không "
            "phục vụ nó; chạy `python build_graph.py build --out …` trước, hoặc chỉ đúng thư mục trang web"
        )
    return site


def _site_files(folder: Path) -> list[str]:
    """Every file and link under folder (relative, '/'-separated), the marker excepted."""

    def fail(exc: OSError) -> None:
        raise exc

    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(folder, onerror=fail):
        base = PurePosixPath(Path(dirpath).relative_to(folder).as_posix())
        links = [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]
        found.extend(str(base / name) for name in filenames + links)
    return sorted(rel for rel in found if rel != SITE_MARKER)


@contextmanager
def output_lock(
    site: Path, progress: Callable[[str], None] = lambda message: None, wait: float = LOCK_WAIT
) -> Iterator[None]:
    """Hold the lock of an output folder: `.<name>.lock` beside it, locked with flock.

    A second build into the same folder says so through `progress` and waits up to `wait`
    seconds, then raises BuildError. The lock file is removed on release, while still held; a
    build that finds the file gone or replaced once it has locked it locks again, so two builds
    never both hold the lock.
    """
    path = site.parent / f".{site.name}.lock"
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666)
        except OSError as exc:
            raise OutputFolderRefused(
                f"không tạo được tệp khóa '{path}' bên cạnh thư mục trang web: {exc.strerror}; "
                "chọn chỗ khác hoặc sửa quyền ghi"
            ) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() >= deadline:
                raise BuildError(
                    f"một bản dựng khác vẫn đang ghi vào '{site}' sau {wait:.0f} s chờ; đợi nó xong rồi chạy lại"
                ) from None
            if not told:
                progress(f"Một bản dựng khác đang ghi vào {site}; chờ nó xong (tối đa {wait:.0f} s)…")
                told = True
            time.sleep(0.2)
            continue
        except OSError as exc:
            os.close(fd)
            raise BuildError(f"không khóa được '{path}': {exc.strerror}") from None
        if _same_file(fd, path):
            break
        os.close(fd)  # the build before us removed it: lock the file that is there now
    try:
        _claim_lock_file(fd, path)
        yield
    finally:
        if _same_file(fd, path) and os.pread(fd, len(_LOCK_SIGNATURE), 0) == _LOCK_SIGNATURE:
            with suppress(OSError):
                os.unlink(path)
        os.close(fd)


def _claim_lock_file(fd: int, path: Path) -> None:
    """Refuse a file of the user's that happens to bear the lock's name (it would be removed)."""
    head = os.pread(fd, 4096, 0)
    if head and not head.startswith(_LOCK_SIGNATURE):
        raise OutputFolderRefused(
            f"'{path}' đã có và không phải tệp khóa của vanban; bản dựng dùng tên đó làm tệp khóa: "
            "đổi tên tệp đó hoặc chọn thư mục trang web khác"
        )
    os.ftruncate(fd, 0)
    os.pwrite(fd, _LOCK_SIGNATURE + f" {os.getpid()}\n".encode(), 0)


def _same_file(fd: int, path: Path) -> bool:
    try:
        now = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    held = os.fstat(fd)
    return (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino)


# MkDocs and the data files ------------------------------------------------------------------


class _WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@dataclass
class DataReport:
    files: int = 0
    peak_mb: float = 0.0  # the writer's own peak memory, when it ran as a separate process
    digests: dict[str, str] = field(default_factory=dict)  # path → content_digest of every data file


def content_digest(content: str | bytes) -> str:
    """What an incremental build compares a file by."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def run_mkdocs(
    config_file: Path,
    docs_dir: Path,
    site_dir: Path,
    marker: Callable[[DataReport], Mapping[str, Any]] | None = None,
    writer: DataWriter | None = None,
) -> DataReport:
    """Build with MkDocs in strict mode into site_dir, atomically. Raises BuildError.

    The caller has checked site_dir (check_output_folder) and holds its lock (output_lock).
    writer, started by the caller (DataWriter), computes and writes the search and graph data in a
    second process: thousands of small scripts that MkDocs has nothing to do with. They are moved
    into the new site before it replaces the old one; the writer is discarded if the build fails.
    marker(report) is what the site's marker keeps besides its files.
    """
    site_dir = site_dir.resolve()
    fresh = None
    try:
        fresh = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
        # mkdtemp makes a 0700 folder: a web server running as another user could not read the site.
        os.chmod(fresh, 0o777 & ~_umask())
        _mkdocs_build(config_file, docs_dir, fresh)
        report = writer.finish_into(fresh) if writer else DataReport()
        _write_marker(fresh, marker(report) if marker else None)
        _swap(fresh, site_dir)
    except BaseException as exc:  # Ctrl+C too: nothing half-built stays beside the site
        if writer:
            writer.discard()
        if fresh is not None:
            shutil.rmtree(fresh, ignore_errors=True)
        if isinstance(exc, OSError):
            raise BuildError(f"không ghi được trang web vào '{site_dir}': {exc}") from None
        raise
    return report


def _mkdocs_build(config_file: Path, docs_dir: Path, fresh: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    collector = _WarningCollector()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(collector)
    try:
        config = load_config(str(config_file), docs_dir=str(docs_dir.resolve()), site_dir=str(fresh), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, OSError) as exc:
        detail = "; ".join(collector.messages[:10]) or str(exc)
        raise BuildError(f"MkDocs không dựng được trang: {detail}") from None
    finally:
        mkdocs_log.removeHandler(collector)


def _write_marker(site: Path, extra: Mapping[str, Any] | None = None) -> None:
    try:
        version = importlib.metadata.version("vanban")
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    marker = {"tool": "vanban", "version": version, **(extra or {}), "files": _site_files(site)}
    with open(site / SITE_MARKER, "x", encoding="utf-8") as handle:  # "x": no generated file may forge it
        json.dump(marker, handle, ensure_ascii=False, separators=(",", ":"))


def write_files(folder: Path, files: Iterable[tuple[str, str | bytes]], keep: dict[str, bytes] | None = None) -> int:
    """Write (relative path, text or bytes) pairs under folder. Raises BuildError for a path that
    leaves the folder, and for a path written twice: a second page would silently replace the first.
    With keep, Markdown pages are kept there (compressed) instead of written.

    Paths are compared as a case-insensitive file system would (NFC, case-folded): the site is
    meant to be copied to other machines.
    """
    written, made = 0, set()
    seen: dict[str, str] = {}
    root = folder.resolve()
    for rel, content in files:
        target = _inside(root, rel)
        key = unicodedata.normalize("NFC", target.relative_to(root).as_posix()).casefold()
        if key in seen:
            raise BuildError(
                f"hai tệp sinh tự động cùng ghi vào '{rel}' (tệp trước: '{seen[key]}'): tệp sau sẽ thay mất tệp "
                "trước; hai khóa trong dữ liệu (cơ quan, chủ đề, id…) cho cùng một tên trang, hãy đổi một khóa"
            )
        seen[key] = rel
        if keep is not None and isinstance(content, str) and rel.endswith(".md"):
            keep[rel] = zlib.compress(content.encode("utf-8"), 1)
            written += 1
            continue
        try:
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        except OSError as exc:
            raise BuildError(f"không ghi được tệp '{rel}': {exc.strerror or exc}") from None
        written += 1
    return written


def _merge(source: Path, site: Path) -> None:
    """Move every file of source into site: whole folders where site has none, else file by file."""
    for entry in source.iterdir():
        target = site / entry.name
        if not target.exists():
            entry.rename(target)
        elif entry.is_dir() and target.is_dir():
            _merge(entry, target)
        else:
            raise BuildError(f"tệp dữ liệu '{entry.name}' trùng với một tệp MkDocs đã tạo")


DataFiles = Iterable[tuple[str, str | bytes]]


class DataWriter:
    """Computes and writes the data files in a forked process (or here, where fork is missing).

    `parts`, each a call that gives some of the files, are shared out: the process takes them one by one after
    its own files, and this one, once MkDocs is done (finish_into), takes those still left, so that neither
    waits for the other while parts remain (the documents' local graphs: a fifth of its work at 10,000)."""

    def __init__(self, files: Callable[[], DataFiles], parent: Path, parts: Sequence[Callable[[], DataFiles]] = ()):
        self.folder = Path(tempfile.mkdtemp(prefix=".vanban-data-", dir=parent))
        self.result = self.folder / ".result.json"
        self.files = files
        self.parts = parts
        self.process = None
        self._next: Any = None  # the number of the next part to take, shared by the two processes
        if "fork" in multiprocessing.get_all_start_methods():
            # fork: the child shares the corpus already in memory; nothing is pickled.
            context = multiprocessing.get_context("fork")
            self._next = context.Value("i", 0)
            self.process = context.Process(target=self._run, daemon=True)
            self.process.start()

    def _claimed(self) -> DataFiles:
        """The files of each part not yet taken by the other process, as this one takes them (all of them, in
        turn, where there is no other process)."""
        if self._next is None:
            for part in self.parts:
                yield from part()
            return
        while True:
            with self._next.get_lock():
                number = self._next.value
                self._next.value = number + 1
            if number >= len(self.parts):
                return
            yield from self.parts[number]()

    def _write(self, files: DataFiles) -> tuple[int, dict[str, str]]:
        digests: dict[str, str] = {}

        def digested() -> Iterator[tuple[str, str | bytes]]:
            for rel, content in files:
                digests[rel] = content_digest(content)
                yield rel, content

        return write_files(self.folder, digested()), digests

    def _run(self) -> None:
        try:
            count, digests = self._write(itertools.chain(self.files(), self._claimed()))
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            self.result.write_text(json.dumps({"files": count, "peak_mb": peak, "digests": digests}))
        except Exception as exc:  # reported to the parent, which raises it as a BuildError
            self.result.write_text(json.dumps({"error": f"{type(exc).__name__}: {exc}"}))

    def finish_into(self, site: Path) -> DataReport:
        """Takes the parts still left, waits for the process, and moves every file into site."""
        helped, helped_digests = 0, dict[str, str]()  # what this process wrote of the parts it took
        if self.process is None:
            self._run()
        else:
            helped, helped_digests = self._write(self._claimed())
            self.process.join()
        try:
            outcome = json.loads(self.result.read_text())
        except (OSError, ValueError):
            code = self.process.exitcode if self.process else None
            outcome = {"error": f"tiến trình ghi dữ liệu dừng bất thường (mã {code})"}
        if "error" in outcome:
            self.discard()
            raise BuildError(f"không ghi được dữ liệu tìm kiếm và đồ thị: {outcome['error']}")
        self.result.unlink()
        try:
            _merge(self.folder, site)
        finally:
            self.discard()
        digests = {**outcome["digests"], **helped_digests}
        return DataReport(outcome["files"] + helped, outcome["peak_mb"] if self.process else 0.0, digests)

    def discard(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.terminate()
            self.process.join()
        shutil.rmtree(self.folder, ignore_errors=True)


def _swap(fresh: Path, site_dir: Path) -> None:
    """Put fresh in site_dir's place. Only a site the build wrote (or an empty folder) is replaced."""
    old = None
    # Checked again: files may have been added while this build ran.
    if (site_dir.exists() or site_dir.is_symlink()) and _check_owned(site_dir, f"'{site_dir}'"):
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
        os.rmdir(old)
        site_dir.rename(old)
    try:
        fresh.rename(site_dir)  # replaces an empty folder; fails on one that is not
    except OSError:
        if old is not None:
            old.rename(site_dir)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def site_size(site_dir: Path) -> tuple[int, int, str]:
    """(total bytes, largest page bytes, its path) for the benchmark: every page, index pages included."""
    total, largest, largest_path = 0, 0, ""
    for dirpath, _, names in os.walk(site_dir):
        for name in names:
            path = Path(dirpath) / name
            size = path.stat().st_size
            total += size
            if name.endswith(".html") and size > largest:
                largest, largest_path = size, str(path)
    return total, largest, largest_path


def write_output(path: Path, content: str | bytes) -> None:
    """Write one file the user asked for (a PDF, a CSV, an export), whole or not at all.

    Raises OutputError with what is wrong (missing folder, no permission, a file in the way)
    instead of an OSError traceback.
    """
    folder = path.parent
    if path.is_dir():
        raise OutputError(f"'{path}' là một thư mục; hãy chỉ một tên tệp")
    if not folder.is_dir():
        what = "không phải thư mục" if folder.exists() else "không có"
        raise OutputError(f"thư mục '{folder}' {what}; tạo thư mục trước hoặc chọn chỗ khác")
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as exc:
        raise OutputError(f"không ghi được vào thư mục '{folder}': {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"không ghi được '{path}': {exc.strerror}") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# MkDocs kept loaded: an incremental build renders the pages an edit changed, and no others --------


class MkDocsSession:
    """MkDocs loaded once for a folder of staged pages: configuration, theme, files and navigation, ready to
    render any page again as a full build renders it (the same calls in the same order, mkdocs.commands.build).

    Valid while nothing but generated pages outside the navigation's titles changes: a change to
    mkdocs.yml, the theme, docs/ or vanban's code needs a new session (the caller's inputs key says when).
    Raises BuildError where MkDocs warns, as the strict full build does.
    """

    def __init__(self, config_file: Path, docs_dir: Path) -> None:
        from mkdocs.commands.build import _populate_page
        from mkdocs.config import load_config
        from mkdocs.structure.files import get_files, set_exclusions
        from mkdocs.structure.nav import get_navigation

        self._out = Path(tempfile.mkdtemp(prefix="vanban-mkdocs-"))
        with self._warnings():
            config = load_config(str(config_file), docs_dir=str(docs_dir.resolve()), site_dir=str(self._out))
            config.plugins.on_startup(command="serve", dirty=False)
            config = config.plugins.on_config(config)
            config.plugins.on_pre_build(config=config)
            files = get_files(config)
            env = config.theme.get_env()
            files.add_files_from_theme(env, config)
            files = config.plugins.on_files(files, config=config)
            set_exclusions(files, config)
            self.nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
            for page in self.nav.pages:  # their titles are the navigation's
                _populate_page(page, config, files)
            self.env = config.plugins.on_env(env, config=config, files=files)
        self.config, self.files = config, files
        self._documentation_pages: Sequence[Any] | None = None  # the files' pages, until a page comes or goes

    @contextmanager
    def _warnings(self) -> Iterator[None]:
        collector = _WarningCollector()
        mkdocs_log = logging.getLogger("mkdocs")
        mkdocs_log.addHandler(collector)
        try:
            yield
        except Exception as exc:  # MkDocs raises many kinds; each stops this build, never serve
            detail = "; ".join(collector.messages[:10]) or f"{type(exc).__name__}: {exc}"
            raise BuildError(f"MkDocs không dựng được trang: {detail}") from None
        finally:
            mkdocs_log.removeHandler(collector)
        if collector.messages:
            raise BuildError(f"MkDocs không dựng được trang: {'; '.join(collector.messages[:10])}")

    def render(self, src_uri: str) -> tuple[str, bytes]:
        """(path in the site, HTML) of the generated page src_uri, as keep_generated last kept it."""
        from mkdocs.commands.build import _populate_page, get_context
        from mkdocs.structure.files import File, set_exclusions
        from mkdocs.structure.pages import Page

        config = self.config
        with self._warnings():
            file = self.files.get_file_from_path(src_uri)
            if file is None:
                file = File.generated(config, src_uri, content="")  # its Markdown: generated_source
                set_exclusions([file], config)
                self.files.append(file)
                self._documentation_pages = None
            if file.page is None:
                Page(None, file, config)
            page = file.page
            assert page is not None
            _populate_page(page, config, self.files)
            config._current_page = page
            page.active = True
            try:
                # MkDocs lists every file's page for each page's context: at 10,000 documents 11,000 files each time
                pages = self._documentation_pages
                if pages is None:
                    pages = self._documentation_pages = self.files.documentation_pages()
                context = get_context(self.nav, pages, config, page)
                template = self.env.get_template(page.meta.get("template", "main.html"))
                context = config.plugins.on_page_context(context, page=page, config=config, nav=self.nav)
                output = config.plugins.on_post_page(template.render(context), page=page, config=config)
            finally:
                page.active = False
                config._current_page = None
            page.validate_anchor_links(files=self.files, log_level=config.validation.links.anchors)
        return file.dest_uri, output.encode("utf-8", errors="xmlcharrefreplace")

    def forget(self, src_uri: str) -> str | None:
        """A generated page that is no more: its path in the site, which the build deletes."""
        file = self.files.get_file_from_path(src_uri)
        if file is None:
            return None
        self.files.remove(file)
        self._documentation_pages = None
        return file.dest_uri

    def theme_files(self) -> dict[str, bytes]:
        """The theme's pages over every page (sitemap.xml and its .gz, 404.html), as a full build writes them."""
        from mkdocs.commands.build import _build_theme_template

        shutil.rmtree(self._out, ignore_errors=True)
        self._out.mkdir()
        with self._warnings():
            for template in self.config.theme.static_templates:
                _build_theme_template(template, self.env, self.files, self.config, self.nav)
        return {rel: (self._out / rel).read_bytes() for rel in _site_files(self._out)}

    def close(self) -> None:
        self.config.plugins.on_shutdown()
        shutil.rmtree(self._out, ignore_errors=True)


def apply_changes(
    site: Path, writes: Mapping[str, bytes], deletes: Sequence[str], marker: Mapping[str, Any]
) -> dict[str, Any]:
    """Bring a built site up to date in place: files written, files deleted, its marker rewritten (its list of
    files: those it listed, with those written and without those deleted); returns the marker written.

    Every new file is written beside its place first; only when all are written are they moved in, so a
    write that fails (a full disk) leaves the site as it was. A path that leaves the site, or names its
    marker, is refused.
    """
    root = site.resolve()
    staged: list[tuple[Path, Path]] = []
    mode = 0o666 & ~_umask()
    try:
        for rel, content in writes.items():
            target = _inside(root, rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=".vanban-", dir=target.parent)
            staged.append((Path(name), target))
            with os.fdopen(fd, "wb") as handle:
                handle.write(content)
            os.chmod(name, mode)
        gone = [_inside(root, rel) for rel in deletes]
    except (OSError, BuildError) as exc:
        for written, _ in staged:
            written.unlink(missing_ok=True)
        if isinstance(exc, BuildError):
            raise
        raise BuildError(f"không ghi được trang web vào '{site}': {exc}") from None
    for written, target in staged:
        os.replace(written, target)
    for path in gone:
        path.unlink(missing_ok=True)
        with suppress(OSError):  # a folder left empty goes too, as a full build would not make it
            for folder in path.parents:
                if folder == root:
                    break
                folder.rmdir()
    files = marker.get("files")
    listed = {**marker, "files": sorted((set(files if isinstance(files, list) else []) | writes.keys()) - set(deletes))}
    fd, tmp = tempfile.mkstemp(prefix=".vanban-", dir=root)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(listed, handle, ensure_ascii=False, separators=(",", ":"))
    os.chmod(tmp, 0o666 & ~_umask())
    os.replace(tmp, root / SITE_MARKER)
    return listed


def _inside(root: Path, rel: str) -> Path:
    """root / rel, resolved; BuildError for a path that leaves root (root resolved) or names a site's marker."""
    parts = PurePosixPath(rel).parts
    target = (root / rel).resolve() if parts and "\x00" not in rel else root
    if rel.startswith("/") or ".." in parts or root not in target.parents or target == root / SITE_MARKER:
        raise BuildError(f"tệp '{rel}' nằm ngoài thư mục {root.name}")
    return target
