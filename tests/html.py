"""Reading the pages the report and review sheet render, for tests that look inside them."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode


def first(node: LexborNode | LexborHTMLParser, selector: str) -> LexborNode:
    """The first element the selector finds; fails the test, naming it, when there is none."""
    found = node.css_first(selector)
    assert found is not None, f"no element matches {selector!r}"
    return found
