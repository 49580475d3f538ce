"""Issue 16: the report is the clerk's review screen, tested in a real browser.

Debian's chromium is driven by playwright-python through executable_path (never
`playwright install`); without /usr/bin/chromium the browser test is skipped, as in
tests/test_report.py. Expected values come from the documents: the Leicestershire minutes'
RESOLVED sub-clauses 25(a) and 25(b), and the Kent panel's "RESOLVED to endorse the
Sufficiency Strategy", on page 8 of its PDF.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser
from typer.testing import CliRunner

from minutebook.cli import app
from tests.conftest import SAMPLES
from tests.html import first

runner = CliRunner()
CHROMIUM = Path("/usr/bin/chromium")
LEICS = "leics_cfosc_minutes_2025-09-02.txt"
KENT = "kent_corporate-parenting-panel_2024-10-29.pdf"


def mb(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


def review_states(db: Path) -> dict[str, str]:
    rows = csv.DictReader(io.StringIO(mb("review", "export", "--db", str(db))))
    return {r["record_id"]: r["review_state"] for r in rows}


def ids(db: Path) -> dict[tuple[str, str], str]:
    rows = csv.DictReader(io.StringIO(mb("review", "export", "--db", str(db))))
    return {(Path(r["document"]).name, r["code"] or r["text"][:40]): r["record_id"] for r in rows}


@pytest.fixture
def clerk(tmp_path: Path) -> tuple[Path, Path]:
    """Two documents ingested twice (the second run changes nothing), as a clerk's folder."""
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SAMPLES / LEICS, docs)
    shutil.copy(SAMPLES / KENT, docs)
    db = tmp_path / "minutebook.db"
    for _ in range(2):
        mb("ingest", str(docs), "--db", str(db), "-q", "--workers", "1")
    return docs, db


def _report(db: Path, out: Path) -> LexborHTMLParser:
    mb("report", "--db", str(db), "--out", str(out))
    return LexborHTMLParser(out.read_text(encoding="utf-8"))


def test_report_review_shows_everything_unreviewed_after_a_second_run(
    clerk: tuple[Path, Path], tmp_path: Path
) -> None:
    _, db = clerk
    page = _report(db, tmp_path / "report.html")
    shown = {a.attributes["data-id"] for a in page.css("section.doc article")}
    assert shown == set(review_states(db))  # the unchanged second run hides nothing
    kent = next(
        a
        for a in page.css("section.doc article")
        if "endorse the Sufficiency Strategy" in first(a, ".text").text()
    )
    assert first(kent, "a.source").attributes["href"] == f"docs/{KENT}#page=8"
    assert first(kent, ".decide").attributes["data-hash"]


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium; .ci/run installs it (apt-get)"
)
def test_report_review_accept_and_reject_in_the_browser_then_import(
    clerk: tuple[Path, Path], tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    docs, db = clerk
    by_code = ids(db)
    accept, reject = by_code[(LEICS, "25(a)")], by_code[(LEICS, "25(b)")]
    out = tmp_path / "report.html"
    _report(db, out)
    saved = tmp_path / "decisions.json"
    problems: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"],
        )
        try:
            page = browser.new_page(accept_downloads=True)
            page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
            page.on(
                "console",
                lambda m: problems.append(m.text) if m.type in ("error", "warning") else None,
            )
            page.goto(out.as_uri())
            page.click(f"article[data-id='{accept}'] button[data-action=accept]")
            page.click(f"article[data-id='{reject}'] button[data-action=reject]")
            page.fill("#decided-by", "J Smith")
            assert page.inner_text("#decided-count") == "2"
            with page.expect_download() as download:
                page.click("#save")
            download.value.save_as(str(saved))
        finally:
            browser.close()
    assert problems == []
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert {(d["record_id"], d["decision"], d["by"]) for d in data["decisions"]} == {
        (accept, "accept", "J Smith"),
        (reject, "reject", "J Smith"),
    }
    mb("review", "import", str(saved), "--db", str(db))
    states = review_states(db)
    assert (states[accept], states[reject]) == ("accepted", "rejected")
    # a re-run, even a forced one, overwrites neither decision
    mb("ingest", str(docs), "--db", str(db), "-q", "--workers", "1", "--force")
    assert {k: v for k, v in review_states(db).items() if v} == {
        accept: "accepted",
        reject: "rejected",
    }
    # and the next review page leaves both out
    shown = {a.attributes["data-id"] for a in _report(db, out).css("section.doc article")}
    assert accept not in shown
    assert reject not in shown
    assert by_code[(LEICS, "25(c)")] in shown
