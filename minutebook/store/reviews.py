"""Clerk review decisions: an append-only `reviews` table and the views that apply it.

Extraction never writes here, and upsert never reads here: a decision survives every
re-run because it lives beside the records, not in them.

- `reviews`: one row per decision (accept, reject) or per edited field (edit).
- `record_lineage` (filled by `lineage.align_changes`): which record replaced which when a
  re-published document changed a clause, so a decision follows its clause to the new id.
- `reviewed_records`: every record with its effective values and review state.
- `effective_records`: the same without rejected records. Its columns are the `records`
  columns plus `review_state` and `review_stale`; exports, the report and analysts read it.

A decision applies to its record and to every record that replaced it. It is stale when
the latest decision was made on text other than the record's current extracted text
(`text_hash`); a newer decision on the current text clears it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from pydantic import ValidationError

from minutebook.errors import MinutebookError
from minutebook.models import Record

if TYPE_CHECKING:  # annotations only: sqlite-utils is imported by store.open_db
    import sqlite_utils

Action = Literal["accept", "reject", "edit"]
ACTIONS: tuple[Action, ...] = ("accept", "reject", "edit")
REVIEW_EXTRAS = ("review_state", "review_stale")

# What a clerk may correct. Provenance (source, page, span), the rule and the warnings say
# where a record came from and why; editing them would make the record lie about its origin.
EDITABLE: tuple[str, ...] = tuple(
    name
    for name in Record.model_fields
    if name not in {"source", "sha256", "page", "start", "end", "rule", "warnings", "tracker_row"}
)


class ReviewError(MinutebookError):
    """A review command or sheet that cannot be applied; nothing was written."""

    reason = "review"
    stage = "review"


@dataclass(frozen=True)
class Decision:
    record_id: str
    action: Action
    by: str | None = None
    note: str | None = None
    edits: tuple[tuple[str, object], ...] = ()
    text_hash_at_review: str | None = None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def record_row(db: sqlite_utils.Database, record_id: str) -> dict[str, Any] | None:
    """The record's effective values (rejected ones included), or None if there is no such id."""
    rows = list(db.query("select * from reviewed_records where id = ?", [record_id]))
    return rows[0] if rows else None


def as_record(row: dict[str, Any]) -> Record:
    """A stored row back into the model, so edits go through the model's own validators."""
    data = {name: row[name] for name in Record.model_fields}
    data["warnings"] = tuple(json.loads(row["warnings"] or "[]"))
    data["noting"] = bool(row["noting"])
    data["tracker_row"] = bool(row["tracker_row"])
    return Record.model_validate(data)


def validate_edits(row: dict[str, Any], raw: dict[str, str]) -> tuple[tuple[str, object], ...]:
    """Check field names against the model and values with its validators.

    An empty value clears the field. Returns (field, value-as-stored) pairs.

    Raises:
        ValueError: one line naming each bad field and what is wrong with it.
    """
    unknown = [f for f in raw if f not in EDITABLE]
    if unknown:
        raise ValueError(
            f"cannot edit {', '.join(repr(f) for f in unknown)}; "
            f"editable fields: {', '.join(EDITABLE)}"
        )
    current = as_record(row).model_dump()
    changed = {f: (v.strip() or None) for f, v in raw.items()}
    try:
        record = Record.model_validate({**current, **changed})
    except ValidationError as exc:
        raise ValueError(
            "; ".join(_problem(e, changed) for e in exc.errors(include_url=False))
        ) from None
    return tuple((f, _stored(getattr(record, f))) for f in raw)


# pydantic would answer a bad date with its regular expression; a clerk needs an example
_DATE_FIELDS = ("deadline", "meeting_date")  # the IsoDatePrefix fields of models/record.py


def _problem(error: Any, changed: dict[str, str | None]) -> str:
    field = ".".join(map(str, error["loc"]))
    if field in _DATE_FIELDS:
        return (
            f"{field}: {changed.get(field)!r} is not a date; give an ISO date or the start "
            "of one, e.g. 2026-03-31, 2026-03 or 2026"
        )
    return f"{field}: {error['msg']}"


def _stored(value: object) -> object:
    return int(value) if isinstance(value, bool) else value


def append(db: sqlite_utils.Database, decisions: list[Decision]) -> int:
    """Write decisions in one transaction (all or none); returns the rows written."""
    at = now()
    rows: list[dict[str, object]] = []
    for d in decisions:
        base = {
            "record_id": d.record_id,
            "by": d.by,
            "note": d.note,
            "at": at,
            "text_hash_at_review": d.text_hash_at_review,
        }
        rows.extend({**base, "action": "edit", "field": f, "value": v} for f, v in d.edits)
        if d.action != "edit":
            rows.append({**base, "action": d.action, "field": None, "value": None})
    with db.atomic():
        for row in rows:
            db.table("reviews").insert(row)
    return len(rows)


def edited_fields(db: sqlite_utils.Database) -> dict[str, list[str]]:
    """Record id -> the fields whose value comes from a clerk's edit."""
    out: dict[str, set[str]] = {}
    for row in db.query(
        "select t.record_id, v.field from review_targets t join reviews v on v.id = t.review_id "
        "where v.action = 'edit'"
    ):
        out.setdefault(row["record_id"], set()).add(row["field"])
    return {k: sorted(v) for k, v in out.items()}


def stale_records(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Current records whose latest decision was made on other text (rejected ones included)."""
    return list(
        db.query(
            "select * from reviewed_records where review_stale = 1 and status = 'current' "
            "order by document_id, start"
        )
    )


def runs_since_last_review(db: sqlite_utils.Database) -> set[int]:
    """Runs started after the latest review (every run when nothing was reviewed yet)."""
    last = db.execute("select max(at) from reviews").fetchone()[0]
    query = "select id from runs" + (" where started_at > ?" if last else "")
    return {int(r[0]) for r in db.execute(query, [last] if last else [])}


def rejected_current_count(db: sqlite_utils.Database) -> int:
    """How many records still in their document a clerk has rejected."""
    return int(
        db.execute(
            "select count(*) from reviewed_records where review_state = 'rejected' "
            "and status = 'current'"
        ).fetchone()[0]
    )


def document_sources(db: sqlite_utils.Database) -> dict[str, str]:
    """Each stored document's id and the path or address it was read from."""
    return {d["id"]: d["source"] for d in db.query("select id, source from documents")}


def current_reviewed_records(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every current record with its effective values and its document's source, in
    reading order (the review sheet's rows)."""
    return list(
        db.query(
            "select r.*, d.source as document from reviewed_records r "
            "join documents d on d.id = r.document_id "
            "where r.status = 'current' order by d.source, r.start"
        )
    )
