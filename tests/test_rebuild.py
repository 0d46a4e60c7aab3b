"""Building again: nothing changed keeps the site as it is; any change builds it again, and what a build after
a series of edits gives is byte for byte what a clean build of the same data gives."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import CORPUS, ROOT
from vanban.pipeline import build_site
from vanban.site.build import SITE_MARKER


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
forked = []
real_pool = stage.multiprocessing.get_context
def spy(method):
    forked.append(method)
    return real_pool(method)
stage.multiprocessing.get_context = spy
together = stage.cite_corpus(corpus, texts, jobs=2)
print(forked == ["fork"], together == alone, list(together) == list(alone), sum(len(c) for c in together.values()))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    forked, same, ordered, count = done.stdout.split()
    assert (forked, same, ordered) == ("True", "True", "True") and int(count) > 20  # the texts do cite
