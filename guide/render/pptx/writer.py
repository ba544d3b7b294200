"""Slide plan -> .pptx bytes with python-pptx: the only module that knows the file format.

Every run gets an explicit size, every text frame explicit insets, line spacing and no
autofit, so the file looks as the plan measured it in PowerPoint, Keynote and LibreOffice.
Our own design also names fonts and colours and places every box; on an institution's
template, fonts, colours, positions and footers come from the template's masters instead.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
from collections.abc import Sequence
from pathlib import Path

from lxml.etree import SubElement
from pptx.dml.color import ColorFormat, RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import BaseOxmlElement
from pptx.parts.slide import SlidePart
from pptx.presentation import Presentation as PresentationObject
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide
from pptx.text.text import TextFrame, _Paragraph
from pptx.util import Pt

from guide.colors import mix
from guide.markup import Span
from guide.render.common import Metadata
from guide.render.pptx.fitting import BULLET_INDENT_PT, INSET_X_PT, INSET_Y_PT, PARAGRAPH_GAP, Item, bold_line
from guide.render.pptx.geometry import MARGIN_PT, Box
from guide.render.pptx.measure import LINE_SPACING
from guide.render.pptx.plan import (
    TIMELINE_RAIL_WIDTH_PT,
    DeckFonts,
    DeckPlan,
    PicturePlan,
    SlidePlan,
    TimelinePlan,
    TimelineRow,
)
from guide.template import Template, open_template
from guide.theme import Theme

FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)
"""Core properties and zip entries carry fixed times, so the same input gives the same bytes."""
ZIP_DOS_TIME = (0, (1 << 5) | 1)
"""00:00:00 on 1 January 1980, the zip format's first day, as (time, date) in its DOS encoding."""
ZIP_END_SIGNATURE, ZIP_END_SIZE = b"PK\x05\x06", 22
FOOTER_SIZE_PT = 12.0
LOGO_MAX_WIDTH_PT = 180.0
LOGO_MAX_HEIGHT_PT = 56.0

A_P, A_PPR, A_R, A_RPR = qn("a:p"), qn("a:pPr"), qn("a:r"), qn("a:rPr")

Ink = RGBColor | MSO_THEME_COLOR | None
"""A colour as the deck spells it: our theme's, the template's theme colour, or inherited (None)."""


def _paint(color_format: ColorFormat, ink: Ink) -> None:
    if isinstance(ink, RGBColor):
        color_format.rgb = ink
    elif ink is not None:
        color_format.theme_color = ink


def _color(parent: BaseOxmlElement, ink: Ink) -> None:
    """A colour element inside ``parent`` (a fill or bullet colour): our RGB value or the template's theme colour."""
    if isinstance(ink, RGBColor):
        SubElement(parent, qn("a:srgbClr"), val=str(ink))
    elif ink is not None:
        SubElement(parent, qn("a:schemeClr"), val=ink.xml_value)


def _points(spacing: BaseOxmlElement, points: float) -> None:
    SubElement(spacing, qn("a:spcPts"), val=str(Pt(points).centipoints))


def _rgb(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color[1:])


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
        if designed:
            self.title_ink: Ink = _rgb(colors.primary)
            self.text_ink: Ink = _rgb(colors.text)
            self.muted_ink: Ink = _rgb(colors.muted)
            self.accent_ink: Ink = _rgb(colors.accent)
            self.background = _rgb(colors.background)
            self.cover_title_ink: Ink = self.background if self.fills else self.title_ink
            self.cover_text_ink: Ink = _rgb(mix(colors.background, colors.primary, 0.15)) if self.fills else self.muted_ink
            self.cover_fill: Ink = _rgb(colors.primary)
        else:
            self.title_ink = self.text_ink = self.muted_ink = self.cover_title_ink = self.cover_text_ink = None
            self.accent_ink = MSO_THEME_COLOR.ACCENT_1
            self.background = RGBColor(0xFF, 0xFF, 0xFF)

    def write(self) -> bytes:
        deck = open_template(self.template.path)
        _remove_slides(deck)
        if self.designed:
            deck.slide_width, deck.slide_height = Pt(self.plan.width_pt), Pt(self.plan.height_pt)
        for number, slide_plan in enumerate(self.plan.slides, start=1):
            self._slide(deck, slide_plan, number)
        self._core_properties(deck)
        buffer = io.BytesIO()
        deck.save(buffer)
        return _with_fixed_zip_times(buffer.getvalue())

    def _slide(self, deck: PresentationObject, plan: SlidePlan, number: int) -> None:
        layout = self.template.roles[plan.role]
        assert layout is not None  # read_template refuses templates without a layout for each deck role
        slide = deck.slides.add_slide(deck.slide_layouts[layout.index])
        used: set[int] = set()
        cover = plan.role == "title"
        title = self._placeholder(slide, layout.first("title").idx, used)
        self._fill(
            title,
            plan.title_box,
            [bold_line(plan.title)],
            plan.title_size_pt,
            self.cover_title_ink if cover else self.title_ink,
            anchor=MSO_ANCHOR.BOTTOM,
        )
        if cover:
            subtitle = layout.first("subtitle") or layout.first("body")
            if plan.subtitle and subtitle:
                shape = self._placeholder(slide, subtitle.idx, used)
                self._fill(shape, plan.subtitle.box, plan.subtitle.items, plan.subtitle.size_pt, self.cover_text_ink)
            self._cover_design(slide, plan.title_box)
        elif self.designed:
            self._rule(slide, plan.title_box)
        if plan.body:
            body = self._placeholder(slide, layout.first("body").idx, used)
            self._fill(body, plan.body.box, plan.body.items, plan.body.size_pt, self.text_ink)
        _remove_unused_placeholders(slide, used)
        if plan.timeline:
            self._timeline(slide, plan.timeline)
        if plan.picture:
            self._picture(slide, plan.picture)
        if not cover:
            self._footer(slide, number)
        slide.notes_slide.notes_text_frame.text = plan.notes

    def _placeholder(self, slide: Slide, idx: int, used: set[int]) -> Shape:
        used.add(idx)
        return slide.placeholders[idx]

    def _fill(self, shape: Shape, box: Box, items: Sequence[Item], size_pt: float, ink: Ink, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP) -> None:
        """Put fitted items into a shape; our design also places its placeholders and anchors their text."""
        if self.designed and shape.is_placeholder:
            shape.left, shape.top, shape.width, shape.height = Pt(box.left), Pt(box.top), Pt(box.width), Pt(box.height)
        frame = shape.text_frame
        frame.clear()
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        if self.designed:
            frame.vertical_anchor = anchor
        frame.margin_left = frame.margin_right = Pt(INSET_X_PT)
        frame.margin_top = frame.margin_bottom = Pt(INSET_Y_PT)
        self._items(frame, items, size_pt, ink)

    def _items(self, frame: TextFrame, items: Sequence[Item], size_pt: float, ink: Ink) -> None:
        """Write the items as paragraphs, element by element: the object API's look-ups cost more than the rest of the deck."""
        body = frame._txBody
        for paragraph in body.findall(A_P):
            body.remove(paragraph)
        part = frame.part
        for index, item in enumerate(items):
            paragraph = SubElement(body, A_P)
            self._paragraph_properties(paragraph, item.bullet, size_pt, last=index == len(items) - 1)
            for span in item.spans:
                self._run(paragraph, span, size_pt, ink, part)

    def _paragraph_properties(self, paragraph: BaseOxmlElement, bullet: bool, size_pt: float, last: bool) -> None:
        """Left-aligned, exact line spacing, a gap after all but the last; a bullet in the accent colour or none."""
        indent = Pt(BULLET_INDENT_PT) if bullet else 0
        properties = SubElement(paragraph, A_PPR, marL=str(indent), indent=str(-indent), algn="l")
        _points(SubElement(properties, qn("a:lnSpc")), size_pt * LINE_SPACING)
        _points(SubElement(properties, qn("a:spcBef")), 0)
        _points(SubElement(properties, qn("a:spcAft")), 0 if last else size_pt * PARAGRAPH_GAP)
        if bullet:
            _color(SubElement(properties, qn("a:buClr")), self.accent_ink)
            SubElement(properties, qn("a:buChar"), char="•")
        else:
            SubElement(properties, qn("a:buNone"))

    def _run(self, paragraph: BaseOxmlElement, span: Span, size_pt: float, ink: Ink, part: SlidePart) -> None:
        run = SubElement(paragraph, A_R)
        properties = SubElement(run, A_RPR, lang=self.plan.language, sz=str(Pt(size_pt).centipoints))
        properties.set("b", "1" if span.bold else "0")
        properties.set("i", "1" if span.italic else "0")
        if ink is not None:
            _color(SubElement(properties, qn("a:solidFill")), ink)
        if self.font:
            SubElement(properties, qn("a:latin"), typeface=self.font)
        if span.href:
            link = SubElement(properties, qn("a:hlinkClick"))
            link.set(qn("r:id"), part.relate_to(span.href, RT.HYPERLINK, is_external=True))
        SubElement(run, qn("a:t")).text = span.text

    def _textbox(self, slide: Slide, box: Box, item: Item, size_pt: float, ink: Ink) -> Shape:
        """A text box holding one item at ``box``."""
        shape = slide.shapes.add_textbox(Pt(box.left), Pt(box.top), Pt(box.width), Pt(box.height))
        self._fill(shape, box, [item], size_pt, ink)
        return shape

    def _rule(self, slide: Slide, title: Box) -> None:
        """A line under the title, across the content width."""
        y = Pt(title.bottom + 4)
        line = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Pt(title.left), y, Pt(title.left + title.width), y)
        _paint(line.line.color, self.accent_ink)
        line.line.width = Pt(2)

    def _cover_design(self, slide: Slide, title: Box) -> None:
        """Our title slide: filled with the primary colour when the theme fills, an accent bar, the logo."""
        if self.fills:
            slide.background.fill.solid()
            _paint(slide.background.fill.fore_color, self.cover_fill)
        if self.designed:
            bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Pt(title.left + INSET_X_PT), Pt(title.bottom + 10), Pt(120), Pt(5))
            bar.fill.solid()
            _paint(bar.fill.fore_color, self.accent_ink)
            bar.line.fill.background()
        if self.logo:
            self._logo(slide, self.logo)

    def _logo(self, slide: Slide, path: Path) -> None:
        """The logo at the bottom right of the title slide, on a card of the background colour over a fill."""
        width, height = _fitted_size(path, LOGO_MAX_WIDTH_PT, LOGO_MAX_HEIGHT_PT)
        left, top = self.plan.width_pt - MARGIN_PT - width, self.plan.height_pt - MARGIN_PT - height
        if self.fills:
            pad = 8
            card = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Pt(left - pad), Pt(top - pad), Pt(width + 2 * pad), Pt(height + 2 * pad))
            card.fill.solid()
            card.fill.fore_color.rgb = self.background
            card.line.fill.background()
            card.name = "Logo card"
        picture = slide.shapes.add_picture(str(path), Pt(left), Pt(top), Pt(width), Pt(height))
        picture.name = "Logo"
        picture._element.nvPicPr.cNvPr.set("descr", "Logo")

    def _footer(self, slide: Slide, number: int) -> None:
        if not self.designed:
            self._template_footer(slide)
            return
        top = self.plan.height_pt - 34
        width = self.plan.width_pt - 2 * MARGIN_PT
        footer_text, number_text = Item((Span(self.plan.footer),), bullet=False), Item((Span(str(number)),), bullet=False)
        footer = self._textbox(slide, Box(MARGIN_PT, top, width - 80, 24), footer_text, FOOTER_SIZE_PT, self.muted_ink)
        footer.name = "Footer"
        page = self._textbox(slide, Box(MARGIN_PT + width - 80, top, 80, 24), number_text, FOOTER_SIZE_PT, self.muted_ink)
        page.name = "Slide Number"
        page.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
        _as_slide_number_field(page.text_frame.paragraphs[0])

    def _template_footer(self, slide: Slide) -> None:
        """The layout's own footer and slide-number placeholders, as PowerPoint's Header & Footer adds them."""
        for placeholder in slide.slide_layout.placeholders:
            kind = placeholder.placeholder_format.type
            if kind not in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER):
                continue
            slide.shapes.clone_placeholder(placeholder)
            shape = slide.placeholders[placeholder.placeholder_format.idx]
            paragraph = shape.text_frame.paragraphs[0]
            run = paragraph.add_run()
            run.text = self.plan.footer if kind == PP_PLACEHOLDER.FOOTER else "‹#›"
            run._r.get_or_add_rPr().set("lang", self.plan.language)
            if kind == PP_PLACEHOLDER.SLIDE_NUMBER:
                _as_slide_number_field(paragraph)

    def _timeline(self, slide: Slide, plan: TimelinePlan) -> None:
        rows = plan.rows
        marker = plan.size_pt * 0.7
        top = rows[0].top if plan.continues_above else _marker_y(rows[0], plan)
        bottom = rows[-1].top + rows[-1].height if plan.continues_below else _marker_y(rows[-1], plan)
        rail = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Pt(plan.rail_x), Pt(top), Pt(plan.rail_x), Pt(bottom))
        _paint(rail.line.color, self.muted_ink if self.designed else MSO_THEME_COLOR.TEXT_2)
        rail.line.width = Pt(2.5)
        left = plan.rail_x - plan.date_box_width - TIMELINE_RAIL_WIDTH_PT / 2
        for row in rows:
            event = Item(row.event, bullet=False)
            self._textbox(slide, Box(plan.event_left, row.top, plan.event_width, row.height), event, plan.size_pt, self.text_ink)
            if not row.marked:
                continue
            date_box = Box(left, row.top, plan.date_box_width, row.height)
            date = self._textbox(slide, date_box, bold_line(row.date), plan.size_pt, self.title_ink)
            date.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
            y = _marker_y(row, plan)
            dot = slide.shapes.add_shape(MSO_SHAPE.OVAL, Pt(plan.rail_x - marker / 2), Pt(y - marker / 2), Pt(marker), Pt(marker))
            dot.fill.solid()
            _paint(dot.fill.fore_color, self.accent_ink)
            dot.line.color.rgb = self.background
            dot.line.width = Pt(1.5)

    def _picture(self, slide: Slide, plan: PicturePlan) -> None:
        width, height = _fitted_size(Path(plan.file), plan.box.width, plan.box.height)
        left = plan.box.left + (plan.box.width - width) / 2
        picture = slide.shapes.add_picture(plan.file, Pt(left), Pt(plan.box.top), Pt(width), Pt(height))
        picture.name = "Picture"
        picture._element.nvPicPr.cNvPr.set("descr", plan.alt)

    def _core_properties(self, deck: PresentationObject) -> None:
        properties = deck.core_properties
        properties.title = self.metadata.title
        properties.author = self.metadata.author
        properties.subject = self.metadata.subject
        properties.keywords = ", ".join(self.metadata.keywords)
        properties.language = self.metadata.language
        properties.last_modified_by = self.metadata.author
        properties.revision = 1
        properties.created = properties.modified = FIXED_TIME
        properties.last_printed = FIXED_TIME


def _fitted_size(path: Path, max_width: float, max_height: float) -> tuple[float, float]:
    """(width, height) in points of a picture as large as fits the box, keeping its proportions."""
    from PIL import Image

    with Image.open(path) as image:
        width_px, height_px = image.size
    scale = min(max_width / width_px, max_height / height_px)
    return width_px * scale, height_px * scale


def _remove_slides(deck: PresentationObject) -> None:
    """Drop a template's own sample slides: the deck holds only what the plan says."""
    slide_ids = deck.slides._sldIdLst
    for slide_id in list(slide_ids):
        slide_ids.remove(slide_id)
        deck.part.drop_rel(slide_id.rId)


def _remove_unused_placeholders(slide: Slide, used: set[int]) -> None:
    """Empty placeholders print "Click to add text" in an editor: remove those the plan left empty."""
    for placeholder in list(slide.placeholders):
        if placeholder.placeholder_format.idx not in used:
            placeholder._element.getparent().remove(placeholder._element)


def _marker_y(row: TimelineRow, plan: TimelinePlan) -> float:
    """Where a row's marker sits: level with the middle of its first line."""
    return row.top + INSET_Y_PT + plan.size_pt * LINE_SPACING / 2


def _as_slide_number_field(paragraph: _Paragraph) -> None:
    """Turn the paragraph's run into a slide-number field, so numbers follow when slides move."""
    run = paragraph.runs[0]._r
    field = run.makeelement(qn("a:fld"), {"id": "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}", "type": "slidenum"})
    for child in list(run):
        field.append(child)
    run.addprevious(field)
    run.getparent().remove(run)


def _with_fixed_zip_times(data: bytes) -> bytes:
    """The same archive with every entry dated ZIP_DOS_TIME and readable by all, patched in place.

    Only the headers' date, time and permission fields change, so no entry is compressed a
    second time (which cost a twelfth of a deck's rendering).
    """
    patched = bytearray(data)
    end = len(patched) - ZIP_END_SIZE
    if patched[end : end + 4] != ZIP_END_SIGNATURE:
        raise ValueError("the deck archive has an unexpected end record")
    count, _, position = struct.unpack_from("<HLL", patched, end + 10)
    for _ in range(count):
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", patched, position + 28)
        local_header = struct.unpack_from("<L", patched, position + 42)[0]
        struct.pack_into("<HH", patched, position + 12, *ZIP_DOS_TIME)
        struct.pack_into("<L", patched, position + 38, 0o644 << 16)
        struct.pack_into("<HH", patched, local_header + 10, *ZIP_DOS_TIME)
        position += 46 + name_length + extra_length + comment_length
    return bytes(patched)
