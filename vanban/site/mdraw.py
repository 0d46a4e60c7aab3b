"""A Python-Markdown extension: generated HTML passes through without being re-parsed.

Generated pages wrap each finished HTML block in RAW_START / RAW_END lines. Python-Markdown
would otherwise run its HTML parser over every tag of every block, which was the largest single
cost of building 10,000 pages. Blocks are stored as they are (already escaped by the generator)
and put back after rendering, exactly like Markdown's own raw HTML.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

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
