"""The package layout shows the flow: no import circle, no stage importing upwards, and
nothing at the root but the CLI entry and the package's own __init__."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "minutebook"
STAGES = ("minutebook.models", "minutebook.ingest", "minutebook.extract", "minutebook.store")
ABOVE_STAGES = ("minutebook.app", "minutebook.cli", "minutebook.console", "minutebook.commands")


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _graph() -> dict[str, set[str]]:
    """Every module's imports of other minutebook modules, function-level ones included."""
    modules = _modules()
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                subs = [f"{node.module}.{a.name}" for a in node.names]
                # `from package import submodule` imports the submodule, not the package
                targets = [s for s in subs if s in modules]
                if len(targets) < len(subs):
                    targets.append(node.module)
            else:
                continue
            graph[name] |= {t for t in targets if t in modules and t != name}
    return graph


def _reaches(graph: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, todo = set(), [start]
    while todo:
        node = todo.pop()
        for nxt in graph[node]:
            if nxt == goal:
                return True
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return False


def test_layout_no_module_imports_one_that_imports_it_back() -> None:
    graph = _graph()
    circles = {
        frozenset({a, b})
        for a, deps in graph.items()
        for b in deps
        # a package's __init__ re-exporting its own modules is not a circle
        if not b.startswith(a + ".") and not a.startswith(b + ".") and _reaches(graph, b, a)
    }
    assert circles == set()


def test_layout_stages_never_import_the_application_or_the_cli() -> None:
    upward = [
        (a, b)
        for a, deps in _graph().items()
        for b in deps
        if a.startswith(STAGES) and b.startswith(ABOVE_STAGES)
    ]
    assert upward == []


def test_layout_root_holds_only_the_cli_entry_and_packages() -> None:
    modules = {p.name for p in PACKAGE.glob("*.py")}
    assert modules == {"__init__.py", "__main__.py", "cli.py"}
