"""How a ``lines`` handout sets its slides: as many a page as can be read when printed, beside lines for writing.

A slide shrunk to fit three a page beside ruled lines prints its text at a fraction of its
size on the slide; a dense slide's 18 pt text shrunk to 80 mm comes out near 5 pt, which
nobody reads on paper. So each page is laid out for the slides on it: its slides are drawn
just wide enough that the smallest text of each prints at ``READABLE_PT``, no narrower than
``RULED_SHARE`` of the page (lines keep the rest), three a page when three that wide fit
with room to write beside them, else two a page, larger, with lines under each and beside it
where there is room (a slide of two may take the page's width). All pages of three draw their
slides at one width, and all pages of two at another, so pages match.
The deck's footer line and slide number are left out of the measure: the page's running
header and the label under each slide say the same, in type of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from guide.render.slides.plan import DeckPlan, SlidePlan
from guide.render.slides.shapes import TextBlock

READABLE_PT = 7.0
"""The smallest a slide's own text prints on a ``lines`` handout, where the page allows (all but the widest A4 margins)."""
RULED_SHARE = 0.52
"""Of the width of a ``lines`` page: the least the slides take, when their text is large enough for that."""
WRITING_PT = 110.0
"""The narrowest column of lines beside a slide (about 39 mm): a few handwritten words a line."""
RULE_INSET_PT = 14.0
"""Between a slide and the lines beside it."""
ROW_GAP_PT = 8.0
"""Between one slide's room and the next on a ``lines`` page."""
LABEL_ROOM_PT = 12.0
"""Under each slide, for its number."""
THREE, TWO = 3, 2
"""Slides a ``lines`` page holds: three when they print readable that small, else two."""


@dataclass(frozen=True)
class RuledPage:
    """One ``lines`` page: which slides (indexes into the deck), each drawn ``slide_width`` wide, in rows of ``row_height``."""

    slides: tuple[int, ...]
    """Indexes into the slides laid out."""
    slide_width: float
    row_height: float


def smallest_text_pt(slide: SlidePlan) -> float:
    """The smallest text a slide shows of its own: its title, subtitle, body and the text of its drawing."""
    blocks = (slide.subtitle, slide.body, *slide.drawing)
    return min([slide.title_size_pt, *(block.size_pt for block in blocks if isinstance(block, TextBlock))])


def readable_width(plan: DeckPlan, slide: SlidePlan) -> float:
    """How wide ``slide`` must be drawn for its smallest text to print at ``READABLE_PT``."""
    return plan.width_pt * READABLE_PT / smallest_text_pt(slide)


def widest(plan: DeckPlan, width: float, height: float, per_page: int) -> tuple[float, float]:
    """(the widest a slide may be drawn, the height of its row) with ``per_page`` rows on a ``width`` x ``height`` page.

    Three a page keep a column beside each slide to write in; two a page have lines under each, so may fill the width.
    """
    row_height = (height - (per_page - 1) * ROW_GAP_PT) / per_page
    by_height = (row_height - LABEL_ROOM_PT) * plan.width_pt / plan.height_pt
    return min(by_height, width - RULE_INSET_PT - WRITING_PT if per_page == THREE else width), row_height


def ruled_pages(plan: DeckPlan, slides: Sequence[SlidePlan], width: float, height: float) -> list[RuledPage]:
    """``slides`` (of the deck ``plan``) in reading order on ``lines`` pages of ``width`` x ``height`` points (see the module's note).

    Each page takes three slides when all three can be drawn readable that many a page, else two.
    Slides are drawn one width on all pages of three and one on all pages of two: as wide as the
    densest slide that many a page needs, within what the page allows, so that pages match; on a
    page too small for that (large margins), the widest the page offers, short of readable.
    """
    needs = [readable_width(plan, slide) for slide in slides]
    least = RULED_SHARE * width
    (most_three, three_row), (most_two, two_row) = widest(plan, width, height, THREE), widest(plan, width, height, TWO)
    three_width = min(most_three, max([least, *(need for need in needs if need <= most_three)]))
    two_width = min(most_two, max(least, *needs))
    pages: list[RuledPage] = []
    start = 0
    for count in page_counts([need <= most_three for need in needs]):
        chosen = tuple(range(start, start + count))
        pages.append(RuledPage(chosen, three_width, three_row) if count == THREE else RuledPage(chosen, two_width, two_row))
        start += count
    return pages


def page_counts(fits_three: Sequence[bool]) -> list[int]:
    """How many slides each ``lines`` page takes, in order: three where all three print readable that small, else two.

    Of the ways to share the slides so, the one with the fewest pages holding one slide alone (a half-empty page), then the
    fewest pages, then the one taking three soonest: twenty-two slides that all fit three a page are six pages of three and
    two of two, not seven of three and one alone.
    """
    count = len(fits_three)
    best: list[tuple[tuple[int, int], list[int]]] = [((0, 0), [])] * (count + 1)  # from each slide on: (alone, pages), counts
    for start in range(count - 1, -1, -1):
        ways = []
        for size in (THREE, TWO, 1):
            if start + size <= count and (size != THREE or all(fits_three[start : start + THREE])):
                (alone, pages), counts = best[start + size]
                ways.append(((alone + (size == 1), pages + 1), [size, *counts]))
        best[start] = min(ways, key=lambda way: way[0])  # the first of equals: three before two before one
    return best[0][1]
