"""`minutebook search`: full-text search over the records, with the analysts' filters."""

from __future__ import annotations

import enum
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from minutebook.commands import fail, open_current
from minutebook.console.conventions import DEFAULT_DB, DbOption, note
from minutebook.console.output import Format, FormatOption, emit
from minutebook.store.analytics import SEARCH_COLUMNS, Filters, is_iso_prefix, search

if TYPE_CHECKING:
    from rich.table import Table


class Kind(enum.StrEnum):
    resolution = "resolution"
    recommendation = "recommendation"
    action = "action"


EXAMPLE = 'Example: minutebook search "SEND" --since 2022 --db minutebook.db'


def search_cmd(
    query: Annotated[
        str | None,
        typer.Argument(
            help="Words that must all occur in the text or item title (optional); FTS5 "
            'syntax also works: "SEND OR strategy", strat*, "a phrase".'
        ),
    ] = None,
    db_path: DbOption = DEFAULT_DB,
    kind: Annotated[Kind | None, typer.Option("--kind", help="Only this kind.")] = None,
    owner: Annotated[
        str | None, typer.Option("--owner", help="Owner contains this (any case).")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", help="Meeting on or after this ISO date or prefix (2022, 2022-10)."
        ),
    ] = None,
    open_only: Annotated[
        bool, typer.Option("--open", help="Only recommendations and actions still open.")
    ] = False,
    overdue: Annotated[
        bool, typer.Option("--overdue", help="Only open items whose deadline has passed.")
    ] = False,
    today: Annotated[
        str | None,
        typer.Option("--today", help="With --overdue: the day to judge by (default: today)."),
    ] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Find records by words and filters; prints each with its document and page."""
    if since is not None and not is_iso_prefix(since):
        raise fail(f"--since {since!r} is not an ISO date or prefix; try --since 2022-10")
    try:
        day = date.fromisoformat(today) if today else date.today()
    except ValueError:
        raise fail(f"--today {today!r} is not an ISO date; try --today 2024-01-31") from None
    db = open_current(db_path)
    filters = Filters(
        kind=kind.value if kind else None,
        owner=owner,
        since=since,
        open_only=open_only,
        overdue_on=day if overdue else None,
    )
    rows = search(db, query, filters)
    emit(fmt, SEARCH_COLUMNS, rows, lambda: _table(rows))
    note(f"{len(rows)} records")


def _table(rows: list[dict[str, Any]]) -> Table:
    from rich.table import Table

    table = Table(show_lines=True)
    widths = {"code": 12, "owner": 24, "text": 60}
    for name in ("kind", "code", "meeting", "owner", "deadline", "text", "document", "page"):
        table.add_column(
            name,
            overflow="fold",
            max_width=widths.get(name),
            no_wrap=name in {"code", "document", "page"},
        )
    for r in rows:
        table.add_row(
            r["kind"],
            r["code"] or "",
            r["meeting_date"] or "",
            r["owner"] or "",
            r["deadline"] or "",
            r["text"],
            Path(r["source"]).name,
            str(r["page"]),
        )
    return table


def register(app: typer.Typer) -> None:
    app.command("search", epilog=EXAMPLE)(search_cmd)
