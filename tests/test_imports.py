"""The rooms' imports, read statically: no cycle anywhere, and the layers point one way.

Every ``import`` counts, including those inside functions (a lazy import is still a
dependency); only ``if TYPE_CHECKING:`` blocks are left out (they never run). ``seda`` imports
neither ``app``, ``ui`` nor Qt; ``app`` imports ``ui`` only in ``app.main`` (which builds the
window).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("seda", "app", "ui")
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child):
            for other in child.orelse:
                yield from _import_nodes(other)
            continue
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child
        yield from _import_nodes(child)


def imports_of(path: Path, known: set[str]) -> set[str]:
    """Names ``path`` imports: our modules (resolved to the deepest known one) and others."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        for target in targets:
            while target and target not in known and "." in target:
                if target.split(".")[0] not in PACKAGES:
                    break
                target = target.rpartition(".")[0]
            found.add(target)
    found.discard(name)
    return found


def graph() -> dict[str, set[str]]:
    files = [p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))]
    known = {module_name(p) for p in files}
    return {module_name(p): imports_of(p, known) for p in files}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start] & edges.keys())))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child] & edges.keys()))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_walk_sees_our_modules() -> None:
    edges = graph()
    assert {"seda.model", "app.cli", "ui.main_window", "ui.commands"} <= edges.keys()
    assert "ui.tree_model" in edges["ui.main_window"] or any(
        "ui.tree_model" in edges[m] for m in edges if m.startswith("ui.")
    )


def test_no_import_cycle() -> None:
    assert cycles(graph()) == []


def test_cycle_finder_finds_a_lazy_cycle(tmp_path: Path) -> None:
    """The finder itself: a cycle closed by an import inside a function is one."""
    edges = {"ui.a": {"ui.b"}, "ui.b": {"ui.c"}, "ui.c": {"ui.a"}, "ui.d": {"ui.a"}}
    assert cycles(edges) == [["ui.a", "ui.b", "ui.c"]]
    source = tmp_path / "m.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    import ui.hidden\n"
        "def f():\n    from ui import tree_model\n",
        encoding="utf-8",
    )
    tree = ast.parse(source.read_text(encoding="utf-8"))
    names = {
        n.module if isinstance(n, ast.ImportFrom) else n.names[0].name for n in _import_nodes(tree)
    }
    assert names == {"typing", "ui"}


def test_layers_point_one_way() -> None:
    edges = graph()
    bad = []
    for module, targets in edges.items():
        top = module.split(".")[0]
        for target in targets:
            other = target.split(".")[0]
            if top == "seda" and (other in ("app", "ui") or other in QT):
                bad.append((module, target))
            if top == "app" and other == "ui" and module != "app.main":
                bad.append((module, target))
    assert bad == []
