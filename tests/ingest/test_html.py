"""HTML loader: ModernGov items, <br> as block breaks, declared charsets."""

from __future__ import annotations

from pathlib import Path

from minutebook.ingest import load
from minutebook.models import Document
from tests.fixtures import SAMPLES, moderngov_page, sample_lines

# Items in the shape of leics_cfosc_minutes_2025-09-02.txt, with Windows-1252 punctuation.
ITEMS = [
    (
        "24.",
        "Minutes of the previous meeting",
        ["RESOLVED:", "That the minutes of the meeting held on 3 June 2025 be confirmed."],
    ),
    (
        "25.",
        "Children’s Social Care – Budget Monitoring",
        [
            "The Committee considered a report of the Director of Children and Family Services.",
            "RESOLVED:<br>(a) That the report be noted;<br>(b) That the Director report back "
            "on the £1.2m overspend in March 2026.",
        ],
    ),
]


def _load_page(tmp_path: Path, markup: str, encoding: str = "cp1252") -> Document:
    path = tmp_path / "minutes.htm"
    path.write_bytes(markup.encode(encoding))
    return load(path)


def _texts(doc: Document, kind: str) -> list[str]:
    return [doc.block_text(b) for b in doc.blocks if b.kind == kind]


def test_moderngov_items_keep_number_and_title_as_headings(tmp_path: Path) -> None:
    doc = _load_page(tmp_path, moderngov_page(ITEMS))
    assert doc.format == "html"
    headings = _texts(doc, "heading")
    assert "24. Minutes of the previous meeting" in headings
    assert "25. Children’s Social Care – Budget Monitoring" in headings
    # the item is structure, not one giant table cell
    assert not [b for b in doc.blocks if b.kind == "table_row"]


def test_moderngov_minutes_follow_their_item_in_order(tmp_path: Path) -> None:
    doc = _load_page(tmp_path, moderngov_page(ITEMS))
    blocks = [doc.block_text(b) for b in doc.blocks]
    h24 = blocks.index("24. Minutes of the previous meeting")
    h25 = blocks.index("25. Children’s Social Care – Budget Monitoring")
    confirmed = blocks.index("That the minutes of the meeting held on 3 June 2025 be confirmed.")
    assert h24 < confirmed < h25
    assert blocks.count("Minutes:") == 2  # ModernGov's sub-heading, kept as it reads
    assert "View the decision for item 25." not in doc.text  # a link list, not minutes
    assert "Home" not in doc.text
    assert "Powered by ModernGov" not in doc.text
    assert "mgLinks" not in doc.text


def test_br_splits_blocks(tmp_path: Path) -> None:
    doc = _load_page(tmp_path, moderngov_page(ITEMS))
    paragraphs = _texts(doc, "paragraph")
    i = paragraphs.index("(a) That the report be noted;")
    assert paragraphs[i - 1 : i + 2] == [
        "RESOLVED:",
        "(a) That the report be noted;",
        "(b) That the Director report back on the £1.2m overspend in March 2026.",
    ]


def test_windows_1252_page_decodes(tmp_path: Path) -> None:
    raw = moderngov_page(ITEMS).encode("cp1252")
    assert b"\x92" in raw
    assert b"\x96" in raw  # curly apostrophe and en dash as Windows writes them
    doc = _load_page(tmp_path, moderngov_page(ITEMS))
    assert "Children’s Social Care – Budget Monitoring" in doc.text
    assert "£1.2m" in doc.text
    assert "\ufffd" not in doc.text


def test_declared_utf8_with_one_bad_byte_spoils_only_that_byte(tmp_path: Path) -> None:
    markup = moderngov_page(ITEMS).replace("charset=windows-1252", "charset=utf-8")
    data = markup.encode("utf-8").replace(b"overspend", b"over\xffspend")
    path = tmp_path / "minutes.html"
    path.write_bytes(data)
    doc = load(path)
    assert "£1.2m" in doc.text  # not 'Â£1.2m', as guessing Windows-1252 gave
    assert "Children’s Social Care – Budget Monitoring" in doc.text
    assert "over\ufffdspend" in doc.text


def test_undeclared_page_still_falls_back_to_windows_1252(tmp_path: Path) -> None:
    markup = (
        "<html><body><h2>12. Budget – 2025/26</h2><p>An overspend of £40,000.</p></body></html>"
    )
    doc = _load_page(tmp_path, markup)
    assert _texts(doc, "heading") == ["12. Budget – 2025/26"]
    assert _texts(doc, "paragraph") == ["An overspend of £40,000."]


def test_sample_html_as_fragment_keeps_every_sample_line(tmp_path: Path) -> None:
    name = "nelincs_cllsp_minutes_2020-07-09.txt"
    lines = [line for line in sample_lines(name) if line and "\t" not in line]
    markup = "<div>" + "".join(f"<p>{line}</p>" for line in lines) + "</div>"
    doc = _load_page(tmp_path, markup.replace("&", "&amp;"), encoding="utf-8")
    assert _texts(doc, "paragraph") == [" ".join(line.split()) for line in lines]


def test_html_owner_tag_travels_as_the_blocks_tag(tmp_path: Path) -> None:
    doc = _load_page(
        tmp_path,
        "<html><body><p>The hedge by the hall to be cut back before the spring.</p>"
        "<p>The Clerk will write to the owner of the verge in Salem. <em>Clerk</em></p>"
        "<p>A genuine table follows.</p><table><tr><td>Grant</td><td>Clerk</td></tr></table>"
        "</body></html>",
    )
    tagged = [b for b in doc.blocks if b.tag is not None]
    assert [b.tag for b in tagged] == ["Clerk"]
    body = doc.block_text(tagged[0]).removesuffix("\tClerk")
    assert body == "The Clerk will write to the owner of the verge in Salem."
    # a real two-cell row whose second cell names a role is a row, not a tag
    assert [b.cells for b in doc.blocks if b.kind == "table_row" and b.tag is None] == [
        ("Grant", "Clerk")
    ]


def test_word_layout_table_reads_as_headings_and_paragraphs() -> None:
    # Northwold's "Item | Minute | Action" table: each row holds several items, the
    # headings set in bold on lines of their own, a payments table nested in one cell
    doc = load(SAMPLES / "northwold-pc_parish-council_2014-06.html")
    headings = _texts(doc, "heading")
    for title in ("Planning Applications:", "Chaffer Bugs Treatment Quotes", "Finance:"):
        assert title in headings
    assert "14/06/1 Public Forum – LGA 1972, Section 100(1):" in headings  # its one number
    paragraphs = _texts(doc, "paragraph")
    assert any(p.startswith("Invoices were checked, payments were approved") for p in paragraphs)
    rows = _texts(doc, "table_row")
    assert "Anglian Water\t15.54\t0.00\t1878\t15.54" in rows  # the nested table stays rows
    # the numbers that could not be paired with headings, and the Action column, are kept
    assert any(r.startswith("14/06/2 i) ii) iii) 14/06/3") and r.endswith("Clerk") for r in rows)


def test_tracker_row_with_paragraphs_in_a_cell_stays_a_row(tmp_path: Path) -> None:
    # a long cell of several paragraphs is a tracker's update, not minutes laid out in a
    # table: only bold headings over prose make a row a layout
    update = (
        "<p>" + "Officers met the provider in May and agreed a revised timetable. " * 3 + "</p>"
    )
    doc = _load_page(
        tmp_path,
        "<html><body><table><tr><th>Ref</th><th>Recommendation</th><th>Update</th></tr>"
        f"<tr><td>CFLLC 21/22</td><td>That the service reviews its waiting list.</td>"
        f"<td>{update}{update}<p>Complete.</p></td></tr></table></body></html>",
    )
    rows = _texts(doc, "table_row")
    assert len(rows) == 2
    assert rows[1].startswith("CFLLC 21/22\tThat the service reviews its waiting list.\tOfficers")
    assert not _texts(doc, "heading")
