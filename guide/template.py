"""What an institution's slide template offers: its layouts, their placeholders, the role each serves.

Layouts are matched to our slide roles by the placeholders they hold, not by their names, so
a template whose layouts are called "Titelfolie" or "Título e conteúdo" works without any
configuration; a theme's ``slides.layouts`` names a layout for a role when detection should
not decide. Read with python-pptx, so only builds that make decks pay for importing it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from guide.errors import GuideError, quoted
from guide.ooxml import DRAWINGML, PRESENTATIONML
from guide.package_check import PackageError, checked_package
from guide.theme import SLIDE_ROLES

if TYPE_CHECKING:
    from lxml.etree import _Element
    from pptx.presentation import Presentation

EMU_PER_PT = 12_700
DECK_ROLES = ("title", "content", "title_only")
"""The roles our decks use; a template must serve these. The others are reported for information."""
SECTION_SHARE = 0.5
"""A one-body layout whose body is under this share of the content body's area is a section header."""
_KINDS = {
    "title": "title",
    "ctrTitle": "title",
    "subTitle": "subtitle",
    "body": "body",
    "obj": "body",
    "pic": "picture",
    "dt": "date",
    "ftr": "footer",
    "sldNum": "slide_number",
}
"""Placeholder types as the XML spells them -> our kinds; a type missing is an object (a body)."""
_INHERITS = {"title": "title", "ctrTitle": "title", "dt": "dt", "ftr": "ftr", "sldNum": "sldNum"}
"""The master placeholder a layout placeholder takes its box from, by type; all others take the body's."""
_LATIN_FONT = re.compile(rb"<a:(major|minor)Font>\s*<a:latin[^>]*typeface=\"([^\"]*)\"")


class TemplateError(GuideError):
    """A template that cannot be read, or that lacks what a slide role needs."""

    def __init__(self, message: str, role: str | None = None) -> None:
        super().__init__(message)
        self.role = role


@dataclass(frozen=True)
class Placeholder:
    """One placeholder of a layout: its kind, its index (which slides refer to) and its box in points."""

    kind: str
    """title, subtitle, body, picture, date, footer, slide_number or other."""
    idx: int
    name: str
    box: tuple[float, float, float, float] | None
    """(left, top, width, height) in points; None when neither the layout nor its master says."""
    reference: tuple[tuple[str, str], ...]
    """The layout's ``p:ph`` attributes a slide's placeholder repeats to inherit from it (type, idx, orient, sz)."""

    @property
    def area(self) -> float:
        return self.box[2] * self.box[3] if self.box else 0.0


@dataclass(frozen=True)
class Layout:
    index: int
    name: str
    placeholders: tuple[Placeholder, ...]

    def all(self, kind: str) -> list[Placeholder]:
        return [placeholder for placeholder in self.placeholders if placeholder.kind == kind]

    def first(self, kind: str) -> Placeholder | None:
        found = self.all(kind)
        return found[0] if found else None

    @property
    def content_kinds(self) -> set[str]:
        """Kinds of the placeholders that hold content (not date, footer or slide number)."""
        return {placeholder.kind for placeholder in self.placeholders if placeholder.kind not in ("date", "footer", "slide_number")}


@dataclass(frozen=True)
class Template:
    path: Path
    width_pt: float
    height_pt: float
    layouts: tuple[Layout, ...]
    roles: Mapping[str, Layout | None]
    """Role -> the layout that serves it (None: no layout can)."""
    fonts: tuple[str, str]
    """The template theme's (heading, body) Latin font names."""
    errors: tuple[TemplateError, ...]
    """Why the template cannot serve a deck: a deck role no layout serves, or a bad layout name."""
    warnings: tuple[str, ...] = ()
    """What reading it dropped: links out of the package."""


def missing_placeholder(role: str, layout: Layout) -> str | None:
    """The placeholder ``layout`` lacks for ``role``, or None when it has all it needs."""
    bodies = len(layout.all("body"))
    if role != "blank" and not layout.first("title"):
        return "title"
    if role == "title" and not (layout.first("subtitle") or bodies):
        return "subtitle"
    if role in ("section", "content") and bodies < 1:
        return "body"
    if role == "two_content" and bodies < 2:
        return "second body"
    return None


def open_template(path: Path) -> Presentation:
    """The template opened with python-pptx; raises TemplateError for an unsafe or damaged file."""
    return _opened(path)[0]


def _opened(path: Path) -> tuple[Presentation, tuple[str, ...]]:
    """The template opened from its checked package, and the warnings of the check (relationships dropped)."""
    from pptx import Presentation

    try:
        package = checked_package(path)
        return Presentation(io.BytesIO(package.data)), package.warnings
    except PackageError as error:
        raise TemplateError(str(error)) from None
    except Exception as error:  # python-pptx fails on damaged parts in many ways; each means "not usable"
        raise TemplateError(f"{quoted(path.name)} is not a usable PowerPoint template ({error})") from None


def read_template(path: Path, names: tuple[tuple[str, str], ...] = ()) -> Template:
    """The layouts of the template at ``path`` and the role each serves; ``names`` maps roles to layout names.

    Raises TemplateError for a file that cannot be read; what stops it serving a deck (a name
    no layout has, a layout lacking a placeholder its role needs) is listed in ``errors``.
    """
    deck, warnings = _opened(path)
    try:
        master = _master_dimensions(deck.slide_masters[0]._element)  # python-pptx's layouts are the first master's
        layouts = tuple(
            Layout(index, layout.name, _placeholders(layout._element, master)) for index, layout in enumerate(deck.slide_layouts)
        )
        fonts = _theme_fonts(deck)
        slide_width, slide_height = deck.slide_width, deck.slide_height
        if slide_width is None or slide_height is None:
            raise TemplateError(f"{quoted(path.name)} does not say how large its slides are")
        width, height = slide_width / EMU_PER_PT, slide_height / EMU_PER_PT
    except (AttributeError, KeyError, IndexError, TypeError, ValueError) as error:  # what the package check cannot foresee
        raise TemplateError(f"{quoted(path.name)} is not a usable PowerPoint template ({error})") from None
    roles = detect_roles(layouts)
    errors = []
    for role, name in names:
        try:
            roles[role] = _named(layouts, role, name)
        except TemplateError as error:
            roles[role] = None
            errors.append(error)
    for role in DECK_ROLES:
        if roles[role] is None and role not in dict(names):
            errors.append(TemplateError(f"no layout in '{path.name}' can hold {role} slides: none has {_needs(role)}; {_hint(role)}", role))
    return Template(path, width, height, layouts, roles, fonts, tuple(errors), warnings)


def _needs(role: str) -> str:
    return {
        "title": "a title and a subtitle placeholder",
        "section": "a title and a small body placeholder",
        "content": "a title and a body placeholder",
        "two_content": "a title and two body placeholders",
        "title_only": "a title placeholder",
        "blank": "no title placeholder",
    }[role]


def _hint(role: str) -> str:
    return f"name a layout under slides.layouts.{role} in the theme"


def _named(layouts: tuple[Layout, ...], role: str, name: str) -> Layout:
    for layout in layouts:
        if layout.name.casefold() == name.casefold():
            missing = missing_placeholder(role, layout)
            if missing:
                raise TemplateError(f"layout '{layout.name}' has no {missing} placeholder, which {role} slides need", role)
            return layout
    known = ", ".join(f"'{layout.name}'" for layout in layouts)
    raise TemplateError(f"the template has no layout named '{name}'; its layouts are {known}", role)


def _placeholders(layout: _Element, master: Mapping[str, Mapping[str, int]]) -> tuple[Placeholder, ...]:
    """A layout's placeholders read from its XML; a box the layout leaves out is the master's.

    python-pptx answers the same through a placeholder object per question, looking the
    master's placeholder up again for each; reading a template took a tenth of a second.
    """
    found = []
    for shape, reference in _placeholder_shapes(layout):
        kind = reference.get("type", "obj")
        dimensions = {**master.get(_INHERITS.get(kind, "body"), {}), **_dimensions(shape)}
        box = _box(dimensions) if len(dimensions) == 4 else None
        properties = shape.find(f"*/{PRESENTATIONML}cNvPr")
        name = "" if properties is None else properties.get("name", "")
        attributes = tuple((key, value) for key, value in reference.attrib.items() if key in ("type", "idx", "orient", "sz"))
        found.append(Placeholder(_KINDS.get(kind, "other"), int(reference.get("idx", "0")), name, box, attributes))
    return tuple(found)


def _box(dimensions: Mapping[str, int]) -> tuple[float, float, float, float]:
    """The (x, y, width, height) in points of a shape's x, y, cx and cy."""
    return (dimensions["x"] / EMU_PER_PT, dimensions["y"] / EMU_PER_PT, dimensions["cx"] / EMU_PER_PT, dimensions["cy"] / EMU_PER_PT)


def _master_dimensions(master: _Element) -> dict[str, dict[str, int]]:
    """The position and size the master gives each placeholder type (the first of each type)."""
    found: dict[str, dict[str, int]] = {}
    for shape, reference in _placeholder_shapes(master):
        found.setdefault(reference.get("type", "obj"), _dimensions(shape))
    return found


def _placeholder_shapes(slide: _Element) -> Iterator[tuple[_Element, _Element]]:
    """(shape, its ``p:ph``) for each placeholder at the top of a slide's shape tree, in order."""
    for shape in slide.iterfind(f"{PRESENTATIONML}cSld/{PRESENTATIONML}spTree/*"):
        reference = shape.find(f"*/{PRESENTATIONML}nvPr/{PRESENTATIONML}ph")
        if reference is not None:
            yield shape, reference


def _dimensions(shape: _Element) -> dict[str, int]:
    """The x, y, cx and cy (EMU) a shape states itself; graphic frames keep theirs outside the shape properties."""
    transform = shape.find(f"{PRESENTATIONML}spPr/{DRAWINGML}xfrm")
    if transform is None:
        transform = shape.find(f"{PRESENTATIONML}xfrm")
    if transform is None:
        return {}
    found: dict[str, int] = {}
    for part, names in (("off", ("x", "y")), ("ext", ("cx", "cy"))):
        element = transform.find(f"{DRAWINGML}{part}")
        if element is not None:
            found |= {name: int(value) for name in names if (value := element.get(name)) is not None}
    return found


def detect_roles(layouts: tuple[Layout, ...]) -> dict[str, Layout | None]:
    """The layout for each role, judged by placeholders alone; the first of equals wins."""

    def first(candidates: list[Layout]) -> Layout | None:
        return candidates[0] if candidates else None

    titled = [layout for layout in layouts if layout.first("title")]
    one_body = [layout for layout in titled if len(layout.all("body")) == 1 and layout.content_kinds == {"title", "body"}]
    content = max(one_body, key=lambda layout: layout.all("body")[0].area, default=None)
    largest = content.all("body")[0].area if content else 0.0
    return {
        "title": first([layout for layout in titled if layout.first("subtitle") and len(layout.all("body")) == 0]),
        "section": first([layout for layout in one_body if layout.all("body")[0].area < SECTION_SHARE * largest]),
        "content": content,
        "two_content": first([layout for layout in titled if len(layout.all("body")) == 2 and layout.content_kinds == {"title", "body"}]),
        # Without a title-only layout, a content layout serves with its body left out.
        "title_only": first([layout for layout in titled if layout.content_kinds == {"title"}]) or content,
        "blank": first([layout for layout in layouts if not layout.content_kinds]),
    }


def _theme_fonts(deck: Presentation) -> tuple[str, str]:
    """The (heading, body) Latin typefaces of the first master's theme."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    blob = deck.slide_masters[0].part.part_related_by(RT.THEME).blob
    found = {kind.decode(): typeface.decode() for kind, typeface in _LATIN_FONT.findall(blob)}
    return found.get("major", ""), found.get("minor", "")


def describe_template(path: Path) -> str:
    """What ``--check-template`` prints: each layout with its placeholders and the roles it serves."""
    template = read_template(path)
    served: dict[int, list[str]] = {}
    for role in SLIDE_ROLES:
        layout = template.roles[role]
        if layout is not None:
            served.setdefault(layout.index, []).append(role)
    lines = [f"{path.name}: {template.width_pt:g} x {template.height_pt:g} pt, fonts {template.fonts[0]} / {template.fonts[1]}"]
    for layout in template.layouts:
        roles = ", ".join(served.get(layout.index, [])) or "-"
        kinds = ", ".join(f"{placeholder.kind} ({placeholder.idx})" for placeholder in layout.placeholders) or "no placeholders"
        lines.append(f"  [{layout.index}] {layout.name}: {kinds} -> {roles}")
    unserved = [role for role in SLIDE_ROLES if template.roles[role] is None]
    if unserved:
        lines.append(f"  no layout for: {', '.join(unserved)}")
    lines += [f"  warning: {warning}" for warning in template.warnings]
    lines += [f"  error: {error}" for error in template.errors]
    return "\n".join(lines) + "\n"


def default_template_path() -> Path:
    """python-pptx's own blank template, on which our designed decks are drawn."""
    import pptx

    return Path(pptx.__file__).parent / "templates" / "default.pptx"
