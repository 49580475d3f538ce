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
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from minutebook.models.lifecycle import STANDINGS
from minutebook.store.analytics import UNKNOWN_DATE
from minutebook.store.lineage import Change, DocumentChanges, changes, words
from minutebook.store.reviews import (
    document_sources,
    edited_fields,
    rejected_current_count,
    runs_since_last_review,
    stale_records,
)
from minutebook.store.standing import standing_counts, standings

if TYPE_CHECKING:  # annotations only: sqlite-utils is imported by store.open_db
    import sqlite_utils

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


# the charts' colours: one per standing (open blue, overdue red, completed green, withdrawn
# grey), one per record kind; all readable as text on white
COLOURS = {"open": "#1a73e8", "overdue": "#d93025", "completed": "#188038", "withdrawn": "#80868b"}
KIND_COLOURS = {"resolution": "#5f6368", "recommendation": "#1a73e8", "action": "#e37400"}
CHART_WIDTH = 300  # pixels for the longest bar, right of a 260-pixel label column
MAX_OWNERS = 12  # an owner chart longer than this stops being a picture; the view has them all
COLUMN_AREA = 600  # pixels across for the records-per-meeting columns
COLUMN_HEIGHT = 120  # pixels up for the meeting with the most records


@dataclass(frozen=True)
class Segment:
    name: str
    count: int
    x: float
    width: float
    colour: str


@dataclass(frozen=True)
class Bar:
    """One committee's or owner's stacked bar: a segment per standing, on a shared scale."""

    label: str
    total: int
    segments: list[Segment]

    @property
    def width(self) -> float:
        return sum(s.width for s in self.segments)


def stacked_bars(rows: list[dict[str, Any]], key: str) -> list[Bar]:
    """Bars for standing counts (store/standing.py's rows), the longest CHART_WIDTH long."""
    top = max((int(r["total"]) for r in rows), default=0) or 1
    bars = []
    for row in rows:
        x, segments = 0.0, []
        for name in STANDINGS:
            width = int(row[name]) / top * CHART_WIDTH
            segments.append(Segment(name, int(row[name]), x, width, COLOURS[name]))
            x += width
        bars.append(Bar(str(row[key]), int(row["total"]), segments))
    return bars


@dataclass(frozen=True)
class Column:
    """One meeting's records, stacked by kind, in the records-per-meeting chart."""

    committee: str
    meeting_date: str
    total: int
    x: float
    width: float
    segments: list[tuple[str, int, float, float]]  # kind, count, y, height
    new_year: bool  # the first meeting of its year: a tick on the axis
    year_label: str | None  # the year, under that tick when there is room for it


def meeting_columns(rows: list[dict[str, Any]]) -> list[Column]:
    """Columns for the records_by_meeting view's dated rows, oldest first.

    Meetings are spaced evenly, not on a calendar scale: minutes cluster in recent years,
    and a calendar axis would pile them into one unreadable column.
    """
    dated = [r for r in rows if r["meeting_date"] != UNKNOWN_DATE]
    if not dated:
        return []
    step = COLUMN_AREA / len(dated)
    top = max(int(r["records"]) for r in dated) or 1
    columns, last_label = [], -1e9
    for i, row in enumerate(dated):
        x = i * step
        y = float(COLUMN_HEIGHT)
        segments = []
        for kind, plural in (
            ("resolution", "resolutions"),
            ("recommendation", "recommendations"),
            ("action", "actions"),
        ):
            height = int(row[plural]) / top * COLUMN_HEIGHT
            y -= height
            segments.append((kind, int(row[plural]), y, height))
        year = str(row["meeting_date"])[:4]
        new_year = i == 0 or year != str(dated[i - 1]["meeting_date"])[:4]
        # a year label is 28 pixels wide at 11px: skip one that would overlap the last
        label = year if new_year and x - last_label >= 34 else None
        if label:
            last_label = x
        columns.append(
            Column(
                str(row["committee"]),
                str(row["meeting_date"]),
                int(row["records"]),
                x,
                max(step - 2, 1.0),
                segments,
                new_year,
                label,
            )
        )
    return columns


@dataclass
class Standing:
    """Where things stand on a day: standings per committee and per owner (store/standing.py's
    one rule), the overdue ones, and records per meeting over time."""

    day: date
    names: tuple[str, ...]
    by_committee: list[dict[str, Any]]
    by_owner: list[dict[str, Any]]
    overdue: list[dict[str, Any]]
    meetings: list[dict[str, Any]]

    @property
    def committee_bars(self) -> list[Bar]:
        return stacked_bars(self.by_committee, "committee")

    @property
    def owner_bars(self) -> list[Bar]:
        return stacked_bars(self.by_owner[:MAX_OWNERS], "owner")

    @property
    def more_owners(self) -> int:
        return max(len(self.by_owner) - MAX_OWNERS, 0)

    @property
    def columns(self) -> list[Column]:
        return meeting_columns(self.meetings)

    @property
    def undated(self) -> int:
        """Records whose meeting has no known date: counted, but not on the time axis."""
        return sum(int(r["records"]) for r in self.meetings if r["meeting_date"] == UNKNOWN_DATE)

    @property
    def most_records(self) -> int:
        return max((c.total for c in self.columns), default=0)


def _standing(db: sqlite_utils.Database, day: date) -> Standing:
    overdue = sorted(
        (r for r in standings(db, day) if r["standing"] == "overdue"),
        key=lambda r: (r["deadline_end"], r["code"] or ""),
    )
    return Standing(
        day,
        STANDINGS,
        standing_counts(db, day, "committee"),
        standing_counts(db, day, "owner"),
        overdue,
        list(db.query("select * from records_by_meeting")),
    )


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
            kind_colours=KIND_COLOURS,
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
