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


ADAPTERS = {"reportlab": "render/pdf/internals.py", "pptx": "render/pptx/internals.py"}
"""Each library's one module that reaches into its private internals, guarded by tests: reportlab's fonts, paragraph
lines, images and tagging; python-pptx's part XML, package relationships and content types."""


UNDOCUMENTED = {"reportlab": frozenset(("glyphPos", "idToObject", "idToObjectNumberAndVersion", "state")), "pptx": frozenset()}
"""Attributes of a library's objects it documents nowhere, read (as its private names are) only in its adapter: where a
face's glyphs start, a font's subsets in a document, a document's objects and their numbers."""


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


def undocumented_reads(path: Path, names: frozenset[str]) -> list[str]:
    """``something.name`` in a module, on ``self`` too, for each of a library's undocumented attribute ``names``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [ast.unparse(node) for node in ast.walk(tree) if isinstance(node, ast.Attribute) and node.attr in names]


def library_private_names(cls: type, library: str) -> set[str]:
    """The private names of the ``library`` classes ``cls`` derives from: their attributes and what they set on ``self``."""
    names: set[str] = set()
    for base in cls.__mro__:
        if base.__module__.split(".")[0] != library:
            continue
        names.update(name for name in vars(base) if name.startswith("_") and not name.endswith("__"))
        for node in ast.walk(ast.parse(textwrap.dedent(inspect.getsource(base)))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
                names.update([node.attr] if node.attr.startswith("_") and not node.attr.endswith("__") else [])
    return names


def inherited_reaches(source: str, classes: dict[str, Any], library: str) -> list[str]:
    """In a module's subclasses of ``library``'s classes: ``self._x`` and ``def _x`` where ``_x`` is the library's, and ``self.__x__``.

    ``classes`` are the module's names, to find what each class derives from.
    """
    found: list[str] = []
    for node in ast.parse(source).body:
        cls = classes.get(node.name) if isinstance(node, ast.ClassDef) else None
        if not isinstance(node, ast.ClassDef) or not isinstance(cls, type):
            continue
        private = library_private_names(cls, library)
        for inner in ast.walk(node):
            if isinstance(inner, ast.Attribute) and isinstance(inner.value, ast.Name) and inner.value.id in ("self", "cls"):
                dunder = inner.attr.startswith("__") and inner.attr.endswith("__") and inner.attr != "__class__"
                if inner.attr in private or (dunder and private):
                    found.append(f"{node.name}: {ast.unparse(inner)}")
            elif isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)) and inner.name in private:
                found.append(f"{node.name}: def {inner.name}")
    return found


def module_reaches(path: Path, library: str) -> list[str]:
    module = importlib.import_module("guide." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts))
    return inherited_reaches(path.read_text(encoding="utf-8"), vars(module), library)


def uses(library: str, path: Path) -> bool:
    return any(name.split(".")[0] == library for name in imported_modules(path))


@pytest.mark.parametrize("library", sorted(ADAPTERS))
@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_only_the_adapter_reaches_into_a_librarys_internals(path: Path, library: str) -> None:
    if str(path.relative_to(PACKAGE)) != ADAPTERS[library] and uses(library, path):
        assert private_reaches(path) == []
        assert module_reaches(path, library) == []
        assert undocumented_reads(path, UNDOCUMENTED[library]) == []


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
    assert sorted(inherited_reaches(REACHING, classes, "reportlab")) == [
        "Counting: self.__NoDefault__",
        "Counting: self._code",
        "Spaced: def _textOut",
    ]


PPTX_REACHING = """
from pptx.opc.serialized import PackageWriter

class Writer(PackageWriter):
    def _write(self):
        self._write_pkg_rels(self._archive)

def tree(slide):
    return slide.part._element
"""


def test_the_check_catches_a_reach_into_python_pptx(tmp_path: Path) -> None:
    """A part's ``_element``, and a package writer's ``_write_pkg_rels`` or ``_write``, are python-pptx's; ``self._archive`` is not."""
    module = tmp_path / "reaching.py"
    module.write_text(PPTX_REACHING, encoding="utf-8")
    classes: dict[str, Any] = {}
    exec(PPTX_REACHING, classes)  # the example above, to see what the check makes of it
    assert uses("pptx", module)
    assert private_reaches(module) == ["slide.part._element"]
    assert sorted(inherited_reaches(PPTX_REACHING, classes, "pptx")) == ["Writer: def _write", "Writer: self._write_pkg_rels"]


UNDOCUMENTED_READING = """
from reportlab.pdfbase.ttfonts import TTFont

def numbers(document):
    return document.idToObjectNumberAndVersion

class Font(TTFont):
    def used(self, document):
        return self.state.get(document), self.face.name
"""


def test_the_check_catches_a_read_of_what_reportlab_documents_nowhere(tmp_path: Path) -> None:
    """A document's ``idToObjectNumberAndVersion`` and a font's own ``self.state`` are reads of reportlab's; ``face.name`` is not."""
    module = tmp_path / "reading.py"
    module.write_text(UNDOCUMENTED_READING, encoding="utf-8")
    assert uses("reportlab", module)
    assert sorted(undocumented_reads(module, UNDOCUMENTED["reportlab"])) == ["document.idToObjectNumberAndVersion", "self.state"]
