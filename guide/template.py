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
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from guide.errors import GuideError, quoted
from guide.ooxml import DRAWINGML, PRESENTATIONML
from guide.package_check import PackageError, checked_package
from guide.template_branding import Branding

if TYPE_CHECKING:
    from lxml.etree import _Element
    from pptx.presentation import Presentation
    from pptx.slide import SlideLayout, SlideMaster

    from guide.template_colors import TemplateColors

EMU_PER_PT = 12_700
DECK_ROLES = ("title", "content", "title_only")
"""The roles our decks use; every template serves these, in our own boxes where no layout suits."""
SHOWN_ROLES = ("title", "section", "content", "title_only")
"""The roles whose layouts' colours are read and checked: the deck's, and the section header its dividers take if there is one."""
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
FURNITURE = ("date", "footer", "slide_number")
VERTICAL_TEXT = ("vert", "vert270", "eaVert", "wordArtVert", "wordArtVertRtl", "mongolianVert")
"""``bodyPr vert`` values whose text runs top to bottom: no place for a list."""
SAFE_INSET = 0.05
"""Without a title or body on the master, text keeps this share of the slide's size from each edge."""
_INHERITS = {"title": "title", "ctrTitle": "title", "dt": "dt", "ftr": "ftr", "sldNum": "sldNum"}
"""The master placeholder a layout placeholder takes its box from, by type; all others take the body's."""
_LATIN_FONT = re.compile(rb"<a:(major|minor)Font>\s*<a:latin[^>]*typeface=\"([^\"]*)\"")


class TemplateError(GuideError):
    """A template that cannot be read, or that lacks what a slide role needs."""

    def __init__(self, message: str, role: str | None = None) -> None:
        super().__init__(message)
        self.role = role


@dataclass(frozen=True)
class TextLook:
    """How the template sets one kind of text: its font, size, alignment and weight (None: not said)."""

    font: str
    size_pt: float | None = None
    align: str | None = None
    bold: bool | None = None
    color: str | None = None
    """``#RRGGBB``, or the name of a scheme colour (``tx1``, ``bg1``, ``accent2`` ...)."""
    caps: bool | None = None
    """Whether the text shows in capitals (``cap="all"`` or ``"small"``), whatever case it is written in."""
    color_on_text: bool = False
    """The colour is said only on the placeholder's own sample text (its runs or paragraphs), not in its list style:
    clients differ in whether a slide's text takes it, so the deck writes it on its text."""


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
    vertical: bool = False
    """Its text runs top to bottom (``orient="vert"`` or a vertical ``bodyPr``, here or on the master)."""
    look: TextLook | None = None
    """What the layout's placeholder itself says of its first level of text (font, size, ...), over the master's."""

    @property
    def area(self) -> float:
        return self.box[2] * self.box[3] if self.box else 0.0


@dataclass(frozen=True)
class Layout:
    index: int
    """Its position among the layouts of all masters, in order."""
    name: str
    placeholders: tuple[Placeholder, ...]
    type: str = ""
    """What PowerPoint says the layout is for (title, obj, secHead, titleOnly, blank, vertTx, cust, ...)."""
    master: int = 0
    decorations: tuple[tuple[float, float, float, float], ...] = ()
    """Boxes of the shapes and pictures it shows that are not placeholders (its own and its master's): text keeps clear of them."""
    color_map: tuple[tuple[str, str], ...] = ()
    """Its own colour map (bg1 -> dk1, ...), where it overrides its master's: the deck's slides state it too."""

    def all(self, kind: str) -> list[Placeholder]:
        return [placeholder for placeholder in self.placeholders if placeholder.kind == kind]

    def first(self, kind: str) -> Placeholder | None:
        found = self.all(kind)
        return found[0] if found else None

    @property
    def shown(self) -> str:
        """Its name on one line, as messages print it: a line break in it (PowerPoint allows them) shown as ``\\n``."""
        return self.name.replace("\r", "\\r").replace("\n", "\\n")

    @property
    def content_kinds(self) -> set[str]:
        """Kinds of the placeholders that hold content (not date, footer or slide number)."""
        return {placeholder.kind for placeholder in self.placeholders if placeholder.kind not in FURNITURE}

    @property
    def main_body(self) -> Placeholder | None:
        """The largest body whose text runs across: where a list goes (a thin strip beside it is left empty)."""
        bodies = [body for body in self.all("body") if not body.vertical]
        return max(bodies, key=lambda body: body.area, default=None)


@dataclass(frozen=True)
class Master:
    """What a slide master gives every slide drawn on its layouts."""

    safe: tuple[float, float, float, float]
    """The area its title and body placeholders span: where the template lets text go."""
    title: TextLook
    body: TextLook
    furniture: tuple[Placeholder, ...]
    """Its date, footer and slide-number placeholders, for layouts that have none of their own."""


@dataclass(frozen=True)
class Template:
    path: Path
    width_pt: float
    height_pt: float
    layouts: tuple[Layout, ...]
    roles: Mapping[str, Layout | None]
    """Role -> the layout that serves it (None: no layout can)."""
    fonts: tuple[str, str]
    """The (title, body) Latin fonts the content slides' master sets, as its text styles and theme say."""
    errors: tuple[TemplateError, ...]
    """Why the template cannot serve a deck: a layout name that names no layout, or a named layout unfit for its role."""
    warnings: tuple[str, ...] = ()
    """What reading it dropped or could not honour: links out of the package, roles drawn in our own boxes."""
    masters: tuple[Master, ...] = ()
    choices: tuple[str, ...] = ()
    """Why each role got its layout, and why each layout was passed over, for ``--check-template``."""
    fallbacks: frozenset[str] = frozenset()
    """Deck roles no layout suits: drawn on the layout given in ``roles`` in boxes of our own."""
    inks: tuple[tuple[str, str], ...] = ()
    """Colour roles (text, primary, muted, tint) -> a scheme colour's name or ``#RRGGBB`` that reads on the template's backgrounds."""
    branding: Branding = field(default_factory=Branding)
    """What the deck carries from the template's sample slides onto the slides of each role."""
    other_fonts: tuple[str, ...] = ()
    """Fonts the title and title-only slides' layouts set beyond ``fonts`` (a cover's display face): measured too."""
    text_colors: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    """Deck role -> the (title, text) colours, ``#RRGGBB``, slides of its layout show in their placeholders."""

    @property
    def all_fonts(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(font for font in (*self.fonts, *self.other_fonts) if font))

    def master_of(self, layout: Layout) -> Master:
        return self.masters[layout.master]

    def furniture(self, layout: Layout, kind: str) -> Placeholder | None:
        """The layout's footer, date or slide-number placeholder of ``kind``; the master's where the layout has none."""
        own = layout.first(kind)
        if own is not None or not self.masters:
            return own
        return next((placeholder for placeholder in self.master_of(layout).furniture if placeholder.kind == kind), None)


def capital_roles(template: Template) -> tuple[str, ...]:
    """The slide roles whose layouts show their titles in capitals (their title placeholder's style, else their master's)."""
    found = []
    for role, layout in template.roles.items():
        if layout is None:
            continue
        title = layout.first("title")
        own = title.look.caps if title and title.look else None
        master = template.master_of(layout).title.caps if template.masters else None
        if own if own is not None else master:
            found.append(role)
    return tuple(found)


def missing_placeholder(role: str, layout: Layout) -> str | None:
    """The placeholder ``layout`` lacks for ``role``, or None when it has all it needs."""
    bodies = len(layout.all("body"))
    if role != "blank" and not layout.first("title"):
        return "title"
    if role == "title" and not (layout.first("subtitle") or bodies):
        return "subtitle"
    if role in ("section", "content") and layout.main_body is None:
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


def all_layouts(deck: Presentation) -> list[SlideLayout]:
    """The layouts of every master, in order: the numbering ``Layout.index`` and the deck writer share."""
    return [layout for master in deck.slide_masters for layout in master.slide_layouts]


def read_template(path: Path, names: tuple[tuple[str, str], ...] = ()) -> Template:
    """The layouts of the template at ``path`` and the role each serves; ``names`` maps roles to layout names.

    Raises TemplateError for a file that cannot be read or holds no layout at all; what stops
    it serving a deck (a name no layout has, a named layout lacking a placeholder its role
    needs) is listed in ``errors``. A deck role no layout suits is drawn in boxes of our own
    on the best layout there is, with a warning.
    """
    deck, warnings = _opened(path)
    try:
        slide_width, slide_height = deck.slide_width, deck.slide_height
        if slide_width is None or slide_height is None:
            raise TemplateError(f"{quoted(path.name)} does not say how large its slides are")
        width, height = slide_width / EMU_PER_PT, slide_height / EMU_PER_PT
        masters: list[Master] = []
        layouts: list[Layout] = []
        for number, master in enumerate(deck.slide_masters):
            shapes = _master_shapes(master.element)
            fonts = _theme_fonts(master)
            masters.append(_master(master.element, shapes, fonts, width, height))
            for layout in master.slide_layouts:
                element = layout.element
                placeholders = _placeholders(element, shapes, fonts)
                shown = _decorations(master.element) if element.get("showMasterSp", "1") not in ("0", "false") else ()
                decorations = (*shown, *_decorations(element))
                override = element.find(f"{PRESENTATIONML}clrMapOvr/{DRAWINGML}overrideClrMapping")
                color_map = tuple(sorted(override.attrib.items())) if override is not None else ()
                layouts.append(Layout(len(layouts), layout.name, placeholders, element.get("type", ""), number, decorations, color_map))
    except (AttributeError, KeyError, IndexError, TypeError, ValueError) as error:  # what the package check cannot foresee
        raise TemplateError(f"{quoted(path.name)} is not a usable PowerPoint template ({error})") from None
    if not layouts:
        raise TemplateError(f"{quoted(path.name)} has no slide layouts, so no slide can be drawn on it")
    from guide.template_roles import assign_roles

    assignment = assign_roles(tuple(layouts), tuple(masters), width, height)
    roles = dict(assignment.roles)
    errors = []
    named = dict(names)
    for role, name in names:
        try:
            roles[role] = _named(tuple(layouts), role, name)
        except TemplateError as error:
            roles[role] = None
            errors.append(error)
    fallbacks = frozenset(role for role in assignment.fallbacks if role not in named)
    warnings = (*warnings, *(assignment.warnings[role] for role in sorted(fallbacks)))
    content = roles["content"] or layouts[0]
    fonts = (_font(content, "title", masters[content.master].title), _font(content, "body", masters[content.master].body))
    used = [layout for role in DECK_ROLES if (layout := roles.get(role)) is not None]
    others = tuple(
        dict.fromkeys(
            font
            for layout in used
            for font in (_font(layout, "title", masters[layout.master].title), _font(layout, "body", masters[layout.master].body))
            if font and font not in fonts
        )
    )
    colors, branding, text_colors = _colors(path, deck, deck.slide_masters[content.master], roles)
    return Template(
        path,
        width,
        height,
        tuple(layouts),
        roles,
        fonts,
        tuple(errors),
        (*warnings, *branding.warnings, *colors.warnings),
        tuple(masters),
        (*assignment.choices, *branding.notes),
        fallbacks,
        colors.inks,
        branding,
        others,
        text_colors,
    )


def _colors(
    path: Path, deck: Presentation, master: SlideMaster, roles: Mapping[str, Layout | None]
) -> tuple[TemplateColors, Branding, dict[str, tuple[str, str]]]:
    """The colours of what we draw and contrast warnings, what the sample slides carry (branding), and each role's
    (title, text) colours, checked against the backgrounds the deck shows."""
    from guide.template_art import art_of
    from guide.template_branding import branding, read_samples
    from guide.template_colors import STYLES, Ground, ground_of, template_colors, text_color

    art = art_of(deck, path.name)  # the deck read_template opened: opening the package again took 10 ms
    texts = {kind: text_color(master.element, style, art.scheme) for kind, style in STYLES.items()}
    masters = deck.slide_masters

    def colors_of(layout: Layout) -> dict[str, str]:
        """The text colours slides of ``layout`` show: its own title and body placeholders', else its master's,
        scheme colours taken in the layout's colour map."""
        scheme = art.schemes.get(layout.index, art.scheme)
        inherited = {kind: text_color(masters[layout.master].element, style, scheme) for kind, style in STYLES.items()}
        placeholders = {"title": layout.first("title"), "text": layout.main_body or layout.first("subtitle")}
        own = {kind: placeholder.look.color for kind, placeholder in placeholders.items() if placeholder and placeholder.look}
        said = {kind: color if color.startswith("#") else art.layout_color(layout.index, color) for kind, color in own.items() if color}
        return {**inherited, **said}

    role_texts = {role: colors_of(layout) for role in SHOWN_ROLES if (layout := roles.get(role)) is not None}
    role_schemes = {role: art.schemes.get(layout.index, art.scheme) for role in SHOWN_ROLES if (layout := roles.get(role)) is not None}
    samples, signature = read_samples(deck, all_layouts(deck), art)
    indexes = {role: layout.index for role, layout in roles.items() if layout is not None}
    layout_types = [layout.element.get("type", "") for layout in all_layouts(deck)]

    def role_of(index: int) -> str:
        found = [role for role in DECK_ROLES if indexes.get(role) == index]
        return found[0] if found else "title" if layout_types[index] == "title" else "content"

    carried = branding(samples, role_of, signature, texts)
    slide = (float(deck.slide_width or 0) / EMU_PER_PT, float(deck.slide_height or 0) / EMU_PER_PT)
    backgrounds = {
        role: ground_of(f"layout '{layout.name}'", art.backdrops[layout.index], _text_boxes(layout), slide)
        for role in SHOWN_ROLES
        if (layout := roles.get(role)) is not None and layout.index in art.backdrops
    }
    for role, sample in carried.backgrounds.items():  # checked as carried; a cover's text takes its sample title's colour
        color = samples[sample].background_color
        if role == "title" or not color:
            backgrounds.pop(role, None)
        elif role in DECK_ROLES:
            backgrounds[role] = Ground(f"sample slide {sample + 1}", {kind: (color,) for kind in STYLES})
    text_colors = {role: (texts["title"], texts["text"]) for role, texts in role_texts.items()}
    return template_colors(art, role_texts, backgrounds, role_schemes), carried, text_colors


def _text_boxes(layout: Layout) -> dict[str, tuple[float, float, float, float] | None]:
    """Where slides of ``layout`` set their title and their text (None: where it does not say)."""
    placeholders = {"title": layout.first("title"), "text": layout.main_body or layout.first("subtitle")}
    return {kind: placeholder.box if placeholder else None for kind, placeholder in placeholders.items()}


def _font(layout: Layout, kind: str, master: TextLook) -> str:
    """The font a layout's placeholder of ``kind`` sets its text in: its own, else the master's."""
    placeholder = layout.main_body if kind == "body" else layout.first(kind)
    own = placeholder.look.font if placeholder and placeholder.look else ""
    return own or master.font


def starting_sizes(template: Template) -> dict[str, float]:
    """The template's own sizes for titles, the cover's title and lists, where its layouts or masters say."""
    sizes = {}
    for role, layout_role, kind in (("title", "content", "title"), ("cover_title", "title", "title"), ("body", "content", "body")):
        layout = template.roles.get(layout_role)
        if layout is None or not template.masters:
            continue
        placeholder = layout.main_body if kind == "body" else layout.first(kind)
        master = template.master_of(layout)
        styled = master.body if kind == "body" else master.title
        size = (placeholder.look.size_pt if placeholder and placeholder.look else None) or styled.size_pt
        if size:
            sizes[role] = size
    return sizes


def _named(layouts: tuple[Layout, ...], role: str, name: str) -> Layout:
    for layout in layouts:
        if layout.name.casefold() == name.casefold():
            missing = missing_placeholder(role, layout)
            if missing:
                raise TemplateError(f"layout '{layout.name}' has no {missing} placeholder, which {role} slides need", role)
            return layout
    known = ", ".join(f"'{layout.name}'" for layout in layouts)
    raise TemplateError(f"the template has no layout named '{name}'; its layouts are {known}", role)


MasterShapes = Mapping[str, tuple[dict[str, int], bool]]
"""A master's placeholders by type: the position and size it gives them, and whether their text is vertical."""


def _placeholders(layout: _Element, master: MasterShapes, fonts: tuple[str, str] = ("", "")) -> tuple[Placeholder, ...]:
    """A layout's placeholders read from its XML; a box the layout leaves out is the master's.

    python-pptx answers the same through a placeholder object per question, looking the
    master's placeholder up again for each; reading a template took a tenth of a second.
    """
    found = []
    for shape, reference in _placeholder_shapes(layout):
        kind = reference.get("type", "obj")
        inherited, inherited_vertical = master.get(_INHERITS.get(kind, "body"), ({}, False))
        dimensions = {**inherited, **_dimensions(shape)}
        box = _box(dimensions) if len(dimensions) == 4 else None
        properties = shape.find(f"*/{PRESENTATIONML}cNvPr")
        name = "" if properties is None else properties.get("name", "")
        attributes = tuple((key, value) for key, value in reference.attrib.items() if key in ("type", "idx", "orient", "sz"))
        vertical = reference.get("orient") == "vert" or _vertical(shape) or (inherited_vertical and _vertical(shape) is None)
        look = _level_look(shape.find(f"{PRESENTATIONML}txBody/{DRAWINGML}lstStyle/{DRAWINGML}lvl1pPr"), "", fonts)
        if look.color is None and (said := _sample_text_color(shape)):
            look = replace(look, color=said, color_on_text=True)
        kind_name = _KINDS.get(kind, "other")
        found.append(Placeholder(kind_name, int(reference.get("idx", "0")), name, box, attributes, bool(vertical), look))
    return tuple(found)


def _vertical(shape: _Element) -> bool | None:
    """Whether the shape's own text body runs vertically; None when it does not say."""
    properties = shape.find(f"{PRESENTATIONML}txBody/{DRAWINGML}bodyPr")
    direction = None if properties is None else properties.get("vert")
    return None if direction is None else direction in VERTICAL_TEXT


def _box(dimensions: Mapping[str, int]) -> tuple[float, float, float, float]:
    """The (x, y, width, height) in points of a shape's x, y, cx and cy."""
    return (dimensions["x"] / EMU_PER_PT, dimensions["y"] / EMU_PER_PT, dimensions["cx"] / EMU_PER_PT, dimensions["cy"] / EMU_PER_PT)


def _master_shapes(master: _Element) -> dict[str, tuple[dict[str, int], bool]]:
    """The position and size the master gives each placeholder type (the first of each type), and its text direction."""
    found: dict[str, tuple[dict[str, int], bool]] = {}
    for shape, reference in _placeholder_shapes(master):
        found.setdefault(reference.get("type", "obj"), (_dimensions(shape), bool(_vertical(shape))))
    if "obj" in found:
        found.setdefault("body", found["obj"])
    return found


def _master(master: _Element, shapes: MasterShapes, fonts: tuple[str, str], width: float, height: float) -> Master:
    """A master's safe area, text looks and furniture."""
    boxes = [_box(shapes[kind][0]) for kind in ("title", "body") if kind in shapes and len(shapes[kind][0]) == 4]
    boxes = [box for box in boxes if box[2] > 0 and box[3] > 0]
    if boxes:
        left, top = max(0.0, min(box[0] for box in boxes)), max(0.0, min(box[1] for box in boxes))
        right, bottom = min(width, max(box[0] + box[2] for box in boxes)), min(height, max(box[1] + box[3] for box in boxes))
    else:
        left, top, right, bottom = width * SAFE_INSET, height * SAFE_INSET, width * (1 - SAFE_INSET), height * (1 - SAFE_INSET)
    furniture = tuple(placeholder for placeholder in _placeholders(master, shapes, fonts) if placeholder.kind in FURNITURE)
    return Master(
        (left, top, right - left, bottom - top),
        _look(master, "titleStyle", fonts),
        _look(master, "bodyStyle", fonts),
        furniture,
    )


def _decorations(slide: _Element) -> tuple[tuple[float, float, float, float], ...]:
    """The boxes of a master's or layout's own shapes and pictures (not placeholders), where they say them."""
    found = []
    for shape in slide.iterfind(f"{PRESENTATIONML}cSld/{PRESENTATIONML}spTree/*"):
        if shape.find(f"*/{PRESENTATIONML}nvPr/{PRESENTATIONML}ph") is not None:
            continue
        dimensions = _dimensions(shape)  # shapes, pictures, lines and frames; a group's box is left out
        if len(dimensions) == 4 and dimensions["cx"] > 0 and dimensions["cy"] > 0:
            found.append(_box(dimensions))
    return tuple(found)


def _look(master: _Element, style: str, fonts: tuple[str, str]) -> TextLook:
    """The first level of one of the master's text styles: font (theme fonts resolved), size, alignment, weight."""
    level = master.find(f"{PRESENTATIONML}txStyles/{PRESENTATIONML}{style}/{DRAWINGML}lvl1pPr")
    return _level_look(level, fonts[0] if style == "titleStyle" else fonts[1], fonts)


def _level_look(level: _Element | None, default_font: str, fonts: tuple[str, str]) -> TextLook:
    """What a level's paragraph properties (``a:lvl1pPr``) say; theme fonts (``+mj-lt``, ``+mn-lt``) resolved."""
    if level is None:
        return TextLook(default_font)
    run = level.find(f"{DRAWINGML}defRPr")
    latin = None if run is None else run.find(f"{DRAWINGML}latin")
    typeface = default_font if latin is None else latin.get("typeface", default_font)
    font = {"+mj-lt": fonts[0], "+mn-lt": fonts[1]}.get(typeface, typeface)
    size = None if run is None or run.get("sz") is None else int(run.get("sz", "0")) / 100
    bold = None if run is None or run.get("b") is None else run.get("b") in ("1", "true")
    caps = None if run is None or run.get("cap") is None else run.get("cap") in ("all", "small")
    return TextLook(font, size, level.get("algn"), bold, _fill_color(run), caps)


def _fill_color(run: _Element | None) -> str | None:
    """The solid colour a run's properties set: ``#RRGGBB`` or a scheme colour's name."""
    fill = None if run is None else run.find(f"{DRAWINGML}solidFill")
    for child in fill if fill is not None else ():
        if child.tag == f"{DRAWINGML}srgbClr":
            return "#" + child.get("val", "000000").upper()
        if child.tag == f"{DRAWINGML}schemeClr":
            return child.get("val")
    return None


def _sample_text_color(shape: _Element) -> str | None:
    """The colour a placeholder's sample text says on its first paragraph, first run or paragraph end, if any."""
    paragraph = shape.find(f"{PRESENTATIONML}txBody/{DRAWINGML}p")
    if paragraph is None:
        return None
    for path in (f"{DRAWINGML}pPr/{DRAWINGML}defRPr", f"{DRAWINGML}r/{DRAWINGML}rPr", f"{DRAWINGML}endParaRPr"):
        color = _fill_color(paragraph.find(path))
        if color:
            return color
    return None


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


def _theme_fonts(master: SlideMaster) -> tuple[str, str]:
    """The (heading, body) Latin typefaces of a master's theme."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    blob = master.part.part_related_by(RT.THEME).blob
    found = {kind.decode(): typeface.decode() for kind, typeface in _LATIN_FONT.findall(blob)}
    return found.get("major", ""), found.get("minor", "")


def default_template_path() -> Path:
    """python-pptx's own blank template, on which our designed decks are drawn."""
    import pptx

    return Path(pptx.__file__).parent / "templates" / "default.pptx"
