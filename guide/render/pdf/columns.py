"""The sheet's grid: a main column and a sidebar side by side, flowing on together across pages.

reportlab's frames fill one after the other; a sidebar has to run beside the main text on the
same page, so this region measures both columns itself and splits each where the page ends:
a heading goes with what follows it, a kept group moves whole, and a box splits only where
it allows (see ``Box``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer

MAX_PT = 10_000.0
ROUNDING_PT = 0.01
"""How far what fits may reach past the room it is measured for: heights summed in another order differ by less."""


class Kept(Flowable):
    """Flowables that must stay on one page, such as a question and its lines to write on.

    Only a group taller than a whole page splits, between its parts.
    """

    def __init__(self, parts: Sequence[Flowable]) -> None:
        super().__init__()
        self.parts = list(parts)

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab calls it so
        return self.parts[0].getSpaceBefore() if self.parts else 0.0

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab calls it so
        return self.parts[-1].getSpaceAfter() if self.parts else 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = stacked_height(self.parts, available_width)
        return available_width, self.height

    def least_wrapped_height(self, available_width: float) -> float:
        return least_stacked_height(self.parts, available_width)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []

    def force_split(self, available_width: float, available_height: float) -> list[Flowable]:
        head, tail = fill(self.parts, available_width, available_height, fresh=True)
        return [Kept(head), Kept(tail)] if head and tail else []

    def draw(self) -> None:
        draw_stacked(self.parts, self.canv, self.width, self.height)


LEAST_ITEMS_APART = 2
"""A list split across pages or columns keeps at least this many of its items on each side."""


def kept_ends(items: Sequence[Flowable]) -> list[Flowable]:
    """A list's items grouped so that a split never leaves one of them alone: its first two and last two stay together."""
    if len(items) < 2 * LEAST_ITEMS_APART:
        return [Kept(items)] if len(items) > 1 else list(items)
    return [Kept(items[:LEAST_ITEMS_APART]), *items[LEAST_ITEMS_APART:-LEAST_ITEMS_APART], Kept(items[-LEAST_ITEMS_APART:])]


def wrapped_height(flowable: Flowable, width: float) -> float:
    """The height of ``flowable`` wrapped to ``width``, wrapping it again only for another width.

    Columns measure each part several times at one width (to fit, to split, to draw), and
    breaking a paragraph into lines is most of a sheet's time. The measure is kept on the
    flowable with the width it was made for, so what it draws always matches its last wrap.
    """
    state = vars(flowable)
    if state.get("_wrapped_for") != width:
        state["_wrapped_for"] = width
        state["_wrapped_height"] = flowable.wrap(width, MAX_PT)[1]
    return float(state["_wrapped_height"])


def _gap_before(flowable: Flowable, first: bool) -> float:
    return 0.0 if first else flowable.getSpaceBefore()


def stacked_height(flowables: Sequence[Flowable], width: float) -> float:
    """Height of flowables one below the other; space before the first and after the last is dropped."""
    height = 0.0
    for index, flowable in enumerate(flowables):
        height += _gap_before(flowable, index == 0) + wrapped_height(flowable, width)
        if index < len(flowables) - 1:
            height += flowable.getSpaceAfter()
    return height


def least_stacked_height(flowables: Sequence[Flowable], width: float) -> float:
    """A height ``stacked_height`` is never below, measured without breaking paragraphs into lines.

    A flowable that knows a height it is never below (``least_wrapped_height``: a paragraph's one
    line, a box's items at one line each) counts that; any other, its wrapped height. Summed in
    the same order, so the bound holds to the last bit.
    """
    height = 0.0
    for index, flowable in enumerate(flowables):
        least = getattr(flowable, "least_wrapped_height", None)
        height += _gap_before(flowable, index == 0) + (least(width) if least else wrapped_height(flowable, width))
        if index < len(flowables) - 1:
            height += flowable.getSpaceAfter()
    return height


def draw_stacked(flowables: Sequence[Flowable], canvas: Canvas, width: float, height: float, x: float = 0.0) -> None:
    y = height
    for index, flowable in enumerate(flowables):
        y -= _gap_before(flowable, index == 0)
        y -= wrapped_height(flowable, width)
        flowable.drawOn(canvas, x, y)
        y -= flowable.getSpaceAfter()


def fill(flowables: Sequence[Flowable], width: float, height: float, fresh: bool) -> tuple[list[Flowable], list[Flowable]]:
    """(what fits in ``height``, the rest): the flowable at the page end splits if it can.

    Headings (``keep_with_next``) never end the part that fits. ``fresh`` says the space is a
    whole empty page: what fits nowhere then splits by force rather than moving on forever.
    """
    head: list[Flowable] = []
    used = 0.0
    flowables = list(flowables)
    for index, flowable in enumerate(flowables):
        before = _gap_before(flowable, not head)
        own = wrapped_height(flowable, width)
        if used + before + own <= height + ROUNDING_PT:
            head.append(flowable)
            used += before + own + flowable.getSpaceAfter()
            continue
        room = height - used - before
        pieces = flowable.split(width, room) if room > 0 else []
        only_headings = all(getattr(kept, "keep_with_next", False) or wrapped_height(kept, width) == 0 for kept in head)
        if len(pieces) < 2 and fresh and only_headings and hasattr(flowable, "force_split"):
            pieces = flowable.force_split(width, room)
        vars(flowable).pop("_wrapped_for", None)  # splitting may leave it wrapped otherwise, or not at all
        rest = flowables[index:]
        if getattr(flowable, "floats", False) and len(pieces) < 2:
            return _float_past(flowable, head, rest[1:], width, height - used)
        if len(pieces) >= 2:
            if widens(flowable):
                widening(pieces)
            for piece in pieces[1:]:
                vars(piece)["continues"] = True
            head.append(pieces[0])
            rest = [*pieces[1:], *flowables[index + 1 :]]
        while head and getattr(head[-1], "keep_with_next", False):
            rest.insert(0, head.pop())
        return head, rest
    return head, []


def _float_past(
    figure: Flowable, head: list[Flowable], rest: list[Flowable], width: float, room: float
) -> tuple[list[Flowable], list[Flowable]]:
    """A figure that does not fit lets the paragraphs of its section go first, and heads the next page.

    It never floats past a heading, so it stays in the section it illustrates.
    """
    passing = []
    while rest and not getattr(rest[0], "keep_with_next", False):
        passing.append(rest.pop(0))
    more, left = fill(passing, width, room, fresh=False)
    return head + more, [figure, *left, *rest]


def widening(flowables: Sequence[Flowable]) -> list[Flowable]:
    """``flowables`` marked to take the sidebar's width too on a page the sidebar has ended before (the questions)."""
    for flowable in flowables:
        vars(flowable)["widens"] = True
    return list(flowables)


def widens(flowable: Flowable) -> bool:
    return bool(vars(flowable).get("widens", False))


def continues(flowable: Flowable) -> bool:
    """Whether ``flowable`` is the second or a later part of something split at a page's or column's end."""
    return bool(vars(flowable).get("continues", False))


class Columns(Flowable):
    """A main column and a sidebar, ``gap`` apart; ``sidebar_left`` puts the sidebar first.

    ``page_height`` is the height of a whole page's frame, so that content too tall for any
    page is split by force instead of being carried on for ever.
    """

    def __init__(
        self,
        main: Sequence[Flowable],
        side: Sequence[Flowable],
        side_width: float,
        gap: float,
        sidebar_left: bool,
        page_height: float,
    ) -> None:
        super().__init__()
        self.main = list(main)
        self.side = list(side)
        self.side_width = side_width
        self.gap = gap
        self.sidebar_left = sidebar_left
        self.page_height = page_height
        self.marker: Callable[[], Flowable] | None = None
        """Makes a mark put between the parts of a split, to note where the first part ended."""
        self.space_before = 0.0
        """The space the part before a split asked for after itself, kept when this part follows it on the same page."""
        self.under: list[Flowable] = []
        """Set across the page under both columns: the main column's questions once the sidebar has ended on the page."""

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab calls it so
        return self.space_before

    def main_width(self, width: float) -> float:
        """The main column's width in a region ``width`` wide."""
        return width - self.side_width - self.gap

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.main_height = stacked_height(self.main, self.main_width(available_width))
        self.side_height = stacked_height(self.side, self.side_width)
        self.height = max(self.main_height, self.side_height)
        if self.under:
            self.height += self.gap + stacked_height(self.under, available_width)
        return available_width, self.height

    def _with(self, main: list[Flowable], side: list[Flowable]) -> Columns:
        part = Columns(main, side, self.side_width, self.gap, self.sidebar_left, self.page_height)
        part.marker = self.marker
        return part

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """The part that fits and the rest; where the main column ends first, the sidebar's rest continues in its place."""
        fresh = available_height >= self.page_height - 1
        main_width = self.main_width(available_width)
        room = available_height - ROUNDING_PT  # what ``fill`` lets reach past its room, the frame does not
        main_head, main_tail = fill(self.main, main_width, room, fresh)
        side_head, side_tail = fill(self.side, self.side_width, room, fresh)
        if not main_head and (self.main or not side_head):
            return []  # a sidebar with nothing beside it waits for its main column
        if not main_tail and not side_tail:  # it fits only within ``fill``'s rounding margin, which the frame does not allow
            return self.split(available_width, available_height - 2 * ROUNDING_PT) if available_height > 2 * ROUNDING_PT else []
        if not main_tail and side_tail:
            # Whatever of the sidebar is left goes under the finished main column, or if it goes on from the sidebar of
            # this page (a box's second part), across the next: one part of it in one place, read after the first.
            moved: list[Flowable] = []
            if not continues(side_tail[0]):
                moved, side_tail = self._move_under(main_head, side_tail, main_width, available_height)
            main_head, main_tail, side_tail = [*main_head, *moved], widening(side_tail), []
        marks = [self.marker()] if self.marker else []
        head, tail = self._with(main_head, side_head), self._with(main_tail, side_tail)
        if self.side and not side_tail and main_tail and all(widens(flowable) for flowable in main_tail):
            head, main_tail = self._under_sidebar(side_head, available_width, available_height) or (head, main_tail)
            tail = self._widened(main_tail)
        tail.space_before = max((column[-1].getSpaceAfter() for column in (main_head, side_head) if column), default=0.0)
        return [head, *marks, tail]

    def _under_sidebar(self, side: list[Flowable], width: float, height: float) -> tuple[Columns, list[Flowable]] | None:
        """The page's part with the main column's questions set across it under the sidebar, which ends on the page, and what
        of the main column is left for the next page; None where the main column's other parts would not stay beside it."""
        main_width = self.main_width(width)
        side_height = stacked_height(side, self.side_width)
        beside, rest = fill(self.main, main_width, side_height, fresh=False)
        if not beside or not rest or not all(widens(flowable) for flowable in rest):
            return None
        used = max(stacked_height(beside, main_width), side_height) + self.gap
        under, left = fill(rest, width, height - used - 2 * ROUNDING_PT, fresh=False)
        if not under:
            return None
        part = self._with(beside, side)
        part.under = under
        return part, left

    def _widened(self, main: list[Flowable]) -> Columns:
        """The main column's rest across the page: once the sidebar has ended, a question needs no room kept beside it."""
        part = Columns(main, [], 0.0, 0.0, self.sidebar_left, self.page_height)
        part.marker = self.marker
        return part

    def _move_under(self, main: list[Flowable], side: list[Flowable], width: float, height: float) -> tuple[list[Flowable], list[Flowable]]:
        """(what of the sidebar's rest fits under the finished main column, with a gap above it; what does not)."""
        used = stacked_height(main, width) + (main[-1].getSpaceAfter() if main else 0.0) + self.gap
        moved, rest = fill(side, width, height - used, fresh=False)
        while moved and stacked_height([*main, Spacer(0, self.gap), *moved], width) > height:
            rest.insert(0, moved.pop())
        while moved and getattr(moved[-1], "keep_with_next", False):
            rest.insert(0, moved.pop())
        return ([Spacer(0, self.gap), *moved] if moved else []), rest

    def draw(self) -> None:
        main_width = self.main_width(self.width)
        main_x, side_x = (self.side_width + self.gap, 0.0) if self.sidebar_left else (0.0, main_width + self.gap)
        draw_stacked(self.main, self.canv, main_width, self.height, main_x)
        draw_stacked(self.side, self.canv, self.side_width, self.height, side_x)
        if self.under:
            draw_stacked(self.under, self.canv, self.width, stacked_height(self.under, self.width))


def least_height(story: Sequence[Flowable], width: float) -> float:
    """A height ``story`` needs at least, laid out down a frame ``width`` wide: the height of each flowable, of a region of
    columns its main column's alone, spaces left out.

    A region's main column stays in it and keeps its width, but for the parts that may widen under
    the sidebar, left out too; the sidebar may end up under it. A story whose least height is more
    than a page's room cannot fit one page.
    """
    height = 0.0
    for flowable in story:
        if isinstance(flowable, Columns):
            main_width = flowable.main_width(width)
            height += sum(wrapped_height(part, main_width) for part in flowable.main if not widens(part))
        else:
            height += wrapped_height(flowable, width)
    return height


def balanced(
    main: Sequence[Flowable], side: Sequence[Flowable], main_width: float, side_width: float
) -> tuple[list[Flowable], list[Flowable]]:
    """Main column and sidebar with the sidebar's last sections moved under the main column while that shortens the longer.

    A sidebar far longer than its main column would leave the main column's foot empty on every
    page it runs on; a section moved (a heading and what follows it) is read as well at the end of the main column.
    """
    main, side = list(main), list(side)
    while True:
        starts = [index for index, flowable in enumerate(side) if getattr(flowable, "keep_with_next", False)]
        if not starts:
            return main, side
        moved = side[starts[-1] :]
        longer = max(stacked_height(main, main_width), stacked_height(side, side_width))
        after = max(stacked_height([*main, *moved], main_width), stacked_height(side[: starts[-1]], side_width))
        if after >= longer:
            return main, side
        main, side = [*main, *moved], side[: starts[-1]]
