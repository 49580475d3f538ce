"""DOCX loader: paragraphs and tables in document order; merged cells read once."""

from __future__ import annotations

from pathlib import Path

from docx import Document as DocxDocument

from minutebook.ingest import load
from minutebook.ingest.text import strip_tags
from minutebook.models import Document
from tests.conftest import SAMPLES
from tests.fixtures import minutes_docx

TRACKER = "surrey_cfllc_tracker_2022-12.txt"


def _squash(text: str) -> str:
    return " ".join(text.split())


def _expected_from_sample(name: str) -> list[tuple[str, tuple[str, ...]]]:
    """What a reader sees in the sample, in order: paragraphs, and rows as their filled cells."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for raw in (SAMPLES / name).read_text(encoding="utf-8").splitlines():
        if "\t" in raw:
            cells = tuple(_squash(strip_tags(c)) for c in raw.split("\t"))
            out.append(("table_row", tuple(c for c in cells if c)))
        elif line := _squash(strip_tags(raw).replace("**", "")):
            out.append(("paragraph", (line,)))
    return out


def _got(doc: Document) -> list[tuple[str, tuple[str, ...]]]:
    return [
        (b.kind, tuple(c for c in b.cells if c) if b.kind == "table_row" else (doc.block_text(b),))
        for b in doc.blocks
    ]


def test_paragraphs_and_table_rows_come_in_document_order(tmp_path: Path) -> None:
    doc = load(minutes_docx(TRACKER, tmp_path / "tracker.docx"))
    assert doc.format == "docx"
    expected = _expected_from_sample(TRACKER)
    assert sum(kind == "table_row" for kind, _ in expected) > 10
    assert sum(kind == "paragraph" for kind, _ in expected) > 3
    assert _got(doc) == expected


def test_headings_are_headings(tmp_path: Path) -> None:
    document = DocxDocument()
    document.add_heading("25. Budget Monitoring", level=2)
    document.add_paragraph("RESOLVED that the report be noted.")
    path = tmp_path / "h.docx"
    document.save(str(path))
    doc = load(path)
    assert [(b.kind, doc.block_text(b)) for b in doc.blocks] == [
        ("heading", "25. Budget Monitoring"),
        ("paragraph", "RESOLVED that the report be noted."),
    ]


def test_merged_cells_are_not_duplicated(tmp_path: Path) -> None:
    document = DocxDocument()
    document.add_paragraph("Actions tracker")
    table = document.add_table(rows=4, cols=4)
    rows = [
        ["Meeting", "Code", "Action", "Owner"],
        ["", "CFLLC 21/22", "Write to the Secretary of State", "Director"],
        ["", "CFLLC 22/22", "Report back on the outreach offer", "Clerk"],
        ["", "CFLLC 23/22", "Circulate the briefing note", "Clerk"],
    ]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    # one meeting cell spanning three rows, and one action spanning two columns
    table.cell(1, 0).merge(table.cell(3, 0)).text = "14 December 2021"
    table.cell(3, 2).merge(table.cell(3, 3)).text = "Circulate the briefing note to all Members"
    document.add_paragraph("End of tracker")
    path = tmp_path / "merged.docx"
    document.save(str(path))

    doc = load(path)
    assert doc.text.count("14 December 2021") == 1
    assert doc.text.count("Circulate the briefing note") == 1
    cells = [b.cells for b in doc.blocks if b.kind == "table_row"]
    assert cells == [
        ("Meeting", "Code", "Action", "Owner"),
        ("14 December 2021", "CFLLC 21/22", "Write to the Secretary of State", "Director"),
        # the meeting cell's later rows are blank, so columns stay where they were
        ("", "CFLLC 22/22", "Report back on the outreach offer", "Clerk"),
        ("", "CFLLC 23/22", "Circulate the briefing note to all Members"),
    ]
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["paragraph"] + ["table_row"] * 4 + ["paragraph"]
