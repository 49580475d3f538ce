"""Import sqlite-utils without numpy: 80 of the 120 ms `import sqlite_utils` costs.

sqlite-utils imports numpy (and pandas) if it can, only to add numpy's scalar types to
its table of column types. minutebook stores what its pydantic models hold, never a
numpy value, and the process that writes the database has no other use for numpy: the
workers that run spaCy are forked from a server of their own. So an unchanged re-run,
all start-up, would spend a third of its time importing numpy. While sqlite-utils
imports, numpy and pandas stand in sys.modules as None, which Python's import system
reads as "not installed"; they are removed as soon as it has, so a later `import numpy`
(spaCy in an ingest --debug) imports the real one. If numpy is imported already, nothing
is hidden. A caller who writes numpy values through open_db()'s Database converts them
first (`int(x)`), as for any other type sqlite-utils does not know.

store.open_db() is the one place that imports sqlite-utils at run time; every other
module names it in annotations only.
"""

from __future__ import annotations

import sys
import types

_HIDDEN = ("numpy", "pandas")


def import_sqlite_utils() -> types.ModuleType:
    """`import sqlite_utils`, with numpy and pandas hidden if they are not imported yet."""
    if "sqlite_utils" in sys.modules:
        import sqlite_utils

        return sqlite_utils
    hidden = [name for name in _HIDDEN if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]
    return sqlite_utils
