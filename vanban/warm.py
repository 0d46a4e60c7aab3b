"""`serve`'s builder: one full build, then builds that make again only what an edit of the data changed.

The first build is `build`'s own (pipeline.build_site), and keeps what the next one compares with: the
corpus as checked, the digest of every generated page and data file, what reading the data cost (Memo),
and MkDocs loaded with the site's navigation (MkDocsSession). After an edit of data/:

1. the data is read again; only files whose bytes changed are parsed, only texts whose document or
   citable corpus changed are read for citations (a mistake stops here: the site stays as it was);
2. site.affected says which documents' pages and local graphs the edit can change (its neighbours, the
   documents above it in implementation trees, those whose texts cite it, within the local graphs'
   reach); those are rendered again, with every page and data file that shows the whole corpus
   (indexes, study packs, search, the global graph);
3. what differs from the previous build by digest goes through MkDocs, one page at a time, and is
   written into the site with the files that no longer exist removed (site.build.apply_changes), in two
   steps: the pages and their documents' local graphs first, said at once (`shown`: serve reloads the open
   pages among them), then the data files every page shares (search, previews, the global graph, study
   packs' CSV and PDF) with the site's marker.

Anything else (docs/, overrides/, mkdocs.yml, vanban's code, an option, the registries of issuers,
regions and sources, a site changed by another build) makes a full build, as does a failed step. The
result is byte for byte what a clean build of the same inputs gives (tests/test_rebuild.py).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .checked import Checked
from .graph import keep_trees
from .load import DOCUMENTS_DIR
from .pipeline import (
    CACHE,
    DEFAULT_CONFIG,
    DEFAULT_SITE,
    ROOT,
    SITE_NAME,
    STAGING,
    BuildReport,
    Made,
    Memo,
    Progress,
    build_inputs,
    build_site,
    inputs_key,
    load_valid,
    pdf_maker,
    site_marker_fields,
    stage_kept,
    unchanged_report,
)
from .problems import BuildError
from .site.affected import affected
from .site.build import (
    LOCK_WAIT,
    MkDocsSession,
    StatMemo,
    apply_changes,
    check_output_folder,
    content_digest,
    generated_store,
    keep_generated,
    output_lock,
    release_generated,
    site_marker,
)
from .site.graph_data import DIR as GRAPH_DIR
from .site.graph_data import local_graph_files, local_graph_path
from .site.graph_pages import GRAPH_PAGE
from .site.pages import DEFAULT_PDF_PACKS, Partial, kept, pdf_pack_ids, pdf_ranking, render_data, render_site
from .site.paths import DOC_DIR, built_path, doc_path
from .site.search_index import DIR as SEARCH_DIR
from .site.search_index import SEARCH_PAGE, search_files


@dataclass
class _State:
    """What the last build made, for the next one to compare with."""

    inputs: str  # the inputs key of the site it left
    rest: str  # the inputs key of all but the data: what the MkDocs session was loaded from
    checked: Checked
    pages: dict[str, str]  # generated page → digest of its Markdown
    data: dict[str, str]  # data file → digest
    with_pdf: tuple[set[str], object]  # the study packs made as PDF, and what chose them (pages.pdf_ranking)
    report: BuildReport
    session: MkDocsSession | None  # None until an incremental build needs it (build_again's full build never does)


class WarmBuild:
    """Call it to build the site: the first call builds everything, later ones what changed (see above)."""

    def __init__(
        self,
        data_dir: str | Path,
        out_dir: str | Path,
        config_file: str | Path = DEFAULT_CONFIG,
        strict: bool = False,
        pdf_packs: int = DEFAULT_PDF_PACKS,
        progress: Progress = lambda message: None,
        cache: Path | None = CACHE,
        lock_wait: float = LOCK_WAIT,
        jobs: int = 0,
        eager: bool = True,
        staging: Path | None = None,
        shown: Callable[[frozenset[str]], None] = lambda pages: None,
    ) -> None:
        self.data_dir, self.out_dir, self.config_file = Path(data_dir), Path(out_dir), Path(config_file)
        self.strict, self.pdf_packs, self.cache, self.lock_wait = strict, pdf_packs, cache, lock_wait
        self.jobs = jobs
        self.eager = eager  # MkDocs loaded after the full build, ready for the next edit (serve); else when needed
        self.progress = progress
        self.shown = shown  # told the pages (site paths) an incremental build changed, as soon as they are written
        self.memo = Memo()
        self._builds = 0
        self._stats: StatMemo = {}
        self.state: _State | None = None
        self._unstaged: dict[str, bytes] | None = None  # the generated pages of a restored state, not yet staged
        self._folder = Path(tempfile.mkdtemp(prefix="vanban-serve-"))
        self.staging = staging or self._folder / "pages"  # given: the default site's, build/pages

    def close(self) -> None:
        self._drop()
        release_generated(self.staging)
        shutil.rmtree(self._folder, ignore_errors=True)

    def __call__(self, clean: bool = False) -> BuildReport:
        """Build the site: what changed since the last build, or all of it (the first time, or `clean`)."""
        try:
            key = inputs_key(self.data_dir, self.config_file, self.strict, self.pdf_packs, self._stats)
            state = self.state
            if state is not None and not clean and state.rest == self._rest():
                with _collector_paused():
                    report = self._incremental(state, key)
                if report is not None:
                    return report
            return self._full(clean)
        finally:
            self._settle_memory()

    def _settle_memory(self) -> None:
        """What is kept between builds is hundreds of thousands of objects that live on: set apart from Python's
        cycle collector (gc.freeze), which would otherwise walk them all, again and again, during every build
        (half the time of reading the data at 10,000 documents). Now and then they are collected for real,
        so that what a build let go of in cycles is freed."""
        self._builds += 1
        if self._builds % 25 == 0:
            gc.unfreeze()
            gc.collect()
        gc.freeze()

    # The full build ------------------------------------------------------------------------------

    def _rest(self) -> str:
        """The inputs key of all but the data: what the MkDocs session is loaded from."""
        return inputs_key(None, self.config_file, self.strict, self.pdf_packs, self._stats)

    def _full(self, clean: bool = False) -> BuildReport:
        self._drop()
        made = Made()
        report = build_site(
            self.data_dir,
            self.out_dir,
            self.config_file,
            staging=self.staging,
            strict=self.strict,
            progress=self.progress,
            pdf_packs=self.pdf_packs,
            lock_wait=self.lock_wait,
            clean=clean,
            cache=self.cache,
            jobs=self.jobs,
            memo=self.memo,
            made=made,
        )
        marker = site_marker(self.out_dir) or {}
        if report.unchanged or made.checked is None or not isinstance(marker.get("inputs"), str):
            return report  # kept as it was: nothing to compare with until a build makes it
        session = None
        if self.eager:  # serve: ready for the first edit (else the first incremental build does this)
            self.progress("Chuẩn bị dựng lại nhanh khi dữ liệu đổi")
            for _ in search_files(made.checked, self.memo.search):  # what the search index reads, kept
                pass
            session = MkDocsSession(self.config_file, self.staging)
            # The theme's templates are compiled by the first page rendered: here, not at the first edit (0.7 s
            # of it at 10,000 documents). The page is the same when an edit renders it again.
            first = min((rel for rel in made.pages if rel.startswith(f"{DOC_DIR}/")), default=None)
            if first is not None:
                session.render(first)
        rest = self._rest()
        with_pdf = pdf_pack_ids(made.checked, self.pdf_packs), pdf_ranking(made.checked)
        self.state = _State(marker["inputs"], rest, made.checked, made.pages, made.data, with_pdf, report, session)
        return report

    # What the last build made, kept for the next `vanban build` (another process) ---------------

    def save(self, path: Path) -> None:
        """Keep the state of the last build in `path` (a cache: safe to delete), or remove it when there is none
        or the corpus is too large to keep one (KEEP_STATE_UP_TO). What cannot be written is left out: the next
        build is then a full one. An interrupted save leaves no file behind."""
        state = self.state
        tmp = path.with_name(f".{path.name}.{os.getpid()}{_UNFINISHED}")
        try:
            if state is None or len(state.checked.corpus.documents) > KEEP_STATE_UP_TO:
                path.unlink(missing_ok=True)
                return
            kept = _Kept(
                state.inputs, state.checked, state.pages, state.data, state.with_pdf, state.report,
                self.memo, generated_store(self.staging),
            )  # fmt: skip
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as handle:
                pickle.dump((_KEPT_VERSION, state.rest, state.inputs), handle, pickle.HIGHEST_PROTOCOL)
                pickle.dump(kept, handle, pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException as exc:  # Ctrl+C too: nothing half written stays
            tmp.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
            if not isinstance(exc, Exception):
                raise
            return
        _forget_old_states(path.parent)

    def restore(self, path: Path) -> bool:
        """Take up the state `save` kept, when it is the state of the site as it stands and was made by this
        code from the same configuration; else keep none (the next build is a full one). True when taken up."""
        self._drop()  # (a state is only ever saved for a corpus within KEEP_STATE_UP_TO)
        try:
            with open(path, "rb") as handle:
                version, rest, inputs = pickle.load(handle)
                marker = site_marker(self.out_dir.resolve()) or {}
                if version != _KEPT_VERSION or rest != self._rest() or marker.get("inputs") != inputs:
                    return False
                kept = pickle.load(handle)
        except Exception:
            return False
        if not isinstance(kept, _Kept):
            return False
        self.progress("Dùng lại những gì lần dựng trước đã làm")
        self.memo = kept.memo
        self.state = _State(inputs, rest, kept.checked, kept.pages, kept.data, kept.with_pdf, kept.report, None)
        self._unstaged = kept.generated  # staged by the next build, under the site's lock
        return True

    def _drop(self) -> None:
        if self.state is not None and self.state.session is not None:
            self.state.session.close()
        self.state = None
        self._unstaged = None

    # The incremental build -----------------------------------------------------------------------

    def _incremental(self, state: _State, key: str) -> BuildReport | None:
        """The site brought up to date from state; None when only a full build can (see the module)."""
        # The folder was checked by the full build; the marker says the site is still the one it left.
        site = self.out_dir.resolve()
        with output_lock(site, self.progress, self.lock_wait):
            marker = site_marker(site)
            if marker is None or marker.get("inputs") != state.inputs:
                return None  # another build wrote the site since
            kept = unchanged_report(site, key) if key == state.inputs else None
            if kept is not None:
                return kept
            if self._unstaged is not None:  # a restored state: its pages staged as the build that made them did
                try:
                    stage_kept(self.staging, self._unstaged)
                except BuildError:
                    self._drop()
                    return None  # a full build says what is wrong
                self._unstaged = None
            self.progress("Đọc lại dữ liệu đã đổi")
            checked = load_valid(self.data_dir, self.strict, citations=True, memo=self.memo)
            ranking = pdf_ranking(checked)  # the same: the same packs made as PDF
            with_pdf = state.with_pdf[0] if ranking == state.with_pdf[1] else pdf_pack_ids(checked, self.pdf_packs)
            self.progress("So sánh với lần dựng trước")
            found = affected(state.checked, checked, (state.with_pdf[0], with_pdf))
            if found is None:
                return None
            keep_trees(state.checked.graph, checked.graph, found[1])
            try:
                return self._update(state, site, key, marker, checked, _Next(found[0], with_pdf, ranking))
            except OSError as exc:  # writing the site's files beside their places: the site is as it was
                self._drop()
                raise BuildError(f"không ghi được trang web vào '{site}': {exc}") from None
            except BaseException:
                self._drop()  # the site is as it was (apply_changes writes all or nothing): start afresh next time
                raise

    def _update(
        self, state: _State, site: Path, key: str, marker: dict[str, Any], checked: Checked, nxt: _Next
    ) -> BuildReport:
        """Two steps, each written all or nothing (apply_changes): the pages the edit changed and their documents'
        local graphs, then said (`shown`: serve reloads those pages); then the data files every page shares
        (search, previews, the global graph, study packs' CSV and PDF) and the site's marker. Between the two the
        marker names no inputs: a build that finds the site so builds it in full."""
        partial = nxt.partial
        self.progress(
            f"Dựng lại {len(partial.documents)} trang văn bản, {len(partial.groups)} trang danh mục, "
            f"{len(partial.studies)} tài liệu học tập, {len(partial.local_graphs)} đồ thị bị ảnh hưởng"
        )
        if state.session is None:  # loaded before any page changes, so that it knows the pages that go
            state.session = MkDocsSession(self.config_file, self.staging)
        keep = kept(checked, partial, nxt.with_pdf)
        pages, changed = self._pages(state, checked, nxt, keep)
        writes, deletes, shown = self._html(state, site, pages, changed)
        data: dict[str, str] = {}
        local = _differing(local_graph_files(checked, partial.local_graphs), state.data, data)
        writes.update({rel: _bytes(content) for rel, content in local.items()})
        shown |= {built_path(doc_path(i)) for i in partial.local_graphs if local_graph_path(i) in local}
        count = state.report.pages + len(pages.keys() - state.pages.keys()) - len(state.pages.keys() - pages.keys())
        step = {**marker, "inputs": ""}
        if writes or deletes:
            step = apply_changes(site, writes, deletes, step)
            self.shown(frozenset(shown))
        self.progress("Dữ liệu tìm kiếm và đồ thị")
        rest: dict[str, bytes] = {}
        with _yielding():  # the pages just shown are being loaded meanwhile, by serve's other threads
            self._data(state, checked, nxt, keep, data, rest)
        gone = sorted(state.data.keys() - data.keys())
        report = replace(  # no process wrote the data files apart: no peak of its own to report
            state.report, documents=len(checked.corpus.documents), pages=count, data_files=len(data), data_peak_mb=0
        )
        apply_changes(site, rest, gone, {**step, **site_marker_fields(key, report)})
        self.shown(frozenset(_showing(rest.keys())))
        state.inputs, state.checked, state.pages, state.data, state.report = key, checked, pages, data, report
        state.with_pdf = nxt.with_pdf, nxt.ranking
        self.progress(f"Đã ghi {len(writes) + len(rest)} tệp, xóa {len(deletes) + len(gone)} tệp")
        return replace(report, unchanged=not (writes or deletes or rest or gone))  # shows nowhere: no reload

    def _html(
        self, state: _State, site: Path, pages: dict[str, str], changed: dict[str, str]
    ) -> tuple[dict[str, bytes], list[str], set[str]]:
        """The changed pages through MkDocs: files to write, to delete, and the pages among them (site paths)."""
        session = state.session
        assert session is not None
        writes: dict[str, bytes] = {}
        deletes: list[str] = []
        removed = state.pages.keys() - pages.keys()
        for rel, text in changed.items():
            keep_generated(self.staging, rel, text)
        for rel in removed:
            keep_generated(self.staging, rel, None)
            dest = session.forget(rel)
            if dest is not None:
                deletes.append(dest)
        self.progress(f"MkDocs dựng lại {len(changed)} trang đã đổi")
        for rel in changed:
            dest, html = session.render(rel)
            writes[dest] = html
        shown = {*writes, *deletes}
        if removed or changed.keys() - state.pages.keys():  # the list of pages changed: the sitemap too
            for rel, content in session.theme_files().items():
                if _read(site / rel) != content:
                    writes[rel] = content
        return writes, deletes, shown

    def _pages(
        self, state: _State, checked: Checked, nxt: _Next, keep: set[str]
    ) -> tuple[dict[str, str], dict[str, str]]:
        """Every generated page's digest now, and the Markdown of those that differ from the last build."""
        pages: dict[str, str] = {}
        made = render_site(checked, SITE_NAME, pdf_packs=self.pdf_packs, partial=nxt.partial, with_pdf=nxt.with_pdf)
        changed = _differing(made, state.pages, pages)
        _kept_digests(pages, state.pages, keep)
        return pages, changed

    def _data(
        self,
        state: _State,
        checked: Checked,
        nxt: _Next,
        keep: set[str],
        data: dict[str, str],
        writes: dict[str, bytes],
    ) -> None:
        """Every data file's digest now, into `data` (which holds the local graphs made); those that differ from
        the last build are added to writes."""
        pdf = pdf_maker(False, self.cache)
        made = render_data(
            checked, self.pdf_packs, pdf, nxt.partial, self.memo.search, nxt.with_pdf, local_graphs=False
        )
        writes.update({rel: _bytes(content) for rel, content in _differing(made, state.data, data).items()})
        _kept_digests(data, state.data, keep)


def _differing(made: Iterable[tuple[str, Content]], before: dict[str, str], digests: dict[str, str]) -> dict[str, Any]:
    """Each file made: its digest into `digests`; those whose digest differs from `before`'s, with their content."""
    out = {}
    for rel, content in made:
        digests[rel] = digest = content_digest(content)
        if before.get(rel) != digest:
            out[rel] = content
    return out


def _kept_digests(digests: dict[str, str], before: dict[str, str], keep: set[str]) -> None:
    """The digests of the files kept as the last build wrote them (pages.kept), not made again."""
    digests.update({rel: before[rel] for rel in keep if rel in before and rel not in digests})


Content = str | bytes


def _bytes(content: Content) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def _showing(data_files: Iterable[str]) -> set[str]:
    """The pages that read these data files when they open: the search page its index, the graph page the global
    graph (the others are read when asked: a search typed, a link hovered, a file downloaded)."""
    shown = set()
    for rel in data_files:
        if rel.startswith(f"{SEARCH_DIR}/"):
            shown.add(built_path(SEARCH_PAGE))
        elif rel.startswith(f"{GRAPH_DIR}/"):
            shown.add(built_path(GRAPH_PAGE))
    return shown


@dataclass(frozen=True)
class _Next:
    partial: Partial
    with_pdf: set[str]
    ranking: object


# A build's state kept on disk: the format's version, checked before anything else is read from it.
_KEPT_VERSION = 1


@dataclass(frozen=True)
class _Kept:
    """What `save` writes after its header (version, rest, inputs): a _State without its MkDocs session, with
    what reading the data kept and the staging folder as the build left it."""

    inputs: str
    checked: Checked
    pages: dict[str, str]
    data: dict[str, str]
    with_pdf: tuple[set[str], object]
    report: BuildReport
    memo: Memo
    generated: dict[str, bytes]  # generated Markdown pages, compressed (site.build.generated_store)


# Above this many documents no state is kept: at 100,000 it took 555 MB on disk and 750 MB more at the build's
# peak, which then passed the 4 GB a build may use (benchmarks/build_bench.py); such corpora build in full.
KEEP_STATE_UP_TO = 50_000


@contextlib.contextmanager
def _yielding() -> Iterator[None]:
    """This thread hands the interpreter to the others ten times as often (sys.setswitchinterval): a page reloaded
    while it works is a dozen requests, each answered by a thread that waited for the interpreter at every step
    (at 10,000 documents the reload took a second longer than the build's first step)."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(before / 10)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off during an incremental build: what the build makes lives until the next one,
    and each collection it started walked everything made so far (a sixth of a rebuild at 10,000 documents).
    What it left in cycles is collected by _settle_memory."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _documents_in(data_dir: str | Path) -> int:
    return sum(1 for _ in (Path(data_dir) / DOCUMENTS_DIR).rglob("*.y*ml"))


# The states of this many sites are kept (the most recently built); a test run builds sites of its own.
KEPT_STATES = 8
_UNFINISHED = ".unfinished"  # a state being written


def _forget_old_states(folder: Path) -> None:
    """The states of all but the KEPT_STATES sites built last go, and what a save killed mid-way left (a day old)."""

    def age(path: Path) -> int:
        with contextlib.suppress(OSError):  # another build removed it meanwhile
            return path.stat().st_mtime_ns
        return 0

    states = sorted(folder.glob("*.pickle"), key=age, reverse=True)
    left = [p for p in folder.glob(f".*{_UNFINISHED}") if age(p) < time.time_ns() - 86_400 * 10**9]
    for old in states[KEPT_STATES:] + left:
        with contextlib.suppress(OSError):
            old.unlink(missing_ok=True)


def state_file(cache: Path, out_dir: str | Path) -> Path:
    """Where `build` keeps the state of the site in out_dir, in the cache folder."""
    name = hashlib.sha1(os.path.realpath(out_dir).encode("utf-8")).hexdigest()[:16]
    return cache / "builds" / f"{name}.pickle"


def build_again(
    data_dir: str | Path,
    out_dir: str | Path,
    config_file: str | Path = DEFAULT_CONFIG,
    strict: bool = False,
    pdf_packs: int = DEFAULT_PDF_PACKS,
    progress: Progress = lambda message: None,
    clean: bool = False,
    cache: Path | None = CACHE,
    jobs: int = 0,
) -> BuildReport:
    """`vanban build`: the site brought up to date, making again only what the data's edits changed.

    Nothing changed: the site stays as it is. Only the data changed, and the cache holds the state of the
    previous build of this site: the build is `serve`'s incremental one (the result is byte for byte a full
    build's). Anything else, or `clean`: a full build. Each build leaves its state in the cache for the next.
    Raises as build_site does; the site then stays as it was.
    """
    if cache is None or _documents_in(data_dir) > KEEP_STATE_UP_TO:
        if cache is not None:
            state_file(cache, out_dir).unlink(missing_ok=True)  # what it kept no longer matches the site
        # a full build; the study packs' PDFs are still taken from the cache
        return build_site(data_dir, out_dir, config_file, strict=strict, progress=progress,
                          pdf_packs=pdf_packs, clean=clean, cache=cache, jobs=jobs)  # fmt: skip
    site = check_output_folder(out_dir, ROOT, build_inputs(data_dir))
    if not clean:  # nothing changed: answered before anything is read from the cache
        kept = unchanged_report(site, inputs_key(Path(data_dir), Path(config_file), strict, pdf_packs))
        if kept is not None:
            return kept
    staging = STAGING if site == DEFAULT_SITE.resolve() else None  # where mkdocs.yml looks for the default's pages
    warm = WarmBuild(data_dir, out_dir, config_file, strict, pdf_packs, progress, cache, jobs=jobs, eager=False,
                     staging=staging)  # fmt: skip
    where = state_file(cache, site)
    try:
        if not clean:
            warm.restore(where)
        report = warm(clean)
        warm.save(where)
        return report
    finally:
        warm.close()


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
