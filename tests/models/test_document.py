"""Document validation: blocks must point inside the text, each error naming its field."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from minutebook.ingest.blocks import TextBuilder
from minutebook.models import Block, Document

TEXT = "Minutes\nRESOLVED that the report be noted.\nCFLLC 21/22\tClerk\t2022-12"
BLOCKS = (
    Block(kind="heading", page=1, start=0, end=7),
    Block(kind="paragraph", page=1, start=8, end=42),
    Block(kind="table_row", page=2, start=43, end=68, cells=("CFLLC 21/22", "Clerk", "2022-12")),
)


def _doc(**changes: Any) -> Document:
    fields: dict[str, Any] = {
        "source": "m.pdf",
        "sha256": "b" * 64,
        "format": "pdf",
        "text": TEXT,
        "blocks": BLOCKS,
        "pages": 2,
    }
    return Document(**{**fields, **changes})


def _errors(**changes: Any) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        _doc(**changes)
    return {".".join(map(str, e["loc"])): e["msg"] for e in info.value.errors(include_url=False)}


def test_valid_document_blocks_read_back_their_text() -> None:
    doc = _doc()
    assert [doc.block_text(b) for b in doc.blocks] == [
        "Minutes",
        "RESOLVED that the report be noted.",
        "CFLLC 21/22\tClerk\t2022-12",
    ]
    assert doc.blocks[2].cell_spans() == [(43, 54), (55, 60), (61, 68)]


def test_block_end_before_start_is_rejected_on_end() -> None:
    with pytest.raises(ValidationError) as info:
        Block(kind="paragraph", page=1, start=10, end=4)
    assert [e["loc"] for e in info.value.errors()] == [("end",)]


def test_block_span_outside_the_text_is_rejected_on_blocks() -> None:
    outside = (*BLOCKS, Block(kind="paragraph", page=2, start=60, end=len(TEXT) + 1))
    errors = _errors(blocks=outside)
    assert list(errors) == ["blocks"]
    assert "block 3" in errors["blocks"]
    assert f"outside text of length {len(TEXT)}" in errors["blocks"]


def test_table_row_cells_must_match_the_text() -> None:
    wrong = (*BLOCKS[:2], BLOCKS[2].model_copy(update={"cells": ("CFLLC 21/22", "Clark", "x")}))
    assert list(_errors(blocks=wrong)) == ["blocks"]


def test_a_tag_belongs_to_a_tagged_block_and_the_text_ends_in_it() -> None:
    text = "The Clerk will write to the owner.\tClerk"
    tagged = Block(kind="tagged", page=1, start=0, end=len(text), tag="Clerk")
    assert _doc(text=text, blocks=(tagged,), pages=1).block_text(tagged).endswith("\tClerk")
    for kind, tag in (("tagged", None), ("paragraph", "Clerk"), ("table_row", "Clerk")):
        with pytest.raises(ValidationError) as info:
            Block(kind=kind, page=1, start=0, end=len(text), tag=tag)
        assert [e["loc"] for e in info.value.errors()] == [("tag",)], kind
    wrong = tagged.model_copy(update={"tag": "Chair"})  # copies are not validated again
    assert list(_errors(text=text, blocks=(wrong,), pages=1)) == ["blocks"]


def test_block_beyond_the_last_page_is_rejected_on_pages() -> None:
    errors = _errors(pages=1)
    assert list(errors) == ["pages"]
    assert "page 2 of a 1-page document" in errors["pages"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("meeting_date", "2025-02-31"),
        ("meeting_date", "2025-13"),
        ("format", "xlsx"),
        ("sha256", "z" * 64),
        ("source", ""),
        ("pages", 0),
        ("warnings_extra", ()),
    ],
)
def test_impossible_field_values_are_rejected_per_field(field: str, value: object) -> None:
    assert list(_errors(**{field: value})) == [field]


def test_unknown_block_kind_and_extra_field_are_rejected() -> None:
    with pytest.raises(ValidationError) as info:
        Block(kind="footnote", page=1, start=0, end=1, colour="red")  # type: ignore[call-arg]
    assert {e["loc"][0] for e in info.value.errors()} == {"kind", "colour"}


PIECES = st.lists(
    st.tuples(
        st.sampled_from(["heading", "paragraph", "row"]),
        st.integers(1, 3),
        st.lists(st.text(min_size=1, max_size=20), min_size=1, max_size=3),
    ),
    max_size=12,
)


@given(PIECES)
def test_builder_spans_and_page_lookup_agree(pieces: list[tuple[str, int, list[str]]]) -> None:
    """For any blocks a loader adds, spans point into the text and page_at finds their page."""
    builder = TextBuilder()
    page = 1
    for kind, step, parts in pieces:
        page += step - 1  # pages only move forward, as loaders read them
        if kind == "row":
            builder.add_row(page, parts)
        else:
            builder.add("heading" if kind == "heading" else "paragraph", page, " ".join(parts))
    if not builder.blocks:
        return
    doc = _doc(text=builder.text, blocks=builder.blocks, pages=page)
    for b in doc.blocks:
        assert doc.text[b.start : b.end].strip()
        assert doc.page_at(b.start) == b.page
        assert doc.page_at(b.end - 1) == b.page
