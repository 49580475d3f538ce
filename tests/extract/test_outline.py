"""The outline: header and item tree, on the samples and on flattened text made for the test."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from minutebook.cli import app
from minutebook.extract import describe, extract
from minutebook.extract.outline import build_outline, split_title
from minutebook.ingest import load
from tests.conftest import SAMPLES, gold_documents, sample_paths
from tests.extract.minutes import text_records

runner = CliRunner()


def test_outline_inline_numbers_in_a_flattened_page(tmp_path: Path) -> None:
    # a web page that flattens the minutes into one paragraph, items numbered inline
    path = tmp_path / "flat.txt"
    path.write_text(
        "Anytown Parish Council\n\nMinutes of the meeting held on 14th July 2015\n\n"
        "Present: Cllr A Brown, Cllr B Green. Members of the Public: 10 1.0 Apologies There "
        "were no apologies. 2.0 Village Matters 2.1 The bench was repaired for £4.50 by 7.30 "
        "pm. 2.2 Clerk to order a new bin. 3.0 Finance 3.1 Payments of £12.50 were approved.\n",
        encoding="utf-8",
    )
    outline = build_outline(load(path))
    got = [(i.code, i.title, i.level) for i in outline.items]
    assert got == [
        ("1.0", "Apologies", 0),
        ("2.0", "Village Matters", 0),
        ("2.1", None, 1),
        ("2.2", None, 1),
        ("3.0", "Finance", 0),
        ("3.1", None, 1),
    ]
    assert outline.header.meeting_date == "2015-07-14"
    at = path.read_text(encoding="utf-8")
    clerk = load(path).text.index("Clerk to order")
    assert outline.code_at(clerk) == "2.2"
    assert outline.title_at(clerk) == "Village Matters"  # an untitled paragraph: its parent's
    assert "4.50" in at


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "To Approve the Minutes of the Ordinary Meeting held on 3 June 2020 There were no "
            "amendments.",
            "To Approve the Minutes of the Ordinary Meeting held on 3 June 2020",
        ),
        (
            "Urgent Matters - Chairman The Clerk agreed to post the items on the website.",
            "Urgent Matters - Chairman",
        ),
        ("The Chair read the notice.", None),
    ],
)
def test_outline_title_ends_where_the_minute_starts(text: str, title: str | None) -> None:
    assert split_title(text)[0] == title


def test_outline_paragraph_numbers_inside_a_minute_are_not_items() -> None:
    # ModernGov minutes number the paragraphs of minute 285 from 1 again
    outline = build_outline(load(SAMPLES / "kent_county-council_2025-01-09.pdf"))
    codes = [i.code for i in outline.items]
    assert {"283", "284", "285"} <= set(codes)
    assert "7" not in codes
    assert "26" not in codes


GOLD = {g["document"]: g for g in gold_documents()}


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_outline_command_prints_header_and_items(path: Path) -> None:
    result = runner.invoke(app, ["outline", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    gold = GOLD[path.name]
    if gold["document_type"] == "minutes" and any(r.get("item_title") for r in gold["records"]):
        assert data["items"], "the gold names items, the outline has none"
    assert data["meeting_date"] == GOLD[path.name]["document_date"] or path.name.startswith(
        "northwold-pc_parish-council_2014-06"  # the day is not printed; the gold reads the codes
    )
    text = runner.invoke(app, ["outline", str(path)])
    assert text.exit_code == 0
    assert re.search(r"^  committee: ", text.stdout, re.M)
    assert re.search(r"^  meeting date: ", text.stdout, re.M)


def test_outline_command_on_a_missing_file_is_one_line() -> None:
    result = runner.invoke(app, ["outline", "nope.txt"])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "nope.txt" in result.stderr


def test_outline_of_a_word_layout_table_takes_its_bold_headings() -> None:
    from minutebook.extract import describe, extract

    doc = load(SAMPLES / "northwold-pc_parish-council_2014-06.html")
    outline = build_outline(doc)
    titles = [item.title for item in outline.items]
    # a heading that ends in ":" or reads like a sentence is still the heading it was set as
    assert "Planning Applications" in titles
    assert "Clerk’s Report and Updates from previous minutes" in titles
    assert (
        "Cheques for signing and approval and to authorise payment of outstanding invoices"
        in titles
    )
    assert ("14/06/1", "Public Forum – LGA 1972, Section 100(1)") in [
        (i.code, i.title) for i in outline.items
    ]
    # "Resolved 14/06/5.01" in bold introduces a clause; it titles nothing
    assert not [t for t in titles if t and t.lower().startswith("resolved")]
    records = extract(describe(doc))
    by_code = {r.code: r for r in records}
    # a bare "Resolved 14/06/9.02" over the payments table resolves the sentence after it
    assert by_code["14/06/9.02"].text.startswith("Invoices were checked, payments were approved")
    # the next item's heading ("Councillor Vacancy") is nobody's owner tag
    assert not [r for r in records if r.owner and "Vacancy" in r.owner]


def test_outline_of_plain_text_minutes_that_number_nothing(tmp_path: Path) -> None:
    # capitals over prose are the headings; a term of office in the header is no item 2010;
    # a line naming mover and seconder is no sub-heading
    path = tmp_path / "plain.txt"
    path.write_text(
        "TOWN OF ANYTOWN\n2022 - 2026 COUNCIL\nApril 11, 2024\n"
        "Minutes of the regular meeting of the Council held April 11, 2024.\n"
        "APPROVAL OF AGENDA\n"
        "MOTION: of Ortiz, seconded by Lamb, approving the agenda for tonight's meeting as "
        "amended. Ayes - 5 - Nays - 0.\n"
        "CONSENT AGENDA\n"
        "Moved by Ortiz, Seconded by Lamb\n"
        "Be it resolved that the consent agenda of April 11, 2024 be received and adopted.\n",
        encoding="utf-8",
    )
    outline = build_outline(load(path))
    assert [(i.code, i.title) for i in outline.items] == [
        (None, "Approval of Agenda"),
        (None, "Consent Agenda"),
    ]
    assert outline.header.meeting_date == "2024-04-11"


def test_outline_codes_named_as_agenda_items_or_by_year_and_month(tmp_path: Path) -> None:
    path = tmp_path / "codes.txt"
    path.write_text(
        "Minutes of the Parish Council Meeting held on Monday 10th July 2023\n\n"
        "2307.01 Present\nCouncillors: E. Simpson (ES) (Chairman), J Green (JG)\n\n"
        "2307.02 Parish Clerk Vacancy\nIt was resolved that the post be advertised.\n\n"
        "Agenda Item 3: Future of the Hall – Discussion\n"
        "It was agreed that ES should write to the trustees this month.\n",
        encoding="utf-8",
    )
    outline = build_outline(load(path))
    assert [(i.code, i.title) for i in outline.items] == [
        ("2307.01", "Present"),
        ("2307.02", "Parish Clerk Vacancy"),
        ("3", "Future of the Hall – Discussion"),
    ]
    # the attendance list is item 2307.01, not the header: its initials still name people
    assert outline.header.initials.get("ES") is not None


def test_an_agenda_number_and_title_followed_by_the_minute_reference(tmp_path: Path) -> None:
    # the minute's running reference after the agenda's title is the code (GUIDELINES: a
    # minute reference) and the agenda number carries the numbering on (4 after 3); "3/4"
    # in a title is no reference
    records = text_records(
        tmp_path,
        "Anytown Parish Council\n\nMinutes of the meeting held on Monday 13 May 2024\n\n"
        "3. Apologies\n\nNone were received.\n\n"
        "4. Exercise Equipment: 004/24 – Quotes were compared. It was agreed to buy two.\n\n"
        "5. Finance:005/24:\n\nIt was agreed that the accounts be paid.\n\n"
        "6. Hall Hire: 3/4 Booked\n\nIt was agreed to raise fees.\n",
        name="refs.txt",
    )
    assert [(r.code, r.item_title, r.text) for r in records] == [
        ("004/24", "Exercise Equipment", "It was agreed to buy two."),
        ("005/24", "Finance", "It was agreed that the accounts be paid."),
        ("6", "Hall Hire: 3/4 Booked", "It was agreed to raise fees."),
    ]


def test_a_decision_log_dates_and_titles_each_entry(tmp_path: Path) -> None:
    # GUIDELINES: a decision notice's records take the decision date, and its subject is
    # the item; a log lists several, each under its own "Date:"
    records = text_records(
        tmp_path,
        "Trust Board decision log 2024\n\nDate: 4 March, 2024\n\n"
        "Item discussed: Car parking charges for staff during the building works on the "
        "north site, and the shuttle bus to the park and ride\n\n"
        "The Trust Board:\n\n- APPROVED the suspension of staff parking charges.\n\n"
        "Action: Complete\n\nDate: 8 April, 2024\n\nItem discussed: Annual plan\n\n"
        "The Trust Board APPROVED the annual plan for 2024/25.\n",
        name="log.txt",
    )
    assert [(r.text, r.meeting_date, r.item_title) for r in records] == [
        (
            "APPROVED the suspension of staff parking charges.",
            "2024-03-04",
            "Car parking charges for staff during the building works on the north site, and "
            "the shuttle bus to the park and ride",
        ),
        ("The Trust Board APPROVED the annual plan for 2024/25.", "2024-04-08", "Annual plan"),
    ]


def test_a_decisions_page_lists_its_decisions_by_reference_in_any_order(tmp_path: Path) -> None:
    path = tmp_path / "decisions.txt"
    path.write_text(
        "Decisions published\n\n"
        "05/03/2024 - Library Opening Hours ref: 512    Recommendations Approved\n\n"
        "Decision Maker: Cabinet\n\nDecision:\n\nThat the new opening hours be approved.\n\n"
        "04/03/2024 - Park Fees ref: 498    Recommendations Approved\n\n"
        "Decision Maker: Cabinet\n\nDecision:\n\nThat the fees for 2024/25 be agreed.\n",
        encoding="utf-8",
    )
    outline = build_outline(load(path))
    assert [(i.code, i.title, i.date) for i in outline.items] == [
        ("512", "Library Opening Hours", "2024-03-05"),
        ("498", "Park Fees", "2024-03-04"),
    ]
    records = extract(describe(load(path)))
    assert [(r.code, r.meeting_date) for r in records] == [
        ("512", "2024-03-05"),
        ("498", "2024-03-04"),
    ]


def test_a_heading_ends_at_its_colon_when_the_minute_runs_on_in_sentences(
    tmp_path: Path,
) -> None:
    path = tmp_path / "colon.txt"
    path.write_text(
        "Anytown Parish Council\n\nMinutes of the meeting held on 4 January 2017\n\n"
        "1. Apologies\n\nNone.\n\n2. Declarations of Interest\n\nNone.\n\n"
        "3. Co-opt members to fill current vacancies: Mr Lee was proposed by Cllr Brown and "
        "seconded by Cllr Green.\n\n"
        # a heading may go on after its colon, in title case, with no minute after it
        "4. 16/00042/TREECA: Village Pond and Recreation Ground, Church Road, Anytown\n\n"
        "The trees may be felled.\n",
        encoding="utf-8",
    )
    outline = build_outline(load(path))
    assert [(i.code, i.title) for i in outline.items][2:] == [
        ("3", "Co-opt members to fill current vacancies"),
        ("4", "16/00042/TREECA: Village Pond and Recreation Ground, Church Road, Anytown"),
    ]


def test_running_minute_numbers_past_99_have_numbered_paragraphs(tmp_path: Path) -> None:
    # a parish numbers its minutes on through the years: 338, then 338.1 and 338.2 inside it
    path = tmp_path / "running.txt"
    path.write_text(
        "Minutes of the Parish Council Meeting held on Tuesday 7th April 2020\n\n"
        "337 EXCLUSION OF THE PRESS AND PUBLIC\nMembers AGREED that no items required this.\n\n"
        "338 PLANNING\n338.1 The Minutes of the Planning Meeting held on 3rd March 2020 were "
        "APPROVED.\n338.2 To consider the following planning applications:\n"
        "Unanimously AGREED to recommend APPROVAL\n",
        encoding="utf-8",
    )
    outline = build_outline(load(path))
    assert [(i.code, i.level) for i in outline.items] == [
        ("337", 0),
        ("338", 0),
        ("338.1", 1),
        ("338.2", 1),
    ]


def test_a_heading_in_capitals_wrapped_over_lines_and_a_vote_roll_under_it(
    tmp_path: Path,
) -> None:
    # a US board's minutes: the heading goes on where a line ends or starts with a small word;
    # the vote roll ("Absent: None") is no sub-heading, and a page number inside it no item
    path = tmp_path / "board.txt"
    path.write_text(
        "MINUTES OF THE BOARD OF DIRECTORS MEETING OF THE ANYTOWN WATER DISTRICT\n"
        "March 3, 2010\n"
        "1. CALL TO ORDER\n"
        "2. ROLL CALL\n"
        "DIRECTORS PRESENT\n"
        "Directors Present: Adams, Baker and Chen\n"
        "3. APPROVAL OF MINUTES OF THE REGULAR BOARD MEETING OF\n"
        "FEBRUARY 3, 2010\n"
        "A motion was made by Director Adams, seconded by Director Chen and carried with "
        "the following vote:\n"
        "Ayes: Directors Adams, Baker and Chen\n"
        "Noes: None\n"
        "2\n"
        "Absent: None\n"
        "to approve the minutes of the regular board meeting of February 3, 2010.\n"
        "4. PUBLIC COMMENT ON ANY MATTER WITHIN THE\n"
        "JURISDICTION OF THE BOARD\n"
        "No one wished to be heard.\n",
        encoding="utf-8",
    )
    doc = load(path)
    outline = build_outline(doc)
    assert [(i.code, i.title) for i in outline.items] == [
        ("1", "Call to Order"),
        ("2", "Roll Call"),
        ("3", "Approval of Minutes of the Regular Board Meeting of February 3, 2010"),
        ("4", "Public Comment on Any Matter Within the Jurisdiction of the Board"),
    ]
    records = extract(describe(doc))
    assert [(r.code, r.text) for r in records] == [
        ("3", "to approve the minutes of the regular board meeting of February 3, 2010."),
    ]


def test_a_moderngov_heading_with_its_attachment_link_and_a_that_line_below_it(
    tmp_path: Path,
) -> None:
    records = text_records(
        tmp_path,
        "Issue - meetings\n\nMeeting: 25/05/2012 - Council (Item 11)\n\n"
        "11 POLICE AND CRIME PANEL REPORT pdf icon PDF 93 KB\n\n"
        "To approve the establishment of a Police and Crime Panel.\n\nMinutes:\n\n"
        "The Leader moved the report, which was seconded by Councillor Price.\n\n"
        "RESOLVED\n\nTHAT:\n\n"
        "a) Council approved the establishment of a Police and Crime Panel as a joint "
        "committee of the ten authorities; and\n\n"
        "b) Council authorised the Chief Executive to finalise the details with the "
        "Leader.\n",
        name="issue.txt",
    )
    assert [(r.code, r.item_title, r.text) for r in records] == [
        (
            "11(a)",
            "Police and Crime Panel Report",
            "Council approved the establishment of a Police and Crime Panel as a joint "
            "committee of the ten authorities",
        ),
        (
            "11(b)",
            "Police and Crime Panel Report",
            "Council authorised the Chief Executive to finalise the details with the Leader.",
        ),
    ]


def test_an_agenda_listed_in_the_minutes_is_no_items_when_the_minutes_number_again(
    tmp_path: Path,
) -> None:
    path = tmp_path / "board.txt"
    path.write_text(
        "Anytown Historical Society\n\nMinutes of the Board meeting of 29 April 2008\n\n"
        "1. The meeting began at 4:40 pm.\n\n2. The following Agenda was adopted:\n\n"
        "1. Adoption of Agenda\n\n2. Adoption of the Minutes of 1 April 2008\n\n"
        "3. Matters Arising\n\n(a) Legal status of the National Park on the east coast\n\n"
        "4. Adjournment\n\n"
        "1. Adoption of Minutes of 1 April 2008\n\n"
        "The Board minutes of 1 April were unanimously adopted.\n\n"
        "2. Matters Arising\n\nThe Secretary is to pass the disk to the President.\n",
        encoding="utf-8",
    )
    outline = build_outline(load(path))
    assert [(i.code, i.title) for i in outline.items][-2:] == [
        ("1", "Adoption of Minutes of 1 April 2008"),
        ("2", "Matters Arising"),
    ]
    assert "Adjournment" not in [i.title for i in outline.items]


def test_a_financial_year_after_a_title_is_part_of_it_not_the_minute_code(
    tmp_path: Path,
) -> None:
    path = tmp_path / "budget.txt"
    path.write_text(
        "Anytown Parish Council\n\nMinutes of the meeting held on 4 March 2025\n\n"
        "6. Planning\n\nNo applications.\n\n"
        "7. Budget: 2025/26 precept\n\nRESOLVED that the precept for 2025/26 be set at "
        "£24,000.\n",
        encoding="utf-8",
    )
    outline = build_outline(load(path))
    assert [(i.code, i.title) for i in outline.items] == [
        ("6", "Planning"),
        ("7", "Budget: 2025/26 precept"),
    ]
