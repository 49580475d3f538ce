"""Record validation: impossible values are rejected, each error naming its field."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from minutebook.models import Record

VALID: dict[str, Any] = {
    "kind": "resolution",
    "code": "25(b)",
    "text": "That the report be noted.",
    "deadline": "2025-12",
    "meeting_date": "2025-09-02",
    "source": "samples/minutes.pdf",
    "sha256": "a" * 64,
    "page": 2,
    "start": 100,
    "end": 125,
    "rule": "introducers:decision-heading",
}


def _errors(**changes: Any) -> dict[str, str]:
    """Field path -> message for every fault pydantic reports."""
    with pytest.raises(ValidationError) as info:
        Record(**{**VALID, **changes})
    return {".".join(map(str, e["loc"])): e["msg"] for e in info.value.errors(include_url=False)}


def test_valid_record_is_accepted() -> None:
    record = Record(**VALID)
    assert record.deadline == "2025-12"


@pytest.mark.parametrize(("start", "end"), [(100, 99), (100, 100), (5, 0)])
def test_span_end_not_after_start_is_rejected_on_end(start: int, end: int) -> None:
    errors = _errors(start=start, end=end)
    assert list(errors) == ["end"]
    assert f"{start}:{end}" in errors["end"]


@pytest.mark.parametrize(
    "value",
    [
        "2025-02-31",  # no 31 February
        "2023-02-29",  # not a leap year
        "2025-13",  # no 13th month
        "2025-00",
        "2025-04-31",
        "0000",
        "2025-9-2",  # not zero-padded
        "02/09/2025",  # not ISO
        "2025-09-02T10:00",
        "",
        "September 2025",
    ],
)
@pytest.mark.parametrize("field", ["deadline", "meeting_date"])
def test_malformed_or_impossible_dates_are_rejected(field: str, value: str) -> None:
    assert list(_errors(**{field: value})) == [field]


@pytest.mark.parametrize("value", ["2024-02-29", "2025-12", "2023", "2025-09-02", None])
def test_real_dates_and_prefixes_are_accepted(value: str | None) -> None:
    assert Record(**{**VALID, "deadline": value}).deadline == value


@pytest.mark.parametrize("kind", ["motion", "Resolution", "decision", ""])
def test_unknown_kind_is_rejected(kind: str) -> None:
    assert list(_errors(kind=kind)) == ["kind"]


def test_extra_field_is_rejected() -> None:
    errors = _errors(colour="red")
    assert list(errors) == ["colour"]
    assert "Extra inputs" in errors["colour"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("page", 0), ("start", -1), ("sha256", "not-a-hash"), ("text", ""), ("rule", "")],
)
def test_out_of_range_provenance_is_rejected(field: str, value: object) -> None:
    assert field in _errors(**{field: value})


def test_every_fault_is_reported_at_once_one_per_field() -> None:
    errors = _errors(
        kind="motion", deadline="2025-02-31", meeting_date="2025-13", end=50, extra=True
    )
    assert set(errors) == {"kind", "deadline", "meeting_date", "end", "extra"}


def test_record_is_frozen() -> None:
    record = Record(**VALID)
    with pytest.raises(ValidationError):
        record.text = "changed"  # type: ignore[misc]


@given(
    text=st.text(min_size=1),
    code=st.one_of(st.none(), st.text(min_size=1, max_size=12)),
    ordinal=st.integers(0, 5),
)
def test_record_id_is_stable_and_ignores_provenance(
    text: str, code: str | None, ordinal: int
) -> None:
    a = Record(**{**VALID, "text": text, "code": code})
    moved = Record(**{**VALID, "text": text, "code": code, "page": 9, "start": 1, "end": 2})
    assert a.record_id("doc", ordinal) == moved.record_id("doc", ordinal)
    assert a.record_id("doc", ordinal) != a.record_id("other-doc", ordinal)
    assert a.record_id("doc", ordinal) != a.record_id("doc", ordinal + 1)
