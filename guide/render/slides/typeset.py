"""Setting text for one deck: each role's sizes, measured fitting, and the type scale it ends up with.

A deck is planned twice. The first time each text takes the largest size of its role that
fits its own box; the smallest of those per role becomes the deck's type scale, and the
second plan sets every text of a role at exactly that size. So key facts and sources, or
the cards of two slides, never differ in size, and nothing grows past what fits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace

from guide.render.slides.fitting import (
    BULLET_INDENT_PT,
    INSET_X_PT,
    INSET_Y_PT,
    SAFETY,
    Fitted,
    Item,
    fit,
    items_height,
    largest_size,
    line_width,
    text_width,
    unsplit,
    words_fit,
)
from guide.render.slides.geometry import Box
from guide.render.slides.measure import LINE_SPACING, Measurer
from guide.render.slides.shapes import Lines, TextBlock
from guide.render.slides.style import SIZES

TITLE_ROLES = ("title", "cover_title")
"""Roles set in the title family; the rest are set in the body family."""


class Typesetter:
    """Measures and sizes the text blocks of one deck; remembers sizes a role would need below the deck's (``wanted``)."""

    def __init__(
        self,
        title: Measurer,
        body: Measurer,
        scale: Mapping[str, float] | None = None,
        factor: float = 1.0,
        starts: Mapping[str, float] | None = None,
    ) -> None:
        self.title_measurer = title
        self.body_measurer = body
        self.scale = dict(scale or {})
        self.factor = factor
        """Every role's sizes times this: a slide taller than ours gets larger text, in proportion."""
        self.starts = dict(starts or {})
        """Roles whose largest size a template sets (its title size): tried first, down to our floor."""
        self.wanted: dict[str, float] = {}

    @contextmanager
    def trial(self) -> Iterator[None]:
        """Layouts tried within leave ``wanted`` as it was: a design tried and not chosen must not set the deck's sizes."""
        kept = dict(self.wanted)
        try:
            yield
        finally:
            self.wanted = kept

    def pt(self, length: float) -> float:
        """A length of our 960 x 540 pt design (a gap, a badge, a line's weight) on this deck's slide, in proportion to it as text is."""
        return length * self.factor

    def measurer(self, role: str) -> Measurer:
        return self.title_measurer if role in TITLE_ROLES else self.body_measurer

    def sizes(self, role: str) -> tuple[float, float]:
        """(largest, floor) for ``role``: its range, or exactly the deck's size once the scale is known."""
        if role in self.scale:
            return self.scale[role], self.scale[role]
        return self.range(role)

    def range(self, role: str) -> tuple[float, float]:
        """(largest, floor) of ``role`` on this deck's slide, in whole points."""
        largest, floor = SIZES[role]  # asked thousands of times a deck: no generator to unpack
        largest, floor = round(largest * self.factor), round(floor * self.factor)
        if role in self.starts:
            largest = round(self.starts[role])
            floor = min(floor, largest)
        return float(largest), float(floor)

    def height(self, items: Sequence[Item], width_pt: float, size_pt: float, role: str) -> float:
        return items_height(items, width_pt, size_pt, self.measurer(role))

    def balanced(self, text: str, box_width_pt: float, size_pt: float, role: str, bold: bool = True) -> str:
        """``text`` with line breaks that make its lines even (see :meth:`Measurer.balanced`)."""
        width = text_width(Item((), bullet=False), box_width_pt)
        return self.measurer(role).balanced(text, width, size_pt, bold)

    def lines(self, item: Item, width_pt: float, size_pt: float, role: str) -> int:
        """Lines ``item`` takes in a box ``width_pt`` wide."""
        return self.measurer(role).line_count(item.spans, text_width(item, width_pt), size_pt)

    def one_line_width(self, item: Item, size_pt: float, role: str) -> float:
        """The narrowest box that holds ``item`` on one line at ``size_pt``, in whatever face a viewer sets it: a big figure's column."""
        measurer = self.measurer(role)
        text = sum(measurer.widest_pt(span.text, size_pt, span.bold, span.italic) for span in item.spans)
        return text / SAFETY + 2 * INSET_X_PT + (BULLET_INDENT_PT if item.indented else 0) + 1

    def on_one_line(self, item: Item, width_pt: float, size_pt: float, role: str) -> bool:
        """Whether ``item`` stays on one line in a box ``width_pt`` wide, in whatever face a viewer sets it (a date, a figure)."""
        return self.one_line_width(item, size_pt, role) <= width_pt

    def largest_where(self, fits: Callable[[float], bool], role: str, least: float = 0.0) -> float | None:
        """The largest size of ``role`` at which ``fits`` holds; None if it holds at none.

        When the deck's size for the role is fixed and too large here, but a smaller size of the
        role's range would do, that size is remembered in ``wanted``: the next plan sets the role
        there, so a design is not given up for a size chosen before it was tried. Sizes under
        ``least`` are not tried: a design that would rather be given up than set smaller.
        """
        largest, floor = self.sizes(role)
        floor = max(floor, least)
        size = largest
        while size >= floor:
            if fits(size):
                return size
            size -= 1
        if role in self.scale:
            size, lowest = min(floor - 1, self.range(role)[0]), max(self.range(role)[1], least)
            while size >= lowest:
                if fits(size):
                    self.wanted[role] = min(self.wanted.get(role, size), size)
                    break
                size -= 1
        return None

    def largest(self, blocks: Sequence[tuple[Sequence[Item], float, float]], role: str) -> float | None:
        """The largest size of ``role`` at which every (items, width, height) block fits, with no word broken between
        characters where a size allows that; None if a block does not fit at the floor."""
        size = self.largest_where(
            lambda size: all(self.height(items, width, size, role) <= height for items, width, height in blocks), role
        )
        if size is None:
            return None
        floor = self.sizes(role)[1]
        return unsplit(size, floor, lambda smaller: all(self.words_fit(items, width, smaller, role) for items, width, _ in blocks))

    def words_fit(self, items: Sequence[Item], width_pt: float, size_pt: float, role: str) -> bool:
        """Whether every word of ``items`` fits its line in a box ``width_pt`` wide, whatever face a viewer sets it in."""
        return words_fit(items, width_pt, size_pt, self.measurer(role))

    def largest_one(self, items: Sequence[Item], box: Box, role: str) -> float | None:
        return largest_size(items, box.width, box.height, self.sizes(role), self.measurer(role))

    def fit(self, items: Sequence[Item], box: Box, role: str, flow: bool = False) -> list[Fitted]:
        """The items on as few boxes as needed at the role's size, flowing from box to box if they ``flow`` (see :func:`fitting.fit`)."""
        return fit(items, box.width, box.height, self.sizes(role), self.measurer(role), flow)

    def block(
        self,
        box: Box,
        items: Sequence[Item],
        size_pt: float,
        role: str,
        ink: str = "text",
        align: str = "l",
        anchor: str = "t",
        name: str = "Text",
    ) -> TextBlock:
        """A text block of ``role`` at ``size_pt``."""
        return TextBlock(box, tuple(items), size_pt, role, ink, align, anchor, name)

    def drawn_height(self, item: Item, box_width_pt: float, size_pt: float, role: str) -> float:
        """The height ``item`` looks to take in a box ``box_width_pt`` wide: its lines as the slide wraps them, without the
        spare width fitting keeps for a viewer that sets text wider. What spaces items evenly to the eye."""
        return len(self.broken(item, box_width_pt, size_pt, role)) * size_pt * LINE_SPACING + 2 * INSET_Y_PT

    def broken(self, item: Item, box_width_pt: float, size_pt: float, role: str) -> Lines:
        """``item``'s lines in a box ``box_width_pt`` wide, broken where a slide wraps them."""
        return self.measurer(role).wrap(item.spans, line_width(item, box_width_pt), size_pt)

    def with_lines(self, block: TextBlock) -> TextBlock:
        """``block`` with the lines of each of its items."""
        lines = tuple(self.broken(item, block.box.width, block.size_pt, block.role) for item in block.items)
        return replace(block, lines=lines)
