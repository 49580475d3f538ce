"""`minutebook report`: the clerk's HTML page of what a run (or runs since a date) changed."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from minutebook.commands import fail, open_current
from minutebook.console.conventions import DEFAULT_DB, DbOption, note

if TYPE_CHECKING:
    import sqlite_utils


def register(app: typer.Typer) -> None:
    app.command(
        "report",
        epilog="Example: minutebook report --db minutebook.db --out report.html",
    )(report_cmd)


def _runs(db: sqlite_utils.Database, run: int | None, since: str | None) -> list[dict[str, Any]]:
    from minutebook.store.runs import all_runs, run_by_id, runs_started_since

    if run is not None and since is not None:
        raise fail("give --run or --since, not both")
    if since is not None:
        try:
            day = date.fromisoformat(since).isoformat()
        except ValueError:
            raise fail(f"--since {since!r}: expected a date like 2026-01-31") from None
        runs = runs_started_since(db, day)
        if not runs:
            raise fail(f"no run started on or after {day}; see 'minutebook ingest'")
        return runs
    # no --run or --since: every run, of which the page keeps what awaits a decision
    runs = run_by_id(db, run) if run is not None else all_runs(db)
    if not runs:
        raise fail(f"no run {run}" if run is not None else "no runs yet; run 'minutebook ingest'")
    return runs


def report_cmd(
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")] = Path(
        "report.html"
    ),
    db_path: DbOption = DEFAULT_DB,
    run: Annotated[
        int | None,
        typer.Option("--run", help="Report on this run only (default: all not yet reviewed)."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", help="Report on every run started on or after this date."),
    ] = None,
) -> None:
    """Write the clerk's review page: one self-contained HTML file.

    By default it holds everything not yet reviewed (new, changed, removed since the last
    decisions), by document and meeting, with accept / reject / edit buttons and a 'Save
    decisions' button whose file 'minutebook review import' applies. --run and --since
    show what those runs changed instead.
    """
    from minutebook.app.report import render
    from minutebook.store.lineage import align_changes

    db = open_current(db_path)
    runs = _runs(db, run, since)
    align_changes(db)
    pending = run is None and since is None
    label = (
        "not yet reviewed"
        if pending
        else (f"run {runs[0]['id']}" if run is not None else f"runs since {since}")
    )
    html = render(
        db, runs, f"minutebook report: {db_path.name}, {label}", pending=pending, base=out.parent
    )
    try:
        out.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise fail(f"{out}: cannot write the report ({exc.strerror})") from None
    note(f"wrote {out}")
