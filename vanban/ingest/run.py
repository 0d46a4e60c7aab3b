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
from ..citations.header import read_header
from ..dates import PartialDate
from ..model import Corpus
from ..schema import key_problem
from ..symbols import symbol_key
from .draft import DraftDoc, draft_document, draft_id, mend_signer
from .model import FileRefused, Limits, Reading, sha256_of, sha256_of_bytes
from .read import read_file
from .split import split_documents
from .store import (
    DOCUMENTS,
    FOLDERS,
    ORIGINALS,
    TEXTS,
    StoreError,
    clean_stale,
    folder,
    original_hashes,
    run_lock,
    write_new,
)

ADDED, PRESENT, COMPLETED, REFUSED, UNREAD = "added", "present", "completed", "refused", "unread"


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
    hashes: dict[str, list[str]] = field(default_factory=dict)  # sha256 of an original → its file names

    def find(self, symbol: str | None, date: str | None) -> str | None:
        """The id of the document known with that symbol and date (ISO), if any."""
        return self.keys.get((symbol_key(symbol or ""), date))

    def add(self, doc_id: str, symbol: str | None, date: str | None) -> None:
        self.keys[(symbol_key(symbol or ""), date)] = doc_id


def files_of(paths: list[Path]) -> Iterator[tuple[Path, Path]]:
    """(file, root) for every file named or found in a named folder, in a stable order. A link found in a
    folder is yielded too, so that the reader refuses it (one line) if it leads out of the folder."""
    for given in paths:
        if given.is_dir() and not given.is_symlink():
            for path in sorted(given.rglob("*")):
                hidden = any(part.startswith(".") for part in path.relative_to(given).parts)
                if not hidden and (path.is_symlink() or path.is_file()):
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
    """Every file of paths into data_dir as drafts; the outcomes, in order.

    Raises StoreError when data_dir is no data folder or another run holds it; a file that cannot be
    written ends the run with a REFUSED outcome for it (the outcomes before it stand)."""
    today = today or dt.date.today()
    limits = limits or Limits()
    corpus, problems = load.load_corpus(data_dir)  # drafts are written even when the data has problems
    missing = next((p for p in problems.items if p.code == "no-data"), None)
    if missing is not None:
        raise StoreError(f"{missing.message}: {missing.hint}")
    for name in FOLDERS:
        folder(data_dir, name)
    with run_lock(data_dir):
        clean_stale(data_dir)
        return _ingest_all(list(files_of(paths)), data_dir, limits, today, progress, corpus)


def _ingest_all(
    todo: list[tuple[Path, Path]],
    data_dir: Path,
    limits: Limits,
    today: dt.date,
    progress: Callable[[Progress], None] | None,
    corpus: Corpus,
) -> list[Outcome]:
    known = _known(corpus, data_dir)
    resolver = Resolver(corpus)
    outcomes: list[Outcome] = []
    started, ocr_pages = time.monotonic(), 0
    for done, (path, root) in enumerate(todo):
        try:
            if path.is_symlink() and path.is_dir():
                raise FileRefused(
                    path, "liên kết tới một thư mục: không đi theo liên kết", "nhập thẳng thư mục thật mà nó trỏ tới"
                )
            present = _present_by_content(path, limits, known)
            if present:
                outcomes += present
            else:
                reading = read_file(path, limits, root=root)
                ocr_pages += reading.ocr_pages
                outcomes += _store_file(reading, data_dir, known, resolver, today)
        except FileRefused as refused:
            outcomes.append(Outcome(str(path), REFUSED, message=refused.what, fix=refused.fix))
        except StoreError as err:  # the disk is full, a folder is read-only: nothing more can be written
            outcomes.append(
                Outcome(str(path), REFUSED, message=str(err), fix="giải phóng chỗ hoặc cấp quyền ghi rồi chạy lại")
            )
            break
        if progress:
            progress(Progress(done + 1, len(todo), ocr_pages, time.monotonic() - started))
    return outcomes


def _present_by_content(path: Path, limits: Limits, known: _Known) -> list[Outcome]:
    """The file already kept as an original, recognised by its bytes before any reader runs."""
    if path.is_symlink() or not path.is_file() or path.stat().st_size > limits.max_bytes or not known.hashes:
        return []  # links and oversize files: the reader refuses them with its own line
    names = known.hashes.get(sha256_of(path))
    if not names:
        return []
    return [
        Outcome(str(path), PRESENT, name.rsplit(".", 1)[0], f"tệp này đã được nhập (bản gốc {name})") for name in names
    ]


def _known(corpus: Corpus, data_dir: Path) -> _Known:
    known = _Known(corpus, set(corpus.documents), hashes=original_hashes(data_dir))
    for doc in corpus.documents.values():
        known.add(doc.id, doc.symbol, _iso(doc.date))
    return known


def _iso(date: PartialDate | None) -> str | None:
    return date.iso() if date else None


def _store_file(reading: Reading, data_dir: Path, known: _Known, resolver: Resolver, today: dt.date) -> list[Outcome]:
    data = _bytes_read(reading)
    parts = split_documents(reading.text)
    heads = [read_header(part.text, known.corpus) for part in parts]  # read once: for the id and the draft
    mend_signer(heads[-1], reading.signature)  # the zone is the last page's: the last document's signer
    first_id = draft_id(heads[0], known.corpus, reading.sha256)
    if first_id is not None:
        first_id = known.find(heads[0].symbol, _iso(heads[0].date)) or first_id
    original = f"{first_id}{reading.path.suffix.lower()}" if first_id else None
    drafts: list[DraftDoc] = []
    # the last first: a document forwards the one after it
    for part, head in reversed(list(zip(parts, heads, strict=True))):
        forwards = drafts[0].id if drafts else None
        drafts.insert(0, draft_document(reading, part.text, head, known.corpus, resolver, today, original, forwards))
    outcomes = [_store_draft(d, reading, data, data_dir, known) for d in drafts]
    kept = any(o.status in (ADDED, COMPLETED) for o in outcomes)
    if original and kept and write_new(data_dir / ORIGINALS / original, data):
        known.hashes.setdefault(reading.sha256, []).append(original)
    return outcomes


def _bytes_read(reading: Reading) -> bytes:
    """The file's bytes, as they were when read: a file changed or swapped meanwhile is refused."""
    try:
        data = reading.path.read_bytes() if not reading.path.is_symlink() else b""
    except OSError as err:
        raise FileRefused(reading.path, "tệp biến mất hoặc không đọc lại được sau khi đọc", "chạy lại") from err
    if sha256_of_bytes(data) != reading.sha256:
        raise FileRefused(reading.path, "tệp đã thay đổi trong lúc được đọc", "chờ tệp ổn định rồi chạy lại")
    return data


def _store_draft(draft: DraftDoc, reading: Reading, data: bytes, data_dir: Path, known: _Known) -> Outcome:
    file = str(reading.path)
    if draft.id is None:
        return Outcome(
            file,
            UNREAD,
            message="không đọc được số, ký hiệu của văn bản: chưa thêm",
            fix="mở tệp, đọc số ký hiệu rồi nhập tay (hoặc chạy `vanban suggest` trên toàn văn)",
            reader=reading.reader,
        )
    if why := key_problem(draft.id):
        return Outcome(
            file, UNREAD, draft.id, f"số ký hiệu đọc được không làm id được ({why})", _BY_HAND, reading.reader
        )
    existing = known.find(draft.symbol, draft.date)
    if existing:
        added = _complete(existing, draft, data, data_dir, reading)
        status = COMPLETED if added else PRESENT
        what = f"đã có trong cơ sở tri thức{': thêm ' + ', '.join(added) if added else ''}"
        return Outcome(file, status, existing, what, reader=reading.reader)
    if draft.id in known.ids or not write_new(data_dir / DOCUMENTS / f"{draft.id}.yaml", draft.yaml.encode("utf-8")):
        # the same id for another document (another date, another province): never merged silently
        return Outcome(
            file,
            UNREAD,
            draft.id,
            "id này đã là của một văn bản khác (khác ngày hoặc nơi ban hành)",
            _BY_HAND,
            reading.reader,
        )
    write_new(data_dir / TEXTS / f"{draft.id}.txt", draft.text.encode("utf-8"))
    known.ids.add(draft.id)
    known.add(draft.id, draft.symbol, draft.date)
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


_BY_HAND = "thêm văn bản này bằng tay với một id riêng (`vanban suggest` trên toàn văn giúp soạn YAML)"


def _complete(doc_id: str, draft: DraftDoc, data: bytes, data_dir: Path, reading: Reading) -> list[str]:
    """Add to an existing document its full text and its original file, when it has none."""
    added = []
    has_original = any(p.stem == doc_id for p in (data_dir / ORIGINALS).glob(f"{doc_id}.*"))
    original = data_dir / ORIGINALS / f"{doc_id}{reading.path.suffix.lower()}"
    if not has_original and write_new(original, data):
        added.append("bản gốc")
    text_path = data_dir / TEXTS / f"{doc_id}.txt"
    missing = not text_path.exists() and not (data_dir / TEXTS / f"{doc_id}.TXT").exists()
    if missing and write_new(text_path, draft.text.encode("utf-8")):
        added.append("toàn văn")
    return added


__all__ = ["ADDED", "COMPLETED", "PRESENT", "REFUSED", "UNREAD", "Outcome", "Progress", "StoreError", "ingest"]
