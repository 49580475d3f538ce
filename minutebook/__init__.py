"""minutebook: committee minutes and recommendation trackers into a SQLite database.

The one way through: load(path) -> Document, extract(Document) -> list[Record],
upsert(db, document, records).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from minutebook.extract import describe, extract
    from minutebook.ingest import load
    from minutebook.store import open_db, upsert

__version__ = "0.1.0"
__all__ = ["__version__", "describe", "extract", "load", "open_db", "upsert"]

# Imported on first use: spaCy alone takes seconds to import, and the ingest writer
# process, which only hashes files and writes rows, never needs it.
_HOMES = {
    "describe": "minutebook.extract",
    "extract": "minutebook.extract",
    "load": "minutebook.ingest",
    "open_db": "minutebook.store",
    "upsert": "minutebook.store",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'minutebook' has no attribute {name!r}")
