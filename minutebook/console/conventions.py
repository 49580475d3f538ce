"""What every command shares, defined once: exit codes, -h, --version, --quiet, --verbose.

Commands are built from `App` (a typer.Typer whose commands are `Command`s), so a new
command gets the shared options by being registered, with no code of its own.
"""

from __future__ import annotations

import enum
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.main

# typer 0.26 and later vendor click: its commands take typer's own copy of click's classes
from typer._click import core as click
from typer._click.globals import get_current_context
from typer.core import TyperCommand, TyperGroup
from typer.models import CommandFunctionType

from minutebook import __version__
from minutebook.store.paths import DEFAULT_PATH


class Exit(enum.IntEnum):
    """Exit codes of every command (the README's table is this one)."""

    OK = 0
    # the input could not be used: a document failed to load or extract, a review sheet
    # has bad rows
    FAILED = 1
    # the command line is wrong: a bad option or value, a file, folder, database, id or
    # code that does not exist, an ambiguous id prefix, a bad pattern file
    USAGE = 2
    # the database or disk failed: disk full, I/O error, read-only or damaged file
    STORAGE = 3
    INTERRUPTED = 130


# Spawned worker processes do not run main(), so the parent passes --verbose down here
VERBOSE_ENV = "MINUTEBOOK_VERBOSE"
# Libraries whose warnings say nothing a clerk can act on: pdfminer's "Could not get
# FontBBox from font descriptor" on nearly every Word-made PDF, for one
QUIET_LIBRARIES = ("pdfminer", "pdfplumber", "pypdfium2")
# Libraries that log, errors and tracebacks included, what a command reports itself in
# one line: Dask's client on a cancelled task or a lost scheduler (ingest --executor dask)
SILENT_LIBRARIES = ("distributed",)
CONTEXT_SETTINGS: dict[str, Any] = {"help_option_names": ["-h", "--help"]}


def library_logging(verbose: bool) -> None:
    """Library warnings on stderr only with --verbose (here and in the workers)."""
    level = logging.WARNING if verbose else logging.ERROR
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(level)
    for name in SILENT_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING if verbose else logging.CRITICAL)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"minutebook {__version__}")
        raise typer.Exit(int(Exit.OK))


VersionOption = Annotated[
    bool,
    typer.Option(
        "--version",
        is_eager=True,
        expose_value=False,
        callback=_show_version,
        help="Print the version and exit.",
    ),
]
# --db, for every command that reads or writes the database: one option, one default
DEFAULT_DB = DEFAULT_PATH
DbOption = Annotated[
    Path,
    typer.Option(
        "--db",
        help="The minutebook database (an SQLite file; ingest creates it).",
        envvar="MINUTEBOOK_DB",
    ),
]
DebugOption = Annotated[
    bool, typer.Option("--debug", help="Show tracebacks instead of one-line errors.")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print only data and errors.")]
VerboseOption = Annotated[
    bool, typer.Option("--verbose", "-v", help="Also show library warnings and details.")
]


def _options_of(function: Callable[..., None]) -> list[click.Parameter]:
    """typer's own parameter objects for a function's options, to add to other commands."""
    holder = typer.Typer(add_completion=False)
    holder.command()(function)
    return list(typer.main.get_command(holder).params)


def _version_only(version: VersionOption = False) -> None:
    """(holds --version)"""


def _quiet_verbose(quiet: QuietOption = False, verbose: VerboseOption = False) -> None:
    """(holds --quiet and --verbose)"""


def _shared_options(existing: set[str]) -> list[click.Parameter]:
    options = _options_of(_version_only) + _options_of(_quiet_verbose)
    return [o for o in options if o.name not in existing]


def quiet() -> bool:
    """True when the running command was given --quiet."""
    ctx = get_current_context(silent=True)
    return bool(ctx and ctx.find_root().meta.get("minutebook.quiet"))


# True once cli.main() runs: the command line is this whole process, not a call from a
# program (a test's CliRunner, a notebook) that carries on after the command returns
_OWN_PROCESS = {"yes": False}


# numpy (imported by spaCy and by sqlite-utils) starts OpenBLAS's thread pool, whose
# threads spin on an idle core for 0.1 CPU-s of every process; minutebook never multiplies
# a matrix. A process of our own (the command line, the fork server) starts it with one
# thread, unless the environment says otherwise.
BLAS_THREADS = {"OPENBLAS_NUM_THREADS": "1"}


def one_blas_thread() -> None:
    """Before numpy is imported, in a process that is minutebook's own."""
    for name, value in BLAS_THREADS.items():
        os.environ.setdefault(name, value)


def command_line_process() -> None:
    """Say that this process is the command line itself (cli.main calls it)."""
    _OWN_PROCESS["yes"] = True
    one_blas_thread()


def end_read_only_command() -> None:
    """Exit now, skipping the interpreter's teardown, if this process is the command line.

    For a command that has written all it prints and holds nothing to close (no database,
    no temporary file, no worker): Python's teardown would free spaCy's, PDFium's and the
    models' objects one by one, 0.1-0.15 CPU-s of a one-page `extract` (issue 15); the
    workers skip it the same way. Called from a program instead, it returns.
    """
    if not _OWN_PROCESS["yes"]:
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        return  # a closed pipe: let Python's own exit report it, as before
    logging.shutdown()
    os._exit(int(Exit.OK))


def note(message: str) -> None:
    """An informational line on stderr ("wrote report.html"), left out with --quiet."""
    if not quiet():
        typer.echo(message, err=True)


class Command(TyperCommand):
    """A typer command with the shared options added and handled before it runs."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        names = {p.name for p in self.params if p.name}
        # a command with its own --quiet (ingest: "only the summary") keeps it as a parameter
        self._own_quiet = "quiet" in names
        self.params.extend(_shared_options(names))

    def invoke(self, ctx: click.Context) -> Any:
        verbose = bool(ctx.params.pop("verbose", False))
        is_quiet = ctx.params.get("quiet") if self._own_quiet else ctx.params.pop("quiet", False)
        ctx.find_root().meta["minutebook.quiet"] = bool(is_quiet)
        library_logging(verbose)
        before = os.environ.get(VERBOSE_ENV)
        if verbose:
            os.environ[VERBOSE_ENV] = "1"  # spawned workers inherit the environment
        try:
            return super().invoke(ctx)
        finally:
            library_logging(bool(before))
            if before is None:
                os.environ.pop(VERBOSE_ENV, None)


class Group(TyperGroup):
    """A typer group that also answers --version."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params.extend(_options_of(_version_only))


class App(typer.Typer):
    """typer.Typer with our settings: -h, --version, no tracebacks, examples verbatim."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cls", Group)
        kwargs.setdefault("context_settings", CONTEXT_SETTINGS)
        kwargs.setdefault("rich_markup_mode", None)
        kwargs.setdefault("no_args_is_help", True)
        # locals would print minutes text; --debug re-raises where a command has it
        kwargs.setdefault("pretty_exceptions_enable", False)
        kwargs.setdefault("pretty_exceptions_show_locals", False)
        super().__init__(**kwargs)

    def command(
        self, *args: Any, **kwargs: Any
    ) -> Callable[[CommandFunctionType], CommandFunctionType]:
        kwargs.setdefault("cls", Command)
        return super().command(*args, **kwargs)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        # typer builds every command's click object (signatures, type hints, the shared
        # options) before it runs one: 30 ms of each start-up, a sixth of an unchanged
        # re-run (issue 15). A command line that names a command builds that one alone,
        # as click's lazily loaded groups do; anything else (--help, --version, a typo
        # that wants suggestions, shell completion) builds them all.
        # click's main() takes the arguments as its first positional parameter too
        name = _named_command(kwargs.get("args", args[0] if args else None))
        commands, groups = self.registered_commands, self.registered_groups
        chosen = [c for c in commands if _command_name(c) == name]
        chosen_groups = [g for g in groups if g.name == name]
        if name is None or not (chosen or chosen_groups):
            return super().__call__(*args, **kwargs)
        self.registered_commands, self.registered_groups = chosen, chosen_groups
        try:
            # a group even of one command, so the command line reads as it always does
            # (typer would make a lone command the program itself)
            group = typer.main.get_group(self)
        finally:
            self.registered_commands, self.registered_groups = commands, groups
        # typer's own __call__ adds only its pretty tracebacks, which App turns off
        return group(*args, **kwargs)


def _named_command(args: Any) -> str | None:
    """The command a command line names first, if nothing precedes it and no shell asks."""
    given = sys.argv[1:] if args is None else list(args)
    if not given or any(key.endswith("_COMPLETE") for key in os.environ):
        return None
    return str(given[0])


def _command_name(info: typer.models.CommandInfo) -> str | None:
    if info.name:
        return info.name
    return typer.main.get_command_name(info.callback.__name__) if info.callback else None
