"""FTS kept current on upsert, the open/overdue rule (v5), views on effective values.

Expected codes come from reading the tracker documents in samples/, not from the code.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from minutebook.extract import describe, extract
from minutebook.ingest import load
from minutebook.lifecycle import rebuild
from minutebook.store import open_db, upsert
from minutebook.store.analytics import VIEWS, Filters, overdue, search, view_names, view_rows
from tests.conftest import SAMPLES

SURREY = SAMPLES / "surrey_cfllc_tracker_2022-12.txt"
NELINCS_MINUTES = SAMPLES / "nelincs_cllsp_minutes_2020-07-09.txt"

# Surrey tracker, Update/Response column: 18/22-20/22, 22/22 and 24/22-26/22 say "A response
# has been circulated to the Members."; 7/22's Board "considered and agreed a proposal" for the
# targets asked for; 27/22's Committee "had an informal meeting with social care staff", as
# asked; 28/22's answer says "we have provided further clarity". The others are still going
# (21/22: "on the agenda at the December meeting") or have no update.
SURREY_CLOSED = {f"CFLLC {n}/22" for n in (7, 18, 19, 20, 22, 24, 25, 26, 27, 28)}
SURREY_OPEN = {"CFLLC 1/20", "CFLLC 3/21", "CFLLC 21/22", "CFLLC 23/22", "CFLLC 29/22"}


def _ingest(db_path: Path, *paths: Path) -> None:
    """As `minutebook ingest` does: store each document, then follow recommendations."""
    db = open_db(db_path)
    for path in paths:
        doc = describe(load(path))
        upsert(db, doc, extract(doc))
    rebuild(db)


def _codes(rows: list[dict[str, object]]) -> set[object]:
    return {r["code"] for r in rows}


def test_analytics_views_exist_on_an_empty_database(tmp_path: Path) -> None:
    db = open_db(tmp_path / "m.db")
    assert set(view_names()) <= set(db.view_names())
    for name in view_names():
        assert list(db.query(f"select * from [{name}]")) == []


def test_analytics_open_items_follow_tracker_progress(tmp_path: Path) -> None:
    _ingest(tmp_path / "m.db", SURREY)
    db = open_db(tmp_path / "m.db")
    open_codes = _codes(list(db.query("select code from open_items")))
    assert open_codes == SURREY_OPEN
    assert not open_codes & SURREY_CLOSED


def test_analytics_open_items_exclude_resolutions(tmp_path: Path) -> None:
    # Leicestershire's minutes hold only resolutions (RESOLVED: (a) ... (d))
    _ingest(tmp_path / "m.db", SAMPLES / "leics_cfosc_minutes_2025-09-02.txt")
    db = open_db(tmp_path / "m.db")
    assert db.execute("select count(*) from records").fetchone()[0] == 12
    assert list(db.query("select * from open_items")) == []


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        # CFLLC 27/22 was due 21 November 2022, but the meeting it asked for took place
        (date(2022, 11, 22), set()),
        # CFLLC 21/22 is due "December 2022": overdue only once December has ended
        (date(2022, 12, 31), set()),
        (date(2023, 1, 1), {"CFLLC 21/22"}),
        # CFLLC 29/22 is due "2023"
        (date(2023, 12, 31), {"CFLLC 21/22"}),
        (date(2024, 1, 1), {"CFLLC 21/22", "CFLLC 29/22"}),
    ],
)
def test_analytics_overdue_counts_from_end_of_deadline_period(
    tmp_path: Path, today: date, expected: set[str]
) -> None:
    _ingest(tmp_path / "m.db", SURREY)
    db = open_db(tmp_path / "m.db")
    assert _codes(overdue(db, today)) == expected


def test_analytics_overdue_view_uses_the_clock(tmp_path: Path) -> None:
    _ingest(tmp_path / "m.db", SURREY)
    db = open_db(tmp_path / "m.db")
    assert list(db.query("select * from overdue")) == overdue(db, date.today())


def test_analytics_fts_follows_updates_and_removals(tmp_path: Path) -> None:
    source = tmp_path / "minutes.txt"
    text = NELINCS_MINUTES.read_text(encoding="utf-8")
    source.write_text(text, encoding="utf-8")
    _ingest(tmp_path / "m.db", source)
    db = open_db(tmp_path / "m.db")
    assert _codes(search(db, "forward plan", Filters())) == {"SPCLL.6"}

    # re-published: SPCLL.7's item renamed (same record, updated), SPCLL.6's clause gone
    source.write_text(
        text.replace(
            "SPCLL.7 CHILDREN'S SOCIAL CARE IMPROVEMENT", "SPCLL.7 SAFEGUARDING REVIEW"
        ).replace("RESOLVED – That the Forward Plan be noted.", ""),
        encoding="utf-8",
    )
    doc = describe(load(source))
    result = upsert(db, doc, extract(doc))
    assert len(result.updated) == 1
    assert len(result.removed) == 1
    assert search(db, "forward plan", Filters()) == []
    assert _codes(search(db, "safeguarding", Filters())) == {"SPCLL.7"}
    assert search(db, "improvement", Filters()) == []
    # an external-content FTS5 index checks itself against records
    db.execute("insert into records_fts(records_fts) values('integrity-check')")


def test_analytics_search_filters(samples_db: Path) -> None:
    db = open_db(samples_db)
    # the Surrey tracker names Sinead Mooney as owner of CFLLC 23/22, 24/22 and 25/22
    mooney = search(db, None, Filters(owner="sinead mooney"))
    assert _codes(mooney) == {"CFLLC 23/22", "CFLLC 24/22", "CFLLC 25/22"}
    assert _codes(search(db, None, Filters(owner="sinead mooney", open_only=True))) == {
        "CFLLC 23/22"
    }
    # North East Lincolnshire's tracker: three recommendations; SPCLL.40 and .43 name Cabinet
    cabinet = search(db, "cabinet", Filters(kind="recommendation", since="2025-11"))
    assert _codes(cabinet) == {"SPCLL.40", "SPCLL.43"}
    assert all(r["source"].endswith("nelincs_cllsp_tracker_2026-01-15.txt") for r in cabinet)


def test_analytics_search_takes_words_not_fts_syntax(samples_db: Path) -> None:
    db = open_db(samples_db)
    # as FTS syntax each of these is an error; as words they are searched for
    assert _codes(search(db, 'SEND "strategy', Filters())) >= {"CFLLC 21/22"}
    rows = search(db, "AND", Filters())
    assert rows
    assert all(re.search(r"\band\b", f"{r['text']} {r['item_title']}", re.I) for r in rows)


def test_analytics_views_read_effective_records(tmp_path: Path) -> None:
    """A record the review migration hides from effective_records leaves every view."""
    _ingest(tmp_path / "m.db", SURREY)
    db = open_db(tmp_path / "m.db")
    db.execute("drop view effective_records")
    db.execute(
        "create view effective_records as select *, 'accepted' as review_state, "
        "0 as review_stale from records where status = 'current' and code != 'CFLLC 21/22'"
    )
    assert "CFLLC 21/22" not in _codes(list(db.query("select code from open_items")))
    assert "CFLLC 21/22" not in _codes(overdue(db, date(2024, 1, 1)))
    assert "CFLLC 21/22" not in _codes(search(db, "strategy", Filters()))
    owners = list(db.query("select code from records_by_owner where owner like 'Liz Mills%'"))
    assert "CFLLC 21/22" not in _codes(owners)


def test_analytics_indexes_and_foreign_key(tmp_path: Path) -> None:
    db = open_db(tmp_path / "m.db")
    indexed = {tuple(i.columns) for i in db.table("records").indexes}
    for columns in (["document_id"], ["code"], ["owner"], ["deadline"], ["meeting_date"]):
        assert tuple(columns) in indexed
    assert ("meeting_date",) in {tuple(i.columns) for i in db.table("documents").indexes}
    fks = db.table("records").foreign_keys
    assert [(f.column, f.other_table, f.other_column) for f in fks] == [
        ("document_id", "documents", "id")
    ]


def test_analytics_view_rows_keep_definition_column_order(samples_db: Path) -> None:
    db = open_db(samples_db)
    columns, rows = view_rows(db, "counts_by_committee_year")
    assert columns[:3] == ["committee", "year", "records"]
    assert all(list(r) == columns for r in rows)
    assert set(VIEWS) < set(view_names())


def test_analytics_counts_label_unknown_committee_and_year(samples_db: Path) -> None:
    db = open_db(samples_db)
    rows = list(db.query("select * from counts_by_committee_year"))
    assert all(r["committee"] is not None and r["year"] is not None for r in rows)
    # the Leicester page is the city's web page without its heading: no committee and no
    # date in it (gold: committee only from the page title, document_date null)
    unknown = [r for r in rows if r["committee"] == "(committee unknown)"]
    assert [(r["year"], r["records"], r["documents"]) for r in unknown] == [("unknown", 3, 1)]
    # labelled, not dropped: every current record is counted once
    current = db.execute("select count(*) from records where status = 'current'").fetchone()[0]
    assert sum(r["records"] for r in rows) == current
    meetings = list(db.query("select * from records_by_meeting"))
    assert sum(r["records"] for r in meetings) == current
    assert [r["meeting_date"] for r in meetings if r["committee"] == "(committee unknown)"] == [
        "unknown"
    ]


def test_analytics_search_on_samples_gives_page(tmp_path: Path) -> None:
    # the Kent panel PDF: "RESOLVED to endorse the Sufficiency Strategy" is on page 8 of 9
    shutil.copy(SAMPLES / "kent_corporate-parenting-panel_2024-10-29.pdf", tmp_path / "k.pdf")
    _ingest(tmp_path / "m.db", tmp_path / "k.pdf")
    db = open_db(tmp_path / "m.db")
    rows = search(db, "sufficiency", Filters())
    assert [r["text"] for r in rows] == ["to endorse the Sufficiency Strategy 2022-2027."]
    assert rows[0]["page"] == 8
