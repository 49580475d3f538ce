"""Issue 4's Done-when, as a clerk would do it: ingest, review, re-publish, ingest, report.

Expected values come from reading the Leicestershire minutes (12 RESOLVED sub-clauses,
also the human gold) and from the edits this test makes to them, never from our output.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from typer.testing import CliRunner

from minutebook.cli import app
from tests.conftest import GOLD, ONE_OF_EACH_FORMAT, copy_samples
from tests.html import first

runner = CliRunner()
LEICS = "leics_cfosc_minutes_2025-09-02.txt"
REWORDED = "a report on the Leicestershire Music service twice a year."
ADDED = "That a working group be established to review elective home education."
DELETED = (
    "complaints which had been investigated by the Local Government and Social care Ombudsman."
)


def mb(*args: str) -> str:
    """Run a command as the clerk would; fail the test with its stderr if it fails."""
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


def sheet(db: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(mb("review", "export", "--db", str(db)))))


def ids_by_code(db: Path, document: str) -> dict[str, str]:
    return {r["code"]: r["record_id"] for r in sheet(db) if r["document"].endswith(document)}


def republish(path: Path) -> None:
    """Reword 27(c), delete 25(d), add a 28(c): a re-published version of the minutes."""
    text = path.read_text(encoding="utf-8")
    assert "a report on the Leicestershire Music service annually." in text
    text = text.replace("a report on the Leicestershire Music service annually.", REWORDED)
    lines = [
        line for line in text.split("\n") if not (line.startswith("(d)") and "Ombudsman" in line)
    ]
    at = next(
        i for i, line in enumerate(lines) if line.startswith("(b)") and "home educate" in line
    )
    lines[at + 1 : at + 1] = ["", f"(c)       {ADDED}"]
    path.write_text("\n".join(lines), encoding="utf-8")


def cards(page: HTMLParser, selector: str) -> list[dict[str, str]]:
    return [
        {
            "code": (first(c, ".code").text() if c.css_first(".code") else ""),
            "text": first(c, ".text").text(),
            "id": first(c, ".rid").text(),
            "owner": first(c, ".fields").text(),
            "state": " ".join(t.text() for t in c.css(".tag")),
        }
        for c in page.css(selector)
    ]


@dataclass
class Scenario:
    db: Path
    before: dict[str, str]  # 27(c) -> its id before re-publication
    page: HTMLParser  # the report after re-publication


def test_clerk_workflow_on_a_copy_of_the_samples(tmp_path: Path) -> None:
    """One clerk's session, step by step (ingesting the minutes twice is the slow part):
    the minutes reviewed, among documents of each format that stay out of the report."""
    folder = copy_samples(tmp_path / "minutes", (LEICS, *ONE_OF_EACH_FORMAT))
    state = review_and_republish(folder, tmp_path)
    report_lists_exactly_the_three_changes(state)
    decisions_hold_and_the_edited_one_is_stale(state)
    rejected_record_stays_hidden(state)
    reviewing_a_replaced_record_points_to_its_successor(state)
    a_fresh_decision_clears_stale(state)


def review_and_republish(folder: Path, tmp_path: Path) -> Scenario:
    """Minutes ingested, three decisions taken, one file re-published and re-ingested."""
    db = tmp_path / "minutebook.db"
    mb("ingest", str(folder), "--db", str(db), "--quiet")
    before = ids_by_code(db, LEICS)
    gold_codes = [
        r["code"]
        for r in json.loads((GOLD / LEICS.replace(".txt", ".json")).read_text())["records"]
    ]
    assert sorted(before) == sorted(gold_codes)
    mb("review", "accept", before["25(a)"], "--db", str(db), "--by", "J Smith")
    mb("review", "edit", before["27(c)"], "--set", "owner=Head of Service", "--db", str(db))
    mb("review", "reject", before["30"], "--db", str(db), "--note", "procedural")
    republish(folder / LEICS)
    mb("ingest", str(folder), "--db", str(db), "--quiet")
    out = tmp_path / "report.html"
    # what the re-publication's run (run 2) changed; the default page is everything unreviewed
    mb("report", "--db", str(db), "--run", "2", "--out", str(out))
    return Scenario(db, before, HTMLParser(out.read_text(encoding="utf-8")))


def report_lists_exactly_the_three_changes(reviewed: Scenario) -> None:
    page = reviewed.page
    new = cards(page, "section.doc article.new")
    changed = cards(page, "section.doc article.changed, section.doc article.updated")
    removed = cards(page, "section.doc article.removed")
    assert [(c["code"], c["text"]) for c in new] == [("28(c)", ADDED)]
    assert [c["code"] for c in changed] == ["27(c)"]
    assert "annually." in changed[0]["text"]  # the old words, struck through
    assert "twice a year." in changed[0]["text"]
    assert [c["code"] for c in removed] == ["25(d)"]
    assert DELETED in removed[0]["text"]
    totals = {d.attributes["data-count"]: d.text() for d in page.css("#totals dd")}
    assert totals["new"] == totals["changed"] == totals["removed"] == "1"
    # the word diff marks exactly the reworded words
    diff = page.css_first("section.doc article.changed .diff")
    assert diff is not None
    assert [d.text() for d in diff.css("del")] == ["annually."]
    assert [i.text() for i in diff.css("ins")] == ["twice a year."]


def decisions_hold_and_the_edited_one_is_stale(reviewed: Scenario) -> None:
    page, before = reviewed.page, reviewed.before
    stale = cards(page, "section.stale-list article")
    assert len(stale) == 1
    assert stale[0]["code"] == "27(c)"
    assert stale[0]["id"] != before["27(c)"]  # the reworded clause has a new id
    assert "Head of Service" in stale[0]["owner"]  # the edit followed it
    assert "needs re-review" in stale[0]["state"]
    assert "edited" in stale[0]["state"]
    # the stale section comes before every document section
    html = page.html or ""
    assert html.index('class="stale-list"') < html.index('class="doc')
    rows = {r["code"]: r for r in sheet(reviewed.db) if r["document"].endswith(LEICS)}
    assert rows["25(a)"]["review_state"] == "accepted"
    assert rows["25(a)"]["review_stale"] == ""
    assert rows["27(c)"]["owner"] == "Head of Service"
    assert rows["27(c)"]["review_stale"] == "yes"


def rejected_record_stays_hidden(reviewed: Scenario) -> None:
    page, before = reviewed.page, reviewed.before
    shown = {c["id"] for c in cards(page, "article")}
    assert before["30"] not in shown
    assert before["25(a)"] in shown
    exported = mb("export", "--db", str(reviewed.db), "--format", "jsonl")
    ids = {json.loads(line)["id"] for line in exported.splitlines()}
    assert before["30"] not in ids
    assert before["25(a)"] in ids
    # but the review sheet still offers it, so a rejection can be undone
    states = {r["record_id"]: r["review_state"] for r in sheet(reviewed.db)}
    assert states[before["30"]] == "rejected"


def a_fresh_decision_clears_stale(reviewed: Scenario) -> None:
    db = reviewed.db
    new_id = ids_by_code(db, LEICS)["27(c)"]
    mb("review", "accept", new_id, "--db", str(db))
    row = next(r for r in sheet(db) if r["record_id"] == new_id)
    assert row["review_stale"] == ""
    assert row["review_state"] == "accepted"
    assert row["owner"] == "Head of Service"


def reviewing_a_replaced_record_points_to_its_successor(reviewed: Scenario) -> None:
    db, before = reviewed.db, reviewed.before
    result = runner.invoke(app, ["review", "accept", before["27(c)"], "--db", str(db)])
    assert result.exit_code == 2
    successor = ids_by_code(db, LEICS)["27(c)"]
    assert f"replaced by {successor}" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("command", ["accept", "reject", "edit", "export", "import"])
def test_every_review_command_has_help_with_example(command: str) -> None:
    result = runner.invoke(app, ["review", command, "--help"])
    assert result.exit_code == 0
    assert f"Example: minutebook review {command}" in result.stdout


def test_edit_with_a_bad_value_is_one_line_and_writes_nothing(samples_copy: Path) -> None:
    db = samples_copy.parent / "m.db"
    mb("ingest", str(samples_copy / LEICS), "--db", str(db), "--quiet")
    record = ids_by_code(db, LEICS)["27(c)"]
    result = runner.invoke(
        app, ["review", "edit", record, "--set", "deadline=end of March", "--db", str(db)]
    )
    assert result.exit_code == 2
    assert f"record {record}: deadline" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert {r["review_state"] for r in sheet(db)} == {""}
