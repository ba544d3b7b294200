"""The layers stay apart: only the loader knows YAML; renderers know only the model and theme."""

from __future__ import annotations

import ast
import importlib
import inspect
import textwrap
from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

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


REPORTLAB_ADAPTER = "render/pdf/internals.py"
"""The one module that reaches into reportlab's private internals (fonts, paragraph lines, images, tagging), guarded by tests."""


PYTHON_NAMES = frozenset((*dir(type), "__file__", "__metadata__", "__origin__", "__wrapped__"))
"""The double-underscore names Python and its typing module give objects; any other (``__NoDefault__``) is a library's own."""


def private_reaches(path: Path) -> list[str]:
    """``something._private`` in a module, other than on ``self`` or ``cls``, and a library's own ``something.__name__``."""
    return [
        ast.unparse(node)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute)
        and node.attr.startswith("_")
        and (not node.attr.startswith("__") or node.attr not in PYTHON_NAMES)
        and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
    ]


def reportlab_private_names(cls: type) -> set[str]:
    """The private names of the reportlab classes ``cls`` derives from: their attributes and what they set on ``self``."""
    names: set[str] = set()
    for base in cls.__mro__:
        if not base.__module__.startswith("reportlab"):
            continue
        names.update(name for name in vars(base) if name.startswith("_") and not name.endswith("__"))
        for node in ast.walk(ast.parse(textwrap.dedent(inspect.getsource(base)))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
                names.update([node.attr] if node.attr.startswith("_") and not node.attr.endswith("__") else [])
    return names


def inherited_reaches(source: str, classes: dict[str, Any]) -> list[str]:
    """In a module's subclasses of reportlab classes: ``self._x`` and ``def _x`` where ``_x`` is reportlab's, and ``self.__x__``.

    ``classes`` are the module's names, to find what each class derives from.
    """
    found: list[str] = []
    for node in ast.parse(source).body:
        cls = classes.get(node.name) if isinstance(node, ast.ClassDef) else None
        if not isinstance(node, ast.ClassDef) or not isinstance(cls, type):
            continue
        private = reportlab_private_names(cls)
        for inner in ast.walk(node):
            if isinstance(inner, ast.Attribute) and isinstance(inner.value, ast.Name) and inner.value.id in ("self", "cls"):
                dunder = inner.attr.startswith("__") and inner.attr.endswith("__") and inner.attr != "__class__"
                if inner.attr in private or (dunder and private):
                    found.append(f"{node.name}: {ast.unparse(inner)}")
            elif isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)) and inner.name in private:
                found.append(f"{node.name}: def {inner.name}")
    return found


def module_reaches(path: Path) -> list[str]:
    module = importlib.import_module("guide." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts))
    return inherited_reaches(path.read_text(encoding="utf-8"), vars(module))


def uses_reportlab(path: Path) -> bool:
    return any(name.startswith("reportlab") for name in imported_modules(path))


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_only_the_adapter_reaches_into_reportlabs_internals(path: Path) -> None:
    if str(path.relative_to(PACKAGE)) != REPORTLAB_ADAPTER and uses_reportlab(path):
        assert private_reaches(path) == []
        assert module_reaches(path) == []


REACHING = """
class Spaced(PDFTextObject):
    def _textOut(self, text, TStar=0):
        self.own = text

class Counting(Canvas):
    def save(self):
        self._own = len(self._code)
        self.__NoDefault__ = ()
"""


def test_the_check_catches_a_subclass_reaching_into_what_it_inherits() -> None:
    """A subclass's ``self._code``, ``self.__NoDefault__`` or ``_textOut`` is a reach into reportlab; its ``self._own`` is not."""
    classes: dict[str, Any] = {"Canvas": Canvas, "PDFTextObject": PDFTextObject}
    exec(REACHING, classes)  # the example above, to see what the check makes of it
    assert sorted(inherited_reaches(REACHING, classes)) == ["Counting: self.__NoDefault__", "Counting: self._code", "Spaced: def _textOut"]
