"""Where each generated page lives, and relative links between pages.

Paths are .md source paths; with use_directory_urls: false each becomes the same path in .html.
Every path is built from a checked slug: a key or id from data that is not one (`../index`,
`a/b`, an empty string) is refused with ValueError rather than written somewhere unexpected.
The loader rejects such keys first, with file and line; this is the last line of defence.
"""

from __future__ import annotations

import functools
import hashlib
import posixpath

from ..problems import BuildError
from ..schema import RESERVED_KEYS, original_problem
from ..symbols import ID_PATTERN, slug

DOC_DIR = "van-ban"
# Long enough for any real topic or term; a longer slug is cut and made unique by a hash, since
# file names are limited to 255 bytes.
MAX_SLUG = 80
MAX_KEY = 200


class UnsafePath(BuildError, ValueError):
    """A key or id that cannot name a page. A ValueError; to the CLI, a build error (exit 1)."""


@functools.lru_cache(maxsize=1 << 17)  # each build asks it of every id, several times (serve: after each edit)
def safe(key: str) -> str:
    """The key itself if it is a slug (lower-case letters, digits, single hyphens); else UnsafePath."""
    if len(key) > MAX_KEY or not ID_PATTERN.fullmatch(key) or key in RESERVED_KEYS:  # a folder's own list page
        shown = key if len(key) <= 80 else key[:77] + "…"
        raise UnsafePath(
            f"khóa hoặc id {shown!r} không dùng được làm tên trang: chỉ chữ thường không dấu, chữ số và "
            f"dấu gạch ngang, tối đa {MAX_KEY} ký tự, không phải «index»; sửa khóa trong dữ liệu"
        )
    return key


def text_slug(text: str) -> str:
    """A page slug for free text (a topic, a term): its folded words, never empty, never too long."""
    base = slug(text)
    if base and len(base) <= MAX_SLUG and base not in RESERVED_KEYS:
        return base
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    cut = base[:MAX_SLUG].rsplit("-", 1)[0] if len(base) > MAX_SLUG else base
    return f"{cut}-{digest}" if cut else digest


def doc_path(doc_id: str) -> str:
    return f"{DOC_DIR}/{safe(doc_id)}.md"


ORIGINAL_DIR = "ban-goc"  # copies of data/originals/, linked as "Bản gốc"


def original_path(name: str) -> str:
    """Where the copy of data/originals/<name> lives in the site: the name checked as the loader does."""
    if original_problem(name):
        raise UnsafePath(f"tên bản gốc {name[:80]!r} không dùng được làm tên tệp của trang web")
    stem, _, suffix = name.rpartition(".")
    return f"{ORIGINAL_DIR}/{safe(stem)}.{suffix}"


def type_page(key: str) -> str:
    return f"theo-loai/{safe(key)}.md"


def issuer_page(key: str) -> str:
    return f"co-quan/{safe(key)}.md"


def year_page(year: int | None) -> str:
    if not year:
        return "theo-nam/chua-ro.md"
    if year < 0:
        raise ValueError(f"not a year for a page path: {year!r}")
    return f"theo-nam/{year}.md"


def term_page(term: str) -> str:
    return f"theo-khoa/{safe(text_slug(term))}.md"


def topic_page(topic: str) -> str:
    return f"chu-de/{safe(text_slug(topic))}.md"


def href(from_page: str, to_page: str) -> str:
    """Relative link between two generated .md paths, as the built .html files will sit."""
    return _relative(built_path(to_page), posixpath.dirname(from_page))


def built_path(page: str) -> str:
    """Where a page's .md path sits built (use_directory_urls: false): van-ban/x.md → van-ban/x.html."""
    return page[:-3] + ".html" if page.endswith(".md") else page


def _relative(target: str, folder: str) -> str:
    """posixpath.relpath(target, folder or "."), quicker for the links of generated pages, which all sit at
    most one folder deep (half a million links at 10,000 documents); any other pair goes to relpath."""
    if not folder:
        return target
    if target.startswith(folder + "/"):
        return target[len(folder) + 1 :]
    if "/" not in folder and target != folder and not target.startswith("."):
        return "../" + target  # from "van-ban/" to "index.html", "theo-loai/x.html" or "graph-data/local/x.js"
    return posixpath.relpath(target, folder)
