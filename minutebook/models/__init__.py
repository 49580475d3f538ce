"""pydantic models: the only definition of a Document's and a Record's shape."""

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
