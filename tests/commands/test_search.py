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


def _found(db: Path, query: str) -> set[tuple[str, int, str]]:
    result = runner.invoke(app, ["search", query, "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.stderr.strip() == f"{len(rows)} records"
    return {(r["source"], r["page"], f"{r['item_title']} {r['text']}") for r in rows}


@pytest.mark.parametrize("query", ['"', '""', "*", "(", "-", '" -'])
def test_search_punctuation_alone_finds_nothing_and_never_fails(
    samples_db: Path, query: str
) -> None:
    # issue 14.5: a lone quote crashed with "fts5: syntax error near"
    assert _found(samples_db, query) == set()


@pytest.mark.parametrize(
    ("query", "as_words"),
    [
        ('"sufficiency strategy', '"sufficiency" "strategy"'),
        ("sufficiency-strategy", '"sufficiency-strategy"'),
        ("NOT", '"not"'),
        ("strategy AND", '"strategy" "and"'),
        ("clerk:", '"clerk"'),
    ],
)
def test_search_query_that_is_not_fts5_is_taken_as_its_words(
    samples_db: Path, query: str, as_words: str
) -> None:
    found = _found(samples_db, query)
    assert found
    assert found == _found(samples_db, as_words)


def test_search_or_and_prefix_are_fts5_syntax(samples_db: Path) -> None:
    # issue 14.5: both returned 0 records, their words quoted as if "OR" and "*" were text
    send, strategy = _found(samples_db, "SEND"), _found(samples_db, "strategy")
    assert send
    assert strategy - send  # OR must add records the first word lacks
    assert _found(samples_db, "SEND OR strategy") == send | strategy
    prefixed = _found(samples_db, "strat*")
    assert strategy < prefixed  # "strategic" and "strategies" too
    assert all("strat" in text.lower() for _, _, text in prefixed)
