"""minutebook: committee minutes and recommendation trackers into a SQLite database.

The one way through: load(path) -> Document, extract(Document) -> list[Record],
upsert(db, document, records); ingest(paths, db=...) runs all three over a batch the way
the `minutebook ingest` command does (lock, skip, workers, lineage, lifecycle).
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from minutebook.app.run import RunSummary, ingest
    from minutebook.extract import describe, extract
    from minutebook.ingest import load
    from minutebook.store import open_db, upsert

__version__ = "0.1.0"
__all__ = [
    "RunSummary",
    "__version__",
    "describe",
    "extract",
    "ingest",
    "load",
    "open_db",
    "upsert",
]

# Imported on first use: spaCy alone takes seconds to import, and the ingest writer
# process, which only hashes files and writes rows, never needs it.
_HOMES = {
    "RunSummary": "minutebook.app.run",
    "describe": "minutebook.extract",
    "extract": "minutebook.extract",
    "ingest": "minutebook.app.run",
    "load": "minutebook.ingest",
    "open_db": "minutebook.store",
    "upsert": "minutebook.store",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'minutebook' has no attribute {name!r}")


class _Package(types.ModuleType):
    """This package, keeping `minutebook.ingest` the function whatever is imported.

    Importing the subpackage minutebook.ingest (the loaders) would bind it here as the
    attribute `ingest` and hide the function; `from minutebook.ingest import load` finds
    the subpackage in sys.modules, so nothing needs that binding.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name == "ingest" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
