"""What every slide plan must satisfy, whatever the topic: checked on plans of real and generated topics."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict

from guide.fonts import BUNDLED_FAMILIES
from guide.render.slides.fitting import INSET_X_PT, INSET_Y_PT, items_height, text_width
from guide.render.slides.geometry import Box
from guide.render.slides.measure import Measurer
from guide.render.slides.plan import SPARSE_SHARE, DeckPlan, SlidePlan
from guide.render.slides.shapes import Line, Shape, TextBlock
from guide.render.slides.style import DISPLAY_ROLES, SIZES

MEASURER = Measurer(BUNDLED_FAMILIES["Liberation Sans"])
FOOTER_PT = 44.0
"""The footer band our design keeps clear at the foot of every slide."""
EXACT_DATE = re.compile(r"^(\d{1,2}\.?\s)?([^\W\d]+\.?\s)?\d{3,4}$")
DISPLAY_DESIGNS = ("statement", "divider", "cover", "picture", "quotation", "translation", "numbers", "question")


def text_blocks(slide: SlidePlan) -> list[TextBlock]:
    blocks = [block for block in (slide.subtitle, slide.body) if block is not None]
    return blocks + [drawing for drawing in slide.drawing if isinstance(drawing, TextBlock)]


def boxes(slide: SlidePlan) -> list[Box]:
    return [slide.title_box, *(block.box for block in (slide.subtitle, slide.body) if block), *(drawing.box for drawing in slide.drawing)]


def content_reach(slide: SlidePlan, plan: DeckPlan) -> float:
    """How far down the body (below the title, above the footer) the slide's content reaches, as a share."""
    top, bottom = slide.title_box.bottom, plan.height_pt - FOOTER_PT
    if slide.body is not None:
        lowest = slide.body.box.top + items_height(slide.body.items, slide.body.box.width, slide.body.size_pt, MEASURER)
    else:
        content = [drawing.box for drawing in slide.drawing if drawing.box.top > slide.title_box.bottom + 12]
        lowest = max((box.bottom for box in content), default=top)
    return (lowest - top) / (bottom - top)


def _lumpy_continuation(plan: DeckPlan, slide: SlidePlan) -> bool:
    """A slide of a list that needed two slides' room, but whose items are too large to share evenly between them
    (an item is split only at sentence ends): it and its neighbour in the list fill close to two slides."""
    index = plan.slides.index(slide)
    neighbours = [plan.slides[index - 1], *plan.slides[index + 1 : index + 2]]
    return any(
        slide.design == neighbour.design == "list"
        and slide.section == neighbour.section
        and content_reach(neighbour, plan) + content_reach(slide, plan) >= 0.9
        for neighbour in neighbours
    )


def assert_plan_sound(plan: DeckPlan, measurer: Measurer = MEASURER) -> None:
    """No box leaves the slide, every text fits its box at its size (within its role's range), each role has one
    size across the deck, dates stay on one line, no body slide is mostly empty unless it is a display design,
    every slide has a title no other slide repeats, each section of slides is named and held together, and a slide whose
    notes are given on another says which: an earlier slide of its section, with notes of its own."""
    sizes: dict[str, set[float]] = defaultdict(set)
    for slide in plan.slides:
        assert slide.title.strip(), slide
        if slide.role != "title":
            sizes["title"].add(slide.title_size_pt)
        for box in boxes(slide):
            assert box.left >= -0.01 and box.right <= plan.width_pt + 0.01, (slide.title, box)
            assert box.top >= -0.01 and box.bottom <= plan.height_pt + 0.01, (slide.title, box)
            assert box.width >= 0 and box.height >= 0
        for block in text_blocks(slide):
            largest, floor = SIZES[block.role]
            assert floor <= block.size_pt <= largest, (slide.title, block.role, block.size_pt)
            assert items_height(block.items, block.box.width, block.size_pt, measurer) <= block.box.height + 0.01, (slide.title, block)
            sizes[block.role].add(block.size_pt)
            if block.role == "timeline" and EXACT_DATE.match(block.items[0].text):
                date = block.items[0]
                assert measurer.line_count(date.spans, text_width(date, block.box.width), block.size_pt) == 1, date.text
        if slide.role != "title" and slide.design not in DISPLAY_DESIGNS and not _lumpy_continuation(plan, slide):
            assert content_reach(slide, plan) >= SPARSE_SHARE - 0.01, (slide.title, slide.design, content_reach(slide, plan))
        if slide.design in DISPLAY_DESIGNS and slide.design != "picture":
            assert any(block.role in DISPLAY_ROLES for block in text_blocks(slide)) or slide.role == "title"
    several = {role: sorted(values) for role, values in sizes.items() if len(values) > 1}
    assert not several, several
    titles = [slide.title for slide in plan.slides]
    assert len(titles) == len(set(titles)), titles
    sections = [name for name, _ in itertools.groupby(slide.section for slide in plan.slides)]
    assert all(sections[1:]) and len(sections) == len(set(sections)), sections  # named after the opening, its slides together
    for slide in plan.slides:
        if slide.design == "timeline":
            assert_timeline_sound(slide)
    for slide, following in itertools.pairwise(plan.slides):
        if slide.design == "divider":
            assert slide.section == following.section, (slide.title, following.title)
    for number, slide in enumerate(plan.slides, start=1):
        if slide.notes_with:
            home = plan.slides[slide.notes_with - 1]
            assert 0 < slide.notes_with < number and home.section == slide.section and not home.notes_with, (number, slide.notes_with)
            assert slide.notes.endswith(f" {slide.notes_with}") and home.notes.strip(), (number, slide.notes)


def assert_timeline_sound(slide: SlidePlan) -> None:
    """Markers in date order with at least half a marker clear between neighbours (close ones merged into one span),
    no two leader lines crossing, and each break's length ("5 years") touching no leader line, label or other length."""
    markers = sorted(
        (drawing.box for drawing in slide.drawing if isinstance(drawing, Shape) and drawing.name in ("Marker", "Marker span")),
        key=lambda box: box.left,
    )
    least = min((box.height for box in markers), default=0.0) / 2
    for left, right in itertools.pairwise(markers):
        assert right.left - left.right >= least - 0.01, (slide.title, left, right)
    leaders = [_ends(drawing) for drawing in slide.drawing if isinstance(drawing, Line) and drawing.name == "Tick"]
    for first, second in itertools.combinations(leaders, 2):
        assert not _crossing(first, second), (slide.title, first, second)
    lengths = [_lines_of(drawing.box) for drawing in slide.drawing if isinstance(drawing, TextBlock) and drawing.name == "Break length"]
    labels = [drawing.box for drawing in slide.drawing if isinstance(drawing, TextBlock) and drawing.name == "Event"]
    for index, length in enumerate(lengths):
        near = _grown(length, CLEAR_PT)
        for leader in leaders:
            assert not _meets(leader, near), (slide.title, "leader", length, leader)
        for other in [*labels, *lengths[index + 1 :]]:
            assert not _overlap(length, other), (slide.title, "label", length, other)  # its lines hold their leading


Point = tuple[float, float]
CLEAR_PT = 1.0
"""A break's length stands at least this far from any leader line or label: nearer reads as touching."""


def _lines_of(box: Box) -> Box:
    """Where a text box's lines stand, inside its margins."""
    return Box(box.left + INSET_X_PT, box.top + INSET_Y_PT, box.width - 2 * INSET_X_PT, box.height - 2 * INSET_Y_PT)


def _grown(box: Box, by: float) -> Box:
    return Box(box.left - by, box.top - by, box.width + 2 * by, box.height + 2 * by)


def _overlap(first: Box, second: Box) -> bool:
    return first.left < second.right and second.left < first.right and first.top < second.bottom and second.top < first.bottom


def _meets(segment: tuple[Point, Point], box: Box) -> bool:
    """Whether a straight segment passes through or touches a box."""
    (x0, y0), (x1, y1) = segment
    if max(y0, y1) < box.top or min(y0, y1) > box.bottom:
        return False
    if y0 == y1:
        return min(x0, x1) <= box.right and max(x0, x1) >= box.left
    ends = [x0 + (x1 - x0) * (min(max(y, min(y0, y1)), max(y0, y1)) - y0) / (y1 - y0) for y in (box.top, box.bottom)]
    return min(ends) <= box.right and max(ends) >= box.left


def _ends(line: Line) -> tuple[Point, Point]:
    box = line.box
    return ((box.left, box.bottom), (box.right, box.top)) if line.rising else ((box.left, box.top), (box.right, box.bottom))


def _crossing(first: tuple[Point, Point], second: tuple[Point, Point]) -> bool:
    """Whether two segments cross at a point inside both (touching at an end does not count)."""

    def side(a: Point, b: Point, c: Point) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    (p, q), (r, s) = first, second
    return side(p, q, r) * side(p, q, s) < -1e-6 and side(r, s, p) * side(r, s, q) < -1e-6
