"""Extraction CPU on inputs built to make regular expressions backtrack.

A text layer that lost its spaces, a vote note followed by a flattened row of figures, a
page of mover lines with no stop: each once cost a single document tens of seconds (a
review of stop 25's rules timed them at 54 s, 17 s and 19 s). The batch's --timeout
bounds any one document; this script shows whether the rules themselves stay linear.
Synthetic inputs, for that purpose only; they say nothing about speed on real minutes.

    python benchmarks/pathological.py [--size N]

Prints CPU seconds of describe() + extract() for each input, and for the same input at
half the size: a ratio near 2 is linear, near 4 quadratic, far above exponential.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from minutebook.extract import describe, extract
from minutebook.ingest import load

HEADER = "Anytown Parish Council\n\nMinutes of the meeting held on 4 March 2025\n\n"


def _spaceless(n: int) -> str:
    return "Minutes" + "OFTHEEXTRAORDINARYMEETING" * (n // 25 + 1) + " held on 4 March 2025\n"


def _vote_figures(n: int) -> str:
    return "5. Accounts\n\nMotion carried 6 for " + "1,200 " * (n // 6) + "see appendix\n"


def _mover_lines(n: int) -> str:
    return "5. Any Other Business\n\n" + "moved by A and seconded by B " * (n // 29) + "\n"


def _capitals(n: int) -> str:
    return "Present: Ab" + "C" * n + "!\n\n5. Any Other Business\n\nNone.\n"


INPUTS: dict[str, Callable[[int], str]] = {
    "text layer without spaces": _spaceless,
    "vote note over a row of figures": _vote_figures,
    "mover lines with no stop": _mover_lines,
    "a run of capitals in the attendance line": _capitals,
}


def _cpu(folder: Path, name: str, body: str) -> float:
    path = folder / f"{name}.txt"
    path.write_text(HEADER + body, encoding="utf-8")
    doc = load(path)
    start = time.process_time()
    extract(describe(doc))
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="characters per input")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _cpu(folder, "warm", "5. Any Other Business\n\nNone.\n")  # load spaCy outside timing
        print(f"{'input':45} {'half':>8} {'full':>8} {'ratio':>6}")
        for name, make in INPUTS.items():
            half = _cpu(folder, "half", make(args.size // 2))
            full = _cpu(folder, "full", make(args.size))
            ratio = full / half if half > 0 else float("nan")
            print(f"{name:45} {half:8.2f} {full:8.2f} {ratio:6.1f}")


if __name__ == "__main__":
    main()
