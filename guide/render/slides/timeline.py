"""The timeline as a horizontal axis on a time scale: markers where the dates fall, labels above and below.

Each marker stands where its date falls; every stretch of time much longer than the rest is
shortened and drawn as a break in the axis, so close dates get room, and markers that would
still touch are merged into one span. Labels alternate above and below the axis, so
neighbours may stand closer than a label is wide; the labels of close dates are spread just
enough that they never collide, each joined to its marker by a leader line. The topic's own event
gets a larger marker in the accent colour and a tinted label; each break says how long a time it stands for.
A long timeline continues on slides of the same design, its events shared evenly; events too wordy for three
labels to share a slide make a dated list instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from guide.markup import Span
from guide.render.slides.fitting import INSET_X_PT, INSET_Y_PT, Item
from guide.render.slides.geometry import Box
from guide.render.slides.shapes import Drawing, Line, Shape, TextBlock
from guide.render.slides.style import DeckStyle
from guide.render.slides.typeset import Typesetter
from guide.render.timescale import apart, clear_place, crossing, scaled

MARKER_PT = 14.0
HIGHLIGHT_PT = 22.0
AXIS_GAP_PT = 24.0
"""Between the axis and the nearest line of a label: room for a leader to slant from a spread label to its marker."""
LABEL_GAP_PT = 12.0
"""Between two labels on the same side of the axis."""
MAX_LABEL_PT = 360.0
MAX_PER_SLIDE = 8
LEAST_PER_SLIDE = 3
"""Fewer events than this on a slide (labels too wordy to stand more abreast at the floor size) say next to nothing
about how the dates lie, and leave most of the slide empty: such a timeline is a dated list instead."""
MARKER_SPACING = 1.5
"""Markers' centres stand at least this many markers apart (more beside the highlight); closer ones merge into a span."""
BREAK_HALF_HEIGHT_PT = 9.0
"""A break's marks reach this far either side of the axis; its length is read just below them."""
LENGTH_ROOM_PT = 6.0
"""Kept clear around a break's length: no leader line or label comes nearer."""


@dataclass(frozen=True)
class Event:
    """One entry as the timeline shows it: its date as printed, its text, where it falls and whether it is the topic's."""

    date: str
    text: tuple[Span, ...]
    when: float | None
    own: bool = False
    exact: bool = True
    """A date or a year, which must stay on one line; free text may wrap."""

    @property
    def items(self) -> list[Item]:
        return [Item((Span(self.date, bold=True),), bullet=False), Item(self.text, bullet=False)]


def timeline_pages(
    region: Box, events: Sequence[Event], set_: Typesetter, style: DeckStyle, span_text: Callable[[float], str]
) -> list[list[Drawing]] | None:
    """The drawings of each timeline slide, on as few slides as keep every label readable; None where that leaves
    fewer than ``LEAST_PER_SLIDE`` events on a slide (a timeline shorter than that stands on one slide, or not at all).
    ``span_text`` words the time a break in the axis stands for ("3 years")."""
    for per_slide in range(min(len(events), MAX_PER_SLIDE), min(len(events), LEAST_PER_SLIDE) - 1, -1):
        count = -(-len(events) // per_slide)
        pages = [list(events[index * len(events) // count : (index + 1) * len(events) // count]) for index in range(count)]
        width = label_width(region, max(len(page) for page in pages), set_)
        size = _largest_size(region, events, width, set_)
        if size is not None:
            return [_page(region, page, width, size, set_, style, span_text) for page in pages]
    return None


def _largest_size(region: Box, events: Sequence[Event], width: float, set_: Typesetter) -> float | None:
    """The largest timeline size at which every label fits its half of the slide with its date on one line."""
    half = region.height / 2 - set_.pt(AXIS_GAP_PT + HIGHLIGHT_PT / 2)

    def fits(size: float) -> bool:
        if any(set_.height(event.items, width, size, "timeline") > half for event in events):
            return False
        return all(set_.on_one_line(event.items[0], width, size, "timeline") for event in events if event.exact)

    return set_.largest_where(fits, "timeline")


def label_width(region: Box, count: int, set_: Typesetter) -> float:
    """The widest label that lets ``count`` alternating labels stand side by side across the region."""
    if count == 1:
        return region.width
    return min(set_.pt(MAX_LABEL_PT), (2 * region.width - (count - 1) * set_.pt(LABEL_GAP_PT)) / (count + 1))


@dataclass(frozen=True)
class Placement:
    """Where a timeline's parts stand across the slide, in points."""

    markers: list[float]
    """Each event's marker, where its date falls (long gaps shortened)."""
    labels: list[float]
    """The middle of each event's label: its marker's place, spread where labels would collide."""
    breaks: list[float]
    """The middle of each shortened gap, drawn as a break in the axis."""
    broken_days: list[float] = field(default_factory=list)
    """How long each shortened gap is, in days."""
    spans: list[tuple[int, int]] = field(default_factory=list)
    """(first, last) events whose markers would touch, drawn as one marked span from the first date to the last."""


def positions(events: Sequence[Event], low: float, high: float, spacing: float, least: float = 0.0) -> Placement:
    """The markers, labels (at least ``spacing`` apart) and breaks of ``events`` between ``low`` and ``high``.

    The dates stand to scale as :mod:`guide.render.timescale` places them, a label's room (``spacing``)
    apart where long waits allow; markers whose centres would still stand closer than ``least`` are
    merged into spans.
    """
    placed = scaled([event.when for event in events], low, high, spacing)
    labels = apart(placed.places, spacing, low, high)
    return Placement(placed.places, labels, placed.breaks, placed.broken_days, _touching(placed.places, events, least))


def _touching(markers: Sequence[float], events: Sequence[Event], least: float) -> list[tuple[int, int]]:
    """Runs of two or more events whose neighbouring markers stand closer than ``least`` (more for a highlighted one)."""
    runs: list[tuple[int, int]] = []
    start = 0
    for index in range(1, len(markers) + 1):
        if index < len(markers) and markers[index] - markers[index - 1] < least * _reach(events[index - 1], events[index]):
            continue
        if index - 1 > start:
            runs.append((start, index - 1))
        start = index
    return runs


def _reach(first: Event, second: Event) -> float:
    """How far apart two markers stand, as a multiple of the least spacing: further when one is the larger highlight."""
    return (_diameter(first) + _diameter(second)) / (2 * MARKER_PT)


def _diameter(event: Event) -> float:
    return HIGHLIGHT_PT if event.own else MARKER_PT


def _page(
    region: Box, events: Sequence[Event], width: float, size: float, set_: Typesetter, style: DeckStyle, span_text: Callable[[float], str]
) -> list[Drawing]:
    axis = region.top + region.height / 2
    low, high = region.left + width / 2, region.right - width / 2
    placed = positions(events, low, high, (width + set_.pt(LABEL_GAP_PT)) / 2, set_.pt(MARKER_PT * MARKER_SPACING))
    merged = {index for first, last in placed.spans for index in range(first, last + 1)}
    drawings: list[Drawing] = [Line(Box(region.left, axis, region.width, 0), "muted", set_.pt(2.5), "Axis")]
    half_gap, half_height = set_.pt(5), set_.pt(BREAK_HALF_HEIGHT_PT)
    clearance = set_.pt(AXIS_GAP_PT + HIGHLIGHT_PT / 2)
    """From the axis to the nearest edge of a label."""
    labels: list[tuple[Box, Line]] = []
    for index, (event, x, date) in enumerate(zip(events, placed.labels, placed.markers, strict=True)):
        height = set_.height(event.items, width, size, "timeline")
        above = index % 2 == 0
        top = axis - clearance - height if above else axis + clearance
        label = Box(min(max(x - width / 2, region.left), region.right - width), top, width, height)
        labels.append((label, _leader(x, label.bottom if above else label.top, date, axis, set_.pt(1.0))))
    for x in placed.breaks:
        drawings += [
            Shape("rect", Box(x - half_gap, axis - half_height, 2 * half_gap, 2 * half_height), "background", name="Break"),
            Line(Box(x - half_gap, axis - half_height, 0, 2 * half_height), "muted", set_.pt(1.5), "Break"),
            Line(Box(x + half_gap, axis - half_height, 0, 2 * half_height), "muted", set_.pt(1.5), "Break"),
        ]
    lengths = _break_lengths(region, placed, [box for box, _ in labels], [leader for _, leader in labels], set_, span_text)
    """Each break's length, read in its place among the labels, left to right."""
    for index, (event, date, (label, leader)) in enumerate(zip(events, placed.markers, labels, strict=True)):
        drawings.append(leader)
        while lengths and lengths[0].box.left < label.left:
            drawings.append(lengths.pop(0))
        if event.own:
            drawings.append(Shape("roundRect", label, style.card_fill or "background", "accent", set_.pt(1.5), "Highlight"))
        drawings.append(set_.block(label, event.items, size, "timeline", align="ctr", name="Event"))
        if index not in merged:
            diameter = set_.pt(_diameter(event))
            marker = Box(date - diameter / 2, axis - diameter / 2, diameter, diameter)
            drawings.append(Shape("ellipse", marker, "accent" if event.own else "primary", "background", set_.pt(2.0), "Marker"))
    drawings += lengths
    for first, last in placed.spans:
        group = events[first : last + 1]
        height = set_.pt(max(_diameter(event) for event in group))
        left, right = placed.markers[first] - height / 2, placed.markers[last] + height / 2
        ink = "accent" if any(event.own for event in group) else "primary"
        span = Box(left, axis - height / 2, right - left, height)
        drawings.append(Shape("roundRect", span, ink, "background", set_.pt(2.0), "Marker span"))
    return drawings


def _break_lengths(
    region: Box, placed: Placement, labels: Sequence[Box], leaders: Sequence[Line], set_: Typesetter, span_text: Callable[[float], str]
) -> list[TextBlock]:
    """What each break stands for ("5 years"), just under the axis between the break's two markers: moved along the
    axis off any leader line or label it would touch, and left out where no place is clear (the break still shows).
    A length is judged by its lines of text, inside its box's margins; a label by its whole box, which may be framed."""
    axis = region.top + region.height / 2
    caption = set_.sizes("caption")[1]
    room, top = set_.pt(LENGTH_ROOM_PT), axis + set_.pt(BREAK_HALF_HEIGHT_PT)
    lengths: list[TextBlock] = []
    for x, days in zip(placed.breaks, placed.broken_days, strict=True):
        length = Item((Span(span_text(days)),), bullet=False)  # what the break stands for: the scale still holds
        width = set_.one_line_width(length, caption, "caption")
        height = set_.height([length], width, caption, "caption")
        lines = (top + INSET_Y_PT, top + height - INSET_Y_PT)
        before = max(marker for marker in placed.markers if marker < x) + set_.pt(HIGHLIGHT_PT / 2)
        after = min(marker for marker in placed.markers if marker > x) - set_.pt(HIGHLIGHT_PT / 2)
        blocked = [(box.left - room, box.right + room) for box in labels if box.top < lines[1] and box.bottom > lines[0]]
        blocked += [(block.box.left + INSET_X_PT - room, block.box.right - INSET_X_PT + room) for block in lengths]
        for leader in leaders:
            stretch = crossing(*_ends(leader), (lines[0] - room, lines[1] + room))
            if stretch is not None:
                blocked.append((stretch[0] - room, stretch[1] + room))
        reach = (max(before, region.left + INSET_X_PT), min(after, region.right - INSET_X_PT))
        left = clear_place(x, width - 2 * INSET_X_PT, reach, blocked)
        if left is not None:
            box = Box(left - INSET_X_PT, top, width, height)
            lengths.append(set_.block(box, [length], caption, "caption", ink="muted", align="ctr", name="Break length"))
    return lengths


def _ends(line: Line) -> tuple[tuple[float, float], tuple[float, float]]:
    """A line's two ends, (x, y) each."""
    box = line.box
    return ((box.left, box.bottom), (box.right, box.top)) if line.rising else ((box.left, box.top), (box.right, box.bottom))


def _leader(label_x: float, label_y: float, date_x: float, axis: float, weight: float) -> Line:
    """The line from a label's edge at ``label_x`` to its marker on the axis at ``date_x``: straight down, or slanted."""
    left, right = min(label_x, date_x), max(label_x, date_x)
    top, bottom = min(label_y, axis), max(label_y, axis)
    falling = (label_x <= date_x) == (label_y <= axis)  # from the upper end at the left to the lower end at the right
    return Line(Box(left, top, right - left, bottom - top), "muted", weight, "Tick", rising=not falling and right > left)
