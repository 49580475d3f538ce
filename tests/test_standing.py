"""Issue 16: one answer to "what is open / overdue", whoever is asked.

search --overdue, the overdue and open_items views, status --overdue and the report all
read the status the lifecycle build gave (the status vocabulary) through store/standing.py.
The expected codes come from reading the Surrey tracker (samples/): on 1 January 2024,
CFLLC 21/22 (due December 2022: "The draft Strategy is on the agenda at the December
meeting") and CFLLC 29/22 (due 2023, still being worked on) are past their deadlines;
CFLLC 27/22 ("The Committee had an informal meeting with social care staff") is done.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser
from typer.testing import CliRunner

from minutebook.app.report import MAX_OWNERS, render
from minutebook.cli import app
from minutebook.models.lifecycle import STANDINGS
from minutebook.store import open_db
from minutebook.store.analytics import overdue
from minutebook.store.standing import NO_OWNER, UNKNOWN_COMMITTEE, standing_counts, standings

runner = CliRunner()
DAY = date(2024, 1, 1)
OVERDUE_ON_DAY = {"CFLLC 21/22", "CFLLC 29/22"}


def _stdout(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _search(db: Path, *flags: str) -> set[str]:
    out = _stdout("search", *flags, "--db", str(db), "-f", "jsonl")
    return {json.loads(line)["code"] for line in out.splitlines()}


def _status_overdue(db: Path, *flags: str) -> set[str]:
    out = _stdout("status", "--overdue", *flags, "--db", str(db))
    count = int(re.search(r"Past deadline on \S+: (\d+)", out).group(1))  # type: ignore[union-attr]
    codes = set(re.findall(r"CFLLC \d+/\d+|SPCLL\.\d+", out))
    assert len(codes) == count
    return codes


def _report_overdue(db: Path, day: date) -> set[str]:
    handle = open_db(db)
    runs = list(handle.query("select * from runs order by id desc limit 1"))
    page = LexborHTMLParser(render(handle, runs, "report", today=day))
    return {node.text(strip=True) for node in page.css("#standing .overdue .code")}


def test_standing_everyone_agrees_on_overdue_on_a_day(samples_db: Path) -> None:
    day = DAY.isoformat()
    answers = {
        "search --overdue": _search(samples_db, "--overdue", "--today", day),
        "overdue view": {r["code"] for r in overdue(open_db(samples_db), DAY)},
        "status --overdue": _status_overdue(samples_db, "--as-of", day),
        "report": _report_overdue(samples_db, DAY),
    }
    assert answers == dict.fromkeys(answers, OVERDUE_ON_DAY)


def test_standing_everyone_agrees_on_overdue_today(samples_db: Path) -> None:
    db = open_db(samples_db)
    view = {r["code"] for r in db.query("select code from overdue")}
    assert view == _search(samples_db, "--overdue")
    assert view == _status_overdue(samples_db)
    assert view == _report_overdue(samples_db, date.today())
    assert view >= OVERDUE_ON_DAY  # deadlines in 2022 and 2023 stay past


def test_standing_open_items_are_the_open_recommendations(samples_db: Path) -> None:
    db = open_db(samples_db)
    view = {r["recommendation_id"] for r in db.query("select recommendation_id from open_items")}
    followed = {r["id"]: r["standing"] for r in standings(db, date.today())}
    assert view == {rid for rid, s in followed.items() if s in ("open", "overdue")}
    assert _search(samples_db, "--open") == {
        r["code"] for r in db.query("select code from open_items")
    }
    # the Surrey tracker's words: "A response has been circulated" closes 18/22-20/22
    codes = {r["code"] for r in db.query("select code from open_items")}
    assert not codes & {"CFLLC 18/22", "CFLLC 19/22", "CFLLC 20/22", "CFLLC 27/22"}
    assert {"CFLLC 21/22", "CFLLC 23/22", "SPCLL.43"} <= codes


def _report_page(db_path: Path, day: date) -> LexborHTMLParser:
    handle = open_db(db_path)
    runs = list(handle.query("select * from runs order by id desc limit 1"))
    return LexborHTMLParser(render(handle, runs, "report", today=day))


def _bars(page: LexborHTMLParser, chart: str, key: str) -> dict[str, dict[str, int]]:
    """label -> {standing: count} as the chart draws it (its rects' data attributes)."""
    out: dict[str, dict[str, int]] = {}
    for bar in page.css(f"#{chart} g.bar"):
        label = bar.attributes[f"data-{key}"] or ""
        out[label] = {
            rect.attributes["data-standing"] or "": int(rect.attributes["data-count"] or 0)
            for rect in bar.css("rect")
        }
        assert sum(out[label].values()) == int(bar.attributes["data-total"] or 0)
    return out


def _by_rule(rows: list[dict[str, Any]], key: str, unknown: str) -> dict[str, dict[str, int]]:
    """The same counts, made here from standings(): one row per recommendation."""
    counted = Counter((r[key] or unknown, r["standing"]) for r in rows)
    out: dict[str, dict[str, int]] = {}
    for (label, standing), n in counted.items():
        out.setdefault(label, {})[standing] = n
    return out


SURREY = "Children, Families, Lifelong Learning and Culture Select Committee"
LIZ_MILLS = "Liz Mills, Director – Education and Lifelong Learning"


def test_standing_report_charts_count_by_the_one_rule(samples_db: Path) -> None:
    page = _report_page(samples_db, DAY)
    rule = standings(open_db(samples_db), DAY)
    committees = _bars(page, "standing-chart", "committee")
    assert committees == _by_rule(rule, "committee", UNKNOWN_COMMITTEE)
    # read from the Surrey tracker: 15 rows, two past their deadline on 1 January 2024
    assert sum(committees[SURREY].values()) == 15
    assert committees[SURREY]["overdue"] == len(OVERDUE_ON_DAY)
    owners = _bars(page, "owner-chart", "owner")
    expected = _by_rule(rule, "owner", NO_OWNER)
    assert owners == {o: expected[o] for o in owners}
    assert len(owners) == min(MAX_OWNERS, len(expected))
    # everyone with something overdue is on the chart, most overdue first
    assert {o for o, c in expected.items() if c.get("overdue")} <= set(owners)
    # Liz Mills: 21/22 overdue; 18/22-20/22 closed ("A response has been circulated")
    assert owners[LIZ_MILLS] == {"overdue": 1, "completed": 3}
    caption = page.css("#standing figcaption")[1].text()
    assert f"{len(expected) - MAX_OWNERS} more" in caption
    # one scale: the longest committee bar is the committee with the most followed
    widths = {
        bar.attributes["data-committee"]: sum(
            float(r.attributes["width"] or 0) for r in bar.css("rect")
        )
        for bar in page.css("#standing-chart g.bar")
    }
    assert max(widths, key=lambda c: widths[c]) == max(
        committees, key=lambda c: sum(committees[c].values())
    )


def test_standing_report_meeting_chart_counts_the_records(samples_db: Path) -> None:
    page = _report_page(samples_db, DAY)
    drawn = {
        (g.attributes["data-meeting"], g.attributes["data-committee"]): int(
            g.attributes["data-count"] or 0
        )
        for g in page.css("#meeting-chart g.meeting")
    }
    # counted straight from the records table, not through the view the chart reads
    raw = sqlite3.connect(samples_db)
    counted = {
        (meeting, committee): n
        for meeting, committee, n in raw.execute(
            "select coalesce(r.meeting_date, d.meeting_date), d.committee, count(*) "
            "from records r join documents d on d.id = r.document_id "
            "where r.status = 'current' group by 1, 2"
        )
    }
    raw.close()
    assert drawn == {k: n for k, n in counted.items() if k[0] is not None}
    # the Leicestershire minutes of 2 September 2025 hold twelve resolutions (gold: 12)
    leics = "Children and Families Overview and Scrutiny Committee"
    assert drawn[("2025-09-02", leics)] == 12
    dates = [str(k[0]) for k in drawn]
    assert dates == sorted(dates)  # oldest first, left to right
    xs = [float(r.attributes["x"] or 0) for r in page.css("#meeting-chart g.meeting rect")]
    assert xs == sorted(xs)
    # the Leicester page names no meeting date: its 3 records are counted, not drawn
    caption = page.css("#standing figcaption")[2].text()
    assert "3 records from meetings with no known date not drawn" in caption


def test_standing_views_give_the_charts_numbers(samples_db: Path) -> None:
    db = open_db(samples_db)
    today = date.today()
    rule = standings(db, today)
    for view, key, unknown in (
        ("standing_by_committee", "committee", UNKNOWN_COMMITTEE),
        ("standing_by_owner", "owner", NO_OWNER),
    ):
        rows = list(db.query(f"select * from {view}"))
        assert rows == standing_counts(db, today, key)  # type: ignore[arg-type]
        by_view = {r[key]: {s: r[s] for s in STANDINGS if r[s]} for r in rows}
        assert by_view == _by_rule(rule, key, unknown)
