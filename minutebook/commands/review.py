"""`minutebook review ...`: a clerk's accept / reject / edit decisions, and the CSV round trip."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from minutebook.commands import fail, open_writable, resolve_id
from minutebook.console import conventions
from minutebook.console.conventions import DEFAULT_DB, App, DbOption, Exit
from minutebook.errors import MinutebookError

if TYPE_CHECKING:
    import sqlite_utils

    from minutebook.store.reviews import Action

# The fields --set may name: store.reviews.EDITABLE, spelled out because that one is read
# from the pydantic Record, which `minutebook --help` must not import to show this line.
# tests/test_startup.py holds the two equal.
EDITABLE = (
    *("kind", "code", "item_title", "text", "recipient", "owner", "deadline", "meeting_date"),
    *("progress", "noting"),
)

review_app = App(
    help="Accept, reject or correct extracted records; decisions survive every re-run.",
    epilog="Example: minutebook review accept 3f2a9c0d1e4b5a67 --by 'J Smith' --note 'checked'",
)

ByOption = Annotated[
    str | None, typer.Option("--by", help="Who decided (default: your login name).")
]
NoteOption = Annotated[str | None, typer.Option("--note", help="Why, in a few words.")]
IdArgument = Annotated[
    str, typer.Argument(help="A record id as shown in the report, or its first 6+ characters.")
]


def register(app: typer.Typer) -> None:
    app.add_typer(review_app, name="review")


def _open(db_path: Path) -> sqlite_utils.Database:
    from minutebook.store.lineage import align_changes

    db = open_writable(db_path)  # every review command writes (align_changes at least)
    align_changes(db)
    return db


def _who(by: str | None) -> str | None:
    if by:
        return by
    try:
        return getpass.getuser()
    except OSError:  # no login name in some containers; the decision still counts
        return None


def _current(db: sqlite_utils.Database, db_path: Path, record_id: str) -> dict[str, Any]:
    from minutebook.store.lineage import latest_replacement
    from minutebook.store.reviews import record_row

    row = record_row(db, resolve_id(db, db_path, record_id))
    if row is None:  # in records but not in reviewed_records: cannot happen, say so plainly
        raise fail(f"{db_path}: record {record_id!r} has no reviewable row")
    if row["status"] != "current":
        link = latest_replacement(db, row["id"])
        where = (
            f"replaced by {link[0]} in run {link[1]}; review that one"
            if link and link[0]
            else (f"removed from its document in run {row['removed_run']}")
        )
        raise fail(f"{db_path}: record {row['id']} is no longer current ({where})")
    return row


def _decide(
    action: Action, record_id: str, db_path: Path, by: str | None, note: str | None
) -> None:
    from minutebook.store.reviews import Decision, append

    db = _open(db_path)
    row = _current(db, db_path, record_id)
    append(db, [Decision(row["id"], action, _who(by), note, (), row["text_hash"])])
    conventions.note(f"{action}ed {_describe(row)}")


def _describe(row: dict[str, Any]) -> str:
    return f"{row['id']} ({row['kind']} {row['code'] or '(no code)'})"


@review_app.command(
    "accept", epilog="Example: minutebook review accept 3f2a9c0d1e4b5a67 --by 'J Smith'"
)
def accept_cmd(
    record_id: IdArgument,
    db_path: DbOption = DEFAULT_DB,
    by: ByOption = None,
    note: NoteOption = None,
) -> None:
    """Confirm a record as extracted (with any edits already made)."""
    _decide("accept", record_id, db_path, by, note)


@review_app.command(
    "reject",
    epilog="Example: minutebook review reject 3f2a9c0d1e4b5a67 --note 'procedural, not a decision'",
)
def reject_cmd(
    record_id: IdArgument,
    db_path: DbOption = DEFAULT_DB,
    by: ByOption = None,
    note: NoteOption = None,
) -> None:
    """Hide a record that is not a real decision, from exports, views and the report."""
    _decide("reject", record_id, db_path, by, note)


@review_app.command(
    "edit",
    epilog=(
        "Example: minutebook review edit 3f2a9c0d1e4b5a67 "
        "--set owner='Head of Service' --set deadline=2026-03-31"
    ),
)
def edit_cmd(
    record_id: IdArgument,
    sets: Annotated[
        list[str],
        typer.Option(
            "--set", help=f"FIELD=VALUE (empty VALUE clears it). Fields: {', '.join(EDITABLE)}."
        ),
    ],
    db_path: DbOption = DEFAULT_DB,
    by: ByOption = None,
    note: NoteOption = None,
) -> None:
    """Correct fields of a record; values are checked like extracted ones."""
    from minutebook.store.reviews import Decision, append, validate_edits

    raw: dict[str, str] = {}
    for item in sets:
        name, eq, value = item.partition("=")
        if not eq:
            raise fail(f"--set {item!r}: expected FIELD=VALUE, e.g. --set owner='Head of Service'")
        raw[name.strip()] = value
    db = _open(db_path)
    row = _current(db, db_path, record_id)
    try:
        edits = validate_edits(row, raw)
    except ValueError as exc:
        raise fail(f"record {row['id']}: {exc}") from None
    append(db, [Decision(row["id"], "edit", _who(by), note, edits, row["text_hash"])])
    fields = ", ".join(f"{f}={v!r}" for f, v in edits)
    conventions.note(f"edited {_describe(row)}: {fields}")


@review_app.command("export", epilog="Example: minutebook review export --out review.csv")
def export_cmd(
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="CSV file to write (default: stdout).")
    ] = None,
    db_path: DbOption = DEFAULT_DB,
) -> None:
    """Write every current record, with its review state, as a sheet to fill in."""
    from minutebook.app import reviewsheet

    db = _open(db_path)
    rows = reviewsheet.export_rows(db)
    if out is None:
        reviewsheet.write(sys.stdout, rows)
        return
    try:
        with out.open("w", encoding="utf-8", newline="") as handle:
            reviewsheet.write(handle, rows)
    except OSError as exc:
        raise fail(f"{out}: cannot write ({exc.strerror})") from None
    conventions.note(f"wrote {len(rows)} records to {out}")


@review_app.command(
    "import",
    epilog="Example: minutebook review import review.csv --by 'J Smith'",
)
def import_cmd(
    sheet: Annotated[Path, typer.Argument(help="A sheet from 'minutebook review export'.")],
    db_path: DbOption = DEFAULT_DB,
    by: ByOption = None,
) -> None:
    """Apply a filled-in sheet: 'decision' accept/reject, changed cells become edits.

    Every row is checked first; if any is bad, each bad line is reported and nothing is
    applied (exit 1).
    """
    from minutebook.app import reviewsheet
    from minutebook.store.reviews import append

    db = _open(db_path)
    try:
        decisions = reviewsheet.read(db, sheet, _who(by))
    except MinutebookError as exc:
        raise fail(str(exc), Exit.FAILED) from None
    written = append(db, decisions)
    counts = {a: sum(d.action == a for d in decisions) for a in ("accept", "reject", "edit")}
    edits = sum(len(d.edits) for d in decisions)
    conventions.note(
        f"{sheet}: {len(decisions)} records reviewed ({counts['accept']} accepted, "
        f"{counts['reject']} rejected, {edits} fields edited; {written} review rows)"
    )
