"""One document and its records in one transaction: new, updated, unchanged, removed."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the store package must stay light to import
    import sqlite_utils

    from minutebook.models import Document, Record


@dataclass
class UpsertResult:
    document_id: str
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def document_key(document: Document) -> str:
    """A document's identity across re-publication: its source path, not its content."""
    return source_key(document.source)


def source_key(source: str) -> str:
    """document_key from the source alone, so a batch can skip a file before loading it."""
    ident = Path(source).resolve().as_posix() if not re.match(r"^\w+://", source) else source
    return hashlib.sha256(ident.encode()).hexdigest()[:16]


def _dump(value: object) -> object:
    return json.dumps(list(value)) if isinstance(value, tuple) else value


def record_rows(document_id: str, records: list[Record]) -> list[dict[str, object]]:
    """Rows with stable ids: identical clauses in one document are told apart by ordinal."""
    seen: Counter[tuple[str, str, str]] = Counter()
    rows = []
    for record in records:
        key = record.identity()  # the very tuple the id hashes, so ids cannot collide
        ordinal = seen[key]
        seen[key] += 1
        row = {k: _dump(v) for k, v in record.model_dump().items()}
        row.update(
            id=record.record_id(document_id, ordinal),
            document_id=document_id,
            ordinal=ordinal,
            text_hash=record.text_hash(),
        )
        rows.append(row)
    return rows


def upsert(
    db: sqlite_utils.Database, document: Document, records: list[Record], run_id: int | None = None
) -> UpsertResult:
    """Write a document and its records in one transaction, or nothing at all.

    A re-run of the same content changes no row. Records missing from a re-published
    document are marked removed, never deleted.
    """
    doc_id = document_key(document)
    rows = record_rows(doc_id, records)
    result = UpsertResult(doc_id)
    with db.atomic():
        _upsert_document(db, document, doc_id, run_id)
        existing = {
            r["id"]: r
            for r in db.query(
                "select id, text_hash, status from records where document_id = ?", [doc_id]
            )
        }
        for row in rows:
            old = existing.get(str(row["id"]))
            if old is None:
                row.update(status="current", first_run=run_id, last_changed_run=run_id)
                db.table("records").insert(row)
                result.new.append(str(row["id"]))
            elif old["text_hash"] != row["text_hash"] or old["status"] != "current":
                row.update(status="current", last_changed_run=run_id, removed_run=None)
                db.table("records").update(str(row["id"]), row)
                result.updated.append(str(row["id"]))
            else:
                result.unchanged.append(str(row["id"]))
        current = {str(r["id"]) for r in rows}
        for rid, old in existing.items():
            if rid not in current and old["status"] == "current":
                db.table("records").update(rid, {"status": "removed", "removed_run": run_id})
                result.removed.append(rid)
    return result


def _upsert_document(
    db: sqlite_utils.Database, document: Document, doc_id: str, run_id: int | None
) -> None:
    row = {
        "id": doc_id,
        "source": document.source,
        "sha256": document.sha256,
        "format": document.format,
        "pages": document.pages,
        "meeting_date": document.meeting_date,
        "committee": document.committee,
        "warnings": json.dumps(list(document.warnings)),
    }
    old = db.execute("select sha256 from documents where id = ?", [doc_id]).fetchone()
    if old is None:
        db.table("documents").insert({**row, "first_run": run_id, "last_changed_run": run_id})
    elif old[0] != document.sha256:
        db.table("documents").update(doc_id, {**row, "last_changed_run": run_id})
