"""Text wrapped at a fixed width reads as the paragraphs it was wrapped from (wrapping.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from minutebook.extract import describe, extract
from minutebook.ingest import load
from minutebook.ingest.text import parse
from minutebook.ingest.wrapping import continues, wrap_width
from tests.conftest import SAMPLES

TEXT_SAMPLES = sorted(p.name for p in SAMPLES.glob("*.txt"))


def _wrapped(text: str, width: int) -> str:
    """The text as an e-mail client or pdftotext writes it: every prose line broken at
    `width` columns by textwrap; table rows and blank lines kept."""
    out: list[str] = []
    for line in text.splitlines():
        if "|" in line or "\t" in line or not line.strip():
            out.append(line)
        else:
            out.extend(textwrap.wrap(line, width))
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("name", TEXT_SAMPLES)
def test_a_sample_wrapped_at_72_columns_gives_the_samples_records(
    tmp_path: Path, name: str
) -> None:
    source = SAMPLES / name
    copy = tmp_path / name
    copy.write_text(_wrapped(source.read_text(encoding="utf-8"), 72), encoding="utf-8")
    assert copy.read_text(encoding="utf-8").count("\n") > source.read_text(encoding="utf-8").count(
        "\n"
    )  # the copy is wrapped: it has more lines
    # kind, text and owner: a wrap that falls just after a full stop starts a block of its
    # own (it cannot be told from a paragraph's end), which can move a sentence out of its
    # lettered sub-item, and so its code from "4(e)" to "4"
    expected = [(r.kind, r.text, r.owner) for r in extract(describe(load(source)))]
    got = [(r.kind, r.text, r.owner) for r in extract(describe(load(copy)))]
    assert expected  # every text sample holds records
    assert got == expected


def test_a_line_cut_at_the_wrap_width_continues_and_a_heading_does_not() -> None:
    text = (
        "4. Village hall lease\n"
        "The letter received at the previous meeting was discussed by the committee\n"
        "and it was reviewed at the recent committee meeting which the owner of 48 Main\n"
        "Street attended and conversed with the committee about the boundary wall. It\n"
        "was recognised that some demolition work had taken place and the Village\n"
        "Hall access had been used by the builders on several days without notice.\n"
        "Members noted that the access strip runs along the wall of the hall car park\n"
        "The Trustees:\n"
        "• agreed to seek legal advice on the access strip and the lease of the field\n"
    )
    built = parse(text)
    blocks = [built.text[b.start : b.end] for b in built.blocks]
    assert blocks == [
        "4. Village hall lease",
        "The letter received at the previous meeting was discussed by the committee and it "
        "was reviewed at the recent committee meeting which the owner of 48 Main Street "
        "attended and conversed with the committee about the boundary wall. It was "
        "recognised that some demolition work had taken place and the Village Hall access "
        "had been used by the builders on several days without notice.",
        # a long line with no full stop, but the next is a stem of its own
        "Members noted that the access strip runs along the wall of the hall car park",
        "The Trustees:",
        "• agreed to seek legal advice on the access strip and the lease of the field",
    ]


def test_across_a_blank_line_only_the_break_itself_joins() -> None:
    long = "Cllr Lee queried the black bin in the cemetery and the Clerk will investigate"
    # a blank line may end a paragraph: a capital after it starts a new one ...
    assert not continues(long, "Cllr Mrs Hall advised the next meeting is in June", 76, True)
    # ... unless the line stops on a word no sentence ends with, or the next goes on in
    # lower case
    assert continues(long + " the", "Mayor and Cabinet agreed that:", 76, True)
    assert continues(long, "once the contractor has replied.", 76, True)


def test_text_with_sentences_on_lines_of_their_own_is_not_wrapped() -> None:
    lines = [
        "The Clerk reported that the grass cutting contract had been renewed for a year.",
        "Members agreed to buy a new bench for the play area at a cost of £450.",
        "The Chair thanked the volunteers who had cleared the footpath in March.",
        "It was agreed to write to Highways about the pothole on Mill Lane, again.",
        "The precept for 2025/26 was set at £12,000 after a short discussion of it.",
        "Cllr Brown reported on the flooding at the ford and the state of the drains",
    ]
    assert wrap_width(lines) is None
    # minutes that never end a line with a full stop are not wrapped either: no line
    # breaks where a sentence could not end
    assert wrap_width([line.rstrip(".") for line in lines]) is None
    wrapped = textwrap.wrap(" ".join(lines), 60)
    assert wrap_width(wrapped) is not None  # the same sentences, wrapped at 60


def test_unpunctuated_lines_one_decision_each_stay_apart(tmp_path: Path) -> None:
    lines = [
        "It was resolved that the minutes of the last meeting be signed as correct",
        "Members agreed to pay the grass cutting invoice of £240 to A Smith Ltd now",
        "Members agreed to buy a new bench for the play area at a cost of £450 now",
        "It was agreed to write to Highways about the pothole on Mill Lane again",
        "Members agreed to renew the insurance of the village hall with Zurich now",
        "It was resolved to set the precept for 2025/26 at £12,000 after a debate",
    ]
    path = tmp_path / "minutes.txt"
    path.write_text("Anytown Parish Council\n1. Minutes\n" + "\n".join(lines) + "\n", "utf-8")
    records = extract(describe(load(path)))
    assert [r.text for r in records] == lines


def test_a_heading_in_capitals_and_a_line_ending_in_a_capital_do_not_run_on() -> None:
    assert not continues(
        "12. TO RECEIVE THE REPORT OF THE RESPONSIBLE FINANCIAL OFFICER", "The RFO said", 76, False
    )
    line = "The Clerk presented the bank reconciliation attached as Appendix A"
    assert not continues(line, "Members agreed to pay the invoices listed in it.", 76, True)
