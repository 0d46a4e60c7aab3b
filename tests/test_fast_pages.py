"""The fast paths of the build (vanban/site/mkdocs_hooks.py): document pages written by filling in the theme's
frame, generated pages given their HTML without Markdown; the site is byte for byte the one MkDocs makes alone."""

from __future__ import annotations

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
    monkeypatch.setenv("VANBAN_FAST_PAGES", "0")
    build_site(CORPUS, tmp_path / "theme", pdf_packs=0, cache=None)
    assert _counts() == {"fast": 0, "theme": 0, "plain": 0, "markdown": 0}
    monkeypatch.setenv("VANBAN_FAST_PAGES", "check")  # every fast page compared with MkDocs' own as it is made
    build_site(CORPUS, tmp_path / "fast", pdf_packs=0, cache=None)
    counts = _counts()
    theme, fast = _tree(tmp_path / "theme"), _tree(tmp_path / "fast")
    assert sorted(theme) == sorted(fast)
    assert [rel for rel in theme if theme[rel] != fast[rel] and rel != SITE_MARKER] == []
    documents = len(list((CORPUS / "documents").glob("*.yaml")))
    assert counts["fast"] >= documents - 2  # document pages: the frame filled in
    assert counts["plain"] > counts["markdown"] > 0  # the hand-written guide goes through Markdown
