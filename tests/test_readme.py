"""README's commands, run as written, so the README cannot drift from the CLI (issue 16).

Every ```bash block in README.md is either run here or named in SKIPPED with the reason:
a new block must be one or the other, or this test fails. Blocks run in README order, in
bash with `set -e`, in a temporary folder laid out like a fresh clone (a copy of samples/
and of the lifecycle fixture, the package and .venv linked, the venv activated as the
README assumes), so a command that the CLI rejects, or that needs a file a clone does not
have, fails the test. What cannot run here is taken out, and only that:
- install steps (`python3 -m venv`, `pip install`) and the test suite itself: the venv
  they would make is the one running this test;
- placeholders a reader replaces: `minutes/` and `minutes.txt` are made from samples, and
  the 16-character ids in "Or decide in a terminal" become ids of real records.
An output block right after a command block must appear in what the commands print.

The command tables are checked too: every --option they show is in that command's --help.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from minutebook.cli import app
from tests.conftest import ROOT, SAMPLES

README = ROOT / "README.md"
VENV = Path(sys.prefix)

# first line of a block -> why it is not run here
SKIPPED = {
    "python ../shared/eval/score.py": "the scorer and the gold live outside the repository",
    ".venv/bin/python -m pytest tests/ingest": "the test suite itself",
    ".venv/bin/pip install -e '.[datasette]'": (
        "installs, then serves until Ctrl-C; tests/commands/test_serve.py starts "
        "`minutebook serve` and browses it"
    ),
    "minutebook serve --write-metadata": (
        "Datasette serves until Ctrl-C; test_serve.py checks --write-metadata"
    ),
    ".venv/bin/pip install -e '.[dask]'": (
        "installs, and starts a scheduler and workers that serve until stopped; "
        "tests/app/test_dask.py runs the ingest on a LocalCluster"
    ),
}
# a part of a `&&` chain that sets up what this test already runs in
SETUP = re.compile(
    r"^(python3 -m venv \.venv|\.venv/bin/pip install .*|\.venv/bin/python -m pytest)$"
)
PLACEHOLDER_ID = re.compile(r"\b[0-9a-f]{16}\b")


@dataclass
class Block:
    line: int
    commands: str
    output: str | None  # the plain ``` block right after it, if any


def readme_blocks() -> list[Block]:
    text = README.read_text(encoding="utf-8")
    fence = re.compile(r"^( *)```(\w*)\n(.*?)^\1```\n", re.M | re.S)
    found = list(fence.finditer(text))
    blocks = []
    for i, m in enumerate(found):
        if m.group(2) != "bash":
            continue
        indent = len(m.group(1))
        body = "\n".join(line[indent:] for line in m.group(3).splitlines())
        after = found[i + 1] if i + 1 < len(found) else None
        output = None
        if after and not after.group(2) and not text[m.end() : after.start()].strip():
            output = after.group(3)
        blocks.append(Block(text[: m.start()].count("\n") + 1, body, output))
    return blocks


def runnable(block: Block, ids: list[str]) -> str | None:
    """The block as this test runs it, or None when SKIPPED names it."""
    first = block.commands.strip().splitlines()[0]
    if any(first.startswith(key) for key in SKIPPED):
        return None
    lines = []
    for line in block.commands.splitlines():
        if line.lstrip().startswith("#") or not line.strip():
            continue
        parts = [p.strip() for p in line.split(" && ")]
        kept = [p for p in parts if not SETUP.match(p)]
        if kept:
            lines.append(" && ".join(kept))
    placeholders = list(dict.fromkeys(PLACEHOLDER_ID.findall("\n".join(lines))))
    script = "\n".join(lines)
    for placeholder, real in zip(placeholders, ids, strict=False):
        script = script.replace(placeholder, real)
    return script


def _clone(tmp: Path) -> Path:
    """A folder laid out as a fresh clone is, for the README's relative paths."""
    work = tmp / "clone"
    work.mkdir()
    shutil.copytree(SAMPLES, work / "samples")
    shutil.copytree(ROOT / "tests" / "lifecycle" / "fixtures", work / "tests/lifecycle/fixtures")
    (work / "minutebook").symlink_to(ROOT / "minutebook")
    (work / ".venv").symlink_to(VENV)
    # the placeholders a reader replaces with their own minutes
    (work / "minutes").mkdir()
    for name in ("leics_cfosc_minutes_2025-09-02.txt", "surrey_cfllc_tracker_2022-12.txt"):
        shutil.copy(SAMPLES / name, work / "minutes" / name)
    shutil.copy(SAMPLES / "leics_cfosc_minutes_2025-09-02.txt", work / "minutes.txt")
    return work


BOX = re.compile(r"[\u2500-\u257f]")  # rich's table borders


def _words(text: str) -> str:
    """The words, in order: terminal width moves line breaks and borders, not words."""
    return " ".join(BOX.sub(" ", text).split())


def _ids(work: Path) -> list[str]:
    """Ids of real current records, for the README's example ids."""
    import sqlite3

    conn = sqlite3.connect(work / "minutebook.db")
    try:
        rows = conn.execute(
            "select id from records where status = 'current' and kind = 'resolution' "
            "order by document_id, start limit 5"
        ).fetchall()
    finally:
        conn.close()
    return [r[0] for r in rows]


def test_readme_every_bash_block_runs(tmp_path: Path) -> None:
    work = _clone(tmp_path)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("MINUTEBOOK_")},
        "PATH": f"{work / '.venv' / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "VIRTUAL_ENV": str(work / ".venv"),
    }
    blocks = readme_blocks()
    assert len(blocks) >= 10  # the parser found the README's blocks
    ran = 0
    for block in blocks:
        ids = _ids(work) if (work / "minutebook.db").exists() else []
        script = runnable(block, ids)
        if script is None:
            continue
        if not script:  # only setup steps
            continue
        proc = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", script],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        where = f"README.md line {block.line}:\n{script}\n--- stderr:\n{proc.stderr[-2000:]}"
        assert proc.returncode == 0, where
        assert "Traceback" not in proc.stderr, where
        if block.output is not None:
            assert _words(block.output) in _words(proc.stdout), (
                f"{where}\n--- the README shows:\n{block.output}\n--- printed:\n{proc.stdout}"
            )
        ran += 1
    assert ran >= 10
    # what the blocks wrote is what they say they write
    assert (work / "open_items.csv").read_text(encoding="utf-8").startswith("kind,code,")
    assert (work / "changed.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # --excel: BOM
    assert (work / "review.csv").exists()


def test_readme_skips_only_blocks_it_names() -> None:
    firsts = [b.commands.strip().splitlines()[0] for b in readme_blocks()]
    for key in SKIPPED:
        assert any(f.startswith(key) for f in firsts), f"SKIPPED names a block gone: {key}"


runner = CliRunner()


def _help(command: list[str]) -> str:
    """The --help of a command and of each of its subcommands, joined."""
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, (command, result.output)
    text = result.output
    # click's plain listing, or rich's box, whichever the help was printed with
    sub = re.search(r"^Commands:\n((?:  .*\n?)+)", text, re.M) or re.search(
        r"Commands ─+╮\n(.*?)╰", text, re.S
    )
    if sub:
        for name in re.findall(r"^(?:│ | {2})(\S+)", sub.group(1), re.M):
            text += _help([*command, name])
    return text


def _table_commands() -> list[tuple[str, list[str]]]:
    """(command name, its --options) for each command-table row of the README."""
    rows = []
    for line in README.read_text(encoding="utf-8").splitlines():
        cell = re.match(r"^\| `minutebook (\w+)([^|]*(?:\\\|[^|]*)*)\|", line)
        if cell:
            rows.append((cell.group(1), re.findall(r"--[a-z][a-z-]*", line.split("|")[1])))
    return rows


def test_readme_command_tables_match_help() -> None:
    rows = _table_commands()
    assert len(rows) >= 11  # the Commands table and the lifecycle table
    helps: dict[str, str] = {}
    for name, options in rows:
        text = helps.setdefault(name, _help([name]))
        # rich may wrap an option's name: compare without the box drawing and spaces
        flat = re.sub(r"[\s│]", "", text)
        unknown = [o for o in options if o not in flat]
        assert unknown == [], f"README shows {unknown} for `minutebook {name}`"
