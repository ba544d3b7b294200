"""Slide XML written straight into a slide's shape tree with lxml: shapes, text bodies, colours.

python-pptx's object API finds each element again, by XPath, for every property it sets, and
numbers each new shape by scanning the whole slide: a fifth of a deck's time went to look-ups.
A deck writes each element once and never reads it back, so the elements are built here, in
the order the schema requires; python-pptx keeps what it does well, the package around them.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from copy import deepcopy
from dataclasses import dataclass
from functools import lru_cache

from lxml.etree import Element, SubElement, XPath, _Element

from guide.markup import Span
from guide.ooxml import DRAWINGML, PRESENTATIONML, RELATIONSHIPS, required_child
from guide.render.slides.fitting import BULLET_INDENT_PT, INSET_X_PT, INSET_Y_PT, PARAGRAPH_GAP, Item
from guide.render.slides.geometry import Box
from guide.render.slides.measure import LINE_BREAK, LINE_SPACING

A, P, R = DRAWINGML, PRESENTATIONML, RELATIONSHIPS
EMU_PER_PT = 12_700
LINK_COLOR_EXTENSION = "{A12FA001-AC4F-418D-AE19-62706E023703}"
LINK_COLOR = "{http://schemas.microsoft.com/office/drawing/2018/hyperlinkcolor}"
"""PowerPoint's extension that colours a link with its run's colour (``val="tx"``)."""
DECORATIVE_EXTENSION = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}"
"""The extension PowerPoint writes for "Mark as decorative": screen readers skip the shape, its checker asks no alt text."""
SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
"""The field type id PowerPoint gives slide numbers, so numbers follow when slides move."""

_IDS = XPath("//@id")
"""Every id on a slide: compiled once, not for each slide."""

Link = Callable[[str], str]
"""Relates a hyperlink's address to the slide and returns the relationship id runs refer to."""


def emu(points: float) -> str:
    """A length in EMU, truncated as python-pptx's ``Pt`` does, so boxes read back as planned."""
    return str(int(points * EMU_PER_PT))


def centipoints(points: float) -> str:
    """A font size or spacing in hundredths of a point, as DrawingML counts them."""
    return str(int(points * EMU_PER_PT) // 127)


@dataclass(frozen=True)
class Ink:
    """A colour as DrawingML spells it: an RGB value, or one of the template theme's colours."""

    tag: str
    value: str

    @classmethod
    def rgb(cls, hex_color: str) -> Ink:
        return cls("srgbClr", hex_color.lstrip("#").upper())

    @classmethod
    def scheme(cls, name: str) -> Ink:
        return cls("schemeClr", name)

    def paint(self, parent: _Element) -> None:
        """This colour inside ``parent`` (a fill, a line or a bullet's colour)."""
        SubElement(parent, A + self.tag, val=self.value)


@dataclass(frozen=True)
class TextStyle:
    """How the paragraphs of one text body look: size, colour (None inherits), font, language, bullets."""

    size_pt: float
    ink: Ink | None
    font: str | None
    language: str
    bullet_ink: Ink | None
    align: str | None = "l"
    """l, ctr or r; None leaves it to the placeholder's style."""
    link_ink: Ink | None = None
    """The colour of links: the theme's, not the client's default blue."""
    inherits: bool = False
    """Weight left to the template's styles: ``b``/``i`` only where a span is bold or italic."""


class ShapeTree:
    """A slide's shape tree: adds shapes in z-order, each with the next free shape id."""

    def __init__(self, tree: _Element) -> None:
        self.tree = tree
        self.next_id = 1 + max((int(value) for value in _IDS(tree)), default=0)

    def placeholder(self, attributes: Iterable[tuple[str, str]], name: str, box: Box | None) -> _Element:
        """A placeholder inheriting from its layout's (``attributes`` of the layout's ``p:ph``); ``box`` moves it."""
        shape, _ = self._shape(name, box, placeholder=dict(attributes))
        return shape

    def textbox(self, box: Box, name: str) -> _Element:
        shape, geometry = self._shape(name, box, text_box=True)
        _preset(geometry, "rect")
        SubElement(geometry, A + "noFill")
        return shape

    def autoshape(self, preset: str, box: Box, name: str, fill: Ink | None, line: tuple[Ink, float] | None = None) -> _Element:
        """A preset shape filled with ``fill`` (or unfilled), with a ``line`` of (colour, width in points) or none.

        Shapes hold no text in our decks (cards, bars, markers, badges lie under text boxes), so each is decorative.
        """
        shape, geometry = self._shape(name, box, ornament=True)
        _preset(geometry, preset)
        if fill is None:
            SubElement(geometry, A + "noFill")
        else:
            fill.paint(SubElement(geometry, A + "solidFill"))
        outline(geometry, line)
        return shape

    def line(self, box: Box, rising: bool, ink: Ink, width_pt: float, name: str) -> _Element:
        """A straight line across ``box``, falling or ``rising`` to the right (a flipped connector): a rule, so decorative."""
        connector = SubElement(self.tree, P + "cxnSp")
        names = SubElement(connector, P + "nvCxnSpPr")
        decorative(self._name(names, name))
        SubElement(names, P + "cNvCxnSpPr")
        SubElement(names, P + "nvPr")
        geometry = SubElement(connector, P + "spPr")
        _transform(geometry, box, flipped=rising)
        _preset(geometry, "line")
        outline(geometry, (ink, width_pt))
        return connector

    def claim_id(self) -> int:
        """The next shape id, taken: also for an element made elsewhere (a picture)."""
        self.next_id += 1
        return self.next_id - 1

    def _shape(
        self, name: str, box: Box | None, text_box: bool = False, placeholder: dict[str, str] | None = None, ornament: bool = False
    ) -> tuple[_Element, _Element]:
        """A ``p:sp`` with its names and (positioned) shape properties; returns it and its ``p:spPr``."""
        shape = deepcopy(SHAPES[text_box, placeholder is not None, ornament])
        self.tree.append(shape)
        names, geometry = shape
        properties = names[0]
        properties.set("id", str(self.claim_id()))
        properties.set("name", name)
        if placeholder is not None:
            SubElement(names[2], P + "ph", placeholder)
        if box is not None:
            _transform(geometry, box)
        return shape, geometry

    def _name(self, names: _Element, name: str) -> _Element:
        return SubElement(names, P + "cNvPr", id=str(self.claim_id()), name=name)


def _detached(tag: str) -> _Element:
    """A new element inside a detached shape tree that declares the prefixes a slide declares, so its copies carry no others."""
    return SubElement(Element(P + "spTree", nsmap={"a": DRAWINGML[1:-1], "p": PRESENTATIONML[1:-1]}), tag)


def _shape_prototype(text_box: bool, placeholder: bool, ornament: bool) -> _Element:
    """An empty ``p:sp`` of one kind, to copy: a copy is a third of the time of building its elements one by one.

    Its id and name are left blank (set on each copy, in this order); a placeholder's copy gets its ``p:ph``.
    """
    shape = _detached(P + "sp")
    names = SubElement(shape, P + "nvSpPr")
    properties = SubElement(names, P + "cNvPr", id="", name="")
    if ornament:
        decorative(properties)
    kind = SubElement(names, P + "cNvSpPr", txBox="1") if text_box else SubElement(names, P + "cNvSpPr")
    SubElement(names, P + "nvPr")
    if placeholder:
        SubElement(kind, A + "spLocks", noGrp="1")
    SubElement(shape, P + "spPr")
    return shape


def decorative(properties: _Element) -> None:
    """Mark the shape whose ``p:cNvPr`` is ``properties`` decorative, as PowerPoint's "Mark as decorative" does."""
    extensions = properties.find(A + "extLst")
    if extensions is None:
        extensions = SubElement(properties, A + "extLst")
    for old in extensions.findall(f"{A}ext[@uri='{DECORATIVE_EXTENSION}']"):
        extensions.remove(old)
    extension = SubElement(extensions, A + "ext", uri=DECORATIVE_EXTENSION)
    SubElement(extension, DECORATIVE + "decorative", {"val": "1"}, nsmap={"adec": DECORATIVE[1:-1]})


SHAPES = {kind: _shape_prototype(*kind) for kind in itertools.product((False, True), repeat=3)}
"""The empty shape of each kind (text box, placeholder, ornament), made once, copied for every shape."""


def _transform(geometry: _Element, box: Box, flipped: bool = False) -> None:
    """Position and size; ``flipped`` mirrors the shape top to bottom (a line rising to the right)."""
    transform = SubElement(geometry, A + "xfrm", flipV="1") if flipped else SubElement(geometry, A + "xfrm")
    SubElement(transform, A + "off", x=emu(box.left), y=emu(box.top))
    SubElement(transform, A + "ext", cx=emu(box.width), cy=emu(box.height))


def _preset(geometry: _Element, preset: str) -> None:
    SubElement(SubElement(geometry, A + "prstGeom", prst=preset), A + "avLst")


def outline(geometry: _Element, line_style: tuple[Ink, float] | None) -> None:
    """A shape's line: (colour, width in points), or none at all."""
    line = SubElement(geometry, A + "ln")
    if line_style is None:
        SubElement(line, A + "noFill")
    else:
        ink, width_pt = line_style
        line.set("w", emu(width_pt))
        ink.paint(SubElement(line, A + "solidFill"))


def background(slide: _Element, ink: Ink) -> None:
    """Fill the slide's background with ``ink``, in place of its layout's."""
    common = required_child(slide, P + "cSld")
    fill = common.makeelement(P + "bg", {})
    common.insert(0, fill)
    properties = SubElement(fill, P + "bgPr")
    ink.paint(SubElement(properties, A + "solidFill"))
    SubElement(properties, A + "effectLst")


def text_body(shape: _Element, anchor: str | None) -> _Element:
    """The shape's text body: wrapped, fixed insets, never auto-fitted, so text sits where the plan measured it."""
    body = deepcopy(TEXT_BODY)
    shape.append(body)
    if anchor:
        body[0].set("anchor", anchor)
    return body


def _text_body_prototype() -> _Element:
    """An empty text body of :func:`text_body`'s, to copy (its anchor is set on each copy)."""
    body = _detached(P + "txBody")
    inset_x, inset_y = emu(INSET_X_PT), emu(INSET_Y_PT)
    properties = SubElement(body, A + "bodyPr", wrap="square", lIns=inset_x, tIns=inset_y, rIns=inset_x, bIns=inset_y)
    SubElement(properties, A + "noAutofit")
    SubElement(body, A + "lstStyle")
    return body


TEXT_BODY = _text_body_prototype()


def plain_body(shape: _Element) -> _Element:
    """A text body that takes everything from the layout (a template's footer placeholders, speaker notes)."""
    body = SubElement(shape, P + "txBody")
    SubElement(body, A + "bodyPr")
    SubElement(body, A + "lstStyle")
    return body


def items(body: _Element, fitted: Sequence[Item], style: TextStyle, link: Link) -> None:
    """The items as paragraphs: exact line spacing, a gap after all but the last, accent bullets."""
    for index, item in enumerate(fitted):
        paragraph = SubElement(body, A + "p")
        marker = str(item.number) if item.number else "•" if item.bullet else ""
        _paragraph_properties(paragraph, marker, style, last=index == len(fitted) - 1, indented=item.indented)
        for span in item.spans:
            _run(paragraph, span, style, link)


def _paragraph_properties(paragraph: _Element, marker: str, style: TextStyle, last: bool, indented: bool) -> None:
    paragraph.append(deepcopy(_paragraph_properties_of(marker, style, last, indented)))


@lru_cache(maxsize=256)
def _paragraph_properties_of(marker: str, style: TextStyle, last: bool, indented: bool) -> _Element:
    """A paragraph's ``a:pPr``, built once for each style: a deck's many paragraphs share a few.

    ``marker`` is "•" (a bullet), an item's number ("3") or "" (none); a marker hangs in the
    indent. A paragraph without one stands in the indent where ``indented`` (a list item carried
    on from the slide before). Copying a finished element is a third of the time of building it again.
    """
    margin = int(BULLET_INDENT_PT * EMU_PER_PT) if indented else 0
    indent = margin if marker else 0
    properties = SubElement(_scratch(), A + "pPr", marL=str(margin), indent=str(-indent))
    if style.align:
        properties.set("algn", style.align)
    _spacing(properties, "lnSpc", style.size_pt * LINE_SPACING)
    _spacing(properties, "spcBef", 0)
    _spacing(properties, "spcAft", 0 if last else style.size_pt * PARAGRAPH_GAP)
    if marker:
        if style.bullet_ink:
            style.bullet_ink.paint(SubElement(properties, A + "buClr"))
        if marker == "•":
            SubElement(properties, A + "buChar", char="•")
        else:
            SubElement(properties, A + "buAutoNum", type="arabicPeriod", startAt=str(marker))
    else:
        SubElement(properties, A + "buNone")
    return properties


def _scratch() -> _Element:
    """A detached paragraph declaring DrawingML's prefix, so copies of what is built in it carry no other."""
    return Element(A + "p", nsmap={"a": DRAWINGML[1:-1]})


def _spacing(properties: _Element, kind: str, points: float) -> None:
    SubElement(SubElement(properties, A + kind), A + "spcPts", val=centipoints(points))


def _run(paragraph: _Element, span: Span, style: TextStyle, link: Link | None) -> _Element:
    run = SubElement(paragraph, A + "r")
    linked = bool(span.href and link)
    properties = deepcopy(_run_properties_of(style, span.bold, span.italic, linked))
    if span.lang:
        properties.set("lang", span.lang)
    run.append(properties)
    if span.href and link:
        # The tooltip says where the link goes, whatever its text: PowerPoint shows it, screen readers read it.
        click = SubElement(properties, A + "hlinkClick", {R + "id": link(span.href), "tooltip": span.href})
        if style.link_ink is not None:
            extension = SubElement(SubElement(click, A + "extLst"), A + "ext", uri=LINK_COLOR_EXTENSION)
            SubElement(extension, LINK_COLOR + "hlinkClr", val="tx")
    first, *rest = span.text.split(LINE_BREAK)
    SubElement(run, A + "t").text = first
    for line in rest:  # a line break the plan measured: a:br, then the text goes on in a run of the same style
        SubElement(SubElement(paragraph, A + "br"), A + "rPr", lang=style.language, sz=centipoints(style.size_pt))
        run = SubElement(paragraph, A + "r")
        run.append(deepcopy(properties))
        SubElement(run, A + "t").text = line
    return run


@lru_cache(maxsize=256)
def _run_properties_of(style: TextStyle, bold: bool, italic: bool, linked: bool = False) -> _Element:
    """A run's ``a:rPr`` without its link, built once for each style, as paragraph properties are.

    A link's run is coloured with the link colour and underlined; the link extension tells
    PowerPoint to show the run's own colour rather than the theme's hyperlink blue.
    """
    properties = SubElement(_scratch(), A + "rPr", lang=style.language, sz=centipoints(style.size_pt))
    if bold or not style.inherits:
        properties.set("b", "1" if bold else "0")
    if italic or not style.inherits:
        properties.set("i", "1" if italic else "0")
    ink = style.link_ink if linked and style.link_ink is not None else style.ink
    if linked:
        properties.set("u", "sng")
    if ink is not None:
        ink.paint(SubElement(properties, A + "solidFill"))
    if style.font:
        SubElement(properties, A + "latin", typeface=style.font)
    return properties


def slide_number(body: _Element, text: str, style: TextStyle) -> None:
    """A paragraph holding the slide-number field, showing ``text`` until an editor renumbers it."""
    paragraph = SubElement(body, A + "p")
    _paragraph_properties(paragraph, "", style, last=True, indented=False)
    _as_slide_number(_run(paragraph, Span(text), style, None))


def plain_paragraphs(body: _Element, lines: Iterable[str], language: str, numbering: bool = False) -> None:
    """One paragraph per line, styled by the layout, only the language set (for proofing); ``numbering`` makes runs slide numbers."""
    for line in lines:
        paragraph = SubElement(body, A + "p")
        if line:
            run = SubElement(paragraph, A + "r")
            SubElement(run, A + "rPr", lang=language)
            SubElement(run, A + "t").text = line
            if numbering:
                _as_slide_number(run)


def _as_slide_number(run: _Element) -> None:
    run.tag = A + "fld"
    run.set("id", SLIDE_NUMBER_FIELD)
    run.set("type", "slidenum")
