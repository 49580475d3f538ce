"""A tracker row's status read from its progress text (vocabulary in patterns/).

The original words are kept beside the status: the cue that decided it, and the progress
text itself stays on the record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import get_args

from minutebook.extract.vocab import json_file
from minutebook.models.lifecycle import Status

STATUSES: tuple[Status, ...] = get_args(Status)


@dataclass(frozen=True)
class StatusReading:
    status: Status
    words: str | None  # the progress words that decided it; None for an empty or cue-less text


@dataclass(frozen=True)
class Vocabulary:
    precedence: tuple[Status, ...]
    empty: Status
    default: Status
    cues: dict[Status, tuple[re.Pattern[str], ...]]


def _status(value: object, where: str) -> Status:
    for status in STATUSES:
        if value == status:
            return status
    raise ValueError(f"{where}: {value!r} is not one of {', '.join(STATUSES)}")


def parse_vocabulary(data: object) -> Vocabulary:
    """Validate the vocabulary's shape; ValueError says which key is wrong."""
    if not isinstance(data, dict):
        raise ValueError("top level must be an object")
    precedence = tuple(_status(s, "precedence") for s in data["precedence"])
    if sorted(precedence) != sorted(STATUSES):
        raise ValueError(f"precedence must list each status once, got {list(precedence)}")
    cues: dict[Status, tuple[re.Pattern[str], ...]] = {}
    for name, patterns in data["cues"].items():
        status = _status(name, "cues")
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise ValueError(f"cues[{name!r}] must be a list of regex strings")
        try:
            cues[status] = tuple(re.compile(p, re.IGNORECASE) for p in patterns)
        except re.error as exc:
            raise ValueError(f"cues[{name!r}]: bad regex {exc.pattern!r} ({exc})") from exc
    return Vocabulary(
        precedence=precedence,
        empty=_status(data["empty"], "empty"),
        default=_status(data["default"], "default"),
        cues=cues,
    )


@cache
def vocabulary() -> Vocabulary:
    return json_file("status_vocabulary.json", "status vocabulary", parse_vocabulary)


def read_status(progress: str | None) -> StatusReading:
    """The status a progress text states: its highest-precedence cue, else the default."""
    vocab = vocabulary()
    if progress is None or not progress.strip():
        return StatusReading(vocab.empty, None)
    for status in vocab.precedence:
        for cue in vocab.cues.get(status, ()):
            m = cue.search(progress)
            if m:
                return StatusReading(status, m.group(0))
    return StatusReading(vocab.default, None)
