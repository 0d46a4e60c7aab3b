#!/usr/bin/env python3
"""Citation extraction throughput on ordinary and adversarial text, and its linearity.

    ordinary_mb_s=… adversarial_mb_s=… adversarial_over_ordinary=… linear_ratio_2mb_over_1mb=…

"Ordinary" is the real seed report repeated to 1 MB; "adversarial" is 1 MB of long runs of
digits, slashes, hyphens, "số" and type words, the input that makes careless patterns
backtrack. Both run with resolution against the real corpus. Goals: ≥ 2 MB/s, adversarial at
most 3 times slower, and 2 MB taking about twice as long as 1 MB.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from vanban.citations import Resolver, extract  # noqa: E402
from vanban.pipeline import load_valid  # noqa: E402

MB = 1_000_000


def _bytes(text: str, size: int) -> str:
    """The longest prefix of text that is at most `size` bytes of UTF-8."""
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore")


def ordinary(size: int) -> str:
    seed = (ROOT / "data" / "texts" / "160-bc-tu-hau-giang-2017.txt").read_text(encoding="utf-8")
    return _bytes(seed * (size // len(seed) + 1), size)


def adversarial(size: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    pieces = [
        "1" * 200,
        "/" * 50,
        "-" * 50,
        "1/1/1/1/1/1/1/1/1/",
        "2-2-2-2-2-2-2-",
        "số số số số ",
        "Nghị quyết Nghị quyết số ",
        "NQ/TW/NQ/TW/",
        "12-NQ/",
        "/2017/NĐ-",
        "ngày 1/1/ ngày ",
        "Quyết định số 217 và 218, 219, 220, ",
        "khóa khóa XI XI ",
        "“",
        "”",
        "TƯ/TƯ-",
        "0" * 300,
        "Nghị quyết Trung ương Trung ương 4 4 ",
        "123/UBND-" * 5,
        "\n",
    ]
    out, n = [], 0
    while n < size:
        p = rng.choice(pieces)
        out.append(p)
        n += len(p.encode("utf-8"))
    return _bytes("".join(out), size)


def rate(text: str, resolver: Resolver, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        extract(text, resolver)
        best = min(best, time.perf_counter() - start)
    return len(text.encode("utf-8")) / MB / best, best


def main() -> int:
    resolver = Resolver(load_valid().corpus)
    ord_rate, ord_s = rate(ordinary(MB), resolver)
    adv_rate, adv_s = rate(adversarial(MB), resolver)
    _, two_s = rate(adversarial(2 * MB), resolver)
    print(
        f"ordinary_mb_s={ord_rate:.1f} adversarial_mb_s={adv_rate:.1f} "
        f"adversarial_over_ordinary={adv_s / ord_s:.2f} linear_ratio_2mb_over_1mb={two_s / adv_s:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
