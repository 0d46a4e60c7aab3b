"""Stage 5: write the generated pages next to the hand-written ones and run MkDocs.

The only stage that writes files. A failed build leaves the previous site as it was: MkDocs
builds into a fresh folder that replaces the old site only once the build has succeeded.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import resource
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..problems import BuildError, OutputError

HAND_WRITTEN = "docs"
# Browser libraries installed from npm (package-lock.json), copied into the site at build time.
VENDOR = {"assets/vendor/cytoscape.min.js": "node_modules/cytoscape/dist/cytoscape.min.js"}


def vendor_files(root: Path) -> Iterable[tuple[str, str]]:
    missing = [src for src in VENDOR.values() if not (root / src).is_file()]
    if missing:
        raise BuildError(
            f"thiếu thư viện {', '.join(missing)}: chạy `npm ci` trong {root} "
            "(lệnh `make serve` hoặc `make test` tự làm việc này)"
        )
    for target, src in VENDOR.items():
        yield target, (root / src).read_text(encoding="utf-8")


def stage_pages(
    pages: Iterable[tuple[str, str]],
    hand_written: Path,
    staging: Path,
    rewrites: Mapping[str, Callable[[str], str]] | None = None,
) -> int:
    """Copy hand-written docs into staging, then add generated pages. Returns pages written.

    A generated page never overwrites a hand-written file: a clash is an error naming both.
    `rewrites` complete some hand-written pages in the staged copy (never in docs/ itself), e.g.
    the guide's field table from the schema.
    """
    if staging.exists():
        shutil.rmtree(staging)
    if hand_written.is_dir():
        shutil.copytree(hand_written, staging)
    staging.mkdir(parents=True, exist_ok=True)
    for rel, rewrite in (rewrites or {}).items():
        page = staging / rel
        if page.is_file():
            page.write_text(rewrite(page.read_text(encoding="utf-8")), encoding="utf-8")

    def guarded() -> Iterator[tuple[str, str]]:
        for rel, text in pages:
            if (hand_written / rel).exists():
                raise BuildError(
                    f"trang sinh tự động '{rel}' trùng với tệp viết tay {hand_written / rel}; "
                    "đổi tên tệp viết tay, trang sinh tự động không ghi đè lên nó"
                )
            yield rel, text

    return write_files(staging, guarded())


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


def run_mkdocs(
    config_file: Path,
    docs_dir: Path,
    site_dir: Path,
    data_files: Callable[[], Iterable[tuple[str, str | bytes]]] | None = None,
) -> DataReport:
    """Build with MkDocs in strict mode into site_dir, atomically. Raises BuildError.

    data_files() yields search and graph data: thousands of small scripts that MkDocs has
    nothing to do with. They are computed and written by a second process while MkDocs builds
    (two cores, and each job is single-threaded), then moved into the new site before it
    replaces the old one.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    collector = _WarningCollector()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(collector)
    writer = _DataWriter(data_files, site_dir.parent) if data_files else None
    try:
        config = load_config(str(config_file), docs_dir=str(docs_dir.resolve()), site_dir=str(fresh), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, OSError) as exc:
        shutil.rmtree(fresh, ignore_errors=True)
        if writer:
            writer.discard()
        detail = "; ".join(collector.messages[:10]) or str(exc)
        raise BuildError(f"MkDocs không dựng được trang: {detail}") from None
    finally:
        mkdocs_log.removeHandler(collector)
    report = DataReport()
    if writer:
        try:
            report = writer.finish_into(fresh)
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
    _swap(fresh, site_dir)
    return report


def write_files(folder: Path, files: Iterable[tuple[str, str | bytes]]) -> int:
    """Write (relative path, text or bytes) pairs under folder; no path may leave it."""
    written, made = 0, set()
    root = folder.resolve()
    for rel, content in files:
        target = (folder / rel).resolve()
        if root not in target.parents:
            raise BuildError(f"tệp '{rel}' nằm ngoài thư mục {folder.name}")
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
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


class _DataWriter:
    """Computes and writes the data files in a forked process (or here, where fork is missing)."""

    def __init__(self, files: Callable[[], Iterable[tuple[str, str | bytes]]], parent: Path):
        self.folder = Path(tempfile.mkdtemp(prefix=".vanban-data-", dir=parent))
        self.result = self.folder / ".result.json"
        self.files = files
        self.process = None
        if "fork" in multiprocessing.get_all_start_methods():
            # fork: the child shares the corpus already in memory; nothing is pickled.
            self.process = multiprocessing.get_context("fork").Process(target=self._run, daemon=True)
            self.process.start()

    def _run(self) -> None:
        try:
            count = write_files(self.folder, self.files())
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            self.result.write_text(json.dumps({"files": count, "peak_mb": peak}))
        except Exception as exc:  # reported to the parent, which raises it as a BuildError
            self.result.write_text(json.dumps({"error": f"{type(exc).__name__}: {exc}"}))

    def finish_into(self, site: Path) -> DataReport:
        if self.process is None:
            self._run()
        else:
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
        return DataReport(outcome["files"], outcome["peak_mb"] if self.process else 0.0)

    def discard(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.terminate()
            self.process.join()
        shutil.rmtree(self.folder, ignore_errors=True)


def _swap(fresh: Path, site_dir: Path) -> None:
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
        os.rmdir(old)
        site_dir.rename(old)
    fresh.rename(site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def site_size(site_dir: Path) -> tuple[int, int, str]:
    """(total bytes, largest document page bytes, its path) for the benchmark."""
    total, largest, largest_path = 0, 0, ""
    for dirpath, _, names in os.walk(site_dir):
        for name in names:
            path = Path(dirpath) / name
            size = path.stat().st_size
            total += size
            if path.parent.name == "van-ban" and name.endswith(".html") and size > largest:
                largest, largest_path = size, str(path)
    return total, largest, largest_path


def write_output(path: Path, content: str | bytes) -> None:
    """Write one file the user asked for (a PDF, a CSV, an export), whole or not at all.

    Raises OutputError with what is wrong (missing folder, no permission, a file in the way)
    instead of an OSError traceback.
    """
    folder = path.parent if str(path.parent) else Path(".")
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
