"""Rows for people and scripts: the one CSV writer, and the cell rule that keeps it safe.

Every command that writes CSV writes it here, so a cell a spreadsheet would run as a
formula (OWASP "CSV injection": a cell starting with = + - @ tab or CR) is neutralised the
same way everywhere, and `review import` can undo exactly what export did.
"""

from __future__ import annotations

import csv
import enum
import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import IO, Annotated

import typer
from rich.console import Console, RenderableType
from rich.table import Table

# what makes Excel, LibreOffice and Google Sheets read a cell as a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# OWASP's neutraliser: a leading apostrophe makes a spreadsheet show the cell as text
QUOTE = "'"
# Excel reads a CSV as UTF-8 only when it starts with a byte-order mark; without one, curly
# quotes and dashes from the minutes come out as mojibake
BOM = "\ufeff"


def csv_cell(value: object) -> object:
    """A value as a CSV cell that no spreadsheet runs as a formula.

    A text starting with a formula character gets a leading apostrophe. So does a text that
    already starts with one, so that uncsv_cell can tell the two apart and the round trip
    gives back the original text exactly. Numbers are left alone: they are not formulas.
    """
    if isinstance(value, str) and value.startswith((*FORMULA_STARTS, QUOTE)):
        return QUOTE + value
    return value


def uncsv_cell(text: str) -> str:
    """The original text of a cell csv_cell wrote (an inverse: uncsv(csv(x)) == x)."""
    return text[1:] if text.startswith(QUOTE) else text


def write_csv(
    out: IO[str],
    columns: Sequence[str],
    rows: Iterable[Mapping[str, object]],
    *,
    excel: bool = False,
) -> None:
    """Rows as CSV with a header, every text cell made safe; excel=True adds the BOM."""
    if excel:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(c)) for c in columns])


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
        console = Console()
        # piped output has no terminal width; give the table room instead of folding cells
        (console if console.is_terminal else Console(width=200)).print(table())


def plain_table(columns: Sequence[str], rows: Sequence[Mapping[str, object]]) -> Table:
    """A table of the columns as they are, for listings with no layout of their own."""
    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
    return table
