"""The package layout keeps its rules: no import reaches up into a package above it (the root package,
the command line), an analyser's helper modules are imported only inside its own package, and the
benchmark contracts (`eval`) are never imported by the analysers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "newsprobe"
ANALYSERS = ("entities", "provenance", "quotes", "claims", "propaganda")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Absolute names of the modules `path` imports (`from x import y` counts x, and x.y when y is a module)."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return {name for name in found if name == "newsprobe" or name.startswith("newsprobe.")}


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_import_reaches_up(path: Path) -> None:
    name = module_name(path)
    for target in imported_modules(path):
        assert target != "newsprobe", f"{name} imports the root package; import the module that defines the name"
        if not name.startswith("newsprobe.cli"):
            assert not target.startswith("newsprobe.cli"), f"{name} imports the command line ({target})"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_analyser_helpers_stay_in_their_package(path: Path) -> None:
    name = module_name(path)
    for target in imported_modules(path):
        parts = target.split(".")
        if len(parts) >= 4 and parts[:2] == ["newsprobe", "analyse"] and parts[2] in ANALYSERS:
            owner = ".".join(parts[:3])
            helper = PACKAGE / "analyse" / parts[2] / f"{parts[3]}.py"
            if helper.exists():
                assert name.startswith(owner), f"{name} imports {target}, a helper of {owner}: use {owner}'s exports"


@pytest.mark.parametrize("path", sorted((PACKAGE / "analyse").rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_analysers_do_not_import_the_benchmark_contracts(path: Path) -> None:
    assert not any(t.startswith("newsprobe.eval") for t in imported_modules(path)), module_name(path)
