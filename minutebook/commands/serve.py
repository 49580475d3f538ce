"""`minutebook serve`: browse the database in Datasette, with metadata and canned queries.

Datasette is an optional extra (`pip install 'minutebook[datasette]'`), imported only here.
"""

from __future__ import annotations

from html import escape
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from minutebook.commands import fail, require_db
from minutebook.console.conventions import DEFAULT_DB, DbOption, note
from minutebook.errors import MinutebookError
from minutebook.store import open_db

if TYPE_CHECKING:
    from datasette.app import Datasette

EXAMPLE = "Example: minutebook serve --db minutebook.db --port 8001"
INSTALL_HINT = "Datasette is not installed; run: pip install 'minutebook[datasette]'"


class DatasetteMissingError(MinutebookError):
    """Raised by serve when the optional datasette extra is not installed."""

    reason = "datasette_missing"


def metadata_text() -> str:
    return (files("minutebook") / "datasette" / "metadata.yml").read_text(encoding="utf-8")


def columns_behind_details(table: dict[str, Any]) -> None:
    """Move a table's column descriptions into a closed <details> under its description.

    Datasette prints every column description above the rows; a view with seventeen
    columns then fills the first screen and its rows start below the fold (issue 16).
    Folded, they stay one click away and the rows come first.
    """
    columns: dict[str, str] = table.pop("columns", None) or {}
    if not columns:
        return
    listed = "".join(
        f"<dt><code>{escape(name)}</code></dt><dd>{escape(str(text))}</dd>"
        for name, text in columns.items()
    )
    described = f"<p>{escape(table['description'])}</p>" if table.get("description") else ""
    table["description_html"] = (
        f'{described}<details class="column-descriptions">'
        f"<summary>What the {len(columns)} columns hold</summary><dl>{listed}</dl></details>"
    )


def metadata_for(db_path: Path | None = None) -> dict[str, Any]:
    """The shipped metadata as Datasette is given it: column descriptions folded away, and
    keyed by this file's Datasette name (its stem) when db_path is given."""
    import yaml  # comes with datasette, which is optional

    metadata: dict[str, Any] = yaml.safe_load(metadata_text())
    databases = metadata["databases"]
    if db_path is not None:
        databases[db_path.stem] = databases.pop("minutebook")
    for database in databases.values():
        for table in database.get("tables", {}).values():
            columns_behind_details(table)
    return metadata


def make_datasette(db_path: Path) -> Datasette:
    """A Datasette on db_path (upgraded to the current schema first), with our metadata.

    Raises:
        DatasetteMissingError: the datasette extra is not installed.
        StoreError: the file is not a minutebook database.
    """
    try:
        from datasette.app import Datasette
    except ImportError:
        raise DatasetteMissingError(str(db_path), INSTALL_HINT) from None
    from minutebook.lifecycle import rebuild
    from minutebook.store.lifecycle import stale

    # views and the FTS index only exist once the schema is current, and the views' open and
    # overdue only once the lifecycle is built
    db = open_db(db_path)
    if stale(db):
        rebuild(db)
    db.close()
    return Datasette([str(db_path)], metadata=metadata_for(db_path))


def serve_cmd(
    db_path: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", help="Port to listen on.")] = 8001,
    write_metadata: Annotated[
        Path | None,
        typer.Option(
            "--write-metadata",
            help="Write the metadata YAML here (for `datasette X.db -m FILE`) and exit.",
        ),
    ] = None,
) -> None:
    """Serve the database in Datasette: tables, views, full-text search, canned queries."""
    if write_metadata is not None:
        try:
            import yaml  # comes with datasette, which is optional
        except ImportError:
            raise fail(f"{write_metadata}: {INSTALL_HINT}") from None
        # what serve gives Datasette, so `datasette minutebook.db -m FILE` looks the same
        folded = yaml.safe_dump(metadata_for(), allow_unicode=True, sort_keys=False, width=100)
        write_metadata.write_text(folded, encoding="utf-8")
        note(f"wrote {write_metadata}")
        return
    require_db(db_path)
    try:
        ds = make_datasette(db_path)
    except MinutebookError as exc:
        raise fail(str(exc)) from None
    import asyncio

    import uvicorn  # a datasette dependency

    asyncio.run(ds.invoke_startup())
    note(f"serving {db_path} on http://{host}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve", epilog=EXAMPLE)(serve_cmd)
