"""Rows for people and scripts: every listing command prints through emit().

CSV goes through app/spreadsheet.py, the one CSV writer, so its cells are safe to open.
"""

from __future__ import annotations

import enum
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Annotated

import typer

from minutebook.app.spreadsheet import write_csv

if TYPE_CHECKING:  # rich is imported when a table is printed: every command imports this
    from rich.console import RenderableType
    from rich.table import Table


class Format(enum.StrEnum):
    """How a listing command prints its rows: every one offers all four."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="table for people; json, jsonl or csv for scripts and spreadsheets.",
    ),
]
ExcelOption = Annotated[
    bool,
    typer.Option(
        "--excel",
        help="With --format csv: a byte-order mark, so Excel reads UTF-8 (dates stay ISO).",
    ),
]


def emit(
    fmt: Format,
    columns: Sequence[str],
    rows: Sequence[Mapping[str, object]],
    table: Callable[[], RenderableType],
    *,
    excel: bool = False,
    out: IO[str] | None = None,
) -> None:
    """Print rows in fmt: machine formats keep `columns` in order; table is for people."""
    stream = out or sys.stdout
    if fmt is Format.csv:
        write_csv(stream, columns, rows, excel=excel)
    elif fmt is Format.json:
        data = [{c: row.get(c) for c in columns} for row in rows]
        stream.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    elif fmt is Format.jsonl:
        for row in rows:
            stream.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n")
    else:
        from rich.console import Console

        console = Console()
        # piped output has no terminal width; give the table room instead of folding cells
        (console if console.is_terminal else Console(width=200)).print(table())


def plain_table(columns: Sequence[str], rows: Sequence[Mapping[str, object]]) -> Table:
    """A table of the columns as they are, for listings with no layout of their own."""
    from rich.table import Table

    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
    return table
