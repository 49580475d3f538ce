"""HTML minutes (ModernGov pages, WordPress posts, fragments) through selectolax's lexbor parser.

Navigation, headers, footers, sidebars, forms and scripts are dropped; headings, paragraphs,
list items and table rows are kept in document order.
"""

from __future__ import annotations

import codecs
import re
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
