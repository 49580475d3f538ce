"""Inputs too big or too deep to be minutes are refused before a parser reads them.

Issue 14.4: a 2 MB zip bomb took a worker to 6 GB and past 90 s, HTML nested 100,000
deep ran 50 s and ended as `internal` (RecursionError), a billion-laughs DOCX was
`internal`, and a 2,000-page PDF was read to the end. Each is now refused in its loader
with its own reason; the timings measured are in the commit, not asserted here.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from minutebook.errors import (
    InputTooLargeError,
    LoadError,
    TooDeepError,
    UnsafeDocumentError,
)
from minutebook.ingest import limits, load
from minutebook.ingest.html import nesting_depth
from tests import badinputs
from tests.conftest import SAMPLES
from tests.fixtures import minutes_docx, minutes_html


def _refused(path: Path) -> LoadError:
    with pytest.raises(LoadError) as info:
        load(path)
    assert str(info.value).startswith(f"{path}: ")
    assert "\n" not in str(info.value)
    return info.value


def test_zip_bomb_docx_is_too_large_from_its_declared_sizes(tmp_path: Path) -> None:
    bomb = badinputs.zip_bomb_docx(tmp_path / "bomb.docx", unpacked_mb=300)
    assert bomb.stat().st_size < 5 * limits.MB
    with zipfile.ZipFile(bomb) as z:
        assert z.getinfo("word/document.xml").file_size > 300 * limits.MB
    error = _refused(bomb)
    assert isinstance(error, InputTooLargeError)
    assert error.reason == "too_large"
    assert re.search(r"the file unpacks to 30\d MB, over the 200 MB limit", str(error))


def test_docx_xml_part_over_its_own_limit_is_too_large(tmp_path: Path) -> None:
    # under the package limit, over the one for a single XML part
    error = _refused(badinputs.zip_bomb_docx(tmp_path / "bomb.docx", unpacked_mb=40))
    assert isinstance(error, InputTooLargeError)
    assert re.search(r"word/document.xml unpacks to 4\d MB, over the 32 MB limit", str(error))


def test_docx_part_that_lies_about_its_size_is_corrupt_not_inflated(tmp_path: Path) -> None:
    liar = badinputs.lying_zip_docx(tmp_path / "liar.docx")
    with zipfile.ZipFile(liar) as z:
        assert z.getinfo("word/document.xml").file_size == 100_000
    error = _refused(liar)
    assert error.reason == "corrupt"
    assert "BadZipFile" in str(error)


def test_billion_laughs_docx_is_unsafe(tmp_path: Path) -> None:
    error = _refused(badinputs.billion_laughs_docx(tmp_path / "laughs.docx"))
    assert isinstance(error, UnsafeDocumentError)
    assert error.reason == "unsafe"
    assert "defines XML entities" in str(error)


def test_real_docx_is_read(tmp_path: Path) -> None:
    doc = load(minutes_docx("nelincs_cllsp_minutes_2020-07-09.txt", tmp_path / "m.docx"))
    assert "That the report be noted." in doc.text


def test_html_nested_100000_deep_is_too_deep_before_parsing(tmp_path: Path) -> None:
    error = _refused(badinputs.deep_html(tmp_path / "deep.html"))
    assert isinstance(error, TooDeepError)
    assert error.reason == "too_deep"
    assert "more than 512 elements deep" in str(error)


def test_html_just_under_the_depth_limit_is_read(tmp_path: Path) -> None:
    page = badinputs.deep_html(tmp_path / "deep.html", depth=limits.MAX_HTML_DEPTH - 10)
    assert "That the report be noted." in load(page).text


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.html")))
def test_sample_pages_nest_far_below_the_limit(sample: str) -> None:
    markup = (SAMPLES / sample).read_text(encoding="utf-8", errors="replace")
    assert nesting_depth(markup, limits.MAX_HTML_DEPTH) < 40


def test_unclosed_paragraphs_and_void_tags_do_not_count_as_depth() -> None:
    markup = "<div>" + "<p>item<br><img src=x>" * 5000 + "<!-- <div><div> -->" + "</div>"
    assert nesting_depth(markup, limits.MAX_HTML_DEPTH) == 1


def test_html_over_its_byte_limit_is_too_large_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = minutes_html("nelincs_cllsp_minutes_2020-07-09.txt", tmp_path / "m.html")
    monkeypatch.setitem(limits.MAX_FILE_BYTES, "html", page.stat().st_size - 1)
    error = _refused(page)
    assert isinstance(error, InputTooLargeError)
    assert re.search(r"over the 0 MB limit for a HTML file; split the file", str(error))


def test_pdf_of_2000_pages_is_too_large_before_reading_a_page(tmp_path: Path) -> None:
    error = _refused(badinputs.many_pages_pdf(tmp_path / "pack.pdf"))
    assert isinstance(error, InputTooLargeError)
    assert "2,000 pages, over the 1,000 page limit" in str(error)


def test_pdf_with_one_huge_page_is_too_large_before_reading_it(tmp_path: Path) -> None:
    error = _refused(badinputs.huge_page_pdf(tmp_path / "huge.pdf"))
    assert isinstance(error, InputTooLargeError)
    assert re.search(r"page 1 holds [\d,]+ characters, over the 200,000 limit", str(error))
