"""Building again: nothing changed keeps the site as it is; any change builds it again, and what a build after
a series of edits gives is byte for byte what a clean build of the same data gives."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT
from vanban.pipeline import BuildReport, build_site
from vanban.problems import DataError
from vanban.site.build import SITE_MARKER
from vanban.warm import WarmBuild, build_again, state_file


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_nothing_changed_keeps_the_site_and_any_change_builds_it(data_copy: Path, tmp_path: Path, cli):
    site = tmp_path / "site"
    first = build_site(data_copy, site, pdf_packs=0)
    assert not first.unchanged
    stamp = (site / "index.html").stat().st_mtime_ns
    again = build_site(data_copy, site, pdf_packs=0)
    assert again.unchanged and (again.documents, again.pages) == (first.documents, first.pages)
    assert (site / "index.html").stat().st_mtime_ns == stamp  # not written again
    doc = data_copy / "documents" / "04-nq-tw-2016.yaml"
    doc.write_text(doc.read_text(encoding="utf-8"), encoding="utf-8")  # saved as it was: still nothing changed
    assert build_site(data_copy, site, pdf_packs=0).unchanged
    doc.write_text(
        doc.read_text(encoding="utf-8").replace("chỉnh đốn Đảng", "chỉnh đốn Đảng (sửa)", 1), encoding="utf-8"
    )
    assert not build_site(data_copy, site, pdf_packs=0).unchanged
    assert "chỉnh đốn Đảng (sửa)" in (site / "van-ban" / "04-nq-tw-2016.html").read_text(encoding="utf-8")
    assert not build_site(data_copy, site, pdf_packs=0, clean=True).unchanged  # --clean builds anyway
    assert not build_site(data_copy, site, pdf_packs=1).unchanged  # an option is an input too
    code, out, _ = cli("build", "--data", str(data_copy), "--out", str(site), "--pdf-packs", "1")
    assert code == 0 and "Không có gì thay đổi" in out


def test_after_a_series_of_edits_the_build_equals_a_clean_build(data_copy: Path, tmp_path: Path):
    site, clean = tmp_path / "site", tmp_path / "clean"
    build_site(data_copy, site, pdf_packs=0)
    docs = data_copy / "documents"
    # add a document, change one, rename one, delete one, change a relation
    shutil.copy(docs / "04-nq-tw-2016.yaml", docs / "05-nq-tw-2016.yaml")
    added = docs / "05-nq-tw-2016.yaml"
    added.write_text(
        added.read_text(encoding="utf-8").replace("04-NQ/TW", "05-NQ/TW").replace("2016-10-30", "2016-11-01"),
        encoding="utf-8",
    )
    build_site(data_copy, site, pdf_packs=0)
    changed = docs / "02-cv-bdvtw-2017.yaml"
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("topics: [dân vận,", "topics: [thử nghiệm, dân vận,", 1), encoding="utf-8")
    build_site(data_copy, site, pdf_packs=0)
    renamed = docs / "06-nq-tw-2016.yaml"  # its number corrected: a new id, the old page gone
    added.rename(renamed)
    renamed.write_text(renamed.read_text(encoding="utf-8").replace("05-NQ/TW", "06-NQ/TW"), encoding="utf-8")
    build_site(data_copy, site, pdf_packs=0)
    assert (site / "van-ban" / "06-nq-tw-2016.html").is_file() and not (
        site / "van-ban" / "05-nq-tw-2016.html"
    ).exists()
    renamed.unlink()
    build_site(data_copy, site, pdf_packs=0)
    relation = next(p for p in sorted(docs.glob("*.yaml")) if "relations:" in p.read_text(encoding="utf-8"))
    text = relation.read_text(encoding="utf-8")
    relation.write_text(text.replace("type: thuc-hien", "type: tiep-tuc-thuc-hien", 1), encoding="utf-8")
    build_site(data_copy, site, pdf_packs=0)
    build_site(data_copy, clean, pdf_packs=0, clean=True)
    edited, fresh = _tree(site), _tree(clean)
    assert sorted(edited) == sorted(fresh)
    differ = [rel for rel in edited if edited[rel] != fresh[rel] and rel != SITE_MARKER]
    assert differ == []


def test_study_pack_pdfs_are_made_once_and_kept_by_content(tmp_path: Path):
    """A PDF is made again only when its pack's HTML changed; the cache is a folder anyone may delete."""
    from vanban.site.build import ContentCache

    cache = ContentCache(tmp_path / "cache", "weasyprint=1")
    made: list[str] = []

    def make(html: str) -> bytes:
        made.append(html)
        return f"PDF of {html}".encode()

    pdf = cache.made("pdf", make)
    assert pdf("<p>gói A</p>") == pdf("<p>gói A</p>") == "PDF of <p>gói A</p>".encode()
    assert made == ["<p>gói A</p>"]
    pdf("<p>gói B</p>")
    assert made == ["<p>gói A</p>", "<p>gói B</p>"]
    assert ContentCache(tmp_path / "cache", "weasyprint=2").get("pdf", "<p>gói A</p>") is None  # another version
    shutil.rmtree(tmp_path / "cache")  # deleted: made again, no error
    assert pdf("<p>gói A</p>") == "PDF of <p>gói A</p>".encode() and len(made) == 3


def test_a_build_keeps_its_pdfs_for_the_next(data_copy: Path, tmp_path: Path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    build_site(data_copy, site, pdf_packs=1, cache=cache)
    kept = sorted(p.relative_to(cache) for p in cache.rglob("*") if p.is_file())
    assert len(kept) == 1
    pdf = next(site.rglob("*.pdf"))
    assert pdf.read_bytes()[:5] == b"%PDF-" and (cache / kept[0]).read_bytes() == pdf.read_bytes()


def test_citations_read_in_parallel_are_the_same():
    """`--jobs`: the full texts' citations read by several processes are those one process reads, in order.
    Run in a fresh interpreter: the parallel path forks, and only a process without other threads may."""
    script = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from vanban.citations import corpus as stage
from vanban.load import load_corpus, read_texts
corpus, problems = load_corpus({str(CORPUS)!r})
texts = read_texts(corpus, problems)
alone = stage.cite_corpus(corpus, texts, jobs=1)
stage._PER_WORKER = 1  # the test corpus is small: make every text worth a process
import multiprocessing
forked = []
real_pool = multiprocessing.get_context
def spy(method):
    forked.append(method)
    return real_pool(method)
multiprocessing.get_context = spy
together = stage.cite_corpus(corpus, texts, jobs=2)
print(forked == ["fork"], together == alone, list(together) == list(alone), sum(len(c) for c in together.values()))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    forked, same, ordered, count = done.stdout.split()
    assert (forked, same, ordered) == ("True", "True", "True") and int(count) > 20  # the texts do cite


@contextmanager
def _warm(data: Path, site: Path, pdf_packs: int = 0, cache: Path | None = None) -> Iterator[WarmBuild]:
    """serve's builder on data, closed after the test."""
    warm = WarmBuild(data, site, pdf_packs=pdf_packs, cache=cache)
    try:
        yield warm
    finally:
        warm.close()


def _same_as_clean(data: Path, site: Path, clean: Path, pdf_packs: int = 0) -> None:
    build_site(data, clean, pdf_packs=pdf_packs, clean=True, cache=None)
    edited, fresh = _tree(site), _tree(clean)
    assert sorted(edited) == sorted(fresh)
    assert [rel for rel in edited if edited[rel] != fresh[rel] and rel != SITE_MARKER] == []
    marker, clean_marker = (json.loads(t[SITE_MARKER]) for t in (edited, fresh))
    assert marker["files"] == clean_marker["files"] and marker["inputs"] == clean_marker["inputs"]
    assert {k: v for k, v in marker["report"].items() if k != "peak_mb"} == {
        k: v for k, v in clean_marker["report"].items() if k != "peak_mb"
    }


def test_serve_makes_again_only_what_an_edit_changed_and_equals_a_clean_build(data_copy: Path, tmp_path: Path):
    """serve's builder (warm.py): after the first build, each edit rewrites a few files in place, and the site is
    byte for byte the clean build of the same data, after every kind of edit."""
    site, clean = tmp_path / "site", tmp_path / "clean"
    docs, texts = data_copy / "documents", data_copy / "texts"
    with _warm(data_copy, site, pdf_packs=1) as warm:
        assert not warm().unchanged
        search = (site / "tim-kiem.html").stat().st_ino  # a page no edit of the data changes
        assert warm().unchanged  # nothing changed
        for name, step in _edits(docs, texts):
            step()
            before = _tree(site)
            report = warm()
            after = _tree(site)
            rewritten = [rel for rel in after if before.get(rel) != after[rel] and rel != SITE_MARKER]
            assert warm.state is not None, name  # still warm: the edit did not need a full build
            assert 0 < len(rewritten) < len(after) // 3, (name, len(rewritten))
            assert (site / "tim-kiem.html").stat().st_ino == search  # the site updated in place, not built anew
            _same_as_clean(data_copy, site, clean, pdf_packs=1)
            assert not report.unchanged, name
    _after_the_edits(site)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _edits(docs: Path, texts: Path) -> list[tuple[str, Callable[[], None]]]:
    """Every kind of edit an author makes, one after the other, each named."""
    edit = _edit
    return [
        ("title", lambda: edit(docs / "04-nq-tw-2016.yaml", "chỉnh đốn Đảng", "chỉnh đốn Đảng (sửa)")),
        ("add", lambda: _add_copy(docs)),
        ("relation", lambda: edit(_with_relation(docs), "type: thuc-hien", "type: tiep-tuc-thuc-hien")),
        ("rename", lambda: _renumber(docs / "05-nq-tw-2016.yaml", "05", "06")),
        ("text", lambda: edit(texts / "160-bc-tu-hau-giang-2017.txt", "Nghị quyết", "Nghị  quyết")),
        ("delete", lambda: (docs / "06-nq-tw-2016.yaml").unlink()),
        ("date", lambda: edit(docs / "16-ct-ttg-2020.yaml", "date: 2020-03-31", "date: 2020-03-30")),
        ("new text", lambda: (texts / "411-kh-ubnd-dak-nong-2015.txt").write_text(_CITING, encoding="utf-8")),
        # 25-NQ/TW of 2013 is cited by that text and related to it by nothing: its title shows there too
        ("cited", lambda: edit(docs / "25-nq-tw-2013.yaml", "công tác dân vận", "công tác dân vận (sửa)")),
        # a fifth implementer puts 114-KL/TW first: its pack becomes the one made as PDF, 04-NQ/TW's no longer
        ("pdf", lambda: edit(docs / "01-qcph-ubnd-ubmttq-dak-lak-2017.yaml", "sources:", _IMPLEMENTS_114)),
        # 79-CT/TU, in 04-NQ/TW's chain, replaced by a document unrelated to 04-NQ/TW: its pack shows it
        ("replaced", lambda: edit(docs / "10-2022-qh15.yaml", "relations:", _REPLACES_79)),
        # the text cites 99-CT/TW, unknown until now: added, it resolves, and nothing relates the two
        ("cited added", lambda: _add_copy(docs, ("290-qd-tw-2010", "299-qd-tw-2010"), ("290-QĐ/TW", "299-QĐ/TW"))),
    ]


def _after_the_edits(site: Path) -> None:
    """What a reader sees once every edit of _edits is built."""
    assert "chỉnh đốn Đảng (sửa)" in (site / "van-ban" / "04-nq-tw-2016.html").read_text(encoding="utf-8")
    assert not (site / "van-ban" / "05-nq-tw-2016.html").exists()
    assert (site / "hoc-tap" / "114-kl-tw-2015.pdf").is_file() and not (site / "hoc-tap" / "04-nq-tw-2016.pdf").exists()
    citing = (site / "van-ban" / "411-kh-ubnd-dak-nong-2015.html").read_text(encoding="utf-8")
    assert 'data-target="25-nq-tw-2013"' in citing and "công tác dân vận (sửa)" in citing
    assert 'data-target="299-qd-tw-2010"' in citing


def _build_again(data: Path, site: Path, cache: Path, said: list[str], **options) -> BuildReport:
    """`vanban build` as a new process runs it: a new builder, which knows only what the cache kept."""
    said.clear()
    return build_again(data, site, pdf_packs=1, cache=cache, progress=said.append, **options)


_TOOK_UP = "Dùng lại những gì lần dựng trước đã làm"
_FULL = "Dựng trang web bằng MkDocs"


def test_build_after_each_edit_makes_again_only_what_changed_and_equals_a_clean_build(data_copy: Path, tmp_path: Path):
    """`vanban build` keeps the state of its build in the cache: the next build, in another process, reads
    only what changed, rewrites a few files in place, and gives byte for byte what a clean build gives."""
    site, clean, cache = tmp_path / "site", tmp_path / "clean", tmp_path / "cache"
    said: list[str] = []
    assert not _build_again(data_copy, site, cache, said).unchanged
    assert any(_FULL in line for line in said)
    assert _build_again(data_copy, site, cache, said).unchanged
    for name, step in _edits(data_copy / "documents", data_copy / "texts"):
        step()
        before = _tree(site)
        report = _build_again(data_copy, site, cache, said)
        after = _tree(site)
        assert _TOOK_UP in said and not any(_FULL in line for line in said), (name, said)
        rewritten = [rel for rel in after if before.get(rel) != after[rel] and rel != SITE_MARKER]
        assert 0 < len(rewritten) < len(after) // 3, (name, len(rewritten))
        assert not report.unchanged, name
    _same_as_clean(data_copy, site, clean, pdf_packs=1)
    _after_the_edits(site)


def test_a_build_whose_kept_state_is_gone_broken_or_stale_builds_everything(data_copy: Path, tmp_path: Path):
    """The cache is safe to delete or damage, and a state is used only for the site it was made with."""
    site, clean, cache = tmp_path / "site", tmp_path / "clean", tmp_path / "cache"
    doc = data_copy / "documents" / "04-nq-tw-2016.yaml"
    said: list[str] = []
    _build_again(data_copy, site, cache, said)
    kept = state_file(cache, site)
    assert kept.is_file()

    def edited_and_built(mark: str, **options) -> bool:
        _edit(doc, "chỉnh đốn Đảng", f"chỉnh đốn Đảng ({mark})")
        _build_again(data_copy, site, cache, said, **options)
        assert f"chỉnh đốn Đảng ({mark})" in (site / "van-ban" / "04-nq-tw-2016.html").read_text(encoding="utf-8")
        return any(_FULL in line for line in said)  # a full build

    shutil.rmtree(cache)
    assert edited_and_built("xóa bộ nhớ đệm")
    kept.write_bytes(b"\x80\x05 not a pickle")
    assert edited_and_built("hỏng")
    assert not edited_and_built("dùng lại")  # the full build kept its state again
    _edit(doc, "chỉnh đốn Đảng", "chỉnh đốn Đảng (khác)")
    build_site(data_copy, site, pdf_packs=1)  # another build, which keeps no state, made the site since
    assert edited_and_built("cũ")
    assert edited_and_built("clean", clean=True)
    _same_as_clean(data_copy, site, clean, pdf_packs=1)
    command = [sys.executable, str(ROOT / "build_graph.py"), "build", "--data", str(data_copy), "--out", str(site)]
    code = subprocess.run([*command, "--pdf-packs", "1"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert code.returncode == 0 and "Không có gì thay đổi" in code.stdout


def test_a_relation_between_ordinary_documents_leaves_the_search_files_as_they_were(data_copy: Path, tmp_path: Path):
    """The search numbers documents by classes of relations: one more relation between two documents with few
    of them rewrites their pages, and no search file (at 10,000 documents it rewrote 5,000 of them)."""
    site, clean = tmp_path / "site", tmp_path / "clean"
    doc = data_copy / "documents" / "1613-ubnd-kgvx-dak-nong-2018.yaml"
    with _warm(data_copy, site) as warm:
        warm()
        before = _tree(site)
        text = doc.read_text(encoding="utf-8")
        doc.write_text(text.replace("relations:\n", _CITES_411, 1), encoding="utf-8")
        warm()
        after = _tree(site)
    rewritten = {rel for rel in after if before.get(rel) != after[rel]}
    assert {"van-ban/1613-ubnd-kgvx-dak-nong-2018.html", "van-ban/411-kh-ubnd-dak-nong-2015.html"} <= rewritten
    assert [rel for rel in rewritten if rel.startswith("search-data/")] == []
    _same_as_clean(data_copy, site, clean)


def test_serve_keeps_the_site_when_an_edit_breaks_the_data_and_goes_on_after_the_fix(data_copy: Path, tmp_path: Path):
    site = tmp_path / "site"
    with _warm(data_copy, site) as warm:
        warm()
        before = _tree(site)
        doc = data_copy / "documents" / "04-nq-tw-2016.yaml"
        good = doc.read_text(encoding="utf-8")
        doc.write_text(good.replace("issuer:", "issuer: khong-co-co-quan-nay\nx_issuer:", 1), encoding="utf-8")
        with pytest.raises(DataError):
            warm()
        assert _tree(site) == before
        doc.write_text(good.replace("chỉnh đốn Đảng", "chỉnh đốn Đảng (sửa)", 1), encoding="utf-8")
        assert not warm().unchanged and warm.state is not None
        assert "chỉnh đốn Đảng (sửa)" in (site / "van-ban" / "04-nq-tw-2016.html").read_text(encoding="utf-8")


def test_serve_builds_everything_again_when_more_than_the_data_changed(data_copy: Path, tmp_path: Path):
    """An edit of the registries shows on every page: a full build, into a new site folder."""
    site = tmp_path / "site"
    with _warm(data_copy, site) as warm:
        warm()
        search = (site / "tim-kiem.html").stat().st_ino
        issuers = data_copy / "issuers.yaml"
        issuers.write_text(issuers.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # bytes, not meaning
        warm()
        issuers.write_text(
            issuers.read_text(encoding="utf-8").replace("Ban Chấp hành Trung ương", "BCH Trung ương", 1),
            encoding="utf-8",
        )
        warm()
        assert (site / "tim-kiem.html").stat().st_ino != search


_IMPLEMENTS_114 = "  - type: thuc-hien\n    target: 114-kl-tw-2015\nsources:"
_CITES_411 = "relations:\n  - type: can-cu\n    target: 411-kh-ubnd-dak-nong-2015\n"
_REPLACES_79 = "relations:\n  - type: thay-the\n    target: 79-ct-tu-hau-giang-2017"
_CITING = (
    "Thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng khóa XI và Quyết định số "
    "299-QĐ/TW ngày 25/02/2010 của Bộ Chính trị.\n"
)


def _add_copy(
    docs: Path,
    ids: tuple[str, str] = ("04-nq-tw-2016", "05-nq-tw-2016"),
    symbols: tuple[str, str] = ("04-NQ/TW", "05-NQ/TW"),
) -> None:
    """A copy of a document under another number (the first copy also on another day)."""
    text = (docs / f"{ids[0]}.yaml").read_text(encoding="utf-8").replace(*symbols)
    (docs / f"{ids[1]}.yaml").write_text(text.replace("2016-10-30", "2016-11-01"), encoding="utf-8")


def _renumber(path: Path, old: str, new: str) -> None:
    """Its number corrected: a new id, the old page gone."""
    renamed = path.with_name(path.name.replace(old, new, 1))
    path.rename(renamed)
    renamed.write_text(renamed.read_text(encoding="utf-8").replace(f"{old}-NQ/TW", f"{new}-NQ/TW"), encoding="utf-8")


def _with_relation(docs: Path) -> Path:
    return next(p for p in sorted(docs.glob("*.yaml")) if "type: thuc-hien" in p.read_text(encoding="utf-8"))


def test_serve_follows_an_edit_down_a_long_implementation_chain(data_copy: Path, tmp_path: Path):
    """A plan deep down a chain of plans shows in the implementation tree and local graph of the resolution at
    the top, seven relations away: an edit of it makes those again too."""
    docs = data_copy / "documents"
    above = "79-ct-tu-hau-giang-2017"
    for n in range(101, 107):
        (docs / f"{n}-kh-tu-hau-giang-2018.yaml").write_text(
            f"symbol: {n}-KH/TU\ntype: ke-hoach\nissuer: tinh-uy-hau-giang\ndate: 2018-0{n - 100}-15\n"
            f"title: Kế hoạch thực hiện số {n}\nrelations:\n  - type: thuc-hien\n    target: {above}\n"
            "sources: [seed]\n",
            encoding="utf-8",
        )
        above = f"{n}-kh-tu-hau-giang-2018"
    site, clean = tmp_path / "site", tmp_path / "clean"
    with _warm(data_copy, site) as warm:
        warm()
        deepest = docs / "106-kh-tu-hau-giang-2018.yaml"
        deepest.write_text(deepest.read_text(encoding="utf-8").replace("số 106", "số 106 (sửa)"), encoding="utf-8")
        warm()
        assert warm.state is not None
        _same_as_clean(data_copy, site, clean)
        top = (site / "van-ban" / "04-nq-tw-2016.html").read_text(encoding="utf-8")
        assert "số 106 (sửa)" in top
        # the middle of the chain: the plans below it, three relations away, draw it in their local graphs
        middle = docs / "103-kh-tu-hau-giang-2018.yaml"
        middle.write_text(middle.read_text(encoding="utf-8").replace("số 103", "số 103 (sửa)"), encoding="utf-8")
        warm()
        _same_as_clean(data_copy, site, clean)
        assert "số 103 (sửa)" in (site / "graph-data" / "local" / "106-kh-tu-hau-giang-2018.js").read_text("utf-8")


def test_a_corpus_above_the_limit_keeps_no_state_and_builds_in_full(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Above KEEP_STATE_UP_TO documents the state would cost more memory than a build may take: none is kept,
    and one kept before (the corpus grew past the limit) is removed."""
    import vanban.warm

    site, cache = tmp_path / "site", tmp_path / "cache"
    said: list[str] = []
    _build_again(data_copy, site, cache, said)
    assert state_file(cache, site).is_file()
    monkeypatch.setattr(vanban.warm, "KEEP_STATE_UP_TO", 3)
    _edit(data_copy / "documents" / "04-nq-tw-2016.yaml", "chỉnh đốn Đảng", "chỉnh đốn Đảng (lớn)")
    shutil.rmtree(cache)
    _build_again(data_copy, site, cache, said)
    assert any(_FULL in line for line in said) and not state_file(cache, site).exists()
    assert "chỉnh đốn Đảng (lớn)" in (site / "van-ban" / "04-nq-tw-2016.html").read_text(encoding="utf-8")
    assert [p for p in cache.rglob("*") if p.is_file()]  # the study packs' PDFs are still kept for the next build


def test_a_save_cut_short_leaves_no_file(data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Ctrl+C while the state is written: the half-written file goes, the interruption goes on."""
    import pickle

    site, cache = tmp_path / "site", tmp_path / "cache"
    warm = WarmBuild(data_copy, site, pdf_packs=0, cache=cache, eager=False)
    try:
        warm()
        real = pickle.dump
        calls: list[int] = []

        def cut(*args, **kwargs):
            calls.append(1)
            if len(calls) == 2:
                raise KeyboardInterrupt
            return real(*args, **kwargs)

        monkeypatch.setattr(pickle, "dump", cut)
        with pytest.raises(KeyboardInterrupt):
            warm.save(state_file(cache, site))
    finally:
        warm.close()
    assert [p.name for p in (cache / "builds").iterdir()] == []


def test_naming_the_province_a_merged_one_is_part_of_today_rebuilds_the_pages_that_show_it(
    data_copy: Path, tmp_path: Path
):
    """regions.yaml's `today:` alone changed (the names as they were): the central documents' pages and reports say
    it, as a clean build does."""
    site, clean = tmp_path / "site", tmp_path / "clean"
    with _warm(data_copy, site) as warm:
        warm()
        regions = data_copy / "regions.yaml"
        text = regions.read_text(encoding="utf-8")
        regions.write_text(
            text.replace("hau-giang: Tỉnh Hậu Giang", "hau-giang: {name: Tỉnh Hậu Giang, today: ha-noi}"),
            encoding="utf-8",
        )
        warm()
    assert "Nay thuộc" in (site / "van-ban" / "04-nq-tw-2016.html").read_text(encoding="utf-8")
    _same_as_clean(data_copy, site, clean)
