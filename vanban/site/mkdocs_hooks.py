"""MkDocs hooks (mkdocs.yml `hooks:`): the navigation and the tabs rendered once per folder for the pages
outside the navigation, instead of once per page; each page's HTML kept compressed until it is written.

The two are the same on every page that is not in the navigation and sits in the same folder (the
thousands of document pages): no item is active, and their links are relative to the folder. Rendering
them took about a third of MkDocs' time at 10,000 documents (benchmarks/build_bench.py). The theme's own
partials render them, once per folder (overrides/partials/nav.html and tabs.html include Material's
through the "material/" prefix this hook adds to the template loader).
"""

from __future__ import annotations

import posixpath
import zlib
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader
from markupsafe import Markup

_cache: dict[tuple[str, str], Markup] = {}
_in_nav: set[str] = set()
# MkDocs converts every page's Markdown before it writes any: at 100,000 documents their HTML held at once
# was most of a 5 GB peak. Each page's HTML waits compressed, and is let go once the page is written.
_waiting: dict[str, bytes] = {}


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    _waiting[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)
    page.markdown = ""  # converted: its source is no longer read
    return ""


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    page.content = zlib.decompress(_waiting.pop(page.file.src_uri)).decode("utf-8")
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:
    page.content = None  # written: the next pages need its title and links, not its HTML
    return output


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    _cache.clear()
    _in_nav.clear()
    _waiting.clear()
    _in_nav.update(page.file.src_uri for page in nav.pages)
    return nav


def on_env(env: Any, config: Any, files: Any) -> Any:
    theme = next(Path(d) for d in config.theme.dirs if (Path(d) / "partials" / "tabs-item.html").is_file())
    env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": FileSystemLoader(str(theme))})])
    env.globals["vanban_once"] = _once
    return env


def _once(part: str, page: Any, caller: Any) -> Markup:
    """The call block's output (`caller()`), kept for the next page outside the navigation in the same folder."""
    if page is None or getattr(page, "file", None) is None or page.file.src_uri in _in_nav:
        return Markup(caller())
    key = (part, posixpath.dirname(page.file.dest_uri))
    if key not in _cache:
        _cache[key] = Markup(caller())
    return _cache[key]
