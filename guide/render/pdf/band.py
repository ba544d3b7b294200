"""The title band of page one, and the striped ribbon that marks every page of a teacher's copy."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from guide.render.pdf.box import paint
from guide.render.pdf.columns import draw_stacked, stacked_height
from guide.render.pdf.internals import Picture

PADDING_PT = 12.0
TOP_PADDING_PT = 10.0
BAR_PT = 6.0
LOGO_PLATE_PADDING_PT = 7.0
OUTLINE_PT = 1.5
FRAME_PT = 3.0
RIBBON_STRIPE_PT = 7.0
PLATE_GAP_PT = 6.0
PLATE_MARGIN_PT = 8.0
"""Least room above and below the plates at the right of the band."""
WRITE_IN_WIDTH_PT = 150.0
"""About 53 mm: a name written by hand fits after its label, and the title beside the plate keeps most of the band."""
WRITE_IN_ROW_PT = 22.0
"""About 8 mm a line: room for handwriting of any size."""
WRITE_IN_PADDING_PT = 7.0
CARD_LOGO_HEIGHT_PT = 30.0
"""A logo's height over the lines to write on: its name still reads, and the band grows hardly taller than without it."""


class WriteIn(Flowable):
    """Labelled lines to write on, name, class and date at the head of a student's sheet: stacked, or in one row."""

    def __init__(self, labels: Sequence[str], font: str, size: float, text: Color, rule: Color) -> None:
        super().__init__()
        self.labels = list(labels)
        self.font = font
        self.size = size
        self.text = text
        self.rule = rule
        self.across: float | None = None
        """The width of one row holding every field, or None: one field a line, ``WRITE_IN_WIDTH_PT`` wide."""
        self.paired = False
        """Not in a row: the first field (the name) on a line of its own, the others sharing the next; else one field a line."""

    def _rows(self) -> list[list[str]]:
        if self.across is not None:
            return [self.labels]
        if self.paired:
            return [self.labels[:1], self.labels[1:]]
        return [[label] for label in self.labels]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = self.across if self.across is not None else WRITE_IN_WIDTH_PT
        self.height = len(self._rows()) * WRITE_IN_ROW_PT + WRITE_IN_PADDING_PT
        return self.width, self.height

    def _fields(self) -> list[tuple[str, float, float, float]]:
        """(label, x, baseline, right end of its line) of each field; in one row, the first (the name) takes half."""
        inner = self.width - 2 * WRITE_IN_PADDING_PT
        fields = []
        for index, row in enumerate(self._rows()):
            baseline = self.height - WRITE_IN_PADDING_PT / 2 - (index + 1) * WRITE_IN_ROW_PT + 6
            shares = [2.0, *([1.0] * (len(row) - 1))] if self.across is not None else [1.0] * len(row)
            x = WRITE_IN_PADDING_PT
            for place, (label, share) in enumerate(zip(row, shares, strict=True)):
                right = x + inner * share / sum(shares)
                last_of_line = self.across is None and place == len(row) - 1
                fields.append((label, x, baseline, right if last_of_line else right - WRITE_IN_PADDING_PT))
                x = right
        return fields

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        stacked = self.across is None and not self.paired
        widest = max(stringWidth(label, self.font, self.size) for label in self.labels)
        canvas.setFont(self.font, self.size)
        canvas.setFillColor(self.text)
        canvas.setStrokeColor(self.rule)
        canvas.setLineWidth(0.75)
        for label, x, baseline, right in self._fields():
            canvas.drawString(x, baseline, label)
            start = x + (widest if stacked else stringWidth(label, self.font, self.size)) + 6
            canvas.line(start, baseline - 1, right, baseline - 1)
        canvas.restoreState()


class LogoCard(Flowable):
    """The logo over the lines to write on (the name on one, class and date on the next), on one plate.

    Beside the title, a logo and three lines each on a plate of their own would make the band a
    third taller, or push the lines under the title: a sheet on the edge of two pages would run onto a third.
    """

    def __init__(self, logo: Picture, write_in: WriteIn) -> None:
        super().__init__()
        room = WRITE_IN_WIDTH_PT - 2 * WRITE_IN_PADDING_PT
        scale = min(room / logo.drawWidth, CARD_LOGO_HEIGHT_PT / logo.drawHeight)
        self.logo = Picture(logo.picture, logo.drawWidth * scale, logo.drawHeight * scale)
        self.write_in = write_in

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.write_in.across = None
        self.write_in.paired = True
        self.width, lines = self.write_in.wrap(0, 0)
        self.height = WRITE_IN_PADDING_PT + self.logo.drawHeight + lines
        return self.width, self.height

    def draw(self) -> None:
        self.write_in.drawOn(self.canv, 0, 0)
        self.logo.drawOn(self.canv, (self.width - self.logo.drawWidth) / 2, self.write_in.height)


class TitleBand(Flowable):
    """Kicker, title, subtitle and meta line on a filled (or outlined) band; a logo and the lines to write on at the right.

    On a filled band the logo and the lines to write on sit on plates of the background colour,
    so a logo made for white paper keeps its colours and a pen writes on white. The lines stand
    beside the title where it keeps its lines there and the band grows no taller, else (a
    long title) in one row under it: a title never breaks early to make room for them. A logo
    stands over the lines beside the title, on one plate with them (``LogoCard``).
    """

    def __init__(
        self,
        lines: Sequence[Paragraph],
        *,
        fill_color: Color | None,
        outline: Color,
        bar: Color,
        plate: Color,
        logo: Picture | None = None,
        write_in: WriteIn | None = None,
        boxed: bool = False,
    ) -> None:
        super().__init__()
        self.lines = list(lines)
        self.fill_color = fill_color
        self.outline = outline
        self.bar = bar
        self.plate = plate
        self.logo = logo
        self.write_in = write_in
        """Lines for the student's name, class and date: on the band they cost the page no height."""
        self.boxed = boxed
        """An outlined band drawn as a heavy frame all round (a teacher's copy), not only rules above and below."""
        self.card = LogoCard(logo, write_in) if logo is not None and write_in is not None else None
        """The logo and the lines to write on together, where they stand beside the title."""

    def _right(self, beside: bool) -> list[Flowable]:
        """What stands at the right of the text, top to bottom."""
        if beside and self.card is not None:
            return [self.card]
        return [*filter(None, (self.logo, self.write_in if beside else None))]

    def _plate_size(self, content: Flowable) -> tuple[float, float]:
        if content is self.logo:
            return self.logo.drawWidth + 2 * LOGO_PLATE_PADDING_PT, self.logo.drawHeight + 2 * LOGO_PLATE_PADDING_PT
        return content.wrap(0, 0)

    def _right_width(self, beside: bool) -> float:
        sizes = [self._plate_size(content) for content in self._right(beside)]
        return max(width for width, _ in sizes) + PADDING_PT if sizes else 0.0

    def _right_height(self, beside: bool) -> float:
        sizes = [self._plate_size(content) for content in self._right(beside)]
        return sum(height for _, height in sizes) + PLATE_GAP_PT * (len(sizes) - 1) if sizes else 0.0

    def _text_width(self, width: float, beside: bool) -> float:
        return width - BAR_PT - 2 * PADDING_PT - self._right_width(beside)

    def _height(self, width: float, beside: bool) -> float:
        text_height = stacked_height(self.lines, self._text_width(width, beside)) + TOP_PADDING_PT + PADDING_PT
        if self.write_in is not None and not beside:
            self.write_in.across = self._text_width(width, beside)
            text_height += PLATE_GAP_PT + self.write_in.wrap(0, 0)[1]
        return max(text_height, self._right_height(beside) + 2 * PLATE_MARGIN_PT)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.beside = False
        """Whether the lines to write on stand beside the title, else under it."""
        if self.write_in is not None:
            self.write_in.across = None
            narrowed = stacked_height(self.lines, self._text_width(available_width, True))
            keeps_lines = narrowed <= stacked_height(self.lines, self._text_width(available_width, False)) + 0.5
            beside = self._height(available_width, True)
            self.beside = keeps_lines and beside <= self._height(available_width, False)  # which sets the lines in a row
            if self.beside:
                self.write_in.across = None
        self.height = self._height(available_width, self.beside)
        return available_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        if self.boxed or self.fill_color is not None:
            paint(canvas, self.width, self.height, self.fill_color, (self.outline, FRAME_PT), (self.bar, BAR_PT))
        else:
            paint(canvas, self.width, self.height, None, None, (self.bar, BAR_PT))
            canvas.saveState()
            canvas.setStrokeColor(self.outline)
            canvas.setLineWidth(OUTLINE_PT)
            canvas.line(0, self.height - OUTLINE_PT / 2, self.width, self.height - OUTLINE_PT / 2)
            canvas.line(0, OUTLINE_PT / 2, self.width, OUTLINE_PT / 2)
            canvas.restoreState()
        canvas.saveState()
        top = (self.height + self._right_height(self.beside)) / 2
        for content in self._right(self.beside):
            plate_width, plate_height = self._plate_size(content)
            self._plate(content, self.width - PADDING_PT - plate_width, top - plate_height)
            top -= plate_height + PLATE_GAP_PT
        if self.write_in is not None and not self.beside:
            self._plate(self.write_in, BAR_PT + PADDING_PT, PADDING_PT)
        canvas.restoreState()
        draw_stacked(self.lines, canvas, self._text_width(self.width, self.beside), self.height - TOP_PADDING_PT, BAR_PT + PADDING_PT)

    def _plate(self, content: Flowable, x: float, y: float) -> None:
        """``content`` on a plate of the background colour, its bottom left corner at (x, y)."""
        width, height = self._plate_size(content)
        self.canv.setFillColor(self.plate)
        self.canv.roundRect(x, y, width, height, 3, stroke=0, fill=1)
        inset = LOGO_PLATE_PADDING_PT if content is self.logo else 0.0
        content.drawOn(self.canv, x + inset, y + inset)


def draw_ribbon(canvas: Canvas, x: float, y: float, width: float, height: float, stripe: Color, ground: Color, label: Paragraph) -> None:
    """Diagonal stripes, like tape across a door, with ``label`` on a plate in the middle: no one mistakes the page."""
    canvas.saveState()
    path = canvas.beginPath()
    path.rect(x, y, width, height)
    canvas.clipPath(path, stroke=0, fill=0)
    canvas.setFillColor(ground)
    canvas.rect(x, y, width, height, stroke=0, fill=1)
    canvas.setFillColor(stripe)
    start = x - height
    while start < x + width:
        stripe_path = canvas.beginPath()
        stripe_path.moveTo(start, y)
        stripe_path.lineTo(start + RIBBON_STRIPE_PT, y)
        stripe_path.lineTo(start + RIBBON_STRIPE_PT + height, y + height)
        stripe_path.lineTo(start + height, y + height)
        stripe_path.close()
        canvas.drawPath(stripe_path, stroke=0, fill=1)
        start += 2 * RIBBON_STRIPE_PT
    label_width, label_height = label.wrap(width, height)
    label_width = max(line_width for line_width in label.getActualLineWidths0()) + 16
    plate_x = x + (width - label_width) / 2
    canvas.setFillColor(ground)
    canvas.rect(plate_x, y, label_width, height, stroke=0, fill=1)
    label.drawOn(canvas, plate_x + 8, y + (height - label_height) / 2)
    canvas.restoreState()
