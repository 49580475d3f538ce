"""Dates in minutes come back as ISO prefixes at the precision the text states."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutebook.extract.dates import find_dates, parse_date_prefix
from tests.extract.minutes import minutes_records

ISO_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# The date regexes read 19xx and 20xx years only; minutes use nothing else.
DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _month(d: date) -> str:
    return MONTHS[d.month - 1]


# Each rendering as minutes print it, and how much of the date it states.
RENDERINGS: dict[str, tuple[Callable[[date], str], int]] = {
    "2 September 2025": (lambda d: f"{d.day} {_month(d)} {d.year}", 10),
    "2nd September 2025": (lambda d: f"{_ordinal(d.day)} {_month(d)} {d.year}", 10),
    "Tuesday, 2 September 2025": (
        lambda d: f"{WEEKDAYS[d.weekday()]}, {d.day} {_month(d)} {d.year}",
        10,
    ),
    "02/09/2025": (lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}", 10),
    "2/9/2025": (lambda d: f"{d.day}/{d.month}/{d.year}", 10),
    "September 2, 2025": (lambda d: f"{_month(d)} {d.day}, {d.year}", 10),
    "this 2nd day of September, 2025 (formal, Canadian and US minutes)": (
        lambda d: f"this {_ordinal(d.day)} day of {_month(d)}, {d.year}",
        10,
    ),
    "Sept 2025 (abbreviated month)": (lambda d: f"{_month(d)[:3]} {d.year}", 7),
    "September 2025": (lambda d: f"{_month(d)} {d.year}", 7),
    "2025": (lambda d: f"{d.year}", 4),
}


@pytest.mark.parametrize("form", RENDERINGS)
@given(day=DATES)
def test_rendered_date_comes_back_at_its_precision(form: str, day: date) -> None:
    render, precision = RENDERINGS[form]
    assert parse_date_prefix(render(day)) == day.isoformat()[:precision]


# A bare year counts only as the whole cell: inside prose a four-digit number may be anything.
@pytest.mark.parametrize("form", [f for f, (_, precision) in RENDERINGS.items() if precision > 4])
@given(day=DATES, case=st.sampled_from([str.lower, str.upper, str.title]))
def test_rendered_date_ignores_case_and_surrounding_words(
    form: str, day: date, case: Callable[[str], str]
) -> None:
    render, precision = RENDERINGS[form]
    cell = f"By {case(render(day))} at the latest"
    assert parse_date_prefix(cell) == day.isoformat()[:precision]


@given(day=DATES, before=st.sampled_from(["", "Review on ", "Deadline: "]))
def test_find_dates_gives_the_span_of_the_date(day: date, before: str) -> None:
    rendered = f"{day.day} {_month(day)} {day.year}"
    text = f"{before}{rendered}. Clerk to report back."
    assert find_dates(text) == [(len(before), len(before) + len(rendered), day.isoformat())]


# Words dateparser reacts to, so generated cells reach it and not only the regex fast path.
DATEISH = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "Q3",
                "Q1",
                "end of",
                "by",
                "next",
                "week",
                "weeks",
                "month",
                "year",
                "in",
                "ago",
                "tomorrow",
                "March",
                "Sept",
                "Spring",
                "31",
                "02",
                "2025",
                "1999",
                "/",
                "-",
                ".",
                "TBC",
                "N/A",
                "st",
                "of",
                "day",
                "days",
                "0",
                "13",
                "2nd",
            ]
        ),
        st.integers(0, 9999).map(str),
    ),
    max_size=6,
).map(" ".join)


@given(st.one_of(st.text(max_size=80), DATEISH), st.one_of(st.none(), DATES))
def test_arbitrary_text_gives_none_or_an_iso_prefix(text: str, base: date | None) -> None:
    value = parse_date_prefix(text, base)
    if value is not None:
        assert ISO_PREFIX.match(value), value
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            date(*parts)  # a real calendar day
        elif len(parts) == 2:
            assert 1 <= parts[1] <= 12


@given(st.text(max_size=80))
def test_find_dates_on_arbitrary_text(text: str) -> None:
    found = find_dates(text)
    assert found == sorted(found)
    for (_, e1, _), (s2, _, _) in itertools.pairwise(found):
        assert e1 <= s2, "spans never overlap"
    for start, end, value in found:
        assert 0 <= start < end <= len(text)
        assert ISO_PREFIX.match(value)


# dateparser's traps (house-style §1.4) and the gold's null forms, pinned as examples.
@pytest.mark.parametrize("base", [None, date(2025, 9, 2)])
def test_quarter_is_not_a_guessed_day(base: date | None) -> None:
    # dateparser reads "Q3 2025" as 2025-08-01; a quarter has no ISO prefix finer than a year
    assert parse_date_prefix("Q3 2025", base) in (None, "2025")


@pytest.mark.parametrize("base", [None, date(2025, 9, 2)])
def test_bare_year_stays_a_year(base: date | None) -> None:
    # dateparser fills month and day from today; the gold keeps "2023"
    assert parse_date_prefix("2023", base) == "2023"


@pytest.mark.parametrize(
    "text", ["N/A", "n/a", "NA", "TBC", "tbc", "TBA", "None", "Ongoing", "-", "–", "", "  "]
)
def test_none_words_give_none(text: str) -> None:
    assert parse_date_prefix(text) is None


@pytest.mark.parametrize("text", ["31/02/2025", "30 February 2024", "29/02/2023", "12/13/2025"])
def test_impossible_dates_give_none(text: str) -> None:
    assert parse_date_prefix(text) is None


def test_leap_day_is_a_real_date() -> None:
    assert parse_date_prefix("29/02/2024") == "2024-02-29"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09/07/2020", "2020-07-09"),  # UK day-first, never 7 September
        ("December 2022", "2022-12"),
        ("Dec 2022", "2022-12"),
        ("Wednesday 1st of January 2025", "2025-01-01"),
        ("the 3rd of March 2026", "2026-03-03"),
        ("2025-09-02", "2025-09-02"),
        ("12/2022", "2022-12"),
    ],
)
def test_forms_found_in_the_samples(text: str, expected: str) -> None:
    assert parse_date_prefix(text) == expected


# Found by the property tests' neighbours: dateparser invents the parts a text leaves out.
@pytest.mark.parametrize("base", [None, date(2025, 9, 2)])
@pytest.mark.parametrize(
    "text",
    [
        "2025/26",  # a financial year, once read as 2025-<this month>-26
        "H1 2025",  # a half year, once read as the 1st of this month
        "1715000000",  # a reference number, once read as a Unix timestamp
        "Summer 2025",
    ],
)
def test_unstated_day_and_month_are_not_invented(text: str, base: date | None) -> None:
    assert parse_date_prefix(text, base) is None


def test_relative_dates_need_the_meeting_date() -> None:
    # against today "in 2 weeks" would change every time the file is re-read
    assert parse_date_prefix("in 2 weeks") is None
    assert parse_date_prefix("in 2 weeks", date(2025, 9, 2)) == "2025-09-16"
    assert parse_date_prefix("next month", date(2025, 9, 2)) == "2025-10"
    assert parse_date_prefix("3rd Oct", date(2025, 9, 2)) == "2025-10-03"


def test_year_in_words_keeps_year_precision() -> None:
    assert parse_date_prefix("by 2026") == "2026"


@pytest.mark.parametrize(
    ("body", "held", "deadline"),
    [
        ("AB to circulate the draft policy by 31 March.", "4 March 2025", "2025-03-31"),
        # set in November, "by 31 March" is next March
        ("AB to circulate the draft policy by 31 March.", "14 November 2025", "2026-03-31"),
        # a month alone is a prefix, not a guessed day
        ("AB to circulate the draft policy by the end of April.", "4 March 2025", "2025-04"),
        # a year-less date with no deadline cue before it is no deadline
        ("AB to report back at the 5 May meeting.", "4 March 2025", None),
    ],
)
def test_a_year_less_deadline_is_read_against_the_meeting(
    tmp_path: Path, body: str, held: str, deadline: str | None
) -> None:
    records = minutes_records(tmp_path, body, present="Cllr Anne Brown (AB)", held=held)
    assert [(r.owner, r.deadline) for r in records] == [("AB", deadline)]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Procès-verbal de la séance du 18 septembre 2023", "2023-09-18"),
        ("tenue le 1er juin 2009, à 20h05", "2009-06-01"),
        ("le mercredi 7 janvier 2015, à compter de 19 h", "2015-01-07"),
        ("séance ordinaire du 3 décembre 2014", "2014-12-03"),
    ],
)
def test_french_dates_of_canadian_minutes(text: str, iso: str) -> None:
    assert [value for _, _, value in find_dates(text)] == [iso]
