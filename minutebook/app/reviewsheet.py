"""The spreadsheet round trip: review decisions out to CSV and back, validated as a whole.

Export writes one row per current record (rejected ones included, so a rejection can be
undone) with its effective values. A clerk fills `decision` (accept or reject) and/or
changes value cells; import turns each changed cell into an edit. Every row is checked
first; one bad row means nothing is written.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from minutebook.app.spreadsheet import uncsv_cell, write_csv
from minutebook.store.reviews import (
    EDITABLE,
    Decision,
    ReviewError,
    current_reviewed_records,
    validate_edits,
)

if TYPE_CHECKING:  # annotations only: sqlite-utils is imported by store.open_db
    import sqlite_utils

CONTEXT = ("record_id", "document", "page", "review_state", "review_stale", "text_hash")
DECISION = ("decision", "by", "note")
COLUMNS = (*CONTEXT, *EDITABLE, *DECISION)


def export_rows(db: sqlite_utils.Database) -> list[dict[str, object]]:
    return [_sheet_row(r) for r in current_reviewed_records(db)]


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


# what the report page's "save decisions" button writes; `review import` reads it like a sheet
DECISIONS_FORMAT = "minutebook-decisions"


def read(db: sqlite_utils.Database, path: Path, by_default: str | None) -> list[Decision]:
    """Every decision in the sheet (CSV) or decisions file (JSON), or ReviewError listing
    every bad line.

    Raises:
        ReviewError: a missing column, an unknown record, a bad decision or field value, or
            a record whose extracted values changed since the export (export again).
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise ReviewError(str(path), f"cannot read the sheet ({why})") from None
    lines = _json_lines(path, text) if path.suffix.lower() == ".json" else _csv_lines(path, text)
    current = {r["id"]: r for r in current_reviewed_records(db)}
    decisions: list[Decision] = []
    errors: list[str] = []
    for number, line in lines:
        try:
            decision = _decision(line, current, by_default)
        except ValueError as exc:
            errors.append(f"line {number}: {exc}")
            continue
        if decision is not None:
            decisions.append(decision)
    if errors:
        raise ReviewError(str(path), "; ".join(errors) + "; nothing was applied")
    return decisions


def _csv_lines(path: Path, text: str) -> list[tuple[int, dict[str, str | None]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [
        c for c in ("record_id", "text_hash", *DECISION) if c not in (reader.fieldnames or [])
    ]
    if missing:
        raise ReviewError(
            str(path),
            f"missing column(s) {', '.join(missing)}; start from 'minutebook review export'",
        )
    out: list[tuple[int, dict[str, str | None]]] = []
    for line in reader:
        # export put an apostrophe before cells a spreadsheet would run; take exactly that off
        decoded = {k: uncsv_cell(v) if k in EDITABLE and v else v for k, v in line.items()}
        out.append((reader.line_num, decoded))
    return out


def _json_lines(path: Path, text: str) -> list[tuple[int, dict[str, str | None]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReviewError(str(path), f"not a decisions file (bad JSON: {exc.msg})") from None
    if not isinstance(data, dict) or data.get("format") != DECISIONS_FORMAT:
        raise ReviewError(
            str(path), "not a decisions file; save one from the report's 'Save decisions' button"
        )
    rows = data.get("decisions")
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise ReviewError(str(path), "'decisions' must be a list of objects")
    return [
        (n, {str(k): None if v is None else str(v) for k, v in row.items()})
        for n, row in enumerate(rows, start=1)
    ]


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
    cells = {name: (line.get(name) or "").strip() for name in EDITABLE if name in line}
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
