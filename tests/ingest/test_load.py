"""load(): every format into one Document whose blocks point into its text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from minutebook.errors import (
    CorruptDocumentError,
    EmptyDocumentError,
    EncryptedDocumentError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from minutebook.ingest import load
from tests.conftest import SAMPLES, sample_paths
from tests.fixtures import (
    broken_files,
    minutes_docx,
    minutes_html,
    minutes_pdf,
    sample_lines,
    tracker_pdf,
    tracker_rows,
)


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_load_blocks_point_into_text(path: Path) -> None:
    doc = load(path)
    assert doc.blocks
    pages = [b.page for b in doc.blocks]
    assert pages == sorted(pages), "page numbers never decrease"
    for b in doc.blocks:
        piece = doc.text[b.start : b.end]
        assert piece.strip()
        assert "\n" not in piece
        if b.kind == "table_row":
            assert "\t".join(b.cells) == piece
        else:
            assert piece == piece.strip()


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9£%]+", text)


def test_load_pdf_made_from_sample_keeps_its_words(tmp_path: Path) -> None:
    name = "nelincs_cllsp_minutes_2020-07-09.txt"
    pdf = minutes_pdf(name, tmp_path / "minutes.pdf")
    doc = load(pdf)
    assert doc.format == "pdf"
    assert doc.pages >= 2
    expected = _words(" ".join(sample_lines(name)))
    got = _words(doc.text)
    # reportlab prints page numbers nowhere here, so nothing may be lost or invented
    assert got == expected


def test_load_tracker_pdf_keeps_table_rows_across_pages(tmp_path: Path) -> None:
    name = "surrey_cfllc_tracker_2022-12.txt"
    header, rows = tracker_rows(name)
    doc = load(tracker_pdf(name, tmp_path / "tracker.pdf"))
    table_rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert doc.pages > 1
    assert {b.page for b in table_rows} == set(range(1, doc.pages + 1))
    # every tracker row's code is in exactly one row block (a row may split at a page break)
    for row in rows:
        code = re.search(r"CFLLC \d+/\d+", " ".join(row))
        if code:
            holders = [b for b in table_rows if code.group(0) in doc.text[b.start : b.end]]
            assert len(holders) == 1, code.group(0)
    assert any(tuple(header) == b.cells for b in table_rows)


def test_load_docx_keeps_paragraphs_and_tables(tmp_path: Path) -> None:
    doc = load(minutes_docx("surrey_cfllc_tracker_2022-12.txt", tmp_path / "t.docx"))
    assert doc.format == "docx"
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert sum("CFLLC 21/22" in doc.text[b.start : b.end] for b in rows) == 1
    assert any(
        b.kind == "paragraph" and "ACTIONS AND RECOMMENDATIONS TRACKER" in doc.text[b.start : b.end]
        for b in doc.blocks
    )


def test_load_html_drops_navigation_sidebar_and_scripts(tmp_path: Path) -> None:
    doc = load(minutes_html("leics_cfosc_minutes_2025-09-02.txt", tmp_path / "m.html"))
    assert doc.format == "html"
    assert "menu is not a record" not in doc.text
    assert "sidebars are noise" not in doc.text
    assert "var x" not in doc.text
    assert "Copyright" not in doc.text
    assert "That the Director of Children and Family Services be requested" in doc.text


def test_load_text_strips_leftover_tags() -> None:
    doc = load(SAMPLES / "surrey_cfllc_tracker_2022-12.txt")
    assert "<b>" not in doc.text
    assert "<p>" not in doc.text
    assert "**" not in doc.text
    assert "CFLLC 21/22: The Committee asks" in doc.text


def test_load_sniffs_content_not_only_suffix(tmp_path: Path) -> None:
    pdf = minutes_pdf("nelincs_cllsp_minutes_2020-07-09.txt", tmp_path / "m.pdf")
    renamed = tmp_path / "minutes-download"
    renamed.write_bytes(pdf.read_bytes())
    assert load(renamed).format == "pdf"


def test_load_bad_inputs_raise_typed_one_line_errors(tmp_path: Path) -> None:
    good = minutes_pdf("nelincs_cllsp_minutes_2020-07-09.txt", tmp_path / "good.pdf")
    bad = broken_files(tmp_path / "bad", good)
    expected = {
        "truncated": CorruptDocumentError,
        "empty": EmptyDocumentError,
        "html_as_pdf": CorruptDocumentError,
        "junk": CorruptDocumentError,
        "unsupported": UnsupportedFormatError,
    }
    for key, error in expected.items():
        with pytest.raises(error) as info:
            load(bad[key])
        message = str(info.value)
        assert str(bad[key]) in message
        assert "\n" not in message


def test_load_encrypted_pdf(tmp_path: Path) -> None:
    pdf = minutes_pdf("nelincs_cllsp_minutes_2020-07-09.txt", tmp_path / "locked.pdf", encrypt="pw")
    with pytest.raises(EncryptedDocumentError, match="password-protected"):
        load(pdf)


def test_load_a_file_the_os_will_not_read_is_unreadable(tmp_path: Path) -> None:
    # A mode-000 file cannot stand in here: CI runs as root, which reads it anyway. A
    # folder named like minutes fails the same read with an OSError from the kernel.
    folder = tmp_path / "minutes.pdf"
    folder.mkdir()
    with pytest.raises(UnreadableFileError) as caught:
        load(folder)
    assert caught.value.reason == "unreadable"
    assert str(caught.value).startswith(f"{folder}: cannot read the file (")
    assert "\n" not in str(caught.value)
