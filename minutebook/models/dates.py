"""ISO date prefixes: a full date, a month or a year ("2025-09-02", "2022-12", "2023")."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, StringConstraints


def _real_date(value: str) -> str:
    # The pattern admits 2025-02-31, 2025-13 and 0000; reject impossible calendar dates here.
    from datetime import date

    parts = [int(p) for p in value.split("-")]
    if len(parts) == 2 and not 1 <= parts[1] <= 12:
        raise ValueError(f"month {parts[1]} out of range")
    if parts[0] < 1:
        raise ValueError("year 0000 does not exist")
    date(*parts, *[1] * (3 - len(parts)))
    return value


IsoDatePrefix = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
    AfterValidator(_real_date),
]
