"""MkDocs hooks (mkdocs.yml `hooks:`): the navigation and the tabs rendered once per folder for the pages
outside the navigation, instead of once per page; each page's HTML kept compressed until it is written, or not
kept at all when plain_html made it (made again from the Markdown then); the document and index pages made by
filling in the theme's frame (the fast path, below), with each table of contents rendered once; in a full build,
the pages outside the navigation written after MkDocs' loop, each in one go (at the end of this file).

The two are the same on every page that is not in the navigation and sits in the same folder (the
thousands of document pages): no item is active, and their links are relative to the folder. Rendering
them took about a third of MkDocs' time at 10,000 documents (benchmarks/build_bench.py). The theme's own
partials render them, once per folder (overrides/partials/nav.html and tabs.html include Material's
through the "material/" prefix this hook adds to the template loader).
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from types import MethodType
from typing import Any

from jinja2 import ChoiceLoader, DictLoader, FileSystemLoader, PrefixLoader, pass_context
from markupsafe import Markup
from mkdocs.structure.pages import Page
from mkdocs.structure.pages import log as pages_log
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

from vanban.site.build import generated_pages, generated_source, generated_source_kept
from vanban.site.mdraw import plain_html

_cache: dict[tuple[str, str], Markup] = {}
_in_nav: set[str] = set()
# MkDocs converts every page's Markdown before it writes any: at 100,000 documents their HTML held at once
# was most of a 5 GB peak. Each page's HTML waits compressed, and is let go once the page is written.
_waiting: dict[str, bytes] = {}
# A generated page whose HTML is plain_html's is not kept at all: made again from its Markdown (which the build
# keeps anyway) when the page is written. Its Markdown body's length and CRC: the body is the end of the source.
_remade: dict[str, tuple[int, int]] = {}
_fast_on = True
_check_all = False
_deferring = False  # set by on_startup: a full build (`build`), not serve's page-by-page renderer


def on_startup(command: str, dirty: bool) -> None:
    global _deferring
    _deferring = command == "build"


def on_files(files: Any, config: Any) -> Any:
    """The generated pages, kept in memory by the build (build.stage_pages), as MkDocs' generated files."""
    from mkdocs.structure.files import File

    for rel in generated_pages(config.docs_dir):
        if files.get_file_from_path(rel) is None:
            files.append(File.generated(config, rel, content=""))
    return files


def on_page_read_source(page: Any, config: Any) -> str | None:
    return generated_source(config.docs_dir, page.file.src_uri)


def on_pre_page(page: Any, config: Any, files: Any) -> Any:
    if _fast_on:
        page.render = MethodType(_render, page)  # generated pages skip Markdown (see _render)
    return page


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    if page.file.src_uri not in _remade:
        _waiting[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)
    page.markdown = ""  # converted: its source is no longer read
    if _fast_on and page.file.src_uri not in _in_nav and "template" not in page.meta:
        page.meta["template"] = FAST_TEMPLATE  # rendered by _fast, the theme's frame filled in
    return ""


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    rel = page.file.src_uri
    page.content = _remake(config, rel) if rel in _remade else zlib.decompress(_waiting.pop(rel)).decode("utf-8")
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:
    page.content = None  # written: the next pages need its title and links, not its HTML
    return output


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    global _fast_on
    global _check_all
    # "0": every page by the theme; "check": every filled page compared with the theme's (the tests)
    mode = os.environ.get("VANBAN_FAST_PAGES", "1")
    _fast_on, _check_all = mode != "0", mode == "check"
    _cache.clear()
    _in_nav.clear()
    _waiting.clear()
    _remade.clear()
    _frames.clear()
    _tocs.clear()
    fast_pages.update(fast=0, theme=0, plain=0, markdown=0, after=0)
    _plain.update(uses=0, off=False)
    _in_nav.update(page.file.src_uri for page in nav.pages)
    _defer(nav, config, files)
    return nav


def on_env(env: Any, config: Any, files: Any) -> Any:
    theme = next(Path(d) for d in config.theme.dirs if (Path(d) / "partials" / "tabs-item.html").is_file())
    env.loader = ChoiceLoader(
        [
            env.loader,
            PrefixLoader({"material": FileSystemLoader(str(theme))}),
            DictLoader({FAST_TEMPLATE: "{{ vanban_fast() }}"}),
        ]
    )
    env.globals["vanban_once"] = _once
    env.globals["vanban_fast"] = _fast
    _state["env"] = env
    return env


def _once(part: str, page: Any, caller: Any) -> Markup:
    """The call block's output (`caller()`), kept for the next page outside the navigation in the same folder."""
    if page is None or getattr(page, "file", None) is None or page.file.src_uri in _in_nav:
        return Markup(caller())
    key = (part, posixpath.dirname(page.file.dest_uri))
    if key not in _cache:
        _cache[key] = Markup(caller())
    return _cache[key]


# -- The fast path for pages outside the navigation ------------------------------------------------------------
# The thousands of document pages share one folder and one frame: the theme's page around their content, which
# differs from page to page only by the title, the description, the content, the table of contents and the
# link that skips to its first entry. The theme renders the frame once per folder, with stand-ins for these;
# every other page is the frame filled in. A frame is checked against the theme's own rendering on the first
# pages that use it and then now and then; on any difference that folder's pages go back to the theme.
# Rendering the whole theme page was a third of MkDocs' time at 10,000 documents (profiled, after the nav cache).
FAST_TEMPLATE = "vanban-fast.html"
CHECK_FIRST, CHECK_EVERY = 3, 250  # the first use is the page the frame was made from: two more are compared
_T, _D, _S, _C, _N = "\x02vb-title\x03", "\x02vb-description\x03", "#\x02vb-skip\x03", "\x02vb-toc\x03", "\x02vb-c\x03"
_CONTENT = f"<h1>{_N}</h1>"  # "<h1" in it: the theme adds no heading of its own, as for every document page


class _Stand:
    """The page as the frame sees it: stand-ins for what differs between pages, the page itself for the rest."""

    def __init__(self, page: Any, **over: Any) -> None:
        self._page, self._over = page, over

    def __getattr__(self, name: str) -> Any:
        return self._over[name] if name in self._over else getattr(self._page, name)


class _Item:
    def __init__(self) -> None:
        self.title, self.url, self.level = "x", _S, 2
        self.children: list[_Item] = []


@dataclass
class _Frame:
    pieces: list[str]  # the frame cut at the stand-ins
    slots: list[str]  # which stand-in comes after each piece but the last
    uses: int = 0


_frames: dict[tuple[str, ...], _Frame | None] = {}
fast_pages = {"fast": 0, "theme": 0, "plain": 0, "markdown": 0, "after": 0}  # for the tests


def _frame_key(page: Any) -> tuple[str, ...] | None:
    meta = page.meta or {}
    if page.file.src_uri in _in_nav or "<h1" not in (page.content or "") or not page.title:
        return None
    if any(k in meta and not meta[k] for k in ("title", "description")):
        return None  # the theme tests them ("{% if page.meta.description %}"): an empty one is another page
    rest = tuple(f"{k}={v!r}" for k, v in sorted(meta.items()) if k not in ("title", "description", "template"))
    # With headings or without (the index pages): the theme draws a table of contents, or not
    return (posixpath.dirname(page.file.dest_uri), str(bool(page.toc)), str(sorted(meta)), *rest)


def _theme(env: Any, variables: dict[str, Any]) -> str:
    return str(env.get_template("main.html").render(variables))


def _compared(uses: int) -> bool:
    """Whether a fast path's use is compared with MkDocs' own result: the first ones, then now and then."""
    return _check_all or uses <= CHECK_FIRST or uses % CHECK_EVERY == 0


def _differs(page: Any, what: str) -> None:
    if _check_all:
        raise AssertionError(f"{page.file.src_uri}: {what} differs from MkDocs' own")


@pass_context
def _fast(context: Any) -> Markup:
    return Markup(_fast_page(context.environment, context.get_all(), context["page"]))


def _fast_page(env: Any, variables: dict[str, Any], page: Any) -> str:
    key = _frame_key(page)
    if key is not None and key not in _frames:
        _frames[key] = _make_frame(env, variables, page)
    frame = _frames[key] if key is not None else None
    if key is None or frame is None:
        fast_pages["theme"] += 1
        return _theme(env, variables)
    filled = _fill(env, variables, frame, page)
    frame.uses += 1
    if _compared(frame.uses):
        real = _theme(env, variables)
        if real != filled:
            _differs(page, "the filled frame")
            _frames[key] = None  # the frame does not hold: this folder's pages go back to the theme
            fast_pages["theme"] += 1
            return real
    fast_pages["fast"] += 1
    return filled


def _make_frame(env: Any, variables: dict[str, Any], page: Any) -> _Frame | None:
    meta = dict(page.meta or {})
    if "title" in meta:
        meta["title"] = _T
    if "description" in meta:
        meta["description"] = _D
    stand = _Stand(page, title=_T, content=_CONTENT, toc=[_Item()] if page.toc else [], meta=meta)
    variables = {**variables, "page": stand}
    whole = str(env.get_template("main.html").render(variables))
    toc = str(_template(env, _TOC).render(variables))
    if whole.count(toc) != 1 or whole.count(_N) != 1:
        return None
    whole = whole.replace(toc, _C).replace(_CONTENT, _N)
    cut = re.split(f"({re.escape(_T)}|{re.escape(_D)}|{re.escape(_S)}|{re.escape(_C)}|{re.escape(_N)})", whole)
    return _Frame(cut[0::2], cut[1::2])


_SKIP = "{{ page.toc | first | attr('url') | url }}"  # the link that skips to the first entry, as base.html has it
_TOC = '{% import "partials/language.html" as lang with context %}{% include "partials/toc.html" %}'  # as base.html
_compiled: dict[tuple[int, str], Any] = {}


def _template(env: Any, source: str) -> Any:
    """source compiled once for this environment (each build makes a new one)."""
    if (id(env), source) not in _compiled:
        if not any(k[0] == id(env) for k in _compiled):
            _compiled.clear()
        _compiled[(id(env), source)] = env.from_string(source)
    return _compiled[(id(env), source)]


# A table of contents as the theme renders it, by its entries: the frame's pages have a few section headings
# each, and thousands of them the same ones (the theme's toc.html reads nothing else that differs between them;
# rendering it imported the language strings again for every page).
_tocs: dict[tuple[int, tuple[Any, ...]], str] = {}


def _toc_key(items: Any) -> tuple[Any, ...] | None:
    """What the theme's toc.html reads of the entries; None when one carries more than a plain entry."""
    key = []
    for i in items:
        children = _toc_key(i.children)
        if children is None or getattr(i, "typeset", None) is not None:
            return None
        key.append((i.title, i.url, i.level, children))
    return tuple(key)


def _toc(env: Any, variables: dict[str, Any], page: Any) -> str:
    entries = _toc_key(page.toc)
    if entries is None:
        return str(_template(env, _TOC).render(variables))
    key = (id(env), entries)  # emptied by each build (on_nav), which makes a new environment
    if key not in _tocs:
        _tocs[key] = str(_template(env, _TOC).render(variables))
    return _tocs[key]


def _fill(env: Any, variables: dict[str, Any], frame: _Frame, page: Any) -> str:
    meta = page.meta or {}
    value = {
        _T: lambda: str(meta["title"]) if "title" in meta else str(page.title),
        _D: lambda: str(meta.get("description", "")),
        _S: lambda: str(_template(env, _SKIP).render(variables)),  # a frame without a table of contents has none
        _C: lambda: _toc(env, variables, page),
        _N: lambda: str(page.content),
    }
    out = [frame.pieces[0]]
    for slot, piece in zip(frame.slots, frame.pieces[1:], strict=True):
        out += [value[slot](), piece]
    return "".join(out)


# -- Pages that need no Markdown ---------------------------------------------------------------------------------
# A generated page of raw blocks and plain headings is given the HTML Python-Markdown would make of it
# (mdraw.plain_html) without making a Markdown converter for it: a third of MkDocs' time at 10,000 documents
# went into those converters. Checked against Markdown like the frames; on a difference, Markdown for the rest.
_plain: dict[str, Any] = {"uses": 0, "off": False}


def _render(page: Any, config: Any, files: Any) -> None:
    made = None if _plain["off"] else plain_html(page.markdown)
    if made is None:
        fast_pages["markdown"] += 1
        Page.render(page, config, files)
        return
    html, tokens = made
    toc = get_toc(tokens)  # type: ignore[arg-type]  # the tokens Markdown's toc makes, as dicts
    _plain["uses"] += 1
    if _compared(_plain["uses"]):
        Page.render(page, config, files)
        same = (
            page.content == html
            and _entries(page.toc) == _entries(toc)
            and page._title_from_render is None
            and page.present_anchor_ids == _ids(toc)
        )
        if not same:
            _differs(page, "plain_html")
        _plain["off"] = not same
        fast_pages["plain" if same else "markdown"] += 1
        if same:
            _remember(config, page)
        return  # Markdown's result, the same
    fast_pages["plain"] += 1
    _remember(config, page)
    _given(page, html, toc)


def _given(page: Any, html: str, toc: Any) -> None:
    """The page as Markdown would have left it, given plain_html's HTML and table of contents."""
    page.content, page.toc, page._title_from_render = html, toc, None
    page.present_anchor_ids = _ids(toc)
    if pages_log.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = {}


def _remember(config: Any, page: Any) -> None:
    """The page's HTML is plain_html of its Markdown body: made again from it when written (_remake)."""
    rel = page.file.src_uri
    if generated_source_kept(config.docs_dir, rel):
        _remade[rel] = (len(page.markdown), zlib.crc32(page.markdown.encode("utf-8")))


def _remake(config: Any, rel: str) -> str:
    """The HTML of a page _remember noted, made again from its Markdown as MkDocs read it."""
    size, crc = _remade.pop(rel)
    source = generated_source(config.docs_dir, rel) or ""
    body = source[len(source) - size :] if size else ""
    if zlib.crc32(body.encode("utf-8")) != crc:  # not the end of the source (no front matter of YAML): as MkDocs
        body = get_data(source)[0]
        made = plain_html(body) if zlib.crc32(body.encode("utf-8")) == crc else None
    else:
        made = plain_html(body)
    if made is None:  # cannot be while nothing but MkDocs reads the Markdown (no plugin changes it)
        raise ValueError(f"{rel}: Markdown đã đổi giữa lúc chuyển và lúc ghi trang")
    return made[0]


def _entries(items: Any) -> list[Any]:
    return [(i.title, i.id, i.level, _entries(i.children)) for i in items]


def _ids(items: Any) -> set[str]:
    return {i.id for i in items} | {x for i in items for x in _ids(i.children)}


# -- Pages written after MkDocs' loop ----------------------------------------------------------------------------
# In a full build, the generated pages outside the navigation (the thousands of document and index pages) are
# taken out of MkDocs' files before its loop (on_nav) and written after it (on_post_build), each in one go: read, given
# plain_html, filled into its folder's frame, written. In MkDocs' loop each was read, converted, kept, converted
# again and filled through a template. A page the fast paths would compare with MkDocs' own, or cannot fill (no
# frame for it, Markdown needed), goes through MkDocs' own steps for one page (_populate_page, _build_page), as in
# its loop. Not done by serve's renderer (it renders one page at a time), nor where something else could see
# every page: a site_url (the sitemap lists every page then), another plugin.
_deferred: list[Any] = []
_state: dict[str, Any] = {}  # this build's navigation, files and environment, for on_post_build


def _defer(nav: Any, config: Any, files: Any) -> None:
    from mkdocs.structure.files import InclusionLevel

    _deferred.clear()
    _state.update(nav=nav, files=files)
    if not (_deferring and _fast_on) or config.site_url or len(config.plugins) > 1:
        return
    for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
        if file.src_uri not in _in_nav and generated_source_kept(config.docs_dir, file.src_uri):
            _deferred.append(file)
    for file in _deferred:
        files.remove(file)


def on_post_build(config: Any) -> None:
    from mkdocs.structure.files import InclusionLevel

    if not _deferred:
        return
    files = _state["files"]
    for file in _deferred:  # every page again, as MkDocs' loop saw them
        files.append(file)
    pages = files.documentation_pages(inclusion=InclusionLevel.is_included)
    for file in _deferred:
        _write_deferred(file, config, pages)
        file.page = None  # written: nothing reads it again
    _deferred.clear()


def _write_deferred(file: Any, config: Any, pages: Any) -> None:
    from mkdocs.commands.build import _build_page, _populate_page, get_context
    from mkdocs.utils import write_file

    nav, env = _state["nav"], _state["env"]
    page = Page(None, file, config)
    frame = _filled(page, config)
    if frame is None:  # MkDocs' own steps, as its loop takes them
        page = Page(None, file, config)
        _populate_page(page, config, _state["files"])
        _build_page(page, config, pages, nav, env)
        page.validate_anchor_links(files=_state["files"], log_level=config.validation.links.anchors)
        return
    page.active = True
    try:
        variables = get_context(nav, pages, config, page)
        # what a template rendered with this context would see: the environment's globals, then the context
        output = _fill(env, {**env.globals, **variables}, frame, page)
    finally:
        page.active = False
    frame.uses += 1
    fast_pages["fast"] += 1
    fast_pages["after"] += 1
    write_file(output.encode("utf-8", errors="xmlcharrefreplace"), file.abs_dest_path)


def _filled(page: Any, config: Any) -> _Frame | None:
    """The page's frame, with the page given its HTML; None where MkDocs' own steps make it: Markdown needed, no
    frame, or a page the fast paths compare (_compared)."""
    if _plain["off"] or _compared(_plain["uses"] + 1):
        return None
    page.read_source(config)
    made = plain_html(page.markdown)
    if made is None or "template" in page.meta:  # a template of its own: not the fast path's
        return None
    page.meta["template"] = FAST_TEMPLATE  # as on_page_content: it is part of the frame's key
    _given(page, made[0], get_toc(made[1]))  # type: ignore[arg-type]
    key = _frame_key(page)
    frame = _frames.get(key) if key is not None else None
    if frame is None or _compared(frame.uses + 1):
        return None
    _plain["uses"] += 1
    fast_pages["plain"] += 1
    return frame
