"""Shared fixtures: the sample set, its human gold, a temporary database."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from minutebook.extract import describe, extract
from minutebook.ingest import load, pdf_fast
from minutebook.models import Document, Record

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLD = Path(__file__).resolve().parent / "gold"

settings.register_profile(
    "ci", deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci")


def gold_documents() -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]


def sample_paths() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.is_file())


@cache
def loaded(path: Path) -> Document:
    """load(path), once per test process: several test files read every sample.

    Documents are frozen models, so no test can change what the next one gets.
    """
    assert pdf_fast.enabled(), "cached documents are those of the default (PDFium) reading"
    return load(path)


@cache
def described(path: Path) -> Document:
    """describe(load(path)), once per test process: the header's date and committee."""
    return describe(loaded(path))


@cache
def extracted(path: Path) -> tuple[Document, tuple[Record, ...]]:
    """The described document and its records, as extract() gives them, once per process.

    A tuple, so no test can add to or drop from the records another test reads.
    """
    doc = described(path)
    return doc, tuple(extract(doc))


# A small batch with a sample of every format, for runs that need a few real documents
# rather than all of them.
ONE_OF_EACH_FORMAT = (
    "nelincs_cllsp_minutes_2020-07-09.txt",
    "surrey_cfllc_tracker_2022-12.txt",
    "burton-cum-walden_parish-council_2025-09-02.pdf",
    "manordeilo-salem_community-council_2020-10-14.html",
)


def copy_samples(folder: Path, names: Iterable[str]) -> Path:
    """A new folder holding copies of the samples named, for tests that change them."""
    folder.mkdir(parents=True)
    for name in names:
        shutil.copy(SAMPLES / name, folder / name)
    return folder


@pytest.fixture
def samples_copy(tmp_path: Path) -> Path:
    """A private copy of samples/, for tests that change or add files."""
    target = tmp_path / "samples"
    shutil.copytree(SAMPLES, target)
    return target


@dataclass(frozen=True)
class SamplesIngest:
    """One `minutebook ingest samples/ --workers 2 --quiet` of the whole sample set."""

    db: Path  # this test process's copy; read-only for tests: copy it first to change it
    stderr: str  # what the ingest printed
    file_alone: Path  # the .db file alone, copied before anything else opened the database


@contextmanager
def _exclusive(lock: Path) -> Iterator[None]:
    with lock.open("w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _shared_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder all test processes of this run share (pytest-xdist's workers sit one below)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def samples_ingest(tmp_path_factory: pytest.TempPathFactory) -> SamplesIngest:
    """The samples ingested once per test run (the slowest step of the suite, ~20 s of CPU);
    each test process gets its own copy, so no two processes share one SQLite file."""
    from typer.testing import CliRunner

    from minutebook.cli import app

    shared = _shared_dir(tmp_path_factory) / "samples-ingest"
    with _exclusive(_shared_dir(tmp_path_factory) / "samples-ingest.lock"):
        if not (shared / "stderr.txt").exists():
            shared.mkdir(exist_ok=True)
            db = shared / "minutebook.db"
            args = ["ingest", str(SAMPLES), "--db", str(db), "--workers", "2", "--quiet"]
            result = CliRunner().invoke(app, args)
            assert result.exit_code == 0, result.stderr
            shutil.copyfile(db, shared / "file-alone.db")
            # written last: its presence says the rest is complete
            (shared / "stderr.txt").write_text(result.stderr, encoding="utf-8")
    mine = tmp_path_factory.mktemp("samples-db")
    for name in ("minutebook.db", "file-alone.db"):
        shutil.copyfile(shared / name, mine / name)
    if (shared / "minutebook.db-wal").exists():  # a whole copy, had the ingest not checkpointed
        shutil.copyfile(shared / "minutebook.db-wal", mine / "minutebook.db-wal")
    stderr = (shared / "stderr.txt").read_text(encoding="utf-8")
    return SamplesIngest(mine / "minutebook.db", stderr, mine / "file-alone.db")


@pytest.fixture(scope="session")
def samples_db(samples_ingest: SamplesIngest) -> Path:
    """minutebook.db built from every sample, as `minutebook ingest samples/` builds it.

    Read-only for tests: copy it first to change it.
    """
    return samples_ingest.db
