"""sync.protocol is shared with the portal: it may import only itself and third-party
packages (no app/, storage/, ui/, other sync modules, Qt or network clients)."""

from __future__ import annotations

import ast
from pathlib import Path

import sync.protocol

FORBIDDEN_ROOTS = {"app", "storage", "ui", "cli", "portal", "PySide6", "requests", "sqlite3"}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_protocol_imports_nothing_from_the_project() -> None:
    package = Path(sync.protocol.__file__).parent
    files = sorted(package.glob("*.py"))
    assert len(files) >= 5
    for path in files:
        for name in _imports(path):
            root = name.split(".")[0]
            assert root not in FORBIDDEN_ROOTS, f"{path.name} imports {name}"
            if root == "sync":
                assert name.startswith("sync.protocol"), f"{path.name} imports {name}"
