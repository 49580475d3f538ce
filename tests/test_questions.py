"""README's "Questions you can ask", run as written against the database built from samples/.

Every expected answer below was read from the sample documents (the tracker rows, the
RESOLVED clauses), not from minutebook's output.
"""

from __future__ import annotations

import json
import re
import shlex
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from minutebook.cli import app
from tests.conftest import ROOT

Rows = list[dict[str, Any]]


def _questions() -> dict[str, tuple[str, str]]:
    """Question number -> (language, code) of the first fenced block under its heading."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Questions you can ask\n", 1)[1].split("\n## ", 1)[0]
    found = {}
    for block in re.split(r"\n### ", section)[1:]:
        number = block.split(".", 1)[0]
        fence = re.search(r"```(\w+)\n(.*?)```", block, re.S)
        assert fence, f"question {number} has no code block"
        found[number] = (fence.group(1), fence.group(2).strip())
    return found


def _codes(rows: Rows) -> list[str]:
    return sorted(str(r["code"]) for r in rows)


def _q1(rows: Rows) -> None:
    # NE Lincs tracker: SPCLL.40 "approved by Cabinet on 10th December 2025"; SPCLL.43 blank
    assert _codes(rows) == ["SPCLL.43"]
    assert rows[0]["meeting_date"] == "2025-11-13"
    assert rows[0]["owner"] == "Democratic Services"


def _q2(rows: Rows) -> None:
    # Surrey tracker: 21/22 due "December 2022", update "The draft Strategy is on the agenda"
    assert _codes(rows) == ["CFLLC 21/22"]
    assert rows[0]["deadline"] == "2022-12"


def _q3(rows: Rows) -> None:
    # Surrey tracker, 4 October 2022, "SEND Strategy [Item 5]": 18/22 to 21/22
    assert _codes(rows) == ["CFLLC 18/22", "CFLLC 19/22", "CFLLC 20/22", "CFLLC 21/22"]
    assert {r["page"] for r in rows} == {1}
    assert {Path(r["source"]).name for r in rows} == {"surrey_cfllc_tracker_2022-12.txt"}


def _q4(rows: Rows) -> None:
    # Leics minutes: (b)-(d) of 25, (b)-(c) of 27, (b) of 28 ask the Director to act
    assert _codes(rows) == ["25(b)", "25(c)", "25(d)", "27(b)", "27(c)", "28(b)"]
    assert {r["owner"] for r in rows} == {"Director of Children and Family Services"}


def _q5(rows: Rows) -> None:
    # 23/22: "detail will be provided in the report in March 2023"; 24/22, 25/22 circulated
    assert {r["code"]: r["is_open"] for r in rows} == {
        "CFLLC 23/22": 1,
        "CFLLC 24/22": 0,
        "CFLLC 25/22": 0,
    }


def _q6(rows: Rows) -> None:
    # meetings: 14 Dec 2020 (1/20), 18 Oct 2021 (3/21), 7 Apr 2022 (7/22), 4 Oct 2022 (rest)
    assert rows == [
        {"year": "2020", "recommendations": 1, "actions": 0},
        {"year": "2021", "recommendations": 1, "actions": 0},
        {"year": "2022", "recommendations": 1, "actions": 12},
    ]


EXPECTED: dict[str, Callable[[Rows], None]] = {
    "1": _q1,
    "2": _q2,
    "3": _q3,
    "4": _q4,
    "5": _q5,
    "6": _q6,
}


def test_questions_readme_has_every_checked_question() -> None:
    assert set(_questions()) == set(EXPECTED)
    assert len(EXPECTED) >= 5


def _run_sql(db_path: Path, sql: str) -> Rows:
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql)]
    finally:
        conn.close()


def _run_command(db_path: Path, command: str) -> Rows:
    argv = shlex.split(command)
    assert argv[0] == "minutebook"
    # the README command as written, pointed at the sample database, in a parseable format;
    # a fixed --today keeps an --overdue answer from depending on the clock
    extra = ["--db", str(db_path), "--format", "jsonl"]
    if "--overdue" in argv:
        extra += ["--today", "2025-06-30"]
    result = CliRunner().invoke(app, argv[1:] + extra)
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_questions_answer_from_the_samples(samples_db: Path, number: str) -> None:
    language, code = _questions()[number]
    if language == "sql":
        rows = _run_sql(samples_db, code)
    else:
        assert language == "bash", f"question {number}: unexpected block {language}"
        rows = _run_command(samples_db, code)
    EXPECTED[number](rows)
