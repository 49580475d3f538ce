"""Plain text and Markdown minutes, as councils' web pages are often saved.

Lines with tabs or pipes are table rows; leftover tags such as <b> and <p> are dropped;
lines wrapped mid-sentence are joined into their paragraphs (wrapping.py).
"""

from __future__ import annotations

import codecs
import html
import re
from pathlib import Path

from minutebook.errors import CorruptDocumentError
from minutebook.ingest import wrapping
from minutebook.ingest.blocks import TextBuilder, clean

_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_BREAK_TAG = re.compile(r"<\s*(br|/p|/li|/div)\s*/?>", re.IGNORECASE)
_RULE = re.compile(r"^[\s|:\-=_*]*$")  # markdown table rules, horizontal rules, bare pipes
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_EMPHASIS = re.compile(r"\*\*|__")


# Windows' "Unicode" text is UTF-16 with a byte-order mark; its NUL bytes are not binary.
# UTF-32 first: its little-endian mark begins with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 or UTF-32 with a BOM, else Windows-1252,
    which councils' exports often are."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:4096]:
        raise CorruptDocumentError(
            str(path), "binary content in a text file; is it another format?"
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def strip_tags(text: str) -> str:
    return html.unescape(_TAG.sub(" ", _BREAK_TAG.sub(" ", text)))


def _split_pipes(line: str) -> list[str] | None:
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    return cells if len(cells) > 1 else None


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*\n", re.S)


def parse(text: str) -> TextBuilder:
    builder = TextBuilder()
    # Markdown front matter is the web page's metadata (its post date, tags), not the
    # minutes: its "date:" is when the page went up, not when the meeting was held
    text = _FRONT_MATTER.sub("", text, count=1)
    lines = [_line(raw) for raw in text.splitlines()]
    prose = [c for c in lines if c is not None and c[0] == "paragraph"]
    width = wrapping.wrap_width([t for _, t, _ in prose])
    paragraph: list[str] = []
    after_blank = False

    def flush() -> None:
        if paragraph:
            builder.add("paragraph", 1, " ".join(paragraph))
            paragraph.clear()

    for line in lines:
        if line is None:
            after_blank = True
            continue
        kind, content, cells = line
        if kind == "row":
            flush()
            builder.add_row(1, cells)
        elif kind == "heading":
            flush()
            builder.add("heading", 1, content)
        elif paragraph and wrapping.continues(paragraph[-1], content, width, after_blank):
            paragraph.append(content)
        else:
            flush()
            paragraph.append(content)
        after_blank = False
    flush()
    return builder


def _line(raw: str) -> tuple[str, str, list[str]] | None:
    """(kind, text, cells) of one line; None for a blank line or a rule."""
    if _RULE.match(raw):
        return None
    line = _EMPHASIS.sub("", raw)
    if "\t" in line:
        return "row", "", [strip_tags(c) for c in line.split("\t")]
    if "|" in line and (cells := _split_pipes(strip_tags(line))):
        return "row", "", cells
    line = strip_tags(line.strip().strip("|"))
    if _MD_HEADING.match(line):
        return "heading", _MD_HEADING.sub("", line), []
    cleaned = clean(line)
    return ("paragraph", cleaned, []) if cleaned else None


def load(path: Path, data: bytes) -> TextBuilder:
    return parse(decode(data, path))
