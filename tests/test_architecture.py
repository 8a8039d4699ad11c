"""The direction of imports between packages, as docs/architecture.md draws it.

Every import statement in the shipped packages (top level or inside a function: a lazy import
is still a dependency) is an edge from its module to the module it names. Each package may
only reach the packages its row of the table allows; the few module-level exceptions are
listed with their reason, and the package graph has no cycle.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("app", "storage", "sync", "services", "cli", "ui", "launch", "portal", "resources")

# package -> the packages it may import (its own package always allowed). "sync.protocol" is
# its own layer: the pure protocol module shared by client and portal.
ALLOWED: dict[str, frozenset[str]] = {
    "storage": frozenset(),
    "resources": frozenset(),
    "sync.protocol": frozenset(),
    "sync": frozenset({"sync.protocol", "resources"}),
    "app": frozenset({"storage", "sync.protocol", "resources"}),
    "services": frozenset({"app", "sync", "sync.protocol", "storage", "resources"}),
    "cli": frozenset({"services", "app", "sync", "sync.protocol", "storage", "resources"}),
    "ui": frozenset({"services", "app", "sync", "sync.protocol", "storage", "resources"}),
    "portal": frozenset({"sync.protocol", "resources"}),
    # The composition root: puts the two front ends together; nothing imports it.
    "launch": frozenset({"cli", "ui", "services", "app", "sync", "sync.protocol", "storage",
                         "resources"}),
}

# Module-level edges outside the table, each with its reason (docs/architecture.md).
EXCEPTIONS: dict[tuple[str, str], str] = {
    # The portal shares the client's signing of HTTP requests, offline bundle format and pin
    # encoding: one implementation of each wire format.
    ("portal", "sync.http_signatures"): "wire format shared with the client",
    ("portal", "sync.bundles"): "wire format shared with the client",
    ("portal", "sync.tls_pinning"): "wire format shared with the client",
    # TAXII serves exactly the STIX objects the client's export writes: one home for the
    # mapping. These modules are pure (PURE_APP_MODULES below proves it).
    ("portal", "app.released"): "one STIX mapping for export and TAXII",
    ("portal", "app.stix_export"): "one STIX mapping for export and TAXII",
    ("portal", "app.domain"): "one STIX mapping for export and TAXII",
    ("portal", "app"): "the package itself (its __init__ is checked pure below)",
}

# app/ modules the portal may import: they must reach nothing but each other, sync.protocol
# and resources (no SQL, no network, no Qt).
PURE_APP_MODULES = frozenset(
    {
        "app",
        "app.released",
        "app.stix_export",
        "app.domain",
        "app.codelists",
        "app.misp_feed",
        "app.vrs_tables",
    }
)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _layer(module: str) -> str:
    if module == "sync.protocol" or module.startswith("sync.protocol."):
        return "sync.protocol"
    return module.split(".")[0]


def _imports(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
            # `from app import codelists` names the module app.codelists.
            for alias in node.names:
                yield f"{node.module}.{alias.name}"


def _edges() -> dict[str, set[str]]:
    known = {_module_name(p) for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")}
    edges: dict[str, set[str]] = defaultdict(set)
    for pkg in PACKAGES:
        for path in (ROOT / pkg).rglob("*.py"):
            source = _module_name(path)
            for target in _imports(path):
                if target in known:
                    edges[source].add(target)
    return edges


def test_every_import_follows_the_documented_direction() -> None:
    wrong = []
    for source, targets in _edges().items():
        src_layer = _layer(source)
        for target in targets:
            dst_layer = _layer(target)
            if dst_layer == src_layer or dst_layer in ALLOWED[src_layer]:
                continue
            if (src_layer, target) in EXCEPTIONS:
                continue
            wrong.append(f"{source} -> {target}")
    assert not wrong, "imports outside docs/architecture.md's table:\n" + "\n".join(sorted(wrong))


def test_the_app_modules_the_portal_uses_stay_pure() -> None:
    edges = _edges()
    for module in sorted(PURE_APP_MODULES):
        for target in edges.get(module, set()):
            assert target in PURE_APP_MODULES or _layer(target) in {
                "sync.protocol",
                "resources",
            }, f"{module} imports {target}: the portal may only use pure app modules"


def test_no_cycle_between_packages() -> None:
    graph: dict[str, set[str]] = defaultdict(set)
    for source, targets in _edges().items():
        for target in targets:
            a, b = _layer(source), _layer(target)
            if a != b:
                graph[a].add(b)
    # Depth-first search for a back edge.
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                raise AssertionError("package cycle: " + " -> ".join([*path, node, nxt]))
            if nxt not in state:
                visit(nxt, [*path, node])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])


def test_the_check_sees_a_forbidden_edge(tmp_path: Path) -> None:
    # The parser must find lazy imports inside functions, or the table proves nothing.
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from ui.app import has_display\n    import portal.tables\n")
    assert set(_imports(module)) >= {"ui.app", "ui.app.has_display", "portal.tables"}
