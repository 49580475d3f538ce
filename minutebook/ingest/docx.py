"""Word (.docx) minutes through python-docx: paragraphs and tables in document order."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from minutebook.errors import CorruptDocumentError, InputTooLargeError, UnsafeDocumentError
from minutebook.ingest.blocks import TextBuilder
from minutebook.ingest.limits import (
    MAX_DOCX_MEMBERS,
    MAX_DOCX_UNPACKED_BYTES,
    MAX_DOCX_XML_BYTES,
    MB,
)

_CHUNK = 1024 * 1024
# Word never writes a DTD; one in a package is there to define entities (billion laughs)
_DTD = (b"<!DOCTYPE", b"<!ENTITY")


def _row_cells(row: _Row) -> list[str]:
    cells: list[str] = []
    # The row's own w:tc elements, not row.cells: python-docx repeats a merged cell once
    # per grid column it spans and once per row it spans, so its text was duplicated.
    for tc in row._tr.tc_lst:
        # a vertically merged cell belongs to its first row; later rows show it blank
        cells.append("" if tc.vMerge == "continue" else _Cell(tc, row.table).text)
    return cells


def _too_large(path: Path, what: str, size: int, limit: int) -> InputTooLargeError:
    return InputTooLargeError(
        str(path),
        f"{what} unpacks to {size / MB:,.0f} MB, over the {limit / MB:,.0f} MB limit "
        "(a zip bomb?); open it in Word and save it again",
    )


def _inflated_size(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    """What an XML member really inflates to, read in chunks and never past the limit,
    refusing a DTD on the way."""
    size = 0
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            if size == 0 and any(mark in chunk for mark in _DTD):
                raise UnsafeDocumentError(
                    str(path),
                    f"{info.filename} defines XML entities, which Word never writes "
                    "(an entity bomb?); re-save the file from Word",
                )
            size += len(chunk)
            if size > MAX_DOCX_XML_BYTES:
                break
    return size


def check_package(path: Path, data: bytes) -> None:
    """Refuse a package that would unpack to more than any minutes need, before
    python-docx reads every member into memory: sizes as the zip declares them, then
    as the XML members really inflate."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        if len(infos) > MAX_DOCX_MEMBERS:
            raise InputTooLargeError(
                str(path), f"{len(infos):,} parts, over the {MAX_DOCX_MEMBERS:,} limit"
            )
        declared = sum(i.file_size for i in infos)
        if declared > MAX_DOCX_UNPACKED_BYTES:
            raise _too_large(path, "the file", declared, MAX_DOCX_UNPACKED_BYTES)
        for info in infos:
            if not info.filename.endswith((".xml", ".rels")):
                continue
            if info.file_size > MAX_DOCX_XML_BYTES:
                raise _too_large(path, info.filename, info.file_size, MAX_DOCX_XML_BYTES)
            size = _inflated_size(path, archive, info)  # zipfile stops at the declared size
            if size > MAX_DOCX_XML_BYTES:
                raise _too_large(path, info.filename, size, MAX_DOCX_XML_BYTES)


def _corrupt(path: Path, exc: Exception) -> CorruptDocumentError:
    return CorruptDocumentError(
        str(path), f"not a readable Word file ({type(exc).__name__}); re-save it as .docx"
    )


def load(path: Path, data: bytes) -> TextBuilder:
    try:
        check_package(path, data)
        document = docx.Document(io.BytesIO(data))
    except SyntaxError as exc:  # lxml's XMLSyntaxError derives from it
        if "amplification" in str(exc) or "entity" in str(exc).lower():
            raise UnsafeDocumentError(
                str(path), f"the XML parser refused it as an entity bomb ({exc})"
            ) from exc
        raise _corrupt(path, exc) from exc
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,  # a compression method zipfile does not know
        KeyError,
        ValueError,
    ) as exc:
        raise _corrupt(path, exc) from exc

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
