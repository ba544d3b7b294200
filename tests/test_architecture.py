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


def guide_modules_reached_from(package: Path) -> dict[Path, set[str]]:
    """Every guide module a package imports, directly or through other guide modules, with its imports."""
    reached: dict[Path, set[str]] = {}
    pending = sorted(package.rglob("*.py"))
    while pending:
        path = pending.pop()
        if path in reached:
            continue
        reached[path] = imported_modules(path)
        for name in reached[path]:
            if name.startswith("guide."):
                module = PACKAGE.parent / name.replace(".", "/")
                pending += [candidate for candidate in (module.with_suffix(".py"), module / "__init__.py") if candidate.exists()]
    return reached


def test_the_slide_plan_knows_neither_python_pptx_nor_reportlab() -> None:
    reached = guide_modules_reached_from(PACKAGE / "render" / "slides")
    assert PACKAGE / "render" / "slides" / "plan.py" in reached
    offending = {
        str(path.relative_to(PACKAGE)): sorted(name for name in names if name.split(".")[0] in ("pptx", "reportlab", "lxml"))
        for path, names in reached.items()
    }
    assert not {path: names for path, names in offending.items() if names}


REPORTLAB_ADAPTERS = ("render/pdf/internals.py", "render/pdf/tagged_canvas.py")
"""The modules that reach into reportlab's private internals (fonts, paragraph lines, images; tagging), guarded by tests."""


def private_reaches(path: Path) -> list[str]:
    """``something._private`` in a module, other than on ``self`` or ``cls``."""
    return [
        ast.unparse(node)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute)
        and node.attr.startswith("_")
        and not node.attr.startswith("__")
        and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
    ]


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_only_the_adapters_reach_into_reportlabs_internals(path: Path) -> None:
    if str(path.relative_to(PACKAGE)) not in REPORTLAB_ADAPTERS and any(name.startswith("reportlab") for name in imported_modules(path)):
        assert private_reaches(path) == []
