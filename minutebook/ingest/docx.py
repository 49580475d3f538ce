"""Word (.docx) minutes through python-docx: paragraphs and tables in document order."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from minutebook.errors import CorruptDocumentError
from minutebook.ingest.blocks import TextBuilder


def _row_cells(row: object) -> list[str]:
    cells: list[str] = []
    last = None
    for cell in row.cells:  # type: ignore[attr-defined]
        # python-docx repeats a merged cell once per grid column it spans
        if cell._tc is last:
            continue
        last = cell._tc
        cells.append(cell.text)
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
