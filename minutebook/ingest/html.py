"""HTML minutes (ModernGov pages, WordPress posts, fragments) through selectolax's lexbor parser.

Navigation, headers, footers, sidebars, forms and scripts are dropped; headings, paragraphs,
list items and table rows are kept in document order.
"""

from __future__ import annotations

import codecs
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from minutebook.errors import EmptyDocumentError, TooDeepError
from minutebook.ingest.blocks import TextBuilder
from minutebook.ingest.limits import MAX_HTML_DEPTH
from minutebook.ingest.text import decode

_DROP = (
    "script, style, noscript, template, nav, header, footer, aside, form, button, iframe, svg, "
    "[role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true], .sidebar, "
    "#sidebar, .menu, .breadcrumb, .breadcrumbs, .comments, #comments, .comment-respond, "
    ".skip-link, .screen-reader-text, .sharedaddy, .share, .widget, .mgActionList"
)
_MAIN = ("main", "article", "[role=main]", ".entry-content", "#content", ".content", "body")
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_LEAVES = {"p", "li", "dt", "dd", "blockquote", "pre", "caption", "figcaption", "time"}
_CONTAINERS = {"div", "section", "td", "th", "span", "center", "font"}
_BLOCKISH = _HEADINGS | _LEAVES | {"div", "section", "table", "ul", "ol", "dl", "tr", "article"}
_BR = "\u2028"  # a <br> inside a paragraph becomes its own block boundary
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _root(tree: LexborHTMLParser) -> LexborNode | None:
    for selector in _MAIN:
        node = tree.css_first(selector)
        if node is not None and node.text(strip=True):
            return node
    return tree.root


def _has_block_child(node: LexborNode) -> bool:
    return any(child.tag in _BLOCKISH for child in node.iter(include_text=False))


def _emit(builder: TextBuilder, kind: str, text: str) -> None:
    for part in text.split(_BR):
        if kind == "heading":
            builder.add("heading", 1, part)
        else:
            builder.add("paragraph", 1, part)


_EMPHASIS = {"em", "i", "strong", "b"}


def _trailing_tag(node: LexborNode) -> tuple[str, str] | None:
    """A paragraph ending in a short emphasised name ("... in Salem. <em>Clerk</em>").

    Minutes mark who acts this way; the name becomes the block's tag so that it is never
    read as part of the sentence. A stray character or two after the tag is page debris.
    """
    children = list(node.iter(include_text=True))
    while (
        children and children[-1].tag == "-text" and len((children[-1].text() or "").strip()) <= 2
    ):
        children.pop()
    if len(children) < 2 or children[-1].tag not in _EMPHASIS:
        return None
    tag_text = children[-1].text(separator=" ").strip()
    body = "".join(c.text(separator="") or "" for c in children[:-1]).strip()
    if (
        not tag_text
        or len(tag_text.split()) > 6
        or not body.endswith((".", ";", ":", ")", "”", "’", '"'))
    ):
        return None
    if _BR in body or _BR in tag_text:
        return None
    return body, tag_text


def _walk(node: LexborNode, builder: TextBuilder) -> None:
    for child in node.iter(include_text=False):
        tag = child.tag
        if tag in _HEADINGS:
            _emit(builder, "heading", child.text(separator=" "))
        elif tag == "tr" and child.css_first("td.mgItemNumberCell") is not None:
            _moderngov_item(child, builder)
        elif tag == "tr":
            if not _layout_row(child, builder):
                cells = [c.text(separator=" ").replace(_BR, " ") for c in child.css("td, th")]
                builder.add_row(1, cells)
        elif tag in _LEAVES | _CONTAINERS and not _has_block_child(child):
            tagged = _trailing_tag(child)
            if tagged:
                builder.add_tagged(1, *tagged)
            else:
                _emit(builder, "paragraph", child.text(separator=""))
        else:
            _walk(child, builder)


# A layout cell: a minute long enough to hold paragraphs, not a value
_LAYOUT_CHARS = 200
_LINE_BREAKS = {"div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
_CODE_CELL = 30  # "14/06/2", "i)", "9.1": a column of item numbers beside the minutes


@dataclass
class _Line:
    text: str = ""
    plain: bool = False  # some of its text is outside emphasis


def _cell_lines(cell: LexborNode) -> list[_Line | LexborNode]:
    """A cell's lines in order (split at <div>, <p>, <br>), and any table nested in it."""
    out: list[_Line | LexborNode] = [_Line()]

    def line() -> _Line:
        last = out[-1]
        if isinstance(last, _Line):
            return last
        fresh = _Line()
        out.append(fresh)
        return fresh

    def visit(node: LexborNode, emphasis: bool) -> None:
        for child in node.iter(include_text=True):
            if child.tag == "-text":
                for k, part in enumerate((child.text() or "").split(_BR)):
                    if k:
                        out.append(_Line())
                    current = line()
                    current.text += part
                    current.plain |= bool(part.strip()) and not emphasis
            elif child.tag == "table":
                out.append(child)
            elif child.tag in _LINE_BREAKS:
                out.append(_Line())
                visit(child, emphasis)
                out.append(_Line())
            else:
                visit(child, emphasis or child.tag in _EMPHASIS)

    visit(cell, False)
    return [x for x in out if not isinstance(x, _Line) or x.text.strip()]


def _layout_row(row: LexborNode, builder: TextBuilder) -> bool:
    """A row that lays out minutes: item numbers, then the minutes with bold headings.

    Word saves "Item | Minute | Action" minutes this way, with every item of a page in
    one cell: read as one table row, its headings and sentences ran together into one
    line. Read as headings (the cell's lines set wholly in bold) and paragraphs, the
    minutes keep their structure; a nested table (payments) stays rows.
    """
    cells = [c for c in row.iter(include_text=False) if c.tag in ("td", "th")]
    if len(cells) < 2:
        return False
    lines = [_cell_lines(c) for c in cells]
    body = max(range(len(cells)), key=lambda k: len(cells[k].text()))
    texts = [x for x in lines[body] if isinstance(x, _Line)]
    headed = any(not a.plain and b.plain for a, b in itertools.pairwise(texts))
    if len(cells[body].text(strip=True)) < _LAYOUT_CHARS or len(texts) < 3 or not headed:
        return False
    codes = [
        x.text.strip()
        for k in range(body)
        for x in lines[k]
        if isinstance(x, _Line) and len(x.text.strip()) <= _CODE_CELL
    ]
    headings = sum(1 for x in texts if not x.plain)
    # a lone number names the row's first item; numbers only pair with headings one to one
    pending = codes if len(codes) in (1, headings) else []
    if not all(any(c.isdigit() for c in code) for code in pending):
        pending = []  # "ii)" alone continues an item above; it names none
    # An Action column names who acts beside some paragraph of the cell, but which one the
    # page only shows by position; kept as the row it was, it is read as no one's tag.
    aside = [
        ""
        if k == body or (k < body and pending)
        else " ".join(x.text.strip() for x in lines[k] if isinstance(x, _Line))
        for k in range(len(cells))
    ]
    if any(aside):
        builder.add_row(1, aside)
    for x in lines[body]:
        if not isinstance(x, _Line):
            _walk(x, builder)
        elif x.plain:
            _emit(builder, "paragraph", x.text)
        else:
            code = pending.pop(0) if pending else ""
            _emit(builder, "heading", f"{code} {x.text}")
    return True


def _moderngov_item(row: LexborNode, builder: TextBuilder) -> None:
    """A ModernGov item is a layout row: number cell, then title and minutes in one cell.

    Read as a table row it became one cell holding the whole item; read as a heading
    ("25. Budget Monitoring") and the paragraphs under it, it keeps its structure.
    """
    cells = row.css("td")
    number = cells[0].text(separator=" ").strip()
    content = cells[1] if len(cells) > 1 else None
    title_node = content.css_first(".mgAiTitleTxt") if content is not None else None
    title = title_node.text(separator=" ").strip() if title_node is not None else ""
    _emit(builder, "heading", f"{number} {title}")
    if title_node is not None:
        title_node.decompose()
    if content is not None:
        _walk(content, builder)


def parse(markup: str) -> TextBuilder:
    tree = LexborHTMLParser(markup)
    for node in tree.css(_DROP):
        node.decompose()
    for br in tree.css("br"):
        br.replace_with(_BR)
    builder = TextBuilder()
    root = _root(tree)
    if root is not None:
        _walk(root, builder)
    return builder


def _decode(data: bytes, path: Path) -> str:
    """The charset the page declares, as a browser reads it; else UTF-8 or Windows-1252.

    Guessing first turned a UTF-8 page with one stray byte into Windows-1252 mojibake
    throughout ("Â£"); honouring the declaration spoils only that byte.
    """
    declared = _CHARSET.search(data[:4096])
    if declared is None or data.startswith(
        (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        return decode(data, path)
    try:
        codec = codecs.lookup(declared.group(1).decode("ascii")).name
    except LookupError:
        return decode(data, path)
    if codec in ("latin-1", "iso8859-1", "ascii"):
        codec = "cp1252"  # as browsers do: such pages are written on Windows
    return data.decode(codec, errors="replace")


# Elements that never hold others, or whose end tag pages leave out (<p>, <li>, <td>…):
# counting them would make old hand-written pages look deep.
_NO_DEPTH = frozenset(
    {
        *("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"),
        *("source", "track", "wbr", "param", "keygen", "p", "li", "dt", "dd", "tr"),
        *("td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "colgroup"),
        *("caption", "rt", "rp", "html", "head", "body"),
    }
)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*?(/?)>")
_OPAQUE = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)


def nesting_depth(markup: str, limit: int) -> int:
    """How many elements are open at once, at most (stopping once past `limit`).

    Read from the tags, before parsing: lexbor's time grows with the square of the depth
    (100,000 nested <div>s took it 48 s), and the tree walk below recurses once a level.
    """
    depth = deepest = 0
    for match in _TAG.finditer(_OPAQUE.sub(" ", markup)):
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in _NO_DEPTH:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                break
    return deepest


def load(path: Path, data: bytes) -> TextBuilder:
    markup = _decode(data, path)
    depth = nesting_depth(markup, MAX_HTML_DEPTH)
    if depth > MAX_HTML_DEPTH:
        raise TooDeepError(
            str(path),
            f"HTML nested more than {MAX_HTML_DEPTH} elements deep, deeper than any page "
            "needs; save the page again from a browser",
        )
    builder = parse(markup)
    if not builder.blocks:
        raise EmptyDocumentError(str(path), "HTML page has no text in its body; check the download")
    return builder


def looks_like_html(head: bytes) -> bool:
    sample = head[:2048].lstrip().lower()
    return sample.startswith((b"<!doctype html", b"<html", b"<?xml")) or bool(
        re.search(rb"<(html|body|div|p|h[1-6]|table)[\s>]", sample)
    )
