"""The fast paths of the build (vanban/site/mkdocs_hooks.py): document pages written by filling in the theme's
frame, generated pages given their HTML without Markdown; the site is byte for byte the one MkDocs makes alone."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS
from vanban.pipeline import build_site
from vanban.site.build import SITE_MARKER


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _counts() -> dict[str, int]:
    """What the last MkDocs build made by each path (the hooks module as MkDocs loaded it, from its path)."""
    [hooks] = [m for name, m in list(sys.modules.items()) if name.endswith("mkdocs_hooks.py")]
    return dict(hooks.fast_pages)


def test_filled_pages_equal_the_themes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    shutil.copytree(CORPUS, data)
    doc = data / "documents" / "79-ct-tu-hau-giang-2017.yaml"  # a note with a line of spaces in it
    text = doc.read_text(encoding="utf-8").replace("notes:\n", 'notes:\n  - "dòng một\\n   \\ndòng hai"\n', 1)
    doc.write_text(text, encoding="utf-8")
    monkeypatch.setenv("VANBAN_FAST_PAGES", "0")
    build_site(data, tmp_path / "theme", pdf_packs=0, cache=None)
    assert _counts() == {"fast": 0, "theme": 0, "plain": 0, "markdown": 0, "after": 0}
    monkeypatch.setenv("VANBAN_FAST_PAGES", "check")  # every fast page compared with MkDocs' own as it is made
    build_site(data, tmp_path / "fast", pdf_packs=0, cache=None)
    counts = _counts()
    theme, fast = _tree(tmp_path / "theme"), _tree(tmp_path / "fast")
    assert sorted(theme) == sorted(fast)
    assert [rel for rel in theme if theme[rel] != fast[rel] and rel != SITE_MARKER] == []
    documents = len(list((CORPUS / "documents").glob("*.yaml")))
    assert counts["fast"] >= documents - 2  # document pages: the frame filled in
    assert counts["plain"] > counts["markdown"] > 0  # the hand-written guide goes through Markdown
    # As a build runs by default: most document pages written after MkDocs' loop, compared only now and then.
    monkeypatch.delenv("VANBAN_FAST_PAGES")
    build_site(data, tmp_path / "default", pdf_packs=0, cache=None)
    after, default = _counts()["after"], _tree(tmp_path / "default")
    assert sorted(default) == sorted(theme)
    assert [rel for rel in theme if theme[rel] != default[rel] and rel != SITE_MARKER] == []
    assert after > documents // 2  # all but those compared (the first three of the folder) or made by Markdown


# Pages as the generator writes them, and what it could write: plain_html gives exactly Markdown's HTML and table
# of contents, or None (Markdown makes the page).
PLAIN_CASES = [
    "<!--vb:raw-->\n<h1>Tiêu đề</h1>\n<!--vb:end-->\n\n## Quan hệ (3)\n\n"
    "<!--vb:raw-->\n<section>x</section>\n<!--vb:end-->",
    "<!--vb:raw-->\n<p>dòng một\n   \ndòng hai</p>\n<!--vb:end-->",  # a line of spaces in a note
    "<!--vb:raw-->\n<span>không phải khối</span>\n<!--vb:end-->",  # Markdown wraps it in <p>
    "<!--vb:raw-->\nchữ trước thẻ\n<!--vb:end-->",
    "<!--vb:raw-->\n\n<div>a</div>\n<!--vb:end-->",
    "<!--vb:raw-->\n<!--vb:end-->",
    "##  Hai dấu cách",
    "## Tab\tở giữa",
    "## Dấu\xa0cách cứng",
    "## Dòng\u2028mới",
    "## A\x0cB",
    "## Trùng\n\n## Trùng\n\n## Trùng",
    "## Tên “có ngoặc” và 'nháy'",
    "## Có &amp; ký tự",
    "# Cấp một",
    '<!--vb:raw-->\n<div id="quan-he">x</div>\n<!--vb:end-->\n\n## Quan hệ',
]


@pytest.mark.parametrize("source", PLAIN_CASES)
def test_plain_html_is_markdowns_or_nothing(source: str) -> None:
    import markdown

    from vanban.site.mdraw import plain_html

    md = markdown.Markdown(
        extensions=["admonition", "attr_list", "vanban.site.mdraw", "toc"],
        extension_configs={"toc": {"permalink": False}},
    )
    html = md.convert(source)
    made = plain_html(source)
    assert made is None or made == (html, md.toc_tokens), source


def test_a_page_with_an_empty_title_or_description_is_the_themes() -> None:
    """The theme tests them ("{% if page.meta.description %}"): no frame made for a page with them stands for it."""
    from types import SimpleNamespace

    from vanban.site.mkdocs_hooks import _frame_key

    def page(**meta: str) -> SimpleNamespace:
        file = SimpleNamespace(src_uri="van-ban/x.md", dest_uri="van-ban/x.html")
        return SimpleNamespace(meta=meta, file=file, toc=[1], content="<h1>x</h1>", title="x")

    assert _frame_key(page(title="x", description="y")) is not None
    assert _frame_key(page(title="x", description="")) is None
    assert _frame_key(page(title="", description="y")) is None
