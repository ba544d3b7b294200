"""A labelled box (At a glance, Key facts): tinted or outlined, with an accent bar down its left edge.

Drawn rather than made of a table, so that a split is a choice: only between items, with
at least two items on each side, each part closed by its own border and the continuation
labelled as such.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from guide.render.pdf.columns import draw_stacked, fill, least_stacked_height, stacked_height, wrapped_height

PADDING_PT = 9.0
BAR_PT = 3.0
BORDER_PT = 0.6
MIN_ITEMS_PER_PART = 2


class Box(Flowable):
    """``label`` above ``items``; ``continued`` labels the part after a split."""

    def __init__(
        self,
        label: Paragraph,
        items: Sequence[Flowable],
        *,
        fill_color: Color | None,
        border: Color,
        bar: Color,
        continued: Paragraph | None = None,
    ) -> None:
        super().__init__()
        self.label = label
        self.items = list(items)
        self.fill_color = fill_color
        self.border = border
        self.bar = bar
        self.continued = continued

    def _content(self) -> list[Flowable]:
        return [self.label, *self.items]

    def _inner_width(self, width: float) -> float:
        return width - 2 * PADDING_PT - BAR_PT

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = stacked_height(self._content(), self._inner_width(available_width)) + 2 * PADDING_PT
        return available_width, self.height

    def least_wrapped_height(self, available_width: float) -> float:
        """A height ``wrap`` never gives less than: its label and items at their least (see ``least_stacked_height``)."""
        return least_stacked_height(self._content(), self._inner_width(available_width)) + 2 * PADDING_PT

    def _part(self, label: Paragraph, items: list[Flowable]) -> Box:
        return Box(label, items, fill_color=self.fill_color, border=self.border, bar=self.bar, continued=self.continued)

    def _split_at(self, available_width: float, available_height: float, least: int) -> list[Flowable]:
        """Whole items only, at least ``least`` on each side."""
        inner = self._inner_width(available_width)
        room = available_height - 2 * PADDING_PT
        count = 0
        while count < len(self.items) and stacked_height([self.label, *self.items[: count + 1]], inner) <= room:
            count += 1
        count = min(count, len(self.items) - least)
        if count < least:
            return []
        return [self._part(self.label, self.items[:count]), self._part(self.continued or self.label, self.items[count:])]

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return self._split_at(available_width, available_height, MIN_ITEMS_PER_PART)

    def force_split(self, available_width: float, available_height: float) -> list[Flowable]:
        """On a page of its own and still too tall: split anywhere, inside an item if one alone is taller than the page."""
        inner = self._inner_width(available_width)
        room = available_height - 2 * PADDING_PT - wrapped_height(self.label, inner) - self.label.getSpaceAfter()
        head, tail = fill(self.items, inner, room, fresh=True)
        if not head or not tail:
            return []
        return [self._part(self.label, head), self._part(self.continued or self.label, tail)]

    def draw(self) -> None:
        canvas = self.canv
        paint(canvas, self.width, self.height, self.fill_color, (self.border, BORDER_PT), (self.bar, BAR_PT))
        inner = self._inner_width(self.width)
        draw_stacked(self._content(), canvas, inner, self.height - PADDING_PT, BAR_PT + PADDING_PT)


def paint(
    canvas: Canvas, width: float, height: float, fill_color: Color | None, frame: tuple[Color, float] | None, bar: tuple[Color, float]
) -> None:
    """An area filled with ``fill_color``, or else framed by a line inside its edges; a bar down its left side.

    The frame's line and the bar stay inside the area, and the bar is a filled rectangle rather
    than a stroke with caps, so nothing pokes past the area's edges.
    """
    canvas.saveState()
    if fill_color is not None:
        canvas.setFillColor(fill_color)
        canvas.rect(0, 0, width, height, stroke=0, fill=1)
    elif frame is not None:
        color, line = frame
        canvas.setStrokeColor(color)
        canvas.setLineWidth(line)
        canvas.rect(line / 2, line / 2, width - line, height - line, stroke=1, fill=0)
    canvas.setFillColor(bar[0])
    canvas.rect(0, 0, bar[1], height, stroke=0, fill=1)
    canvas.restoreState()
