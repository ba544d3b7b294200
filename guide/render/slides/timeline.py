"""The timeline as a horizontal axis on a time scale: markers where the dates fall, labels above and below.

Each marker stands where its date falls; a stretch of time much longer than the rest is
shortened and drawn as a break in the axis. Labels alternate above and below the axis, so
neighbours may stand closer than a label is wide; the labels of close dates are spread just
enough that they never collide, each joined to its marker by a leader line. The topic's own event
gets a larger marker in the accent colour and a tinted label. A timeline with more events than
one slide holds continues on slides of the same design, the events shared evenly among them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from guide.markup import Span
from guide.render.slides.fitting import Item
from guide.render.slides.geometry import Box
from guide.render.slides.shapes import Drawing, Line, Shape
from guide.render.slides.style import DeckStyle
from guide.render.slides.typeset import Typesetter

MARKER_PT = 14.0
HIGHLIGHT_PT = 22.0
AXIS_GAP_PT = 24.0
"""Between the axis and the nearest line of a label: room for a leader to slant from a spread label to its marker."""
LABEL_GAP_PT = 12.0
"""Between two labels on the same side of the axis."""
MAX_LABEL_PT = 360.0
MAX_PER_SLIDE = 8
BREAK_SHARE = 0.35
BREAK_RATIO = 3.0
"""A gap between two events longer than this share of the whole timeline, and this many times the
other gaps on average, is drawn shortened, as a break in the axis."""
_YEAR = re.compile(r"\b(\d{3,4})\b")


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


def when(value: dt.date | int | str) -> float | None:
    """A date's place on the scale, in days: a year counts from its middle; free text by the first year in it."""
    if isinstance(value, dt.date):
        return float(value.toordinal())
    match = _YEAR.search(str(value))
    if match is None or int(match.group(1)) < 1:
        return None
    return float(dt.date(int(match.group(1)), 7, 1).toordinal())


def timeline_pages(region: Box, events: Sequence[Event], set_: Typesetter, style: DeckStyle) -> list[list[Drawing]] | None:
    """The drawings of each timeline slide, on as few slides as keep every label readable; None if one label never fits."""
    for per_slide in range(min(len(events), MAX_PER_SLIDE), 0, -1):
        count = -(-len(events) // per_slide)
        pages = [list(events[index * len(events) // count : (index + 1) * len(events) // count]) for index in range(count)]
        width = label_width(region, max(len(page) for page in pages), set_)
        size = _largest_size(region, events, width, set_)
        if size is not None:
            return [_page(region, page, width, size, set_, style) for page in pages]
    return None


def _largest_size(region: Box, events: Sequence[Event], width: float, set_: Typesetter) -> float | None:
    """The largest timeline size at which every label fits its half of the slide with its date on one line."""
    half = region.height / 2 - set_.pt(AXIS_GAP_PT + HIGHLIGHT_PT / 2)

    def fits(size: float) -> bool:
        if any(set_.height(event.items, width, size, "timeline") > half for event in events):
            return False
        return all(set_.lines(event.items[0], width, size, "timeline") == 1 for event in events if event.exact)

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


def positions(events: Sequence[Event], low: float, high: float, spacing: float) -> Placement:
    """The markers, labels (at least ``spacing`` apart) and breaks of ``events`` between ``low`` and ``high``."""
    if len(events) == 1:
        return Placement([(low + high) / 2], [(low + high) / 2], [])
    steps, broken = _steps([event.when for event in events])
    total = sum(steps)
    markers = [low]
    for step in steps:
        markers.append(markers[-1] + (high - low) * step / total)
    labels = list(markers)
    for index in range(1, len(labels)):  # spread clusters rightwards, then pull back from the end
        labels[index] = max(labels[index], labels[index - 1] + spacing)
    labels[-1] = min(labels[-1], high)
    for index in range(len(labels) - 2, -1, -1):
        labels[index] = min(labels[index], labels[index + 1] - spacing)
    return Placement(markers, labels, [(markers[index] + markers[index + 1]) / 2 for index in broken])


def _steps(whens: Sequence[float | None]) -> tuple[list[float], list[int]]:
    """Relative distances between neighbouring events, long gaps shortened, and the gaps shortened."""
    count = len(whens) - 1
    known = [value for value in whens if value is not None]
    if len(known) < len(whens):
        return [1.0] * count, []
    gaps = [max(0.0, later - earlier) for earlier, later in pairwise(known)]
    total = sum(gaps)
    if total <= 0:
        return [1.0] * count, []
    broken = [
        index
        for index, gap in enumerate(gaps)
        if count >= 3 and gap > BREAK_SHARE * total and gap > BREAK_RATIO * (total - gap) / (count - 1)
    ]
    kept = [gap for index, gap in enumerate(gaps) if index not in broken]
    shortened = max([*kept, total / count * 0.5])
    return [shortened if index in broken else gap for index, gap in enumerate(gaps)], broken


def _page(region: Box, events: Sequence[Event], width: float, size: float, set_: Typesetter, style: DeckStyle) -> list[Drawing]:
    axis = region.top + region.height / 2
    low, high = region.left + width / 2, region.right - width / 2
    placed = positions(events, low, high, (width + set_.pt(LABEL_GAP_PT)) / 2)
    drawings: list[Drawing] = [Line(Box(region.left, axis, region.width, 0), "muted", set_.pt(2.5), "Axis")]
    half_gap, half_height = set_.pt(5), set_.pt(9)
    for x in placed.breaks:
        drawings += [
            Shape("rect", Box(x - half_gap, axis - half_height, 2 * half_gap, 2 * half_height), "background", name="Break"),
            Line(Box(x - half_gap, axis - half_height, 0, 2 * half_height), "muted", set_.pt(1.5), "Break"),
            Line(Box(x + half_gap, axis - half_height, 0, 2 * half_height), "muted", set_.pt(1.5), "Break"),
        ]
    clearance = set_.pt(AXIS_GAP_PT + HIGHLIGHT_PT / 2)
    """From the axis to the nearest edge of a label."""
    for index, (event, x, date) in enumerate(zip(events, placed.labels, placed.markers, strict=True)):
        height = set_.height(event.items, width, size, "timeline")
        above = index % 2 == 0
        top = axis - clearance - height if above else axis + clearance
        label = Box(min(max(x - width / 2, region.left), region.right - width), top, width, height)
        drawings.append(_leader(x, label.bottom if above else label.top, date, axis, set_.pt(1.0)))
        if event.own:
            drawings.append(Shape("roundRect", label, style.card_fill or "background", "accent", set_.pt(1.5), "Highlight"))
        drawings.append(set_.block(label, event.items, size, "timeline", align="ctr", name="Event"))
        diameter = set_.pt(HIGHLIGHT_PT) if event.own else set_.pt(MARKER_PT)
        marker = Box(date - diameter / 2, axis - diameter / 2, diameter, diameter)
        drawings.append(Shape("ellipse", marker, "accent" if event.own else "primary", "background", set_.pt(2.0), "Marker"))
    return drawings


def _leader(label_x: float, label_y: float, date_x: float, axis: float, weight: float) -> Line:
    """The line from a label's edge at ``label_x`` to its marker on the axis at ``date_x``: straight down, or slanted."""
    left, right = min(label_x, date_x), max(label_x, date_x)
    top, bottom = min(label_y, axis), max(label_y, axis)
    falling = (label_x <= date_x) == (label_y <= axis)  # from the upper end at the left to the lower end at the right
    return Line(Box(left, top, right - left, bottom - top), "muted", weight, "Tick", rising=not falling and right > left)
