"""The normalised form every loader produces: one text, with blocks pointing into it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from minutebook.models.dates import IsoDatePrefix

# "tagged": a paragraph ending in a few words the source set apart from it (HTML
# emphasis: "... in Salem. <em>Clerk</em>"), kept as Block.tag: most often who acts, at
# times a note ("Noted"); extract/tags.py decides which.
BlockKind = Literal["heading", "paragraph", "table_row", "tagged"]
Format = Literal["pdf", "html", "docx", "text"]

# Cells of a table row are joined by this in Document.text, so a cell's span is computable.
CELL_SEP = "\t"
# Between a paragraph and its owner tag in Document.text: a tab, as between cells, is never
# inside a sentence, so no sentence runs on into the tag.
TAG_SEP = "\t"
BLOCK_SEP = "\n"


class Block(BaseModel):
    """A paragraph, heading, table row or tagged paragraph: its page and its character span
    in Document.text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: BlockKind
    page: int = Field(ge=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    cells: tuple[str, ...] = ()
    # a tagged block's tag; the block's text is the paragraph, TAG_SEP, then the tag
    tag: str | None = Field(default=None, validate_default=True)

    # Field validators rather than model ones, so each error names its field ("end: ...").
    @field_validator("end")
    @classmethod
    def _span_ordered(cls, end: int, info: ValidationInfo) -> int:
        start = info.data.get("start")
        if start is not None and end < start:
            raise ValueError(f"block end {end} before start {start}")
        return end

    @field_validator("tag")
    @classmethod
    def _tag_on_tagged_blocks(cls, tag: str | None, info: ValidationInfo) -> str | None:
        kind = info.data.get("kind")
        if kind is None:
            return tag  # the kind itself is invalid, and says so
        if kind == "tagged" and tag is None:
            raise ValueError("a tagged block needs its tag")
        if kind != "tagged" and tag is not None:
            raise ValueError(f"only a tagged block has a tag, not a {kind}")
        return tag

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

    # Field validators rather than a model one, so each error names its field ("blocks: ...").
    @field_validator("blocks")
    @classmethod
    def _blocks_inside_text(
        cls, blocks: tuple[Block, ...], info: ValidationInfo
    ) -> tuple[Block, ...]:
        text = info.data.get("text")
        if text is None:
            return blocks
        n = len(text)
        for i, b in enumerate(blocks):
            if b.end > n:
                raise ValueError(f"block {i} span {b.start}:{b.end} outside text of length {n}")
            if b.kind == "table_row" and CELL_SEP.join(b.cells) != text[b.start : b.end]:
                raise ValueError(
                    f"block {i} table row cells do not match text at {b.start}:{b.end}"
                )
            if b.tag is not None and not text[b.start : b.end].endswith(TAG_SEP + b.tag):
                raise ValueError(f"block {i} does not end in its tag at {b.start}:{b.end}")
        return blocks

    @field_validator("pages")
    @classmethod
    def _blocks_on_pages(cls, pages: int, info: ValidationInfo) -> int:
        for i, b in enumerate(info.data.get("blocks", ())):
            if b.page > pages:
                raise ValueError(f"block {i} is on page {b.page} of a {pages}-page document")
        return pages

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
