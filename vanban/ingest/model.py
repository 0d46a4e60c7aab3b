"""What flows between the ingest stages: read → split → draft → store.

read turns one file of any kind into a Reading (its text, NFC, legacy encodings decoded, and how
it was read); split cuts a Reading into the documents it holds; draft turns each into the YAML of
a draft document with every machine-read field marked; store writes drafts, texts and originals
into the data folder (the only stage that writes) and says what it did.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

# Kinds of file, as read (the extension says what a file claims to be; read checks its bytes).
KINDS = ("txt", "docx", "doc", "rtf", "odt", "pdf-text", "pdf-scan", "image")


@dataclass(frozen=True)
class Limits:
    """Per file: an untrusted file may be huge, endless or a bomb. The CLI's flags raise them."""

    max_bytes: int = 50_000_000  # the file itself
    max_pages: int = 300  # pages of a PDF (or a scan) read
    seconds: float = 300.0  # wall time to read one file, OCR included
    max_unzipped: int = 200_000_000  # the parts of a .docx or .odt, uncompressed (a zip bomb)
    ocr_jobs: int = 0  # pages OCR'd at once; 0: every core


@dataclass(frozen=True)
class Reading:
    """The text of one file, as read."""

    path: Path
    kind: str  # one of KINDS
    text: str  # NFC; legacy encodings decoded run by run; layout kept as lines
    reader: str  # how, in Vietnamese: "lớp chữ của PDF (pdftotext)", "OCR (tesseract, tiếng Việt)" …
    ocr: bool  # some of the text came from OCR
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "cp1258", "tcvn3", "vni", "unicode+tcvn3" …
    pages: int  # pages read (1 for a text or Word file)
    sha256: str  # sha256_of_bytes of the file's bytes: the same file ingested twice is recognised
    ocr_pages: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)  # in Vietnamese: what the reader noticed
    # Words OCR read with low confidence, folded (lower case, no diacritics); None when no OCR ran or
    # the reader could not say: then every field OCR read is doubted.
    doubtful: frozenset[str] | None = None
    # The signature zone of the last page that has one, OCR'd again on its own: read when the page's own
    # reading lost the signer under a seal (draft.mend_signer).
    signature: str = ""


def sha256_of_bytes(data: bytes) -> str:
    """How a file is recognised by its content (Reading.sha256, the originals kept in data/originals/)."""
    return hashlib.sha256(data).hexdigest()


def sha256_of(path: Path) -> str:
    """sha256_of_bytes of a file's bytes, read a block at a time."""
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


class FileRefused(Exception):
    """A file that cannot be read: what is wrong and what to do, in Vietnamese."""

    def __init__(self, path: Path, what: str, fix: str) -> None:
        super().__init__(f"{path}: {what}")
        self.path = path
        self.what = what
        self.fix = fix
