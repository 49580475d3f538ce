"""extract: extract(Document) -> list[Record].

describe(Document) adds the meeting date and committee the header states. The pipeline
lives in pipeline.py and is imported on first use: importing a light module of this
package (status, codes, dates) must not load spaCy, or every command, even a re-run
that only compares hashes, would pay a second of start-up for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from minutebook.extract.pipeline import (
        clause_deadline,
        describe,
        english_share,
        extract,
        is_noting,
        load_vocabularies,
    )

__all__ = [
    "clause_deadline",
    "describe",
    "english_share",
    "extract",
    "is_noting",
    "load_vocabularies",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from minutebook.extract import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
