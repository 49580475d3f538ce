"""Datasette in process on the samples database: tables, views, metadata and FTS answer."""

from __future__ import annotations

import asyncio
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
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
CHROMIUM = Path("/usr/bin/chromium")


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


def test_serve_column_descriptions_are_folded(served: Path) -> None:
    async def fetch() -> str:
        response = await make_datasette(served).client.get("/council/open_items")
        assert response.status_code == 200
        return str(response.text)

    html = asyncio.run(fetch())
    # Datasette's list of every column above the rows is gone; the same text is one click away
    assert '<dl class="column-descriptions">' not in html
    folded = html.index('<details class="column-descriptions">')
    assert "<details open" not in html
    assert "What the 17 columns hold" in html
    assert "Last day of the deadline" in html[folded:]
    assert folded < html.index('<table class="rows-and-columns">')


@pytest.fixture
def live_server(served: Path) -> Iterator[str]:
    """`minutebook serve` as a user starts it, on a free local port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "minutebook", "serve", "--db", str(served), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url + "/-/versions.json", timeout=2).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(proc.stderr.read() if proc.stderr else "") from None
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        if proc.stderr:
            proc.stderr.close()


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium; .ci/run installs it (apt-get)"
)
def test_serve_rows_start_on_the_first_screen(live_server: str) -> None:
    from playwright.sync_api import sync_playwright

    height = 800  # a laptop's browser window
    tops = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": height})
            for name in ["records", *view_names()]:
                page.goto(f"{live_server}/council/{name}")
                row = page.locator("table.rows-and-columns tbody tr").first
                box = row.bounding_box()
                assert box is not None, name
                tops[name] = box["y"]
            # at least a line of the first row shows without scrolling, on every table and view
            assert {n: t for n, t in tops.items() if t + 24 > height} == {}
            # the descriptions open on a click, and are then read above the rows
            page.goto(f"{live_server}/council/open_items")
            page.click("details.column-descriptions summary")
            assert page.is_visible("details.column-descriptions dd >> text=Last day of")
        finally:
            browser.close()
