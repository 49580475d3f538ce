"""The ingest lock: one writer per database file, however its path is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from minutebook.cli import app
from minutebook.console.conventions import Exit
from minutebook.errors import StoreError
from minutebook.store.lock import IngestLock
from tests.conftest import SAMPLES


def _other_spellings(tmp_path: Path, db: Path) -> list[Path]:
    (tmp_path / "sub").mkdir()
    link = tmp_path / "link.db"
    link.symlink_to(db)
    linked_folder = tmp_path / "folder-link"
    linked_folder.symlink_to(tmp_path, target_is_directory=True)
    return [link, tmp_path / "sub" / ".." / db.name, linked_folder / db.name]


def test_lock_holds_through_a_symlink_or_another_spelling_of_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # issue 14.6: a second ingest through a symlink took its own lock and wrote too
    db = tmp_path / "m.db"
    db.touch()
    monkeypatch.chdir(tmp_path)
    spellings = [*_other_spellings(tmp_path, db), Path("m.db")]
    with IngestLock(db):
        for other in spellings:
            with pytest.raises(StoreError, match=r"another ingest \(pid \d+\)"), IngestLock(other):
                pass
    for other in spellings:  # released: each one may take it in turn
        with IngestLock(other):
            pass
    assert sorted(p.name for p in tmp_path.glob("*.lock")) == ["m.db.lock"]


def test_ingest_into_a_missing_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    db = tmp_path / "no-such-folder" / "m.db"
    result = CliRunner().invoke(
        app, ["ingest", str(SAMPLES / "surrey_cfllc_tracker_2022-12.txt"), "--db", str(db)]
    )
    assert result.exit_code == Exit.USAGE
    assert result.stderr == (
        f"error: {db}: cannot create a database here (its folder does not exist); "
        "create the folder first or choose another --db\n"
    )
    assert not db.parent.exists()
