"""The layers stay apart: only the loader knows YAML; renderers know only the model and theme."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "guide"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_only_the_loader_imports_yaml(path: Path) -> None:
    if path.parent.name != "load":
        assert not any(name == "yaml" or name.startswith("yaml.") for name in imported_modules(path))


@pytest.mark.parametrize("path", sorted((PACKAGE / "render").rglob("*.py")), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_renderers_do_not_import_the_loader_the_build_or_the_cli(path: Path) -> None:
    forbidden = ("guide.load", "guide.build", "guide.cli", "yaml")
    assert not [name for name in imported_modules(path) if name.startswith(forbidden)]
