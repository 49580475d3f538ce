#!/usr/bin/env bash
# Rebuild docs/report.png: the clerk's workflow on a copy of samples/, then a headless
# Chromium screenshot of the report (Playwright). Needs Debian's chromium and the project's .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r samples "$work/samples"
export MINUTEBOOK_DB="$work/minutebook.db"
mb=.venv/bin/minutebook
leics="$work/samples/leics_cfosc_minutes_2025-09-02.txt"

$mb ingest "$work/samples" --quiet
id_of() {  # the id of a Leicestershire record, by its code, from the review sheet
  $mb review export | .venv/bin/python -c 'import csv,sys; print(next(r["record_id"] for r in csv.DictReader(sys.stdin) if r["document"].endswith("leics_cfosc_minutes_2025-09-02.txt") and r["code"] == sys.argv[1]))' "$1"
}
$mb review accept "$(id_of '25(a)')" --by "J Smith"
$mb review edit "$(id_of '27(c)')" --set owner="Head of Service" --set deadline=2026-03-31
$mb review reject "$(id_of '30')" --note "procedural"

# re-publication: reword 27(c), delete 25(d), add 28(c)
.venv/bin/python - "$leics" <<'PY'
import sys
from pathlib import Path
path = Path(sys.argv[1])
text = path.read_text(encoding="utf-8").replace(
    "Leicestershire Music service annually.", "Leicestershire Music service twice a year.")
lines = [l for l in text.split("\n") if not (l.startswith("(d)") and "Ombudsman" in l)]
at = next(i for i, l in enumerate(lines) if l.startswith("(b)") and "home educate" in l)
lines[at + 1 : at + 1] = ["", "(c)       That a working group be established to review elective home education."]
path.write_text("\n".join(lines), encoding="utf-8")
PY
$mb ingest "$work/samples" --quiet
# run 2 is the re-publication: one record to re-review, one new, one changed, one removed
$mb report --run 2 --out "$work/report.html"
# Playwright drives Debian's chromium (executable_path; nothing downloaded), as the tests do
.venv/bin/python - "$work/report.html" "$PWD/docs/report.png" <<'PY'
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

page_file, target = Path(sys.argv[1]), sys.argv[2]
with sync_playwright() as pw:
    browser = pw.chromium.launch(
        executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
    )
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(page_file.as_uri())
    # the top of the page: totals, the charts, the re-review and the re-published document
    bottom = page.evaluate(
        "document.querySelector('section.doc .unchanged-list').getBoundingClientRect().bottom"
    )
    page.screenshot(path=target, full_page=True, clip={"x": 0, "y": 0, "width": 1280, "height": bottom + 16})
    browser.close()
PY
echo "wrote docs/report.png"
