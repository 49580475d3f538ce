"""One exception tree. Each error has a stable `reason` slug and a one-line message."""

from __future__ import annotations


class MinutebookError(Exception):
    """Base of every error minutebook raises on purpose."""

    reason = "error"
    stage = "load"

    def __init__(self, path: str, detail: str) -> None:
        self.path = path
        self._given = detail
        # one line, whatever a library put in its message (spaCy's run to paragraphs)
        self.detail = " ".join(detail.split())
        super().__init__(f"{path}: {self.detail}")

    def __reduce__(self) -> tuple[type[MinutebookError], tuple[str, str]]:
        # so a worker process can hand its error to the parent intact
        return (type(self), (self.path, self._given))


class LoadError(MinutebookError):
    """Raised by ingest when a file cannot become a Document."""

    reason = "load"


class UnsupportedFormatError(LoadError):
    """Raised when neither the content nor the suffix names a format we read."""

    reason = "unsupported"


class EncryptedDocumentError(LoadError):
    """Raised for a password-protected PDF."""

    reason = "encrypted"


class CorruptDocumentError(LoadError):
    """Raised when the parser cannot read the file (truncated, garbage, wrong content)."""

    reason = "corrupt"


class EmptyDocumentError(LoadError):
    """Raised for a 0-byte file or one with no text at all."""

    reason = "empty"


class NoTextLayerError(EmptyDocumentError):
    """Raised for an image-only PDF: pages, but no text layer."""

    reason = "no_text_layer"


class UnreadableFileError(LoadError):
    """Raised when the file cannot be opened (permissions, a directory, a broken link)."""

    reason = "unreadable"


class InputTooLargeError(LoadError):
    """Raised before parsing a file bigger than minutes can be (see ingest/limits.py)."""

    reason = "too_large"


class TooDeepError(LoadError):
    """Raised for HTML nested deeper than any page needs (parsers slow down quadratically)."""

    reason = "too_deep"


class UnsafeDocumentError(LoadError):
    """Raised for a file built to attack its reader, e.g. XML entities (billion laughs)."""

    reason = "unsafe"


class ExtractError(MinutebookError):
    """Raised when the extractor builds a record that fails validation (an extractor bug)."""

    reason = "invalid_record"
    stage = "extract"


class TextTooLargeError(ExtractError):
    """Raised for a text longer than one set of minutes can be (an archive, a dump)."""

    reason = "too_large"


class PatternFileError(MinutebookError):
    """Raised at start-up for a bad pattern or vocabulary file: file, line and what is wrong."""

    reason = "bad_pattern_file"
    stage = "startup"

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(path, f"{detail} (fix that line, or restore the file with git)")
        # what __reduce__ hands back to __init__, which adds the advice again: without
        # this, an error raised in a worker reached the user with the advice twice
        self._given = detail


class StoreError(MinutebookError):
    """Raised for database problems: not a SQLite file, locked, newer schema."""

    reason = "store"
    stage = "store"


class StorageError(StoreError):
    """Raised when the database cannot be written (disk full, I/O error, read-only, damaged).

    Not a fault of any document: the batch stops at once, and what was committed stays.
    """

    reason = "storage"
