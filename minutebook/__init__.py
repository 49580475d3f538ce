"""minutebook: committee minutes and recommendation trackers into a SQLite database.

The one way through: load(path) -> Document, extract(Document) -> list[Record],
upsert(db, document, records).
"""

from minutebook.extract import describe, extract
from minutebook.ingest import load
from minutebook.store import open_db, upsert

__version__ = "0.1.0"
__all__ = ["__version__", "describe", "extract", "load", "open_db", "upsert"]
