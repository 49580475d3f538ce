"""`minutebook export --view`: any view as CSV or JSON, columns in the view's own order."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from minutebook.cli import app
from minutebook.store import open_db

runner = CliRunner()


def test_export_view_csv_and_json_agree(samples_db: Path) -> None:
    as_csv = runner.invoke(app, ["export", "--db", str(samples_db), "--view", "open_items"])
    as_json = runner.invoke(
        app, ["export", "--db", str(samples_db), "--view", "open_items", "-f", "json"]
    )
    assert as_csv.exit_code == as_json.exit_code == 0, as_csv.stderr + as_json.stderr
    reader = csv.DictReader(io.StringIO(as_csv.stdout))
    rows = list(reader)
    data = json.loads(as_json.stdout)
    header = ["kind", "code", "item_title", "text", "recipient", "owner", "deadline"]
    assert reader.fieldnames is not None
    assert reader.fieldnames[:7] == header
    assert [list(r) for r in data] == [reader.fieldnames] * len(data)
    assert [r["id"] for r in rows] == [r["id"] for r in data]
    # Surrey's open tracker rows are among them; its circulated responses are not
    codes = {r["code"] for r in rows}
    assert "CFLLC 21/22" in codes
    assert "CFLLC 18/22" not in codes


def test_export_empty_view_still_has_header(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    open_db(db).close()
    result = runner.invoke(app, ["export", "--db", str(db), "--view", "overdue"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("kind,code,item_title,text")


def test_export_unknown_view_exit_2(samples_db: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(samples_db), "--view", "records"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no view 'records'; choose one of: effective_records, open_items" in result.stderr
