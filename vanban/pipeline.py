"""The stages in order, as library calls. Raises on failure; never prints."""

from __future__ import annotations

import importlib.metadata
import itertools
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .checked import Checked
from .checks import apply_acknowledgements, check_corpus
from .citations.corpus import check_citations, cite_corpus
from .load import load_corpus, read_texts
from .problems import DataError
from .site.build import (
    HAND_WRITTEN,
    LOCK_WAIT,
    VENDOR,
    ContentCache,
    DataReport,
    check_output_folder,
    fingerprint,
    output_lock,
    run_mkdocs,
    site_marker,
    stage_pages,
    vendor_files,
)
from .site.guide_pages import HAND_WRITTEN_REWRITES, guide_pages
from .site.pages import DEFAULT_PDF_PACKS, render_data, render_site
from .site.pdf import render_pdf

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / "data"
DEFAULT_CONFIG = ROOT / "mkdocs.yml"
STAGING = ROOT / "build" / "pages"
CACHE = ROOT / "build" / "cache"  # what builds keep for the next one (PDFs of study packs): safe to delete
SITE_NAME = "Vanban — Cơ sở tri thức văn bản Đảng và Nhà nước"

Progress = Callable[[str], None]


def check(data_dir: str | Path = DEFAULT_DATA, citations: bool = True, jobs: int = 1) -> Checked:
    """Load and validate; return every problem, whatever its severity.

    citations=False skips reading full texts (queries on the graph do not need them); `jobs` processes
    read the citations (0: every core).
    """
    corpus, problems = load_corpus(data_dir)
    texts = read_texts(corpus, problems) if citations else {}
    cited = cite_corpus(corpus, texts, jobs) if texts else {}
    found = problems.items + check_corpus(corpus) + check_citations(corpus, texts, cited)
    return Checked(corpus, apply_acknowledgements(corpus, found), texts, cited)


def load_valid(
    data_dir: str | Path = DEFAULT_DATA, strict: bool = False, citations: bool = False, jobs: int = 1
) -> Checked:
    checked = check(data_dir, citations, jobs)
    failing = checked.failing(strict)
    if failing:
        raise DataError(failing)
    return checked


@dataclass(frozen=True)
class BuildReport:
    documents: int
    pages: int
    data_files: int
    data_peak_mb: float  # peak memory of the process that wrote them, when separate; else 0
    unchanged: bool = False  # nothing the site is made from changed: the previous build was kept as it is


DEFAULT_SITE = ROOT / "site"


def build_site(
    data_dir: str | Path = DEFAULT_DATA,
    out_dir: str | Path = DEFAULT_SITE,
    config_file: str | Path = DEFAULT_CONFIG,
    staging: str | Path | None = None,
    strict: bool = False,
    progress: Progress = lambda message: None,
    pdf_packs: int = DEFAULT_PDF_PACKS,
    lock_wait: float = LOCK_WAIT,
    clean: bool = False,
    cache: Path | None = CACHE,
    jobs: int = 0,
) -> BuildReport:
    """Validate, render, build. Raises OutputFolderRefused, DataError or BuildError; the old site then stays.

    The output folder must be one the build owns (site.build.check_output_folder): anything else
    raises OutputFolderRefused before any work. One build at a time per output folder: a second
    one waits (saying so through `progress`) up to lock_wait seconds. The default site stages its
    pages in build/pages, where mkdocs.yml looks for them, under that lock; any other output
    stages in a temporary folder, so that two builds never share one.

    `jobs` processes read the full texts' citations (0: every core).

    PDFs of study packs are kept in `cache` (build/cache/, safe to delete; None keeps nothing) and made
    again only when their pack changed, unless the build is `clean`.

    When nothing the site is made from changed since the site was built (data, docs/, overrides/, the
    configuration, the browser libraries, vanban's own code and the versions of MkDocs and its theme,
    the options), the site is kept as it is and the report says so; `clean` builds it again anyway.
    """
    inputs = _build_inputs(data_dir)
    site = check_output_folder(out_dir, ROOT, inputs)
    with output_lock(site, progress, lock_wait):
        site = check_output_folder(site, ROOT, inputs)  # it may have changed while this build waited
        progress("So sánh với lần dựng trước")
        inputs_key = _inputs_key(Path(data_dir), Path(config_file), strict, pdf_packs)
        kept = None if clean else _unchanged(site, inputs_key)
        if kept is not None:
            return kept
        pdf = _pdf_maker(clean, cache)
        with _pages_folder(staging, site) as pages:
            return _build(data_dir, site, Path(config_file), pages, strict, progress, pdf_packs, pdf, inputs_key, jobs)


@contextmanager
def _pages_folder(staging: str | Path | None, site: Path) -> Iterator[Path]:
    """Where the pages are staged: `staging` when given; build/pages for the default site (mkdocs.yml looks
    for them there); else a temporary folder, so that two builds never share one."""
    if staging is None and site != DEFAULT_SITE.resolve():
        with tempfile.TemporaryDirectory(prefix="vanban-pages-") as tmp:
            yield Path(tmp) / "pages"
    else:
        yield Path(staging or STAGING)


def _installed(package: str) -> str | None:
    """The installed version of a package, or None."""
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None


def _pdf_maker(clean: bool, folder: Path | None) -> Callable[[str], bytes]:
    """WeasyPrint, through the cache in `folder` (None: no cache); a clean build fills the cache again."""
    version = _installed("weasyprint")
    if version is None or folder is None:
        return render_pdf  # without WeasyPrint, it says why it cannot make PDFs
    return ContentCache(folder, f"weasyprint={version}").made("pdf", render_pdf, fresh=clean)


def site_sources(data_dir: str | Path, config_file: str | Path = DEFAULT_CONFIG) -> list[Path]:
    """What an author edits that the site is made from: `serve` watches it; a change to it builds the site again."""
    return [Path(data_dir), ROOT / HAND_WRITTEN, ROOT / "overrides", Path(config_file)]


# What a site is also made from: a change to any of them rebuilds it.
_CODE = Path(__file__).resolve().parent
_PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pyyaml", "networkx", "jinja2", "pymdown-extensions")


def _inputs_key(data_dir: Path, config_file: Path, strict: bool, pdf_packs: int) -> str:
    versions = [f"{name}={_installed(name) or '-'}" for name in _PACKAGES]
    roots = [*site_sources(data_dir, config_file), _CODE, *(ROOT / src for src in VENDOR.values())]
    return fingerprint(roots, f"{';'.join(versions)};strict={strict};pdf_packs={pdf_packs}")


# The report as the site's marker keeps it (BuildReport's numbers, in order): a build that finds nothing
# changed gives it back.
_REPORTED = ("documents", "pages", "data_files", "peak_mb")


def _saved(report: BuildReport) -> dict[str, object]:
    numbers = (report.documents, report.pages, report.data_files, report.data_peak_mb)
    return dict(zip(_REPORTED, numbers, strict=True))


def _unchanged(site: Path, inputs_key: str) -> BuildReport | None:
    """The previous build's report when it was made from exactly these inputs and is still whole."""
    marker = site_marker(site)
    if not marker or marker.get("inputs") != inputs_key or not (site / "index.html").is_file():
        return None
    report = marker.get("report")
    if not isinstance(report, dict) or not all(isinstance(report.get(k), int | float) for k in _REPORTED):
        return None
    return BuildReport(
        int(report["documents"]), int(report["pages"]), int(report["data_files"]), float(report["peak_mb"]), True
    )


def _build_inputs(data_dir: str | Path) -> list[tuple[Path, str]]:
    """What the build reads or wipes: the site may not be one of them, hold one or sit inside one."""
    return [
        (Path(data_dir), "thư mục dữ liệu"),
        (ROOT / HAND_WRITTEN, "thư mục trang viết tay docs/"),
        (ROOT / "overrides", "thư mục giao diện overrides/"),
        (STAGING, "thư mục trang sinh tạm build/pages"),
    ]


def _build(
    data_dir: str | Path,
    site: Path,
    config_file: Path,
    staging: Path,
    strict: bool,
    progress: Progress,
    pdf_packs: int,
    pdf: Callable[[str], bytes],  # makes a study pack's PDF from its HTML
    inputs_key: str,
    jobs: int,
) -> BuildReport:
    progress("Đọc và kiểm tra dữ liệu, tìm trích dẫn trong toàn văn")
    checked = load_valid(data_dir, strict, citations=True, jobs=jobs)
    corpus, graph = checked.corpus, checked.graph
    progress(f"Đồ thị: {graph.number_of_nodes()} văn bản, {graph.number_of_edges()} quan hệ")
    progress("Sinh trang")
    vendor = list(vendor_files(ROOT))  # fails early, before any page is written
    pages = render_site(
        checked, SITE_NAME, progress=lambda i, n: progress(f"  trang văn bản {i}/{n}"), pdf_packs=pdf_packs
    )
    generated = itertools.chain(pages, guide_pages(), vendor)
    count = stage_pages(generated, ROOT / HAND_WRITTEN, staging, HAND_WRITTEN_REWRITES)
    progress(f"Dựng trang web bằng MkDocs ({count} trang), rồi ghi dữ liệu tìm kiếm và đồ thị")

    def report(data: DataReport) -> BuildReport:
        return BuildReport(len(corpus.documents), count, data.files, data.peak_mb)

    data = run_mkdocs(
        config_file,
        staging,
        site,
        lambda: render_data(checked, pdf_packs, pdf),
        lambda data: {"inputs": inputs_key, "report": _saved(report(data))},
    )
    return report(data)
