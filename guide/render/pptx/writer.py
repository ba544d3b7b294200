"""Slide plan -> .pptx bytes: each slide's shapes written from the plan onto the template's layouts.

Every run gets an explicit size, every text frame explicit insets, line spacing and no
autofit, so the file looks as the plan measured it in PowerPoint, Keynote and LibreOffice.
Our own design also names fonts and colours and places every box; on an institution's
template, fonts, colours, positions and footers come from the template's masters instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.oxml.slide import CT_Slide
from pptx.presentation import Presentation as PresentationObject
from pptx.util import Pt

from guide.errors import RenderError
from guide.markup import Span
from guide.ooxml import required_child
from guide.render.common import Metadata
from guide.render.pictures import greyed
from guide.render.pptx import elements
from guide.render.pptx.branding import carry_branding
from guide.render.pptx.elements import Ink, P, ShapeTree, TextStyle
from guide.render.pptx.internals import new_relationship
from guide.render.pptx.package import DeckPackage, template_package
from guide.render.slides.designs import picture_size
from guide.render.slides.fitting import Item, bold_line
from guide.render.slides.geometry import FOOTER_SIZE_PT, LOGO_CARD_PAD_PT, Box, footer_boxes, logo_box
from guide.render.slides.plan import DeckFonts, DeckPlan, SlidePlan
from guide.render.slides.shapes import Drawing, Line, Shape, TextBlock
from guide.render.slides.style import TEMPLATE_SCHEME, theme_inks
from guide.session import BuildSession
from guide.template import Layout, Placeholder, Template
from guide.theme import Theme

FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)
"""Core properties carry a fixed time (as zip entries do), so the same input gives the same bytes."""
PROPERTY_LIMIT = 255
"""Characters python-pptx allows in a core property; longer titles, subjects and keyword lists are shortened."""
TEMPLATE_INKS = {role: Ink.scheme(name) for role, name in TEMPLATE_SCHEME.items()}

Reference = tuple[tuple[str, str], ...]
FALLBACK_TITLE: Reference = (("type", "title"),)
FALLBACK_SUBTITLE: Reference = (("type", "body"), ("idx", "91"))
FALLBACK_BODY: Reference = (("type", "body"), ("idx", "90"))
"""Placeholders a slide adds where its layout has none: they take the master's styles, at a position of our own."""


class DeckWriter:
    """Writes one plan onto a template: our own design (``designed``) or an institution's."""

    def __init__(
        self, plan: DeckPlan, theme: Theme, metadata: Metadata, fonts: DeckFonts, template: Template, designed: bool, logo_alt: str = ""
    ) -> None:
        self.plan = plan
        self.logo_alt = logo_alt
        """The logo's alt text: the institution it stands for; none marks it decorative."""
        self.metadata = metadata
        self.template = template
        self.designed = designed
        self.logo = theme.logo
        self.font = fonts.title.office_name if fonts.named else None
        self.inks = _inks(theme) if designed else template_inks(template)
        self.link_ink = self.inks["primary"]

    def write(self, session: BuildSession) -> bytes:
        with template_package(self.template.path, session) as package:
            deck = package.deck
            if self.designed:
                package.size_slides(Pt(self.plan.width_pt), Pt(self.plan.height_pt))
            for number, slide_plan in enumerate(self.plan.slides, start=1):
                self._slide(package, slide_plan, number)
            package.name_sections([slide.section or self.metadata.title for slide in self.plan.slides])  # the opening: the topic
            self._core_properties(deck)
            return package.written()

    def _slide(self, package: DeckPackage, plan: SlidePlan, number: int) -> None:
        """The slide's shapes in reading order, which is also their order in the file: the title first, then
        subtitle or body, then the design's drawings (in the order the design reads), the footer last.
        Nothing drawn lies under the title, so putting it first hides nothing; a template's branding goes
        behind everything, marked decorative, so readers skip it."""
        layout = self.template.roles[plan.role]
        if layout is None:
            raise RenderError(f"the template has no layout for {plan.role} slides")
        own_boxes = plan.role in self.template.fallbacks
        slide = _Slide(package, *package.add_slide(layout.index, layout.color_map))
        if not self.designed:
            carry_branding(self.template.branding, plan.role, package.samples, slide.part, slide.element, slide.tree)
        if plan.background and self.designed:
            elements.background(slide.element, self.inks[plan.background])
        title_ink = self.inks[plan.title_ink] if self.designed else self._carried_title_ink(plan.role) or _said(layout.first("title"))
        title = layout.first("title")
        self._text(slide, title, FALLBACK_TITLE, plan.title_box, [self._title_line(plan.title)], plan.title_size_pt, title_ink, anchor="b")
        if plan.subtitle:
            subtitle = None if own_boxes else layout.first("subtitle") or layout.main_body
            ink = self.inks[plan.subtitle.ink] if self.designed else self._carried_title_ink(plan.role) or _said(subtitle)
            align = None if subtitle or self.designed else self._title_align(layout)  # our own box lines up with the title
            self._text(slide, subtitle, FALLBACK_SUBTITLE, plan.subtitle.box, plan.subtitle.items, plan.subtitle.size_pt, ink, align=align)
        if plan.body:
            body = None if own_boxes else layout.main_body
            if body is None and self.designed:
                raise RenderError(f"the template's layout '{layout.name}' has no body placeholder")
            ink = self.inks[plan.body.ink] if self.designed else _said(body)
            self._text(slide, body, FALLBACK_BODY, plan.body.box, plan.body.items, plan.body.size_pt, ink, anchor=plan.body.anchor)
        for drawing in plan.drawing:
            self._draw(slide, drawing)
        if plan.role == "title":
            if self.logo:
                self._logo(slide, self.logo, filled=plan.background is not None)
        else:
            self._footer(slide, layout, number, filled=plan.background is not None)
        package.write_slide(slide.part, slide.element, slide.tree)
        package.add_notes(slide.part, plan.notes.split("\n"), self.plan.language)

    def _carried_title_ink(self, role: str) -> Ink | None:
        """A template's titles (and cover subtitle) take the layout's colour, or that of the sample whose background they carry."""
        color = self.template.branding.title_colors.get(role)
        return Ink.rgb(color) if color else None

    def _title_line(self, title: str) -> Item:
        """The title as one paragraph: bold in our design; in the template's own weight on a template."""
        return bold_line(title) if self.designed else Item((Span(title),), bullet=False)

    def _draw(self, slide: _Slide, drawing: Drawing) -> None:
        """One element of a slide's design, in the colours its roles take."""
        inks = self.inks
        if isinstance(drawing, TextBlock):
            paragraphs = elements.items(drawing.items, self._style(drawing.size_pt, inks[drawing.ink], drawing.align), slide.links)
            slide.tree.textbox(drawing.box, drawing.name, elements.text_body(drawing.anchor, paragraphs))
        elif isinstance(drawing, Shape):
            outline = (inks[drawing.outline], drawing.outline_pt) if drawing.outline else None
            slide.tree.autoshape(drawing.kind, drawing.box, drawing.name, inks[drawing.fill] if drawing.fill else None, outline)
        elif isinstance(drawing, Line):
            box = drawing.box
            slide.tree.line(box, drawing.rising, inks[drawing.ink], drawing.width_pt, drawing.name)
        else:
            frame = (inks[drawing.frame], 1.0) if drawing.frame else None
            file = greyed(Path(drawing.file)) if drawing.grey else Path(drawing.file)
            slide.package.add_picture(slide.part, slide.tree, file, drawing.box, drawing.name, drawing.alt, frame)

    def _style(self, size_pt: float, ink: Ink | None, align: str | None = "l", inherits: bool = False) -> TextStyle:
        """A text body's style; ``inherits`` leaves weight (and ``align`` None alignment) to the template's placeholder styles."""
        return TextStyle(size_pt, ink, self.font, self.plan.language, self.inks["accent"], align, self.link_ink, inherits)

    def _text(
        self,
        slide: _Slide,
        placeholder: Placeholder | None,
        fallback: Reference,
        box: Box,
        items: Sequence[Item],
        size_pt: float,
        ink: Ink | None,
        anchor: str = "t",
        align: str | None = None,
    ) -> None:
        """Fitted items in the layout's placeholder (or, where it has none, one inheriting the master's), placed at ``box``;
        our design anchors and aligns the text, a template's layout does (unless ``align``).

        Every placeholder states its position, as the plan measured it: a client that resolves
        a layout's placeholders differently (LibreOffice's have no ``idx``) still draws it there.
        """
        style = self._style(size_pt, ink, "l" if self.designed else align, inherits=not self.designed)
        body = elements.text_body(anchor if self.designed else None, elements.items(items, style, slide.links))
        reference, name = (placeholder.reference, placeholder.name) if placeholder else (fallback, fallback_name(fallback))
        slide.tree.placeholder(reference, name, box, body)

    def _title_align(self, layout: Layout) -> str | None:
        """How the layout aligns its title: its own placeholder's style, else the master's title style."""
        title = layout.first("title")
        own = title.look.align if title and title.look else None
        return own or (self.template.master_of(layout).title.align if self.template.masters else None)

    def _logo(self, slide: _Slide, path: Path, filled: bool) -> None:
        """The logo at the bottom right of the title slide, on a card of the background colour over a fill."""
        box = logo_box(*picture_size(path), self.plan.width_pt, self.plan.height_pt)
        if filled:
            pad = LOGO_CARD_PAD_PT
            card = Box(box.left - pad, box.top - pad, box.width + 2 * pad, box.height + 2 * pad)
            slide.tree.autoshape("rect", card, "Logo card", self.inks["background"])
        slide.package.add_picture(slide.part, slide.tree, path, box, "Logo", self.logo_alt)

    def _footer(self, slide: _Slide, layout: Layout, number: int, filled: bool) -> None:
        """Our footer line and slide number, pale on a slide filled with colour; a template's own placeholders on its slides."""
        if not self.designed:
            self._template_footer(slide.tree, layout)
            return
        ink = self.inks["on_fill_muted" if filled else "muted"]
        text_box, number_box = footer_boxes(self.plan.width_pt, self.plan.height_pt)
        footer = Item((Span(self.plan.footer),), bullet=False)
        slide.tree.textbox(
            text_box, "Footer", elements.text_body("t", elements.items([footer], self._style(FOOTER_SIZE_PT, ink), slide.links))
        )
        number_paragraph = elements.slide_number(str(number), self._style(FOOTER_SIZE_PT, ink, align="r"))
        slide.tree.textbox(number_box, "Slide Number", elements.text_body("t", number_paragraph))

    def _template_footer(self, tree: ShapeTree, layout: Layout) -> None:
        """The layout's footer and slide-number placeholders (the master's where the layout has none), as Header & Footer adds them."""
        for kind in ("footer", "slide_number"):
            placeholder = self.template.furniture(layout, kind)
            if placeholder is None:
                continue
            own = placeholder in layout.placeholders
            box = Box(*placeholder.box) if placeholder.box and not own else None  # the master's: placed where it puts it
            numbering = placeholder.kind == "slide_number"
            paragraphs = elements.plain_paragraphs(["‹#›" if numbering else self.plan.footer], self.plan.language, numbering)
            tree.placeholder(placeholder.reference, placeholder.name, box, elements.plain_body(paragraphs))

    def _core_properties(self, deck: PresentationObject) -> None:
        properties = deck.core_properties
        properties.title = _shortened(self.metadata.title)
        properties.author = _shortened(self.metadata.author)
        properties.subject = _shortened(self.metadata.subject)
        properties.keywords = _keywords(self.metadata.keywords)
        properties.language = self.metadata.language
        properties.last_modified_by = _shortened(self.metadata.author)
        properties.revision = 1
        properties.created = properties.modified = FIXED_TIME
        properties.last_printed = FIXED_TIME


def fallback_name(reference: Reference) -> str:
    """The name PowerPoint would give a placeholder of this type."""
    return {"title": "Title", "body": "Text Placeholder"}.get(dict(reference).get("type", "body"), "Placeholder")


class _Slide:
    """A slide being written: its package and part (for links and pictures), its shape tree and the links of its runs."""

    def __init__(self, package: DeckPackage, part: Part, element: CT_Slide) -> None:
        self.package = package
        self.part = part
        self.element = element
        self.tree = ShapeTree(required_child(element, f"{P}cSld/{P}spTree"))
        self.links = elements.Links(_Hyperlinks(part))


class _Hyperlinks:
    """The relationship id of a hyperlink from a slide to an address: one per address, however many runs link to it.

    Its own object, not a method of the slide it serves: a slide holding its own method (through its
    links) is a reference cycle, which only a full garbage collection frees.
    """

    def __init__(self, part: Part) -> None:
        self.part = part
        self._linked: dict[str, str] = {}

    def __call__(self, href: str) -> str:
        relationship = self._linked.get(href)
        if relationship is None:
            relationship = self._linked[href] = new_relationship(self.part, href, RT.HYPERLINK)
        return relationship


def _shortened(text: str) -> str:
    """``text`` as a core property: whole, or cut with an ellipsis to the length allowed."""
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1].rstrip() + "…"


def _keywords(keywords: Sequence[str]) -> str:
    """As many whole keywords, in order, as the property holds (a long glossary gives many)."""
    kept: list[str] = []
    for keyword in keywords:
        if len(", ".join([*kept, keyword])) > PROPERTY_LIMIT:
            break
        kept.append(keyword)
    return ", ".join(kept) if kept or not keywords else _shortened(keywords[0])


def _said(placeholder: Placeholder | None) -> Ink | None:
    """The colour a template's placeholder says only on its sample text, which clients differ in passing on: stated on ours."""
    look = placeholder.look if placeholder else None
    if look is None or not look.color_on_text or not look.color:
        return None
    return Ink.rgb(look.color) if look.color.startswith("#") else Ink.scheme(look.color)


def template_inks(template: Template) -> dict[str, Ink]:
    """The plan's colour roles in the template's scheme colours, with those chosen to read on its backgrounds."""
    chosen = {role: Ink.rgb(value) if value.startswith("#") else Ink.scheme(value) for role, value in template.inks}
    return {**TEMPLATE_INKS, **chosen}


def _inks(theme: Theme) -> dict[str, Ink]:
    """The plan's colour roles in the theme's colours."""
    return {role: Ink.rgb(value) for role, value in theme_inks(theme).items()}
