"""What a run changed: which removed record was replaced by which new one.

A record's id derives from its clause text, so a re-published document whose clause was
reworded yields a new id and marks the old one removed. `align_changes` pairs them again
(same kind and code, or similar text) into `record_lineage`, derived only from the
records' own first_run / removed_run columns: upsert knows nothing of it. A review on the
old id then follows the clause to its new id (see reviews.py).
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # annotations only: sqlite-utils is imported by store.open_db
    import sqlite_utils


# Two clauses this alike (difflib ratio over their words) are one clause reworded.
SIMILAR = 0.6

ChangeKind = Literal["new", "changed", "updated", "removed", "unchanged"]


def words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


def similarity(a: str, b: str) -> float:
    left = [w.lower() for w in words(a)]
    right = [w.lower() for w in words(b)]
    return difflib.SequenceMatcher(None, left, right, autojunk=False).ratio()


def pair(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[tuple[str, str, float]]:
    """Best-first pairs of (old id, new id, similarity).

    Eligible: same kind and code, or similarity >= SIMILAR. The most alike pair is taken
    first, so a renumbered clause (identical text, new code) is not mistaken for a
    rewrite of the clause that now carries its old code.
    """
    eligible = []
    for o in old:
        for n in new:
            score = similarity(o["text"], n["text"])
            same = o["kind"] == n["kind"] and o["code"] is not None and o["code"] == n["code"]
            if same or score >= SIMILAR:
                eligible.append((score, same, o["id"], n["id"]))
    eligible.sort(key=lambda e: (e[0], e[1]), reverse=True)
    taken_old: set[str] = set()
    taken_new: set[str] = set()
    pairs = []
    for score, _, o_id, n_id in eligible:
        if o_id not in taken_old and n_id not in taken_new:
            taken_old.add(o_id)
            taken_new.add(n_id)
            pairs.append((o_id, n_id, round(score, 3)))
    return pairs


def align_changes(db: sqlite_utils.Database) -> int:
    """Record a successor (or none) for every removal not yet aligned; returns rows written.

    Idempotent: a removal already in record_lineage is left alone.
    """
    pending = list(
        db.query(
            """
            select id, document_id, removed_run, kind, code, text from records r
            where status = 'removed' and not exists (
                select 1 from record_lineage l where l.old_id = r.id and l.run_id is r.removed_run
            )
            """
        )
    )
    groups: dict[tuple[str, int | None], list[dict[str, Any]]] = defaultdict(list)
    for row in pending:
        groups[(row["document_id"], row["removed_run"])].append(row)
    written = 0
    with db.atomic():
        for (doc_id, run_id), removed in groups.items():
            successors: dict[str, str | None] = {str(r["id"]): None for r in removed}
            scores: dict[str, float | None] = {}
            # Without a run id (library use of upsert) nothing says which records are new.
            if run_id is not None:
                for o_id, n_id, score in pair(removed, _candidates(db, doc_id, run_id)):
                    successors[o_id] = n_id
                    scores[o_id] = score
            for o_id, successor in successors.items():
                db.table("record_lineage").insert(
                    {
                        "document_id": doc_id,
                        "run_id": run_id,
                        "old_id": o_id,
                        "new_id": successor,
                        "similarity": scores.get(o_id),
                    }
                )
                written += 1
    return written


def _candidates(db: sqlite_utils.Database, doc_id: str, run_id: int) -> list[dict[str, Any]]:
    return list(
        db.query(
            """
            select id, kind, code, text from records r
            where document_id = ? and first_run = ? and not exists (
                select 1 from record_lineage l where l.new_id = r.id and l.run_id = ?
            )
            """,
            [doc_id, run_id, run_id],
        )
    )


@dataclass
class Change:
    kind: ChangeKind
    new: dict[str, Any] | None = None
    old: dict[str, Any] | None = None
    similarity: float | None = None


@dataclass
class DocumentChanges:
    document: dict[str, Any]
    changes: list[Change] = field(default_factory=list)
    unchanged: list[dict[str, Any]] = field(default_factory=list)

    def of(self, kind: ChangeKind) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]


def runs_since(db: sqlite_utils.Database, day: str) -> list[int]:
    return [
        r["id"] for r in db.query("select id from runs where started_at >= ? order by id", [day])
    ]


def changes(db: sqlite_utils.Database, runs: list[int]) -> list[DocumentChanges]:
    """Per document: the new, changed, updated and removed records of these runs, and the rest.

    Values are effective (clerks' edits applied); a rejected record is left out of every
    list except as the old side of a change, where it explains what was replaced.
    """
    marks = ",".join("?" * len(runs)) or "null"
    rows = {r["id"]: r for r in db.query("select * from reviewed_records")}
    docs = {
        d["id"]: DocumentChanges(d) for d in db.query("select * from documents order by source")
    }
    seen: set[str] = set()
    lineage = db.query(
        f"select old_id, new_id, similarity from record_lineage where run_id in ({marks}) "
        "order by id",
        runs,
    )
    for link in lineage:
        old = rows[link["old_id"]]
        new = rows.get(link["new_id"]) if link["new_id"] else None
        seen.update(i for i in (link["old_id"], link["new_id"]) if i)
        if new is None:
            if not _rejected(old):
                docs[old["document_id"]].changes.append(Change("removed", old=old))
        elif not _rejected(new):
            docs[new["document_id"]].changes.append(
                Change("changed", new=new, old=old, similarity=link["similarity"])
            )
    for row in sorted(rows.values(), key=lambda r: (r["document_id"], r["start"])):
        if row["id"] in seen or row["status"] != "current" or _rejected(row):
            continue
        target = docs[row["document_id"]]
        if row["first_run"] in runs:
            target.changes.append(Change("new", new=row))
        elif row["last_changed_run"] in runs:
            target.changes.append(Change("updated", new=row))
        else:
            target.unchanged.append(row)
    return list(docs.values())


def _rejected(row: dict[str, Any]) -> bool:
    return bool(row["review_state"] == "rejected")


def latest_replacement(
    db: sqlite_utils.Database, old_id: str
) -> tuple[str | None, int | None] | None:
    """(the record that replaced old_id, or None if it was removed; the run), if any."""
    row = db.execute(
        "select new_id, run_id from record_lineage where old_id = ? order by id desc limit 1",
        [old_id],
    ).fetchone()
    return None if row is None else (row[0], row[1])
