"""The title band of page one, and the striped ribbon that marks every page of a teacher's copy."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from guide.render.pdf.box import paint
from guide.render.pdf.columns import draw_stacked, stacked_height
from guide.render.pdf.internals import Picture

PADDING_PT = 14.0
TOP_PADDING_PT = 12.0
BAR_PT = 6.0
LOGO_MAX_WIDTH_PT = 120.0
LOGO_PLATE_PADDING_PT = 7.0
OUTLINE_PT = 1.5
FRAME_PT = 3.0
RIBBON_STRIPE_PT = 7.0


class TitleBand(Flowable):
    """Kicker, title, subtitle and meta line on a filled (or outlined) band, a logo inside it at the right.

    On a filled band the logo sits on a plate of the background colour, as tall as the band
    allows, so a logo made for white paper keeps its colours.
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
        boxed: bool = False,
    ) -> None:
        super().__init__()
        self.lines = list(lines)
        self.fill_color = fill_color
        self.outline = outline
        self.bar = bar
        self.plate = plate
        self.logo = logo
        self.boxed = boxed
        """An outlined band drawn as a heavy frame all round (a teacher's copy), not only rules above and below."""

    def _logo_width(self) -> float:
        return 0.0 if self.logo is None else self.logo.drawWidth + 2 * LOGO_PLATE_PADDING_PT + PADDING_PT

    def _text_width(self, width: float) -> float:
        return width - BAR_PT - 2 * PADDING_PT - self._logo_width()

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        text_height = stacked_height(self.lines, self._text_width(available_width))
        logo_height = 0.0 if self.logo is None else self.logo.drawHeight + 2 * LOGO_PLATE_PADDING_PT
        self.height = max(text_height, logo_height) + TOP_PADDING_PT + PADDING_PT
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
        if self.logo is not None:
            plate_width = self.logo.drawWidth + 2 * LOGO_PLATE_PADDING_PT
            plate_height = self.logo.drawHeight + 2 * LOGO_PLATE_PADDING_PT
            plate_x = self.width - PADDING_PT - plate_width
            plate_y = (self.height - plate_height) / 2
            canvas.setFillColor(self.plate)
            canvas.roundRect(plate_x, plate_y, plate_width, plate_height, 3, stroke=0, fill=1)
            self.logo.drawOn(canvas, plate_x + LOGO_PLATE_PADDING_PT, plate_y + LOGO_PLATE_PADDING_PT)
        canvas.restoreState()
        draw_stacked(self.lines, canvas, self._text_width(self.width), self.height - TOP_PADDING_PT, BAR_PT + PADDING_PT)


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
