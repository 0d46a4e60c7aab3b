"""Ingest files or folders into the data folder: read, split, draft, store; one outcome per document.

A document already in the knowledge base (same id, or same symbol and date, or the same original
file by content) is not added twice: the outcome names it, and its missing text or original is
added. Ingesting the same folder twice changes nothing. A file that cannot be read gets one
outcome with what is wrong and what to do, and the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .. import load
from ..citations import Resolver
from ..model import Corpus
from ..symbols import symbol_key
from .draft import DraftDoc, draft_document
from .model import FileRefused, Limits, Reading
from .read import read_file
from .split import split_documents
from .store import DOCUMENTS, ORIGINALS, TEXTS, StoreError, clean_stale, folder, original_hashes, write_new

ADDED, PRESENT, COMPLETED, REFUSED, UNREAD = "added", "present", "completed", "refused", "unread"
SUFFIXES = (".txt", ".doc", ".docx", ".rtf", ".odt", ".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff")


@dataclass(frozen=True)
class Outcome:
    """What happened to one document (or to a file that could not be read)."""

    file: str
    status: str  # ADDED, PRESENT, COMPLETED, REFUSED, UNREAD
    doc_id: str | None = None
    message: str = ""  # in Vietnamese: what was done, or what is wrong
    fix: str = ""  # in Vietnamese: what to do, for a refused or unread file
    reader: str = ""
    fields: tuple[str, ...] = ()  # fields read
    uncertain: tuple[tuple[str, str], ...] = ()  # (field, reason) to review
    relations: int = 0  # relations suggested


@dataclass(frozen=True)
class Progress:
    files_done: int
    files_total: int
    pages_ocr: int
    seconds: float

    @property
    def seconds_left(self) -> float | None:
        if not self.files_done:
            return None
        return self.seconds / self.files_done * (self.files_total - self.files_done)


@dataclass
class _Known:
    """The knowledge base as it grows during the run."""

    corpus: Corpus
    ids: set[str] = field(default_factory=set)
    keys: dict[tuple[str, str | None], str] = field(default_factory=dict)  # (symbol key, date) → id
    hashes: dict[str, str] = field(default_factory=dict)  # sha256 of an original → its file name


def files_of(paths: list[Path]) -> Iterator[tuple[Path, Path]]:
    """(file, root) for every file named or found in a named folder, in a stable order."""
    for given in paths:
        if given.is_dir() and not given.is_symlink():
            for path in sorted(given.rglob("*")):
                if path.is_file() and not any(part.startswith(".") for part in path.relative_to(given).parts):
                    yield path, given
        else:
            yield given, given.parent


def ingest(
    paths: list[Path],
    data_dir: Path,
    limits: Limits | None = None,
    today: dt.date | None = None,
    progress: Callable[[Progress], None] | None = None,
) -> list[Outcome]:
    """Every file of paths into data_dir as drafts; the outcomes, in order. Raises StoreError."""
    today = today or dt.date.today()
    limits = limits or Limits()
    corpus, _ = load.load_corpus(data_dir)  # drafts are written even when the data has problems
    for name in (DOCUMENTS, TEXTS, ORIGINALS):
        folder(data_dir, name)
    clean_stale(data_dir)
    known = _known(corpus, data_dir)
    resolver = Resolver(corpus)
    todo = list(files_of(paths))
    outcomes: list[Outcome] = []
    started, ocr_pages = time.monotonic(), 0
    for done, (path, root) in enumerate(todo):
        try:
            reading = read_file(path, limits, root=root)
        except FileRefused as refused:
            outcomes.append(Outcome(str(path), REFUSED, message=refused.what, fix=refused.fix))
        else:
            ocr_pages += reading.ocr_pages
            outcomes += _store_file(reading, data_dir, known, resolver, today)
        if progress:
            progress(Progress(done + 1, len(todo), ocr_pages, time.monotonic() - started))
    return outcomes


def _known(corpus: Corpus, data_dir: Path) -> _Known:
    known = _Known(corpus, set(corpus.documents), hashes=original_hashes(data_dir))
    for doc in corpus.documents.values():
        known.keys[(symbol_key(doc.symbol), doc.date.iso() if doc.date else None)] = doc.id
    return known


def _store_file(reading: Reading, data_dir: Path, known: _Known, resolver: Resolver, today: dt.date) -> list[Outcome]:
    if reading.sha256 in known.hashes:
        name = known.hashes[reading.sha256]
        return [Outcome(str(reading.path), PRESENT, name.rsplit(".", 1)[0], f"tệp này đã được nhập (bản gốc {name})")]
    parts = split_documents(reading.text)
    first_id = _first_id(parts[0].text, reading, known, resolver, today)
    original = f"{first_id}{reading.path.suffix.lower()}" if first_id else None
    drafts: list[DraftDoc] = []
    for part in reversed(parts):  # the last first: a document forwards the one after it
        forwards = drafts[0].id if drafts else None
        drafts.insert(0, draft_document(reading, part.text, known.corpus, resolver, today, original, forwards))
    outcomes = [_store_draft(d, reading, data_dir, known) for d in drafts]
    kept = original and any(o.status in (ADDED, COMPLETED) for o in outcomes)
    if kept and original and write_new(data_dir / ORIGINALS / original, reading.path.read_bytes()):
        known.hashes[reading.sha256] = original
    return outcomes


def _first_id(text: str, reading: Reading, known: _Known, resolver: Resolver, today: dt.date) -> str | None:
    """The id of a file's first document, which names the original kept for the whole file."""
    first = draft_document(reading, text, known.corpus, resolver, today, None)
    if first.id is None:
        return None
    return known.keys.get((symbol_key(first.symbol or ""), first.date), first.id)


def _store_draft(draft: DraftDoc, reading: Reading, data_dir: Path, known: _Known) -> Outcome:
    file = str(reading.path)
    if draft.id is None:
        return Outcome(
            file,
            UNREAD,
            message="không đọc được số, ký hiệu của văn bản: chưa thêm",
            fix="mở tệp, đọc số ký hiệu rồi nhập tay (hoặc chạy `vanban suggest` trên toàn văn)",
            reader=reading.reader,
        )
    existing = known.keys.get((symbol_key(draft.symbol or ""), draft.date))
    existing = existing or (draft.id if draft.id in known.ids else None)
    if existing:
        added = _complete(existing, draft, data_dir, reading)
        status = COMPLETED if added else PRESENT
        what = f"đã có trong cơ sở tri thức{': thêm ' + ', '.join(added) if added else ''}"
        return Outcome(file, status, existing, what, reader=reading.reader)
    if not write_new(data_dir / DOCUMENTS / f"{draft.id}.yaml", draft.yaml.encode("utf-8")):
        return Outcome(file, PRESENT, draft.id, "tệp văn bản đã có (vừa được ghi)", reader=reading.reader)
    write_new(data_dir / TEXTS / f"{draft.id}.txt", draft.text.encode("utf-8"))
    known.ids.add(draft.id)
    known.keys[(symbol_key(draft.symbol or ""), draft.date)] = draft.id
    return Outcome(
        file,
        ADDED,
        draft.id,
        "bản nháp mới",
        reader=reading.reader,
        fields=tuple(draft.confidence),
        uncertain=tuple((name, draft.reasons.get(name, "")) for name in draft.uncertain),
        relations=len(draft.relations),
    )


def _complete(doc_id: str, draft: DraftDoc, data_dir: Path, reading: Reading) -> list[str]:
    """Add to an existing document its full text and its original file, when it has none."""
    added = []
    has_original = any(p.stem == doc_id for p in (data_dir / ORIGINALS).glob(f"{doc_id}.*"))
    original = data_dir / ORIGINALS / f"{doc_id}{reading.path.suffix.lower()}"
    if not has_original and write_new(original, reading.path.read_bytes()):
        added.append("bản gốc")
    text_path = data_dir / TEXTS / f"{doc_id}.txt"
    missing = not text_path.exists() and not (data_dir / TEXTS / f"{doc_id}.TXT").exists()
    if missing and write_new(text_path, draft.text.encode("utf-8")):
        added.append("toàn văn")
    return added


__all__ = ["ADDED", "COMPLETED", "PRESENT", "REFUSED", "UNREAD", "Outcome", "Progress", "StoreError", "ingest"]
