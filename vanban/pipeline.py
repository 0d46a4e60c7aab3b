"""The stages in order, as library calls. Raises on failure; never prints."""

from __future__ import annotations

import contextlib
import gc
import importlib.metadata
import itertools
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .checked import Checked
from .checks import CheckMemo, apply_acknowledgements, check_corpus, check_figures
from .citations.corpus import CiteMemo, check_citations, cite_corpus
from .load import LoadMemo, TextMemo, load_corpus, read_texts
from .model import Document, same_document
from .problems import DataError
from .site.build import (
    HAND_WRITTEN,
    LOCK_WAIT,
    VENDOR,
    ContentCache,
    DataReport,
    DataWriter,
    StatMemo,
    check_output_folder,
    content_digest,
    fingerprint,
    output_lock,
    put_back_generated,
    release_generated,
    run_mkdocs,
    site_marker,
    stage_pages,
    vendor_files,
)
from .site.graph_data import local_graph_parts
from .site.guide_pages import HAND_WRITTEN_REWRITES, guide_pages
from .site.pages import DEFAULT_PDF_PACKS, render_data, render_site
from .site.pdf import render_pdf
from .site.search_index import SearchMemo, result_parts

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / "data"
DEFAULT_CONFIG = ROOT / "mkdocs.yml"
STAGING = ROOT / "build" / "pages"
CACHE = ROOT / "build" / "cache"  # what builds keep for the next one (PDFs of study packs): safe to delete
SITE_NAME = "Vanban — Cơ sở tri thức văn bản Đảng và Nhà nước"

Progress = Callable[[str], None]


@dataclass
class Memo:
    """What `serve` keeps between builds so that reading the data again costs only what changed: parsed
    document files, citations found, what the search index read of each document. Each part is keyed by
    content and answers exactly what reading afresh would."""

    load: LoadMemo = field(default_factory=dict)
    cite: CiteMemo = field(default_factory=CiteMemo)
    search: SearchMemo = field(default_factory=SearchMemo)
    texts: TextMemo = field(default_factory=dict)  # full texts as read, by path, with what stat said
    documents: dict[str, Document] = field(default_factory=dict)  # as last read: one object while it is the same
    checks: CheckMemo = field(default_factory=CheckMemo)  # each document's problems, while it is the same


def check(
    data_dir: str | Path = DEFAULT_DATA, citations: bool = True, jobs: int = 1, memo: Memo | None = None
) -> Checked:
    """Load and validate; return every problem, whatever its severity.

    citations=False skips reading full texts (queries on the graph do not need them); `jobs` processes
    read the citations (0: every core).
    """
    corpus, problems = load_corpus(data_dir, memo.load if memo else None, jobs)
    if memo is not None:
        _keep_identity(corpus.documents, memo.documents)
    texts = read_texts(corpus, problems, memo.texts if memo else None) if citations else {}
    with frozen_heap():  # the workers that read citations are forked
        cited = cite_corpus(corpus, texts, jobs, memo.cite if memo else None) if texts else {}
    found = (
        problems.items
        + check_corpus(corpus, memo=memo.checks if memo else None)
        + check_figures(corpus, texts)
        + check_citations(corpus, texts, cited)
    )
    return Checked(corpus, apply_acknowledgements(corpus, found), texts, cited)


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Every object made so far set apart from Python's cycle collector (gc.freeze) while processes forked from
    this one run: a collection walks every object and writes to each, so that a forked process (or this one,
    after the fork) copied every page of memory it shares with the other. At 30,000 documents the two workers
    reading citations then took as long as one. Left frozen when it was already (serve, warm.py)."""
    before = gc.get_freeze_count()
    gc.freeze()
    try:
        yield
    finally:
        if not before:
            gc.unfreeze()


def _keep_identity(documents: dict[str, Document], kept: dict[str, Document]) -> None:
    """Each document that holds the same values as when last read becomes that object again: what is kept of
    it between builds (search, citations) then knows it unchanged at a glance."""
    for doc_id, doc in documents.items():
        before = kept.get(doc_id)
        if before is not None and before is not doc and same_document(before, doc):
            documents[doc_id] = before
    kept.clear()
    kept.update(documents)


def load_valid(
    data_dir: str | Path = DEFAULT_DATA,
    strict: bool = False,
    citations: bool = False,
    jobs: int = 1,
    memo: Memo | None = None,
) -> Checked:
    checked = check(data_dir, citations, jobs, memo)
    failing = checked.failing(strict)
    if failing:
        raise DataError(failing)
    return checked


@dataclass
class Made:
    """What a full build made, filled in for `serve`'s next build to compare with (warm.py)."""

    checked: Checked | None = None
    pages: dict[str, str] = field(default_factory=dict)  # generated page → content_digest of its Markdown
    data: dict[str, str] = field(default_factory=dict)  # data file → content_digest


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
    memo: Memo | None = None,
    made: Made | None = None,
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

    `memo` and `made` are serve's (warm.py): what reading the data kept, and what the build made.
    """
    inputs = build_inputs(data_dir)
    site = check_output_folder(out_dir, ROOT, inputs)
    with output_lock(site, progress, lock_wait):
        site = check_output_folder(site, ROOT, inputs)  # it may have changed while this build waited
        progress("So sánh với lần dựng trước")
        key = inputs_key(Path(data_dir), Path(config_file), strict, pdf_packs)
        kept = None if clean else unchanged_report(site, key)
        if kept is not None:
            return kept
        pdf = pdf_maker(clean, cache)
        with _pages_folder(staging, site) as pages:
            options = _Options(strict, pdf_packs, jobs, memo, made)
            return _build(data_dir, site, Path(config_file), pages, progress, pdf, key, options)


@contextmanager
def _pages_folder(staging: str | Path | None, site: Path) -> Iterator[Path]:
    """Where the pages are staged: `staging` when given; build/pages for the default site (mkdocs.yml looks
    for them there); else a temporary folder, so that two builds never share one."""
    if staging is not None:
        yield Path(staging)  # serve's: its pages stay kept for the rebuilds to come
        return
    default = site == DEFAULT_SITE.resolve()
    with contextlib.nullcontext(None) if default else tempfile.TemporaryDirectory(prefix="vanban-pages-") as tmp:
        folder = STAGING if tmp is None else Path(tmp) / "pages"
        try:
            yield folder
        finally:
            release_generated(folder)


def _installed(package: str) -> str | None:
    """The installed version of a package, or None."""
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None


def pdf_maker(clean: bool, folder: Path | None) -> Callable[[str], bytes]:
    """WeasyPrint, through the cache in `folder` (None: no cache); a clean build fills the cache again."""
    version = _installed("weasyprint")
    if version is None or folder is None:
        return render_pdf  # without WeasyPrint, it says why it cannot make PDFs
    return ContentCache(folder, f"weasyprint={version}").made("pdf", render_pdf, fresh=clean)


def site_sources(data_dir: str | Path | None, config_file: str | Path = DEFAULT_CONFIG) -> list[Path]:
    """What an author edits that the site is made from: `serve` watches it; a change to it builds the site again.
    None: all but the data."""
    data = [] if data_dir is None else [Path(data_dir)]
    return [*data, ROOT / HAND_WRITTEN, ROOT / "overrides", Path(config_file)]


# What a site is also made from: a change to any of them rebuilds it.
_CODE = Path(__file__).resolve().parent
_PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pyyaml", "networkx", "jinja2", "pymdown-extensions")


def inputs_key(
    data_dir: Path | None, config_file: Path, strict: bool, pdf_packs: int, memo: StatMemo | None = None
) -> str:
    """The fingerprint of all a site is made from (None: all but the data): the site's marker keeps it."""
    versions = [f"{name}={_installed(name) or '-'}" for name in _PACKAGES]
    roots = [*site_sources(data_dir, config_file), _CODE, *(ROOT / src for src in VENDOR.values())]
    return fingerprint(roots, f"{';'.join(versions)};strict={strict};pdf_packs={pdf_packs}", memo)


# The report as the site's marker keeps it (BuildReport's numbers, in order): a build that finds nothing
# changed gives it back.
_REPORTED = ("documents", "pages", "data_files", "peak_mb")


def _saved(report: BuildReport) -> dict[str, object]:
    numbers = (report.documents, report.pages, report.data_files, report.data_peak_mb)
    return dict(zip(_REPORTED, numbers, strict=True))


def unchanged_report(site: Path, key: str) -> BuildReport | None:
    """The previous build's report when it was made from exactly these inputs and is still whole."""
    marker = site_marker(site)
    if not marker or marker.get("inputs") != key or not (site / "index.html").is_file():
        return None
    report = marker.get("report")
    if not isinstance(report, dict) or not all(isinstance(report.get(k), int | float) for k in _REPORTED):
        return None
    return BuildReport(
        int(report["documents"]), int(report["pages"]), int(report["data_files"]), float(report["peak_mb"]), True
    )


def build_inputs(data_dir: str | Path) -> list[tuple[Path, str]]:
    """What the build reads or wipes: the site may not be one of them, hold one or sit inside one."""
    return [
        (Path(data_dir), "thư mục dữ liệu"),
        (ROOT / HAND_WRITTEN, "thư mục trang viết tay docs/"),
        (ROOT / "overrides", "thư mục giao diện overrides/"),
        (STAGING, "thư mục trang sinh tạm build/pages"),
    ]


@dataclass(frozen=True)
class _Options:
    strict: bool
    pdf_packs: int
    jobs: int
    memo: Memo | None
    made: Made | None


def _build(
    data_dir: str | Path,
    site: Path,
    config_file: Path,
    staging: Path,
    progress: Progress,
    pdf: Callable[[str], bytes],  # makes a study pack's PDF from its HTML
    key: str,
    options: _Options,
) -> BuildReport:
    progress("Đọc và kiểm tra dữ liệu, tìm trích dẫn trong toàn văn")
    checked = load_valid(data_dir, options.strict, citations=True, jobs=options.jobs, memo=options.memo)
    graph = checked.graph
    progress(f"Đồ thị: {graph.number_of_nodes()} văn bản, {graph.number_of_edges()} quan hệ")
    progress("Sinh trang; dữ liệu tìm kiếm và đồ thị ghi song song")
    vendor = list(vendor_files(ROOT))  # fails early, before any page is written
    with frozen_heap():  # a process that writes the data files is forked
        return _pages_and_mkdocs(checked, site, config_file, (staging, vendor), progress, pdf, key, options)


def _pages_and_mkdocs(
    checked: Checked,
    site: Path,
    config_file: Path,
    staged: tuple[Path, list[tuple[str, str]]],  # the staging folder, and the browser libraries to add
    progress: Progress,
    pdf: Callable[[str], bytes],
    key: str,
    options: _Options,
) -> BuildReport:
    corpus = checked.corpus
    staging, vendor = staged
    # The data files are made by a second process from now on, beside the pages and MkDocs: it is forked before
    # the pages exist, so that it shares none of them (at 100,000 documents, half a gigabyte less at the peak).
    # The files of one document each (search results, local graphs) are shared out: whichever process is free
    # makes the next part.
    files = lambda: render_data(checked, options.pdf_packs, pdf, local_graphs=False, search_results=False)  # noqa: E731
    writer = DataWriter(files, site.parent, [*result_parts(checked), *local_graph_parts(checked)])
    try:
        pages = render_site(
            checked, SITE_NAME, progress=lambda i, n: progress(f"  trang văn bản {i}/{n}"), pdf_packs=options.pdf_packs
        )
        made = options.made
        if made is not None:
            made.checked, made.pages = checked, {}
            pages = _digested(pages, made.pages)
        generated = itertools.chain(pages, guide_pages(), vendor)
        count = stage_pages(generated, ROOT / HAND_WRITTEN, staging, HAND_WRITTEN_REWRITES)
        progress(f"Dựng trang web bằng MkDocs ({count} trang), chờ dữ liệu tìm kiếm và đồ thị")
    except BaseException:  # Ctrl+C too: the child and its folder go
        writer.discard()
        raise

    def report(data: DataReport) -> BuildReport:
        return BuildReport(len(corpus.documents), count, data.files, data.peak_mb)

    data = run_mkdocs(
        config_file, staging, site, marker=lambda data: site_marker_fields(key, report(data)), writer=writer
    )
    if made is not None:
        made.data = data.digests
    return report(data)


def stage_kept(staging: Path, generated: dict[str, bytes]) -> None:
    """The staging folder as a build that made these generated pages (site.build.generated_store) left it:
    docs/ as staged, the guide's pages and the browser libraries, then the pages. Raises BuildError."""
    stage_pages(itertools.chain(guide_pages(), vendor_files(ROOT)), ROOT / HAND_WRITTEN, staging, HAND_WRITTEN_REWRITES)
    put_back_generated(staging, generated)


def site_marker_fields(key: str, report: BuildReport) -> dict[str, object]:
    """What a site's marker keeps besides its files: what it was built from, and the build's report."""
    return {"inputs": key, "report": _saved(report)}


def _digested(pages: Iterable[tuple[str, str]], into: dict[str, str]) -> Iterator[tuple[str, str]]:
    for rel, text in pages:
        into[rel] = content_digest(text)
        yield rel, text
