"""Assemble blocks into one joined text; shared by every loader."""

from __future__ import annotations

import re
import unicodedata

from minutebook.models import BLOCK_SEP, CELL_SEP, TAG_SEP, Block, BlockKind

_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# PDF private-use bullets and Word symbol-font bullets: keep them as a plain bullet.
_BULLETS = re.compile(r"[\uf0b7\uf0a7\uf076\uf0d8\uf0fc\u25aa\u25cf\u2022\u00b7]")


# "351.It was resolved": a minute number typed against its first word
_NUMBER_AGAINST_WORD = re.compile(r"(?:^|(?<=\s))(\d{1,4}\.)(?=[A-Z][a-z])")


def clean(text: str) -> str:
    """Collapse whitespace (never across blocks), normalise bullets and compatibility forms,
    and part a minute number from the word typed against it."""
    text = unicodedata.normalize("NFC", text)
    text = _BULLETS.sub("•", text)
    text = text.replace("\r", " ").replace("\n", " ")
    text = _NUMBER_AGAINST_WORD.sub(r"\1 ", text)
    return _SPACE.sub(" ", text).strip()


class TextBuilder:
    """Collects blocks in reading order and keeps their spans into the joined text."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._blocks: list[Block] = []
        self._pos = 0

    def add(self, kind: BlockKind, page: int, text: str) -> None:
        text = clean(text)
        if not text:
            return
        self._append(Block(kind=kind, page=page, start=self._pos, end=self._pos + len(text)), text)

    def add_row(self, page: int, cells: list[str]) -> None:
        cleaned = tuple(clean(c) for c in cells)
        if not any(cleaned):
            return
        text = CELL_SEP.join(cleaned)
        block = Block(
            kind="table_row", page=page, start=self._pos, end=self._pos + len(text), cells=cleaned
        )
        self._append(block, text)

    def add_tagged(self, page: int, text: str, tag: str) -> None:
        """A paragraph ending in an owner tag the source set apart from it."""
        body, tag = clean(text), clean(tag)
        if not body or not tag:
            self.add("paragraph", page, body or tag)
            return
        joined = body + TAG_SEP + tag
        block = Block(
            kind="tagged", page=page, start=self._pos, end=self._pos + len(joined), tag=tag
        )
        self._append(block, joined)

    def _append(self, block: Block, text: str) -> None:
        self._parts.append(text)
        self._blocks.append(block)
        self._pos += len(text) + len(BLOCK_SEP)

    @property
    def text(self) -> str:
        return BLOCK_SEP.join(self._parts)

    @property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(self._blocks)
