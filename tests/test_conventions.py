"""Conventions the codebase keeps, enforced (STYLE.md: tests that enforce conventions)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "foidesk"
FORBIDDEN_IN_CORE = (
    "django",
    "ninja",
    "foidesk.web",
    "foidesk.datasets",
    "foidesk.render",
    "foidesk.commands",
)


# What each layer may import of the others (DESIGN.md): each only from the layers below it. Django is
# the web layer's; the commands sit on top and may import anything, so nothing may import them.
LAYERS_BELOW = {
    "core": (),
    "datasets": ("core",),
    "render": ("core", "datasets"),
    "web": ("core", "datasets", "render"),
    "commands": ("core", "datasets", "render", "web"),
}
LAYERS_WITHOUT_DJANGO = ("core", "datasets", "render")


def _imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function; relative imports resolved."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = ".".join(("foidesk", *path.relative_to(SRC).parent.parts))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                base = node.module or ""
            else:
                parent = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*parent, *([node.module] if node.module else [])])
            if base:
                names.add(base)
    return names


def _is(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def test_core_imports_nothing_of_django_or_the_layers_above() -> None:
    offenders = []
    for path in sorted((SRC / "core").rglob("*.py")):
        for module in _imported_modules(path):
            if any(module == f or module.startswith(f + ".") for f in FORBIDDEN_IN_CORE):
                offenders.append(f"{path.relative_to(SRC)} imports {module}")
    assert offenders == []


def test_no_grab_bag_module_names() -> None:
    grab_bags = {"utils.py", "helpers.py", "manager.py", "misc.py", "common.py"}
    assert [p for p in SRC.rglob("*.py") if p.name in grab_bags] == []


MAX_SOURCE_LINES = 800  # STYLE.md: files under about 800 lines; split by concept beyond it


def test_no_source_file_is_over_800_lines() -> None:
    long = {
        str(path.relative_to(SRC)): lines
        for path in sorted(SRC.rglob("*.py"))
        if (lines := len(path.read_text().splitlines())) > MAX_SOURCE_LINES
    }
    assert long == {}


# Classes that still share a name with a class of another module, each for a reason. Any other name
# defined twice is a new collision: rename one so that it says what it holds.
SHARED_CLASS_NAMES = {
    # core/findings.Finding and its subclasses for the release gate and the notice check, each on its
    # own scale of gravity (a checker's finding, read as release_check.Finding, notice_findings.Finding).
    "Finding": 3,
    "Severity": 2,  # the release gate's block/warn and the notice check's error/warn
}


def test_no_two_modules_define_a_class_of_the_same_name() -> None:
    defined: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.parse(path.read_text(), filename=str(path)).body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                defined.setdefault(node.name, []).append(str(path.relative_to(SRC)))
    shared = {name: len(paths) for name, paths in defined.items() if len(paths) > 1}
    assert shared == SHARED_CLASS_NAMES


def test_every_core_module_has_a_test_module() -> None:
    tests = Path(__file__).resolve().parent
    missing = []
    for path in sorted((SRC / "core").rglob("*.py")):
        if path.name == "__init__.py":
            continue
        relative = path.relative_to(SRC).with_name(f"test_{path.name}")
        if not (tests / relative).exists():
            missing.append(str(relative))
    assert missing == []


@pytest.mark.parametrize("layer", list(LAYERS_BELOW))
def test_each_layer_imports_only_the_layers_below_it(layer: str) -> None:
    allowed = {layer, *LAYERS_BELOW[layer]}
    forbidden = [f"foidesk.{other}" for other in LAYERS_BELOW if other not in allowed] + ["foidesk.cli"]
    if layer in LAYERS_WITHOUT_DJANGO:
        forbidden += ["django", "ninja"]
    offenders = [
        f"{path.relative_to(SRC)} imports {module}"
        for path in sorted((SRC / layer).rglob("*.py"))
        for module in sorted(_imported_modules(path))
        if any(_is(module, f) for f in forbidden)
    ]
    assert offenders == []


# The commands reach the web layer only through functions that check, audit and read: services, selectors
# and the service modules beside them. Never a model, a view, a form or the admin: a command that queried
# or saved a model itself would skip the permission check and the audit trail (DESIGN.md, STYLE.md).
NOT_FOR_COMMANDS = ("models", "views", "forms", "urls", "admin", "migrations", "templatetags")


def _reaches_past_the_services(module: str) -> bool:
    if not (_is(module, "foidesk.web") or _is(module, "django.contrib")):
        return False
    return any(part in NOT_FOR_COMMANDS or part.endswith("_views") for part in module.split(".")[2:])


def test_the_rule_for_commands_tells_services_from_models_and_views() -> None:
    assert _reaches_past_the_services("foidesk.web.cases.models")
    assert _reaches_past_the_services("foidesk.web.cases.release_views")
    assert _reaches_past_the_services("django.contrib.auth.models")
    assert not _reaches_past_the_services("foidesk.web.cases.services")
    assert not _reaches_past_the_services("foidesk.web.records.selectors")
    assert not _reaches_past_the_services("django.db")


def test_commands_reach_the_web_layer_only_through_services_and_selectors() -> None:
    paths = [*sorted((SRC / "commands").rglob("*.py")), SRC / "cli.py"]
    imported = {path: _imported_modules(path) for path in paths}
    assert any(_is(m, "foidesk.web.records.services") for ms in imported.values() for m in ms)
    offenders = [
        f"{path.relative_to(SRC)} imports {module}"
        for path, modules in imported.items()
        for module in sorted(modules)
        if _reaches_past_the_services(module)
    ]
    assert offenders == []


def _web_unit(module: str) -> str | None:
    """The web app (or top-level web module) a module belongs to: ``foidesk.web.cases.views`` -> cases."""
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[:2] == ["foidesk", "web"] else None


def _web_import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in sorted((SRC / "web").rglob("*.py")):
        relative = path.relative_to(SRC / "web")
        unit = relative.parts[0].removesuffix(".py")
        edges = graph.setdefault(unit, set())
        for module in _imported_modules(path):
            target = _web_unit(module)
            if target is not None and target != unit:
                edges.add(target)
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of ``graph`` as its nodes in order (first repeated last), or [] if it has none."""
    state: dict[str, str] = {}  # "open" while on the path, "done" once every path from it is explored
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = "open"
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = "done"
        return []

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return []


def test_the_cycle_finder_finds_cycles() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": set()}) == []
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"x": {"y"}, "y": {"y"}}) == ["y", "y"]


def test_web_apps_do_not_import_each_other_in_a_circle() -> None:
    graph = _web_import_graph()
    assert {"cases", "publication", "records", "audit", "accounts", "api"} <= set(graph)
    assert "publication" in graph["cases"]  # the graph sees the imports it should ...
    cycle = _cycle(graph)
    assert cycle == [], " -> ".join(cycle)  # ... and none goes round
