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

from lxml.etree import _Element
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.parts.slide import SlidePart
from pptx.presentation import Presentation as PresentationObject
from pptx.util import Pt

from guide.colors import mix
from guide.errors import RenderError
from guide.markup import Span
from guide.render.common import Metadata
from guide.render.pptx import elements
from guide.render.pptx.archive import deck_bytes
from guide.render.pptx.elements import Ink, ShapeTree, TextStyle
from guide.render.pptx.fitting import INSET_X_PT, INSET_Y_PT, Item, bold_line
from guide.render.pptx.geometry import MARGIN_PT, Box
from guide.render.pptx.measure import LINE_SPACING
from guide.render.pptx.package import DeckPackage, add_picture, template_package
from guide.render.pptx.plan import TIMELINE_RAIL_WIDTH_PT, DeckFonts, DeckPlan, PicturePlan, SlidePlan, TimelinePlan, TimelineRow
from guide.session import BuildSession
from guide.template import Layout, Placeholder, Template
from guide.theme import Theme

FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)
"""Core properties carry a fixed time (as zip entries do), so the same input gives the same bytes."""
PROPERTY_LIMIT = 255
"""Characters python-pptx allows in a core property; longer titles, subjects and keyword lists are shortened."""
FOOTER_SIZE_PT = 12.0
LOGO_MAX_WIDTH_PT = 180.0
LOGO_MAX_HEIGHT_PT = 56.0
TEMPLATE_ACCENT, TEMPLATE_RAIL = Ink.scheme("accent1"), Ink.scheme("tx2")
"""On a template, accents and the timeline's rail take the template theme's colours."""


class DeckWriter:
    """Writes one plan onto a template: our own design (``designed``) or an institution's."""

    def __init__(self, plan: DeckPlan, theme: Theme, metadata: Metadata, fonts: DeckFonts, template: Template, designed: bool) -> None:
        self.plan = plan
        self.metadata = metadata
        self.template = template
        self.designed = designed
        self.logo = theme.logo
        self.font = fonts.title.office_name if fonts.named else None
        colors = theme.colors
        self.fills = designed and theme.fills
        self.background = Ink.rgb(colors.background) if designed else Ink.rgb("#FFFFFF")
        if designed:
            self.title_ink: Ink | None = Ink.rgb(colors.primary)
            self.text_ink: Ink | None = Ink.rgb(colors.text)
            self.muted_ink: Ink | None = Ink.rgb(colors.muted)
            self.accent_ink = Ink.rgb(colors.accent)
            self.cover_title_ink: Ink | None = self.background if self.fills else self.title_ink
            self.cover_text_ink: Ink | None = Ink.rgb(mix(colors.background, colors.primary, 0.15)) if self.fills else self.muted_ink
            self.cover_fill = Ink.rgb(colors.primary)
        else:
            self.title_ink = self.text_ink = self.muted_ink = self.cover_title_ink = self.cover_text_ink = None
            self.accent_ink = TEMPLATE_ACCENT

    def write(self, session: BuildSession) -> bytes:
        with template_package(self.template.path, session) as package:
            deck = package.deck
            if self.designed:
                deck.slide_width, deck.slide_height = Pt(self.plan.width_pt), Pt(self.plan.height_pt)
            for number, slide_plan in enumerate(self.plan.slides, start=1):
                self._slide(package, slide_plan, number)
            self._core_properties(deck)
            return deck_bytes(deck, package.memory, package.unchanging)

    def _slide(self, package: DeckPackage, plan: SlidePlan, number: int) -> None:
        layout = self.template.roles[plan.role]
        if layout is None:
            raise RenderError(f"the template has no layout for {plan.role} slides")
        slide = _Slide(*package.add_slide(layout.index))
        cover = plan.role == "title"
        title = _needed(layout, "title")
        ink = self.cover_title_ink if cover else self.title_ink
        self._text(slide, self._placeholder(slide, title, plan.title_box), [bold_line(plan.title)], plan.title_size_pt, ink, anchor="b")
        if cover:
            subtitle = layout.first("subtitle") or layout.first("body")
            if plan.subtitle and subtitle:
                shape = self._placeholder(slide, subtitle, plan.subtitle.box)
                self._text(slide, shape, plan.subtitle.items, plan.subtitle.size_pt, self.cover_text_ink)
            self._cover_design(slide, plan.title_box)
        elif self.designed:
            self._rule(slide.tree, plan.title_box)
        if plan.body:
            body = _needed(layout, "body")
            self._text(slide, self._placeholder(slide, body, plan.body.box), plan.body.items, plan.body.size_pt, self.text_ink)
        if plan.timeline:
            self._timeline(slide, plan.timeline)
        if plan.picture:
            self._picture(slide, plan.picture)
        if not cover:
            self._footer(slide, layout.placeholders, number)
        package.add_notes(slide.part, plan.notes.split("\n"), self.plan.language)

    def _placeholder(self, slide: _Slide, placeholder: Placeholder, box: Box) -> _Element:
        """The layout's placeholder on the slide; our design places it at ``box``, a template's stays where it is."""
        return slide.tree.placeholder(placeholder.reference, placeholder.name, box if self.designed else None)

    def _style(self, size_pt: float, ink: Ink | None, align: str = "l") -> TextStyle:
        return TextStyle(size_pt, ink, self.font, self.plan.language, self.accent_ink, align)

    def _text(
        self, slide: _Slide, shape: _Element, items: Sequence[Item], size_pt: float, ink: Ink | None, anchor: str = "t", align: str = "l"
    ) -> None:
        """Fitted items in a shape; our design anchors the text, a template's layout does."""
        body = elements.text_body(shape, anchor if self.designed else None)
        elements.items(body, items, self._style(size_pt, ink, align), slide.link)

    def _textbox(self, slide: _Slide, box: Box, item: Item, size_pt: float, ink: Ink | None, name: str, align: str = "l") -> None:
        """A text box holding one item at ``box``."""
        self._text(slide, slide.tree.textbox(box, name), [item], size_pt, ink, align=align)

    def _rule(self, tree: ShapeTree, title: Box) -> None:
        """A line under the title, across the content width."""
        y = title.bottom + 4
        tree.line((title.left, y), (title.left + title.width, y), self.accent_ink, 2, "Rule")

    def _cover_design(self, slide: _Slide, title: Box) -> None:
        """Our title slide: filled with the primary colour when the theme fills, an accent bar, the logo."""
        if self.fills:
            elements.background(slide.part._element, self.cover_fill)
        if self.designed:
            slide.tree.autoshape("rect", Box(title.left + INSET_X_PT, title.bottom + 10, 120, 5), "Accent bar", self.accent_ink)
        if self.logo:
            self._logo(slide, self.logo)

    def _logo(self, slide: _Slide, path: Path) -> None:
        """The logo at the bottom right of the title slide, on a card of the background colour over a fill."""
        width, height = _fitted_size(path, LOGO_MAX_WIDTH_PT, LOGO_MAX_HEIGHT_PT)
        left, top = self.plan.width_pt - MARGIN_PT - width, self.plan.height_pt - MARGIN_PT - height
        if self.fills:
            pad = 8
            slide.tree.autoshape("rect", Box(left - pad, top - pad, width + 2 * pad, height + 2 * pad), "Logo card", self.background)
        add_picture(slide.part, slide.tree, path, Box(left, top, width, height), "Logo", "Logo")

    def _footer(self, slide: _Slide, placeholders: Sequence[Placeholder], number: int) -> None:
        if not self.designed:
            self._template_footer(slide.tree, placeholders)
            return
        top = self.plan.height_pt - 34
        width = self.plan.width_pt - 2 * MARGIN_PT
        footer = Item((Span(self.plan.footer),), bullet=False)
        self._textbox(slide, Box(MARGIN_PT, top, width - 80, 24), footer, FOOTER_SIZE_PT, self.muted_ink, "Footer")
        shape = slide.tree.textbox(Box(MARGIN_PT + width - 80, top, 80, 24), "Slide Number")
        body = elements.text_body(shape, "t")
        elements.slide_number(body, str(number), self._style(FOOTER_SIZE_PT, self.muted_ink, align="r"))

    def _template_footer(self, tree: ShapeTree, placeholders: Sequence[Placeholder]) -> None:
        """The layout's own footer and slide-number placeholders, as PowerPoint's Header & Footer adds them."""
        for placeholder in placeholders:
            if placeholder.kind in ("footer", "slide_number"):
                body = elements.plain_body(tree.placeholder(placeholder.reference, placeholder.name, None))
                numbering = placeholder.kind == "slide_number"
                elements.plain_paragraphs(body, ["‹#›" if numbering else self.plan.footer], self.plan.language, numbering)

    def _timeline(self, slide: _Slide, plan: TimelinePlan) -> None:
        rows = plan.rows
        marker = plan.size_pt * 0.7
        top = rows[0].top if plan.continues_above else _marker_y(rows[0], plan)
        bottom = rows[-1].top + rows[-1].height if plan.continues_below else _marker_y(rows[-1], plan)
        slide.tree.line((plan.rail_x, top), (plan.rail_x, bottom), self.muted_ink or TEMPLATE_RAIL, 2.5, "Timeline")
        left = plan.rail_x - plan.date_box_width - TIMELINE_RAIL_WIDTH_PT / 2
        for row in rows:
            event = Item(row.event, bullet=False)
            self._textbox(slide, Box(plan.event_left, row.top, plan.event_width, row.height), event, plan.size_pt, self.text_ink, "Event")
            if not row.marked:
                continue
            date_box = Box(left, row.top, plan.date_box_width, row.height)
            self._textbox(slide, date_box, bold_line(row.date), plan.size_pt, self.title_ink, "Date", align="r")
            y = _marker_y(row, plan)
            dot = Box(plan.rail_x - marker / 2, y - marker / 2, marker, marker)
            slide.tree.autoshape("ellipse", dot, "Marker", self.accent_ink, (self.background, 1.5))

    def _picture(self, slide: _Slide, plan: PicturePlan) -> None:
        width, height = _fitted_size(Path(plan.file), plan.box.width, plan.box.height)
        left = plan.box.left + (plan.box.width - width) / 2
        add_picture(slide.part, slide.tree, Path(plan.file), Box(left, plan.box.top, width, height), "Picture", plan.alt)

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


def _needed(layout: Layout, kind: str) -> Placeholder:
    """The layout's first placeholder of ``kind``; RenderError if it has none (a template the loader did not check)."""
    placeholder = layout.first(kind)
    if placeholder is None:
        raise RenderError(f"the template's layout '{layout.name}' has no {kind} placeholder")
    return placeholder


class _Slide:
    """A slide being written: its part (for links and pictures) and its shape tree."""

    def __init__(self, part: SlidePart, tree: ShapeTree) -> None:
        self.part = part
        self.tree = tree

    def link(self, href: str) -> str:
        """The relationship id of a hyperlink to ``href`` from this slide."""
        return self.part.relate_to(href, RT.HYPERLINK, is_external=True)


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


def _fitted_size(path: Path, max_width: float, max_height: float) -> tuple[float, float]:
    """(width, height) in points of a picture as large as fits the box, keeping its proportions."""
    from PIL import Image

    with Image.open(path) as image:
        width_px, height_px = image.size
    scale = min(max_width / width_px, max_height / height_px)
    return width_px * scale, height_px * scale


def _marker_y(row: TimelineRow, plan: TimelinePlan) -> float:
    """Where a row's marker sits: level with the middle of its first line."""
    return row.top + INSET_Y_PT + plan.size_pt * LINE_SPACING / 2
