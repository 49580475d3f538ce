"""parse_code: the reference a cell or heading starts with, found exactly, and never a crash."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from minutebook.extract.codes import join_code, normalise_code, parse_code

UPPER = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=8)
LOWER = st.sampled_from("abcdefghijklmnopqrstuvwxyz")


def _digits(low: int, high: int) -> st.SearchStrategy[str]:
    return st.integers(low, high).map(str)


@st.composite
def committee_slash(draw: st.DrawFn) -> str:
    """'CFLLC 21/22': committee letters, item number, year."""
    return f"{draw(UPPER)} {draw(_digits(1, 9999))}/{draw(st.integers(0, 99)):02d}"


@st.composite
def committee_dot(draw: st.DrawFn) -> str:
    """'SPCLL.43': committee letters, a dot, the minute number."""
    return f"{draw(UPPER)}.{draw(_digits(1, 9999))}"


@st.composite
def minute_with_letter(draw: st.DrawFn) -> str:
    """'25(b)': minute number and its sub-clause letter."""
    return f"{draw(_digits(1, 9999))}({draw(LOWER)})"


@st.composite
def resolution_number(draw: st.DrawFn) -> str:
    """'R2025-197(2)': resolution year and number, optionally a part."""
    part = draw(st.one_of(st.just(""), _digits(1, 99).map(lambda n: f"({n})")))
    return f"R{draw(st.integers(1990, 2099))}-{draw(_digits(1, 9999))}{part}"


@st.composite
def number_slash_year(draw: st.DrawFn) -> str:
    """'107/20': minute number and two-digit year."""
    return f"{draw(_digits(1, 9999))}/{draw(st.integers(0, 99)):02d}"


CODES = st.one_of(
    committee_slash(),
    committee_dot(),
    minute_with_letter(),
    resolution_number(),
    number_slash_year(),
)
# How a code is set off from the title or clause that follows it in a cell or heading.
SEPARATORS = st.sampled_from([" ", ": ", " – ", " - ", "\t", ". ", " ("])
PROSE = st.text(alphabet=st.characters(categories=("L", "N", "P", "Zs")), max_size=40)


@given(code=CODES, lead=st.sampled_from(["", " ", "(", "  "]), sep=SEPARATORS, prose=PROSE)
@example(code="CFLLC 21/22", lead="", sep=": ", prose="The Committee asks")
@example(code="SPCLL.43", lead="", sep=" ", prose="Minutes of the last meeting")
@example(code="25(b)", lead="", sep=" ", prose="That the report be noted")
@example(code="R2025-197(2)", lead="", sep=" ", prose="Moved by Councillor Smith")
@example(code="107/20", lead="", sep=" ", prose="Planning applications")
def test_parse_code_finds_exactly_the_leading_code(
    code: str, lead: str, sep: str, prose: str
) -> None:
    assert parse_code(f"{lead}{code}{sep}{prose}") == code


@given(code=CODES)
def test_parse_code_on_the_code_alone(code: str) -> None:
    assert parse_code(code) == code


@given(code=CODES, word=st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=6))
def test_parse_code_rejects_a_code_glued_to_a_word(code: str, word: str) -> None:
    # "25(b)x" or "SPCLL.43rd" is not that code: the match must end at a word boundary
    assert parse_code(f"{code}{word} text") != code


@given(st.text())
def test_parse_code_arbitrary_text_never_raises(text: str) -> None:
    code = parse_code(text)
    if code is not None:
        assert code
        assert code == code.strip()
        # the code is the start of the text, up to the spacing normalise_code collapses
        squeezed = re.sub(r"\s", "", text.lstrip(" ("))
        assert squeezed.startswith(re.sub(r"\s", "", code))


@pytest.mark.parametrize(
    ("text", "allow_plain", "expected"),
    [
        ("25 Apologies for absence", True, "25"),
        ("25 Apologies for absence", False, None),  # a bare number in prose may be a quantity
        ("12A Planning", True, "12A"),
        ("25(iv) That the Clerk", True, "25(iv)"),
        ("SPCLL.43(a) That", True, "SPCLL.43(a)"),
        ("Apologies for absence", True, None),
        ("", True, None),
        ("(b) That the report be noted", True, None),  # a bare sub-clause label is not a code
    ],
)
def test_parse_code_examples(text: str, allow_plain: bool, expected: str | None) -> None:
    assert parse_code(text, allow_plain_number=allow_plain) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("R2020 -61", "R2020-61"), ("CFLLC  21/22", "CFLLC 21/22"), ("SPCLL. 43", "SPCLL.43")],
)
def test_normalise_code_spacing(raw: str, expected: str) -> None:
    assert normalise_code(raw) == expected


def test_join_code() -> None:
    assert join_code("25", "b") == "25(b)"
    assert join_code("25", None) == "25"
    assert join_code(None, "b") is None
