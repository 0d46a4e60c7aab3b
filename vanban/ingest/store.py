"""The only stage of ingest that writes: drafts, texts and originals into the data folder.

Nothing is ever overwritten: a file is written under a temporary name in its final folder, then
linked to its name only if that name is still free, so an interrupted run leaves no half file and
two runs cannot clobber each other. Every path is an id plus a fixed suffix inside data/, so no
name read from a file can lead outside it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from .model import sha256_of

DOCUMENTS = "documents"
TEXTS = "texts"
ORIGINALS = "originals"
FOLDERS = (DOCUMENTS, TEXTS, ORIGINALS)  # the folders of data/ that ingest writes in
_TMP_SUFFIX = ".ingest-tmp"


class StoreError(Exception):
    """The data folder cannot take the files (a folder is a link out of it, the disk is full …)."""


def folder(data_dir: Path, name: str) -> Path:
    """data/<name>, created when missing; refused when it leads outside data/."""
    path = data_dir / name
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        raise StoreError(f"{path} không phải là một thư mục thật trong thư mục dữ liệu")
    path.mkdir(parents=True, exist_ok=True)
    if data_dir.resolve() not in path.resolve().parents:
        raise StoreError(f"{path} dẫn ra ngoài thư mục dữ liệu {data_dir}")
    return path


def write_new(path: Path, data: bytes) -> bool:
    """Write data at path unless a file is there already: True when written. Raises StoreError."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}{_TMP_SUFFIX}")
    try:
        with open(tmp, "xb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(tmp, path)  # fails if the name was taken meanwhile: never clobbers
        except FileExistsError:
            return False
        return True
    except OSError as err:  # disk full, no permission, a read-only folder
        raise StoreError(f"không ghi được {path}: {err.strerror or err}") from err
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


@contextlib.contextmanager
def run_lock(data_dir: Path) -> Iterator[None]:
    """One ingest at a time in a data folder: a second run would remove the first one's temporary files."""
    fd = os.open(data_dir, os.O_RDONLY | os.O_DIRECTORY)  # the folder itself is locked: no file is left behind
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            raise StoreError(f"một lần nhập khác đang chạy trên {data_dir}: chờ nó xong rồi chạy lại") from err
        yield
    finally:
        os.close(fd)  # closing releases the lock


def clean_stale(data_dir: Path) -> None:
    """Remove temporary files a killed run left behind (only ours: dot-names ending .ingest-tmp)."""
    for name in FOLDERS:
        where = data_dir / name
        if where.is_dir() and not where.is_symlink():
            for stale in where.glob(f".*{_TMP_SUFFIX}"):
                if stale.is_file() and not stale.is_symlink():
                    stale.unlink(missing_ok=True)


def original_hashes(data_dir: Path) -> dict[str, list[str]]:
    """sha256 → the names of the originals kept in data/originals/ with those bytes (the seed's file is
    the original of its two documents)."""
    where = data_dir / ORIGINALS
    out: dict[str, list[str]] = {}
    if not where.is_dir() or where.is_symlink():
        return out
    for path in sorted(where.iterdir()):
        if path.is_file() and not path.is_symlink() and not path.name.startswith("."):
            out.setdefault(sha256_of(path), []).append(path.name)
    return out
