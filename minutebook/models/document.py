"""The normalised form every loader produces: one text, with blocks pointing into it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from minutebook.models.dates import IsoDatePrefix

BlockKind = Literal["heading", "paragraph", "table_row"]
Format = Literal["pdf", "html", "docx", "text"]

# Cells of a table row are joined by this in Document.text, so a cell's span is computable.
CELL_SEP = "\t"
BLOCK_SEP = "\n"


class Block(BaseModel):
    """A paragraph, heading or table row: its page and its character span in Document.text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: BlockKind
    page: int = Field(ge=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    cells: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _span_ordered(self) -> Block:
        if self.end < self.start:
            raise ValueError(f"block end {self.end} before start {self.start}")
        return self

    def cell_spans(self) -> list[tuple[int, int]]:
        """Character spans of each cell in Document.text (table rows only)."""
        spans = []
        pos = self.start
        for cell in self.cells:
            spans.append((pos, pos + len(cell)))
            pos += len(cell) + len(CELL_SEP)
        return spans


class Document(BaseModel):
    """A loaded source file: joined normalised text plus blocks with page and span."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field(min_length=1)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    format: Format
    text: str
    blocks: tuple[Block, ...]
    pages: int = Field(ge=1)
    meeting_date: IsoDatePrefix | None = None
    committee: str | None = None
    warnings: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _blocks_inside_text(self) -> Document:
        n = len(self.text)
        for b in self.blocks:
            if b.end > n:
                raise ValueError(f"block span {b.start}:{b.end} outside text of length {n}")
            if b.page > self.pages:
                raise ValueError(f"block on page {b.page} of a {self.pages}-page document")
            if b.kind == "table_row" and CELL_SEP.join(b.cells) != self.text[b.start : b.end]:
                raise ValueError(f"table row cells do not match text at {b.start}:{b.end}")
        return self

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    def page_at(self, offset: int) -> int:
        """Page of the block holding offset (the last block starting at or before it)."""
        page = 1
        for b in self.blocks:
            if b.start > offset:
                break
            page = b.page
        return page
