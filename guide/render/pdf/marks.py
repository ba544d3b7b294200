"""Boxes a student ticks, numbers or letters, each before its text, in one column or side by side (a matching's two).

Drawn as lines rather than set as glyphs, so they print the same in every font; the answer
key draws the same boxes with what belongs in them (a tick, a letter, a number), so a
teacher can lay the key over a student's sheet and compare box by box.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Paragraph

BOX_PT = 11.0
"""A box's side: room for a tick, a letter or a two-digit number written by hand."""
BOX_GAP_PT = 6.0
"""Between a box and its text."""
ROW_GAP_PT = 4.0
COLUMN_GAP_PT = 24.0
"""Between columns side by side (a matching's: its letters are written in the boxes, no lines drawn between the columns)."""
ONE_LINE_SLACK_PT = 0.5
"""Kept free beside an option's line, so that it fits its column however its width rounds."""
INSIDE_PT = 9.0
"""A letter or number in a box, bold: as large as the box holds, so a key is checked against a student's paper at a glance."""


@dataclass(frozen=True)
class Mark:
    """What a row shows before its text: a box (empty, ticked or holding a letter or number), or only a label."""

    inside: str = ""
    """A letter or number written in the box; empty for a box to fill in."""
    ticked: bool = False
    boxed: bool = True
    """False shows ``inside`` as a label with no box, at its text's size (the letters of a matching's right column)."""


Row = tuple[Mark, Paragraph]


class MarkedRows(Flowable):
    """Rows of a mark and a paragraph; several columns of rows are set side by side, row by row, each row as tall as its tallest.

    A question's options stay together (``Kept`` splits only a group taller than a page between its
    parts); rows taller than a whole page part between rows.
    """

    def __init__(
        self,
        columns: Sequence[Sequence[Row]],
        ink: Color,
        font: str,
        indent_pt: float,
        shares: Sequence[float] = (),
        row_gap_pt: float = ROW_GAP_PT,
    ) -> None:
        super().__init__()
        self.columns = [list(column) for column in columns]
        self.shares = list(shares) or [1 / len(self.columns)] * len(self.columns)
        """Each column's share of the width they divide."""
        self.ink = ink
        self.font = font
        self.indent_pt = indent_pt
        self.row_gap_pt = row_gap_pt
        self.heights: list[float] = []

    def _text_widths(self, available_width: float) -> list[float]:
        shared = available_width - self.indent_pt - COLUMN_GAP_PT * (len(self.columns) - 1)
        return [max(20.0, shared * share - BOX_PT - BOX_GAP_PT) for share in self.shares]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        widths = self._text_widths(available_width)
        rows = max(len(column) for column in self.columns)
        self.heights = []
        for index in range(rows):
            tallest = BOX_PT
            for column, width in zip(self.columns, widths, strict=True):
                if index < len(column):
                    tallest = max(tallest, column[index][1].wrap(width, available_height)[1])
            self.heights.append(tallest)
        self.height = sum(self.heights) + self.row_gap_pt * rows
        return available_width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """The rows that fit in ``available_height`` and the rest, parted between rows; nothing if not even one row fits."""
        self.wrap(available_width, available_height)
        used, fitting = 0.0, 0
        for height in self.heights:
            if used + height + self.row_gap_pt > available_height:
                break
            used += height + self.row_gap_pt
            fitting += 1
        if fitting == 0 or fitting == len(self.heights):
            return []
        parts = [[column[:fitting] for column in self.columns], [column[fitting:] for column in self.columns]]
        return [MarkedRows(columns, self.ink, self.font, self.indent_pt, self.shares, self.row_gap_pt) for columns in parts]

    def draw(self) -> None:
        canvas = self.canv
        widths = self._text_widths(self.width)
        lefts = [self.indent_pt]
        for width in widths[:-1]:
            lefts.append(lefts[-1] + BOX_PT + BOX_GAP_PT + width + COLUMN_GAP_PT)
        top = self.height
        for index, row_height in enumerate(self.heights):
            for column, x, width in zip(self.columns, lefts, widths, strict=True):
                if index >= len(column):
                    continue
                mark, text = column[index]
                if mark.boxed:
                    self._mark(mark, x, top - BOX_PT - 1)
                else:  # a label on its text's first line, as large and as dark
                    size = text.style.fontSize
                    canvas.saveState()
                    canvas.setFillColor(self.ink)
                    canvas.setFont(self.font, size)
                    canvas.drawCentredString(x + BOX_PT / 2, top - size, mark.inside)
                    canvas.restoreState()
                _, text_height = text.wrap(width, row_height)
                text.drawOn(canvas, x + BOX_PT + BOX_GAP_PT, top - text_height)
            top -= row_height + self.row_gap_pt

    def _mark(self, mark: Mark, x: float, y: float) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(self.ink)
        canvas.setFillColor(self.ink)
        canvas.setLineWidth(0.8)
        canvas.rect(x, y, BOX_PT, BOX_PT, stroke=1, fill=0)
        if mark.ticked:
            canvas.setLineWidth(1.6)
            path = canvas.beginPath()
            path.moveTo(x + 2.2, y + BOX_PT * 0.5)
            path.lineTo(x + BOX_PT * 0.42, y + 2.2)
            path.lineTo(x + BOX_PT - 1.8, y + BOX_PT - 1.6)
            canvas.drawPath(path, stroke=1, fill=0)
        if mark.inside:
            size = INSIDE_PT if len(mark.inside) == 1 else INSIDE_PT * 0.8  # a two-digit number fits the box too
            canvas.setFont(self.font, size)
            canvas.drawCentredString(x + BOX_PT / 2, y + (BOX_PT - size * 0.7) / 2, mark.inside)
        canvas.restoreState()


class OptionRows(MarkedRows):
    """A question's options, A, B, C … in reading order, in as many columns as their widest fits on one line (A B / C D), else
    one under another.

    ``widest_pt`` is the widest option set on one line; the answer key measures the same as the paper, so both set the
    options alike, and the key's feedback under an option wraps in its column.
    """

    def __init__(
        self, rows: Sequence[Row], widest_pt: float, ink: Color, font: str, indent_pt: float, row_gap_pt: float = ROW_GAP_PT
    ) -> None:
        super().__init__([rows], ink, font, indent_pt, (), row_gap_pt)
        self.widest_pt = widest_pt

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        rows = max(len(column) for column in self.columns)
        in_order = [column[row] for row in range(rows) for column in self.columns if row < len(column)]
        count = option_columns(len(in_order), self.widest_pt, available_width - self.indent_pt)
        self.columns = [in_order[column::count] for column in range(count)]
        self.shares = [1 / count] * count
        return super().wrap(available_width, available_height)


def option_columns(options: int, widest_pt: float, room_pt: float) -> int:
    """The most columns (each row full but the last, as few rows as that many columns need) in which ``options`` options
    each fit on one line, the widest ``widest_pt`` wide, in ``room_pt``: four short ones in a row, or two rows of two."""
    for rows in range(1, options + 1):
        columns = -(-options // rows)
        if -(-options // columns) != rows:
            continue  # as many columns as fewer rows need: not a layout of its own
        text_pt = (room_pt - COLUMN_GAP_PT * (columns - 1)) / columns - BOX_PT - BOX_GAP_PT
        if widest_pt + ONE_LINE_SLACK_PT <= text_pt:
            return columns
    return 1
