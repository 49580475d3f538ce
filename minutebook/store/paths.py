"""Where the database is when nobody says: minutebook.db in the working directory."""

from __future__ import annotations

from pathlib import Path

DEFAULT_PATH = Path("minutebook.db")
