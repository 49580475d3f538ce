"""Issue 16: output for people and scripts, and ids a clerk can type.

Every listing command takes --format table|json|jsonl|csv and gives the same rows in each;
export puts the columns a person reads first; ids may be shortened to a unique prefix.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from minutebook.app.spreadsheet import BOM, uncsv_cell
from minutebook.cli import app
from tests.conftest import SAMPLES

runner = CliRunner()
PERSON = "committee,meeting_date,item_title,code,kind,text,owner,deadline,status,source,page"
LISTINGS = [
    ["search", "SEND"],
    ["status", "--open"],
    ["status", "CFLLC 21/22"],
    ["export"],
    ["export", "--view", "open_items"],
]
# the samples hold no minutes a tracker follows, nor a bad file: this db has both
ON_LINKED = [["links", "list"], ["failures"], ["status", "SPCLL 43"]]
LIFECYCLE = Path(__file__).resolve().parent / "lifecycle" / "fixtures"


def mb(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def linked_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("linked")
    shutil.copy(SAMPLES / "nelincs_cllsp_tracker_2026-01-15.txt", folder)
    shutil.copy(LIFECYCLE / "nelincs_cllsp_minutes_2025-11-13.txt", folder)
    (folder / "empty.pdf").write_bytes(b"")
    db = folder / "m.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "-q", "--workers", "1"])
    assert result.exit_code == 1, result.stderr  # the empty PDF
    return db


@pytest.mark.parametrize("command", LISTINGS + ON_LINKED, ids=" ".join)
def test_formats_every_listing_gives_the_same_rows_in_each_format(
    samples_db: Path, linked_db: Path, command: list[str]
) -> None:
    db = ["--db", str(linked_db if command in ON_LINKED else samples_db)]
    as_json = json.loads(mb(*command, *db, "-f", "json"))
    as_jsonl = [json.loads(line) for line in mb(*command, *db, "-f", "jsonl").splitlines()]
    # json carries every column for scripts; csv does with --all-columns
    wide = ["--all-columns"] if command[0] == "export" else []
    as_csv = list(csv.DictReader(io.StringIO(mb(*command, *db, "-f", "csv", *wide))))
    table = mb(*command, *db, "-f", "table")
    assert as_json == as_jsonl
    assert as_json, "a listing with no rows would prove nothing"
    assert [[uncsv_cell(v) for v in r.values()] for r in as_csv] == [
        ["" if v is None else str(v) for v in r.values()] for r in as_json
    ]
    assert table.strip()


def test_formats_listings_answer_from_the_samples(samples_db: Path) -> None:
    db = ["--db", str(samples_db)]
    # the Surrey tracker's four SEND Strategy actions of 4 October 2022, and 1/20 and 3/21
    send = {r["code"] for r in json.loads(mb("search", "SEND", *db, "-f", "json"))}
    assert {"CFLLC 18/22", "CFLLC 19/22", "CFLLC 20/22", "CFLLC 21/22"} <= send
    (rec,) = json.loads(mb("status", "--overdue", "--as-of", "2023-01-01", *db, "-f", "json"))
    assert (rec["code"], rec["deadline"], rec["standing"]) == ("CFLLC 21/22", "2022-12", "overdue")
    events = json.loads(mb("status", "CFLLC 21/22", *db, "-f", "json"))
    assert [e["status"] for e in events] == ["in progress"]
    assert json.loads(mb("failures", *db, "-f", "json")) == []


def test_formats_export_csv_puts_people_columns_first(samples_db: Path) -> None:
    out = mb("export", "--db", str(samples_db))
    assert out.splitlines()[0] == PERSON
    rows = list(csv.DictReader(io.StringIO(out)))
    row = next(r for r in rows if r["code"] == "CFLLC 21/22")
    assert row["committee"].startswith("Children, Families, Lifelong Learning")
    assert (row["deadline"], row["status"]) == ("2022-12", "in progress")
    wide = mb("export", "--db", str(samples_db), "--all-columns").splitlines()[0].split(",")
    assert wide[:11] == PERSON.split(",")
    assert {"id", "document_id", "text_hash", "rule", "record_status"} <= set(wide[11:])


def test_formats_export_excel_has_a_bom_and_keeps_the_text(samples_db: Path) -> None:
    out = mb("export", "--db", str(samples_db), "--excel")
    assert out.startswith(BOM)
    assert not mb("export", "--db", str(samples_db)).startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(out.removeprefix(BOM))))
    # the Surrey tracker's owner is "Director – Education and Lifelong Learning" (an en dash)
    assert any("Director – Education and Lifelong Learning" in r["owner"] for r in rows)
    assert all(r["meeting_date"][:4].isdigit() for r in rows if r["meeting_date"])


def test_formats_export_since_lists_what_later_runs_changed(
    samples_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "m.db"
    shutil.copy(samples_db, db)
    with sqlite3.connect(db) as conn:  # the samples were ingested last month
        conn.execute("update runs set started_at = '2026-01-01T09:00:00+00:00'")
    minutes = tmp_path / "leics.txt"
    text = (SAMPLES / "leics_cfosc_minutes_2025-09-02.txt").read_text(encoding="utf-8")
    minutes.write_text(text, encoding="utf-8")
    mb("ingest", str(minutes), "--db", str(db), "-q", "--workers", "1")
    since = json.loads(mb("export", "--db", str(db), "-f", "json", "--since", "2026-02-01"))
    # only the copy ingested now: its twelve RESOLVED sub-clauses
    assert {r["source"] for r in since} == {str(minutes)}
    assert len(since) == 12
    everything = json.loads(mb("export", "--db", str(db), "-f", "json", "--since", "2025-12-01"))
    assert len(everything) > len(since)
    bad = runner.invoke(app, ["export", "--db", str(db), "--since", "last month"])
    assert bad.exit_code == 2
    assert "try --since 2026-01-31" in bad.stderr


def test_formats_review_takes_an_id_prefix(samples_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    shutil.copy(samples_db, db)
    rows = list(csv.DictReader(io.StringIO(mb("review", "export", "--db", str(db)))))
    full = next(r["record_id"] for r in rows if r["code"] == "CFLLC 21/22")
    result = runner.invoke(app, ["review", "accept", full[:6], "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip() == f"accepted {full} (action CFLLC 21/22)"


def test_formats_an_ambiguous_prefix_lists_its_matches(samples_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    shutil.copy(samples_db, db)
    with sqlite3.connect(db) as conn:
        # a second record whose id shares its first 8 characters with CFLLC 21/22's
        full = conn.execute("select id from records where code = 'CFLLC 21/22'").fetchone()[0]
        row = conn.execute("select * from records where code = 'CFLLC 20/22'").fetchone()
        names = [d[1] for d in conn.execute("pragma table_info(records)")]
        twin = dict(zip(names, row, strict=True)) | {"id": full[:8] + "00000000"}
        conn.execute(
            f"insert into records ({', '.join(names)}) values ({', '.join('?' * len(names))})",
            list(twin.values()),
        )
    result = runner.invoke(app, ["review", "reject", full[:8], "--db", str(db)])
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert f"record id {full[:8]!r} is ambiguous" in line
    assert f"{full} (action CFLLC 21/22)" in line
    assert f"{full[:8]}00000000 (action CFLLC 20/22)" in line


def test_formats_edit_answers_a_bad_date_with_an_example(samples_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    shutil.copy(samples_db, db)
    with sqlite3.connect(db) as conn:
        full = conn.execute("select id from records where code = 'CFLLC 21/22'").fetchone()[0]
    result = runner.invoke(
        app, ["review", "edit", full[:6], "--set", "deadline=next-week", "--db", str(db)]
    )
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"error: record {full}: deadline: 'next-week' is not a date; give an ISO date or the "
        "start of one, e.g. 2026-03-31, 2026-03 or 2026"
    )
    assert "\\d" not in result.stderr


SOFFICE = shutil.which("soffice")
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def _calc_cells(fods: Path) -> list[list[tuple[str | None, str | None, str]]]:
    """(value type, date value, text) of each cell, as LibreOffice Calc read the CSV."""
    import xml.etree.ElementTree as ET  # our own converted file, not untrusted input

    rows = []
    for row in ET.parse(fods).getroot().iter(_TABLE + "table-row"):
        cells: list[tuple[str | None, str | None, str]] = []
        for cell in row:
            repeat = min(int(cell.get(_TABLE + "number-columns-repeated", "1")), 16)
            text = " ".join("".join(cell.itertext()).split())
            cells += [(cell.get(_OFFICE + "value-type"), cell.get(_OFFICE + "date-value"), text)]
            cells += [cells[-1]] * (repeat - 1)
        rows.append(cells)
    return rows


@pytest.mark.skipif(
    SOFFICE is None, reason="needs LibreOffice (Debian libreoffice-calc-nogui; .ci/run installs it)"
)
def test_formats_excel_csv_opens_in_libreoffice_with_dates_as_dates(
    samples_db: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "records.csv"
    exported.write_text(mb("export", "--db", str(samples_db), "--excel"), encoding="utf-8")
    # as a clerk opens it: Calc's CSV import, comma-separated, the file's UTF-8 character set
    subprocess.run(
        [
            str(SOFFICE),
            "--headless",
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--infilter=CSV:44,34,76",
            "--convert-to",
            "fods",
            "--outdir",
            str(tmp_path),
            str(exported),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    header, *rows = _calc_cells(tmp_path / "records.fods")
    columns = PERSON.split(",")
    # the byte-order mark is read as the encoding, not as part of the first heading
    assert [text for _, _, text in header[: len(columns)]] == columns
    with exported.open(encoding="utf-8-sig", newline="") as f:
        written = list(csv.DictReader(f))
    assert len(rows) >= len(written)
    meeting, deadline, owner = (columns.index(c) for c in ("meeting_date", "deadline", "owner"))
    dated = 0
    for row, record in zip(rows, written, strict=False):
        for index, value in ((meeting, record["meeting_date"]), (deadline, record["deadline"])):
            kind, date_value, text = row[index]
            if len(value) == 10:  # a whole ISO date: a date cell holding that day
                assert (kind, date_value) == ("date", value), (record["code"], value)
                dated += 1
            elif len(value) == 7:  # a month: kept as written, not made the 1st of the month
                assert (kind, text) == ("string", value), (record["code"], value)
        assert row[owner][2] == " ".join(record["owner"].split())
    assert dated >= 290  # every sample's meeting date but the Leicester page's
    # curly quotes and dashes arrive as written: the Surrey tracker's owners
    assert any("Director – Education and Lifelong Learning" in r[owner][2] for r in rows)


def test_formats_extract_csv_has_the_jsonl_rows() -> None:
    tracker = str(SAMPLES / "surrey_cfllc_tracker_2022-12.txt")
    lines = mb("extract", tracker, "-f", "jsonl").splitlines()
    as_jsonl = [json.loads(line) for line in lines]
    as_csv = list(csv.DictReader(io.StringIO(mb("extract", tracker, "-f", "csv"))))
    assert list(as_csv[0]) == list(as_jsonl[0])  # the JSONL keys, in their order
    expected = [{k: "" if v is None else str(v) for k, v in row.items()} for row in as_jsonl]
    assert [{k: uncsv_cell(v) for k, v in row.items()} for row in as_csv] == expected
    # the Surrey tracker's fifteen rows (gold: 15)
    assert len(as_csv) == 15
