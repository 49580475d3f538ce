"""ingest: load(path) -> Document, for PDF, HTML, DOCX and text minutes."""

from __future__ import annotations

import hashlib
import importlib
import zipfile
from collections.abc import Callable
from pathlib import Path

from minutebook.errors import (
    CorruptDocumentError,
    EmptyDocumentError,
    InputTooLargeError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from minutebook.ingest import html
from minutebook.ingest.blocks import TextBuilder
from minutebook.ingest.limits import MAX_ANY_FILE_BYTES, MAX_FILE_BYTES, MB
from minutebook.models import Document, Format

Loader = Callable[[Path, bytes], TextBuilder]
# Each loader is imported when a file of its kind first comes: pdfplumber and pdfminer,
# or python-docx and lxml, cost a few tenths of a second that an HTML-only run, or a
# command that loads nothing, need not pay.
_LOADER_MODULES: dict[Format, str] = {
    "pdf": "minutebook.ingest.pdf",
    "html": "minutebook.ingest.html",
    "docx": "minutebook.ingest.docx",
    "text": "minutebook.ingest.text",
}


def loader(fmt: Format) -> Loader:
    """The load(path, data) function for files of format `fmt`."""
    found: Loader = importlib.import_module(_LOADER_MODULES[fmt]).load
    return found


SUFFIXES: dict[str, Format] = {
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".php": "html",
    ".docx": "docx",
    ".txt": "text",
    ".md": "text",
    ".text": "text",
}


def _sniff(data: bytes) -> Format | None:
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            import io

            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except zipfile.BadZipFile:
            return None
        return "docx" if "word/document.xml" in names else None
    if html.looks_like_html(data):
        return "html"
    return None


def detect_format(path: Path, data: bytes) -> Format:
    """The format the content says, checked against what the suffix claims."""
    claimed = SUFFIXES.get(path.suffix.lower())
    sniffed = _sniff(data)
    if claimed in ("pdf", "docx") and sniffed != claimed:
        what = f"looks like {sniffed.upper()}" if sniffed else "has no recognisable signature"
        raise CorruptDocumentError(
            str(path), f"named {path.suffix} but {what}; re-download or rename the file"
        )
    if sniffed is not None:
        return sniffed
    if claimed is not None:
        return claimed
    raise UnsupportedFormatError(
        str(path),
        f"'{path.suffix or 'no suffix'}' is not a supported format (PDF, HTML, DOCX, TXT)",
    )


def read(path: Path | str) -> bytes:
    """The bytes of a file, refused unread when it is bigger than any minutes can be.

    Raises:
        UnreadableFileError: the file cannot be opened or read.
        InputTooLargeError: over MAX_ANY_FILE_BYTES.
    """
    path = Path(path)
    try:
        if path.stat().st_size > MAX_ANY_FILE_BYTES:
            _too_big(path, path.stat().st_size, MAX_ANY_FILE_BYTES, "any file")
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(
            str(path), f"cannot read the file ({exc.strerror or type(exc).__name__})"
        ) from exc


def load(path: Path | str, data: bytes | None = None) -> Document:
    """Read a minutes file into a Document: joined text, blocks with page and span.

    `data`, when given, are the file's bytes as read(path) gave them elsewhere (on a Dask
    worker, from the process that read the file); `path` then only names the document.

    Raises:
        LoadError: one of its subclasses, with a one-line reason, for a file that cannot load.
    """
    path = Path(path)
    if data is None:
        data = read(path)
    elif len(data) > MAX_ANY_FILE_BYTES:
        _too_big(path, len(data), MAX_ANY_FILE_BYTES, "any file")
    if not data.strip():
        raise EmptyDocumentError(str(path), "the file is empty")
    fmt = detect_format(path, data)
    if len(data) > MAX_FILE_BYTES[fmt]:
        _too_big(path, len(data), MAX_FILE_BYTES[fmt], f"a {fmt.upper()} file")
    built = loader(fmt)(path, data)
    if not built.blocks:
        raise EmptyDocumentError(str(path), "no text found in the document")
    pages = max(b.page for b in built.blocks)
    return Document(
        source=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,
        text=built.text,
        blocks=built.blocks,
        pages=pages,
    )


def _too_big(path: Path, size: int, limit: int, what: str) -> None:
    raise InputTooLargeError(
        str(path),
        f"{size / MB:,.0f} MB, over the {limit / MB:,.0f} MB limit for {what}; "
        "split the file into its meetings",
    )


__all__ = ["LOADERS", "detect_format", "load", "read"]
