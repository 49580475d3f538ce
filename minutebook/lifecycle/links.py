"""Which records are the same recommendation: a tracker row and the minute clause that made it,
and the same tracker row in successive editions of a tracker.

A link is made on the normalised code and meeting date ("SPCLL.43" = "SPCLL 43"), or on a
similar clause text (rapidfuzz) when one side has no code. Thresholds are data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from minutebook.extract.vocab import json_file
from minutebook.models.lifecycle import LinkMethod, LinkRelation, RecordLink

SCORERS: dict[str, Callable[..., float]] = {
    "ratio": fuzz.ratio,
    "token_set_ratio": fuzz.token_set_ratio,
    "token_sort_ratio": fuzz.token_sort_ratio,
    "partial_ratio": fuzz.partial_ratio,
}


@dataclass(frozen=True)
class Thresholds:
    scorer: Callable[..., float]
    code_text_min: dict[LinkRelation, float]
    text_min: dict[LinkRelation, float]


@dataclass(frozen=True)
class Item:
    """What linking needs of a stored record."""

    id: str
    document_id: str
    code: str | None
    meeting_date: str | None
    text: str
    tracker: bool
    order: tuple[str, int, str]  # when its document was published: (date, first run, source)


def _score(value: object, where: str) -> float:
    if not isinstance(value, int | float) or not 0 <= value <= 100:
        raise ValueError(f"{where} must be a number from 0 to 100, got {value!r}")
    return float(value)


def parse_thresholds(data: dict[str, object]) -> Thresholds:
    scorer = data["scorer"]
    if scorer not in SCORERS:
        raise ValueError(f"scorer {scorer!r} is not one of {', '.join(SCORERS)}")
    code_min: dict[LinkRelation, float] = {}
    text_min: dict[LinkRelation, float] = {}
    relations: tuple[LinkRelation, ...] = ("origin", "edition")
    for relation in relations:
        block = data[relation]
        if not isinstance(block, dict):
            raise ValueError(f"{relation} must be an object")
        code_min[relation] = _score(block["code_text_min"], f"{relation}.code_text_min")
        text_min[relation] = _score(block["text_min"], f"{relation}.text_min")
    return Thresholds(SCORERS[str(scorer)], code_min, text_min)


@cache
def thresholds() -> Thresholds:
    return json_file("link_thresholds.json", "link thresholds", parse_thresholds)


def code_key(code: str | None) -> str | None:
    """A code's letters and numbers only: 'SPCLL.43', 'SPCLL 43' and 'spcll43' are one key."""
    if not code:
        return None
    parts = re.findall(r"[A-Za-z]+|\d+", code)
    return " ".join(p.upper() if p.isalpha() else str(int(p)) for p in parts) or None


def _same_code(tracker_key: str, clause_key: str) -> bool:
    # a tracker row may follow one lettered sub-clause of a minute: 'SPCLL 43' ~ 'SPCLL 43 B'
    return clause_key == tracker_key or clause_key.startswith(tracker_key + " ")


def similarity(a: str, b: str) -> float:
    return round(float(thresholds().scorer(a.lower(), b.lower())), 1)


def _best(
    row: Item, candidates: Iterable[Item], relation: LinkRelation
) -> tuple[Item, LinkMethod, float] | None:
    limits = thresholds()
    key = code_key(row.code)
    by_code: list[tuple[float, Item]] = []
    by_text: list[tuple[float, Item]] = []
    for cand in candidates:
        if row.meeting_date and cand.meeting_date and row.meeting_date != cand.meeting_date:
            continue
        score = similarity(row.text, cand.text)
        cand_key = code_key(cand.code)
        if key and cand_key and _same_code(key, cand_key):
            if score >= limits.code_text_min[relation]:
                by_code.append((score, cand))
        elif (key is None or cand_key is None) and score >= limits.text_min[relation]:
            by_text.append((score, cand))
    for found, method in ((by_code, "code"), (by_text, "text")):
        if found:
            score, best = max(found, key=lambda pair: pair[0])
            return best, method, score  # type: ignore[return-value]
    return None


def find_links(items: list[Item]) -> list[RecordLink]:
    """Edition links (a row -> the same row in the edition before) and origin links (the
    minute clause -> the first tracker row that follows it)."""
    rows = sorted((i for i in items if i.tracker), key=lambda i: i.order)
    clauses = [i for i in items if not i.tracker]
    editions = sorted({(r.order, r.document_id) for r in rows})
    links: list[RecordLink] = []
    followed: set[str] = set()
    for index, (_, doc_id) in enumerate(editions):
        earlier = [d for _, d in editions[:index]]
        for row in (r for r in rows if r.document_id == doc_id):
            # the latest earlier edition that holds the row: a row can skip an edition
            for prev_doc in reversed(earlier):
                pool = [r for r in rows if r.document_id == prev_doc]
                if found := _best(row, pool, "edition"):
                    links.append(_link(found, row, "edition"))
                    followed.add(row.id)
                    break
    for row in rows:
        if row.id not in followed:
            pool = [c for c in clauses if c.order <= row.order]
            if found := _best(row, pool, "origin"):
                links.append(_link(found, row, "origin"))
    return links


def _link(found: tuple[Item, LinkMethod, float], row: Item, relation: LinkRelation) -> RecordLink:
    earlier, method, score = found
    return RecordLink(
        record_a=earlier.id, record_b=row.id, relation=relation, method=method, score=score
    )
