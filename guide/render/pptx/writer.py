"""Slide plan -> .pptx bytes with python-pptx: the only module that knows the file format.

Every run gets an explicit size and font, every text frame explicit insets, line spacing and
no autofit, so the file looks as the plan measured it in PowerPoint, Keynote and LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationObject
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide
from pptx.text.text import TextFrame, _Paragraph
from pptx.util import Pt

from guide.markup import Span
from guide.render.common import Metadata
from guide.render.pptx.fitting import BULLET_INDENT_PT, INSET_X_PT, INSET_Y_PT, PARAGRAPH_GAP, Item, bold_line
from guide.render.pptx.measure import LINE_SPACING
from guide.render.pptx.plan import (
    MARGIN_PT,
    TIMELINE_RAIL_WIDTH_PT,
    Box,
    DeckPlan,
    PicturePlan,
    SlidePlan,
    TextPlan,
    TimelinePlan,
    TimelineRow,
)
from guide.theme import Theme

FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)
"""Core properties and zip entries carry fixed times, so the same input gives the same bytes."""
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FOOTER_SIZE_PT = 12.0
LAYOUTS = {"title": 0, "content": 1, "title-only": 5}
TITLE_PLACEHOLDER, BODY_PLACEHOLDER = 0, 1


class DeckWriter:
    """Writes one plan with one theme."""

    def __init__(self, plan: DeckPlan, theme: Theme, metadata: Metadata) -> None:
        self.plan = plan
        self.metadata = metadata
        self.font = theme.heading_font.office_name
        colors = theme.colors
        self.primary, self.accent = RGBColor.from_string(colors.primary[1:]), RGBColor.from_string(colors.accent[1:])
        self.text, self.muted = RGBColor.from_string(colors.text[1:]), RGBColor.from_string(colors.muted[1:])

    def write(self) -> bytes:
        deck = Presentation()
        deck.slide_width, deck.slide_height = Pt(self.plan.width_pt), Pt(self.plan.height_pt)
        for number, slide_plan in enumerate(self.plan.slides, start=1):
            self._slide(deck, slide_plan, number)
        self._core_properties(deck)
        buffer = io.BytesIO()
        deck.save(buffer)
        return _with_fixed_zip_times(buffer.getvalue())

    def _slide(self, deck: PresentationObject, plan: SlidePlan, number: int) -> None:
        slide = deck.slides.add_slide(deck.slide_layouts[LAYOUTS[plan.role]])
        title = slide.placeholders[TITLE_PLACEHOLDER]
        self._place(title, plan.title_box)
        self._fill(
            title.text_frame,
            [bold_line(plan.title)],
            plan.title_size_pt,
            self.primary,
            anchor=MSO_ANCHOR.BOTTOM,
        )
        if plan.role == "title":
            subtitle = slide.placeholders[BODY_PLACEHOLDER]
            if plan.subtitle:
                self._text(subtitle, plan.subtitle, self.muted)
            else:
                subtitle._element.getparent().remove(subtitle._element)
            self._accent_bar(slide, plan.title_box)
        else:
            self._rule(slide, plan.title_box)
        if plan.body:
            self._text(slide.placeholders[BODY_PLACEHOLDER], plan.body, self.text)
        if plan.timeline:
            self._timeline(slide, plan.timeline)
        if plan.picture:
            self._picture(slide, plan.picture)
        if plan.role != "title":
            self._footer(slide, number)
        slide.notes_slide.notes_text_frame.text = plan.notes

    def _place(self, shape: Shape, box: Box) -> None:
        shape.left, shape.top, shape.width, shape.height = Pt(box.left), Pt(box.top), Pt(box.width), Pt(box.height)

    def _text(self, shape: Shape, text: TextPlan, color: RGBColor) -> None:
        self._place(shape, text.box)
        self._fill(shape.text_frame, text.items, text.size_pt, color)

    def _fill(self, frame: TextFrame, items: Sequence[Item], size_pt: float, color: RGBColor, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP) -> None:
        frame.clear()
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.vertical_anchor = anchor
        frame.margin_left = frame.margin_right = Pt(INSET_X_PT)
        frame.margin_top = frame.margin_bottom = Pt(INSET_Y_PT)
        for index, item in enumerate(items):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            self._paragraph(paragraph, item, size_pt, color, last=index == len(items) - 1)

    def _paragraph(self, paragraph: _Paragraph, item: Item, size_pt: float, color: RGBColor, last: bool) -> None:
        paragraph.alignment = PP_ALIGN.LEFT
        paragraph.line_spacing = Pt(size_pt * LINE_SPACING)
        paragraph.space_before = Pt(0)
        paragraph.space_after = Pt(0 if last else size_pt * PARAGRAPH_GAP)
        properties = paragraph._p.get_or_add_pPr()
        for child in properties.findall(qn("a:buNone")) + properties.findall(qn("a:buChar")):
            properties.remove(child)
        if item.bullet:
            properties.set("marL", str(Pt(BULLET_INDENT_PT)))
            properties.set("indent", str(-Pt(BULLET_INDENT_PT)))
            bullet_color = properties.makeelement(qn("a:buClr"), {})
            bullet_color.append(bullet_color.makeelement(qn("a:srgbClr"), {"val": str(self.accent)}))
            properties.append(bullet_color)
            properties.append(properties.makeelement(qn("a:buChar"), {"char": "•"}))
        else:
            properties.set("marL", "0")
            properties.set("indent", "0")
            properties.append(properties.makeelement(qn("a:buNone"), {}))
        for span in item.spans:
            self._run(paragraph, span, size_pt, color)

    def _run(self, paragraph: _Paragraph, span: Span, size_pt: float, color: RGBColor) -> None:
        run = paragraph.add_run()
        run.text = span.text
        font = run.font
        font.size = Pt(size_pt)
        font.name = self.font
        font.bold = span.bold
        font.italic = span.italic
        font.color.rgb = color
        run._r.get_or_add_rPr().set("lang", self.plan.language)
        if span.href:
            run.hyperlink.address = span.href

    def _rule(self, slide: Slide, title: Box) -> None:
        """A line under the title, across the content width."""
        y = Pt(title.bottom + 4)
        line = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Pt(title.left), y, Pt(title.left + title.width), y)
        line.line.color.rgb = self.accent
        line.line.width = Pt(2)

    def _accent_bar(self, slide: Slide, title: Box) -> None:
        """A short bar under the title of the title slide."""
        bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Pt(title.left + INSET_X_PT), Pt(title.bottom + 10), Pt(120), Pt(5))
        bar.fill.solid()
        bar.fill.fore_color.rgb = self.accent
        bar.line.fill.background()

    def _footer(self, slide: Slide, number: int) -> None:
        top = self.plan.height_pt - 34
        width = self.plan.width_pt - 2 * MARGIN_PT
        footer = slide.shapes.add_textbox(Pt(MARGIN_PT), Pt(top), Pt(width - 80), Pt(24))
        footer.name = "Footer"
        self._fill(footer.text_frame, [Item((Span(self.plan.footer),), bullet=False)], FOOTER_SIZE_PT, self.muted)
        page = slide.shapes.add_textbox(Pt(MARGIN_PT + width - 80), Pt(top), Pt(80), Pt(24))
        page.name = "Slide Number"
        self._fill(page.text_frame, [Item((Span(str(number)),), bullet=False)], FOOTER_SIZE_PT, self.muted)
        page.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
        _as_slide_number_field(page.text_frame.paragraphs[0])

    def _timeline(self, slide: Slide, plan: TimelinePlan) -> None:
        rows = plan.rows
        marker = plan.size_pt * 0.7
        top = rows[0].top if plan.continues_above else _marker_y(rows[0], plan)
        bottom = rows[-1].top + rows[-1].height if plan.continues_below else _marker_y(rows[-1], plan)
        rail = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Pt(plan.rail_x), Pt(top), Pt(plan.rail_x), Pt(bottom))
        rail.line.color.rgb = self.muted
        rail.line.width = Pt(2.5)
        left = plan.rail_x - plan.date_box_width - TIMELINE_RAIL_WIDTH_PT / 2
        for row in rows:
            event = slide.shapes.add_textbox(Pt(plan.event_left), Pt(row.top), Pt(plan.event_width), Pt(row.height))
            self._fill(event.text_frame, [Item(row.event, bullet=False)], plan.size_pt, self.text)
            if not row.marked:
                continue
            date = slide.shapes.add_textbox(Pt(left), Pt(row.top), Pt(plan.date_box_width), Pt(row.height))
            self._fill(date.text_frame, [bold_line(row.date)], plan.size_pt, self.primary)
            date.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
            y = _marker_y(row, plan)
            dot = slide.shapes.add_shape(MSO_SHAPE.OVAL, Pt(plan.rail_x - marker / 2), Pt(y - marker / 2), Pt(marker), Pt(marker))
            dot.fill.solid()
            dot.fill.fore_color.rgb = self.accent
            dot.line.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            dot.line.width = Pt(1.5)

    def _picture(self, slide: Slide, plan: PicturePlan) -> None:
        from PIL import Image

        with Image.open(plan.file) as image:
            width_px, height_px = image.size
        scale = min(plan.box.width / width_px, plan.box.height / height_px)
        width, height = width_px * scale, height_px * scale
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
    """The same archive with every entry dated ZIP_TIME, in the same order."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return output.getvalue()
