#!/usr/bin/env python3
"""Citation extraction throughput on ordinary and adversarial text, its linearity, and the limits.

One line per kind of input, each against its target, then a summary line:

    kind                                    size     time     MB/s  target      result
    …
    ordinary_mb_s=… adversarial_mb_s=… adversarial_over_ordinary=… linear_ratio_2mb_over_1mb=… …

"Ordinary" is the real seed report repeated to 1 MB; "adversarial" is 1 MB of long runs of
digits, slashes, hyphens, "số" and type words, the input that makes careless patterns
backtrack; then the inputs of the issue "Nothing lost, nothing injected": "Pháp lệnh 34 "
repeated, texts dense with citations (1 and 2 MB, through `extract` and through `check`), runs
of digits, slashes and hyphens, one alias repeated, indented lines for `suggest`, and a REF of
100,000 characters for `show`. Everything runs with resolution against the real corpus.

Targets: every kind at least 1 MB/s (1 MB of any text answered within a second), 2 MB taking at
most 2.5 times as long as 1 MB, and an answer to the long REF within a second. A text above
citations.MAX_TEXT_BYTES or with more than citations.MAX_CITATIONS citations is refused: for those
the time is the time to the refusal. This prints figures; it asserts nothing (timings depend on
the machine), and the tests never time anything.
"""

from __future__ import annotations

import contextlib
import io
import random
import shutil
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from vanban.citations import MAX_CITATIONS, MAX_TEXT_BYTES, Resolver, TextTooLarge, extract  # noqa: E402
from vanban.citations.suggest import draft_yaml  # noqa: E402
from vanban.cli import main as cli_main  # noqa: E402
from vanban.model import Corpus  # noqa: E402
from vanban.pipeline import check, load_valid  # noqa: E402
from vanban.refs import MAX_REF_CHARS  # noqa: E402

MB = 1_000_000
MIN_MB_S = 1.0  # every kind: 1 MB within a second
MAX_RATIO = 2.5  # 2 MB over 1 MB
MAX_REF_S = 1.0  # `show` with a REF of 100,000 characters
MAX_LIMIT_S = 1.0  # per MB (and at least), for the largest or densest text the limits let through

# A real citation with its date, issuer and term, a bare one and a list, one quoted title: the
# forms a text dense with citations is made of (about 23,000 citations per MB).
DENSE = (
    "Thực hiện Nghị quyết số 04-NQ/TW ngày 30/10/2016 của Ban Chấp hành Trung ương Đảng khóa XII, "
    "Chỉ thị số 05-CT/TW, Kết luận 21-KL/TW; "
)
LIST = "Nghị quyết số " + ", ".join(str(i) for i in range(1, 31)) + "; "  # 30 citations in 100 bytes


def _bytes(text: str, size: int) -> str:
    """The longest prefix of text that is at most `size` bytes of UTF-8."""
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore")


def repeated(unit: str, size: int) -> str:
    return _bytes(unit * (size // len(unit.encode("utf-8")) + 1), size)


def ordinary(size: int) -> str:
    seed = (ROOT / "data" / "texts" / "160-bc-tu-hau-giang-2017.txt").read_text(encoding="utf-8")
    return repeated(seed, size)


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


def best_of(run: Callable[[], object], repeat: int = 3) -> tuple[float, object]:
    """(the shortest time of `repeat` runs, what the last run returned).

    Processor time of this process, not wall time: on a shared machine other processes would
    otherwise be counted too. Everything measured runs in this process.
    """
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.process_time()
        result = run()
        best = min(best, time.process_time() - start)
    return best, result


def extracting(text: str, resolver: Resolver) -> Callable[[], str]:
    def run() -> str:
        try:
            return f"{len(extract(text, resolver)):,} trích dẫn"
        except TextTooLarge as exc:
            return f"refused: {exc.reason}"

    return run


def checking(corpus: Corpus, text: str, tmp: Path) -> Callable[[], str]:
    """`check` of a copy of the corpus (in tmp) whose largest full text is replaced by text."""
    data = tmp / "data"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(corpus.data_dir, data)
    (data / "texts" / "160-bc-tu-hau-giang-2017.txt").write_text(text, encoding="utf-8")

    def run() -> str:
        return f"{len(check(data).problems):,} vấn đề"

    return run


def suggesting(corpus: Corpus, text: str) -> Callable[[], str]:
    def run() -> str:
        try:
            return f"{len(draft_yaml(text, corpus)[0]):,} ký tự nháp"
        except TextTooLarge as exc:
            return f"refused: {exc.reason}"

    return run


def showing(ref: str) -> Callable[[], str]:
    def run() -> str:
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            code = cli_main(["show", ref])
        return f"exit {code}: {out.getvalue().strip()[:60]}…"

    return run


def line(kind: str, size: int, seconds: float, result: str, within: float | None = None) -> float:
    """Print one kind against its target: a rate, or for inputs at a limit a time (`within` s)."""
    rate = size / MB / seconds if seconds else float("inf")
    if within is None:
        target = f"≥ {MIN_MB_S:g} MB/s"
        verdict = "ok" if rate >= MIN_MB_S else "BELOW TARGET"
    else:
        target = f"≤ {within:.3g} s"
        verdict = "ok" if seconds <= within else "ABOVE TARGET"
    print(f"{kind:40} {size / MB:5.2f} MB {seconds:7.3f} s {rate:7.1f}  {target:10}  {verdict:4} {result}")
    return rate


def main() -> int:
    corpus = load_valid().corpus
    resolver = Resolver(corpus)
    print(f"limits: MAX_TEXT_BYTES={MAX_TEXT_BYTES:,} MAX_CITATIONS={MAX_CITATIONS:,} MAX_REF_CHARS={MAX_REF_CHARS}\n")
    print(f"{'kind':40} {'size':>8} {'time':>9} {'MB/s':>7}  {'target':10}  result")
    rates: dict[str, float] = {}
    times: dict[str, float] = {}
    slow: list[str] = []

    def measure(key: str, kind: str, size: int, run: Callable[[], object], repeat: int = 3) -> None:
        seconds, result = best_of(run, repeat)
        times[key] = seconds
        rates[key] = line(kind, size, seconds, str(result))

    def text(key: str, kind: str, body: str, repeat: int = 3) -> None:
        measure(key, kind, len(body.encode("utf-8")), extracting(body, resolver), repeat)

    def at_limit(key: str, kind: str, body: str) -> None:
        """An input as large or as dense as the limits let through, or just past them: answered
        within a second per MB, and within a second whatever its size under 1 MB."""
        size = len(body.encode("utf-8"))
        within = max(MAX_LIMIT_S, size / MB * MAX_LIMIT_S)
        seconds, result = best_of(extracting(body, resolver))
        times[key] = seconds
        line(kind, size, seconds, str(result), within)
        if seconds > within:
            slow.append(key)

    text("ordinary", "ordinary (seed report repeated)", ordinary(MB))
    text("adversarial", "adversarial (runs, symbols, lists)", adversarial(MB))
    text("adversarial_2mb", "adversarial, 2 MB", adversarial(2 * MB))
    text("phap_lenh", '"Pháp lệnh 34 " repeated', repeated("Pháp lệnh 34 ", MB))
    at_limit("phap_lenh_limit", f'"Pháp lệnh 34 " × {MAX_CITATIONS:,} (the limit)', "Pháp lệnh 34 " * MAX_CITATIONS)
    text("dense", "dense citations", repeated(DENSE, MB))
    text("dense_2mb", "dense citations, 2 MB", repeated(DENSE, 2 * MB))
    text("dense_nfd", "dense citations, NFD", unicodedata.normalize("NFD", repeated(DENSE, MB)))
    text("lists", "lists of 30 numbers (densest)", repeated(LIST, MB))
    at_limit("lists_limit", f"lists, {MAX_CITATIONS:,} citations (the limit)", LIST * (MAX_CITATIONS // 30))
    at_limit("dense_limit", f"dense, {MAX_TEXT_BYTES // MB} MB (refused at the limit)", repeated(DENSE, MAX_TEXT_BYTES))
    at_limit("ordinary_limit", f"ordinary, {MAX_TEXT_BYTES // MB} MB (the limit)", ordinary(MAX_TEXT_BYTES))
    text("digits", "one run of digits", "1" * MB)
    text("slashes", "1/1/1/… (digits and slashes)", repeated("1/", MB))
    text("hyphens", "1-1-1-… (digits and hyphens)", repeated("1-", MB))
    text("runs", "runs of /, - and spaces", repeated("/" * 99 + "-" * 99 + " " * 99, MB))
    text("alias", "one alias repeated", repeated("Luật Thực hiện dân chủ ở cơ sở ", MB))
    at_limit("too_large", "ordinary, 6 MB (above the limit)", ordinary(6 * MB))
    # Lines of 2,000 spaces before a word: the header and signature patterns used to try every
    # split of the spaces between their optional parts (a cube of them) before failing.
    indented = repeated(" " * 2000 + "x\n", MB)
    measure("suggest", "suggest: indented lines", MB, suggesting(corpus, indented))
    with tempfile.TemporaryDirectory(prefix="vanban-bench-") as tmp:
        measure("check", "check: dense full text", MB, checking(corpus, repeated(DENSE, MB), Path(tmp)), 2)
        body = repeated(DENSE, 2 * MB)
        measure("check_2mb", "check: dense full text, 2 MB", 2 * MB, checking(corpus, body, Path(tmp)), 2)
    # Spaces inside a REF: the pattern of a trailing year tried every split of them (a square).
    ref = "16/CT-TTg" + " " * (100_000 - 10) + "x"
    seconds, result = best_of(showing(ref))
    times["show_ref"] = seconds
    line(f"show REF of {len(ref):,} characters", len(ref.encode()), seconds, str(result), MAX_REF_S)
    if seconds > MAX_REF_S:
        slow.append("show_ref")

    ratio_adv = times["adversarial_2mb"] / times["adversarial"]
    ratio_dense = times["dense_2mb"] / times["dense"]
    ratio_check = times["check_2mb"] / times["check"]
    print()
    for name, ratio in (("adversarial", ratio_adv), ("dense", ratio_dense), ("check", ratio_check)):
        verdict = "ok" if ratio <= MAX_RATIO else "ABOVE TARGET"
        print(f"linearity {name:30} 2 MB / 1 MB = {ratio:.2f}  (target ≤ {MAX_RATIO:g})  {verdict}")
    below = sorted(k for k, r in rates.items() if r < MIN_MB_S)
    print(f"\nevery kind ≥ {MIN_MB_S:g} MB/s: {'yes' if not below else 'no: ' + ', '.join(below)}")
    print(f"texts at the limits and the long REF within target: {'yes' if not slow else 'no: ' + ', '.join(slow)}")
    print(
        f"ordinary_mb_s={rates['ordinary']:.1f} adversarial_mb_s={rates['adversarial']:.1f} "
        f"adversarial_over_ordinary={times['adversarial'] / times['ordinary']:.2f} "
        f"linear_ratio_2mb_over_1mb={ratio_adv:.2f} phap_lenh_mb_s={rates['phap_lenh']:.1f} "
        f"dense_mb_s={rates['dense']:.1f} dense_ratio_2mb_over_1mb={ratio_dense:.2f} "
        f"alias_mb_s={rates['alias']:.1f} check_dense_mb_s={rates['check']:.1f} show_ref_s={times['show_ref']:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
