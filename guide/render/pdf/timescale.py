"""The timeline as a graphic: events on a horizontal time scale across the page.

Dates stand where :mod:`guide.render.timescale` places them (the deck's rule): true to time, a
long empty wait cut short and shown as a break in the axis, so a cluster of events months apart
is not squeezed into a corner by one event years away. Labels alternate above and below
the axis and slide sideways until none overlaps, each tied to its mark by a leader line; the
topic's own event is highlighted. Every label carries its year, so the axis has no year ticks,
which a reader could take for the date of the event beside them.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Sequence

from reportlab.platypus import Flowable

from guide.model import TimelineEntry
from guide.render.pdf.inline import literal
from guide.render.pdf.internals import Paragraph
from guide.render.pdf.styles import Styles
from guide.render.timescale import apart, longest_kept, scaled, when

LEAST_LABEL_PT = 92.0
MOST_LABEL_PT = 150.0
LABEL_GAP_PT = 8.0
LEADER_PT = 12.0
SIDE_MARGIN_PT = 6.0
MARKER_PT = 3.4
HIGHLIGHT_MARKER_PT = 5.2
LABEL_PADDING_PT = 3.0
AXIS_PT = 1.6
DATE_MIDDLE_SHARE = 0.62
"""Of a line's leading, from its top: the middle of its figures and capitals."""
BREAK_LENGTH_PT = 7.5
"""The size of the words beside a break in the axis that say how long a time it stands for ("3 years")."""


def placeable(entries: Sequence[TimelineEntry]) -> bool:
    """Whether the entries can stand on a time scale: two or more, each a date or a year."""
    return len(entries) >= 2 and all(isinstance(entry.date, dt.date | int) for entry in entries)


def _labels(
    entries: Sequence[TimelineEntry],
    date_text: Callable[[dt.date | int | str], str],
    styles: Styles,
    highlight: object,
    inline: Callable[[str], str],
) -> tuple[int | None, list[Paragraph], list[Paragraph]]:
    """(index of the topic's own event, date paragraphs, event paragraphs); the topic's own event is set in bold."""
    chosen = [index for index, entry in enumerate(entries) if _is_highlight(entry, highlight)]
    own = chosen[0] if chosen else None
    dates = [Paragraph(literal(date_text(entry.date)), styles.timeline_date) for entry in entries]
    events = [
        Paragraph(inline(entry.event), styles.timeline_highlight if index == own else styles.timeline_event)
        for index, entry in enumerate(entries)
    ]
    return own, dates, events


def _is_highlight(entry: TimelineEntry, highlight: object) -> bool:
    if isinstance(highlight, dt.date):
        return entry.date == highlight
    if isinstance(highlight, int):
        return entry.date == highlight or (isinstance(entry.date, dt.date) and entry.date.year == highlight)
    return False


class _Events(Flowable):
    """Timeline entries as labels (date over event), the topic's own event marked for highlighting; ``span_text`` words
    the time a break in the axis stands for ("3 years")."""

    def __init__(
        self,
        entries: Sequence[TimelineEntry],
        date_text: Callable[[dt.date | int | str], str],
        span_text: Callable[[float], str],
        styles: Styles,
        highlight: object,
        inline: Callable[[str], str],
    ) -> None:
        super().__init__()
        self.entries = list(entries)
        self.span_text = span_text
        self.styles = styles
        self.highlight, self.dates, self.events = _labels(self.entries, date_text, styles, highlight, inline)

    def _break_length(self, days: float, x: float, y: float, align: str) -> None:
        """How long a time the break at ``x`` stands for, in small muted words with their baseline at ``y``."""
        canvas = self.canv
        canvas.setFillColor(self.styles.palette.muted)
        canvas.setFont(self.styles.caption.fontName, BREAK_LENGTH_PT)
        text = self.span_text(days)
        (canvas.drawCentredString if align == "centre" else canvas.drawString)(x, y, text)


class TimeScale(_Events):
    """Events at their dates on an axis across the whole width, labels above and below."""

    def label_width(self, width: float) -> float:
        """Labels share a side's width; never narrower than the widest date, which stays on one line."""
        per_side = -(-len(self.entries) // 2)
        widest_date = max(paragraph.minWidth() for paragraph in self.dates) + 2 * LABEL_PADDING_PT
        share = (width - 2 * SIDE_MARGIN_PT) / per_side - LABEL_GAP_PT
        return max(widest_date, min(MOST_LABEL_PT, share))

    def fits(self, width: float) -> bool:
        """Whether the labels fit side by side, one row above the axis and one below."""
        per_side = -(-len(self.entries) // 2)
        label = self.label_width(width)
        return label >= LEAST_LABEL_PT and per_side * (label + LABEL_GAP_PT) <= width - 2 * SIDE_MARGIN_PT + LABEL_GAP_PT

    def _label_height(self, index: int, label_width: float) -> float:
        inner = label_width - 2 * LABEL_PADDING_PT
        return self.dates[index].wrap(inner, 1e4)[1] + self.events[index].wrap(inner, 1e4)[1] + 2 * LABEL_PADDING_PT

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        if not self.fits(available_width):
            self.height = 1e6  # the caller then lists the events instead
            return available_width, self.height
        self._label = self.label_width(available_width)
        heights = [self._label_height(index, self._label) for index in range(len(self.entries))]
        self._above = max(heights[0::2]) + LEADER_PT
        self._below = max(heights[1::2], default=0.0) + LEADER_PT
        self.height = self._above + self._below
        return available_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        palette = self.styles.palette
        half = self._label / 2  # a label centred over the first or last date stays inside the margins
        room = (self._label + LABEL_GAP_PT) / 2  # labels alternate sides: a side's neighbours stand two dates apart
        placed = scaled([when(entry.date) for entry in self.entries], SIDE_MARGIN_PT + half, self.width - SIDE_MARGIN_PT - half, room)
        xs = placed.places
        axis_y = self._below
        canvas.saveState()
        self._draw_axis(placed.breaks, axis_y)
        for middle, days in zip(placed.breaks, placed.broken_days, strict=True):  # under the axis, above the labels' leaders
            self._break_length(days, middle, axis_y - 4 - BREAK_LENGTH_PT, "centre")
        for side, indexes in ((1, range(0, len(xs), 2)), (-1, range(1, len(xs), 2))):
            chosen = list(indexes)
            starts = [xs[index] - half for index in chosen]
            lefts = apart(starts, self._label + LABEL_GAP_PT, SIDE_MARGIN_PT, self.width - SIDE_MARGIN_PT - self._label)
            for index, left in zip(chosen, lefts, strict=True):
                self._draw_label(index, xs[index], left, axis_y, side)
        for index, x in enumerate(xs):
            highlighted = index == self.highlight
            canvas.setFillColor(palette.accent if highlighted else palette.primary)
            canvas.setStrokeColor(palette.background)
            canvas.setLineWidth(1.2)
            canvas.circle(x, axis_y, HIGHLIGHT_MARKER_PT if highlighted else MARKER_PT, stroke=1, fill=1)
        canvas.restoreState()

    def _draw_axis(self, breaks: Sequence[float], axis_y: float) -> None:
        canvas = self.canv
        palette = self.styles.palette
        canvas.setStrokeColor(palette.muted)
        canvas.setLineWidth(AXIS_PT)
        canvas.setLineCap(0)
        edges = [SIDE_MARGIN_PT, *(x for middle in breaks for x in (middle - 3, middle + 3)), self.width - SIDE_MARGIN_PT]
        for start, end in zip(edges[0::2], edges[1::2], strict=True):
            canvas.line(start, axis_y, end, axis_y)
        canvas.setLineWidth(1.0)
        for middle in breaks:
            for offset in (-3, 3):
                canvas.line(middle + offset - 2.5, axis_y - 5, middle + offset + 2.5, axis_y + 5)

    def _draw_label(self, index: int, x: float, left: float, axis_y: float, side: int) -> None:
        canvas = self.canv
        palette = self.styles.palette
        height = self._label_height(index, self._label)
        inner = self._label - 2 * LABEL_PADDING_PT
        near = axis_y + side * LEADER_PT
        bottom = near if side > 0 else near - height
        if index == self.highlight:
            canvas.setFillColor(palette.tint if self.styles.fills else palette.background)
            canvas.setStrokeColor(palette.accent)
            canvas.setLineWidth(1.0)
            canvas.rect(left, bottom, self._label, height, stroke=1, fill=1)
        anchor = min(max(x, left + 4), left + self._label - 4)
        canvas.setStrokeColor(palette.accent if index == self.highlight else palette.rule)
        canvas.setLineWidth(0.8)
        canvas.line(x, axis_y + side * MARKER_PT, anchor, near)
        date, event = self.dates[index], self.events[index]
        _, date_height = date.wrap(inner, 1e4)
        _, event_height = event.wrap(inner, 1e4)
        top = bottom + height - LABEL_PADDING_PT
        date.drawOn(canvas, left + LABEL_PADDING_PT, top - date_height)
        event.drawOn(canvas, left + LABEL_PADDING_PT, top - date_height - event_height)


class ColumnTimeScale(_Events):
    """Events down an axis, for a sidebar: each dot on the line of its own date, so no label can be read as another's.

    A column is too narrow to spread crowded labels away from their dates, so the labels set
    the positions: each event's dot sits level with its date, the space between two events
    grows with the time between them (close events close, a longer wait a longer gap) and a
    long empty stretch is cut short and drawn as a break in the axis. Every label carries its
    year, so the axis needs no year ticks that could be read against the wrong event.
    """

    AXIS_X_PT = HIGHLIGHT_MARKER_PT + 3.0
    LABEL_X_PT = 17.0
    MARGIN_PT = 2.0
    PADDING_PT = 2.0
    """Inside the highlight's frame, above and below each label."""
    LEAST_GAP_PT = 2.0
    SCALE_ROOM_PT = 8.0
    """The most room added between two events for the time between them (for the longest wait never broken for its length)."""
    BREAK_GAP_PT = 12.0

    def _label_height(self, index: int) -> float:
        inner = self.width - self.LABEL_X_PT - 2 * self.PADDING_PT
        return self.dates[index].wrap(inner, 1e4)[1] + self.events[index].wrap(inner, 1e4)[1] + 2 * self.PADDING_PT

    def _gaps(self) -> list[tuple[float, bool]]:
        """(room above each event after the first, whether a break in the axis stands for it)."""
        broken, waits = self._waits()
        longest = longest_kept(waits)  # the wait that gets the most room: the longest that need not break
        gaps = []
        for index, wait in enumerate(waits):
            if index in broken:
                gaps.append((self.BREAK_GAP_PT, True))
            else:
                share = wait / longest if longest > 0 else 0.0
                gaps.append((self.LEAST_GAP_PT + self.SCALE_ROOM_PT * max(0.0, share), False))
        return gaps

    def _waits(self) -> tuple[list[int], list[float]]:
        """(the waits shortened as breaks, every wait between neighbouring events in days)."""
        days = [when(entry.date) or 0.0 for entry in self.entries]
        broken = scaled(days, 0.0, 1.0, 0.0).broken  # the labels set the room: only the long waits break
        return broken, [after - before for before, after in itertools.pairwise(days)]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self._heights = [self._label_height(index) for index in range(len(self.entries))]
        self.height = sum(self._heights) + sum(gap for gap, _ in self._gaps()) + 2 * self.MARGIN_PT
        return available_width, self.height

    def positions(self) -> tuple[list[float], list[float], list[float]]:
        """(top of each label, height of each dot, middle of each break), in points from the foot, after ``wrap``.

        A dot sits on the middle of its date's line, so it reads with that date and no other.
        """
        tops, dots, breaks = [], [], []
        top = self.height - self.MARGIN_PT
        for index, (height, (gap, is_break)) in enumerate(zip(self._heights, [(0.0, False), *self._gaps()], strict=True)):
            if is_break:
                breaks.append(top - gap / 2)
            top -= gap
            tops.append(top)
            dots.append(top - self.PADDING_PT - self.dates[index].style.leading * DATE_MIDDLE_SHARE)
            top -= height
        return tops, dots, breaks

    def draw(self) -> None:
        canvas = self.canv
        palette = self.styles.palette
        inner = self.width - self.LABEL_X_PT - 2 * self.PADDING_PT
        tops, dots, breaks = self.positions()
        canvas.saveState()
        if self.highlight is not None:
            index = self.highlight
            canvas.setFillColor(palette.tint if self.styles.fills else palette.background)
            canvas.setStrokeColor(palette.accent)
            canvas.setLineWidth(1.0)
            left = 0.5
            canvas.rect(left, tops[index] - self._heights[index], self.width - left - 0.5, self._heights[index], stroke=1, fill=1)
        canvas.setStrokeColor(palette.muted)
        canvas.setLineWidth(AXIS_PT)
        canvas.setLineCap(0)
        edges = [dots[0], *(y for middle in breaks for y in (middle + 3, middle - 3)), dots[-1]]
        for start, end in zip(edges[0::2], edges[1::2], strict=True):
            canvas.line(self.AXIS_X_PT, start, self.AXIS_X_PT, end)
        canvas.setLineWidth(1.0)
        for middle in breaks:
            for offset in (-3, 3):
                canvas.line(self.AXIS_X_PT - 5, middle + offset - 2.5, self.AXIS_X_PT + 5, middle + offset + 2.5)
        broken, waits = self._waits()
        for middle, index in zip(breaks, broken, strict=True):  # beside the break, in the gap between two labels
            self._break_length(waits[index], self.LABEL_X_PT + self.PADDING_PT, middle - BREAK_LENGTH_PT * 0.35, "left")
        for index, (top, y) in enumerate(zip(tops, dots, strict=True)):
            highlighted = index == self.highlight
            date, event = self.dates[index], self.events[index]
            _, date_height = date.wrap(inner, 1e4)
            event.wrap(inner, 1e4)
            date.drawOn(canvas, self.LABEL_X_PT + self.PADDING_PT, top - self.PADDING_PT - date_height)
            event.drawOn(canvas, self.LABEL_X_PT + self.PADDING_PT, top - self.PADDING_PT - date_height - event.height)
            canvas.setFillColor(palette.accent if highlighted else palette.primary)
            canvas.setStrokeColor(palette.background)
            canvas.setLineWidth(1.2)
            canvas.circle(self.AXIS_X_PT, y, HIGHLIGHT_MARKER_PT if highlighted else MARKER_PT, stroke=1, fill=1)
        canvas.restoreState()
