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
from datetime import date
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser
from typer.testing import CliRunner

from minutebook.app.report import render
from minutebook.cli import app
from minutebook.store import open_db
from minutebook.store.analytics import overdue
from minutebook.store.standing import standings
from tests.html import first

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


def test_standing_report_chart_draws_the_table(samples_db: Path) -> None:
    handle = open_db(samples_db)
    runs = list(handle.query("select * from runs order by id desc limit 1"))
    page = LexborHTMLParser(render(handle, runs, "report", today=DAY))
    table = {}
    for row in page.css("#standing tbody tr"):
        committee = first(row, "td").text()
        for cell in row.css("td[data-standing]"):
            if cell.text() != "0":
                table[(committee, cell.attributes["data-standing"])] = int(cell.text())
    chart = {
        (bar.attributes["data-committee"], bar.attributes["data-standing"]): int(
            bar.attributes["data-count"] or 0
        )
        for bar in page.css("#standing-chart rect[data-committee]")
    }
    assert chart == table
    surrey = next(
        c for c, _ in chart if c and c.startswith("Children, Families, Lifelong Learning")
    )
    assert chart[(surrey, "overdue")] == len(OVERDUE_ON_DAY)
    # the longest bar is the committee with the most recommendations followed
    widths = {
        b.attributes["data-committee"]: 0.0
        for b in page.css("#standing-chart rect[data-committee]")
    }
    for bar in page.css("#standing-chart rect[data-committee]"):
        widths[bar.attributes["data-committee"]] += float(bar.attributes["width"] or 0)
    totals = {c: sum(n for (k, _), n in table.items() if k == c) for c in widths}
    assert max(widths, key=lambda c: widths[c]) == max(totals, key=lambda c: totals[c])
