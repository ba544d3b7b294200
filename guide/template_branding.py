"""Branding that lives on a template's sample slides: which of it a deck carries onto which slides.

Marketing departments often put a logo, a coloured marker beside the title or a dark cover
background on the sample slides rather than on the layouts; dropping the sample slides
dropped the institution's identity. Pictures and shapes that recur on two or more sample
slides are branding: they go on the slides of the roles those samples stand for. The first
sample title slide gives the title slide its artwork and background. A background whose
text would not read on it is left behind, and so is what cannot be copied (a chart, a
table, an element linking out), each with a warning. Pure lxml: the deck writer copies
the elements this chooses.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from guide.colors import contrast_ratio
from guide.ooxml import DRAWINGML, PRESENTATIONML, RELATIONSHIPS

if TYPE_CHECKING:
    from lxml.etree import _Element
    from pptx.opc.package import Part
    from pptx.presentation import Presentation
    from pptx.slide import SlideLayout

    from guide.template_art import TemplateArt

COPIED = ("sp", "pic", "cxnSp", "grpSp")
"""Shapes that are copied as they are (their pictures related anew); others (charts, tables, ink) are not."""
TEXT_MINIMUM = 4.5
COVER_SAMPLES = 2
"""A sample title slide gives the cover its artwork only in a template of at least this many samples, not in a lone demo slide."""
BODY_ROLES = ("content", "title_only")


@dataclass(frozen=True)
class Sample:
    """One sample slide: the layout it is on, its shapes other than placeholders, its own background, its title's colour."""

    layout: int
    elements: tuple[_Element, ...]
    background: _Element | None
    background_color: str | None
    """The background's solid colour (``#RRGGBB``), None for a picture, gradient or none."""
    title_color: str | None
    """The colour the sample's own title runs set, if they set one."""


@dataclass(frozen=True)
class Branding:
    """What a deck carries from the sample slides: for each role, (sample, element) indexes, a background, a title colour."""

    elements: Mapping[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    backgrounds: Mapping[str, int] = field(default_factory=dict)
    title_colors: Mapping[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    """What is carried where, for ``--check-template``."""
    warnings: tuple[str, ...] = ()
    """What is left behind, and why."""


def read_samples(deck: Presentation, layouts: Sequence[SlideLayout], art: TemplateArt) -> tuple[list[Sample], Callable[[_Element], object]]:
    """The deck's sample slides, and what makes two of their elements the same: kind, place, size and picture."""
    numbers = {id(layout.part): index for index, layout in enumerate(layouts)}
    signatures: dict[int, object] = {}
    samples = []

    def color(fill: _Element) -> str | None:
        for child in fill:
            if _local(child) == "srgbClr":
                return "#" + child.get("val", "000000").upper()
            if _local(child) == "schemeClr":
                return art.color(child.get("val", "tx1"))
        return None

    for slide in deck.slides:
        sample = sample_of(slide.element, numbers.get(id(slide.slide_layout.part), 0), color)
        for element in sample.elements:
            signatures[id(element)] = _signature(element, slide.part)
        samples.append(sample)
    return samples, lambda element: signatures[id(element)]


def _signature(element: _Element, part: Part) -> object:
    """An element's kind, box (to the point) and, for a picture, its image's digest."""
    transform = element.find(f".//{DRAWINGML}xfrm")
    box = () if transform is None else tuple(round(int(value) / 12_700) for node in transform for value in node.attrib.values())
    images = []
    for blip in element.iter(f"{DRAWINGML}blip"):
        relationship = blip.get(f"{RELATIONSHIPS}embed")
        if relationship and relationship in part.rels:
            images.append(hashlib.sha256(part.related_part(relationship).blob).hexdigest())
    return (_local(element), box, tuple(images))


def sample_of(slide: _Element, layout: int, color: Callable[[_Element], str | None]) -> Sample:
    """A sample slide's parts that may be branding; ``color`` reads a fill's colour (``#RRGGBB``) in the template's scheme."""
    tree = slide.find(f"{PRESENTATIONML}cSld/{PRESENTATIONML}spTree")
    elements = tuple(
        child
        for child in (tree if tree is not None else ())
        if child.find(f"*/{PRESENTATIONML}nvPr/{PRESENTATIONML}ph") is None and _local(child) not in ("nvGrpSpPr", "grpSpPr", "extLst")
    )
    background = slide.find(f"{PRESENTATIONML}cSld/{PRESENTATIONML}bg")
    fill = None if background is None else background.find(f"{PRESENTATIONML}bgPr/{DRAWINGML}solidFill")
    return Sample(layout, elements, background, None if fill is None else color(fill), _title_color(tree, color))


def _title_color(tree: _Element | None, color: Callable[[_Element], str | None]) -> str | None:
    for shape in tree if tree is not None else ():
        reference = shape.find(f"*/{PRESENTATIONML}nvPr/{PRESENTATIONML}ph")
        if reference is not None and reference.get("type") in ("title", "ctrTitle"):
            fill = shape.find(f"{PRESENTATIONML}txBody/{DRAWINGML}p/{DRAWINGML}r/{DRAWINGML}rPr/{DRAWINGML}solidFill")
            return None if fill is None else color(fill)
    return None


def branding(
    samples: Sequence[Sample], role_of: Callable[[int], str], signature: Callable[[_Element], object], text_colors: Mapping[str, str]
) -> Branding:
    """What to carry from ``samples``: ``role_of`` gives a layout's role, ``signature`` what makes two elements the same.

    ``text_colors`` (title, text -> ``#RRGGBB``) are the master's, against which a carried background is checked.
    """
    seen: dict[object, list[tuple[int, int]]] = {}
    for sample_index, sample in enumerate(samples):
        for element_index, element in enumerate(sample.elements):
            seen.setdefault(signature(element), []).append((sample_index, element_index))
    elements: dict[str, list[tuple[int, int]]] = {}
    dropped: dict[str, list[str]] = {}
    for places in seen.values():
        if len({sample for sample, _ in places}) < 2:
            continue
        first = places[0]
        roles = {role_of(samples[sample].layout) for sample, _ in places}
        roles |= set(BODY_ROLES) if roles & set(BODY_ROLES) else set()
        element = samples[first[0]].elements[first[1]]
        reason = _uncopyable(element)
        if reason:
            dropped.setdefault(reason, []).append(_described(element))
            continue
        for role in sorted(roles):
            elements.setdefault(role, []).append(first)
    warnings = [
        f"{', '.join(described)} recur on the sample slides but are not carried over: {reason}" for reason, described in dropped.items()
    ]
    cover = next((index for index, sample in enumerate(samples) if role_of(sample.layout) == "title"), None)
    backgrounds: dict[str, int] = {}
    title_colors: dict[str, str] = {}
    if cover is not None and len(samples) >= COVER_SAMPLES:
        kept = set(elements.get("title", []))
        for element_index, element in enumerate(samples[cover].elements):
            if (cover, element_index) not in kept and not _uncopyable(element):
                elements.setdefault("title", []).append((cover, element_index))
    for index, sample in enumerate(samples):
        role = role_of(sample.layout)
        if sample.background is None or role in backgrounds or (role != "title" and index == cover):
            continue
        colors = {**text_colors, **({"title": sample.title_color} if sample.title_color else {})}
        if role == "title" and sample.title_color:  # a cover's subtitle takes its title's colour
            colors = {"title": sample.title_color}
        unreadable = [
            (kind, color, contrast_ratio(color, sample.background_color))
            for kind, color in colors.items()
            if sample.background_color and contrast_ratio(color, sample.background_color) < TEXT_MINIMUM
        ]
        if unreadable:
            kind, color, ratio = unreadable[0]
            warnings.append(
                f"the background {sample.background_color} of sample slide {index + 1} is not carried onto {role} slides: "
                f"the template's {kind} colour {color} on it has contrast {ratio:.1f}:1"
            )
            continue
        backgrounds[role] = index
        if sample.title_color:
            title_colors[role] = sample.title_color
    notes = [
        f"branding: {', '.join(_described(samples[sample].elements[element]) for sample, element in places)} on {role} slides"
        for role, places in sorted(elements.items())
    ]
    notes += [f"branding: the background of sample slide {index + 1} on {role} slides" for role, index in sorted(backgrounds.items())]
    frozen = {role: tuple(places) for role, places in elements.items()}
    return Branding(frozen, backgrounds, title_colors, tuple(notes), tuple(warnings))


def _uncopyable(element: _Element) -> str | None:
    """Why an element cannot be copied onto a deck's slides, or None."""
    if _local(element) not in COPIED:
        return "charts, tables and other embedded objects are not copied"
    if any((text.text or "").strip() for text in element.iter(f"{DRAWINGML}t")):
        return "text on sample slides is taken for sample content (put lasting text on a layout)"
    for node in element.iter():
        for key in node.attrib:
            if key.startswith(RELATIONSHIPS) and not (key == f"{RELATIONSHIPS}embed" and _local(node) == "blip"):
                return "it refers to another part (a link, a linked picture or an object)"
    return None


def _described(element: _Element) -> str:
    properties = element.find(f"*/{PRESENTATIONML}cNvPr")
    name = "" if properties is None else properties.get("name", "")
    kind = {"pic": "picture", "cxnSp": "line", "grpSp": "group"}.get(_local(element), "shape")
    return f"the {kind} '{name}'" if name else f"a {kind}"


def _local(element: _Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
