"""Three editions of the Surrey tracker, made from the sample: each row's history in order."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from tests.conftest import SAMPLES
from tests.lifecycle.conftest import events, ingest, recommendation

SAMPLE = (SAMPLES / "surrey_cfllc_tracker_2022-12.txt").read_text(encoding="utf-8")

ROW_27_PROGRESS = (
    "The Committee had an informal meeting with social care staff on 24 November 2022."
)
ROW_21_PROGRESS = "The draft Strategy is on the agenda at the December meeting."
OWNER_23 = "Sinead Mooney, Cabinet Member for Children and Families"
NEW_ROW = (
    "\t<b>CFLLC 30/22:</b> The Director for Safeguarding and Family Resilience to share the"
    " social worker recruitment and retention plan with the Committee.\tMatt Ansell, Director"
    " – Safeguarding and Family\tMarch 2023\tMarch 2023\tNo progress reported.\n"
)


def _replace_once(text: str, old: str, new: str, after: str = "") -> str:
    at = text.index(after) if after else 0
    pos = text.index(old, at)
    return text[:pos] + new + text[pos + len(old) :]


def _edition_1() -> str:
    """November 2022: 27/22 still being arranged; 21/22 due in November."""
    text = SAMPLE.replace("DECEMBER 2022**", "NOVEMBER 2022**")
    text = _replace_once(
        text, ROW_27_PROGRESS, "Informal meetings with social care staff are being arranged."
    )
    text = _replace_once(text, "December 2022\tNovember 2022", "November 2022\tNovember 2022")
    return _replace_once(
        text, ROW_21_PROGRESS, "The draft Strategy is due to come to the Committee in December."
    )


def _edition_3() -> str:
    """January 2023: 21/22 done, 23/22 has a new owner, 29/22 a new deadline, 30/22 added."""
    text = SAMPLE.replace("DECEMBER 2022**", "JANUARY 2023**")
    text = _replace_once(
        text,
        ROW_21_PROGRESS,
        "The final draft Strategy was received by the Committee at its December meeting.",
    )
    text = _replace_once(
        text,
        OWNER_23,
        "Clare Curran, Cabinet Member for Children and Families",
        after="CFLLC 23/22",
    )
    text = _replace_once(text, "<p>2023</p>\t<p>2023</p>", "<p>March 2023</p>\t<p>2023</p>")
    row_26 = text.index("\t<b>CFLLC 26/22:")
    end_26 = text.index("\n", row_26) + 1
    return text[:end_26] + NEW_ROW + text[end_26:]


def _three_editions(tmp_path: Path) -> sqlite_utils.Database:
    paths = []
    for name, text in (
        ("surrey_cfllc_tracker_2023-01.txt", _edition_3()),
        ("surrey_cfllc_tracker_2022-11.txt", _edition_1()),
        ("surrey_cfllc_tracker_2022-12.txt", SAMPLE),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    # ingested newest first: the history's order must come from the editions, not the runs
    return ingest(tmp_path / "m.db", *paths)


def _column(rows: list[dict[str, object]], name: str) -> list[object]:
    return [r[name] for r in rows]


def test_history_editions_made_as_intended(tmp_path: Path) -> None:
    # guard the fixture itself: each edit landed exactly where intended
    assert _edition_1().count("being arranged") == 1
    assert _edition_3().count("CFLLC 30/22") == 1
    assert _edition_3().count("Clare Curran") == 1
    assert _edition_3().count(OWNER_23) == SAMPLE.count(OWNER_23) - 1


def test_history_rows_followed_across_three_editions(tmp_path: Path) -> None:
    db = _three_editions(tmp_path)
    links = list(db.query("select relation, method from record_links"))
    # 15 rows in edition 1 and 2 each follow into the next edition, all on their code
    assert links.count({"relation": "edition", "method": "code"}) == 30
    assert len(links) == 30
    assert db.table("recommendations").count == 16


def test_history_completed_row_is_closed(tmp_path: Path) -> None:
    db = _three_editions(tmp_path)
    history = events(db, "CFLLC 27/22")
    assert _column(history, "date") == ["2022-11", "2022-12", "2023-01"]
    assert _column(history, "status") == ["in progress", "completed", "completed"]
    assert history[0]["progress"] == "Informal meetings with social care staff are being arranged."
    assert history[1]["progress"] == ROW_27_PROGRESS
    rec = recommendation(db, "CFLLC 27/22")
    assert (rec["status"], rec["closed_on"]) == ("completed", "2022-12")


def test_history_progress_and_deadline_changes_in_order(tmp_path: Path) -> None:
    db = _three_editions(tmp_path)
    history = events(db, "CFLLC 21/22")
    assert _column(history, "seq") == [0, 1, 2]
    assert _column(history, "status") == ["in progress", "in progress", "completed"]
    assert _column(history, "deadline") == ["2022-11", "2022-12", "2022-12"]
    assert _column(history, "deadline_was") == [None, "2022-11", None]
    rec = recommendation(db, "CFLLC 21/22")
    assert (rec["status"], rec["closed_on"], rec["deadline"]) == ("completed", "2023-01", "2022-12")

    owner = events(db, "CFLLC 23/22")
    assert _column(owner, "owner_was") == [None, None, OWNER_23]
    assert recommendation(db, "CFLLC 23/22")["current_owner"] == (
        "Clare Curran, Cabinet Member for Children and Families"
    )
    deadline = events(db, "CFLLC 29/22")
    assert _column(deadline, "deadline") == ["2023", "2023", "2023-03"]
    assert deadline[2]["deadline_was"] == "2023"


def test_history_new_row_first_seen_in_edition_3(tmp_path: Path) -> None:
    db = _three_editions(tmp_path)
    rec = recommendation(db, "CFLLC 30/22")
    assert rec["first_seen"] == "2023-01"
    assert str(rec["first_seen_source"]).endswith("surrey_cfllc_tracker_2023-01.txt")
    assert (rec["status"], rec["deadline"], rec["events"]) == ("not started", "2023-03", 1)
    # every other row was on the tracker from the first edition
    firsts = {r["first_seen"] for r in db.query("select first_seen from recommendations")}
    assert firsts == {"2022-11", "2023-01"}


def test_history_rebuild_is_repeatable(tmp_path: Path) -> None:
    from minutebook.lifecycle import rebuild

    db = _three_editions(tmp_path)
    before = list(db.query("select * from recommendations order by id"))
    before_events = list(db.query("select * from recommendation_events order by id"))
    rebuild(db)
    assert list(db.query("select * from recommendations order by id")) == before
    assert list(db.query("select * from recommendation_events order by id")) == before_events
