"""The PDF renderer: a topic's study sheet and its teacher's answer key, with reportlab."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import partial

from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import LayoutError

from guide.model import Course, Topic
from guide.quiz import on_sheet
from guide.render.common import metadata, typeset
from guide.render.pdf.blocks import Blocks
from guide.render.pdf.columns import least_height
from guide.render.pdf.document import Rendered, first_page_room, render_story, text_area
from guide.render.pdf.grid import Grid, measured_grid
from guide.render.pdf.sheet import ARRANGEMENTS, KEY_LAYOUTS, Arrangement, answer_key_story, furniture, study_sheet_story
from guide.render.pdf.styles import Styles, build_styles
from guide.session import BuildSession
from guide.theme import Theme

__all__ = ["render_answer_key", "render_study_sheet"]

LEAST_FILL = 0.4
"""No page but the last of three or more may be emptier than this."""
LEAST_LAST_FILL = 0.2
"""The last of three or more pages may be emptier than ``LEAST_FILL``, not this empty: a few lines alone on a page of their own
are worth every arrangement, and room kept at page feet."""
SETTLED_FILL = 0.5
"""A well-filled layout whose last page is at least this full is taken; an emptier last page may still be saved."""
RESERVE_MARGIN = 0.08
RESERVE_FACTORS = (1.0, 1.6)
"""How much of a last page's shortfall to keep free at the foot of each earlier page, in turn."""
MOST_RESERVE = 0.3
"""Of a page's text height: the most kept free at its foot."""
MOST_LAYOUTS_WITH_ROOM = 3
"""How many of the best arrangements are laid out again with room kept free at page feet when none fills its pages well."""
PAGE_ROOM_SLACK_PT = 1.0
"""Beyond a page's room: what a story's least height must exceed for the story to be judged too tall for one page."""


def well_filled(fills: tuple[float, ...]) -> bool:
    """Whether every page is at least ``LEAST_FILL`` full, allowing the last of three or more to be emptier."""
    judged = fills[:-1] if len(fills) >= 3 else fills
    return len(fills) == 1 or all(fill >= LEAST_FILL for fill in judged)


def sheet_grid(theme: Theme, styles: Styles) -> Grid:
    width, height = text_area(theme)
    return measured_grid(width, height, styles.body_fonts.regular, theme.body_pt, theme.sidebar == "left")


def render_study_sheet(topic: Topic, theme: Theme, course: Course | None = None, session: BuildSession | None = None) -> bytes:
    """The printable study sheet of ``topic`` as PDF bytes, in the arrangement that fills its pages best.

    Arrangements are tried in order until one is well filled; failing that, the best of them is
    laid out again with room kept free at the foot of each page, so that the last page gets more
    (see ``with_room_at_feet``).
    """
    session = session or BuildSession()
    topic = typeset(topic, theme.typography, session)
    labels = theme.labels_for(topic.language_code)
    grid = sheet_grid(theme, build_styles(theme, session, topic.language))
    marks = furniture(topic, course, labels, labels["study_sheet"])
    asked = on_sheet(topic, theme.quiz_seed, theme.quiz_print == "paper")

    def render(arrangement: Arrangement, reserve_pt: float = 0.0) -> Rendered:
        styles = build_styles(theme, session, topic.language, arrangement.tight)
        blocks = Blocks(styles, labels, replace(grid, page_height=grid.page_height - reserve_pt), session)
        story = study_sheet_story(topic, blocks, course, theme.logo, arrangement, asked, theme.quiz_seed)
        return render_story(story, theme, styles, labels, marks, metadata(topic, topic.title, course), reserve_pt)

    tried: list[tuple[Arrangement, Rendered]] = []
    for arrangement in ARRANGEMENTS:
        tried.append((arrangement, render(arrangement)))
        best = best_filled(rendered for _, rendered in tried)
        # An emptier last page is worth one more try only where a tighter setting might save it; a few lines alone, every try.
        settles = best.fills[-1] >= SETTLED_FILL or (arrangement.tight and best.fills[-1] >= LEAST_LAST_FILL) or len(best.fills) == 1
        if well_filled(best.fills) and settles:
            return best.pdf()
    return best_with_room_at_feet(tried, render, grid.page_height).pdf()


def best_with_room_at_feet(
    tried: Sequence[tuple[Arrangement, Rendered]], render: Callable[[Arrangement, float], Rendered], page_height: float
) -> Rendered:
    """The best of the ``tried`` arrangements laid out again with room kept free at page feet (see ``with_room_at_feet``).

    Room kept free at the foot of a page fills the last page only where what it sends on takes
    as much room there: a box continued from the sidebar is set across the next page, in a
    fraction of the height it left. So the next best layouts get their turn, best first, until
    one is well filled (at most ``MOST_LAYOUTS_WITH_ROOM`` of them); layouts filling their pages alike are tried once.
    Of the layouts, the best balanced by ``balanced_rank``.
    """
    laid_out: list[Rendered] = []
    seen: set[tuple[float, ...]] = set()
    for arrangement, rendered in sorted(tried, key=lambda pair: filled_rank(pair[1])):
        if rendered.fills in seen:
            continue
        seen.add(rendered.fills)
        laid_out.append(with_room_at_feet(rendered, partial(render, arrangement), page_height, balanced_rank))
        if well_filled(laid_out[-1].fills) or len(seen) == MOST_LAYOUTS_WITH_ROOM:
            break
    return min(laid_out, key=balanced_rank)


def with_room_at_feet(
    rendered: Rendered,
    render: Callable[[float], Rendered],
    page_height: float,
    rank: Callable[[Rendered], tuple[float, ...]] | None = None,
) -> Rendered:
    """``rendered``, or a layout of it with room kept free at the foot of each page if that fills its pages better by ``rank``
    (``filled_rank`` unless given)."""
    if len(rendered.fills) < 2 or rendered.fills[-1] >= LEAST_FILL:
        return rendered
    tried = [rendered]
    shortfall = (LEAST_FILL + RESERVE_MARGIN - rendered.fills[-1]) * page_height / (len(rendered.fills) - 1)
    for reserve_pt in dict.fromkeys(min(shortfall * factor, MOST_RESERVE * page_height) for factor in RESERVE_FACTORS):
        try:
            tried.append(render(reserve_pt))
        except LayoutError:  # something on the sheet is taller than the shortened pages
            break
    return min(tried, key=rank or filled_rank)


def best_filled(tried: Iterable[Rendered]) -> Rendered:
    """Well-filled pages first, then the fewest pages, then the fullest emptiest page; the earlier of equals."""
    return min(tried, key=filled_rank)


def filled_rank(rendered: Rendered) -> tuple[bool, int, float]:
    """How well ``rendered`` fills its pages, best lowest: well filled first, then the fewest pages, then the fullest emptiest page."""
    return (not well_filled(rendered.fills), len(rendered.fills), -min(rendered.fills))


def balanced_rank(rendered: Rendered) -> tuple[bool, int, float, float, float]:
    """As ``filled_rank``, an emptiest page ``SETTLED_FILL`` full or more counting as full; then the fuller pages before the last.

    A sheet on two pages is printed on both sides of one: its front is what a class sees first. Room kept free at the
    foot of the front fills the back, but only so far as the back needs to read as a page of its own; past that, an
    emptier front for a fuller back is no better balance, only a front left a third empty.
    """
    fills = rendered.fills
    return (not well_filled(fills), len(fills), -min(min(fills), SETTLED_FILL), -min(fills[:-1], default=1.0), -min(fills))


def render_answer_key(topic: Topic, theme: Theme, course: Course | None = None, session: BuildSession | None = None) -> bytes:
    """The teacher's copy: every question of the sheet with its answer, the key facts with details and sources, the teacher's notes."""
    session = session or BuildSession()
    topic = typeset(topic, theme.typography, session)
    labels = theme.labels_for(topic.language_code)
    grid = sheet_grid(theme, build_styles(theme, session, topic.language))
    title = f"{topic.title} — {labels['answer_key']}"
    marks = furniture(topic, course, labels, labels["teachers_copy"], teacher=True)
    answered = on_sheet(topic, theme.quiz_seed, theme.quiz_print == "paper")

    def laid_out(layout: tuple[str, bool], reserve_pt: float = 0.0) -> tuple[list[Flowable], Styles]:
        where, tight = layout
        styles = build_styles(theme, session, topic.language, tight)
        blocks = Blocks(styles, labels, replace(grid, page_height=grid.page_height - reserve_pt), session)
        return answer_key_story(topic, blocks, course, theme.logo, answered, where, tight, theme.quiz_seed), styles

    def render(story: list[Flowable], styles: Styles, reserve_pt: float = 0.0) -> Rendered:
        return render_story(story, theme, styles, labels, marks, metadata(topic, title, course), reserve_pt)

    # Layouts are tried in turn until one fits a page. One whose main column alone is taller than
    # the page's room cannot, and is rendered only if none does (for the best of them all).
    layouts = [(where, tight) for tight in (False, True) for where in KEY_LAYOUTS]
    room = first_page_room(theme, marks) + PAGE_ROOM_SLACK_PT
    tried: dict[tuple[str, bool], Rendered] = {}
    stories: dict[tuple[str, bool], tuple[list[Flowable], Styles]] = {}
    for layout in layouts:
        stories[layout] = story, styles = laid_out(layout)
        if least_height(story, grid.width) > room:
            continue
        tried[layout] = render(story, styles)
        if len(tried[layout].fills) == 1:
            break
    else:
        tried = {layout: tried.get(layout) or render(*stories[layout]) for layout in layouts}
    best = best_filled(tried.values())
    chosen = next(layout for layout, rendered in tried.items() if rendered is best)
    return with_room_at_feet(best, lambda reserve_pt: render(*laid_out(chosen, reserve_pt), reserve_pt), grid.page_height).pdf()
