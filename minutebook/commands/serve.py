"""`minutebook serve`: browse the database in Datasette, with metadata and canned queries.

Datasette is an optional extra (`pip install 'minutebook[datasette]'`), imported only here.
"""

from __future__ import annotations

import asyncio
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from minutebook.commands import fail, require_db
from minutebook.console.conventions import DEFAULT_DB, DbOption, note
from minutebook.errors import MinutebookError
from minutebook.lifecycle import rebuild
from minutebook.store import open_db
from minutebook.store.lifecycle import stale

if TYPE_CHECKING:
    from datasette.app import Datasette

EXAMPLE = "Example: minutebook serve --db minutebook.db --port 8001"
INSTALL_HINT = "Datasette is not installed; run: pip install 'minutebook[datasette]'"


class DatasetteMissingError(MinutebookError):
    """Raised by serve when the optional datasette extra is not installed."""

    reason = "datasette_missing"


def metadata_text() -> str:
    return (files("minutebook") / "datasette" / "metadata.yml").read_text(encoding="utf-8")


def metadata_for(db_path: Path) -> dict[str, Any]:
    """The shipped metadata, keyed by this file's Datasette name (its stem), not 'minutebook'."""
    import yaml  # comes with datasette, which is optional

    metadata: dict[str, Any] = yaml.safe_load(metadata_text())
    databases = metadata["databases"]
    databases[db_path.stem] = databases.pop("minutebook")
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
        write_metadata.write_text(metadata_text(), encoding="utf-8")
        note(f"wrote {write_metadata}")
        return
    require_db(db_path)
    try:
        ds = make_datasette(db_path)
    except MinutebookError as exc:
        raise fail(str(exc)) from None
    import uvicorn  # a datasette dependency

    asyncio.run(ds.invoke_startup())
    note(f"serving {db_path} on http://{host}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve", epilog=EXAMPLE)(serve_cmd)
