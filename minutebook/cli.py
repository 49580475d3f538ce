"""Command line: parse options, call the pipeline, print. No parsing of minutes here."""

from __future__ import annotations

import enum
import json
import logging
import os
import sqlite3
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

# Only what the commands' signatures need is imported here: `minutebook --help` and a
# one-file `extract` must not pay for rich, sqlite-utils, pydantic or spaCy (issue 15).
# Each command imports what it runs in its body; tests/test_startup.py keeps it so.
from minutebook.app.workers import WORKER_MEMORY_BYTES, Executor
from minutebook.commands import fail, open_current, open_existing, register_all
from minutebook.console.conventions import (
    DEFAULT_DB,
    VERBOSE_ENV,
    App,
    DbOption,
    DebugOption,
    Exit,
    command_line_process,
    end_read_only_command,
    library_logging,
)
from minutebook.console.output import (
    ExcelOption,
    Format,
    FormatOption,
    emit,
    plain_table,
)
from minutebook.errors import MinutebookError, PatternFileError, StorageError
from minutebook.store import analytics
from minutebook.store.storage import is_storage_failure, storage_error

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from minutebook.models import Record


class OutputFormat(enum.StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"
    csv = "csv"  # issue 16: every command that lists records offers CSV


app = App(
    help="Turn published committee minutes into a SQLite database of decisions and actions.",
    epilog="Example: minutebook ingest samples/ --db minutebook.db",
)
# Worker processes are spawned: they import this module (the console script's __main__)
# but never run a command, so the parent's --verbose reaches them through the environment.
library_logging(bool(os.environ.get(VERBOSE_ENV)))
MB = 1024 * 1024
JSONL_KEYS = (
    "kind",
    "code",
    "item_title",
    "text",
    "recipient",
    "owner",
    "deadline",
    "meeting_date",
    "progress",
    "noting",
    "source",
    "sha256",
    "page",
    "start",
    "end",
    "rule",
)


def _say(message: str) -> None:
    """One plain line on stderr: log lines must not wrap, whatever the terminal width."""
    typer.echo(message, err=True)


@app.command(
    "ingest",
    epilog="Example: minutebook ingest samples/ --db minutebook.db --workers 2 --timeout 300",
)
def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively).")],
    db_path: DbOption = DEFAULT_DB,
    jobs: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Worker processes (default: all cores).")
    ] = os.cpu_count() or 1,
    timeout: Annotated[
        float, typer.Option("--timeout", min=1, help="Seconds one document may take.")
    ] = 600,
    force: Annotated[
        bool, typer.Option("--force", help="Re-extract files whose content is already stored.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the summary.")] = False,
    max_memory: Annotated[
        int,
        typer.Option(
            "--max-memory", min=512, help="Megabytes of memory each worker may use (RLIMIT_AS)."
        ),
    ] = WORKER_MEMORY_BYTES // MB,
    executor: Annotated[
        Executor,
        typer.Option(
            "--executor", help="Parse in local worker processes, or on a Dask cluster ('dask')."
        ),
    ] = Executor.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="With --executor dask: the Dask scheduler, tcp://HOST:8786 "
            "(default: a cluster of --workers threads on this machine).",
        ),
    ] = None,
    debug: DebugOption = False,
) -> None:
    """Load, extract and store every document; a bad file fails alone and is recorded."""
    # imported here, not at the top: --help and the other commands need none of the run
    from rich.console import Console

    from minutebook.app import run
    from minutebook.console.progress import BatchProgress

    progress = BatchProgress(Console(stderr=True), db_path, quiet)
    try:
        summary = run.ingest(
            paths,
            db_path,
            jobs,
            timeout=timeout,
            max_memory=max_memory * MB,
            force=force,
            debug=debug,
            observer=progress,
            executor=executor,
            scheduler=scheduler,
        )
    except run.RunInterrupted as stop:
        _say(
            f"interrupted: {stop.summary.written} documents of this run are stored in "
            f"{db_path} and kept; run the same command again to carry on (stored files are "
            "skipped)"
        )
        raise typer.Exit(int(Exit.INTERRUPTED)) from None
    except sqlite3.Error as exc:
        if debug or not is_storage_failure(exc):
            raise
        raise fail(f"{storage_error(db_path, exc)}{_KEPT}", Exit.STORAGE) from None
    except StorageError as exc:
        raise fail(f"{exc}{_KEPT}", Exit.STORAGE) from None
    except MinutebookError as exc:
        raise fail(str(exc)) from None
    progress.summary()
    for path, problem in summary.unreadable:
        _say(f"warning: {path}: {problem}")
    if summary.failed:
        raise typer.Exit(int(Exit.FAILED))


_KEPT = ", then re-run: the documents stored so far are kept and the re-run carries on"


@app.command(
    "extract",
    epilog="Example: minutebook extract samples/surrey_cfllc_tracker_2022-12.txt -f table --why",
)
def extract_cmd(
    path: Annotated[Path, typer.Argument(help="One minutes or tracker file.")],
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.jsonl,
    why: Annotated[
        bool, typer.Option("--why", help="With --format table: the rule behind each record.")
    ] = False,
    debug: DebugOption = False,
) -> None:
    """Print the records of one file, without a database (JSON Lines by default)."""
    from minutebook.app.spreadsheet import write_csv
    from minutebook.extract import describe, extract, load_vocabularies
    from minutebook.ingest import load

    if not path.exists():
        raise fail(f"{path}: no such file; give the path of a minutes or tracker file")
    if why and fmt is not OutputFormat.table:
        raise fail("--why shows beside each record in a table: add --format table")
    try:
        load_vocabularies()  # a bad pattern file is reported whatever this file holds
        document = describe(load(path))
        records = extract(document)
    except MinutebookError as exc:
        if debug:
            raise
        # a bad pattern file is set-up, not this document: the same as a usage error
        setup = isinstance(exc, PatternFileError)
        raise fail(str(exc), Exit.USAGE if setup else Exit.FAILED) from None
    for warning in document.warnings:
        _say(f"warning: {path}: {warning}")
    if fmt is OutputFormat.csv:
        # the JSONL keys as columns, each cell made safe for a spreadsheet (output.csv_cell)
        write_csv(sys.stdout, JSONL_KEYS, [_jsonl(r) for r in records])
    elif fmt is OutputFormat.jsonl:
        for r in records:
            sys.stdout.write(json.dumps(_jsonl(r), ensure_ascii=False) + "\n")
    elif fmt is OutputFormat.json:
        sys.stdout.write(
            json.dumps(
                [_jsonl(r) | {"warnings": list(r.warnings)} for r in records],
                ensure_ascii=False,
                indent=1,
            )
            + "\n"
        )
    else:
        _stdout().print(_table(records, why))
    end_read_only_command()


def _stdout() -> Console:
    from rich.console import Console

    # piped output has no terminal width; give tables room instead of folding every cell
    console = Console()
    return console if console.is_terminal else Console(width=200)


def _jsonl(record: Record) -> dict[str, object]:
    data = record.model_dump()
    return {k: data[k] for k in JSONL_KEYS}


def _table(records: list[Record], why: bool) -> Table:
    from rich.table import Table

    table = Table(show_lines=True)
    widths = {"kind": 14, "code": 12, "item": 22, "text": 44, "owner": 20}
    for name in ("kind", "code", "item", "text", "owner", "deadline", "meeting", "page"):
        table.add_column(name, overflow="fold", max_width=widths.get(name), no_wrap=name == "page")
    if why:
        table.add_column("rule / warnings", overflow="fold", min_width=34)
    for r in records:
        row = [
            r.kind,
            r.code or "",
            r.item_title or "",
            r.text,
            r.owner or "",
            r.deadline or "",
            r.meeting_date or "",
            str(r.page),
        ]
        if why:
            row.append("\n".join([r.rule, *r.warnings]))
        table.add_row(*row)
    return table


@app.command(
    "export",
    epilog="Example: minutebook export --db minutebook.db --format csv --excel > records.csv",
)
def export_cmd(
    db_path: DbOption = DEFAULT_DB,
    fmt: FormatOption = Format.csv,
    include_removed: Annotated[
        bool, typer.Option("--include-removed", help="Also records no longer in their document.")
    ] = False,
    view: Annotated[
        str | None,
        typer.Option("--view", help=f"Export a view instead: {', '.join(analytics.view_names())}."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", help="Only records new, changed or removed by runs since this ISO date."
        ),
    ] = None,
    all_columns: Annotated[
        bool,
        typer.Option("--all-columns", help="Also the record's internal columns (ids, spans …)."),
    ] = False,
    excel: ExcelOption = False,
) -> None:
    """Write the stored records (or one view) to stdout: people's columns first."""
    if view is not None and view not in analytics.view_names():
        raise fail(f"no view {view!r}; choose one of: {', '.join(analytics.view_names())}")
    if since is not None and not _is_date(since):
        raise fail(f"--since {since!r} is not a date; try --since 2026-01-31")
    db = open_current(db_path)
    if view is not None:
        columns, rows = analytics.view_rows(db, view)
    else:
        # effective values: clerks' edits applied, rejected records left out
        columns, rows = analytics.export_records(
            db,
            include_removed=include_removed,
            changed_since=since,
            all_columns=all_columns or fmt in (Format.json, Format.jsonl),
        )
    emit(fmt, columns, rows, lambda: plain_table(columns, rows), excel=excel)


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


@app.command("failures", epilog="Example: minutebook failures --db minutebook.db --format csv")
def failures_cmd(db_path: DbOption = DEFAULT_DB, fmt: FormatOption = Format.table) -> None:
    """List the files that failed in the latest run, with the reason."""
    from minutebook.store.runs import failures_of_latest_run

    db = open_existing(db_path)
    rows = failures_of_latest_run(db)
    columns = ["path", "stage", "reason", "message", "at", "run_id"]
    emit(fmt, columns, rows, lambda: plain_table(columns[:4], rows))


register_all(app)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    command_line_process()
    app()
