"""The layout keeps its shape: a package imports only packages on floors below its own, and no module
imports itself back through others (lazy and type-checking imports count too)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "tripreport_lint"
# Top to bottom; a room may import rooms on lower floors only (and itself).
FLOORS = (
    ("cli",),
    ("engine",),
    ("store",),
    ("config",),
    ("rules",),
    ("site", "format"),
    ("document",),
    ("frontmatter", "remote", "spelling", "reporters"),
    ("diagnostics", "paths", "files", "errors", "__init__"),
)
FLOOR = {room: level for level, rooms in enumerate(FLOORS) for room in rooms}


def _module(path: Path) -> str:
    parts = ("tripreport_lint", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _exists(module: str) -> bool:
    relative = Path(*module.split(".")[1:])
    return (PACKAGE / relative).with_suffix(".py").is_file() or (PACKAGE / relative / "__init__.py").is_file()


def _imports(path: Path) -> Iterator[str]:
    """The modules of ours that a module imports, wherever the import stands."""
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name.startswith("tripreport_lint"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tripreport_lint"):
            submodules = [f"{node.module}.{alias.name}" for alias in node.names if _exists(f"{node.module}.{alias.name}")]
            yield from submodules
            if len(submodules) < len(node.names):  # names defined in the module itself
                yield node.module


def _graph() -> dict[str, set[str]]:
    return {_module(path): set(_imports(path)) for path in PACKAGE.rglob("*.py") if path.name != "__main__.py"}


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_room_is_on_a_floor() -> None:
    assert {_room(module) for module in _graph()} == set(FLOOR)


def test_no_package_imports_one_above_it() -> None:
    upward = sorted(f"{module} imports {imported}" for module, imports in _graph().items() for imported in imports
                    if _room(module) != _room(imported) and FLOOR[_room(imported)] <= FLOOR[_room(module)])
    assert upward == []


def test_no_import_cycle() -> None:
    graph = _graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for imported in sorted(graph.get(module, ())):
            if state.get(imported) == 1:
                cycles.append(path[path.index(imported):] + [imported])
            elif imported not in state:
                visit(imported)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    assert cycles == []
