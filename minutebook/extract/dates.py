"""Dates in minutes: UK day-first, partial dates kept as ISO prefixes ("2022-12", "2023").

Common forms take a regex fast path; dateparser (slow, and it guesses) only sees the rest,
with English only, day-first order and the meeting date as its base.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING

from minutebook.extract.text import NONE_WORDS

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            # and the French names, for Canadian minutes in French ("le 18 septembre 2023")
            ("january", "jan", "janvier"),
            ("february", "feb", "février", "fevrier"),
            ("march", "mar", "mars"),
            ("april", "apr", "avril"),
            ("may", "mai"),
            ("june", "jun", "juin"),
            ("july", "jul", "juillet"),
            ("august", "aug", "août", "aout"),
            ("september", "sept", "sep", "septembre"),
            ("october", "oct", "octobre"),
            ("november", "nov", "novembre"),
            ("december", "dec", "décembre", "decembre"),
        ]
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})\s?(?:st|nd|rd|th|er)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"

# Each form with its precision; searched in this order, longest forms first.
_FORMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), prec)
    for p, prec in (
        # "this 17th day of September, 2014": the formal date of Canadian and US minutes
        (rf"\b{_WEEKDAY}(?:the\s+)?{_DAY}(?:\s+day)?(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b", "day"),
        (rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", "day"),
        (r"\b(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>(?:19|20)?\d{2})\b", "day"),
        (r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b", "day"),
        (rf"\b{_MONTH},?\s+{_YEAR}\b", "month"),
        (r"\b(?P<month>\d{1,2})/(?P<year>(?:19|20)\d{2})\b", "month"),
        (rf"^\s*{_YEAR}\s*$", "year"),
    )
)


def _month_number(token: str) -> int | None:
    if token.isdigit():
        n = int(token)
        return n if 1 <= n <= 12 else None
    return MONTHS.get(token.lower().rstrip("."))


def _format(m: re.Match[str], precision: str) -> str | None:
    year = int(m.group("year"))
    if year < 100:
        year += 2000
    if precision == "year":
        return f"{year:04d}"
    month = _month_number(m.group("month"))
    if month is None:
        return None
    if precision == "month":
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, int(m.group("day"))).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Every date in running text: (start, end, ISO prefix), in order, without overlaps."""
    found: list[tuple[int, int, str]] = []
    for regex, precision in _FORMS:
        if precision == "year":
            continue
        for m in regex.finditer(text):
            if any(s < m.end() and m.start() < e for s, e, _ in found):
                continue
            value = _format(m, precision)
            if value:
                found.append((m.start(), m.end(), value))
    return sorted(found)


# a date without its year ("by 31 March", "by the end of April"): only a deadline has one,
# read against the meeting it was set at
_YEARLESS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), prec)
    for p, prec in (
        (rf"\b(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}(?![\w,]*\s*(?:19|20)\d{{2}})\b", "day"),
        (rf"\b(?:the\s+)?end\s+of\s+{_MONTH}(?![\w,]*\s*(?:19|20)\d{{2}})\b", "month"),
    )
)


def find_yearless(text: str, base: date) -> list[tuple[int, int, str]]:
    """Year-less dates in running text, each the first such day or month on or after the
    meeting (base): 'by 31 March' at a meeting of 4 March 2025 is 2025-03-31; at one of
    14 November 2025 it is 2026-03-31."""
    found: list[tuple[int, int, str]] = []
    for regex, precision in _YEARLESS:
        for m in regex.finditer(text):
            month = _month_number(m.group("month"))
            if month is None:
                continue
            year = base.year + (1 if month < base.month else 0)
            if precision == "month":
                found.append((m.start(), m.end(), f"{year:04d}-{month:02d}"))
                continue
            try:
                day = date(year, month, int(m.group("day")))
                if day < base:
                    day = date(year + 1, month, day.day)
            except ValueError:
                continue
            found.append((m.start(), m.end(), day.isoformat()))
    return sorted(found)


def parse_date_prefix(text: str, base: date | None = None) -> str | None:
    """A date cell or phrase as an ISO prefix at the precision it states, or None."""
    if not text or NONE_WORDS.match(text):
        return None
    for regex, precision in _FORMS:
        m = regex.search(text)
        if m:
            return _format(m, precision)
    return _dateparser(text.strip(), base.isoformat() if base else None)


# Each pass names the parts the text must state, and the finest precision it may return.
# dateparser fills unstated parts from today (or the base) and still reports period "day",
# so "2025/26" came back as 2025-<this month>-26: the precision comes from what was required.
_PASSES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("day", "month"), "day"),
    (("month",), "month"),
    ((), "year"),
)
_FINENESS = {"year": 0, "month": 1, "day": 2, "week": 2, "time": 2}


@cache
def _parser(required: tuple[str, ...], base: str | None) -> DateDataParser:
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "future",
        "REQUIRE_PARTS": list(required),
        # no timestamps: a ten-digit reference number is not a date
        "PARSERS": ["custom-formats", "absolute-time"],
    }
    if base:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(base)
        # "in two weeks" means something only against the meeting date, never against today
        settings["PARSERS"] = ["relative-time", "custom-formats", "absolute-time"]
    return DateDataParser(languages=["en"], settings=settings)


@cache
def _dateparser(text: str, base: str | None) -> str | None:
    if len(text) > 60 or not re.search(r"\d|week|month|year|day|tomorrow", text, re.I):
        return None
    # without a base the year must be stated; with one, a year-less date takes the meeting's
    always = () if base else ("year",)
    for parts, allowed in _PASSES:
        data = _parser((*always, *parts), base).get_date_data(text)
        if data.date_obj is None:
            continue
        # quarters, and any period we do not know, have no honest ISO prefix
        stated = _FINENESS.get(data.period or "day")
        if stated is None:
            return None
        fineness = min(stated, _FINENESS[allowed])
        if fineness < stated and allowed == "year":
            return None  # day and month both guessed: "H1 2025", "2025/26"
        return data.date_obj.date().isoformat()[: (4, 7, 10)[fineness]]
    return None
