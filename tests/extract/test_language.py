"""The language of minutes beyond the samples: forms the rules must read, and what is no record.

The documents in data/ were written for these tests; the expectations below come from
reading them, clause by clause.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from minutebook.extract import describe, extract
from minutebook.ingest import load
from minutebook.models import Document, Record
from tests.conftest import ROOT, extracted, loaded, sample_paths

DATA = Path(__file__).parent / "data"
PATTERNS = Path(__file__).resolve().parents[2] / "minutebook" / "extract" / "patterns"


def _records(name: str) -> list[Record]:
    return extract(describe(load(DATA / name)))


def _by_text(records: list[Record], fragment: str) -> Record:
    hits = [r for r in records if fragment in r.text]
    assert len(hits) == 1, f"{fragment!r}: {[r.text for r in records]}"
    return hits[0]


def test_parish_minutes_prose_decisions_and_actions() -> None:
    records = _records("parish_minutes.txt")
    assert all(r.meeting_date == "2025-03-03" for r in records)
    minutes = _by_text(records, "be approved and signed as a correct record")
    assert (minutes.kind, minutes.code, minutes.noting) == ("resolution", "25/03", True)
    assert minutes.item_title == "Minutes of the previous meeting"
    highways = _by_text(records, "Clerk to write to Highways")
    assert (highways.kind, highways.owner, highways.code) == ("action", "Clerk", "25/04")
    grit = _by_text(records, "fund a new grit bin")
    assert (grit.kind, grit.code, grit.noting) == ("resolution", "25/04", False)
    planning = _by_text(records, "make no objection")
    assert planning.code == "25/05"
    payments = _by_text(records, "approve the payments listed")
    assert payments.owner == "Clerk"  # from the "Action: Clerk" line under it
    assert "Cllr Jones" not in payments.text  # proposer and seconder are not the clause
    swing = _by_text(records, "contact the contractor")
    assert (swing.kind, swing.owner) == ("action", "Chairman")
    quotes = _by_text(records, "obtain three quotes")
    # HR is declared in the attendance list; initials stay initials (GUIDELINES)
    assert quotes.owner == "HR"
    assert quotes.deadline == "2025-04-30"
    # a lost motion and apologies are not records
    assert not [r for r in records if "close the play area" in r.text or "Apologies" in r.text]
    assert len(records) == 7


def test_municipal_district_minutes() -> None:
    records = _records("municipal_district_minutes.txt")
    roads = _by_text(records, "Roads Programme 2023 be adopted")
    assert (roads.code, roads.item_title, roads.meeting_date) == (
        "14/06/5.01",
        "Roads Programme 2023",
        "2023-06-14",
    )
    assert "Murphy" not in roads.text
    grants = _by_text(records, "grants be awarded")
    assert grants.code == "14/06/5.03"
    footpath = _by_text(records, "inspect the footpath")
    assert footpath.owner == "Area Engineer"
    minister = _by_text(records, "write to the Minister")
    assert minister.kind == "resolution"  # "... This was agreed."
    assert minister.code == "14/06/5.04"
    assert not [r for r in records if "correspondence was noted" in r.text.lower()]
    assert len(records) == 4


def test_french_minutes_yield_no_invented_records_and_a_warning() -> None:
    doc = describe(load(DATA / "french_minutes.txt"))
    assert extract(doc) == []
    assert any("does not read as English" in w for w in doc.warnings)


def test_welsh_minutes_get_the_warning() -> None:
    # a community council's Welsh minutes, as published (tests/fixtures/real-pdfs/SOURCES.tsv)
    doc = describe(load(ROOT / "tests" / "fixtures" / "real-pdfs" / "manordeilo-011.pdf"))
    assert any("does not read as English" in w for w in doc.warnings)


def test_english_minutes_of_names_and_headings_get_no_warning(tmp_path: Path) -> None:
    # the kind 10: a roll call, capitals and a vote block are English too; counted
    # over every word this page read as 19 % function words, under the old 20 % line
    path = tmp_path / "roll-call.txt"
    path.write_text(
        "CITY OF SPRINGVALE\nREGULAR CITY COUNCIL MEETING MINUTES\nTuesday, February 4, 2025\n\n"
        "1. CALL TO ORDER\nMayor Diaz called the meeting to order at 7:00 p.m.\n\n"
        "2. ROLL CALL\nPresent: Mayor Diaz, Council Members Ortiz, Chen, Walker. Absent: "
        "Council Member Hale.\n\n3. APPROVAL OF AGENDA\nMOTION: Council Member Ortiz moved "
        "to approve the agenda as presented. Council Member Chen seconded. Motion passed 4-0."
        "\n\n4. RESOLUTION 2025-07 AUTHORIZING A CONTRACT FOR STREET RESURFACING\n"
        "RESULT: ADOPTED [UNANIMOUS]\nMOVER: Walker\nSECONDER: Ortiz\nAYES: Diaz, Ortiz, "
        "Chen, Walker\n\n5. ADJOURNMENT\nThe meeting adjourned at 8:15 p.m.\n",
        encoding="utf-8",
    )
    assert describe(load(path)).warnings == ()


# the samples' councils, places and people; a rule that names one has learnt that sample
SAMPLE_NAMES = (
    "leicester", "leicestershire", "surrey", "lincolnshire", "nelincs", "kent", "burton",
    "walden", "manordeilo", "salem", "nipissing", "carmarthenshire", "northwold", "stoke",
    "wereham", "wretton", "cflcc", "cfllc", "spcll", "lado", "loynton", "chalapenko",
    "richardson",
)  # fmt: skip
RULE_CODE = ("ingest", "extract", "lifecycle")  # the packages whose logic reads minutes


def _literals(source: str) -> list[tuple[int, str]]:
    """(line, value) of the string constants in a module, docstrings left out: a docstring
    may cite a sample as an example, a constant is what the code matches on."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def _sample_names_in(text: str) -> list[str]:
    return [n for n in SAMPLE_NAMES if re.search(rf"\b{n}\b", text, re.IGNORECASE)]


def test_sample_name_scan_finds_what_it_should() -> None:
    # the control for the two scans below: they would see a name, in text and in code
    assert _sample_names_in("RESOLVED that Kent's CFLLC tracker be noted") == ["kent", "cfllc"]
    assert _sample_names_in("Kentish stokers") == []
    source = '"""Kent minutes."""\n\n\ndef f() -> str:\n    """Surrey."""\n    return "SPCLL 43"\n'
    assert _literals(source) == [(6, "SPCLL 43")]


@pytest.mark.parametrize("path", sorted(PATTERNS.iterdir()), ids=lambda p: p.name)
def test_pattern_files_name_no_sample_council(path: Path) -> None:
    """Rules come from the language of minutes, not from the seeds' councils or people."""
    assert _sample_names_in(path.read_text(encoding="utf-8")) == [], path.name


@pytest.mark.parametrize(
    "path",
    sorted(p for package in RULE_CODE for p in (ROOT / "minutebook" / package).rglob("*.py")),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_rule_code_matches_on_no_sample_council(path: Path) -> None:
    """Nor from a string in the code: the pattern files are not the only place a rule lives."""
    literals = _literals(path.read_text(encoding="utf-8"))
    assert [(line, value) for line, value in literals if _sample_names_in(value)] == []


# Each sample place name and an invented one of the same length, so spans stay where they are
RENAMES = {
    "Leicestershire": "Aldermoorshire",
    "Leicester": "Aldermoor",
    "Carmarthenshire": "Glanmorganshire",
    "Surrey": "Wendle",
    "Nipissing": "Kestrelby",
    "Northwold": "Eastfield",
    "Stoke": "Brill",
    "Wereham": "Hexholm",
    "Wretton": "Fenwick",
    "Manordeilo": "Pentrefach",
    "Salem": "Tirau",
    "Kent": "Avon",
    "Burton": "Marden",
    "Walden": "Haddon",
}
_TO = {k: v for name, new in RENAMES.items() for k, v in ((name, new), (name.upper(), new.upper()))}
# a PDF may set a capital apart from the rest of its word ("299. K ent Minerals"), and the
# outline joins it again, so the spaced spelling is renamed too, keeping its space
_RENAME = re.compile(
    r"\b(?:" + "|".join(f"{n[0]}( ?){n[1:]}" for n in sorted(_TO, key=len, reverse=True)) + r")\b"
)


def _rename(text: str) -> str:
    def new(m: re.Match[str]) -> str:
        name = m.group(0).replace(" ", "", 1) if " " in m.group(0) else m.group(0)
        to = _TO[name]
        return to[0] + (" " if " " in m.group(0) else "") + to[1:]

    return _RENAME.sub(new, text)


def _renamed(doc: Document) -> Document:
    """The same document as a council of another name would publish it."""
    data = doc.model_dump()
    data["text"] = _rename(doc.text)
    for block in data["blocks"]:
        block["cells"] = tuple(map(_rename, block["cells"]))
    return Document.model_validate(data)


def test_renames_keep_every_length() -> None:
    assert all(len(name) == len(new) for name, new in RENAMES.items())
    assert _rename("Stoke Ferry and KENT, not Kentish") == "Brill Ferry and AVON, not Kentish"
    assert _rename("299. K ent Minerals") == "299. A von Minerals"


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_a_sample_under_another_council_name_gives_the_same_records(path: Path) -> None:
    """What the scans stand for: renaming the council and its places changes no record but
    for the names in it."""
    original = loaded(path)
    renamed = _renamed(original)
    _, records = extracted(path)
    assert records
    expected = [
        r.model_copy(update={f: _rename(v) for f, v in r if isinstance(v, str) and f != "source"})
        for r in records
    ]
    assert list(extract(describe(renamed))) == expected
    if path.name.startswith(("nelincs", "leicester")):
        return  # these name no place of RENAMES in their text (their file names aside)
    assert renamed.text != original.text, "nothing was renamed, so nothing was tested"
