"""The one CSV writer, and the cell rule that keeps it safe.

Every command that writes CSV writes it here, so a cell a spreadsheet would run as a
formula (OWASP "CSV injection": a cell starting with = + - @ tab or CR) is neutralised the
same way everywhere, and `review import` can undo exactly what export did.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from typing import IO

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
