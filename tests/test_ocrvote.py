"""Two OCR readings of a page, word by word (vanban.ingest.ocrvote): the doubted words of the main reading
are replaced by the second reading's words in the same place when those are read with more confidence.

The words are those tesseract gave on the title of the Sơn La scan (ct29) at 300 and 200 dpi."""

from __future__ import annotations

from vanban.ingest import ocrvote

HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"


def _tsv(*rows: tuple[int, int, int, int, float, str]) -> str:
    """Rows of (left, top, width, height, confidence, word) on one line, as tesseract writes them."""
    lines = [f"5\t1\t1\t1\t1\t{n}\t{x}\t{y}\t{w}\t{h}\t{c}\t{t}" for n, (x, y, w, h, c, t) in enumerate(rows, 1)]
    return HEAD + "4\t1\t1\t1\t1\t0\t0\t0\t0\t0\t-1\t\n" + "\n".join(lines) + "\n"


MAIN = _tsv((900, 715, 120, 45, 70.0, "của:"), (1040, 715, 90, 45, 96.0, "các"), (2152, 787, 60, 45, 89.0, "tứ"))
SMALL = _tsv((600, 477, 80, 30, 75.0, "của"), (693, 477, 60, 30, 95.0, "cac"), (1435, 525, 40, 30, 96.0, "tử"))


def test_doubted_words_taken_from_the_surer_reading_in_the_same_place() -> None:
    main, other = ocrvote.words(MAIN), ocrvote.words(SMALL, 1.5)
    voted = ocrvote.vote(main, other)
    assert [w.text for w in voted] == ["của", "các", "tử"]  # "các" (96) is trusted: "cac" does not replace it
    assert [w.confidence for w in voted] == [75.0, 96.0, 96.0]


def test_text_rebuilt_with_its_spacing_and_lines() -> None:
    main = ocrvote.words(MAIN)
    voted = ocrvote.vote(main, ocrvote.words(SMALL, 1.5))
    text = "của:   các\nđiện tứ\n"
    assert ocrvote.rebuild("của:   các\ntứ\n", main, voted) == "của   các\ntử\n"
    assert ocrvote.rebuild(text, main, voted) == text  # the words are not the tsv's one for one: kept as read


def test_words_elsewhere_or_less_sure_change_nothing() -> None:
    main = ocrvote.words(MAIN)
    moved = ocrvote.words(_tsv((100, 100, 80, 30, 99.0, "của")), 1.5)  # another place on the page
    assert ocrvote.vote(main, moved) == main
    unsure = ocrvote.words(_tsv((600, 477, 80, 30, 50.0, "cùa")), 1.5)  # the same place, read worse
    assert ocrvote.vote(main, unsure) == main
    assert ocrvote.vote(main, []) == main
