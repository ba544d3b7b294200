"""Drawn elements of the sheet that reportlab has no ready flowable for."""

from __future__ import annotations

import itertools

from reportlab.lib.colors import Color, white
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from guide.render.pdf.internals import Paragraph, Picture
from guide.render.pdf.tagged import artifact


class OutlineEntry(Flowable):
    """An invisible mark that adds a bookmark for where it lands, e.g. at the top of a box."""

    def __init__(self, title: str, key: str) -> None:
        super().__init__()
        self.title = title
        self.key = key

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        add_outline_entry(self.canv, self.title, self.key)


def add_outline_entry(canvas: Canvas, title: str, key: str) -> None:
    canvas.bookmarkPage(key)
    canvas.addOutlineEntry(title, key, level=0, closed=False)


class SectionHeading(Paragraph):
    """A section heading that also becomes an entry of the PDF's bookmark outline.

    The outline key is given by the caller, so the same headings give the same keys in
    every build. It never ends a page: the columns keep it with what follows.
    """

    keep_with_next = True

    def __init__(self, text: str, style: ParagraphStyle, outline_title: str, outline_key: str, rule: Color) -> None:
        super().__init__(text, style)
        self.outline_title = outline_title
        self.outline_key = outline_key
        self.rule_color = rule

    def draw(self) -> None:
        super().draw()
        canvas = self.canv
        add_outline_entry(canvas, self.outline_title, self.outline_key)
        with artifact(canvas):
            canvas.saveState()
            canvas.setStrokeColor(self.rule_color)
            canvas.setLineWidth(0.6)
            canvas.line(0, -4, self.width, -4)
            canvas.restoreState()


class RuledLines(Flowable):
    """Lines to write an answer on, ``spacing_pt`` apart, drawn dark enough to photocopy."""

    def __init__(self, count: int, spacing_pt: float, indent_pt: float, color: Color) -> None:
        super().__init__()
        self.count = count
        self.spacing_pt = spacing_pt
        self.indent_pt = indent_pt
        self.color = color

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.count * self.spacing_pt + 4

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(self.color)
        canvas.setLineWidth(0.75)
        for index in range(self.count):
            y = 4 + index * self.spacing_pt
            canvas.line(self.indent_pt, y, self.width, y)
        canvas.restoreState()


class Timeline(Flowable):
    """A vertical timeline: dates on the left, a line with markers, events on the right.

    It splits between entries, so a long timeline continues on the next page.
    """

    DATE_WIDTH_PT = 84.0
    RAIL_WIDTH_PT = 22.0
    GAP_PT = 3.0
    MARKER_RADIUS_PT = 3.4
    TOP_PT = 3.0

    def __init__(self, rows: list[tuple[Paragraph, Paragraph]], line: Color, marker: Color, first: bool = True, last: bool = True) -> None:
        super().__init__()
        self.rows = rows
        self.line_color = line
        self.marker_color = marker
        self.first = first
        self.last = last
        self._heights: list[float] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = 0.0
        event_width = available_width - self.DATE_WIDTH_PT - self.RAIL_WIDTH_PT
        self._heights = []
        for date, event in self.rows:
            _, date_height = date.wrap(self.DATE_WIDTH_PT, available_height)
            _, event_height = event.wrap(event_width, available_height)
            self._heights.append(max(date_height, event_height) + self.GAP_PT)
        self.height = sum(self._heights) + self.TOP_PT
        return available_width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return self._split_at(available_width, available_height, 2)  # never leave one entry alone on either side

    def force_split(self, available_width: float, available_height: float) -> list[Flowable]:
        return self._split_at(available_width, available_height, 1)

    def _split_at(self, available_width: float, available_height: float, least: int) -> list[Flowable]:
        self.wrap(available_width, available_height)
        fitting = list(itertools.accumulate(self._heights, initial=self.TOP_PT))[1:]
        count = sum(1 for height in fitting if height <= available_height)
        if count == len(self.rows):
            return [self]
        count = min(count, len(self.rows) - least)
        if count < least:
            return []
        head = Timeline(self.rows[:count], self.line_color, self.marker_color, self.first, False)
        tail = Timeline(self.rows[count:], self.line_color, self.marker_color, False, self.last)
        return [head, tail]

    def draw(self) -> None:
        canvas = self.canv
        rail_x = self.DATE_WIDTH_PT + self.RAIL_WIDTH_PT / 2
        top = self.height - self.TOP_PT
        marker_ys = []
        y = top
        for (date, event), height in zip(self.rows, self._heights, strict=True):
            date.drawOn(canvas, 0, y - date.height)
            event.drawOn(canvas, self.DATE_WIDTH_PT + self.RAIL_WIDTH_PT, y - event.height)
            marker_ys.append(y - date.style.leading * 0.62)
            y -= height
        canvas.saveState()
        canvas.setStrokeColor(self.line_color)
        canvas.setLineWidth(1.6)
        line_top = top if not self.first else marker_ys[0]
        line_bottom = 0 if not self.last else marker_ys[-1]
        canvas.line(rail_x, line_top, rail_x, line_bottom)
        canvas.setFillColor(self.marker_color)
        canvas.setStrokeColor(white)
        canvas.setLineWidth(1.2)
        for marker_y in marker_ys:
            canvas.circle(rail_x, marker_y, self.MARKER_RADIUS_PT, stroke=1, fill=1)
        canvas.restoreState()


class Figure(Flowable):
    """A picture with its caption below, sized by the caller; in a column it may float to the next page."""

    floats = True

    CAPTION_GAP_PT = 4.0
    SPACE_AFTER_PT = 10.0

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab calls it so
        return self.SPACE_AFTER_PT

    def __init__(self, picture: Picture, caption: Paragraph | None) -> None:
        super().__init__()
        self.picture = picture
        self.caption = caption

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = self.picture.drawWidth
        self.height = self.picture.drawHeight
        if self.caption is not None:
            self.height += self.CAPTION_GAP_PT + self.caption.wrap(self.width, available_height)[1]
        return self.width, self.height

    def draw(self) -> None:
        self.picture.drawOn(self.canv, 0, self.height - self.picture.drawHeight)
        if self.caption is not None:
            self.caption.drawOn(self.canv, 0, 0)


class SetOff(Flowable):
    """Quoted passages set off from the text: indented, with a rule down their left side, each attribution below its passage.

    A passage and its translation stand in one set-off; where a page or column ends between
    them, the set-off splits there, never inside a passage.
    """

    RULE_PT = 2.0
    INDENT_PT = 12.0
    SPACE_PT = 6.0
    PASSAGE_GAP_PT = 4.0
    """Between a passage's attribution and the next passage (a translation), so that each reads as a quotation of its own."""

    def __init__(self, passages: list[list[Paragraph]], rule: Color) -> None:
        super().__init__()
        self.passages = passages
        self.rule = rule

    @property
    def parts(self) -> list[Paragraph]:
        return [part for passage in self.passages for part in passage]

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab calls it so
        return self.SPACE_PT

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab calls it so
        return self.SPACE_PT

    def _passage_height(self, passage: list[Paragraph], width: float, available_height: float) -> float:
        return sum(part.wrap(width - self.INDENT_PT, available_height)[1] for part in passage)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        heights = [self._passage_height(passage, available_width, available_height) for passage in self.passages]
        self.height = sum(heights) + self.PASSAGE_GAP_PT * (len(heights) - 1)
        return available_width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """The passages that fit, and the rest in a set-off of their own; nothing if not even the first fits."""
        used, fitting = 0.0, 0
        for passage in self.passages:
            used += self._passage_height(passage, available_width, available_height) + (self.PASSAGE_GAP_PT if fitting else 0.0)
            if used > available_height:
                break
            fitting += 1
        if fitting == 0 or fitting == len(self.passages):
            return []
        return [SetOff(self.passages[:fitting], self.rule), SetOff(self.passages[fitting:], self.rule)]

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.rule)
        canvas.rect(0, 0, self.RULE_PT, self.height, stroke=0, fill=1)
        canvas.restoreState()
        y = self.height
        for index, passage in enumerate(self.passages):
            y -= self.PASSAGE_GAP_PT if index else 0.0
            for part in passage:
                _, height = part.wrap(self.width - self.INDENT_PT, self.height)
                y -= height
                part.drawOn(canvas, self.INDENT_PT, y)


class TwoColumnList(Flowable):
    """Short items in two columns, read down the left one first, split where the columns come out most even."""

    GAP_PT = 18.0

    def __init__(self, items: list[Paragraph]) -> None:
        super().__init__()
        self.items = items

    def _heights(self, width: float) -> list[float]:
        column = (width - self.GAP_PT) / 2
        return [item.wrap(column, 1e4)[1] for item in self.items]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        heights = self._heights(available_width)
        self.split_at = min(range(len(heights) + 1), key=lambda at: max(sum(heights[:at]), sum(heights[at:])))
        self.height = max(sum(heights[: self.split_at]), sum(heights[self.split_at :]))
        return available_width, self.height

    def draw(self) -> None:
        column = (self.width - self.GAP_PT) / 2
        for x, items in ((0.0, self.items[: self.split_at]), (column + self.GAP_PT, self.items[self.split_at :])):
            y = self.height
            for item in items:
                _, height = item.wrap(column, 1e4)
                y -= height
                item.drawOn(self.canv, x, y)


class Beside(Flowable):
    """A small picture (a portrait) with its text to the right, top-aligned."""

    GAP_PT = 7.0

    def __init__(self, picture: Picture, text: Paragraph) -> None:
        super().__init__()
        self.picture = picture
        self.text = text

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab calls it so
        return self.text.getSpaceAfter()

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        _, text_height = self.text.wrap(available_width - self.picture.drawWidth - self.GAP_PT, available_height)
        self.height = max(self.picture.drawHeight, text_height)
        return available_width, self.height

    def draw(self) -> None:
        self.picture.drawOn(self.canv, 0, self.height - self.picture.drawHeight)
        _, text_height = self.text.wrap(self.width - self.picture.drawWidth - self.GAP_PT, self.height)
        self.text.drawOn(self.canv, self.picture.drawWidth + self.GAP_PT, self.height - text_height)
