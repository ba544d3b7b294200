"""The date-scale rule both renderers follow: order kept, inside the line, waits to one scale, long waits broken, gaps kept."""

from __future__ import annotations

import datetime as dt
import itertools
import statistics

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from guide.render.timescale import BREAK_RATIO, apart, clear_place, crossing, scaled, when

PROPERTIES = settings(max_examples=60, deadline=None)
days = st.lists(st.integers(0, 80_000), min_size=1, max_size=14).map(lambda values: [float(value) for value in sorted(values)])
lines = st.tuples(st.floats(0, 200), st.floats(100, 900)).map(lambda pair: (pair[0], pair[0] + pair[1]))


@PROPERTIES
@given(whens=days, line=lines, room=st.floats(0, 80))
def test_dates_keep_their_order_inside_the_line_from_end_to_end(whens: list[float], line: tuple[float, float], room: float) -> None:
    low, high = line
    places = scaled(whens, low, high, room).places
    assert len(places) == len(whens)
    assert all(earlier <= later + 1e-9 for earlier, later in itertools.pairwise(places))
    assert all(low - 1e-6 <= place <= high + 1e-6 for place in places)
    if len(whens) > 1:
        assert places[0] == low and places[-1] == pytest.approx(high)


@PROPERTIES
@given(whens=days, line=lines, room=st.floats(0, 80))
def test_unbroken_waits_share_one_scale_and_a_broken_one_never_looks_shorter(
    whens: list[float], line: tuple[float, float], room: float
) -> None:
    placed = scaled(whens, *line, room)
    waits = [later - earlier for earlier, later in itertools.pairwise(whens)]
    drawn = [later - earlier for earlier, later in itertools.pairwise(placed.places)]
    kept = [(length, wait) for index, (length, wait) in enumerate(zip(drawn, waits, strict=True)) if index not in placed.broken]
    scales = [length / wait for length, wait in kept if wait > 0]
    assert all(scale == pytest.approx(scales[0]) for scale in scales)
    for index in placed.broken:
        assert drawn[index] >= max((length for length, _ in kept), default=0.0) - 1e-6
    assert placed.breaks == [pytest.approx((placed.places[index] + placed.places[index + 1]) / 2) for index in placed.broken]


@PROPERTIES
@given(whens=days, line=lines, room=st.floats(0, 80))
def test_a_wait_far_longer_than_the_middle_one_is_broken_and_only_a_longer_one_is(
    whens: list[float], line: tuple[float, float], room: float
) -> None:
    """Every wait ``BREAK_RATIO`` times the median (of three or more) is broken, and with no room to make beside the
    dates only those; a broken wait is never shorter than an unbroken one."""
    placed = scaled(whens, *line, room)
    waits = [later - earlier for earlier, later in itertools.pairwise(whens)]
    counted = len(waits) >= 3 and sum(waits) > 0
    long = {index for index, wait in enumerate(waits) if counted and wait > BREAK_RATIO * statistics.median(waits)}
    assert long <= set(placed.broken)
    assert set(scaled(whens, *line, 0.0).broken) == long
    unbroken = [wait for index, wait in enumerate(waits) if index not in placed.broken]
    assert all(waits[index] >= max(unbroken, default=0.0) for index in placed.broken)


def test_close_dates_get_room_by_breaking_the_longest_waits_first() -> None:
    """Two dates a week apart beside waits of years: the years are broken until the week is drawn a label's room long."""
    whens = [0.0, 7.0, 2000.0, 2007.0, 9000.0]
    placed = scaled(whens, 0, 600, 40)
    assert placed.broken and all(index in (1, 3) for index in placed.broken)
    drawn = [later - earlier for earlier, later in itertools.pairwise(placed.places)]
    assert drawn[0] > 7 / 9000 * 600


@PROPERTIES
@example(places=[1.3e-18, 1.0], least=1.0, line=(0.0, 100.0))  # a gap of exactly ``least`` once rounded away
@given(
    places=st.lists(st.floats(0, 500), min_size=1, max_size=10).map(sorted),
    least=st.floats(1, 60),
    line=lines,
)
def test_apart_keeps_neighbours_the_least_distance_apart_and_inside_the_line_where_they_fit(
    places: list[float], least: float, line: tuple[float, float]
) -> None:
    low, high = line
    moved = apart(places, least, low, high)
    assert all(later - earlier >= least - 1e-6 for earlier, later in itertools.pairwise(moved))
    if (len(places) - 1) * least <= high - low:
        assert all(low - 1e-6 <= place <= high + 1e-6 for place in moved)
    spread_out = all(later - earlier >= least for earlier, later in itertools.pairwise(places))
    if spread_out and all(low <= place <= high for place in places):
        assert moved == places  # nothing moves that need not


def test_a_year_stands_at_its_middle_and_free_text_by_its_first_year() -> None:
    assert when(1926) == dt.date(1926, 7, 1).toordinal()
    assert when(dt.date(1926, 4, 24)) == dt.date(1926, 4, 24).toordinal()
    assert when("spring 1926 to 1927") == when(1926)
    assert when("undated") is None


stretches = st.lists(st.tuples(st.floats(0, 600), st.floats(0, 80)).map(lambda pair: (pair[0], pair[0] + pair[1])), max_size=6)


@PROPERTIES
@given(middle=st.floats(0, 600), width=st.floats(1, 120), reach=lines, blocked=stretches)
@example(middle=0.0, width=51.0, reach=(7.765681161653757e-80, 100.0), blocked=[(51.0, 51.0)])  # touches an empty stretch
@example(middle=0.0, width=1.0, reach=(7.765681161653757e-80, 100.0), blocked=[(1.0, 1.0)])
def test_a_breaks_length_stands_clear_inside_its_reach_as_near_its_break_as_it_can_or_nowhere(
    middle: float, width: float, reach: tuple[float, float], blocked: list[tuple[float, float]]
) -> None:
    left = clear_place(middle, width, reach, blocked)
    wanted = min(max(middle - width / 2, reach[0]), reach[1] - width)
    free = [
        start
        for start in [wanted, *(edge for low, high in blocked for edge in (low - width, high))]
        if reach[0] <= start <= reach[1] - width and not any(start + width > low and start < high for low, high in blocked)
    ]
    if left is None:
        assert not free
        return
    assert reach[0] <= left and left + width <= reach[1] + 1e-9
    assert not any(left + width > low + 1e-9 and left < high - 1e-9 for low, high in blocked)
    assert all(abs(left - wanted) <= abs(start - wanted) + 1e-9 for start in free)  # moved no further than it must


def test_a_line_covers_the_stretch_it_crosses_within_a_band() -> None:
    assert crossing((0, 0), (10, 10), (2, 4)) == pytest.approx((2, 4))
    assert crossing((10, 0), (0, 10), (4, 2)) == pytest.approx((6, 8))
    assert crossing((0, 0), (10, 10), (11, 12)) is None
    assert crossing((3, 0), (3, 5), (1, 2)) == (3, 3)
