"""Conventions the codebase keeps, enforced (STYLE.md: tests that enforce conventions)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "foidesk"
FORBIDDEN_IN_CORE = (
    "django",
    "ninja",
    "foidesk.web",
    "foidesk.datasets",
    "foidesk.render",
    "foidesk.commands",
)


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


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
