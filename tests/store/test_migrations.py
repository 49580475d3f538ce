"""A database written by an older minutebook opens, upgrades once, and says so.

The v1 database is a SQL dump of what schema v1 wrote (tests/fixtures/schema-v1.sql), and
tests/fixtures/schema-v6.db is a file the 0.1.0 release at schema v6 wrote (`minutebook
ingest` of four samples, one `review accept`): neither is built by the code under test.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from minutebook.errors import StoreError
from minutebook.lifecycle import rebuild
from minutebook.store import open_db, schema
from minutebook.store.analytics import Filters, search, view_names
from minutebook.store.schema import MIGRATIONS, SCHEMA_VERSION, schema_version

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
V1_DUMP = FIXTURES / "schema-v1.sql"
V6_FILE = FIXTURES / "schema-v6.db"


@pytest.fixture
def v1_db(tmp_path: Path) -> Path:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(V1_DUMP.read_text(encoding="utf-8"))
    conn.close()
    return path


def _raw(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_migrations_fixture_is_v1(v1_db: Path) -> None:
    assert _raw(v1_db, "pragma user_version") == [(1,)]
    names = {n for (n,) in _raw(v1_db, "select name from sqlite_master where type = 'view'")}
    assert names == set()
    assert _raw(v1_db, "select count(*) from records") == [(30,)]


def test_migrations_v1_upgrades_with_one_message(
    v1_db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="minutebook.store"):
        db = open_db(v1_db)
    assert [r.getMessage() for r in caplog.records] == [
        f"upgraded {v1_db} from schema v1 to v{SCHEMA_VERSION}"
    ]
    assert schema_version(db) == SCHEMA_VERSION
    assert set(view_names()) <= set(db.view_names())
    db.close()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="minutebook.store"):
        open_db(v1_db).close()
    assert caplog.records == []  # already current: nothing to say


def test_migrations_v1_rows_kept_and_searchable(v1_db: Path) -> None:
    before = _raw(v1_db, "select * from records order by id")
    db = open_db(v1_db)
    after = db.execute("select * from records order by id").fetchall()
    # v7 adds tracker_row after the v1 columns; those keep every value
    assert [row[: len(before[0])] for row in after] == before
    # rows written before FTS existed are indexed by the migration (Surrey tracker, SEND Strategy)
    rows = search(db, "SEND", Filters(since="2022"))
    assert {r["code"] for r in rows} == {f"CFLLC {n}/22" for n in (18, 19, 20, 21)}
    # NE Lincolnshire tracker: SPCLL.43 has no progress yet, SPCLL.40 "approved by Cabinet";
    # open comes from the lifecycle build, which every command makes when it is stale
    rebuild(db)
    open_to_cabinet = db.query(
        "select code from open_items where kind = 'recommendation' and recipient = 'Cabinet'"
    )
    assert [r["code"] for r in open_to_cabinet] == ["SPCLL.43"]


def test_migrations_fresh_database_says_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="minutebook.store"):
        db = open_db(tmp_path / "new.db")
    assert caplog.records == []
    assert schema_version(db) == SCHEMA_VERSION


def test_migrations_newer_database_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"pragma user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this minutebook"):
        open_db(path)


def test_migrations_cli_prints_upgrade_on_stderr(v1_db: Path) -> None:
    """What a user sees: `python -m minutebook` sets up logging, so this runs the real thing."""
    env = {**os.environ, "PYTHONWARNINGS": "error"}
    proc = subprocess.run(
        [sys.executable, "-m", "minutebook", "search", "SEND", "--db", str(v1_db), "-f", "jsonl"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert f"upgraded {v1_db} from schema v1 to v{SCHEMA_VERSION}" in proc.stderr
    assert "upgraded" not in proc.stdout
    assert len(proc.stdout.splitlines()) == 6  # CFLLC 1/20, 3/21, 18/22-21/22


def _schema(path: Path) -> set[tuple[object, ...]]:
    return set(_raw(path, "select type, name, tbl_name, sql from sqlite_master"))


# What each released version leaves on an empty database: the sha256 of its sqlite_master
# (type, name, table, SQL), where SQLite keeps each CREATE as the script wrote it, spaces
# and all. So no edit of a released migration can pass unseen, not even one that gives
# the same rows: a database that version made would no longer be the one the next
# migration expects, nor an upgraded database the fresh one. Pinned from main; 1 and 6 are
# also checked against the files those releases wrote (below). 0008 was edited once after
# it landed (f64e52b: the standing views read recommendation_standing instead of a pasted
# copy of it, the same rows); databases made in between keep the older text. A new
# version adds its line; an old line never changes, a new migration does the work.
RELEASED_SCHEMAS = {
    1: "13be284740d4478c6a9fc9ef72d8f22c61c4c24d2b71bc9b023d73375b3e4ddd",
    2: "807f3666002853eb0097838692f6f6927c7058a5c2db6d9ced25386ebbb7bb04",
    3: "9fdae3eaed866b5d102b7ba75576f5b45288a84f03804bdc9734c3d9b9029829",
    4: "fb0eeb8ddcb5a9c230f617bc0b55551c2f5eb3078eff80ea98935fc378cd545d",
    5: "61525bc74e748c2b08786ab3bdffdb73735e9af6cf7d40d8133e5111198e8013",
    6: "9209f1de446137ea0ad11a7ec8c21fef8fb50a172b0f3212af63da73a9ecd597",
    7: "f443e4d5a352d749fdea48d5466a1b92f64e1e0993628a3c3f42a1dfe37b4d82",
    8: "da9beea7841d7c185b829b5cf5f19c28d93d79c20449414c2ef7a21135759d5e",
    9: "7156120f56679982810ae5a70242f3281acd5f61d71fb474e717502a099fd31f",
}


def _schema_text(conn: sqlite3.Connection) -> str:
    rows = conn.execute("select type, name, tbl_name, coalesce(sql, '') from sqlite_master")
    return "\n".join("\t".join(row) for row in sorted(rows.fetchall()))


def _schemas_by_version() -> dict[int, str]:
    """The schema after each migration, applied in order to one empty database."""
    db = sqlite_utils.Database(memory=True)
    out = {}
    for version in range(1, SCHEMA_VERSION + 1):
        schema._apply(db, version)
        out[version] = _schema_text(db.conn)
    return out


def test_migrations_released_versions_keep_the_schema_they_shipped() -> None:
    assert list(RELEASED_SCHEMAS) == list(range(1, SCHEMA_VERSION + 1)), (
        "each migration pins its schema in RELEASED_SCHEMAS"
    )
    for version, text in _schemas_by_version().items():
        migration = MIGRATIONS[version - 1]
        name = migration if isinstance(migration, str) else migration.__name__
        assert hashlib.sha256(text.encode()).hexdigest() == RELEASED_SCHEMAS[version], (
            f"schema v{version} ({name}) is not what it was released as; released "
            "migrations are frozen: put the change in a new migration"
        )


def test_migrations_release_files_hold_the_schema_their_version_builds(v1_db: Path) -> None:
    """The pins come from this code; these files come from the releases themselves."""
    built = _schemas_by_version()
    for version, path in ((1, v1_db), (6, V6_FILE)):
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            assert conn.execute("pragma user_version").fetchone() == (version,)
            assert _schema_text(conn) == built[version], path.name
        finally:
            conn.close()


@pytest.fixture
def v6_db(tmp_path: Path) -> Path:
    path = tmp_path / "release.db"
    shutil.copy(V6_FILE, path)  # a copy: opening it writes (WAL files, the upgrade)
    return path


@pytest.mark.parametrize("old", ["v1_db", "v6_db"])
def test_migrations_old_database_upgrades_to_the_fresh_schema(
    old: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    path: Path = request.getfixturevalue(old)
    open_db(path).close()
    open_db(tmp_path / "fresh.db").close()
    assert _schema(path) == _schema(tmp_path / "fresh.db")
    assert _raw(path, "pragma user_version") == [(SCHEMA_VERSION,)]


def test_migrations_release_database_keeps_its_rows_and_reviews(v6_db: Path) -> None:
    before = {t: _raw(v6_db, f"select count(*) from {t}") for t in ("records", "reviews", "runs")}
    db = open_db(v6_db)
    for table, count in before.items():
        assert db.execute(f"select count(*) from {table}").fetchall() == count
    assert [
        r["review_state"]
        for r in db.query("select * from reviewed_records where review_state is not null")
    ] == ["accepted"]


def test_migrations_v7_marks_the_release_tracker_rows(v6_db: Path) -> None:
    db = open_db(v6_db)
    rows = list(db.query("select rule, tracker_row from records"))
    trackers = [r for r in rows if r["tracker_row"]]
    assert trackers
    assert all(r["rule"].startswith("tracker:") == bool(r["tracker_row"]) for r in rows)
    assert "tracker_row" in db.view("reviewed_records").columns_dict
