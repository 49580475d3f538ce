"""Reference codes: tracker codes, minute and resolution numbers (see patterns/codes.json)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from minutebook.extract.vocab import json_file


@dataclass(frozen=True)
class CodeFormat:
    id: str
    regex: re.Pattern[str]


@cache
def code_formats() -> tuple[CodeFormat, ...]:
    return json_file("codes.json", "code format", _parse_formats)


def _parse_formats(data: dict[str, Any]) -> tuple[CodeFormat, ...]:
    formats = []
    for i, entry in enumerate(data["formats"]):
        regex = re.compile(entry["regex"])
        if "code" not in regex.groupindex:
            raise ValueError(f"format {i} ({entry['id']}) has no (?P<code>...) group")
        formats.append(CodeFormat(entry["id"], regex))
    return tuple(formats)


def normalise_code(code: str) -> str:
    """Canonical spacing: 'R2020 -61' -> 'R2020-61', 'CFLLC  21/22' -> 'CFLLC 21/22'."""
    code = re.sub(r"\s*([-/.])\s*", r"\1", code.strip())
    return re.sub(r"\s+", " ", code)


def parse_code(text: str, allow_plain_number: bool = True) -> str | None:
    """The code a cell or heading starts with, or None.

    A bare minute number ("25") counts only when allow_plain_number is set: in running text a
    leading number is as likely a quantity as a reference.
    """
    text = text.lstrip(" (")
    for fmt in code_formats():
        if fmt.id == "minute-number" and not allow_plain_number:
            continue
        m = fmt.regex.match(text)
        if m and (m.end() == len(text) or not text[m.end()].isalnum()):
            return normalise_code(m.group("code"))
    return None


def join_code(item_code: str | None, label: str | None) -> str | None:
    """A minute's code with a sub-clause label: ('25', 'b') -> '25(b)'."""
    if item_code is None:
        return None
    if not label:
        return item_code
    return f"{item_code}({label})"
