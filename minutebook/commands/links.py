"""`minutebook links`: see how records were linked, and confirm or break a link.

Decisions are appended to link_decisions and applied on every rebuild, so re-running an
ingest never undoes them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from minutebook.commands import fail, open_current, resolve_id
from minutebook.console import conventions
from minutebook.console.conventions import DEFAULT_DB, App, DbOption
from minutebook.console.output import Format, FormatOption, emit

if TYPE_CHECKING:
    from rich.table import Table

NoteOption = Annotated[str | None, typer.Option("--note", help="Why, for the next clerk.")]
RecordArg = Annotated[str, typer.Argument(help="A record id (or its first 6+ characters).")]


LINK_COLUMNS = (
    "code_a",
    "meeting_a",
    "source_a",
    "code_b",
    "source_b",
    "relation",
    "method",
    "score",
    "decision",
    "record_a",
    "record_b",
)
_PAST = {"confirm": "confirmed", "break": "broke"}


def _decide(db_path: Path, a: str, b: str, decision: str, note: str | None) -> None:
    from minutebook.lifecycle import rebuild
    from minutebook.store.lifecycle import add_decision

    db = open_current(db_path)
    first = resolve_id(db, db_path, a, current_only=True)
    second = resolve_id(db, db_path, b, current_only=True)
    if first == second:
        raise fail("a record cannot be linked to itself; give two different ids", 2)
    add_decision(db, first, second, decision, note)
    result = rebuild(db)
    conventions.note(
        f"{_PAST[decision]} link {first} – {second}; {result.recommendations} recommendations, "
        f"{result.links} links"
    )


def _table(rows: list[dict[str, object]]) -> Table:
    from rich.table import Table

    table = Table(show_lines=False)
    for name in ("relation", "method", "score", "clerk", "from", "to"):
        table.add_column(name, overflow="fold")
    for r in rows:
        table.add_row(
            str(r["relation"]),
            str(r["method"]),
            f"{float(r['score']):.1f}",  # type: ignore[arg-type]
            str(r["decision"] or ""),
            f"{r['record_a']} {r['code_a'] or ''} ({Path(str(r['source_a'])).name})",
            f"{r['record_b']} {r['code_b'] or ''} ({Path(str(r['source_b'])).name})",
        )
    return table


def register(app: typer.Typer) -> None:
    links = App(
        help="How records were linked into recommendations; confirm or break a link.",
        epilog="Example: minutebook links list 'SPCLL 43' --db minutebook.db",
    )

    @links.command("list", epilog="Example: minutebook links list 'SPCLL 43' --db minutebook.db")
    def list_cmd(
        code: Annotated[str | None, typer.Argument(help="Only links of this code.")] = None,
        db_path: DbOption = DEFAULT_DB,
        fmt: FormatOption = Format.table,
    ) -> None:
        """Every link: which records, how it was made (code, text, clerk) and its score."""
        from minutebook.lifecycle.links import code_key
        from minutebook.store.lifecycle import links_with_sources

        db = open_current(db_path)
        rows = links_with_sources(db)
        if code is not None:
            key = code_key(code)
            rows = [r for r in rows if key in (code_key(r["code_a"]), code_key(r["code_b"]))]
        emit(fmt, LINK_COLUMNS, rows, lambda: _table(rows))

    @links.command(
        "confirm", epilog="Example: minutebook links confirm 5ca15996ca1a bb48483c1ed3 --db m.db"
    )
    def confirm_cmd(
        record_a: RecordArg,
        record_b: RecordArg,
        note: NoteOption = None,
        db_path: DbOption = DEFAULT_DB,
    ) -> None:
        """Say two records are the same recommendation (kept across re-runs)."""
        _decide(db_path, record_a, record_b, "confirm", note)

    @links.command(
        "break", epilog="Example: minutebook links break 5ca15996ca1a bb48483c1ed3 --db m.db"
    )
    def break_cmd(
        record_a: RecordArg,
        record_b: RecordArg,
        note: NoteOption = None,
        db_path: DbOption = DEFAULT_DB,
    ) -> None:
        """Say two linked records are not the same recommendation (kept across re-runs)."""
        _decide(db_path, record_a, record_b, "break", note)

    app.add_typer(links, name="links")
