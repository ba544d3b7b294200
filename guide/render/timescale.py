"""Dates to places along a line: the one rule the deck's timeline and the sheet's time scales follow.

Each date stands where it falls on one scale, so equal waits look equal; a wait far longer than
the timeline's middle one is shortened and shown as a break, so a cluster of close dates is not
squeezed into a corner by one date years away; a shortened wait is never drawn shorter than an
unbroken one, so a longer time never looks shorter, and each break is labelled with the time it
stands for ("3 years"), so a reader sees the scale still holds. What stands beside each date (a
label) keeps a least distance from its neighbours, moved no further than that needs. Pure arithmetic on
numbers: neither a slide nor a page, so both renderers draw from the same places.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

BREAK_RATIO = 3.0
"""A wait this many times the timeline's middle wait (its median) is drawn shortened, as a break in the axis."""
BREAK_GAIN = 1.5
"""A further wait is broken only where that draws the shortest unbroken wait at least this many times longer."""
_YEAR = re.compile(r"\b(\d{3,4})\b")


def when(value: dt.date | int | str) -> float | None:
    """A date's place on the scale, in days: a year counts from its middle; free text by the first year in it."""
    if isinstance(value, dt.date):
        return float(value.toordinal())
    match = _YEAR.search(str(value))
    if match is None or int(match.group(1)) < 1:
        return None
    return float(dt.date(int(match.group(1)), 7, 1).toordinal())


@dataclass(frozen=True)
class Scaled:
    """Where dates stand along a line, and which waits between them are shortened."""

    places: list[float]
    """Each date's place, the first at the line's start and the last at its end."""
    broken: list[int]
    """The waits (between date ``index`` and the next) drawn shortened."""
    waits: list[float] = field(default_factory=list)
    """The waits between neighbouring dates, in days."""

    @property
    def breaks(self) -> list[float]:
        """The middle of each shortened wait, where a break in the axis is drawn."""
        return [(self.places[index] + self.places[index + 1]) / 2 for index in self.broken]

    @property
    def broken_days(self) -> list[float]:
        """How long each shortened wait is, in days: what its break is labelled with, so a reader sees the scale holds."""
        return [self.waits[index] for index in self.broken]


def scaled(whens: Sequence[float | None], low: float, high: float, room: float) -> Scaled:
    """The places of dates (``when``'s days, in order) from ``low`` to ``high``, whose neighbours need ``room`` apart.

    Every wait ``BREAK_RATIO`` times the middle one is broken; then, while the shortest unbroken
    wait is drawn shorter than ``room``, the longest unbroken wait at least ``BREAK_RATIO`` times it
    is broken too, as long as that lengthens the shortest by ``BREAK_GAIN``. A date with no place
    (free text) leaves every wait equal. A single date stands in the middle.
    """
    if len(whens) == 1:
        return Scaled([(low + high) / 2], [])
    gaps, broken = _broken(whens, high - low, room)
    scale, shortened = _scale(gaps, broken, high - low, room)
    places = [low]
    for index, gap in enumerate(gaps):
        places.append(places[-1] + (shortened if index in broken else gap * scale))
    return Scaled(places, broken, gaps)


def _broken(whens: Sequence[float | None], length: float, room: float) -> tuple[list[float], list[int]]:
    """The waits in days between neighbouring dates (1 each where a date has no place), and those to shorten."""
    count = len(whens) - 1
    known = [value for value in whens if value is not None]
    gaps = [max(0.0, later - earlier) for earlier, later in pairwise(known)] if len(known) == len(whens) else [1.0] * count
    if sum(gaps) <= 0:
        return [1.0] * count, []
    broken = [index for index, gap in enumerate(gaps) if count >= 3 and gap > longest_kept(gaps)]
    while True:
        kept = [gap for index, gap in enumerate(gaps) if index not in broken and gap > 0]
        if not kept:
            return gaps, broken
        shortest = min(kept) * _scale(gaps, broken, length, room)[0]
        candidates = [index for index, gap in enumerate(gaps) if index not in broken and gap >= BREAK_RATIO * min(kept)]
        if shortest >= room or not candidates:
            return gaps, broken
        longest = max(candidates, key=lambda index: gaps[index])
        wider = sorted([*broken, longest])
        if min(gap for index, gap in enumerate(gaps) if index not in wider and gap > 0) * _scale(gaps, wider, length, room)[0] < (
            shortest * BREAK_GAIN
        ):
            return gaps, broken
        broken = wider


def longest_kept(gaps: Sequence[float]) -> float:
    """The longest wait that is never broken for its length alone: ``BREAK_RATIO`` times the middle one (the median)."""
    ordered = sorted(gaps)
    return BREAK_RATIO * ((ordered[(len(ordered) - 1) // 2] + ordered[len(ordered) // 2]) / 2)


def _scale(gaps: Sequence[float], broken: Sequence[int], length: float, room: float) -> tuple[float, float]:
    """(points a day of the unbroken waits, the length of each broken one) that fill ``length``."""
    kept = [gap for index, gap in enumerate(gaps) if index not in broken]
    if sum(kept) <= 0:
        return 0.0, length / max(len(broken), 1)
    scale = (length - len(broken) * room) / sum(kept)
    if scale > 0 and scale * max(kept) < room:
        return scale, room
    scale = length / (sum(kept) + len(broken) * max(kept))  # a break never shorter than a wait drawn to scale
    return scale, scale * max(kept)


def apart(places: Sequence[float], least: float, low: float, high: float) -> list[float]:
    """``places`` (in order) moved just enough that neighbours stand ``least`` apart, all within ``low`` to ``high``:
    crowded ones pushed forwards, then those past ``high`` pulled back. Where they cannot all fit, the gaps win."""
    moved = list(places)
    for index in range(len(moved)):  # a gap already wide enough is left as it is, not rounded by adding and subtracting
        if index == 0 or moved[index] - moved[index - 1] < least:
            moved[index] = max(moved[index], low if index == 0 else moved[index - 1] + least)
    for index in reversed(range(len(moved))):
        if index == len(moved) - 1 or moved[index + 1] - moved[index] < least:
            moved[index] = min(moved[index], high if index == len(moved) - 1 else moved[index + 1] - least)
    return moved


def crossing(start: tuple[float, float], end: tuple[float, float], band: tuple[float, float]) -> tuple[float, float] | None:
    """The stretch along the axis a straight line from ``start`` to ``end`` (x, y) covers within heights ``band``
    (either order); None where it stays outside the band. What a label set in that band must keep clear of."""
    (x0, y0), (x1, y1) = start, end
    low, high = min(band), max(band)
    if max(y0, y1) < low or min(y0, y1) > high:
        return None
    if y0 == y1:
        return min(x0, x1), max(x0, x1)
    xs = [x0 + (x1 - x0) * (min(max(y, min(y0, y1)), max(y0, y1)) - y0) / (y1 - y0) for y in (low, high)]
    return min(xs), max(xs)


def clear_place(middle: float, width: float, reach: tuple[float, float], blocked: Sequence[tuple[float, float]]) -> float | None:
    """The left edge of a ``width`` wide label nearest to centring it on ``middle``, inside ``reach`` and overlapping
    none of the ``blocked`` stretches (each already widened by the room to keep); None where no place is clear.

    A break's length is read under the break it names: shifted no further than it must, never onto a leader line or
    another label, and left out rather than crowded in."""
    low, high = reach[0], reach[1] - width
    if high < low:
        return None
    wanted = min(max(middle - width / 2, low), high)
    candidates = [wanted, *(edge for start, end in blocked for edge in (start - width, end))]  # beside each stretch
    free = [left for left in candidates if low <= left <= high and not any(left + width > start and left < end for start, end in blocked)]
    return min(free, key=lambda left: (abs(left - wanted), left), default=None)
