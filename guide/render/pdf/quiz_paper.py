"""The quiz paper: a topic's typed questions on paper of their own, and the teacher's copy of it with the boxes filled.

Teachers give a quiz as an assessment, in a version per class (``--seed``), apart from the
study sheet. The paper has the sheet's band with lines for name, class and date, the total
of points, and the questions numbered from 1, each set as wide as it reads best: a matching
(two columns of its own) across the page, a choice of long options or an ordering of long items
at the sheet's reading measure or across the page (an ordering only where that keeps the paper
to its page), shorter questions two side by side, so that a page holds more and its lines stay
short. The teacher's copy is the same layout with the boxes filled and the feedback, marked as
the answer key is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from typing import Literal

from reportlab.platypus import Flowable, Spacer

from guide.model import ChoiceQuestion, Course, MatchingQuestion, OrderingQuestion, Topic
from guide.quiz import Arranged, on_paper, total_points, with_points
from guide.render.common import metadata, typeset
from guide.render.pdf import best_filled, sheet_grid, with_room_at_feet
from guide.render.pdf.blocks import Blocks
from guide.render.pdf.columns import Columns, stacked_height
from guide.render.pdf.document import Rendered, first_page_room, fits_one_page, one_page_fill, render_story
from guide.render.pdf.grid import GAP_PT, Grid
from guide.render.pdf.marks import BOX_GAP_PT, BOX_PT, ONE_LINE_SLACK_PT
from guide.render.pdf.marks import ROW_GAP_PT as BOX_ROW_GAP_PT
from guide.render.pdf.questions import INDENT_PT, Questions
from guide.render.pdf.sheet import BAND_GAP_PT, furniture, kicker
from guide.render.pdf.styles import Styles, build_styles
from guide.session import BuildSession
from guide.theme import Theme

__all__ = ["render_quiz", "render_quiz_answers"]

OPTION_OFFSET_PT = INDENT_PT + BOX_PT + BOX_GAP_PT
"""Where an option's text starts in its row: after the question's indent and the box to tick."""
LEAST_PAIRED_SHARE = 0.45
"""Two questions side by side: the shorter at least this share of the taller, or the hole under it shows."""
ROW_GAP_PT = 6.0
"""Between the rows of questions, beyond the space each question keeps under itself."""
CLOSER_ROW_GAP_PT = 3.0
"""Between the rows of a paper that spills onto another page even set tight: half the gap, if that saves the page."""
MOST_ROW_GAP_PT = 42.0
"""A one-page quiz spreads its rows down the page, up to this far apart: room to think, and no empty foot."""
MOST_SHORT_ROW_GAP_PT = 120.0
"""A short paper, its rows and boxes spread as far as they go and the page still far from full, spreads its rows further,
up to this far apart: a few questions down the page with room to think, not crowded at its head."""
MOST_BOX_ROW_GAP_PT = 10.0
"""And the rows of boxes in its questions, up to this far apart (from ``BOX_ROW_GAP_PT``): room to tick, and no cramped lists."""
SPREAD_STEP = 0.25
"""The share of the most spacing measured, to tell how far spacing a paper out fills it."""
SPREAD_FILL = 0.92
"""How full a spread one-page quiz aims to be."""
SPREAD_LAST_FILL = 0.75
"""A paper of several pages whose last page is emptier than this spreads its rows to move some on to it."""
SPREAD_PAGES_FILL = 0.85
"""How full the last page of a paper of several pages spread out aims to be: its pages before give it what they spare."""


def render_quiz(topic: Topic, theme: Theme, course: Course | None = None, session: BuildSession | None = None) -> bytes:
    """The student's quiz paper: the typed questions, with boxes to tick, number or letter and gaps to fill."""
    return _render(topic, theme, course, session or BuildSession(), teacher=False)


def render_quiz_answers(topic: Topic, theme: Theme, course: Course | None = None, session: BuildSession | None = None) -> bytes:
    """The teacher's copy of the quiz paper: its layout with the boxes filled, the gaps completed and the feedback."""
    return _render(topic, theme, course, session or BuildSession(), teacher=True)


def _render(topic: Topic, theme: Theme, course: Course | None, session: BuildSession, teacher: bool) -> bytes:
    """The paper in the setting that fills its pages best: as set, closer, then with room kept at page feet."""
    topic = typeset(topic, theme.typography, session)
    labels = theme.labels_for(topic.language_code)
    grid = sheet_grid(theme, build_styles(theme, session, topic.language))
    items = on_paper(topic, theme.quiz_seed)
    total = total_points([item.question for item in items])
    if total:  # a total is the sum of what each question shows
        items = with_points(items)
    version = [f"{labels['version']} {theme.quiz_seed}"] if theme.quiz_seed else []
    meta = [*version, *([f"{labels['total']}: {total} {labels['points_total' if total > 1 else 'points']}"] if total else [])]
    named = f"{labels['quiz']}: {topic.title}"

    def naming(answered: bool) -> tuple[str, str, str, str]:
        """The marker, kicker, band heading and document title of the paper or, ``answered``, of its teacher's copy."""
        if answered:  # "Answer key" beside the kicker, not under the title: the copy keeps the paper's band height, so its pages
            key = labels["answer_key"]
            return labels["teachers_copy"], f"{labels['teachers_copy']} · {key}", named, f"{named} — {key}"
        return labels["quiz"], labels["quiz"], topic.title, named  # the kicker says "Quiz": the band's title need not say it again

    marker, _, _, title = naming(teacher)
    marks = furniture(topic, course, labels, marker, teacher)

    def compose(
        tight: bool,
        reserve_pt: float = 0.0,
        row_gap: float = ROW_GAP_PT,
        loose: float = 0.0,
        *,
        answered: bool,
        wide: bool,
        paired: bool = True,
    ) -> tuple[list[Flowable], Styles]:
        """The story, its rows ``row_gap`` apart; ``loose`` (0 to 1) of the way to the most spacing, rows and their boxes;
        ``answered`` the teacher's copy; ``wide`` an ordering as wide as its longest item needs (see ``_width``); ``paired``
        short questions two side by side."""
        styles = build_styles(theme, session, topic.language, tight)
        blocks = Blocks(styles, labels, replace(grid, page_height=grid.page_height - reserve_pt), session)
        questions = Questions(blocks, BOX_ROW_GAP_PT + loose * (MOST_BOX_ROW_GAP_PT - BOX_ROW_GAP_PT))
        printed = questions.key(items, tight) if answered else questions.sheet(items, tight=tight)
        _, kicked, heading, _ = naming(answered)
        band = blocks.title_band(kicker(kicked, course), heading, None, meta, theme.logo, answered)
        rows = _rows(items, printed, [questions.widest_row(item) for item in items], blocks, wide, paired)
        gap = row_gap + loose * (MOST_ROW_GAP_PT - ROW_GAP_PT)
        spaced = [part for row in rows for part in (Spacer(0, gap), row)][1:]
        return [band, Spacer(0, BAND_GAP_PT), *spaced], styles

    def fits_a_page(wide: bool, paired: bool = True, loose: float = 0.0) -> bool:
        """Whether the teacher's copy fits one page, set as asked: the taller copy decides for both, so both set their rows alike."""
        key_marker, _, _, key_title = naming(True)
        key_marks = furniture(topic, course, labels, key_marker, teacher=True)
        key, styles = compose(tight=False, loose=loose, answered=True, wide=wide, paired=paired)
        return fits_one_page(key, theme, styles, labels, key_marks, metadata(topic, key_title, course))

    def setting() -> tuple[bool, bool]:
        """Whether orderings are set wide, and short questions paired: measured on the teacher's copy, once for both copies.

        Orderings are set as wide as their items need, unless that sends onto a second page a paper that fits one set
        narrower. Short questions pair up to save room: a paper with room to spare, each question alone and spread as far
        as it goes still on one page, asks them one under another, read down the page."""
        plain = Questions(Blocks(build_styles(theme, session, topic.language), labels, grid, session))
        widths = [plain.widest_row(item) for item in items]
        widened = any(
            _width(item, width, grid, True) != _width(item, width, grid, False) for item, width in zip(items, widths, strict=True)
        )
        wide = not widened or not fits_a_page(False) or fits_a_page(True)
        return wide, not fits_a_page(wide, paired=False, loose=1.0)

    wide, paired = session.made_alike("quiz-setting", (topic, theme, course), setting)
    laid_out = partial(compose, answered=teacher, wide=wide, paired=paired)

    def render(story: list[Flowable], styles: Styles, reserve_pt: float = 0.0) -> Rendered:
        return render_story(story, theme, styles, labels, marks, metadata(topic, title, course), reserve_pt)

    def spread(fill: float, tight: bool) -> Rendered | None:
        """A one-page paper ``fill`` full with its rows and their boxes spread down the page, if it stays on one page.

        Spacing grows the fill in proportion: a step of it is measured (drawn only where it runs over a page) and the
        paper set as far towards the most spacing as fills ``SPREAD_FILL`` of the page.
        """
        step = laid_out(tight, loose=SPREAD_STEP)
        stepped = one_page_fill(step[0], theme, marks)
        if stepped is None:
            drawn = render(*step)
            if len(drawn.fills) > 1:
                return None
            stepped = drawn.fills[0]
        if stepped <= fill:
            return None
        loose = SPREAD_STEP * (SPREAD_FILL - fill) / (stepped - fill)
        if loose <= 1.0:
            spread_out = render(*laid_out(tight, loose=loose))
        else:  # a short paper: its rows further apart still, evenly, up to ``MOST_SHORT_ROW_GAP_PT``
            gaps = (len(step[0]) - 3) // 2  # the band, its gap, then rows with a gap between each two
            reached = fill + (stepped - fill) / SPREAD_STEP
            room = first_page_room(theme, marks)
            extra = min(MOST_SHORT_ROW_GAP_PT - MOST_ROW_GAP_PT, (SPREAD_FILL - reached) * room / gaps) if gaps else 0.0
            spread_out = render(*laid_out(tight, row_gap=ROW_GAP_PT + extra, loose=1.0))
        return spread_out if len(spread_out.fills) == 1 else None

    def spread_pages(rendered: Rendered, tight: bool, row_gap: float) -> Rendered:
        """A paper of several pages whose last is short, its rows spread so that rows move on and fill that page.

        A step of spacing is drawn to tell how much it grows the paper, and the paper set as far as grows it by what its last
        page lacks of ``SPREAD_PAGES_FILL``; kept only on as many pages, every one well filled and the emptiest fuller.
        """
        step = render(*laid_out(tight, row_gap=row_gap, loose=SPREAD_STEP))
        grown = sum(step.fills) - sum(rendered.fills)
        if len(step.fills) != len(rendered.fills) or grown <= 0:
            return rendered
        loose = min(1.0, SPREAD_STEP * (SPREAD_PAGES_FILL - rendered.fills[-1]) / grown)
        return best_filled([rendered, step, *([render(*laid_out(tight, row_gap=row_gap, loose=loose))] if loose > SPREAD_STEP else [])])

    # A paper that fits one page as set is measured, not drawn: it is kept only if its rows cannot spread.
    first = laid_out(tight=False)
    fill = one_page_fill(first[0], theme, marks)
    if fill is not None:
        spread_out = spread(fill, tight=False) if fill < SPREAD_FILL else None
        return (spread_out or render(*first)).pdf()
    tried = [render(*first)]
    if len(tried[0].fills) > 1:
        tried.append(render(*laid_out(tight=True)))
    best = best_filled(tried)
    tight, row_gap = tried.index(best) == 1, ROW_GAP_PT
    if len(best.fills) > 1:  # a page's overflow of a few lines: rows closer too, kept only if that saves the page
        closer = render(*laid_out(tight=True, row_gap=CLOSER_ROW_GAP_PT))
        if len(closer.fills) < len(best.fills):
            best, tight, row_gap = closer, True, CLOSER_ROW_GAP_PT
    if len(best.fills) == 1 and best.fills[0] < SPREAD_FILL:
        return (spread(best.fills[0], tight) or best).pdf()
    balanced = with_room_at_feet(best, lambda reserve_pt: render(*laid_out(tight, reserve_pt, row_gap), reserve_pt), grid.page_height)
    return (spread_pages(balanced, tight, row_gap) if balanced.fills[-1] < SPREAD_LAST_FILL else balanced).pdf()


Setting = Literal["half", "reading", "across"]
"""Where a question stands on a quiz paper (see ``_width``)."""


def _width(item: Arranged, widest_row: float, grid: Grid, wide: bool) -> Setting:
    """Where a question stands: ``half`` the page (beside another), the ``reading`` measure or ``across`` the page.

    A matching's two columns take the page's width. A choice, or an ordering if ``wide``, takes the narrowest of half the
    page, the reading measure and the page's width in which each of its options or items fits on one line (``widest_row``
    the widest of them); rows too long for any line wrap at the reading measure.
    """
    question = item.question
    if isinstance(question, MatchingQuestion):
        return "across"
    if not isinstance(question, ChoiceQuestion | OrderingQuestion) or (isinstance(question, OrderingQuestion) and not wide):
        return "half"
    fits = widest_row + ONE_LINE_SLACK_PT
    if fits <= (grid.width - GAP_PT) / 2 - OPTION_OFFSET_PT:
        return "half"
    if fits <= grid.main_width or fits > grid.width - OPTION_OFFSET_PT:
        return "reading"
    return "across"


def _rows(
    items: Sequence[Arranged], printed: Sequence[Flowable], widest_rows: Sequence[float], blocks: Blocks, wide: bool, paired: bool
) -> list[Flowable]:
    """The questions in rows, in their order: a wide one alone (see ``_width``, ``wide`` for orderings), two short ones of
    like height side by side if ``paired``, else each alone.

    A short question with no partner (or none of like height) stands alone at the sheet's reading measure.
    """
    grid = blocks.grid
    half = (grid.width - GAP_PT) / 2

    def row(left: Flowable, right: Flowable) -> Columns:
        return Columns([left], [right], half, GAP_PT, False, grid.page_height)

    def measured(flowable: Flowable, rest: float) -> Columns:
        """A question alone in its row, ``rest`` of the page's width left beside it; parting between its rows if it is taller
        than a page, as in the sheet's column."""
        return Columns([flowable], [], max(rest - GAP_PT, 0.0), GAP_PT if rest > GAP_PT else 0.0, False, grid.page_height)

    def alone(flowable: Flowable, width: Setting = "half") -> Columns:
        """A question alone in its row: across the page, or at the reading measure, whose lines read well: a choice's options
        as wide as the sheet's main column, after the indent and the box before each; a short question with no partner need
        not break its lines as in half the page."""
        if width == "across":
            return measured(flowable, 0.0)
        if width == "reading":
            return measured(flowable, max(grid.width - grid.main_width - OPTION_OFFSET_PT, 0.0))
        return measured(flowable, grid.width - grid.main_width)

    rows: list[Flowable] = []
    waiting: Flowable | None = None
    for item, flowable, widest in zip(items, printed, widest_rows, strict=True):
        width = _width(item, widest, grid, wide)
        if width != "half" or not paired:
            rows += [*([alone(waiting)] if waiting else []), alone(flowable, width)]
            waiting = None
        elif waiting is None:
            waiting = flowable
        elif _alike(waiting, flowable, half):
            rows.append(row(waiting, flowable))
            waiting = None
        else:
            rows.append(alone(waiting))
            waiting = flowable
    return [*rows, *([alone(waiting)] if waiting else [])]


def _alike(first: Flowable, second: Flowable, width: float) -> bool:
    """Whether two questions are near enough in height, at ``width``, to stand side by side."""
    heights = sorted(stacked_height([flowable], width) for flowable in (first, second))
    return heights[0] >= LEAST_PAIRED_SHARE * heights[1]
