"""Links: a tracker row to the minute clause that made it, on code or on text."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils
from hypothesis import given
from hypothesis import strategies as st

from minutebook.lifecycle.links import code_key, parse_thresholds, thresholds
from tests.conftest import SAMPLES
from tests.lifecycle.conftest import FIXTURES, ingest, recommendation

NOV_MINUTES = FIXTURES / "nelincs_cllsp_minutes_2025-11-13.txt"
TRACKER = SAMPLES / "nelincs_cllsp_tracker_2026-01-15.txt"

# The tracker's 5 February 2025 row has no minute code. These minutes make that
# recommendation in the panel's style; the minute number SPCLL.62 is made up, since the
# samples do not hold the February minutes.
FEB_MINUTES = """
CHILDREN AND LIFELONG LEARNING SCRUTINY PANEL

5TH FEBRUARY 2025

Present:

Councillor Freeston (in the Chair)

SPCLL.62 ELECTIVE HOME EDUCATION

The panel received a report on children who are electively home educated.

RECOMMENDED TO THE PORTFOLIO HOLDER FOR CHILDREN AND EDUCATION – That a letter be sent to the \
Secretary of State to: a. Ask them to compensate local authorities for children who are not \
full-time pupils at any school and provide more resources to enable local authorities to \
support the families of home educated children. b. Ask for the proposed local authority powers \
of consent to electively home educate, be extended to children who are Child In Need, and to \
stipulate a responsibility on statutory and non-statutory partner agencies to report cases of \
electively home educated children to the local authority for the purposes of the central \
register of children not in receipt of education.
"""


def _links(db: sqlite_utils.Database) -> list[dict[str, object]]:
    return list(
        db.query(
            """select l.*, a.code as code_a, a.rule as rule_a, b.code as code_b,
                      b.rule as rule_b, b.meeting_date as meeting_b
               from record_links l join records a on a.id = l.record_a
               join records b on b.id = l.record_b"""
        )
    )


def test_links_code_forms_share_a_key() -> None:
    assert code_key("SPCLL.43") == code_key("SPCLL 43") == code_key("spcll43") == "SPCLL 43"
    assert code_key("CFLLC 21/22") == code_key("CFLLC21/22") == "CFLLC 21 22"
    assert code_key("CFLLC 21/22") != code_key("CFLLC 2/122")
    assert code_key(None) is None


@given(st.text())
def test_links_code_key_never_raises(text: str) -> None:
    key = code_key(text)
    assert key is None or key == code_key(key)


def test_links_spcll43_tracker_row_follows_its_minute(tmp_path: Path) -> None:
    db = ingest(tmp_path / "m.db", NOV_MINUTES, TRACKER)
    by_code = {link["code_b"]: link for link in _links(db)}
    link = by_code["SPCLL.43"]
    assert link["code_a"] == "SPCLL.43"
    assert str(link["rule_a"]).startswith("introducers:")  # the minutes' clause
    assert str(link["rule_b"]).startswith("tracker:")  # the tracker's row
    assert link["meeting_b"] == "2025-11-13"
    assert (link["relation"], link["method"]) == ("origin", "code")
    # the fixture's clause is the tracker's recommendation word for word
    assert link["score"] == 100.0
    assert by_code["SPCLL.40"]["method"] == "code"
    rec = recommendation(db, "SPCLL.43")
    assert rec["first_seen"] == "2025-11-13"
    assert str(rec["origin_source"]).endswith("nelincs_cllsp_minutes_2025-11-13.txt")


def test_links_code_written_differently_still_links(tmp_path: Path) -> None:
    minutes = tmp_path / "minutes.txt"
    text = NOV_MINUTES.read_text(encoding="utf-8").replace("SPCLL.43 URGENT", "SPCLL 43 URGENT")
    minutes.write_text(text, encoding="utf-8")
    db = ingest(tmp_path / "m.db", minutes, TRACKER)
    link = next(link for link in _links(db) if link["code_b"] == "SPCLL.43")
    assert link["code_a"] == "SPCLL 43"
    assert (link["method"], link["score"]) == ("code", 100.0)


def test_links_row_without_code_links_on_text(tmp_path: Path) -> None:
    minutes = tmp_path / "nelincs_cllsp_minutes_2025-02-05.txt"
    minutes.write_text(FEB_MINUTES, encoding="utf-8")
    db = ingest(tmp_path / "m.db", minutes, TRACKER)
    link = next(link for link in _links(db) if link["code_b"] is None)
    assert link["code_a"] == "SPCLL.62"
    assert link["method"] == "text"
    assert thresholds().text_min["origin"] <= float(str(link["score"])) <= 100


def test_links_same_code_other_meeting_is_not_linked(tmp_path: Path) -> None:
    minutes = tmp_path / "minutes.txt"
    text = NOV_MINUTES.read_text(encoding="utf-8").replace("13TH NOVEMBER 2025", "14TH MARCH 2024")
    minutes.write_text(text, encoding="utf-8")
    db = ingest(tmp_path / "m.db", minutes, TRACKER)
    assert _links(db) == []


def test_links_unrelated_minutes_are_not_linked(tmp_path: Path) -> None:
    # the 2020 minutes are SPCLL.1-10: nothing in them is on the 2026 tracker
    db = ingest(tmp_path / "m.db", SAMPLES / "nelincs_cllsp_minutes_2020-07-09.txt", TRACKER)
    assert _links(db) == []


@pytest.mark.parametrize(
    "data",
    [
        {"scorer": "nope", "origin": {"code_text_min": 1, "text_min": 1}},
        {"scorer": "ratio", "origin": {"code_text_min": 150, "text_min": 1}},
        {"scorer": "ratio", "origin": {"code_text_min": 1, "text_min": "high"}},
        {"scorer": "ratio", "origin": {"code_text_min": 1, "text_min": 1}},  # no edition
    ],
)
def test_links_bad_thresholds_are_refused(data: dict[str, object]) -> None:
    with pytest.raises((ValueError, KeyError)):
        parse_thresholds(data)
