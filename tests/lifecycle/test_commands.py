"""`minutebook status` and `minutebook links` as a clerk uses them."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from minutebook.cli import app
from minutebook.store import open_db
from tests.conftest import SAMPLES
from tests.lifecycle.conftest import FIXTURES, recommendation

runner = CliRunner()
MINUTES = FIXTURES / "nelincs_cllsp_minutes_2025-11-13.txt"
TRACKER = SAMPLES / "nelincs_cllsp_tracker_2026-01-15.txt"
SURREY = SAMPLES / "surrey_cfllc_tracker_2022-12.txt"


def _ingest(db: Path, *paths: Path) -> None:
    result = runner.invoke(app, ["ingest", *map(str, paths), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.stderr


def test_ingest_builds_the_lifecycle(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    _ingest(db, MINUTES, TRACKER)
    rec = recommendation(open_db(db), "SPCLL.43")
    assert rec["events"] == 2
    assert rec["origin_record_id"] is not None


def test_status_code_shows_the_timeline(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    _ingest(db, MINUTES, TRACKER)
    result = runner.invoke(app, ["status", "SPCLL 43", "--db", str(db), "--as-of", "2026-02-01"])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    # made at the 13 November 2025 meeting, then on the 15 January 2026 tracker
    assert out.index("2025-11-13") < out.index("2026-01-15")
    assert "nelincs_cllsp_minutes_2025-11-13.txt" in out
    assert "made" in out
    assert "tracked" in out
    # 13 Nov 2025 to 1 Feb 2026 is 17 + 31 + 31 + 1 days
    assert "outstanding for 80 days on 2026-02-01" in out


def test_status_overdue_lists_rows_past_their_deadline(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    _ingest(db, SURREY)
    result = runner.invoke(app, ["status", "--overdue", "--db", str(db), "--as-of", "2023-01-15"])
    assert result.exit_code == 0, result.stderr
    # open with a deadline: 21/22 (December 2022) is past; 29/22 (2023) is not yet
    assert "CFLLC 21/22" in result.stdout
    assert "CFLLC 29/22" not in result.stdout
    assert "CFLLC 27/22" not in result.stdout  # past its deadline, but completed
    result = runner.invoke(app, ["status", "--open", "--db", str(db), "--as-of", "2023-01-15"])
    assert "CFLLC 29/22" in result.stdout
    assert "CFLLC 18/22" not in result.stdout


def test_status_errors_are_one_line(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    result = runner.invoke(app, ["status", "--db", str(db)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "minutebook ingest" in result.stderr
    _ingest(db, SURREY)
    result = runner.invoke(app, ["status", "XYZ 1", "--db", str(db)])
    assert result.exit_code == 2  # a code that does not exist: usage (exit-code table)
    assert result.stderr.count("\n") == 1
    assert "'XYZ 1'" in result.stderr
    result = runner.invoke(app, ["status", "--as-of", "soon", "--db", str(db)])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


def _link_ids(db: Path) -> tuple[str, str]:
    row = next(
        open_db(db).query(
            "select l.record_a, l.record_b from record_links l "
            "join records b on b.id = l.record_b where b.code = 'SPCLL.43'"
        )
    )
    return str(row["record_a"]), str(row["record_b"])


def test_links_break_survives_a_rerun(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    _ingest(db, MINUTES, TRACKER)
    clause, row = _link_ids(db)
    listed = runner.invoke(app, ["links", "list", "SPCLL.43", "--db", str(db)])
    assert clause in listed.stdout
    assert "code" in listed.stdout
    result = runner.invoke(app, ["links", "break", clause[:8], row[:8], "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    con = open_db(db)
    assert (
        con.execute("select count(*) from recommendations where code = 'SPCLL.43'").fetchone()[0]
        == 2
    )  # the minute and the tracker row are now followed apart
    _ingest(db, MINUTES, TRACKER)  # a re-run finds the link again, and the decision wins
    con = open_db(db)
    assert (
        con.execute("select count(*) from record_links where record_b = ?", [row]).fetchone()[0]
        == 0
    )
    assert con.table("link_decisions").count == 1
    # the clerk changes their mind: the latest decision counts
    result = runner.invoke(app, ["links", "confirm", clause, row, "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    link = next(open_db(db).query("select * from record_links where record_b = ?", [row]))
    assert (link["method"], link["decision"]) == ("code", "confirm")
    assert open_db(db).table("link_decisions").count == 2


def test_links_confirm_adds_a_link_the_matcher_missed(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    _ingest(db, MINUTES, TRACKER)
    con = open_db(db)
    feb_row = next(con.query("select id from records where code is null and rule like 'tracker:%'"))
    spcll40 = next(
        con.query("select id from records where code = 'SPCLL.40' and rule like 'intro%'")
    )
    result = runner.invoke(
        app, ["links", "confirm", spcll40["id"], feb_row["id"], "--note", "test", "--db", str(db)]
    )
    assert result.exit_code == 0, result.stderr
    link = next(open_db(db).query("select * from record_links where record_b = ?", [feb_row["id"]]))
    assert (link["method"], link["relation"], link["decision"]) == ("clerk", "origin", "confirm")


def test_links_unknown_record_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    _ingest(db, TRACKER)
    result = runner.invoke(app, ["links", "break", "ffffffffff", "eeeeeeeeee", "--db", str(db)])
    assert result.exit_code == 2  # an id that does not exist: usage (exit-code table)
    assert result.stderr.count("\n") == 1
    assert "'ffffffffff'" in result.stderr
