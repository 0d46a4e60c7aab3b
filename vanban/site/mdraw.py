"""A Python-Markdown extension: generated HTML passes through without being re-parsed.

Generated pages wrap each finished HTML block in RAW_START / RAW_END lines. Python-Markdown
would otherwise run its HTML parser over every tag of every block, which was the largest single
cost of building 10,000 pages. Blocks are stored as they are (already escaped by the generator)
and put back after rendering, exactly like Markdown's own raw HTML.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.extensions.toc import nest_toc_tokens, slugify, unique
from markdown.preprocessors import Preprocessor
from markdown.util import BLOCK_LEVEL_ELEMENTS

RAW_START = "<!--vb:raw-->"
RAW_END = "<!--vb:end-->"


_BLANK_LINE = re.compile(r"(?m)^[ ]+$")


def keep_spaces(html: str) -> str:
    """Tabs and lines of only spaces as character references, which Markdown leaves alone."""
    html = _BLANK_LINE.sub(lambda m: "&#32;" * len(m.group()), html)
    return html.replace("\t", "&#9;")


def raw(html: str) -> str:
    """Mark a finished HTML block for pass-through."""
    return f"{RAW_START}\n{html}\n{RAW_END}"


class _RawBlocks(Preprocessor):  # type: ignore[misc]  # Python-Markdown ships no type hints: Any base
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        block: list[str] | None = None
        for line in lines:
            if block is None:
                if line == RAW_START:
                    block = []
                else:
                    out.append(line)
            elif line == RAW_END:
                out += ["", self.md.htmlStash.store("\n".join(block)), ""]
                block = None
            else:
                block.append(line)
        if block is not None:  # unterminated: keep the text rather than lose it
            out += [RAW_START, *block]
        return out


class RawBlocksExtension(Extension):  # type: ignore[misc]  # as above
    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's method name
        # After normalize_whitespace (30), which must run first (it clears the characters that
        # stash placeholders are made of), before html_block (20). What normalize_whitespace
        # would alter in a block, the generator writes as character references: see keep_spaces.
        md.preprocessors.register(_RawBlocks(md), "vanban_raw", 25)


def makeExtension(**kwargs: object) -> RawBlocksExtension:  # Python-Markdown's entry point name
    return RawBlocksExtension(**kwargs)


# -- Pages that need no Markdown -----------------------------------------------------------------------------
# A generated page is raw blocks and "## …" headings only: what Python-Markdown makes of it is known. The
# build's hooks (mkdocs_hooks.py) give such pages this HTML, and compare it with Markdown's now and then.
_HEADING_LINE = re.compile(r"(#{2,6}) ([^#*_`\[\]<>&\\!{}|~=+\x02\x03]*[^#*_`\[\]<>&\\!{}|~=+\x02\x03\s])")


_FIRST_TAG = re.compile(r"^<\/?([^ >]+)")  # as Markdown's RawHtmlPostprocessor reads a block's first tag


def _block_level(lines: list[str]) -> bool:
    """Whether Markdown puts the block back as it is (a block-level tag first), not inside <p>."""
    m = _FIRST_TAG.match(lines[0]) if lines else None
    return m is not None and (m[1][0] in "!?@%" or m[1].lower().rstrip("/") in BLOCK_LEVEL_ELEMENTS)


def _plain_name(name: str) -> bool:
    """A heading's text that Markdown leaves as it is: words with single plain spaces between them."""
    return name == name.strip() and "  " not in name and not any(c.isspace() and c != " " for c in name)


def plain_html(markdown: str) -> tuple[str, list[dict[str, Any]]] | None:
    """(HTML, table-of-contents tokens) as Python-Markdown with this extension and `toc` gives them, for a page
    of raw blocks and plain "## …" headings; None for anything else (Markdown makes that page)."""
    blocks: list[str] = []
    tokens: list[dict[str, Any]] = []
    used: set[str] = set()
    counters: dict[str, int] = {}
    raw_block: list[str] | None = None
    for line in markdown.split("\n"):
        if raw_block is not None:
            if line == RAW_END:
                if not _block_level(raw_block):
                    return None  # Markdown wraps it in <p>
                blocks.append("\n".join(raw_block))
                raw_block = None
            elif "\x02" in line or "\x03" in line or "\t" in line or "\r" in line:
                return None  # what normalize_whitespace would alter
            else:
                raw_block.append("" if not line.strip(" ") else line)  # as normalize_whitespace: spaces only
        elif line == RAW_START:
            raw_block = []
        elif not line.strip(" "):
            continue
        elif (m := _HEADING_LINE.fullmatch(line)) and _plain_name(m[2]):
            level, name = len(m[1]), m[2]
            anchor = unique(slugify(name, "-"), used, counters)
            blocks.append(f'<h{level} id="{anchor}">{name}</h{level}>')
            tokens.append({"level": level, "id": anchor, "name": name, "html": name, "data-toc-label": ""})
        else:
            return None
    if raw_block is not None:
        return None
    return "\n".join(blocks), nest_toc_tokens(tokens)
