"""`minutebook status`: a recommendation's history as a timeline, and the open or overdue list."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from minutebook.commands import fail, open_current
from minutebook.console.conventions import DEFAULT_DB, DbOption
from minutebook.console.output import Format, FormatOption, emit
from minutebook.store.standing import standings

# rich, the pydantic models and the lifecycle are imported where used: every command's
# module is imported for `minutebook --help`
if TYPE_CHECKING:
    import sqlite_utils
    from rich.console import Console
    from rich.table import Table

    from minutebook.models.lifecycle import Recommendation, RecommendationEvent, Standing

EXAMPLE = "Example: minutebook status 'SPCLL 43' --db minutebook.db"
STATUS_STYLE = {
    "completed": "green",
    "in progress": "yellow",
    "not started": "red",
    "no longer required": "dim",
}


def _console() -> Console:
    from rich.console import Console

    # piped output has no terminal width; give the timeline room instead of folding every cell
    console = Console()
    return console if console.is_terminal else Console(width=160)


def _as_of(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(f"--as-of {value!r} is not a date; use YYYY-MM-DD") from None


def standing_on(db: sqlite_utils.Database, as_of: date) -> dict[str, Standing]:
    """Recommendation id -> open, overdue, completed or withdrawn on as_of (store/standing.py)."""
    return {row["id"]: row["standing"] for row in standings(db, as_of)}


def _due_line(rec: Recommendation, as_of: date, standing: Standing) -> str:
    from minutebook.lifecycle.due import days_outstanding, is_open

    if not is_open(rec):
        return f"closed {rec.closed_on or '(date unknown)'}"
    parts = []
    days = days_outstanding(rec, as_of)
    if days is not None:
        parts.append(f"outstanding for {days} days on {as_of.isoformat()}")
    if standing == "overdue":
        parts.append(f"past deadline {rec.deadline}")
    return "; ".join(parts) or "open"


def _changes(event: RecommendationEvent) -> str:
    out = []
    if event.owner_was:
        out.append(f"owner: {event.owner_was} → {event.owner}")
    if event.deadline_was:
        out.append(f"deadline: {event.deadline_was} → {event.deadline or 'none'}")
    return "\n".join(out)


def timeline(
    rec: Recommendation, events: list[RecommendationEvent], as_of: date, standing: Standing
) -> Table:
    from rich.table import Table
    from rich.text import Text

    title = Text(f"{rec.code or rec.id}  ", style="bold")
    title.append(rec.status, style=STATUS_STYLE[rec.status])
    title.append(f"  ({_due_line(rec, as_of, standing)})")
    caption = (
        f"{rec.id} · {rec.kind} · owner: {rec.current_owner or '-'} · "
        f"deadline: {rec.deadline or '-'}\n{rec.text}"
    )
    table = Table(title=title, caption=caption, caption_justify="left", show_lines=True)
    for name, width in (("date", 10), ("", 2), ("event", 8), ("status", 18)):
        table.add_column(name, no_wrap=True, min_width=width)
    table.add_column("progress (original words)", overflow="fold", ratio=3)
    table.add_column("changes", overflow="fold", ratio=1)
    table.add_column("document", overflow="fold", ratio=1)
    for e in events:
        words = f" [{e.status_words}]" if e.status_words else ""
        table.add_row(
            e.date or "?",
            Text("●", style=STATUS_STYLE[e.status]),
            e.event,
            Text(e.status, style=STATUS_STYLE[e.status]),
            (e.progress or "-") + words,
            _changes(e),
            Path(e.source).name,
        )
    return table


def listing(
    recs: list[Recommendation], as_of: date, title: str, standing: dict[str, Standing]
) -> Table:
    from rich.table import Table
    from rich.text import Text

    from minutebook.lifecycle.due import days_outstanding

    table = Table(title=title, show_lines=False)
    for name in ("code", "status", "first seen", "owner", "deadline", "days open", "text"):
        table.add_column(name, overflow="fold", max_width=60 if name == "text" else 28)
    for rec in recs:
        overdue = standing[rec.id] == "overdue"
        days = days_outstanding(rec, as_of)
        table.add_row(
            rec.code or rec.id,
            Text(rec.status, style=STATUS_STYLE[rec.status]),
            rec.first_seen or "?",
            rec.current_owner or "-",
            Text(
                (rec.deadline or "-") + (" PAST" if overdue else ""), style="red" if overdue else ""
            ),
            "" if days is None else str(days),
            rec.text if len(rec.text) <= 120 else rec.text[:117] + "...",
        )
    return table


def _matching(recs: list[Recommendation], code: str) -> list[Recommendation]:
    from minutebook.lifecycle.links import code_key

    key = code_key(code)
    if code.startswith("rec-"):  # an id, or its first characters as `links` accepts
        return [r for r in recs if r.id.startswith(code)]
    return [r for r in recs if key and code_key(r.code) == key]


# machine formats: where each recommendation stands, person columns first
LIST_COLUMNS = (
    *("committee", "code", "kind", "text", "owner", "deadline", "status", "standing"),
    *("days_open", "first_seen", "last_update", "closed_on", "status_words", "source"),
    *("id", "latest_record_id"),
)


def _chosen(
    recs: list[Recommendation], standing: dict[str, Standing], flags: tuple[bool, bool], day: str
) -> tuple[list[Recommendation], str]:
    open_only, overdue = flags
    if overdue:
        chosen = [r for r in recs if standing[r.id] == "overdue"]
        return chosen, f"Past deadline on {day}: {len(chosen)}"
    if open_only:
        chosen = [r for r in recs if standing[r.id] in ("open", "overdue")]
        return chosen, f"Open on {day}: {len(chosen)}"
    return recs, f"All recommendations and actions followed: {len(recs)}"


def _rows(
    db: sqlite_utils.Database, chosen: list[Recommendation], day: date
) -> list[dict[str, Any]]:
    from minutebook.lifecycle.due import days_outstanding

    by_id = {row["id"]: row for row in standings(db, day)}
    return [by_id[r.id] | {"days_open": days_outstanding(r, day)} for r in chosen]


def register(app: typer.Typer) -> None:
    @app.command("status", epilog=EXAMPLE)
    def status_cmd(
        code: Annotated[
            str | None, typer.Argument(help="A code ('SPCLL.43', 'CFLLC 21/22') or rec- id.")
        ] = None,
        open_only: Annotated[bool, typer.Option("--open", help="List open ones.")] = False,
        overdue: Annotated[
            bool, typer.Option("--overdue", help="List open ones past their deadline.")
        ] = False,
        as_of: Annotated[
            str | None, typer.Option("--as-of", help="Count days and deadlines to this date.")
        ] = None,
        refresh: Annotated[
            bool, typer.Option("--refresh", help="Relink and rebuild the histories first.")
        ] = False,
        db_path: DbOption = DEFAULT_DB,
        fmt: FormatOption = Format.table,
    ) -> None:
        """Follow recommendations across minutes and trackers: a timeline, or open/overdue ones."""
        from rich.console import Group

        from minutebook.models.lifecycle import RecommendationEvent
        from minutebook.store.lifecycle import events_of, recommendations

        day = _as_of(as_of)
        db = open_current(db_path, refresh)
        recs = recommendations(db)
        standing = standing_on(db, day)
        if code is not None:
            found = _matching(recs, code)
            if not found:
                raise fail(
                    f"{db_path}: no recommendation with code {code!r}; "
                    "list them with 'minutebook status --open'"
                )
            events = [(rec, events_of(db, rec.id)) for rec in found]
            emit(
                fmt,
                tuple(RecommendationEvent.model_fields),
                [e.model_dump() for _, evs in events for e in evs],
                lambda: Group(*(timeline(r, evs, day, standing[r.id]) for r, evs in events)),
            )
            return
        chosen, title = _chosen(recs, standing, (open_only, overdue), day.isoformat())
        emit(
            fmt, LIST_COLUMNS, _rows(db, chosen, day), lambda: listing(chosen, day, title, standing)
        )
