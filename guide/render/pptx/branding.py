"""Branding from a template's sample slides copied onto a deck's slides: pictures, shapes and backgrounds.

guide.template_branding decides what goes where; here the chosen elements are copied behind
everything else on the slide, with fresh shape ids and their pictures related to the new slide.
"""

from __future__ import annotations

import copy

from lxml.etree import _Element
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.parts.slide import SlidePart

from guide.ooxml import DRAWINGML, PRESENTATIONML, RELATIONSHIPS, required_child
from guide.render.pptx.elements import ShapeTree, decorative
from guide.template_branding import Branding, sample_of

SHAPES_START = 2
"""A shape tree's shapes follow its own two property elements."""


def carry_branding(
    branding: Branding, role: str, samples: list[tuple[_Element, SlidePart]], slide: Part, root: _Element, tree: ShapeTree
) -> None:
    """The elements and background ``branding`` gives slides of ``role``, copied onto ``slide`` (whose XML's root is
    ``root``) behind its other shapes."""
    for position, (sample, element) in enumerate(branding.elements.get(role, ())):
        source, part = samples[sample]
        copied = copy.deepcopy(sample_of(source, 0, lambda _: None).elements[element])
        _relate(copied, part, slide)
        for properties in copied.iter(f"{PRESENTATIONML}cNvPr"):
            properties.set("id", str(tree.claim_id()))
        outer = copied.find(f".//{PRESENTATIONML}cNvPr")
        if outer is not None:  # branding, repeated on every slide of its role: screen readers pass over it
            decorative(outer)
        tree.tree.insert(SHAPES_START + position, copied)
    if role in branding.backgrounds:
        source, part = samples[branding.backgrounds[role]]
        background = source.find(f"{PRESENTATIONML}cSld/{PRESENTATIONML}bg")
        if background is not None:
            copied = copy.deepcopy(background)
            _relate(copied, part, slide)
            required_child(root, f"{PRESENTATIONML}cSld").insert(0, copied)


def _relate(element: _Element, source: SlidePart, slide: Part) -> None:
    """Each picture the copied element shows, related to ``slide`` (the same image part, stored once)."""
    for blip in element.iter(f"{DRAWINGML}blip"):
        relationship = blip.get(f"{RELATIONSHIPS}embed")
        if relationship and relationship in source.rels:
            blip.set(f"{RELATIONSHIPS}embed", slide.relate_to(source.related_part(relationship), RT.IMAGE))
