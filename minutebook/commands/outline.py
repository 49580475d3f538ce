"""`minutebook outline FILE`: the header and item tree the extractor reads a document by.

The first thing to look at when a document comes out wrong: every record takes its item,
code, title and meeting date from this outline.
"""

from __future__ import annotations

import enum
import json
from pathlib import Path
from typing import Annotated

import typer

from minutebook.commands import fail
from minutebook.console.conventions import DebugOption, Exit
from minutebook.errors import MinutebookError


class OutlineFormat(enum.StrEnum):
    text = "text"
    json = "json"


def register(app: typer.Typer) -> None:
    app.command(
        "outline",
        epilog="Example: minutebook outline samples/wereham-pc_parish-council_2015-07-14.html",
    )(outline_cmd)


def outline_cmd(
    path: Annotated[Path, typer.Argument(help="One minutes or tracker file.")],
    fmt: Annotated[
        OutlineFormat, typer.Option("--format", "-f", help="text (a tree) or json.")
    ] = OutlineFormat.text,
    debug: DebugOption = False,
) -> None:
    """Print a document's header (committee, meeting date) and its agenda items as a tree."""
    from minutebook.extract.outline import build_outline
    from minutebook.extract.pipeline import check_size
    from minutebook.ingest import load

    try:
        document = load(path)
        check_size(document)
        outline = build_outline(document)
    except MinutebookError as exc:
        if debug:
            raise
        raise fail(str(exc), Exit.FAILED) from None
    header = outline.header
    if fmt is OutlineFormat.json:
        items = [
            {
                "code": i.code,
                "title": i.title,
                "level": i.level,
                "parent": i.parent,
                "start": i.start,
                "page": document.page_at(i.start),
                "date": i.date,
            }
            for i in outline.items
        ]
        data = {
            "source": str(path),
            "committee": header.committee,
            "meeting_date": header.meeting_date,
            "header_end": header.end,
            "items": items,
        }
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    typer.echo(f"{path}")
    typer.echo(f"  committee:    {header.committee or '(not stated)'}")
    typer.echo(f"  meeting date: {header.meeting_date or '(not stated)'}")
    typer.echo(f"  items:        {len(outline.items)}")
    for item in outline.items:
        indent = "  " * (item.level + 1)
        code = item.code or "-"
        title = item.title or "(untitled)"
        dated = f"  ({item.date})" if item.date else ""
        typer.echo(f"{indent}{code}  {title}{dated}  [p{document.page_at(item.start)}]")
