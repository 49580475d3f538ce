"""Recommendation trackers: tables with a recommendation or action column.

A header row names the columns (vocabulary in patterns/tracker_columns.json). Rows that
repeat (running headers, the colour key) are page furniture. A row with an empty clause
cell continues the row above across a page break; empty meeting and item cells inherit
from the row above. Short rows align to the right-hand columns, as PDF-to-text leaves them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from minutebook.extract.codes import parse_code
from minutebook.extract.vocab import json_file
from minutebook.models import Block, Document

ROLES = ("clause", "meeting", "item", "owner", "deadline", "progress", "check")


@dataclass
class Row:
    """One tracker row, its cells joined across page breaks."""

    kind: str
    cells: dict[str, str]
    spans: dict[str, tuple[int, int]]
    page: int
    blocks: list[int] = field(default_factory=list)


@cache
def column_vocabulary() -> dict[str, frozenset[str]]:
    return json_file(
        "tracker_columns.json",
        "column vocabulary",
        lambda data: {role: frozenset(n.lower() for n in data[role]) for role in ROLES},
    )


def _norm_header(cell: str) -> str:
    return re.sub(r"\s+", " ", cell.strip().lower().rstrip(":"))


def header_roles(cells: tuple[str, ...]) -> list[str | None] | None:
    """Column roles if this row is a tracker header (a clause column and two others)."""
    vocab = column_vocabulary()
    roles: list[str | None] = []
    for cell in cells:
        name = _norm_header(cell)
        roles.append(next((r for r in ROLES if name in vocab[r]), None))
    known = [r for r in roles if r]
    if "clause" in roles and len(set(known)) >= 3:
        return roles
    return None


def _row_kind(header_cells: tuple[str, ...], roles: list[str | None]) -> str:
    clause_header = header_cells[roles.index("clause")].lower()
    return (
        "action"
        if "action" in clause_header and "recommend" not in clause_header
        else ("recommendation")
    )


def _aligned(cells: tuple[str, ...], width: int) -> list[str]:
    if len(cells) >= width:
        return [*cells[: width - 1], " ".join(c for c in cells[width - 1 :] if c)]
    return [""] * (width - len(cells)) + list(cells)


def tracker_rows(doc: Document) -> tuple[list[Row], set[int]]:
    """Tracker rows of every tracker table, and the starts of the blocks they cover."""
    rows: list[Row] = []
    covered: set[int] = set()
    repeated = Counter(doc.block_text(b) for b in doc.blocks if b.kind == "table_row")
    header: tuple[str, ...] | None = None
    roles: list[str | None] = []
    kind = "recommendation"
    inherited: dict[str, tuple[str, tuple[int, int]]] = {}
    for block in doc.blocks:
        if block.kind != "table_row":
            continue
        found = header_roles(block.cells)
        if found:
            header, roles, kind = block.cells, found, _row_kind(block.cells, found)
            inherited = {}
            covered.add(block.start)
            continue
        if header is None:
            continue
        covered.add(block.start)
        if repeated[doc.block_text(block)] > 1 and not _has_clause(block, roles):
            continue  # running page furniture (the colour key, repeated titles)
        _add_row(doc, block, roles, kind, rows, inherited)
    return rows, covered


def _has_clause(block: Block, roles: list[str | None]) -> bool:
    cells = _aligned(block.cells, len(roles))
    return bool(cells[roles.index("clause")].strip())


def _add_row(
    doc: Document,
    block: Block,
    roles: list[str | None],
    kind: str,
    rows: list[Row],
    inherited: dict[str, tuple[str, tuple[int, int]]],
) -> None:
    width = len(roles)
    cells = _aligned(block.cells, width)
    spans = block.cell_spans()
    spans = [(block.start, block.start)] * (width - len(spans)) + spans[:width]
    by_role = {r: (cells[i], spans[i]) for i, r in enumerate(roles) if r}
    clause_text = by_role["clause"][0].strip()
    if not clause_text:
        if rows:
            _continue_row(rows[-1], by_role, block)
        return
    for role in ("meeting", "item"):
        if role in by_role and by_role[role][0].strip():
            inherited[role] = by_role[role]
        elif role in inherited:
            by_role[role] = inherited[role]
    row = Row(
        kind=kind,
        cells={r: v[0] for r, v in by_role.items()},
        spans={r: v[1] for r, v in by_role.items()},
        page=block.page,
        blocks=[block.start],
    )
    rows.append(row)


def _continue_row(row: Row, by_role: dict[str, tuple[str, tuple[int, int]]], block: Block) -> None:
    for role, (text, _) in by_role.items():
        if text.strip() and role not in ("meeting", "item"):
            joined = (row.cells.get(role, "") + " " + text.strip()).strip()
            row.cells[role] = joined
    row.blocks.append(block.start)


def split_code(cell: str) -> tuple[str | None, int]:
    """A code at the start of a clause cell ("CFLLC 21/22: That ...") and where the text starts."""
    m = re.match(r"^\s*(?P<code>[^:]{2,24}?)\s*[:–—-]\s+", cell)
    if m:
        code = parse_code(m.group("code"), allow_plain_number=False)
        if code:
            return code, m.end()
    m = re.match(r"^\s*(?P<code>[A-Z]{2,8}[. ]?\d{1,4}(?:/\d{2,4})?)\s+", cell)
    if m and (code := parse_code(m.group("code"), allow_plain_number=False)):
        return code, m.end()
    return None, 0
