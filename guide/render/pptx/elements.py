"""Slide XML written as text: shapes, pictures, text bodies, colours, in the order the schema requires.

python-pptx's object API finds each element again, by XPath, for every property it sets, and
numbers each new shape by scanning the whole slide. Building the elements with lxml instead
still cost most of a deck's writing: an element per property, then the whole tree serialised
again. A deck writes each shape once and never reads it back, so its shapes are written here
straight as the text lxml would serialise them to, escaped as lxml escapes, and joined into
the slide's XML after whatever its tree holds (a template's branding, a background) when the
slide is written. python-pptx keeps what it does well, the package around them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from lxml.etree import SubElement, XPath, _Element

from guide.markup import Span
from guide.ooxml import DRAWINGML, PRESENTATIONML, RELATIONSHIPS, required_child
from guide.render.slides.fitting import BULLET_INDENT_PT, INSET_X_PT, INSET_Y_PT, PARAGRAPH_GAP, Item
from guide.render.slides.geometry import Box
from guide.render.slides.measure import LINE_BREAK, LINE_SPACING

A, P, R = DRAWINGML, PRESENTATIONML, RELATIONSHIPS
EMU_PER_PT = 12_700
LINK_COLOR_EXTENSION = "{A12FA001-AC4F-418D-AE19-62706E023703}"
LINK_COLOR = "http://schemas.microsoft.com/office/drawing/2018/hyperlinkcolor"
"""PowerPoint's extension that colours a link with its run's colour (``val="tx"``)."""
DECORATIVE_EXTENSION = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}"
"""The extension PowerPoint writes for "Mark as decorative": screen readers skip the shape, its checker asks no alt text."""
DECORATIVE_XML = (
    f'<a:extLst><a:ext uri="{DECORATIVE_EXTENSION}"><adec:decorative xmlns:adec="{DECORATIVE[1:-1]}" val="1"/></a:ext></a:extLst>'
)
SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
"""The field type id PowerPoint gives slide numbers, so numbers follow when slides move."""
SHAPE_TREE_END = b"</p:spTree>"
"""Where a slide's (or notes page's) serialised tree ends: the shapes written here go just before it."""

_IDS = XPath("//@id")
"""Every id on a slide: compiled once, not for each slide."""
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML cannot hold, which lxml refuses."""
_PLAIN_TEXT = re.compile("[^&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]*")
_PLAIN_ATTRIBUTE = re.compile('[^&<>"\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]*')
"""Text with nothing to escape or refuse, as most is."""

Relate = Callable[[str], str]
"""Relates a hyperlink's address to the slide and returns the relationship id runs refer to."""


def emu(points: float) -> str:
    """A length in EMU, truncated as python-pptx's ``Pt`` does, so boxes read back as planned."""
    return str(int(points * EMU_PER_PT))


def centipoints(points: float) -> str:
    """A font size or spacing in hundredths of a point, as DrawingML counts them."""
    return str(int(points * EMU_PER_PT) // 127)


def text(value: str) -> str:
    """``value`` as element text, escaped as lxml escapes it; ValueError (as lxml raises) for what XML cannot hold."""
    if _PLAIN_TEXT.fullmatch(value):
        return value
    if _NOT_XML.search(value):
        raise ValueError("All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters")
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def attribute(value: str) -> str:
    """``value`` as a (double-quoted) attribute's, escaped as lxml escapes it."""
    if _PLAIN_ATTRIBUTE.fullmatch(value):
        return value
    escaped = text(value).replace('"', "&quot;")
    return escaped.replace("\n", "&#10;").replace("\t", "&#9;") if "\n" in escaped or "\t" in escaped else escaped


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

    @property
    def xml(self) -> str:
        """This colour's element (inside a fill, a line or a bullet's colour)."""
        return f'<a:{self.tag} val="{attribute(self.value)}"/>'

    def paint(self, parent: _Element) -> None:
        """This colour inside ``parent``, an element of a slide's tree (its background)."""
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


class Links:
    """The hyperlinks of one slide's runs: each address related to the slide, each colour extension's namespace declared.

    lxml names an undeclared namespace ``ns0``, ``ns1``, ... in the order a slide's elements
    declare it; each link's colour extension declares the next, so the slide reads as it did
    when its elements were built one by one.
    """

    def __init__(self, relate: Relate) -> None:
        self.relate = relate
        self.declared = 0

    def click(self, href: str, colored: bool) -> str:
        """A run's ``a:hlinkClick`` to ``href``, whose tooltip says where it goes; ``colored`` keeps the run's colour."""
        # The tooltip says where the link goes, whatever its text: PowerPoint shows it, screen readers read it.
        opening = f'<a:hlinkClick r:id="{attribute(self.relate(href))}" tooltip="{attribute(href)}"'
        if not colored:
            return opening + "/>"
        prefix = f"ns{self.declared}"
        self.declared += 1
        return (
            f'{opening}><a:extLst><a:ext uri="{LINK_COLOR_EXTENSION}">'
            f'<{prefix}:hlinkClr xmlns:{prefix}="{LINK_COLOR}" val="tx"/></a:ext></a:extLst></a:hlinkClick>'
        )


class ShapeTree:
    """A slide's shape tree: shapes added in z-order, each with the next free shape id, after what its tree holds."""

    def __init__(self, tree: _Element) -> None:
        self.tree = tree
        """The tree's elements (its own properties, a template's branding), serialised with the slide."""
        self.next_id = 1 + max((int(value) for value in _IDS(tree)), default=0)
        self.shapes: list[str] = []
        """The shapes added here, as XML text, in order."""

    def written(self, serialised: bytes) -> bytes:
        """The slide's XML: ``serialised`` (its tree as lxml writes it) with the shapes added here at the end of the tree."""
        head, end, tail = serialised.rpartition(SHAPE_TREE_END)
        return b"".join((head, "".join(self.shapes).encode("utf-8"), end, tail))

    def placeholder(self, attributes: Iterable[tuple[str, str]], name: str, box: Box | None, body: str) -> None:
        """A placeholder inheriting from its layout's (``attributes`` of the layout's ``p:ph``); ``box`` moves it."""
        reference = "".join(f' {key}="{attribute(value)}"' for key, value in attributes)
        kind = f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph{reference}/></p:nvPr>'
        self._shape(name, kind, _transform(box) if box is not None else "", body)

    def textbox(self, box: Box, name: str, body: str) -> None:
        self._shape(name, '<p:cNvSpPr txBox="1"/><p:nvPr/>', _transform(box) + _RECT + "<a:noFill/>", body)

    def autoshape(self, preset: str, box: Box, name: str, fill: Ink | None, line: tuple[Ink, float] | None = None) -> None:
        """A preset shape filled with ``fill`` (or unfilled), with a ``line`` of (colour, width in points) or none.

        Shapes hold no text in our decks (cards, bars, markers, badges lie under text boxes), so each is decorative.
        """
        painted = "<a:noFill/>" if fill is None else f"<a:solidFill>{fill.xml}</a:solidFill>"
        geometry = f'{_transform(box)}<a:prstGeom prst="{attribute(preset)}"><a:avLst/></a:prstGeom>{painted}{outline(line)}'
        self._shape(name, "<p:cNvSpPr/><p:nvPr/>", geometry, "", ornament=True)

    def line(self, box: Box, rising: bool, ink: Ink, width_pt: float, name: str) -> None:
        """A straight line across ``box``, falling or ``rising`` to the right (a flipped connector): a rule, so decorative."""
        self.shapes.append(
            f"<p:cxnSp><p:nvCxnSpPr>{self._name(name, ornament=True)}<p:cNvCxnSpPr/><p:nvPr/></p:nvCxnSpPr>"
            f'<p:spPr>{_transform(box, flipped=rising)}<a:prstGeom prst="line"><a:avLst/></a:prstGeom>{outline((ink, width_pt))}'
            "</p:spPr></p:cxnSp>"
        )

    def picture(self, relationship: str, box: Box, name: str, description: str, frame: tuple[Ink, float] | None = None) -> None:
        """The picture related to the slide as ``relationship``, stretched to ``box``, outlined by ``frame`` (colour, width);
        without a ``description`` it is marked decorative. Written as python-pptx writes a new picture."""
        self.shapes.append(
            f"<p:pic><p:nvPicPr>{self._name(name, ornament=not description, description=description)}"
            '<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>'
            f'<p:blipFill><a:blip r:embed="{attribute(relationship)}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
            f"<p:spPr>{_transform(box)}{_RECT}{outline(frame) if frame is not None else ''}</p:spPr></p:pic>"
        )

    def claim_id(self) -> int:
        """The next shape id, taken: also for an element made elsewhere (a template's branding)."""
        self.next_id += 1
        return self.next_id - 1

    def _shape(self, name: str, kind: str, geometry: str, body: str, ornament: bool = False) -> None:
        """A ``p:sp`` with its names, ``kind`` (its non-visual properties), positioned ``geometry`` and text ``body``."""
        properties = f"<p:spPr>{geometry}</p:spPr>" if geometry else "<p:spPr/>"
        self.shapes.append(f"<p:sp><p:nvSpPr>{self._name(name, ornament)}{kind}</p:nvSpPr>{properties}{body}</p:sp>")

    def _name(self, name: str, ornament: bool, description: str | None = None) -> str:
        """A shape's ``p:cNvPr``: its id, name and description; an ``ornament`` marked decorative."""
        described = "" if description is None else f' descr="{attribute(description)}"'
        opening = f'<p:cNvPr id="{self.claim_id()}" name="{attribute(name)}"{described}'
        return f"{opening}>{DECORATIVE_XML}</p:cNvPr>" if ornament else f"{opening}/>"


_RECT = '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'


def decorative(properties: _Element) -> None:
    """Mark the shape whose ``p:cNvPr`` is ``properties`` (a template's branding) decorative, as PowerPoint's "Mark as decorative" does."""
    extensions = properties.find(A + "extLst")
    if extensions is None:
        extensions = SubElement(properties, A + "extLst")
    for old in extensions.findall(f"{A}ext[@uri='{DECORATIVE_EXTENSION}']"):
        extensions.remove(old)
    extension = SubElement(extensions, A + "ext", uri=DECORATIVE_EXTENSION)
    SubElement(extension, DECORATIVE + "decorative", {"val": "1"}, nsmap={"adec": DECORATIVE[1:-1]})


def _transform(box: Box, flipped: bool = False) -> str:
    """Position and size; ``flipped`` mirrors the shape top to bottom (a line rising to the right)."""
    flip = ' flipV="1"' if flipped else ""
    return f'<a:xfrm{flip}><a:off x="{emu(box.left)}" y="{emu(box.top)}"/><a:ext cx="{emu(box.width)}" cy="{emu(box.height)}"/></a:xfrm>'


def outline(line_style: tuple[Ink, float] | None) -> str:
    """A shape's line: (colour, width in points), or none at all."""
    if line_style is None:
        return "<a:ln><a:noFill/></a:ln>"
    ink, width_pt = line_style
    return f'<a:ln w="{emu(width_pt)}"><a:solidFill>{ink.xml}</a:solidFill></a:ln>'


def background(slide: _Element, ink: Ink) -> None:
    """Fill the slide's background with ``ink``, in place of its layout's."""
    common = required_child(slide, P + "cSld")
    fill = common.makeelement(P + "bg", {})
    common.insert(0, fill)
    properties = SubElement(fill, P + "bgPr")
    ink.paint(SubElement(properties, A + "solidFill"))
    SubElement(properties, A + "effectLst")


_INSET_X, _INSET_Y = emu(INSET_X_PT), emu(INSET_Y_PT)
_BODY_PROPERTIES = f'<a:bodyPr wrap="square" lIns="{_INSET_X}" tIns="{_INSET_Y}" rIns="{_INSET_X}" bIns="{_INSET_Y}"'


def text_body(anchor: str | None, paragraphs: str) -> str:
    """A text body: wrapped, fixed insets, never auto-fitted, so text sits where the plan measured it."""
    anchored = f' anchor="{attribute(anchor)}"' if anchor else ""
    return f"<p:txBody>{_BODY_PROPERTIES}{anchored}><a:noAutofit/></a:bodyPr><a:lstStyle/>{paragraphs}</p:txBody>"


def plain_body(paragraphs: str) -> str:
    """A text body that takes everything from the layout (a template's footer placeholders)."""
    return f"<p:txBody><a:bodyPr/><a:lstStyle/>{paragraphs}</p:txBody>"


def items(fitted: Sequence[Item], style: TextStyle, links: Links) -> str:
    """The items as paragraphs: exact line spacing, a gap after all but the last, accent bullets."""
    written: list[str] = []
    last = len(fitted) - 1
    for index, item in enumerate(fitted):
        marker = str(item.number) if item.number else "•" if item.bullet else ""
        written.append(_paragraph_properties_of(marker, style, index == last, item.indented))
        written += (_run(span, style, links) for span in item.spans)
        written.append("</a:p>")
    return "".join(written)


@lru_cache(maxsize=256)
def _paragraph_properties_of(marker: str, style: TextStyle, last: bool, indented: bool) -> str:
    """A paragraph's start and its ``a:pPr``, written once for each style: a deck's many paragraphs share a few.

    ``marker`` is "•" (a bullet), an item's number ("3") or "" (none); a marker hangs in the
    indent. A paragraph without one stands in the indent where ``indented`` (a list item carried
    on from the slide before).
    """
    margin = int(BULLET_INDENT_PT * EMU_PER_PT) if indented else 0
    indent = margin if marker else 0
    align = f' algn="{attribute(style.align)}"' if style.align else ""
    spacing = (
        _spacing("lnSpc", style.size_pt * LINE_SPACING)
        + _spacing("spcBef", 0)
        + _spacing("spcAft", 0 if last else style.size_pt * PARAGRAPH_GAP)
    )
    if not marker:
        bullet = "<a:buNone/>"
    else:
        color = f"<a:buClr>{style.bullet_ink.xml}</a:buClr>" if style.bullet_ink else ""
        kind = '<a:buChar char="•"/>' if marker == "•" else f'<a:buAutoNum type="arabicPeriod" startAt="{attribute(marker)}"/>'
        bullet = color + kind
    return f'<a:p><a:pPr marL="{margin}" indent="{-indent}"{align}>{spacing}{bullet}</a:pPr>'


def _spacing(kind: str, points: float) -> str:
    return f'<a:{kind}><a:spcPts val="{centipoints(points)}"/></a:{kind}>'


def _run(span: Span, style: TextStyle, links: Links | None) -> str:
    """The span as a run, and where the plan broke its line, a line break and a run of the same style after it."""
    properties = _properties(span, style, links)
    first, *rest = span.text.split(LINE_BREAK)
    written = f"<a:r>{properties}<a:t>{text(first)}</a:t></a:r>"
    for line in rest:  # a line break the plan measured: a:br, then the text goes on in a run of the same style
        written += f'<a:br><a:rPr lang="{attribute(style.language)}" sz="{centipoints(style.size_pt)}"/></a:br>'
        written += f"<a:r>{properties}<a:t>{text(line)}</a:t></a:r>"
    return written


def _properties(span: Span, style: TextStyle, links: Links | None) -> str:
    """A run's ``a:rPr``: its style's, in the span's language, with its link."""
    linked = bool(span.href and links)
    attributes, inner = _run_properties_of(style, span.bold, span.italic, linked)
    if span.href and links:
        inner += links.click(span.href, style.link_ink is not None)
    opening = f'<a:rPr lang="{attribute(span.lang or style.language)}"{attributes}'
    return f"{opening}>{inner}</a:rPr>" if inner else f"{opening}/>"


@lru_cache(maxsize=256)
def _run_properties_of(style: TextStyle, bold: bool, italic: bool, linked: bool = False) -> tuple[str, str]:
    """A run's ``a:rPr`` attributes after its language, and its elements before a link, written once for each style.

    A link's run is coloured with the link colour and underlined; the link extension tells
    PowerPoint to show the run's own colour rather than the theme's hyperlink blue.
    """
    attributes = f' sz="{centipoints(style.size_pt)}"'
    if bold or not style.inherits:
        attributes += f' b="{"1" if bold else "0"}"'
    if italic or not style.inherits:
        attributes += f' i="{"1" if italic else "0"}"'
    if linked:
        attributes += ' u="sng"'
    ink = style.link_ink if linked and style.link_ink is not None else style.ink
    inner = f"<a:solidFill>{ink.xml}</a:solidFill>" if ink is not None else ""
    if style.font:
        inner += f'<a:latin typeface="{attribute(style.font)}"/>'
    return attributes, inner


def slide_number(number: str, style: TextStyle) -> str:
    """A paragraph holding the slide-number field, showing ``number`` until an editor renumbers it."""
    field = f'<a:fld id="{SLIDE_NUMBER_FIELD}" type="slidenum">{_properties(Span(number), style, None)}<a:t>{text(number)}</a:t></a:fld>'
    return _paragraph_properties_of("", style, True, False) + field + "</a:p>"


def plain_paragraphs(lines: Iterable[str], language: str, numbering: bool = False) -> str:
    """One paragraph per line, styled by the layout, only the language set (for proofing); ``numbering`` makes runs slide numbers."""
    opening, closing = (f'<a:fld id="{SLIDE_NUMBER_FIELD}" type="slidenum">', "</a:fld>") if numbering else ("<a:r>", "</a:r>")
    properties = f'<a:rPr lang="{attribute(language)}"/>'
    return "".join(f"<a:p>{opening}{properties}<a:t>{text(line)}</a:t>{closing}</a:p>" if line else "<a:p/>" for line in lines)
