"""Where a pattern or vocabulary file is read from.

The bundled files live in `minutebook/extract/patterns/`. A clerk who adds wording for
their council keeps their own copies in a folder named by `MINUTEBOOK_PATTERNS`: a file
there replaces the bundled file of the same name, the others stay bundled. So local
wording survives an upgrade and needs no edit inside the installed package.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

from minutebook.errors import PatternFileError

ENV = "MINUTEBOOK_PATTERNS"
T = TypeVar("T")


def pattern_path(name: str) -> Traversable:
    """The file `name` (e.g. "roles.txt"): the clerk's copy if there is one, else ours."""
    folder = os.environ.get(ENV)
    if folder:
        local = Path(folder) / name
        if local.is_file():
            return local
    return files("minutebook.extract") / "patterns" / name


def word_list(name: str) -> tuple[str, ...]:
    """A file of lower-case words or phrases, one a line, "#" comments skipped.

    Raises:
        PatternFileError: a line that is not plain lower-case words.
    """
    path = pattern_path(name)
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    words = tuple(w for w in lines if w and not w.startswith("#"))
    bad = [w for w in words if not re.fullmatch(r"[a-z][a-z' -]*", w)]
    if bad:
        raise PatternFileError(str(path), f"not plain lower-case words: {bad}")
    return words


@cache
def phrase_file(name: str, what: str) -> re.Pattern[str]:
    """A file of regular expressions, one a line, "#" comments skipped, matched
    case-insensitively as one alternation.

    Raises:
        PatternFileError: a line that is not a valid regular expression.
    """
    path = pattern_path(name)
    lines = [
        ln.strip()
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.lstrip().startswith("#")
    ]
    try:
        return re.compile("|".join(f"(?:{ln})" for ln in lines), re.IGNORECASE)
    except re.error as exc:
        raise PatternFileError(str(path), f"bad {what}: {exc}") from exc


def json_file(name: str, what: str, parse: Callable[[Any], T]) -> T:
    """A JSON pattern file, read and checked by `parse`; whatever it finds wrong (a missing
    key, a wrong type, a bad regular expression, broken JSON) becomes one PatternFileError
    naming the file and `what` it holds."""
    path = pattern_path(name)
    try:
        return parse(json.loads(path.read_text(encoding="utf-8")))
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise PatternFileError(str(path), f"bad {what}: {exc}") from exc


@cache
def person_title_words() -> tuple[str, ...]:
    """person_titles.txt: the titles written before a person's name, lower case."""
    return word_list("person_titles.txt")


@cache
def decider_words() -> tuple[str, ...]:
    """deciders.txt: those who decide as one, single words in lower case."""
    return word_list("deciders.txt")


@cache
def person_titles() -> str:
    """person_titles.txt as a regular expression: 'Cllrs|Cllr|...|Sir' (longest first, so
    'Cllrs' is not read as 'Cllr'), capitalised as written before a name."""
    words = sorted(person_title_words(), key=len, reverse=True)
    return "|".join(re.escape(w.capitalize()) for w in words)


@cache
def motion_patterns() -> dict[str, re.Pattern[str]]:
    """The regular expressions of motions.json: numbered motions, their outcomes, and the
    vote notes around any decision (read by the motion, clause and prose finders)."""
    keys = (
        "number",
        "clause_start",
        "resolved",
        "further",
        "passed",
        "failed",
        "procedural",
        "vote_tail",
        "mover_lead",
        "objectless",
        "mover",
        "seconder",
        "motion_opens",
        "motion_end",
        "outcome",
        "failed_vote",
        "outcome_only",
        "vote_between",
        "roll_line",
        "listed_infinitive",
        "listed_infinitive_opens",
        "listed_past",
        "listed_past_opens",
    )
    return json_file(
        "motions.json",
        "motion pattern",
        lambda data: {k: re.compile(data[k], re.MULTILINE) for k in keys},
    )
