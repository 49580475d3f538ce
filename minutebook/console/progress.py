"""What an ingest shows while it runs: a live bar on a terminal, one plain line per
document elsewhere (CI, cron), and a summary table at the end."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from minutebook.app.batch import FileOutcome

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


@dataclass
class Tally:
    written: int = 0
    unchanged: int = 0
    failed: int = 0
    records: int = 0
    pages: int = 0
    new: int = 0
    updated: int = 0
    removed: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    reasons: dict[str, int] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)

    def add(self, o: FileOutcome) -> None:
        if not o.ok:
            self.failed += 1
            self.reasons[o.reason or "?"] = self.reasons.get(o.reason or "?", 0) + 1
            return
        self.written += 1
        self.records += o.records
        self.pages += o.pages
        for k, n in o.kinds.items():
            self.kinds[k] = self.kinds.get(k, 0) + n
        if o.result is not None:
            self.new += len(o.result.new)
            self.updated += len(o.result.updated)
            self.removed += len(o.result.removed)

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else 0.0


class BatchProgress:
    """The CLI's observer of a run (app/run.py): it draws the bar or prints the line, and
    keeps the tally for the summary."""

    def __init__(self, console: Console, db_path: Path, quiet: bool) -> None:
        self.console = console
        self.db_path = db_path
        self.quiet = quiet
        self.tally = Tally()
        self._bar = console.is_terminal and not quiet
        # made when there is something to parse: an unchanged re-run, or a run in CI
        # (no terminal), draws no bar and need not import rich.progress
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def closed_runs(self, run_ids: list[int]) -> None:
        for old in run_ids:
            self._line(
                f"note: run {old} of {self.db_path} never finished; closed it as interrupted"
            )

    def started(self, total: int, unchanged: list[Path]) -> None:
        if self._bar and total:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self._progress = Progress(
                TextColumn("documents"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]:.1f} pages/s"),
                TextColumn("{task.fields[records]} records"),
                TextColumn("{task.fields[failures]} failed"),
                TimeRemainingColumn(),
                console=self.console,
                transient=True,
            )
            self._task = self._progress.add_task("", total=total, rate=0.0, records=0, failures=0)
            self._progress.start()
        self.tally.unchanged += len(unchanged)
        if not self._bar and not self.quiet:
            for path in unchanged:
                self._line(f"same    {path}: unchanged since stored, skipped")

    def stopped(self) -> None:
        if self._progress is not None:
            self._progress.stop()

    def done(self, o: FileOutcome) -> None:
        self.tally.add(o)
        t = self.tally
        if self._progress is not None and self._task is not None:
            self._progress.update(
                self._task, advance=1, rate=t.pages_per_second, records=t.records, failures=t.failed
            )
        if self.quiet or (self._bar and o.ok):
            return  # on a terminal the bar says it; failures still get their line
        if o.ok and o.result is not None:
            r = o.result
            self._line(
                f"ok      {o.path}: {o.records} records "
                f"({len(r.new)} new, {len(r.updated)} updated, {len(r.removed)} removed)"
            )
        else:
            self._line(f"FAILED  {o.message} [{o.reason}]")

    def _line(self, text: str) -> None:
        # plain text, never wrapped or marked up: log lines must stay one line each
        self.console.print(text, markup=False, highlight=False, soft_wrap=True)

    def summary(self) -> None:
        db_path = self.db_path
        t = self.tally
        by_kind = ", ".join(f"{k}: {n}" for k, n in sorted(t.kinds.items())) or "none"
        why = ", ".join(f"{k}: {n}" for k, n in sorted(t.reasons.items()))
        total = t.written + t.failed + t.unchanged
        table = Table(title=f"ingest into {db_path}", title_justify="left")
        table.add_column("", style="bold")
        table.add_column("count", justify="right")
        table.add_column("detail")
        table.add_row("documents", str(total), "")
        table.add_row("written", str(t.written), f"{t.pages} pages")
        table.add_row("unchanged", str(t.unchanged), "same content as stored: skipped")
        table.add_row("failed", str(t.failed), why + ("; see 'minutebook failures'" if why else ""))
        table.add_row("records", str(t.records), by_kind)
        table.add_row("changes", "", f"{t.new} new, {t.updated} updated, {t.removed} removed")
        table.add_row("time", f"{t.seconds:.1f} s", f"{t.pages_per_second:.1f} pages/s")
        self.console.print(table)
        self._line(
            f"{total} documents: {t.written} written to {db_path} "
            f"({t.records} records; {by_kind}), {t.unchanged} unchanged, {t.failed} failed"
            + (f" ({why})" if why else "")
        )
