"""Commands beyond the core ones, one module each; every module here defines register(app).

A module is picked up by being in this package: cli.py needs no edit to gain a command.
"""

from __future__ import annotations

import importlib
import pkgutil

import typer


def register_all(app: typer.Typer) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.register(app)
