"""The report page and the review sheet: rendering, escaping, validation, a real browser."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from typer.testing import CliRunner

from minutebook.app.report import word_diff
from minutebook.cli import app
from tests.conftest import SAMPLES

runner = CliRunner()
LEICS = "leics_cfosc_minutes_2025-09-02.txt"
CHROMIUM = Path("/usr/bin/chromium")
HOSTILE = "That the clerk publish <script>alert(1)</script> on the noticeboard."
# A parish page whose clause quotes markup as text (entities), as a web page may.
HOSTILE_PAGE = """<!DOCTYPE html><html><head><title>Minutes</title></head><body>
<h1>Little Snoring Parish Council minutes, 2 September 2025</h1>
<p>12. Play area</p>
<p>RESOLVED – That the clerk publish &lt;script&gt;alert(1)&lt;/script&gt; on the noticeboard.</p>
<p>13. Finance</p>
<p>RESOLVED – That the accounts be approved.</p>
</body></html>
"""


def mb(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture
def small_db(tmp_path: Path) -> Path:
    """The Leicestershire minutes (12 clauses) and the hostile parish page (2), one run."""
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SAMPLES / LEICS, folder)
    (folder / "little-snoring_2025-09-02.html").write_text(HOSTILE_PAGE, encoding="utf-8")
    db = tmp_path / "m.db"
    mb("ingest", str(folder), "--db", str(db), "--quiet")
    return db


def test_word_diff_marks_only_changed_words() -> None:
    assert word_diff(
        "That the report be noted.", "That the revised report be noted and published."
    ) == [
        ("same", "That the"),
        ("ins", "revised"),
        ("same", "report be"),
        ("del", "noted."),
        ("ins", "noted and published."),
    ]


def test_report_escapes_markup_in_clauses(small_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    mb("report", "--db", str(small_db), "--out", str(out))
    html = out.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    page = HTMLParser(html)
    assert len(page.css("script")) == 1  # ours, allowed by hash in the CSP
    texts = [n.text() for n in page.css("article .text")]
    assert HOSTILE in texts
    # self-contained: nothing to fetch; the only links lead to the source files, relatively
    assert "://" not in html
    assert page.css("[src], link") == []
    hrefs = {a.attributes["href"] for a in page.css("[href]")}
    assert hrefs == {
        "docs/leics_cfosc_minutes_2025-09-02.txt",
        "docs/little-snoring_2025-09-02.html",
    }


def test_report_usage_errors(small_db: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "r.html")
    cases = [
        (["--run", "1", "--since", "2026-01-01"], "not both"),
        (["--run", "99"], "no run 99"),
        (["--since", "last week"], "expected a date"),
    ]
    for args, message in cases:
        result = runner.invoke(app, ["report", "--db", str(small_db), "--out", out, *args])
        assert result.exit_code == 2
        assert message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    missing = runner.invoke(app, ["report", "--db", str(tmp_path / "none.db"), "--out", out])
    assert missing.exit_code == 2
    assert "no such database" in missing.stderr


def sheet_rows(db: Path) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(mb("review", "export", "--db", str(db))))
    return list(reader.fieldnames or []), list(reader)


def write_sheet(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)


def test_sheet_with_a_bad_row_applies_nothing(small_db: Path, tmp_path: Path) -> None:
    header, rows = sheet_rows(small_db)
    by_code = {r["code"]: r for r in rows}
    by_code["25(a)"]["decision"] = "accept"
    by_code["27(c)"]["deadline"] = "31/03/2026"  # a spreadsheet's idea of a date
    by_code["30"]["decision"] = "maybe"
    path = tmp_path / "review.csv"
    write_sheet(path, header, rows)
    result = runner.invoke(app, ["review", "import", str(path), "--db", str(small_db)])
    assert result.exit_code == 1
    lines = {r["code"]: i + 2 for i, r in enumerate(rows)}  # line 1 is the header
    assert f"line {lines['27(c)']}: deadline" in result.stderr
    assert f"line {lines['30']}: decision 'maybe'" in result.stderr
    assert "nothing was applied" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    _, after = sheet_rows(small_db)
    assert {r["review_state"] for r in after} == {""}


def test_sheet_round_trip_applies_decisions_and_edits(small_db: Path, tmp_path: Path) -> None:
    header, rows = sheet_rows(small_db)
    by_code = {r["code"]: r for r in rows}
    by_code["25(a)"]["decision"] = "accept"
    by_code["27(c)"]["owner"] = "Head of Service"
    by_code["27(c)"]["deadline"] = "2026-03-31"
    by_code["30"]["decision"] = "reject"
    by_code["30"]["note"] = "procedural"
    by_code["31"]["noting"] = "TRUE"  # upper-cased by a spreadsheet: the same value
    path = tmp_path / "review.csv"
    write_sheet(path, header, rows)
    result = runner.invoke(
        app, ["review", "import", str(path), "--db", str(small_db), "--by", "J Smith"]
    )
    assert result.exit_code == 0, result.stderr
    assert "3 records reviewed (1 accepted, 1 rejected, 2 fields edited" in result.stderr
    _, after = sheet_rows(small_db)
    got = {r["code"]: r for r in after}
    assert got["25(a)"]["review_state"] == "accepted"
    assert (got["27(c)"]["owner"], got["27(c)"]["deadline"]) == ("Head of Service", "2026-03-31")
    assert got["30"]["review_state"] == "rejected"
    assert got["31"]["review_state"] == ""
    # a second import of the same sheet repeats its decisions but edits nothing more
    again = runner.invoke(app, ["review", "import", str(path), "--db", str(small_db)])
    assert again.exit_code == 0
    assert "0 fields edited" in again.stderr


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium; .ci/run installs it (apt-get)"
)
def test_report_in_headless_chromium(small_db: Path, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    out = tmp_path / "report.html"
    mb("report", "--db", str(small_db), "--out", str(out))
    problems: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.on("dialog", lambda d: problems.append(f"dialog: {d.message}"))
            page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
            page.on(
                "console",
                lambda m: (
                    problems.append(f"console {m.type}: {m.text}")
                    if m.type in ("error", "warning")
                    else None
                ),
            )
            page.goto(out.as_uri())
            totals = {
                el.get_attribute("data-count"): el.inner_text()
                for el in page.query_selector_all("#totals dd")
            }
            # first run: every clause is new (12 in the minutes, 2 on the parish page)
            assert totals["new"] == "14"
            assert totals["changed"] == totals["removed"] == totals["stale"] == "0"
            hostile = page.locator("article .text", has_text="alert(1)")
            assert hostile.inner_text() == HOSTILE
            assert page.evaluate("document.querySelectorAll('script').length") == 1
            # the filters work: one document, then no resolutions at all
            assert page.is_visible("#filters")
            page.select_option("#filter-doc", label="little-snoring_2025-09-02.html")
            assert page.locator("section.doc:visible").count() == 1
            assert page.locator("article:visible").count() == 2
            page.uncheck("input[name=kind][value=resolution]")
            assert page.locator("article:visible").count() == 0
            page.screenshot(path=str(tmp_path / "shot.png"))
        finally:
            browser.close()
    assert problems == []


def test_report_since_a_date_covers_later_runs(small_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "since.html"
    mb("report", "--db", str(small_db), "--since", "2000-01-01", "--out", str(out))
    page = HTMLParser(out.read_text(encoding="utf-8"))
    totals = {d.attributes["data-count"]: d.text() for d in page.css("#totals dd")}
    assert totals["new"] == "14"  # 12 clauses in the minutes, 2 on the parish page
    none = runner.invoke(
        app, ["report", "--db", str(small_db), "--since", "2999-01-01", "--out", str(out)]
    )
    assert none.exit_code == 2
    assert "no run started on or after 2999-01-01" in none.stderr


# What a reader needs from a chart: it is drawn at a readable size, says what it shows,
# and no label is cut off or drawn over another. Measured in the browser's own layout.
CHART_CHECKS = """(id) => {
  const svg = document.getElementById(id);
  const box = svg.getBoundingClientRect();
  const title = document.getElementById(svg.getAttribute('aria-labelledby'));
  const texts = Array.from(svg.querySelectorAll('text')).map((t) => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
            size: parseFloat(getComputedStyle(t).fontSize), cls: t.getAttribute('class')};
  });
  return {width: box.width, height: box.height, top: box.top, left: box.left,
          right: box.right, bottom: box.bottom, role: svg.getAttribute('role'),
          name: title ? title.textContent : '', texts: texts,
          bars: svg.querySelectorAll('rect[data-count]').length};
}"""


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["left"] < b["right"] - 0.5
        and b["left"] < a["right"] - 0.5
        and a["top"] < b["bottom"] - 0.5
        and b["top"] < a["bottom"] - 0.5
    )


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium; .ci/run installs it (apt-get)"
)
def test_report_charts_readable_in_chromium(samples_db: Path, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    out = tmp_path / "report.html"
    mb("report", "--db", str(samples_db), "--out", str(out))
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(out.as_uri())
            charts = {
                id_: page.evaluate(CHART_CHECKS, id_)
                for id_ in ("standing-chart", "owner-chart", "meeting-chart")
            }
        finally:
            browser.close()
    assert requests == [out.as_uri()]  # the charts load nothing
    # the picture is at the top: the first chart starts on the first screen
    assert charts["standing-chart"]["top"] < 800
    for id_, c in charts.items():
        assert c["role"] == "img", id_
        assert "per" in c["name"], id_  # its accessible name says what it counts
        assert c["width"] >= 600, id_
        assert c["bars"] > 0, id_
        for t in c["texts"]:
            where = (id_, t["text"])
            assert t["size"] >= 10, where
            # inside the drawing, not clipped at its edges
            assert c["left"] <= t["left"], where
            assert t["right"] <= c["right"] + 0.5, where
            assert c["top"] <= t["top"], where
            assert t["bottom"] <= c["bottom"] + 0.5, where
        # numbers inside a bar sit on the bar by design; every other label stands clear
        labels = [t for t in c["texts"] if t["cls"] != "in"]
        for i, a in enumerate(labels):
            for b in labels[i + 1 :]:
                assert not _overlap(a, b), (id_, a["text"], b["text"])
    committees = [t["text"] for t in charts["standing-chart"]["texts"] if t["cls"] == "label"]
    assert any(name.startswith("Children, Families, Lifelong Learning") for name in committees)
    years = [t["text"] for t in charts["meeting-chart"]["texts"] if t["cls"] == "axis"]
    assert {"2005", "2025"} <= set(years)  # Wretton 2005 to Leicestershire 2025
