"""pydantic models: the only definition of a Document's and a Record's shape.

The models are imported on first use: every command imports a module that names a plain
constant of this package (models/statuses.py), and building the pydantic models would
cost `minutebook --help` a tenth of a second.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from minutebook.models.dates import IsoDatePrefix
    from minutebook.models.document import (
        BLOCK_SEP,
        CELL_SEP,
        TAG_SEP,
        Block,
        BlockKind,
        Document,
        Format,
    )
    from minutebook.models.record import Kind, Record

__all__ = [
    "BLOCK_SEP",
    "CELL_SEP",
    "TAG_SEP",
    "Block",
    "BlockKind",
    "Document",
    "Format",
    "IsoDatePrefix",
    "Kind",
    "Record",
]
_HOMES = {
    "IsoDatePrefix": "dates",
    **dict.fromkeys(
        ("BLOCK_SEP", "CELL_SEP", "TAG_SEP", "Block", "BlockKind", "Document", "Format"),
        "document",
    ),
    "Kind": "record",
    "Record": "record",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
