"""CSV for spreadsheets (issue 14 item 2): no cell runs as a formula, and the round trip holds.

The hostile minutes are the issue's reproduction: item titles and clauses that start with
=, @ and -, and one that already starts with an apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from minutebook.app.spreadsheet import csv_cell, uncsv_cell
from minutebook.cli import app

runner = CliRunner()
HOSTILE = Path(__file__).resolve().parent / "fixtures" / "issue-14-formula-minutes.txt"
# as written in the fixture, so a reader can check them against the file
HYPERLINK = '=HYPERLINK("http://evil.example","click")'
SUM = "@SUM(1+1)*cmd ' /C calc'!A0"


def mb(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture
def hostile_db(tmp_path: Path) -> Path:
    db = tmp_path / "m.db"
    mb("ingest", str(HOSTILE), "--db", str(db), "--workers", "1", "--quiet")
    return db


def _cells(csv_text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(csv_text)) for cell in row]


def _formulas(cells: list[str]) -> list[str]:
    return [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (HYPERLINK, "'" + HYPERLINK),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("@SUM(A1:A3)", "'@SUM(A1:A3)"),
        ("-2+3", "'-2+3"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("'already quoted", "''already quoted"),
        ("That the report be noted.", "That the report be noted."),
        (3, 3),
        (None, None),
    ],
)
def test_output_csv_cell_neutralises_formulas(value: object, cell: object) -> None:
    assert csv_cell(value) == cell


@given(st.text())
def test_output_uncsv_cell_undoes_csv_cell_exactly(text: str) -> None:
    cell = csv_cell(text)
    assert isinstance(cell, str)
    assert uncsv_cell(cell) == text


def test_output_export_csv_has_no_formula_cells(hostile_db: Path) -> None:
    cells = _cells(mb("export", "--db", str(hostile_db), "--format", "csv"))
    assert "'" + HYPERLINK in cells
    assert "'" + SUM in cells
    assert "'-2+3" in cells
    assert _formulas(cells) == []


def test_output_review_export_has_no_formula_cells(hostile_db: Path) -> None:
    cells = _cells(mb("review", "export", "--db", str(hostile_db)))
    assert "'" + HYPERLINK in cells
    assert _formulas(cells) == []


def test_output_review_round_trip_gives_back_the_original_text(
    hostile_db: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "review.csv"
    mb("review", "export", "--db", str(hostile_db), "--out", str(sheet))
    with sheet.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    # the clerk accepts every record and changes nothing else
    for row in rows:
        row["decision"] = "accept"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = runner.invoke(app, ["review", "import", str(sheet), "--db", str(hostile_db)])
    assert result.exit_code == 0, result.stderr
    assert "0 fields edited" in result.stderr
    records = json.loads(mb("export", "--db", str(hostile_db), "-f", "json"))
    texts = {r["text"] for r in records}
    assert HYPERLINK + " be renewed." in texts
    assert SUM in texts
    assert "'=quoted already." in texts
    assert {r["review_state"] for r in records} == {"accepted"}
