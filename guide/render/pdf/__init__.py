"""The PDF renderer: a topic's study sheet and its teacher's answer key, with reportlab."""

from __future__ import annotations

from guide.model import Course, Topic
from guide.render.common import metadata
from guide.render.pdf.blocks import Blocks
from guide.render.pdf.document import Rendered, render_story, text_area
from guide.render.pdf.grid import Grid, measured_grid
from guide.render.pdf.sheet import ARRANGEMENTS, answer_key_story, furniture, study_sheet_story
from guide.render.pdf.styles import Styles, build_styles
from guide.theme import Theme

__all__ = ["render_answer_key", "render_study_sheet"]

LEAST_FILL = 0.4
"""No page but the last of three or more may be emptier than this."""
SETTLED_FILL = 0.5
"""A well-filled layout whose last page is at least this full is taken; an emptier last page may still be saved."""


def well_filled(fills: tuple[float, ...]) -> bool:
    """Whether every page is at least ``LEAST_FILL`` full, allowing the last of three or more to be emptier."""
    judged = fills[:-1] if len(fills) >= 3 else fills
    return len(fills) == 1 or all(fill >= LEAST_FILL for fill in judged)


def _grid(theme: Theme, styles: Styles) -> Grid:
    width, height = text_area(theme)
    return measured_grid(width, height, styles.body_fonts.regular, theme.body_pt, theme.sidebar == "left")


def render_study_sheet(topic: Topic, theme: Theme, course: Course | None = None) -> bytes:
    """The printable study sheet of ``topic`` as PDF bytes, laid out as the first arrangement that fills its pages well."""
    labels = theme.labels_for(topic.language_code)
    grid = _grid(theme, build_styles(theme, topic.language))
    marks = furniture(topic, course, labels, labels["study_sheet"])
    tried: list[Rendered] = []
    for arrangement in ARRANGEMENTS:
        styles = build_styles(theme, topic.language, arrangement.tight)
        story = study_sheet_story(topic, Blocks(styles, labels, grid), course, theme.logo, arrangement)
        tried.append(render_story(story, theme, styles, labels, marks, metadata(topic, topic.title, course)))
        best = _best(tried)
        if well_filled(best.fills) and best.fills[-1] >= SETTLED_FILL:
            break
    return _best(tried).pdf


def _best(tried: list[Rendered]) -> Rendered:
    """Well-filled pages first, then the fewest pages, then the fullest emptiest page; the earlier of equals."""
    return min(tried, key=lambda rendered: (not well_filled(rendered.fills), len(rendered.fills), -min(rendered.fills)))


def render_answer_key(topic: Topic, theme: Theme, course: Course | None = None) -> bytes:
    """The teacher's copy: every question with its answer, the key facts with details and sources, the teacher's notes."""
    labels = theme.labels_for(topic.language_code)
    styles = build_styles(theme, topic.language)
    story = answer_key_story(topic, Blocks(styles, labels, _grid(theme, styles)), course, theme.logo)
    title = f"{topic.title} — {labels['answer_key']}"
    marks = furniture(topic, course, labels, labels["teachers_copy"], teacher=True)
    return render_story(story, theme, styles, labels, marks, metadata(topic, title, course)).pdf
