"""Datasette in process on the samples database: tables, views, metadata and FTS answer."""

from __future__ import annotations

import asyncio
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from minutebook.cli import app
from minutebook.commands.serve import make_datasette, metadata_text
from minutebook.store import open_db
from minutebook.store.analytics import view_names

runner = CliRunner()


def _get_all(db_path: Path, urls: list[str]) -> list[Any]:
    """GET each URL from an in-process Datasette (no socket), returning the parsed JSON."""

    async def fetch() -> list[Any]:
        ds = make_datasette(db_path)
        out = []
        for url in urls:
            response = await ds.client.get(url)
            assert response.status_code == 200, (url, response.text[:300])
            out.append(response.json())
        return out

    return asyncio.run(fetch())


@pytest.fixture(scope="module")
def served(samples_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    # a copy under another name: metadata must follow the file's name, not "minutebook"
    path = tmp_path_factory.mktemp("serve") / "council.db"
    shutil.copy(samples_db, path)
    return path


def test_serve_lists_tables_and_views(served: Path) -> None:
    (database,) = _get_all(served, ["/council.json"])
    tables = {t["name"]: t for t in database["tables"]}
    assert {"records", "documents", "runs", "failures", "recommendations"} <= set(tables)
    assert tables["records"]["fts_table"] == "records_fts"
    assert {v["name"] for v in database["views"]} >= set(view_names())


def test_serve_metadata_and_fts_answer(served: Path) -> None:
    metadata, search, overdue_for, open_items = _get_all(
        served,
        [
            "/-/metadata.json",
            "/council/records.json?_search=tribunal&_shape=array",
            "/council/overdue_for.json?owner=Chris+Tisdall&today=2024-01-01&_shape=array",
            "/council/open_items.json?kind=recommendation&recipient=Cabinet&_shape=array",
        ],
    )
    described = metadata["databases"]["council"]["tables"]
    assert described["open_items"]["title"] == "Open recommendations and actions"
    assert "status vocabulary" in described["open_items"]["description"]
    # Surrey CFLLC 18/22: "... the last academic year of tribunal cases ..."
    assert [r["code"] for r in search] == ["CFLLC 18/22"]
    # Chris Tisdall owns 28/22 (no deadline) and 29/22 (due 2023): overdue on 1 January 2024
    assert [r["code"] for r in overdue_for] == ["CFLLC 29/22"]
    assert [r["code"] for r in open_items] == ["SPCLL.43"]


def test_serve_canned_search_query(served: Path) -> None:
    (rows,) = _get_all(served, ["/council/search_records.json?q=SEND&since=2022&_shape=array"])
    # Surrey's SEND recommendations, and nothing that does not mention SEND or is older
    assert {f"CFLLC {n}/22" for n in (18, 19, 20, 21)} <= {r["code"] for r in rows}
    for r in rows:
        assert "send" in " ".join(str(v) for v in r.values()).lower()


def test_serve_metadata_describes_every_table_view_and_column(samples_db: Path) -> None:
    db = open_db(samples_db)
    tables = yaml.safe_load(metadata_text())["databases"]["minutebook"]["tables"]
    names = [
        n
        for n in db.table_names() + db.view_names()
        if not n.startswith("records_fts")  # the FTS table and SQLite's shadow tables
    ]
    for name in names:
        assert tables.get(name, {}).get("description"), f"{name} has no description"
        if name in view_names() or name == "records":
            assert tables[name].get("title"), f"{name} has no title"
        columns = tables[name].get("columns", {})
        for column in db[name].columns_dict:
            assert columns.get(column), f"{name}.{column} has no description"
    queries = yaml.safe_load(metadata_text())["databases"]["minutebook"]["queries"]
    assert all(q["title"] and q["description"] and q["sql"] for q in queries.values())


def test_serve_write_metadata(tmp_path: Path) -> None:
    target = tmp_path / "metadata.yml"
    result = runner.invoke(app, ["serve", "--write-metadata", str(target)])
    assert result.exit_code == 0, result.stderr
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["title"] == "minutebook"


def test_serve_without_datasette_says_how_to_install(
    served: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "datasette.app", None)  # import now raises ImportError
    result = runner.invoke(app, ["serve", "--db", str(served)])
    assert result.exit_code == 2  # a missing optional extra: usage (exit-code table)
    assert result.stderr.strip() == (
        f"error: {served}: Datasette is not installed; run: pip install 'minutebook[datasette]'"
    )


def test_serve_missing_database_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "no such database" in result.stderr
