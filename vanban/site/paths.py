"""Where each generated page lives, and relative links between pages.

Paths are .md source paths; with use_directory_urls: false each becomes the same path in .html.
"""

from __future__ import annotations

import posixpath

from ..symbols import slug

DOC_DIR = "van-ban"


def doc_path(doc_id: str) -> str:
    return f"{DOC_DIR}/{doc_id}.md"


def type_page(key: str) -> str:
    return f"theo-loai/{key}.md"


def issuer_page(key: str) -> str:
    return f"co-quan/{key}.md"


def year_page(year: int | None) -> str:
    return f"theo-nam/{year or 'chua-ro'}.md"


def term_page(term: str) -> str:
    return f"theo-khoa/{slug(term)}.md"


def topic_page(topic: str) -> str:
    return f"chu-de/{slug(topic)}.md"


def href(from_page: str, to_page: str) -> str:
    """Relative link between two generated .md paths, as the built .html files will sit."""
    target = to_page[:-3] + ".html" if to_page.endswith(".md") else to_page
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".")
