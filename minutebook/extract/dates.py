"""Dates in minutes: UK day-first, partial dates kept as ISO prefixes ("2022-12", "2023").

Common forms take a regex fast path; dateparser (slow, and it guesses) only sees the rest,
with English only, day-first order and the meeting date as its base.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})\s?(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"

# Each form with its precision; searched in this order, longest forms first.
_FORMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), prec)
    for p, prec in (
        (rf"\b{_WEEKDAY}(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b", "day"),
        (rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", "day"),
        (r"\b(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>(?:19|20)?\d{2})\b", "day"),
        (r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b", "day"),
        (rf"\b{_MONTH},?\s+{_YEAR}\b", "month"),
        (r"\b(?P<month>\d{1,2})/(?P<year>(?:19|20)\d{2})\b", "month"),
        (rf"^\s*{_YEAR}\s*$", "year"),
    )
)
NONE_WORDS = re.compile(
    r"^\s*(n/?a|none|tbc|tba|tbd|ongoing|-+|–|nil|not applicable)?\s*\.?$", re.I
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


def parse_date_prefix(text: str, base: date | None = None) -> str | None:
    """A date cell or phrase as an ISO prefix at the precision it states, or None."""
    if not text or NONE_WORDS.match(text):
        return None
    for regex, precision in _FORMS:
        m = regex.search(text)
        if m:
            return _format(m, precision)
    return _dateparser(text.strip(), base.isoformat() if base else None)


@cache
def _dateparser(text: str, base: str | None) -> str | None:
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "future",
        "REQUIRE_PARTS": ["year"],
    }
    if base:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(base)
        settings.pop("REQUIRE_PARTS")
    if len(text) > 60 or not re.search(r"\d|week|month|year|day|tomorrow", text, re.I):
        return None
    parser = DateDataParser(languages=["en"], settings=settings)
    data = parser.get_date_data(text)
    if data.date_obj is None:
        return None
    # dateparser fills missing parts from today: keep only the precision the text stated
    period = data.period or "day"
    if period == "year":
        return f"{data.date_obj.year:04d}"
    if period == "month":
        return f"{data.date_obj.year:04d}-{data.date_obj.month:02d}"
    if period in ("day", "time", "week"):
        return data.date_obj.date().isoformat()
    return None
