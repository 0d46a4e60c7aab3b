"""How much text the citation stages accept: above these limits a text is refused, not read slowly.

Every stage is linear, but a text can still be large enough, or dense enough with citations, to
take seconds. The limits sit far above any real document (the largest full texts are a few
hundred KB with a few hundred citations) and keep the worst case near a second:
benchmarks/citation_bench.py measures both.
"""

from __future__ import annotations

from ..problems import VanbanError

MAX_TEXT_BYTES = 5_000_000  # UTF-8 bytes of one text (5 MB)
MAX_CITATIONS = 40_000  # citations found in one text (at 40,000 of the densest kind, about 0.9 s)


class TextTooLarge(VanbanError):
    """A text above MAX_TEXT_BYTES, or with more than MAX_CITATIONS citations: nothing was extracted.

    (A lone surrogate, which no file read as UTF-8 holds, is counted as its three bytes.)
    """

    def __init__(self, reason: str, offset: int):
        self.reason = reason  # Vietnamese, for a message or a problem
        self.offset = offset  # where in the text the limit was crossed (characters)
        super().__init__(reason)


def check_size(text: str) -> None:
    """Raise TextTooLarge when text is above MAX_TEXT_BYTES."""
    if len(text) <= MAX_TEXT_BYTES // 4:  # four bytes at most per character: no need to encode
        return
    encoded = text.encode("utf-8", "surrogatepass")
    if len(encoded) > MAX_TEXT_BYTES:
        crossed = len(encoded[:MAX_TEXT_BYTES].decode("utf-8", "ignore"))
        raise TextTooLarge(
            f"văn bản dài {number(len(encoded))} byte, quá giới hạn {number(MAX_TEXT_BYTES)} byte", crossed
        )


def too_many_citations(offset: int) -> TextTooLarge:
    return TextTooLarge(f"văn bản có hơn {number(MAX_CITATIONS)} trích dẫn, quá giới hạn", offset)


def number(n: int) -> str:
    """5.000.000: thousands separated by dots, as Vietnamese writes them."""
    return f"{n:,}".replace(",", ".")
