"""Word (.docx) minutes through python-docx: paragraphs and tables in document order."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from minutebook.errors import CorruptDocumentError
from minutebook.ingest.blocks import TextBuilder


def _row_cells(row: _Row) -> list[str]:
    cells: list[str] = []
    # The row's own w:tc elements, not row.cells: python-docx repeats a merged cell once
    # per grid column it spans and once per row it spans, so its text was duplicated.
    for tc in row._tr.tc_lst:
        # a vertically merged cell belongs to its first row; later rows show it blank
        cells.append("" if tc.vMerge == "continue" else _Cell(tc, row.table).text)
    return cells


def load(path: Path, data: bytes) -> TextBuilder:
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CorruptDocumentError(
            str(path), f"not a readable Word file ({type(exc).__name__}); re-save it as .docx"
        ) from exc
    builder = TextBuilder()
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            style = (item.style.name if item.style is not None else "") or ""
            heading = style.lower().startswith(("heading", "title"))
            for part in item.text.split("\n"):
                builder.add("heading" if heading else "paragraph", 1, part)
        elif isinstance(item, Table):
            for row in item.rows:
                builder.add_row(1, _row_cells(row))
    return builder
