"""The clerk's report: one self-contained HTML page of what a run changed, per document.

Jinja2 with autoescape on renders it; the stylesheet and script are inlined and allowed by
hash in a Content-Security-Policy, so the page loads nothing and an injected script
would not run even if escaping ever failed.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlite_utils
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from minutebook.models.lifecycle import STANDINGS
from minutebook.store.lineage import Change, DocumentChanges, changes, words
from minutebook.store.reviews import (
    document_sources,
    edited_fields,
    rejected_current_count,
    runs_since_last_review,
    stale_records,
)
from minutebook.store.standing import standings

TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass
class Card:
    """One record as the report shows it."""

    row: dict[str, Any]
    change: str
    edited: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    low_confidence: bool = False
    old: dict[str, Any] | None = None
    diff: list[tuple[str, str]] = field(default_factory=list)

    @property
    def stale(self) -> bool:
        return bool(self.row["review_stale"])

    def order(self) -> tuple[bool, bool, bool, int]:
        # what needs a clerk's eye first: stale decisions, warnings, shaky documents
        return (not self.stale, not self.warnings, not self.low_confidence, self.row["start"])


@dataclass
class Section:
    document: dict[str, Any]
    name: str
    warnings: list[str]
    new: list[Card]
    changed: list[Card]
    removed: list[Card]
    unchanged: list[Card]

    @property
    def counts(self) -> dict[str, int]:
        return {
            "new": len(self.new),
            "changed": len(self.changed),
            "removed": len(self.removed),
            "unchanged": len(self.unchanged),
        }

    @property
    def touched(self) -> bool:
        return bool(self.new or self.changed or self.removed)


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(op, words) pieces, op in same/del/ins: what a clerk reads as a tracked change."""
    a, b = words(old), words(new)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("same", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("del", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("ins", " ".join(b[j1:j2])))
    return out


def _warnings(raw: str | None) -> list[str]:
    return [str(w) for w in json.loads(raw or "[]")]


def _card(change: Change, doc_warned: bool, edits: dict[str, list[str]]) -> Card:
    row = change.new if change.new is not None else change.old
    assert row is not None  # a Change always has a side
    card = Card(
        row,
        change.kind,
        edited=edits.get(row["id"], []),
        warnings=_warnings(row["warnings"]),
        low_confidence=doc_warned,
        old=change.old if change.kind == "changed" else None,
    )
    if card.old is not None:
        card.diff = word_diff(card.old["text"], row["text"])
    return card


def _section(dc: DocumentChanges, edits: dict[str, list[str]]) -> Section:
    doc_warnings = _warnings(dc.document["warnings"])
    warned = bool(doc_warnings)

    def cards(kinds: tuple[str, ...]) -> list[Card]:
        found = [_card(c, warned, edits) for c in dc.changes if c.kind in kinds]
        return sorted(found, key=Card.order)

    return Section(
        dc.document,
        Path(dc.document["source"]).name,
        doc_warnings,
        new=cards(("new",)),
        changed=cards(("changed", "updated")),
        removed=cards(("removed",)),
        unchanged=sorted(
            (_card(Change("unchanged", new=r), warned, edits) for r in dc.unchanged),
            key=Card.order,
        ),
    )


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode()).digest()
    return "'sha256-" + base64.b64encode(digest).decode() + "'"


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("minutebook.app", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


# the chart's colours, one per standing (open blue, overdue red, completed green, withdrawn grey)
COLOURS = {"open": "#1a73e8", "overdue": "#d93025", "completed": "#34a853", "withdrawn": "#9aa0a6"}
CHART_WIDTH = 360  # pixels for the longest bar


@dataclass(frozen=True)
class Segment:
    name: str
    count: int
    x: float
    width: float
    colour: str


@dataclass
class Standing:
    """Where the recommendations stand on a day: counts per committee, and the overdue ones."""

    day: date
    names: tuple[str, ...]
    by_committee: list[tuple[str, dict[str, int]]]
    overdue: list[dict[str, Any]]

    @property
    def bars(self) -> list[tuple[str, list[Segment]]]:
        """One stacked bar per committee for the inline SVG chart, on one scale."""
        top = max((sum(c.values()) for _, c in self.by_committee), default=0) or 1
        out = []
        for committee, counts in self.by_committee:
            x, segments = 0.0, []
            for name in self.names:
                width = counts[name] / top * CHART_WIDTH
                segments.append(Segment(name, counts[name], x, width, COLOURS[name]))
                x += width
            out.append((committee, segments))
        return out


def _standing(db: sqlite_utils.Database, day: date) -> Standing:
    rows = standings(db, day)
    counts: dict[str, dict[str, int]] = {}
    for row in rows:
        per = counts.setdefault(
            row["committee"] or "(committee not found)", dict.fromkeys(STANDINGS, 0)
        )
        per[row["standing"]] += 1
    overdue = sorted(
        (r for r in rows if r["standing"] == "overdue"),
        key=lambda r: (r["deadline_end"], r["code"] or ""),
    )
    return Standing(day, STANDINGS, sorted(counts.items()), overdue)


def _to_review(section: Section, removed_after: set[int]) -> Section:
    """Only what awaits a decision: records never decided on, or decided on other text;
    removals since the clerk's last decision."""

    def waiting(c: Card) -> bool:
        return not c.row["review_state"] or c.stale

    section.new = [c for c in section.new if waiting(c)]
    section.changed = [c for c in section.changed if waiting(c)]
    section.removed = [c for c in section.removed if c.row["removed_run"] in removed_after]
    section.unchanged = []
    return section


def source_link(source: str, page: int | None, fmt: str | None, base: Path) -> str:
    """A link from the report's folder to the source file, at its page for a PDF."""
    target = os.path.relpath(Path(source).resolve(), base.resolve())
    href = "/".join(quote(part) for part in Path(target).parts)
    return f"{href}#page={page}" if fmt == "pdf" and page else href


def render(
    db: sqlite_utils.Database,
    runs: list[dict[str, Any]],
    title: str,
    today: date | None = None,
    *,
    pending: bool = False,
    base: Path | None = None,
) -> str:
    """The report on these runs (oldest first) as one HTML page; standing as of today.

    pending=True (runs: every run) keeps only what awaits a clerk's decision. Links to the
    sources are relative to base, the folder the page is written to.
    """
    run_ids = [int(r["id"]) for r in runs]
    edits = edited_fields(db)
    sections = [_section(dc, edits) for dc in changes(db, run_ids)]
    if pending:
        removed_after = runs_since_last_review(db)
        sections = [_to_review(s, removed_after) for s in sections]
        sections = [s for s in sections if s.touched]
    folder = base or Path.cwd()
    formats = {s.document["id"]: s.document["format"] for s in sections}
    sections.sort(key=lambda s: (not s.touched, s.name))
    names = {s.document["id"]: s.name for s in sections}
    docs = document_sources(db)
    stale = [
        Card(r, "stale", edits.get(r["id"], []), _warnings(r["warnings"]))
        for r in stale_records(db)
    ]
    totals = {k: sum(s.counts[k] for s in sections) for k in ("new", "changed", "removed")}
    totals["unchanged"] = sum(s.counts["unchanged"] for s in sections)
    totals["stale"] = len(stale)
    hidden = rejected_current_count(db)
    style = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    script = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            title=title,
            runs=runs,
            sections=sections,
            stale=stale,
            names=names,
            totals=totals,
            standing=_standing(db, today or date.today()),
            pending=pending,
            colours=COLOURS,
            link=lambda row: source_link(
                row["source"] if "source" in row else docs[row["document_id"]],
                row["page"],
                formats.get(row["document_id"]),
                folder,
            ),
            hidden=hidden,
            kinds=("resolution", "recommendation", "action"),
            style=Markup(style),  # our own file, not data: must not be escaped
            script=Markup(script),
            csp=(
                f"default-src 'none'; style-src {_csp_hash(style)}; "
                f"script-src {_csp_hash(script)}; base-uri 'none'; form-action 'none'"
            ),
        )
    )
