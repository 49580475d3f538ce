"""Shared fixtures: the sample set, its human gold, a temporary database."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

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


@pytest.fixture
def samples_copy(tmp_path: Path) -> Path:
    """A private copy of samples/, for tests that change or add files."""
    target = tmp_path / "samples"
    shutil.copytree(SAMPLES, target)
    return target


@pytest.fixture(scope="session")
def samples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """minutebook.db built from every sample, as `minutebook ingest samples/` builds it.

    Read-only for tests: copy it first to change it.
    """
    from typer.testing import CliRunner

    from minutebook.cli import app

    path = tmp_path_factory.mktemp("samples-db") / "minutebook.db"
    result = CliRunner().invoke(app, ["ingest", str(SAMPLES), "--db", str(path), "--quiet"])
    assert result.exit_code == 0, result.stderr
    return path
