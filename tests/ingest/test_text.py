"""Text loader: tab- and pipe-separated lines become table rows with the right cells."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from minutebook.errors import CorruptDocumentError
from minutebook.ingest import load
from minutebook.ingest.text import parse
from minutebook.models import Document
from tests import badinputs
from tests.conftest import SAMPLES

Maker = Callable[[Path], Path]


def _rows(doc: Document) -> list[tuple[str, ...]]:
    return [b.cells for b in doc.blocks if b.kind == "table_row"]


def _block(doc: Document, startswith: str) -> tuple[str, tuple[str, ...], str]:
    for b in doc.blocks:
        if doc.block_text(b).startswith(startswith):
            return b.kind, b.cells, doc.block_text(b)
    raise AssertionError(f"no block starts with {startswith!r}")


def test_tab_rows_of_the_surrey_tracker() -> None:
    doc = load(SAMPLES / "surrey_cfllc_tracker_2022-12.txt")
    # line 16 of the sample: the tracker's column headings
    assert (
        "Meeting",
        "Item",
        "Recommendation",
        "Responsible Officer/Member",
        "Deadline",
        "Progress Check On",
        "Update/Response",
    ) in _rows(doc)
    # line 11: '<b>KEY</b>' and three empty cells; the tags go, the empty cells stay
    assert ("KEY", "", "", "") in _rows(doc)
    kind, cells, _ = _block(doc, "14 December 2020\tUpdate on the Implementation")
    assert kind == "table_row"
    assert cells[2].startswith("CFLLC 1/20: That the Director – Education")
    assert cells[3] == "Liz Mills, Director – Education, Learning and Culture"
    assert cells[4:6] == ("N/A", "N/A")


def test_tab_rows_of_the_nelincs_tracker() -> None:
    doc = load(SAMPLES / "nelincs_cllsp_tracker_2026-01-15.txt")
    rows = _rows(doc)
    assert ("DATE", "15 th January 2026") in rows
    assert ("STATUS", "Open") in rows
    assert ("DATE", "RECOMMENDATION", "RESPONSIBLE", "PROGRESS/COMMENTS") in rows
    kind, cells, _ = _block(doc, "13 th November 2025\tSPCLL.43 URGENT BUSINESS")
    assert kind == "table_row"
    assert "<p>" not in cells[1]


def test_pipe_rows_of_the_leicester_minutes() -> None:
    doc = load(SAMPLES / "leicester_cyped_minutes_2025.txt")
    assert _rows(doc)[0] == ("No.", "Item")  # line 3: 'No. | Item |'
    # '---|---|' and lone '|' lines are table rules, not blocks
    assert all(doc.block_text(b).strip("|-: ") for b in doc.blocks)
    # line 22 ends with a stray pipe: still a paragraph, without it
    kind, _, text = _block(doc, "Petitions Any petitions received")
    assert kind == "paragraph"
    assert text.endswith("none had been received.")


def test_markdown_pipe_table() -> None:
    built = parse(
        "# Actions\n"
        "| Code | Action | Owner | Deadline |\n"
        "|------|:-------|-------|---------:|\n"
        "| CFLLC 21/22 | Write to **Highways** about <b>the A16</b> | Clerk | 31/12/2025 |\n"
        "| CFLLC 22/22 | Circulate the note |  | N/A |\n"
        "Clerk to write to Highways.\n"
    )
    text = built.text
    got = [
        (b.kind, b.cells if b.kind == "table_row" else text[b.start : b.end]) for b in built.blocks
    ]
    assert got == [
        ("heading", "Actions"),
        ("table_row", ("Code", "Action", "Owner", "Deadline")),
        ("table_row", ("CFLLC 21/22", "Write to Highways about the A16", "Clerk", "31/12/2025")),
        ("table_row", ("CFLLC 22/22", "Circulate the note", "", "N/A")),
        ("paragraph", "Clerk to write to Highways."),
    ]


def test_tab_table_keeps_empty_cells_in_place(tmp_path: Path) -> None:
    path = tmp_path / "log.txt"
    path.write_text(
        "Action log\n"
        "Item\tAction\tOwner\tDeadline\n"
        "4\tClerk to write to Highways\tClerk\t30 September 2025\n"
        "\tChase the quote\t\tOctober 2025\n",
        encoding="utf-8",
    )
    doc = load(path)
    assert _rows(doc) == [
        ("Item", "Action", "Owner", "Deadline"),
        ("4", "Clerk to write to Highways", "Clerk", "30 September 2025"),
        ("", "Chase the quote", "", "October 2025"),
    ]
    # each cell's span reads back its cell
    for b in doc.blocks:
        for cell, (start, end) in zip(b.cells, b.cell_spans(), strict=True):
            assert doc.text[start:end] == cell


@pytest.mark.parametrize("maker", [badinputs.utf16_text, badinputs.cp1252_text])
def test_windows_unicode_and_cp1252_text_read_as_the_sample(tmp_path: Path, maker: Maker) -> None:
    # issue 14.7: UTF-16 with a BOM (Notepad's "Unicode") was refused as binary
    saved = load(maker(tmp_path / "minutes.txt"))
    original = load(SAMPLES / "nelincs_cllsp_minutes_2020-07-09.txt")
    assert saved.text.startswith(original.text)
    assert len(saved.blocks) >= len(original.blocks)
    if maker is badinputs.cp1252_text:
        assert "£5 fee be kept ‘as is’" in saved.text


def test_picture_named_txt_is_still_binary(tmp_path: Path) -> None:
    with pytest.raises(CorruptDocumentError, match="binary content"):
        load(badinputs.binary_named_txt(tmp_path / "minutes.txt"))
