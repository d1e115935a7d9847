"""The shape of the code: imports run one way without cycles, and modules stay small.

Every module under `src/ledelsestilsyn` is parsed (not imported) and each of
its imports, also those inside functions, becomes an edge. Imports under
`if TYPE_CHECKING:` never run, so they count for the direction but not for
cycles.

Layers: `cli` (and `__main__`) → the stages (every other package) → the base
(`core`, `models`, `io` and the package's own `__init__`).
"""

from __future__ import annotations

import ast
import statistics
from collections.abc import Iterator
from pathlib import Path

from conftest import ROOT
from ledelsestilsyn.core.masking_code import MASKING_FILES
from ledelsestilsyn.io.document_cache import READER_FILES
from ledelsestilsyn.io.stamped_json import code_stamp
from ledelsestilsyn.review.cache import CODE_FILES
from ledelsestilsyn.schedule import concept_cache

PACKAGE = ROOT / "src" / "ledelsestilsyn"
BASE = frozenset({"core", "models", "io"})
MAX_LINES = 400
MAX_MEDIAN = 100


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> str:
    top = module.split(".")[1] if "." in module else ""
    if top in ("cli", "__main__"):
        return "cli"
    if top in BASE or top == "":
        return "base"
    return "stage"


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(node: ast.AST, module: str, typing_only: bool) -> Iterator[tuple[str, bool]]:
    """(imported module, only under TYPE_CHECKING) for every import below `node`."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _type_checking(child):
            yield from _imports(child, module, True)
            continue
        if isinstance(child, ast.Import):
            for alias in child.names:
                yield alias.name, typing_only
        elif isinstance(child, ast.ImportFrom):
            base = child.module or ""
            if child.level:
                is_package = MODULES[module].name == "__init__.py"
                anchor = module.split(".")[: len(module.split(".")) - child.level + is_package]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in child.names:
                full = f"{base}.{alias.name}"
                yield (full if full in MODULES else base), typing_only
        yield from _imports(child, module, typing_only)


def edges() -> dict[str, dict[str, bool]]:
    """module → {imported module of this package: only under TYPE_CHECKING}."""
    graph: dict[str, dict[str, bool]] = {}
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        found: dict[str, bool] = {}
        for target, typing_only in _imports(tree, module, False):
            if target in MODULES and target != module:
                found[target] = found.get(target, True) and typing_only
        graph[module] = found
    return graph


GRAPH = edges()


def test_the_walk_sees_the_imports() -> None:
    assert len(MODULES) > 50
    assert "ledelsestilsyn.cli.app" in GRAPH["ledelsestilsyn.cli.entry"]
    assert "ledelsestilsyn.core.diagnostics" in GRAPH["ledelsestilsyn.io.yaml"]


def test_imports_run_one_way() -> None:
    rank = {"cli": 2, "stage": 1, "base": 0}
    wrong = [
        f"{module} ({layer(module)}) → {target} ({layer(target)})"
        for module, targets in GRAPH.items()
        for target in targets
        if rank[layer(target)] > rank[layer(module)]
    ]
    assert wrong == []


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle in `graph`, as the list of its modules, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_cycle() -> None:
    runtime = {
        m: {t for t, typing_only in ts.items() if not typing_only} for m, ts in GRAPH.items()
    }
    assert find_cycle(runtime) is None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_cron_fast_path_imports_no_heavy_module() -> None:
    """`påmind` with nothing due stays near `--help`: its modules import only small ones."""
    fast = {"ledelsestilsyn.schedule.scan", "ledelsestilsyn.schedule.plan"}
    seen: set[str] = set()
    todo = list(fast)
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
        top_level = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
        for node in top_level:
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
                names += [f"{node.module}.{a.name}" for a in node.names]
            assert not any(n.split(".")[0] in ("pydantic", "yaml", "rich", "typer") for n in names)
            todo += [n for n in names if n in MODULES]
    assert "ledelsestilsyn.schedule.mail_settings" in seen
    assert not any(m.startswith("ledelsestilsyn.models") for m in seen)


def code_behind(*modules: str) -> set[str]:
    """The files of `modules` and of every module they import when they run."""
    seen: set[str] = set()
    todo = list(modules)
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo += [t for t, typing_only in GRAPH[module].items() if not typing_only]
    return {str(MODULES[m].relative_to(PACKAGE)) for m in seen}


def test_the_caches_know_all_code_behind_what_they_keep() -> None:
    """A change in any module an analysis or a parsed manifest comes from makes the cache stale."""
    analysis = code_behind("ledelsestilsyn.review.check", "ledelsestilsyn.review.analysis")
    assert analysis - set(CODE_FILES) == set()
    reader = {f for f in code_behind("ledelsestilsyn.io.yaml") if f.startswith("io/")}
    # reading the bytes (and the words for an OS error) decides nothing a cache keeps
    bytes_only = {"io/files.py", "io/os_reasons.py", "io/portable.py"}
    assert reader - bytes_only - set(READER_FILES) == set()
    assert all((PACKAGE / name).is_file() for name in (*CODE_FILES, *READER_FILES))
    # påmind's cache keeps tiltag titles masked: the masking code stamps it (a probe found an
    # old title there, from before the name rules changed)
    masking = code_behind("ledelsestilsyn.core.cpr", "ledelsestilsyn.core.unknown_names")
    assert {f for f in masking if f.startswith("core/")} - {*MASKING_FILES, "core/ord.txt"} == set()
    assert all((PACKAGE / name).is_file() for name in MASKING_FILES)
    assert concept_cache._STAMP["tool"] == code_stamp(MASKING_FILES)


def test_class_names_are_unique() -> None:
    where: dict[str, list[str]] = {}
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                where.setdefault(node.name, []).append(module)
    assert {name: mods for name, mods in where.items() if len(mods) > 1} == {}


def test_modules_are_small() -> None:
    lines = {m: len(p.read_text(encoding="utf-8").splitlines()) for m, p in MODULES.items()}
    assert {m: n for m, n in lines.items() if n > MAX_LINES} == {}
    assert statistics.median(lines.values()) <= MAX_MEDIAN


def _top_level_imports(module: str) -> set[str]:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found |= {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
    return found


LAZY = {"python_calamine": "ledelsestilsyn.export.xlsx", "typst": "ledelsestilsyn.report.pdf"}
"""A heavy library → the one module that imports it; that module is imported only in a function."""


def test_heavy_libraries_load_only_when_used() -> None:
    """Reading a CSV export, or any command but the one that needs them, never loads them."""
    for library, owner in LAZY.items():
        importers = {m for m in MODULES if library in _top_level_imports(m)}
        inside = {t for m, ts in GRAPH.items() for t, typing_only in ts.items() if not typing_only}
        assert importers == {owner}
        assert owner in inside  # it is used ...
        assert not [m for m in MODULES if owner in _top_level_imports(m)]  # ... only lazily
