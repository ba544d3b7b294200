"""What of an institution's template a renderer can draw itself: colours, backgrounds, pictures and simple shapes.

A slides PDF or handout drawn on a template shows what the template's master and layouts
show behind each slide: their background colour or picture, their pictures (a logo, a
band) and their rectangles, rounded rectangles, ellipses and lines in solid colours.
What cannot be drawn that way (groups, SmartArt, charts and tables, gradients, effects,
free-form shapes) is left out and listed, so the build can say so once per template.
Read with python-pptx, imported only for a theme that names a template.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from guide.errors import quoted
from guide.image_check import image_data_problem
from guide.ooxml import DRAWINGML, PRESENTATIONML, RELATIONSHIPS
from guide.template import EMU_PER_PT, TemplateError, open_template

if TYPE_CHECKING:
    from lxml.etree import _Element
    from pptx.opc.package import Part
    from pptx.presentation import Presentation

A, P, R = DRAWINGML, PRESENTATIONML, RELATIONSHIPS
SCHEME_NAMES = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
"""The colour map every Office template's master uses: text and background names -> the scheme's colours."""
SCHEME_DEFAULTS = {"dk1": "#000000", "lt1": "#FFFFFF", "dk2": "#44546A", "lt2": "#E7E6E6", "accent1": "#4472C4"}
"""Office's own scheme: for a scheme colour a template leaves out."""
SHAPE_KINDS = ("rect", "roundRect", "ellipse", "line")
HEX_DIGITS = re.compile(r"[0-9A-Fa-f]{6}")
MAX_EMU_DIGITS = 12
"""A length of more digits (over 80 km) is no drawing's: read as nothing."""
PLACEHOLDER_KINDS = {"title": "title", "ctrTitle": "title", "subTitle": "subtitle", "body": "body", "obj": "body"}
"""Placeholder types whose text the plan fills -> the kind of text."""
PLACEHOLDER_INHERITS = {"title": "title", "subtitle": "body", "body": "body"}
"""The master placeholder each kind takes what its layout leaves unsaid from."""


@dataclass(frozen=True)
class Art:
    """One drawable element of a master or layout: a shape in solid colours, or a picture (its bytes)."""

    kind: str
    """rect, roundRect, ellipse, line or picture."""
    box: tuple[float, float, float, float]
    """(left, top, width, height) in points from the slide's top left."""
    fill: str | None = None
    outline: str | None = None
    outline_pt: float = 0.0
    image: bytes = b""


@dataclass(frozen=True)
class Backdrop:
    """What a layout shows behind a slide's content: its (or its master's) background and elements, master's first."""

    color: str
    image: bytes = b""
    elements: tuple[Art, ...] = ()
    stops: tuple[str, ...] = ()
    """A gradient background's colours, at its stops (drawn as ``color``, which it cannot be, but checked against them)."""


@dataclass(frozen=True)
class SampleArt:
    """A sample slide's own background (None: its layout's) and its elements that are not placeholders, each drawn or None."""

    background: Backdrop | None
    elements: tuple[Art | None, ...]
    left_out: tuple[str, ...] = ()
    """For each element that cannot be drawn, why (as the template's warning names it); "" for one that can."""

    def carried(self, element: int) -> tuple[Art | None, str]:
        """The element at ``element`` as it can be drawn, and why not where it cannot."""
        if element >= len(self.elements):
            return None, ""
        return self.elements[element], self.left_out[element] if element < len(self.left_out) else ""


@dataclass(frozen=True)
class TemplateArt:
    scheme: dict[str, str]
    """The theme's colour scheme by name (``tx1``, ``bg1``, ``accent1`` ...), each ``#RRGGBB``."""
    backdrops: dict[int, Backdrop]
    """Layout index -> what it shows behind a slide."""
    anchors: dict[int, dict[str, str]] = field(default_factory=dict)
    """Layout index -> where its title, subtitle and body placeholders set their lines (t, ctr or b)."""
    undrawable: tuple[str, ...] = field(default=())
    """What is left out, one description per element, in order."""
    schemes: dict[int, dict[str, str]] = field(default_factory=dict)
    """Layout index -> the scheme under the colour map its slides use: the layout's own (``p:clrMapOvr``), else its master's."""
    samples: tuple[SampleArt, ...] = ()
    """Each sample slide's background and branding candidates as they can be drawn, in the order guide.template_branding reads them."""

    def color(self, name: str) -> str:
        return scheme_color(self.scheme, name)

    def layout_color(self, index: int, name: str) -> str:
        """The colour ``name`` (``tx1``, ``bg1``, ``accent1`` ...) stands for on slides of the layout at ``index``."""
        return scheme_color(self.schemes.get(index, self.scheme), name)


def scheme_color(scheme: dict[str, str], name: str) -> str:
    """The scheme's colour ``name`` (``tx1``, ``accent1`` ...), Office's own where the scheme leaves it out."""
    return scheme.get(name) or SCHEME_DEFAULTS.get(SCHEME_NAMES.get(name, name), "#000000")


def read_template_art(path: Path) -> TemplateArt:
    """The drawable art of the template at ``path``; raises TemplateError for a file that cannot be read."""
    return art_of(open_template(path), path.name)


def art_of(deck: Presentation, name: str) -> TemplateArt:
    """The drawable art of a template already opened (``name`` is its file's); raises TemplateError if it cannot be drawn."""
    try:
        return _art(deck)
    except (AttributeError, KeyError, IndexError, TypeError, ValueError) as error:  # what the package check cannot foresee
        raise TemplateError(f"{quoted(name)} cannot be drawn ({error})") from None


def _art(deck: Presentation) -> TemplateArt:
    scheme = _scheme(_theme(deck.slide_masters[0].part), deck.slide_masters[0].element.find(f"{P}clrMap"))
    undrawable: list[str] = []
    backdrops: dict[int, Backdrop] = {}
    anchors: dict[int, dict[str, str]] = {}
    schemes: dict[int, dict[str, str]] = {}
    for master in deck.slide_masters:  # layouts numbered across all masters, as guide.template numbers them
        theme = _theme(master.part)
        styles = theme.find(f"{A}themeElements/{A}fmtScheme") if theme is not None else None
        master_scheme = _scheme(theme, master.element.find(f"{P}clrMap"))
        master_backdrop = _Reader(master.element, master.part, master_scheme, "the master", undrawable, styles).backdrop(None)
        master_anchors = _anchors(master.element)
        for layout in master.slide_layouts:
            index = len(backdrops)
            override = color_map_override(layout.element)
            schemes[index] = _scheme(theme, override) if override is not None else master_scheme
            inherited = master_backdrop  # the master's background in the layout's colour map: its bg1 may be dark here
            if override is not None:
                inherited = _Reader(master.element, master.part, schemes[index], "the master", undrawable, styles).backdrop(None)
            reader = _Reader(layout.element, layout.part, schemes[index], f"layout '{layout.name}'", undrawable, styles)
            backdrops[index] = reader.backdrop(inherited)
            own = _anchors(layout.element)
            anchors[index] = {kind: anchor or master_anchors.get(PLACEHOLDER_INHERITS[kind]) or "t" for kind, anchor in own.items()}
            anchors[index] |= {kind: anchors[index].get(kind) or master_anchors.get(kind) or "t" for kind in ("title", "body")}
    return TemplateArt(scheme, backdrops, anchors, tuple(dict.fromkeys(undrawable)), schemes, _samples(deck, schemes))


def _samples(deck: Presentation, schemes: dict[int, dict[str, str]]) -> tuple[SampleArt, ...]:
    """What of each sample slide a drawn slide can show when the deck carries it (what it cannot is the branding's to say)."""
    from guide.template_branding import sample_of

    every = (layout for master in deck.slide_masters for layout in master.slide_layouts)
    layouts = {id(layout.part): index for index, layout in enumerate(every)}
    themes = [_theme(master.part) for master in deck.slide_masters]
    styles = {
        id(master.part): theme.find(f"{A}themeElements/{A}fmtScheme") if theme is not None else None
        for master, theme in zip(deck.slide_masters, themes, strict=True)
    }
    found = []
    for number, slide in enumerate(deck.slides, start=1):
        scheme = schemes.get(layouts.get(id(slide.slide_layout.part), 0), {})
        fill_styles = styles.get(id(slide.slide_layout.slide_master.part))
        reader = _Reader(slide.element, slide.part, scheme, f"sample slide {number}", [], fill_styles)
        own = reader.background()
        background = Backdrop(own[0], own[1], (), own[2]) if own else None
        drawn, left_out = [], []
        for element in sample_of(slide.element, 0, reader.color).elements:
            noted = len(reader.undrawable)
            drawn.append(reader.art(element))
            left_out.append("; ".join(reader.undrawable[noted:]))
        found.append(SampleArt(background, tuple(drawn), tuple(left_out)))
    return tuple(found)


def color_map_override(layout: _Element) -> _Element | None:
    """A layout's own colour map (``p:clrMapOvr/a:overrideClrMapping``): a dark layout in a light master swaps bg1 and tx1."""
    return layout.find(f"{P}clrMapOvr/{A}overrideClrMapping")


def _anchors(part: _Element) -> dict[str, str]:
    """Placeholder kind (title, subtitle, body) -> the anchor its own ``a:bodyPr`` gives ('' where it gives none)."""
    found: dict[str, str] = {}
    for shape in part.iterfind(f"{P}cSld/{P}spTree/{P}sp"):
        placeholder = shape.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
        if placeholder is None:
            continue
        kind = PLACEHOLDER_KINDS.get(placeholder.get("type", "body"))
        properties = shape.find(f"{P}txBody/{A}bodyPr")
        if kind and kind not in found:
            found[kind] = str(properties.get("anchor", "")) if properties is not None else ""
    return found


class _Reader:
    """Reads one master or layout part: its background, its drawable shapes, and notes what it cannot draw."""

    def __init__(
        self,
        element: _Element,
        part: Part,
        scheme: dict[str, str],
        where: str,
        undrawable: list[str],
        format_scheme: _Element | None = None,
    ) -> None:
        self.element = element
        self.part = part
        self.scheme = scheme
        self.where = where
        self.undrawable = undrawable
        self.format_scheme = format_scheme
        """The theme's fill, line and background styles (``a:fmtScheme``), which shapes' styles and a ``p:bgRef`` name."""

    def backdrop(self, master: Backdrop | None) -> Backdrop:
        """This part's backdrop: its own background (else the master's), the master's elements (unless hidden), then its own.

        A gradient of its own is drawn as the background under it, but keeps its stops' colours.
        """
        own = self.background()
        stops = own[2] if own else ()
        if own and not stops:
            color, image = own[0], own[1]
        else:
            color, image = (master.color, master.image) if master else (self.color_of_name("bg1"), b"")
            stops = stops or (master.stops if master and not own else ())
        shown = master is not None and self.element.get("showMasterSp", "1") not in ("0", "false")
        inherited = master.elements if master and shown else ()
        return Backdrop(color, image, (*inherited, *self.elements()), stops)

    def background(self) -> tuple[str, bytes, tuple[str, ...]] | None:
        """This part's own background: (colour, picture bytes, a gradient's stop colours), or None where it has none."""
        properties = self.element.find(f"{P}cSld/{P}bg/{P}bgPr")
        if properties is not None:
            return self.fill(next(iter(properties), None), self.color_of_name("bg1"))
        reference = self.element.find(f"{P}cSld/{P}bg/{P}bgRef")
        if reference is not None:
            color = self.color(reference) or self.color_of_name("bg1")
            style = self.background_style(reference)
            return self.fill(style, color) if style is not None else (color, b"", ())
        return None

    def fill(self, fill: _Element | None, placeholder_color: str) -> tuple[str, bytes, tuple[str, ...]] | None:
        """A background's fill (``a:solidFill``, ``a:blipFill``, ``a:gradFill`` ...): its colour, picture or gradient's stops;
        ``placeholder_color`` is what a theme style's ``phClr`` means."""
        kind = _local(fill) if fill is not None else ""
        if fill is not None and kind == "solidFill":
            return self.color(fill, placeholder_color) or placeholder_color, b"", ()
        blip = fill.find(f"{A}blip") if fill is not None and kind == "blipFill" else None
        if blip is not None:
            return placeholder_color, self.image(blip, f"the background picture of {self.where}"), ()
        stops = [self.color(stop, placeholder_color) for stop in fill.iterfind(f"{A}gsLst/{A}gs")] if fill is not None else []
        self.undrawable.append(f"the background of {self.where} (a gradient or pattern)")
        return (placeholder_color, b"", tuple(dict.fromkeys(stop for stop in stops if stop))) if any(stops) else None

    def background_style(self, reference: _Element) -> _Element | None:
        """The theme's background fill style a ``p:bgRef`` names by its ``idx`` (1001 and up), if the theme has it."""
        index = reference.get("idx", "0")
        found = self.format_scheme.find(f"{A}bgFillStyleLst") if self.format_scheme is not None else None
        styles = list(found) if found is not None else []
        number = int(index) - 1001 if index.isdigit() else -1
        return styles[number] if 0 <= number < len(styles) else None

    def elements(self) -> Iterator[Art]:
        tree = self.element.find(f"{P}cSld/{P}spTree")
        if tree is None:
            return
        for child in tree:
            if _local(child) in ("nvGrpSpPr", "grpSpPr", "extLst") or child.find(f"{P}nvSpPr/{P}nvPr/{P}ph") is not None:
                continue  # a placeholder: the slide's own text goes there
            art = self.art(child)
            if art is not None:
                yield art

    def art(self, child: _Element) -> Art | None:
        """One element of the shape tree as it can be drawn (a shape in solid colours, a picture); None, noted, otherwise."""
        tag, name = _local(child), _name(child)
        if tag in ("sp", "cxnSp"):
            art = self.shape(child)
            if art is None and tag == "sp":
                self.undrawable.append(f"shape '{name}' of {self.where}")
            return art
        if tag == "pic":
            return self.picture(child)
        kind = {"grpSp": "group", "graphicFrame": "SmartArt, chart or table"}.get(tag, tag)
        self.undrawable.append(f"{kind} '{name}' of {self.where}")
        return None

    def shape(self, shape: _Element) -> Art | None:
        """A shape in solid colours or none; None for what cannot be drawn so (a free form, a gradient, an effect)."""
        properties = shape.find(f"{P}spPr")
        box = _box(properties)
        preset = properties.find(f"{A}prstGeom") if properties is not None else None
        if properties is None or box is None or preset is None or preset.get("prst") not in SHAPE_KINDS:
            return None
        if properties.find(f"{A}effectLst/*") is not None or properties.find(f"{A}gradFill") is not None:
            return None
        if shape.find(f"{P}txBody/{A}p/{A}r") is not None:
            return None  # text on a master shape: not drawn (fonts and sizes of its own)
        style = shape.find(f"{P}style")
        solid = properties.find(f"{A}solidFill")
        fill = self.color(solid) if solid is not None else None
        if solid is None and properties.find(f"{A}noFill") is None and style is not None:
            reference = style.find(f"{A}fillRef")
            styled = self.shape_style(reference, "fillStyleLst")
            if styled is not None and _local(styled) != "solidFill":
                return None  # a theme fill that is a gradient or picture
            fill = self.color(reference) if styled is not None and reference is not None else None
        line = properties.find(f"{A}ln")
        outline = line.find(f"{A}solidFill") if line is not None else None
        stroke = self.color(outline) if outline is not None else None
        width = _points(line.get("w", "12700")) if line is not None else 0.0
        unsaid = line is None or (outline is None and line.find(f"{A}noFill") is None)
        if unsaid and style is not None:  # the theme's line style the shape's style names: its colour, its weight
            reference = style.find(f"{A}lnRef")
            styled = self.shape_style(reference, "lnStyleLst")
            if styled is not None and reference is not None:
                stroke = self.color(reference)
                width = _points(line.get("w")) if line is not None and line.get("w") else _points(styled.get("w", "12700"))
        kind = preset.get("prst", "rect")
        return Art(kind, box, fill, stroke, width if stroke else 0.0)

    def shape_style(self, reference: _Element | None, styles: str) -> _Element | None:
        """The theme's fill or line style (``fillStyleLst``, ``lnStyleLst``) a shape's ``a:fillRef``/``a:lnRef`` names; None for none."""
        index = reference.get("idx", "0") if reference is not None else "0"
        found = self.format_scheme.find(f"{A}{styles}") if self.format_scheme is not None else None
        listed = list(found) if found is not None else []
        number = int(index) - 1 if index.isdigit() else -1
        return listed[number] if 0 <= number < len(listed) else None

    def picture(self, picture: _Element) -> Art | None:
        box = _box(picture.find(f"{P}spPr"))
        blip = picture.find(f"{P}blipFill/{A}blip")
        if box is None or blip is None:
            self.undrawable.append(f"picture '{_name(picture)}' of {self.where}")
            return None
        data = self.image(blip, f"picture '{_name(picture)}' of {self.where}")
        return Art("picture", box, image=data) if data else None

    def image(self, blip: _Element, what: str) -> bytes:
        """The bytes of the picture a ``a:blip`` embeds, checked within the bounds a topic's pictures have.

        None, and ``what`` noted as left out, where it links out or is missing, is not a PNG
        or JPEG, is damaged, or is larger than those bounds (a decompression bomb): a drawn
        slide decodes it, so it is judged before anything does.
        """
        relationship = blip.get(f"{R}embed")
        try:
            part = self.part.related_part(relationship) if relationship else None
        except KeyError:
            part = None
        if part is None:
            self.undrawable.append(what)
            return b""
        data: bytes = part.blob
        problem = image_data_problem(data, quoted(str(part.partname).lstrip("/")))
        if problem:
            self.undrawable.append(f"{what}: {problem}")
            return b""
        return data

    def color(self, parent: _Element, placeholder_color: str | None = None) -> str | None:
        """The colour inside ``parent`` (``srgbClr``, ``schemeClr`` or ``sysClr``), its shades left out;
        a theme style's ``phClr`` is ``placeholder_color``."""
        for child in parent:
            tag = _local(child)
            if tag == "srgbClr":
                return _hex(child.get("val"))
            if tag == "schemeClr" and child.get("val") == "phClr":
                return placeholder_color
            if tag == "schemeClr":
                return self.color_of_name(str(child.get("val", "tx1")))
            if tag == "sysClr":
                return _hex(child.get("lastClr"))
        return None

    def color_of_name(self, name: str) -> str:
        return scheme_color(self.scheme, name)


def _theme(master: Part) -> _Element | None:
    """The theme a master uses, parsed; None where it has none or it is not XML."""
    from lxml import etree
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        return etree.fromstring(master.part_related_by(RT.THEME).blob)
    except (KeyError, etree.XMLSyntaxError):
        return None


def _scheme(theme: _Element | None, mapping: _Element | None) -> dict[str, str]:
    """The theme's colour scheme, under its own names and the names text and backgrounds use.

    Those names go through the colour map ``mapping`` (a master's or a layout's): a dark master
    maps ``bg1`` to ``dk1`` and ``tx1`` to ``lt1``, so its text is light, as PowerPoint shows it.
    """
    scheme: dict[str, str] = {}
    if theme is None:
        return scheme
    colors = theme.find(f"{A}themeElements/{A}clrScheme")
    for entry in colors if colors is not None else ():
        name = _local(entry)
        value = next(iter(entry), None)
        if value is not None:
            written = _hex(value.get("val") if value.tag == f"{A}srgbClr" else value.get("lastClr"))
            if written:
                scheme[name] = written
    for alias, name in SCHEME_NAMES.items():
        mapped = mapping.get(alias, name) if mapping is not None else name
        if mapped in scheme:
            scheme[alias] = scheme[mapped]
    return scheme


def _box(properties: _Element | None) -> tuple[float, float, float, float] | None:
    transform = properties.find(f"{A}xfrm") if properties is not None else None
    if transform is None:
        return None
    offset, extent = transform.find(f"{A}off"), transform.find(f"{A}ext")
    if offset is None or extent is None:
        return None
    values = [_points(element.get(key, "0")) for element, key in ((offset, "x"), (offset, "y"), (extent, "cx"), (extent, "cy"))]
    return values[0], values[1], values[2], values[3]


def _hex(value: str | bytes | None) -> str | None:
    """``#RRGGBB`` of a colour the XML gives as six hex digits; None for anything else."""
    text = value.decode(errors="replace") if isinstance(value, bytes) else value or ""
    return f"#{text.upper()}" if HEX_DIGITS.fullmatch(text) else None


def _points(emu: str | bytes | None) -> float:
    """A length the XML gives in EMU, in points; 0 for one that is not a whole number of a sane size."""
    text = emu.decode() if isinstance(emu, bytes) else emu or ""
    if not text.lstrip("-").isdigit() or len(text) > MAX_EMU_DIGITS:
        return 0.0
    return int(text) / EMU_PER_PT


def _local(element: _Element) -> str:
    """An element's tag without its namespace."""
    return str(element.tag).rsplit("}", 1)[-1]


def _name(shape: _Element) -> str:
    names = shape.find(f".//{P}cNvPr")
    return str(names.get("name", "")) if names is not None else ""
