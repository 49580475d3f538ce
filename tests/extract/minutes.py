"""A minute of one's own: the smallest real minutes file, for tests of one sentence or rule."""

from __future__ import annotations

from pathlib import Path

from minutebook.extract import describe, extract
from minutebook.ingest import load
from minutebook.models import Record


def write_minutes(
    tmp_path: Path,
    body: str,
    *,
    item: str = "5. Any Other Business",
    held: str = "4 March 2025",
    present: str | None = None,
) -> Path:
    """Anytown Parish Council's minutes of the meeting held on `held`: an attendance line if
    `present` is given, then the item heading and `body`."""
    path = tmp_path / "minutes.txt"
    attendance = f"Present: {present}\n\n" if present else ""
    path.write_text(
        f"Anytown Parish Council\n\nMinutes of the meeting held on {held}\n\n"
        f"{attendance}{item}\n\n{body}\n",
        encoding="utf-8",
    )
    return path


def minutes_records(tmp_path: Path, body: str, **minutes: str) -> list[Record]:
    """The records extract() finds in write_minutes(tmp_path, body, **minutes)."""
    return extract(describe(load(write_minutes(tmp_path, body, **minutes))))


def text_records(tmp_path: Path, text: str, *, name: str = "minutes.txt") -> list[Record]:
    """The records extract() finds in a plain-text file of `text` named `name`: for minutes
    whose header or layout write_minutes does not give."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract(describe(load(path)))
