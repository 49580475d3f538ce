"""The spreadsheet round trip: review decisions out to CSV and back, validated as a whole.

Export writes one row per current record (rejected ones included, so a rejection can be
undone) with its effective values. A clerk fills `decision` (accept or reject) and/or
changes value cells; import turns each changed cell into an edit. Every row is checked
first; one bad row means nothing is written.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import sqlite_utils

from minutebook.output import uncsv_cell, write_csv
from minutebook.store.reviews import EDITABLE, Decision, ReviewError, validate_edits

CONTEXT = ("record_id", "document", "page", "review_state", "review_stale", "text_hash")
DECISION = ("decision", "by", "note")
COLUMNS = (*CONTEXT, *EDITABLE, *DECISION)


def _current(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return list(
        db.query(
            "select r.*, d.source as document from reviewed_records r "
            "join documents d on d.id = r.document_id "
            "where r.status = 'current' order by d.source, r.start"
        )
    )


def export_rows(db: sqlite_utils.Database) -> list[dict[str, object]]:
    return [_sheet_row(r) for r in _current(db)]


def _sheet_row(row: dict[str, Any]) -> dict[str, object]:
    out: dict[str, object] = {
        "record_id": row["id"],
        "document": row["document"],
        "page": row["page"],
        "review_state": row["review_state"] or "",
        "review_stale": "yes" if row["review_stale"] else "",
        "text_hash": row["text_hash"],
    }
    for name in EDITABLE:
        out[name] = _cell(row[name], name)
    out.update(decision="", by="", note="")
    return out


def _cell(value: object, name: str) -> str:
    if name == "noting":
        return "true" if value else "false"
    return "" if value is None else str(value)


def write(out: IO[str], rows: Iterable[dict[str, object]]) -> None:
    write_csv(out, COLUMNS, rows)


def read(db: sqlite_utils.Database, path: Path, by_default: str | None) -> list[Decision]:
    """Every decision in the sheet, or ReviewError listing every bad line.

    Raises:
        ReviewError: a missing column, an unknown record, a bad decision or field value, or
            a record whose extracted values changed since the export (export again).
    """
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise ReviewError(str(path), f"cannot read the sheet ({exc.strerror})") from None
    with handle:
        reader = csv.DictReader(handle)
        missing = [
            c for c in ("record_id", "text_hash", *DECISION) if c not in (reader.fieldnames or [])
        ]
        if missing:
            raise ReviewError(
                str(path),
                f"missing column(s) {', '.join(missing)}; start from 'minutebook review export'",
            )
        current = {r["id"]: r for r in _current(db)}
        decisions: list[Decision] = []
        errors: list[str] = []
        for line in reader:
            try:
                decision = _decision(line, current, by_default)
            except ValueError as exc:
                errors.append(f"line {reader.line_num}: {exc}")
                continue
            if decision is not None:
                decisions.append(decision)
    if errors:
        raise ReviewError(str(path), "; ".join(errors) + "; nothing was applied")
    return decisions


def _decision(
    line: dict[str, str | None], current: dict[str, dict[str, Any]], by_default: str | None
) -> Decision | None:
    record_id = (line.get("record_id") or "").strip()
    now = current.get(record_id)
    if now is None:
        raise ValueError(f"no current record {record_id!r}")
    verdict = (line.get("decision") or "").strip().lower()
    if verdict not in ("", "accept", "reject"):
        raise ValueError(f"decision {verdict!r} is not accept, reject or empty")
    # export put an apostrophe before cells a spreadsheet would run; take exactly that off
    cells = {name: uncsv_cell(line.get(name) or "").strip() for name in EDITABLE if name in line}
    raw = {name: v for name, v in cells.items() if v != _cell(now[name], name)}
    if not raw and not verdict:
        return None
    if (line.get("text_hash") or "").strip() != now["text_hash"]:
        raise ValueError(
            f"record {record_id} was re-extracted since this sheet was exported; export again"
        )
    # "TRUE" for "true" (spreadsheets upper-case booleans) is no edit at all
    edits = tuple((f, v) for f, v in (validate_edits(now, raw) if raw else ()) if v != now[f])
    if not edits and not verdict:
        return None
    note = (line.get("note") or "").strip() or None
    by = (line.get("by") or "").strip() or by_default
    return Decision(
        record_id,
        verdict or "edit",  # type: ignore[arg-type]
        by=by,
        note=note,
        edits=edits,
        text_hash_at_review=str(now["text_hash"]),
    )
