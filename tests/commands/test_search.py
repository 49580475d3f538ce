"""`minutebook search` as a user meets it: table with document and page, filters, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from minutebook.cli import app

runner = CliRunner()


def test_search_table_names_document_and_page(samples_db: Path) -> None:
    result = runner.invoke(app, ["search", "sufficiency strategy", "--db", str(samples_db)])
    assert result.exit_code == 0, result.stderr
    # Kent Corporate Parenting Panel, page 8: "RESOLVED to endorse the Sufficiency Strategy"
    assert "kent_corporate-parenting-panel_2024-10-29.pdf" in result.stdout
    assert "│ 8 " in result.stdout
    assert "document" in result.stdout
    assert "page" in result.stdout
    assert result.stderr.strip() == "1 records"


def test_search_kind_and_since(samples_db: Path) -> None:
    result = runner.invoke(
        app,
        [
            "search",
            "--kind",
            "action",
            "--since",
            "2022-10",
            "--db",
            str(samples_db),
            "-f",
            "jsonl",
        ],
    )
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    # Surrey's 4 October 2022 actions (18/22-29/22 but 27/22, a recommendation), Manordeilo's
    # and Nipissing's Clerk actions are older or later: only meetings from October 2022 count
    assert {r["kind"] for r in rows} == {"action"}
    assert all(r["meeting_date"] >= "2022-10" for r in rows)
    surrey = {r["code"] for r in rows if r["code"] and r["code"].startswith("CFLLC")}
    assert surrey == {f"CFLLC {n}/22" for n in (18, 19, 20, 21, 22, 23, 24, 25, 26, 28, 29)}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "last year"], "--since 'last year' is not an ISO date"),
        (["--overdue", "--today", "31/12/2024"], "--today '31/12/2024' is not an ISO date"),
        (["--kind", "decision"], "decision"),
    ],
)
def test_search_bad_option_exit_2(samples_db: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["search", "--db", str(samples_db), *args])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr


def test_search_missing_database_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["search", "x", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == f"error: {tmp_path / 'none.db'}: no such database; run 'minutebook ingest' first"
    )
    assert not (tmp_path / "none.db").exists()
